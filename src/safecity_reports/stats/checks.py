"""Checks on the numbers handed to the statistics: each returns the number as a float or raises
``ValueError`` with a plain message naming the argument, the bad value and what is accepted."""

from __future__ import annotations

import math
from numbers import Real


def number(name: str, value: object) -> float:
    """``value`` as a finite float; a missing value (None, NaN), a bool or text is refused."""
    if value is None:
        raise ValueError(f"{name} is missing: a number is needed")
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{name} must be a number, got {value!r}")
    result = float(value)
    if math.isnan(result):
        raise ValueError(f"{name} is missing (NaN): a number is needed")
    if math.isinf(result):
        raise ValueError(f"{name} must be finite, got {result}")
    return result


def count(name: str, value: object) -> float:
    """A number of events or cases: zero or more."""
    result = number(name, value)
    if result < 0:
        raise ValueError(f"{name} must be zero or more, got {value}")
    return result


def denominator(name: str, value: object) -> float:
    """A population, sample size or exposure: more than zero."""
    result = number(name, value)
    if result <= 0:
        raise ValueError(f"{name} must be more than zero, got {value}")
    return result


def part_of(name: str, value: object, whole_name: str, whole: float) -> float:
    """A numerator that cannot exceed its denominator (cases among a sample)."""
    result = count(name, value)
    if result > whole:
        raise ValueError(f"{name} ({value}) cannot be more than {whole_name} ({whole:g})")
    return result


def confidence(value: object) -> float:
    """A confidence level as a proportion strictly between 0 and 1 (0.95, not 95)."""
    result = number("confidence", value)
    if not 0 < result < 1:
        raise ValueError(f"confidence must be between 0 and 1 (e.g. 0.95 for 95%), got {value}")
    return result


def multiplier(value: object) -> float:
    """What a rate is expressed per (1000 for "per 1,000 people"): more than zero."""
    return denominator("multiplier", value)


def phi(value: object) -> float:
    """A dispersion factor (how many times the Poisson variance a series shows): 1 or more, as
    it is floored at 1."""
    result = number("phi", value)
    if result < 1:
        raise ValueError(f"phi must be 1 or more (it is floored at 1), got {value}")
    return result
