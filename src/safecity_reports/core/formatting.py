"""How figures are printed, and the value a printed figure stands for.

Rounding is half away from zero, as Excel rounds, applied to the number as it is written
(``1.005`` to two places is ``1.01``), so the report prints what the workbook shows.
``status`` compares the rounded values, so an arrow can never contradict the printed figures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Context, Decimal

from safecity_reports.core.model import NotAvailable, Pair, Unit, Value

# Enough digits for any finite float to a few decimals (the default 28 fails on 1e28, which the
# fuzzing harness typed into a cell).
_CONTEXT = Context(prec=400)


def _decimal(value: float, decimals: int) -> Decimal:
    # repr() is the shortest text that reads back as the same float: the number as typed.
    exact = Decimal(repr(float(value)))
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=_CONTEXT)


def rounded(value: float, decimals: int) -> float:
    """The value as printed to ``decimals`` places, rounding half away from zero like Excel.

    ``rounded(0.125, 2) == 0.13`` and ``rounded(-0.125, 2) == -0.13``. Infinities and NaN
    are returned unchanged.
    """
    if not math.isfinite(value):
        return value
    return float(_decimal(value, decimals))


def format_number(x: float, decimals: int) -> str:
    """``x`` to ``decimals`` places with a thousands separator: ``1,234.5``.

    A value that rounds to zero prints without a sign (never ``-0.0``). ``decimals`` must
    not be negative.
    """
    if decimals < 0:
        raise ValueError(f"decimals must be 0 or more, got {decimals}")
    if not math.isfinite(x):
        return str(x)
    number = _decimal(x, decimals)
    if number.is_zero():
        number = abs(number)
    return f"{number:,.{decimals}f}"


def fewest_decimals(values: Sequence[float], most: int = 2) -> int:
    """The fewest decimal places, up to ``most``, that print every one of ``values`` as it is
    (``[1, 2.5] -> 1``, ``[0.125] -> 2`` when ``most`` is 2). Float noise a billionth of a value
    in size (``0.30000000000000004``) does not count as a decimal. Infinities and NaN need none."""
    finite = [v for v in values if math.isfinite(v)]
    for places in range(most + 1):
        if all(abs(rounded(v, places) - v) < 1e-9 * max(1.0, abs(v)) for v in finite):
            return places
    return most


def ordinal(n: int) -> str:
    """A position as the board reads it: ``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd``."""
    teens = n % 100 in (11, 12, 13)
    suffix = "th" if teens else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_value(value: Value | None, unit: Unit, decimals: int) -> str:
    """A recorded figure as the report prints it.

    Percentages get ``%`` (``58.0%``), money a pound sign (``£106,500``), ranks an ordinal
    (``15th``), pairs of counts both counts without decimals (``11 / 2``); rates and counts
    are plain numbers. A figure marked not available prints ``n/a``, a placeholder as typed
    (``NYA``); no figure (None) prints
    an empty string.
    """
    if value is None:
        return ""
    if isinstance(value, NotAvailable):
        return str(value)
    if isinstance(value, Pair):
        return f"{format_number(value.first, 0)} / {format_number(value.second, 0)}"
    if unit is Unit.PERCENTAGE:
        return f"{format_number(value, decimals)}%"
    if unit is Unit.RANK:
        return ordinal(int(rounded(value, 0)))
    if unit is Unit.MONEY:
        number = format_number(value, decimals)
        return f"-£{number[1:]}" if number.startswith("-") else f"£{number}"
    return format_number(value, decimals)
