"""Warnings about what the report can compare: late, missing and placeholder figures, series
that mix lengths of time, and jumps big enough to look like a typing mistake.

Pure: a ``Report`` in, (location, message) pairs out, each a warning for ``validate``. They are
worked out from the same status the report prints, so a warning names what the page says.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from safecity_reports.core.coverage import covered, length_words
from safecity_reports.core.formatting import format_value
from safecity_reports.core.lateness import overdue
from safecity_reports.core.model import (
    FigureKind,
    Implausible,
    Location,
    Measure,
    NotAvailable,
    Observation,
    Report,
    Unit,
)
from safecity_reports.core.periods import Period
from safecity_reports.core.publication import as_of
from safecity_reports.core.status import MeasureStatus, report_status

JUMP = 0.5
"""A change of more than this share of the earlier figure in one comparison is worth a look."""

_NO_JUMPS = (Unit.RANK, Unit.PAIR)


def timeliness_warnings(report: Report) -> Iterator[tuple[Location | None, str]]:
    """Every warning about the report's figures in time, in measure order; None is the
    workbook as a whole."""
    statuses = report_status(report)
    period = report.settings.period
    rated = {r.subject for r in report.ratings} | {f.measure_id for f in report.group_facts}
    any_current = any(s.up_to_date for s in statuses.values()) or any(
        o.period.end == period.end for m in report.measures for o in m.observations
    )  # an area's figure for the period counts too
    if any(m.observations for m in report.measures) and not any_current:
        yield (
            None,
            f"No measure has a figure for the reporting period {period}, so the report"
            " compares nothing for it: check the reporting period, or add the figures",
        )
    for measure in report.measures:
        status = statuses[measure.id]
        yield from _mixed_lengths(measure)
        if measure.observations or measure.id not in rated:  # rated only: no figures is fine
            yield from _missing(measure, status, as_of(report.settings))
        yield from _jump(measure, status)


def _mixed_lengths(measure: Measure) -> Iterator[tuple[Location, str]]:
    if measure.kind in (
        FigureKind.SNAPSHOT,
        FigureKind.SURVEY_WAVE,
        FigureKind.YEAR_TO_DATE,
        FigureKind.NOT_STATED,
    ):
        return  # a position has no length; waves and years to date differ by design; not stated
    first: dict[int, str] = {}
    for obs in measure.observations:
        first.setdefault(covered(obs.period, measure.kind).months, obs.period.label)
    if len(first) > 1:
        listed = ", ".join(
            f"{label} covers {length_words(_period(measure, label), measure.kind)}"
            for label in first.values()
        )
        yield (
            measure.where,
            f"Measure {measure.id}'s figures cover different lengths of time ({listed}), and"
            " the report compares only figures of the same length: check the periods, or set"
            " 'Figures are' (e.g. Year to date)",
        )


def _period(measure: Measure, label: str) -> Period:
    return next(o.period for o in measure.observations if o.period.label == label)


def _missing(measure: Measure, status: MeasureStatus, day: date) -> Iterator[tuple[Location, str]]:
    period = status.reporting
    if not measure.observations:
        yield (
            measure.where,
            f"Measure {measure.id} has no figures on the Data sheet, so its page says only that:"
            " add its figures, or NYA where they are not yet available",
        )
    elif status.late and status.current is not None and overdue(measure, status, day):
        yield (
            measure.where,
            f"Measure {measure.id} has no figure for the reporting period {period} though one is"
            f" due (the latest is for {status.current.period}); the report says so and does not"
            " count it as current on the front page: add the figure, or NYA if it is not yet"
            " available",
        )
    elif status.current is not None and isinstance(status.current.actual, NotAvailable):
        typed = status.current.actual.typed
        if typed and not status.current.actual.awaiting:  # awaited: warned of as it was read
            yield (
                status.current.where,
                f"Measure {measure.id}'s figure for {status.current.period} is '{typed}'; the"
                " report prints it as typed and compares nothing: type the figure when it"
                " is available",
            )


def _jump(measure: Measure, status: MeasureStatus) -> Iterator[tuple[Location, str]]:
    jumped = _jumped(measure, status)
    if jumped is None:
        return
    before, after, change = jumped
    shown = format_value(abs(change), Unit.COUNT, 0)
    yield (
        after.where,
        f"Measure {measure.id} {'rose' if change > 0 else 'fell'} by {shown}% from"
        f" {format_value(before.actual, measure.unit, measure.decimals)} in {before.period} to"
        f" {format_value(after.actual, measure.unit, measure.decimals)} in {after.period}; a"
        " change of more than half may be a mistake: check the figure before the"
        " board sees it",
    )


def _jumped(
    measure: Measure, status: MeasureStatus
) -> tuple[Observation, Observation, float] | None:
    """The figure before, the latest and the change between them in per cent, where the change
    is more than ``JUMP`` of the earlier figure; None otherwise."""
    before, after = status.previous, status.current
    if measure.unit in _NO_JUMPS or before is None or after is None:
        return None
    if not isinstance(before.actual, float | int) or not isinstance(after.actual, float | int):
        return None
    if not before.actual or abs(after.actual - before.actual) <= JUMP * abs(before.actual):
        return None
    return before, after, (after.actual - before.actual) / abs(before.actual) * 100


def implausible_figures(report: Report) -> tuple[Implausible, ...]:
    """The figures the checks above call implausible (a jump of more than half, the rule of the
    warning), as facts for the verdicts: the Exceptions page asks the board to check them."""
    statuses = report_status(report)
    found = []
    for measure in report.measures:
        jumped = _jumped(measure, statuses[measure.id])
        if jumped is None:
            continue
        before, after, change = jumped
        shown = format_value(abs(change), Unit.COUNT, 0)
        reason = (
            f"it {'rose' if change > 0 else 'fell'} by {shown}% from"
            f" {format_value(before.actual, measure.unit, measure.decimals)} in {before.period}"
        )
        found.append(Implausible(measure.id, after.period.label, after.area, reason))
    return tuple(found)
