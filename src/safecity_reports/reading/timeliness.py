"""Warnings about what the report can compare: late and missing figures, series
that mix lengths of time, and jumps big enough to look like a typing mistake.

Pure: a ``Report`` in, (location, message) pairs out, each a warning for ``validate``. They are
worked out from the same status the report prints, so a warning names what the page says.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from safecity_reports.core.areas import area_names, in_area, series_areas
from safecity_reports.core.coverage import covered, length_words
from safecity_reports.core.formatting import format_value
from safecity_reports.core.lateness import overdue
from safecity_reports.core.model import (
    FigureKind,
    Implausible,
    Location,
    Measure,
    Observation,
    Report,
    Unit,
)
from safecity_reports.core.periods import Period
from safecity_reports.core.publication import as_of
from safecity_reports.core.status import (
    MeasureStatus,
    comparison_period,
    measure_status,
    report_status,
)
from safecity_reports.reading.gaps import gap_warnings

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
    areas = area_names(report)
    for measure in report.measures:
        status = statuses[measure.id]
        own = in_area(measure)
        yield from _mixed_lengths(own)
        if own.observations or not (measure.observations or measure.id in rated):
            # rated only, or figures for areas only: no figures of its own is fine
            yield from _missing(
                own if own.observations else measure, status, as_of(report.settings)
            )
        yield from _jump(own, status)
        yield from gap_warnings(own, period)
        for area, series, status in _area_series(report, measure):
            # each area's series is checked as the partnership's is, its messages naming it
            yield from _named(_mixed_lengths(series), measure.id, area)
            yield from _named(_missing(series, status, as_of(report.settings)), measure.id, area)
            yield from _named(_jump(series, status), measure.id, area)
            yield from _named(gap_warnings(series, period), measure.id, area)
        yield from _areas_without(measure, areas)


def _areas_without(measure: Measure, areas: tuple[str, ...]) -> Iterator[tuple[Location, str]]:
    """An area with no figure at all of a measure that other areas have figures of."""
    given = {o.area for o in measure.observations if o.area}
    if not given:
        return
    for area in areas:
        if area not in given:
            yield (
                measure.where,
                f"Measure {measure.id} has figures for {len(given)} areas but none for {area},"
                f" so the report gives no figure of it for {area}: add its figures, or NYA where"
                " they are not yet available",
            )


def _area_series(report: Report, measure: Measure) -> Iterator[tuple[str, Measure, MeasureStatus]]:
    """Each area with figures of ``measure``: its series (``areas.in_area``) and status,
    judged as the partnership's."""
    settings = report.settings
    for area in series_areas(measure):
        series = in_area(measure, area)
        if not series.observations:
            continue
        status = measure_status(
            series,
            settings.period,
            comparison_period(settings),
            settings.compare_with,
            confidence=settings.confidence,
        )
        yield area, series, status


def _named(
    found: Iterator[tuple[Location, str]], measure_id: str, area: str
) -> Iterator[tuple[Location, str]]:
    """The warnings about an area's series, saying whose: 'Measure 1.1 (Brackley)'."""
    for where, message in found:
        yield where, message.replace(f"Measure {measure_id}", f"Measure {measure_id} ({area})", 1)


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
        series = [("", in_area(measure), statuses[measure.id]), *_area_series(report, measure)]
        for area, view, status in series:
            jumped = _jumped(view, status)
            if jumped is None:
                continue
            before, after, change = jumped
            shown = format_value(abs(change), Unit.COUNT, 0)
            reason = (
                f"it {'rose' if change > 0 else 'fell'} by {shown}% from"
                f" {format_value(before.actual, measure.unit, measure.decimals)} in"
                f" {before.period}"
            )
            found.append(Implausible(measure.id, after.period.label, area, reason))
    return tuple(found)
