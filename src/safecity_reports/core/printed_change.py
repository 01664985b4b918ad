"""A source's own printed change ("-4%" beside its figures), held against the change its
figures give.

The Data sheet's optional Printed change is kept as typed and printed beside the change the
report works out. Where it reads as a number (a per cent change, points, or a change in the
measure's unit), it is checked against the figures: a source whose "-4%" sits beside counts that
fell by 6.8% has made a mistake in one or the other, which ``check`` points out. What was typed
is allowed its own rounding ("-4%" is anything from -4.5% to -3.5%), and figures other than
counts theirs (half a unit of their last decimal each).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safecity_reports.core.coverage import comparable, is_year_before
from safecity_reports.core.model import CompareWith, Measure, Observation, Unit
from safecity_reports.core.status import basis_for

_CHANGE = re.compile(
    r"^\s*(?P<sign>[+\-−–]?)\s*(?P<number>\d+(?:,\d{3})*(?:\.\d+)?)\s*"
    r"(?P<unit>%|per\s*cent|percent|pts?|points?|pp|percentage\s+points?)?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TypedChange:
    """A printed change read as a number."""

    value: float
    """The change as typed, with its sign (-4 for '-4%')."""
    decimals: int
    """How many decimals it was typed with."""
    percent: bool
    """Typed with a per cent sign: a change in per cent of the earlier figure (or, for a
    percentage, possibly in points)."""
    points: bool
    """Typed as points ('pts', 'pp'): a difference between two percentages."""


def read_change(typed: str) -> TypedChange | None:
    """'-4%', '+4.5 %', '−12', '3 pts' as a number; None for text that is not one ('down')."""
    found = _CHANGE.match(typed)
    if found is None:
        return None
    number = found["number"].replace(",", "")
    value = float(number) * (-1 if found["sign"] in "-−–" and found["sign"] else 1)
    decimals = len(number.split(".")[1]) if "." in number else 0
    unit = (found["unit"] or "").casefold()
    percent = unit.startswith("%") or unit.startswith("per")
    return TypedChange(value, decimals, percent, bool(unit) and not percent)


@dataclass(frozen=True)
class PrintedCheck:
    """A printed change against the change its figures give."""

    typed: str
    """The printed change as typed."""
    before: Observation
    """The earlier figure the change is from."""
    after: Observation
    """The figure the printed change is beside."""
    computed: float
    """The change the figures give, in the printed change's terms (per cent, points or the
    measure's unit)."""
    percent: bool
    """Whether ``computed`` is a per cent change."""
    agrees: bool
    """Whether the printed change is the figures' change, allowing for rounding."""


def earlier_figure(
    measure: Measure, observation: Observation, compare_with: CompareWith | None
) -> Observation | None:
    """The figure a change beside ``observation`` is from, on the measure's comparison basis:
    the latest earlier figure of the same area covering the same length of time (or the same
    period a year earlier)."""
    basis = basis_for(measure, compare_with)
    earlier = [
        o
        for o in measure.observations
        if o.area == observation.area
        and o.period < observation.period
        and isinstance(o.actual, int | float)
        and comparable(o.period, observation.period, measure.kind)
        and (
            basis is not CompareWith.SAME_PERIOD_A_YEAR_EARLIER
            or is_year_before(o.period, observation.period, measure.kind)
        )
    ]
    return max(earlier, key=lambda o: o.period) if earlier else None


def check_printed(measure: Measure, before: Observation, after: Observation) -> PrintedCheck | None:
    """The printed change of ``after`` held against its change from ``before``; None where
    there is no printed change, it is not a number, or either figure is not a number (or the
    earlier is 0, for a per cent change)."""
    typed = after.printed_change
    change = read_change(typed) if typed else None
    old, new = before.actual, after.actual
    if change is None or not isinstance(old, int | float) or not isinstance(new, int | float):
        return None
    # the figures' own rounding, half a unit each (a count is exact)
    step = 0.0 if measure.unit is Unit.COUNT else 10.0**-measure.decimals
    allowed = 0.5 * 10.0**-change.decimals + 1e-9
    difference = new - old
    if change.percent:
        if not old:
            return None
        relative = difference / abs(old) * 100
        agrees = abs(relative - change.value) <= allowed + step / abs(old) * 100
        if not agrees and measure.unit is Unit.PERCENTAGE:  # '-4%' may mean 4 points
            agrees = abs(difference - change.value) <= allowed + step
        return PrintedCheck(typed, before, after, relative, True, agrees)
    agrees = abs(difference - change.value) <= allowed + step
    return PrintedCheck(typed, before, after, difference, False, agrees)
