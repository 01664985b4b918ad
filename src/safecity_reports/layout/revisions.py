"""The revisions annex: each figure changed since the last published report, old and new, and
why (issue 16). Laid out only when the workbook has revisions for the reporting period."""

from __future__ import annotations

from safecity_reports.core.model import Report
from safecity_reports.layout.document import (
    Block,
    Cell,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    plain,
)

ANCHOR = "revisions"
TITLE = "Annex: revised figures"


def revisions_annex(report: Report) -> tuple[list[tuple[int, str, str]], list[Block]]:
    """The annex's contents entry and blocks; both empty when nothing was revised."""
    if not report.revisions:
        return [], []
    names = {m.id: m.name for m in report.measures}
    header = tuple(
        Cell(plain(text)) for text in ("Measure", "Period", "Was", "Now", "Revised by", "Reason")
    )
    rows = []
    for r in report.revisions:
        measure = f"{r.measure_id} {names.get(r.measure_id, '')}".strip()
        if r.column != "Actual":
            measure += f" ({r.column})"
        who = ", ".join(x for x in (r.agency, r.revised_by, r.revised_on) if x)
        rows.append(
            tuple(
                Cell(plain(text))
                for text in (measure, r.period, r.old, r.new, who, r.reason or "No reason given")
            )
        )
    blocks: list[Block] = [
        PageBreak(),
        Heading(1, TITLE, ANCHOR),
        Paragraph(
            plain(
                f"Figures published in earlier reports that the agencies have since revised,"
                f" collected for {report.settings.period}. The report uses the new figures."
            )
        ),
        Table(
            f"Figures revised since the last report ({len(rows)})",
            (header,),
            tuple(rows),
            (3.0, 1.3, 0.8, 0.8, 2.2, 3.0),
        ),
    ]
    return [(1, TITLE, ANCHOR)], blocks
