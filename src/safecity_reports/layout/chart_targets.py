"""A measure's target on its chart, drawn only where it says something true about every figure
the chart holds (issue 12: targets appear on charts).

A level every figure is held to (a target with no date, or a limit to stay below or above up
to its date) is a dashed line across the chart. A target to reach by a date is a total for the
period ending then (a year's crimes by 31 March): a line at that level across the quarters
before it would show every quarter far short of a target none of them is held to, so it is not
drawn; where the partnership profiles it, the profiled target for each point of the year is
drawn beside that year's figures instead. A change on last year has no level to draw.
"""

from __future__ import annotations

from safecity_reports.core.model import FigureKind, Measure, TargetKind
from safecity_reports.layout.document import Series

_LIMITS = {TargetKind.STAY_BELOW: "Limit (stay below)", TargetKind.STAY_ABOVE: "Limit (stay above)"}


def target_lines(measure: Measure) -> tuple[tuple[str, float], ...]:
    """The target as a labelled line, where every figure of a line or two-figure chart is held
    to it; () otherwise (and always for year-to-date figures, each held to a part of it)."""
    target, kind = measure.target, measure.target_kind
    if target is None or measure.kind is FigureKind.YEAR_TO_DATE:
        return ()
    if kind in _LIMITS:
        return ((_LIMITS[kind], target),)
    if kind is TargetKind.REACH and measure.target_due is None:
        return (("Target", target),)
    return ()


def profile_series(measure: Measure, year: str, places: dict[str, float | None]) -> Series | None:
    """The profiled target for each point of ``year`` (``places``: each place's profiled
    target, None where the row gives none), as a series of its own; None where the measure
    has no dated target or no place has a profile."""
    if measure.target is None or measure.target_due is None:
        return None
    if all(value is None for value in places.values()):
        return None
    return Series(f"Profiled target {year}", tuple(places.values()))
