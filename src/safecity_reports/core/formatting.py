"""How figures are printed, and the value a printed figure stands for.

A figure prints with the decimals it was typed with, up to its measure's Decimals: 38 stays
``38%``, 8.9 stays ``8.9%`` where Decimals is 2 (``Typed`` carries what the cell showed: its
number format's decimals, or the text as typed). A number with no such record prints with the
fewest decimals that show it, up to the measure's. Rounding is half away from zero, as Excel
rounds, applied to the number as it is written (``1.005`` to two places is ``1.01``), so the
report prints what the workbook shows. ``status`` compares values rounded to the measure's
Decimals; a figure never has more decimals than it prints with, so an arrow can never
contradict the printed figures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Context, Decimal

from safecity_reports.core import symbols
from safecity_reports.core.model import NotAvailable, Pair, Unit, Value

# Enough digits for any finite float to a few decimals (the default 28 fails on 1e28, which the
# fuzzing harness typed into a cell).
_CONTEXT = Context(prec=400)


class Typed(float):
    """A number as its cell gave it: the value, and the decimals it was typed with.

    Excel and LibreOffice store a typed number as a double and drop trailing zeros (38.0 is
    stored as 38); what the officer saw is the number with its cell's number format (``0.0``
    shows 38.0). So the decimals typed are the format's, or, under General, those the number
    needs; a number typed as text ('38.0') keeps the text's. It is a float everywhere else:
    arithmetic on it gives a plain float."""

    __slots__ = ("places",)
    places: int
    """The decimals it was typed or shown with."""

    def __new__(cls, value: float, places: int) -> Typed:
        number = super().__new__(cls, value)
        number.places = max(0, int(places))
        return number

    def __reduce__(self) -> tuple[type[Typed], tuple[float, int]]:
        return (Typed, (float(self), self.places))


MOST_TYPED = 3
"""The most decimals a figure is taken to be typed with (the most Decimals allows): a formula's
0.333333... is printed to 3 places where the measure's Decimals is blank."""


def typed_places(value: float) -> int:
    """The decimals ``value`` was typed with: a ``Typed`` number's own, else the fewest, up to
    ``MOST_TYPED``, that show it as it is (``8.9`` -> 1, ``38.0`` -> 0)."""
    if isinstance(value, Typed):
        return value.places
    return fewest_decimals([value], most=MOST_TYPED)


def figure_places(value: float, decimals: int) -> int:
    """The decimals a figure prints with: those it was typed with, up to ``decimals``."""
    return min(typed_places(value), decimals)


def change_places(before: float, after: float, decimals: int) -> int:
    """The decimals a change from ``before`` to ``after`` prints with: the precision of its
    figures (38 to 40.5 is +2.5; 28.06 to 29.92 is +1.86), up to ``decimals``."""
    return max(figure_places(before, decimals), figure_places(after, decimals))


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

    Each prints with the decimals it was typed with, up to ``decimals`` (``figure_places``).
    Percentages get ``%`` (``58%``, ``8.9%``), money a pound sign (``£106,500``; with pence,
    all of ``decimals``: ``£1,234.50``), ranks an ordinal (``15th``), pairs of counts both
    counts without decimals (``11 / 2``); rates and counts are plain numbers. A figure marked
    not available prints ``[x]`` (``core.symbols``), a placeholder as typed (``NYA``); no
    figure (None) prints an empty string.
    """
    if value is None:
        return ""
    if isinstance(value, NotAvailable):
        return value.typed or symbols.NOT_AVAILABLE
    if isinstance(value, Pair):
        return f"{format_number(value.first, 0)} / {format_number(value.second, 0)}"
    if unit is Unit.RANK:
        return ordinal(int(rounded(value, 0)))
    places = figure_places(value, decimals)
    if unit is Unit.MONEY and places:
        places = decimals  # pounds and pence: £1,234.50, never £1,234.5
    number = format_number(value, places)
    if unit is Unit.PERCENTAGE:
        return f"{number}%"
    if unit is Unit.MONEY:
        return f"-£{number[1:]}" if number.startswith("-") else f"£{number}"
    return number
