"""Several areas in one report: one table per measure across the areas, one per area across
the measures, with the summary's chosen columns read from each area's verdicts."""

from __future__ import annotations

from safecity_reports.core.model import Measure, Report
from safecity_reports.core.verdicts import Verdicts
from safecity_reports.layout.document import Block, Cell, Heading, PageBreak, Table, plain
from safecity_reports.layout.names import full_name
from safecity_reports.layout.summary_columns import (
    HEADERS,
    SummaryColumn,
    chosen_columns,
    facts_for,
)


def _cells(
    report: Report,
    verdicts: Verdicts,
    measure: Measure,
    area: str,
    columns: tuple[SummaryColumn, ...],
) -> tuple[Cell, ...]:
    facts = facts_for(report, verdicts.of(measure.id, area), verdicts.tested_any)
    return tuple(c.cell_for(facts) for c in columns)


def _header(first: str, columns: tuple[SummaryColumn, ...]) -> tuple[Cell, ...]:
    return (Cell(plain(first)),) + tuple(
        Cell(plain(HEADERS.get(c.name, c.name)), c.align) for c in columns
    )


def measure_by_area(report: Report, verdicts: Verdicts, measure: Measure) -> Table | None:
    """One measure across the areas that have figures, facts or ratings for it."""
    areas = [a for a in verdicts.areas if (measure.id, a) in verdicts.by_area]
    if not areas:
        return None
    columns = chosen_columns(report.settings.summary_columns)
    rows = tuple(
        (Cell(plain(area), row_header=True), *_cells(report, verdicts, measure, area, columns))
        for area in areas
    )
    return Table(
        f"{full_name(measure)}: by area, {report.settings.period}",
        (_header("Area", columns),),
        rows,
        (3.0,) + tuple(c.width for c in columns),
    )


def area_anchor(area: str) -> str:
    """The anchor of an area's table in the summary."""
    return "area-" + "".join(ch if ch.isalnum() else "-" for ch in area.lower())


def area_tables(report: Report, verdicts: Verdicts) -> list[Block]:
    """A heading and a table per area, listing every measure it has figures for; each area on
    a page of its own where Settings' Area pages is Yes."""
    columns = chosen_columns(report.settings.summary_columns)
    blocks: list[Block] = []
    for index, area in enumerate(verdicts.areas):
        measures = [m for m in report.measures if (m.id, area) in verdicts.by_area]
        if not measures:
            continue
        if report.settings.area_pages and index:
            blocks.append(PageBreak(landscape=True))
        rows = tuple(
            (
                Cell(plain(m.id), row_header=True),
                Cell(plain(m.name)),
                *_cells(report, verdicts, m, area, columns),
            )
            for m in measures
        )
        blocks.append(Heading(2, area, area_anchor(area)))
        blocks.append(
            Table(
                f"{area}: every measure, {report.settings.period}",
                ((Cell(plain("Measure")), *_header("Name", columns)),),
                rows,
                (1.0, 5.0) + tuple(c.width for c in columns),
            )
        )
    return blocks
