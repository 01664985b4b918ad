"""Funnel plots of rates: each area's rate against the group's, allowing for its population.

The methods are PHEindicatormethods' for crude rates (``calculate_funnel_limits`` and
``assign_funnel_significance`` with ``statistic = "rate"``), as the Fingertips technical guidance
describes them: the funnel's lines are exact Poisson limits; an area is judged by whether its own
rate's confidence interval (exact below 10 events, Byar's from 10) excludes the group's rate.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from . import checks
from .intervals import rate_interval

OUTER, INNER = 0.998, 0.95
"""The funnel's outer (judging) and inner (warning) confidence levels."""


def group_rate(
    counts: Sequence[float], denominators: Sequence[float], multiplier: float = 1000
) -> float:
    """The group's average rate: all the events over all the population, times ``multiplier``.

    Raises ``ValueError`` for no areas, lists of different lengths, a negative or missing count,
    or a denominator of zero or less.
    """
    if len(counts) != len(denominators):
        raise ValueError(
            f"counts and denominators must pair up: {len(counts)} counts, "
            f"{len(denominators)} denominators"
        )
    if not counts:
        raise ValueError("a group rate needs at least one area")
    events = sum(checks.count(f"count {i + 1}", c) for i, c in enumerate(counts))
    people = sum(checks.denominator(f"denominator {i + 1}", d) for i, d in enumerate(denominators))
    return events / people * checks.multiplier(multiplier)


def _count_limits(expected: float, confidence: float) -> tuple[float, float]:
    """The counts, as real numbers, at which an area's exact interval just reaches ``expected``.

    Upper: the count ``u`` whose exact lower limit is ``expected``, i.e. ``P(Gamma(u) <= E) =
    a/2``; lower: the count ``l`` whose exact upper limit is ``expected``, i.e.
    ``P(Gamma(l + 1) <= E) = 1 - a/2``, or 0 when no count reaches it. These are PHE's
    ``poisson_funnel`` found directly rather than by its bisection.
    """
    from scipy.optimize import brentq  # imported when a funnel is drawn, not before
    from scipy.special import gammainc

    tail = (1 - confidence) / 2
    if expected == 0:
        return 0.0, 0.0
    top = expected + 20 * math.sqrt(expected) + 50
    upper = brentq(lambda u: gammainc(u, expected) - tail, 1e-12, top, xtol=1e-14, rtol=1e-13)
    if gammainc(1, expected) <= 1 - tail:
        return 0.0, float(upper)
    lower = brentq(lambda c: gammainc(c + 1, expected) - (1 - tail), 0, top, xtol=1e-14, rtol=1e-13)
    return float(lower), float(upper)


def funnel_limits(
    group_rate: float, denominator: float, multiplier: float = 1000, confidence: float = OUTER
) -> tuple[float, float]:
    """The funnel's lower and upper control limits, as rates, at a population of ``denominator``.

    Method: the expected count is ``E = group_rate x denominator / multiplier``; the upper limit is
    the count whose exact Poisson lower confidence limit equals ``E``, the lower limit the count
    whose exact upper limit equals ``E`` (0 when even no events would not reach it), each divided
    by the denominator and times ``multiplier``. These are the lines of PHEindicatormethods'
    ``calculate_funnel_limits`` for crude rates (its ``poisson_funnel``), found for any population
    rather than on a grid; counts are treated as continuous so the lines are smooth. At 99.8% they
    lie about 3 standard errors from the group's rate, at 95% about 2.

    Raises ``ValueError`` for a negative group rate, a denominator or multiplier of zero or less,
    or a confidence outside (0, 1).
    """
    rate = checks.count("group_rate", group_rate)
    n = checks.denominator("denominator", denominator)
    scale = checks.multiplier(multiplier)
    lower, upper = _count_limits(rate * n / scale, checks.confidence(confidence))
    return lower / n * scale, upper / n * scale


@dataclass(frozen=True)
class FunnelPosition:
    """Where an area sits on the funnel plot."""

    position: str
    """``"above"``, ``"in line"`` or ``"below"`` the group's rate, judged at 99.8%."""
    warning: bool
    """The area's rate differs from the group's at 95% (always so when above or below)."""
    description: str
    """The position in plain English, for a board."""


def funnel_position(
    count: float, denominator: float, group_rate: float, multiplier: float = 1000
) -> FunnelPosition:
    """Whether an area's rate is above, in line with or below the group's, allowing for chance.

    Method, as PHEindicatormethods' ``assign_funnel_significance`` for crude rates: the area is
    above when its rate's 99.8% confidence interval (:func:`rate_interval`: exact below 10 events,
    Byar's from 10) lies wholly above ``group_rate``, below when wholly below, else in line; the
    warning is the same test at 95%. Below 10 events this is exactly "outside the lines of
    :func:`funnel_limits`"; from 10, Byar's approximation can differ from the exact lines only for
    a point within a hair's breadth of one.

    Raises ``ValueError`` as :func:`rate_interval` does, or for a negative group rate.
    """
    average = checks.count("group_rate", group_rate)
    low, high = rate_interval(count, denominator, multiplier, OUTER)
    warn_low, warn_high = rate_interval(count, denominator, multiplier, INNER)
    warning = warn_low > average or warn_high < average
    if low > average:
        position = "above"
        words = "Above the group average: higher than chance alone would explain (99.8% limits)."
    elif high < average:
        position = "below"
        words = "Below the group average: lower than chance alone would explain (99.8% limits)."
    else:
        position = "in line"
        words = "In line with the group average: the difference could be chance."
        if warning:
            side = "higher" if warn_low > average else "lower"
            words += f" It is {side} at the 95% level: one to watch."
    return FunnelPosition(position, warning, words)
