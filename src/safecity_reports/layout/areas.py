"""Several areas in one report: one table per measure across the areas, one per area across
the measures, with the summary's chosen columns worked out for each area's own figures."""

from __future__ import annotations

from safecity_reports.core.areas import area_names
from safecity_reports.core.model import Measure, Report
from safecity_reports.core.status import comparison_period, measure_status
from safecity_reports.layout.document import Block, Cell, Heading, PageBreak, Table, plain
from safecity_reports.layout.summary_columns import (
    HEADERS,
    SummaryColumn,
    chosen_columns,
    facts_for,
)


def _cells(
    report: Report, measure: Measure, area: str, columns: tuple[SummaryColumn, ...]
) -> tuple[Cell, ...]:
    status = measure_status(
        measure,
        report.settings.period,
        comparison_period(report.settings),
        report.settings.compare_with,
        area=area,
    )
    facts = facts_for(report, measure, status, area)
    return tuple(c.cell_for(facts) for c in columns)


def _header(first: str, columns: tuple[SummaryColumn, ...]) -> tuple[Cell, ...]:
    return (Cell(plain(first)),) + tuple(
        Cell(plain(HEADERS.get(c.name, c.name)), c.align) for c in columns
    )


def measure_by_area(report: Report, measure: Measure) -> Table | None:
    """One measure across the areas that have figures, facts or ratings for it."""
    areas = [
        a
        for a in area_names(report)
        if any(o.area == a for o in measure.observations)
        or any(f.area == a and f.measure_id == measure.id for f in report.group_facts)
        or any(r.area == a and r.subject == measure.id for r in report.ratings)
    ]
    if not areas:
        return None
    columns = chosen_columns(report.settings.summary_columns)
    rows = tuple(
        (Cell(plain(area), row_header=True), *_cells(report, measure, area, columns))
        for area in areas
    )
    return Table(
        f"{measure.name}: by area, {report.settings.period}",
        (_header("Area", columns),),
        rows,
        (3.0,) + tuple(c.width for c in columns),
    )


def area_tables(report: Report) -> list[Block]:
    """A heading and a table per area, listing every measure it has figures for; each area on
    a page of its own where Settings' Area pages is Yes."""
    columns = chosen_columns(report.settings.summary_columns)
    blocks: list[Block] = []
    for index, area in enumerate(area_names(report)):
        measures = [
            m
            for m in report.measures
            if any(o.area == area for o in m.observations)
            or any(f.area == area and f.measure_id == m.id for f in report.group_facts)
            or any(r.area == area and r.subject == m.id for r in report.ratings)
        ]
        if not measures:
            continue
        if report.settings.area_pages and index:
            blocks.append(PageBreak(landscape=True))
        rows = tuple(
            (
                Cell(plain(m.id), row_header=True),
                Cell(plain(m.name)),
                *_cells(report, m, area, columns),
            )
            for m in measures
        )
        anchor = "area-" + "".join(ch if ch.isalnum() else "-" for ch in area.lower())
        blocks.append(Heading(2, area, anchor))
        blocks.append(
            Table(
                f"{area}: every measure, {report.settings.period}",
                ((Cell(plain("Measure")), *_header("Name", columns)),),
                rows,
                (1.0, 5.0) + tuple(c.width for c in columns),
            )
        )
    return blocks
