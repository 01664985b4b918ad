"""The overview a Police and Crime Commissioner prints: one table of every indicator for every
area, with the columns Settings' Summary columns name, each area's row read from its verdict;
the notes on the areas' figures under it.
"""

from __future__ import annotations

from safecity_reports.core.model import Measure, Report
from safecity_reports.core.verdicts import Verdict, Verdicts
from safecity_reports.layout.document import (
    Align,
    Block,
    Cell,
    Paragraph,
    ParagraphStyle,
    Span,
    Table,
    plain,
)
from safecity_reports.layout.summary_columns import chosen_columns, column_header, facts_for
from safecity_reports.layout.units import named


def area_label(verdict: Verdict) -> str:
    """The area's name, with the period of its latest figure where that is not the reporting
    period's: a figure of an earlier period never stands in the current column unnamed."""
    status = verdict.status
    if status.late and status.current is not None:
        return f"{verdict.area} (latest figure: {status.current.period})"
    return verdict.area


def _measures(report: Report, verdicts: Verdicts) -> list[tuple[Measure, list[Verdict]]]:
    found = []
    for measure in report.measures:
        rows = [
            verdicts.by_area[(measure.id, a)]
            for a in verdicts.areas
            if (measure.id, a) in verdicts.by_area
        ]
        if rows:
            found.append((measure, rows))
    return found


def overview_table(report: Report, verdicts: Verdicts, anchors: dict[str, str]) -> Table | None:
    """Indicator by area: a row per area under each measure (its id and name on every row, so
    each row reads on its own), the chosen columns after them; a stronger rule between
    measures. None where no area has a verdict."""
    measures = _measures(report, verdicts)
    if not measures:
        return None
    settings = report.settings
    columns = chosen_columns(settings.summary_columns)
    header = (
        Cell(plain("Measure"), Align.LEFT),
        Cell(plain("Area"), Align.LEFT),
        *(Cell(plain(column_header(c, settings)), c.align) for c in columns),
    )
    rows: list[tuple[Cell, ...]] = []
    starts: list[int] = []
    for measure, found in measures:
        starts.append(len(rows))
        for verdict in found:
            facts = facts_for(report, verdict, verdicts.tested_any)
            rows.append(
                (
                    Cell(
                        (
                            Span(measure.id, link=anchors.get(measure.id, "")),
                            Span(f" {named(measure)}"),
                        ),
                        row_header=True,
                    ),
                    Cell(plain(area_label(verdict))),
                    *(c.cell_for(facts) for c in columns),
                )
            )
    return Table(
        f"Every measure for every area, {settings.period}",
        (header,),
        tuple(rows),
        (2.6, 1.5) + tuple(c.width for c in columns),
        row_groups=tuple(starts[1:]),
    )


def area_notes(report: Report, verdicts: Verdicts) -> list[Block]:
    """The notes typed on the areas' figures, each once, saying whose figure and period."""
    blocks: list[Block] = []
    for measure, found in _measures(report, verdicts):
        for verdict in found:
            for obs in verdict.measure.observations:
                if obs.note:
                    blocks.append(
                        Paragraph(
                            plain(f"{measure.id}, {verdict.area}, {obs.period}: {obs.note}"),
                            ParagraphStyle.NOTE,
                        )
                    )
    return blocks
