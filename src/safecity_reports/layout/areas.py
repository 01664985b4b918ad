"""Several areas in one report: one table per measure across the areas, one per area across
the measures, with the summary's chosen columns read from each area's verdicts."""

from __future__ import annotations

from safecity_reports.core.model import Measure, PageLayout, Report, Unit
from safecity_reports.core.verdicts import Verdict, Verdicts
from safecity_reports.layout.document import (
    Block,
    Cell,
    Chart,
    ChartKind,
    FigureBlock,
    Heading,
    PageBreak,
    Series,
    Table,
    plain,
)
from safecity_reports.layout.names import full_name
from safecity_reports.layout.narrative import chart_alt, short_name, value_text
from safecity_reports.layout.overview import area_label
from safecity_reports.layout.summary_columns import (
    SummaryColumn,
    chosen_columns,
    column_header,
    facts_for,
)
from safecity_reports.layout.units import axis_label


def _cells(
    report: Report,
    verdicts: Verdicts,
    measure: Measure,
    area: str,
    columns: tuple[SummaryColumn, ...],
) -> tuple[Cell, ...]:
    facts = facts_for(report, verdicts.of(measure.id, area), verdicts.tested_any)
    return tuple(c.cell_for(facts) for c in columns)


def _header(first: str, columns: tuple[SummaryColumn, ...], report: Report) -> tuple[Cell, ...]:
    return (Cell(plain(first)),) + tuple(
        Cell(plain(column_header(c, report.settings)), c.align) for c in columns
    )


def measure_by_area(report: Report, verdicts: Verdicts, measure: Measure) -> Table | None:
    """One measure across the areas that have figures, facts or ratings for it."""
    areas = [a for a in verdicts.areas if (measure.id, a) in verdicts.by_area]
    if not areas:
        return None
    columns = chosen_columns(report.settings.summary_columns)
    rows = tuple(
        (
            Cell(plain(area_label(verdicts.of(measure.id, area))), row_header=True),
            *_cells(report, verdicts, measure, area, columns),
        )
        for area in areas
    )
    return Table(
        f"{full_name(measure)}: by area, {report.settings.period}",
        (_header("Area", columns, report),),
        rows,
        (3.0,) + tuple(c.width for c in columns),
    )


def areas_chart(report: Report, verdicts: Verdicts, measure: Measure) -> FigureBlock | None:
    """With Layout 'Pages for every measure': the areas' figures for the reporting period side
    by side, each as printed in the table above it (an area with no figure for the period has
    no bar); None with another layout, or where fewer than two areas have a figure."""
    if report.settings.layout is not PageLayout.PAGES:
        return None
    period = report.settings.period
    found = [
        (area, verdicts.of(measure.id, area))
        for area in verdicts.areas
        if (measure.id, area) in verdicts.by_area
    ]
    values = tuple(
        float(v.status.current.actual)  # type: ignore[union-attr, arg-type]
        if v.has_figure and isinstance(v.status.current.actual, int | float)  # type: ignore[union-attr]
        else None
        for _, v in found
    )
    if sum(v is not None for v in values) < 2:
        return None
    chart = Chart(
        ChartKind.BARS,
        f"{short_name(measure)} by area, {period}",
        tuple(area for area, _ in found),
        (Series(str(period), values),),
        axis_label(measure),
        percent=measure.unit is Unit.PERCENTAGE,
        decimals=measure.decimals,
    )
    alt = chart_alt(chart, lambda v: value_text(measure, v), periods=False)
    return FigureBlock(chart, alt, f"Source: {measure.source}" if measure.source else "")


def area_anchor(area: str) -> str:
    """The anchor of an area's table in the summary."""
    return "area-" + "".join(ch if ch.isalnum() else "-" for ch in area.lower())


def area_summary(report: Report, verdicts: Verdicts, area: str) -> Table | None:
    """One area's table: every measure it has figures, facts or a rating for, with the
    summary's chosen columns; None where it has none."""
    columns = chosen_columns(report.settings.summary_columns)
    found = [
        verdicts.by_area[(m.id, area)] for m in report.measures if (m.id, area) in verdicts.by_area
    ]
    if not found:
        return None
    rows = tuple(
        (
            Cell(plain(v.measure.id), row_header=True),
            Cell(plain(_name(v))),
            *_cells(report, verdicts, v.measure, area, columns),
        )
        for v in found
    )
    return Table(
        f"{area}: every measure, {report.settings.period}",
        ((Cell(plain("Measure")), *_header("Name", columns, report)),),
        rows,
        (1.0, 5.0) + tuple(c.width for c in columns),
    )


def _name(verdict: Verdict) -> str:
    """The measure's name, with the period of the area's latest figure where it is not the
    reporting period's."""
    status = verdict.status
    if status.late and status.current is not None:
        return f"{verdict.measure.name} (latest figure: {status.current.period})"
    return verdict.measure.name


def area_tables(report: Report, verdicts: Verdicts) -> list[Block]:
    """A heading and a table per area, listing every measure it has figures for; each area on
    a page of its own where Settings' Area pages is Yes."""
    blocks: list[Block] = []
    for index, area in enumerate(verdicts.areas):
        table = area_summary(report, verdicts, area)
        if table is None:
            continue
        if report.settings.area_pages and index:
            blocks.append(PageBreak(landscape=True))
        blocks.append(Heading(2, area, area_anchor(area)))
        blocks.append(table)
    return blocks
