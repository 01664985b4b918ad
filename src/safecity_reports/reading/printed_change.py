"""The Data sheet's Printed change: read as the source printed it, and ``check``'s warning where
it disagrees with the source's own figures (the judgement is ``core.printed_change``'s)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from safecity_reports.core.formatting import format_number, format_value
from safecity_reports.core.model import Location, Report
from safecity_reports.core.printed_change import check_printed, earlier_figure
from safecity_reports.core.status import report_status
from safecity_reports.reading.cells import as_text, number_text
from safecity_reports.reading.formats import shown


def printed_text(value: Any, number_format: str) -> str:
    """A Printed change cell as the source printed it: text as typed; a number as Excel shows
    it ('-4%' for -0.04 in a cell formatted 0%), with a sign where it is negative."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return as_text(value)
    seen = shown(number_format, value)
    if seen is None or seen.decimals is None:
        text = number_text(value * (100 if seen is not None and seen.percent else 1))
    else:
        text = format_number(value * (100 if seen.percent else 1), seen.decimals)
    return text + ("%" if seen is not None and seen.percent_sign else "")


def printed_change_warnings(report: Report) -> Iterator[tuple[Location, str]]:
    """A warning for each printed change its own figures do not give, naming both."""
    statuses = report_status(report)
    compare_with = report.settings.compare_with
    for measure in report.measures:
        status = statuses[measure.id]
        for obs in measure.observations:
            if not obs.printed_change:
                continue
            before = (
                status.previous
                if obs is status.current and status.previous is not None
                else earlier_figure(measure, obs, compare_with)
            )
            found = check_printed(measure, before, obs) if before is not None else None
            if found is None or found.agrees:
                continue
            unit, decimals = measure.unit, measure.decimals
            given = (
                f"{'+' if found.computed > 0 else ''}{format_number(found.computed, 1)}%"
                if found.percent
                else f"{'+' if found.computed > 0 else ''}{format_number(found.computed, decimals)}"
            )
            yield (
                obs.where,
                f"Measure {measure.id}'s printed change for {obs.period} is"
                f" '{found.typed}', but its own figures give {given} (from"
                f" {format_value(found.before.actual, unit, decimals)} in {found.before.period}"
                f" to {format_value(obs.actual, unit, decimals)} in {obs.period}); the report"
                " prints both: check the source's figures and its printed change",
            )
