"""The overview of a batch as a workbook, for the analyst who sorts and filters it: a row a
partnership (the overview table's columns, then its report's documents), a row a measure of
concern, and the workbooks refused. The same counts as the overview document
(``layout.batch_overview``), from the same tallies."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from safecity_reports.cycle.book import save_book
from safecity_reports.layout.batch_overview import COLUMNS, Entry, row_values


def _sheet(ws: Worksheet, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(list(row))
    ws.freeze_panes = "A2"
    for number, title in enumerate(header, 1):
        longest = max([len(str(title))] + [len(str(r[number - 1])) for r in rows])
        ws.column_dimensions[get_column_letter(number)].width = min(60, max(10, longest + 2))
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"


def overview_workbook(entries: Sequence[Entry]) -> Workbook:
    """The overview workbook of ``entries`` (in their order)."""
    wb = Workbook()
    partnerships = wb.active
    assert partnerships is not None
    partnerships.title = "Partnerships"
    made = [e for e in entries if e.tally is not None]
    _sheet(
        partnerships,
        ["Workbook", *(name for name, _ in COLUMNS)],
        [(e.workbook, *row_values(e.tally)) for e in made if e.tally is not None],
    )
    concerns = [
        (e.tally.partnership, f.measure, f.area, "; ".join(f.concerns))
        for e in made
        if e.tally is not None
        for f in e.tally.flagged
    ]
    _sheet(wb.create_sheet("Concerns"), ["Partnership", "Measure", "Area", "Concerns"], concerns)
    refused = [(e.workbook, e.refused) for e in entries if e.tally is None]
    _sheet(wb.create_sheet("Refused"), ["Workbook", "Why no report was made"], refused)
    return wb


def write_overview_workbook(entries: Sequence[Entry], path: Path) -> None:
    """Write the overview workbook to ``path``, whole or not at all."""
    save_book(overview_workbook(entries), path)
