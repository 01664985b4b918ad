"""A warning for each gap inside a measure's XmR chart (issue 23): a month with no figure, or
one that is not a number, hides a point. The chart still joins the figures either side, but
takes no moving range across the gap, so the analyst should add the figure if it exists."""

from __future__ import annotations

from collections.abc import Iterator

from safecity_reports.core.model import Location, Measure, Observation
from safecity_reports.core.periods import Period
from safecity_reports.core.variation import hidden_periods
from safecity_reports.core.xmr_page import page_xmr


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def gap_warnings(measure: Measure, reporting: Period) -> Iterator[tuple[Location, str]]:
    """Where the measure's page draws an XmR chart with a gap: which periods have no figure,
    at the cell of the figure after the gap."""
    found = page_xmr(measure, reporting)
    if found is None:
        return
    series = found[0]
    hidden = hidden_periods(series, measure)
    if not hidden:
        return
    spans = {(p.start, p.end) for p in hidden}
    typed = {
        (o.period.start, o.period.end)
        for o in measure.observations
        if not o.area and (o.period.start, o.period.end) in spans and not _number(o)
    }
    after = next(o for o in series if o.period.end > hidden[0].end)
    listed = _listed(
        [f"{p}{' (not a number)' if (p.start, p.end) in typed else ''}" for p in hidden]
    )
    yield (
        after.where,
        f"Measure {measure.id} has no figure for {listed} inside its XmR chart: the chart"
        " leaves a gap there and takes no month-to-month change across it, so a special cause"
        " at the gap may be missed: add the figure if it exists",
    )


def _number(o: Observation) -> bool:
    return isinstance(o.actual, int | float) and not isinstance(o.actual, bool)
