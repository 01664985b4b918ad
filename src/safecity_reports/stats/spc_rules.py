"""The four Making Data Count rules for special-cause variation on an XmR chart.

Each rule looks at the values against the chart's mean and limits and marks the points it finds,
with the side ("high" or "low") they point to. A point takes the first rule that marks it, in the
order of :class:`Rule`. The rules are defined as NHS-R's NHSRplotthedots (``ptd_spc_standard``,
``ptd_calculate_point_type``) defines them, except where said.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

RUN = 7
"""Points in a trend or a shift."""

HIGH, LOW = "high", "low"


class Rule(StrEnum):
    """A special-cause rule, in order of precedence."""

    OUTSIDE_LIMITS = "a point beyond a limit"
    """A value above the upper or below the lower process limit (a value on a limit is inside)."""
    TREND = "a run of 7 rising or falling"
    """7 values in a row, each strictly higher (or each strictly lower) than the one before: 6
    rises (or falls) in a row. A value equal to the one before breaks the run. All 7 are marked."""
    TWO_OF_THREE = "2 of 3 near a limit"
    """2 of 3 values in a row beyond two-thirds of the way from the mean to a limit, with all 3 on
    that side of the mean. Values beyond the limit count (Making Data Count since 2023; older
    NHSRplotthedots counted only those between two-thirds and the limit). The 2 (or 3) values
    beyond two-thirds are marked, not the third."""
    SHIFT = "7 on one side of the mean"
    """7 or more values in a row above (or below) the mean. A value exactly on the mean breaks the
    run. Every value of the run is marked."""


TOLERANCE = 1e-9
"""A value closer to a line than this share of the line's distance from the mean (or of the
mean itself, whichever is larger, and at least 1e-9 absolute) is on the line, so inside it: the
two-thirds lines are worked out in floating point and a value typed exactly on one must not fall
beyond it by a rounding error."""


def _side(value: float, mean: float) -> int:
    return (value > mean) - (value < mean)


def _beyond(value: float, line: float, mean: float, up: bool) -> bool:
    """Whether ``value`` lies beyond ``line`` (above it if ``up``), more than ``TOLERANCE``."""
    slack = TOLERANCE * max(abs(line - mean), abs(mean), 1.0)
    return value > line + slack if up else value < line - slack


def _segments(count: int, breaks: Sequence[int]) -> list[tuple[int, int]]:
    """The runs of consecutive values: ``breaks`` are the indices that do not follow the value
    before them (a missing period between)."""
    edges = sorted({b for b in breaks if 0 < b < count})
    starts = [0, *edges]
    return list(zip(starts, [*edges, count], strict=True))


def find_special_causes(
    values: Sequence[float],
    mean: float,
    lower: float,
    upper: float,
    breaks: Sequence[int] = (),
) -> list[tuple[Rule, str] | None]:
    """For each value, the first rule that marks it and the side it points to, or None.

    ``lower <= mean <= upper`` are the chart's process limits and mean; a value is beyond a
    limit or a two-thirds line only by more than ``TOLERANCE`` (a value on a line is inside).
    ``breaks`` are the indices of values that do not follow the one before (a missing period
    between): the runs (trend, 2 of 3, shift) are looked for within each stretch of consecutive
    values, never across a gap; a point beyond a limit is found anywhere. Raises nothing: it
    trusts its caller (:func:`safecity_reports.stats.xmr`) for the limits.
    """
    count = len(values)
    sides = [_side(value, mean) for value in values]
    near_upper = mean + (upper - mean) * 2 / 3
    near_lower = mean - (mean - lower) * 2 / 3
    found: list[dict[Rule, str]] = [{} for _ in values]

    for i, value in enumerate(values):
        if _beyond(value, upper, mean, True):
            found[i][Rule.OUTSIDE_LIMITS] = HIGH
        elif _beyond(value, lower, mean, False):
            found[i][Rule.OUTSIDE_LIMITS] = LOW

    for first, stop in _segments(count, breaks):
        for end in range(first + RUN - 1, stop):
            window = values[end - RUN + 1 : end + 1]
            steps = [b - a for a, b in zip(window, window[1:], strict=False)]
            rising, falling = all(s > 0 for s in steps), all(s < 0 for s in steps)
            direction = HIGH if rising else LOW if falling else ""
            if direction:
                for i in range(end - RUN + 1, end + 1):
                    found[i].setdefault(Rule.TREND, direction)

        for start in range(first, stop - 2):
            window = range(start, start + 3)
            side = sides[start]
            if side == 0 or any(sides[i] != side for i in window):
                continue
            near = [
                i
                for i in window
                if _beyond(values[i], near_upper if side > 0 else near_lower, mean, side > 0)
            ]
            if len(near) >= 2:
                for i in near:
                    found[i].setdefault(Rule.TWO_OF_THREE, HIGH if side > 0 else LOW)

        start = first
        while start < stop:
            end = start
            while end + 1 < stop and sides[end + 1] == sides[start]:
                end += 1
            if sides[start] != 0 and end - start + 1 >= RUN:
                for i in range(start, end + 1):
                    found[i][Rule.SHIFT] = HIGH if sides[start] > 0 else LOW
            start = end + 1

    return [next(((rule, marks[rule]) for rule in Rule if rule in marks), None) for marks in found]
