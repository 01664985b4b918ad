"""Whether a return still has the shape it was made with: the same sheets, and on each sheet
the same columns. A sheet or column renamed, deleted or added would move or drop an agency's
figures without a word, so each is refused with one line naming the sheet or the header cell.
"""

from __future__ import annotations

from openpyxl import Workbook

from safecity_reports.cycle.book import find_sheet, table
from safecity_reports.errors import Problem
from safecity_reports.reading import schema
from safecity_reports.reading.cells import key

KEYS = {
    schema.DATA.name: ("Measure", "Period", "Area"),
    schema.RANKINGS.name: ("Measure", "Period", "Area"),
    schema.GROUP_LIMITS.name: ("Measure", "Period"),
}
"""The figure sheets, and the columns that together name one record of each."""
SHEETS = "Sheets"
"""The details sheet's row listing the return's sheets as made, divided by '|'."""
CHECKED = (
    schema.DATA,
    schema.COMMENTARY,
    schema.RANKINGS,
    schema.GROUP_LIMITS,
    schema.KEY_FIGURES,
    schema.REVISION_REASONS,
)
"""The sheets whose columns ``collect`` reads from a return."""
_KEEP = "a return's sheets and columns may not be renamed, added or deleted"


def sheet_problems(name: str, wb: Workbook, made: list[str]) -> list[Problem]:
    """The sheets of ``wb`` (the return called ``name``) missing from, or added to, ``made``."""
    if not made:
        return []  # a return made before its sheets were recorded
    made_keys = {key(s) for s in made}
    missing = [s for s in made if find_sheet(wb, s) is None]
    extra = [ws.title for ws in wb.worksheets if key(ws.title) not in made_keys]
    if len(missing) == 1 and len(extra) == 1:
        return [
            Problem(
                f"{name}, sheet {extra[0]}",
                f"sheet '{extra[0]}' is not one of the return's sheets, and its"
                f" {missing[0]} sheet is missing: give the sheet back its name, {missing[0]}"
                f" ({_KEEP})",
            )
        ]
    found = [
        Problem(name, f"the {sheet} sheet is missing: send the agency its return again ({_KEEP})")
        for sheet in missing
    ]
    found += [
        Problem(
            f"{name}, sheet {sheet}",
            f"sheet '{sheet}' is not one of the return's sheets: delete it ({_KEEP})",
        )
        for sheet in extra
    ]
    return found


def column_problems(name: str, wb: Workbook, master: Workbook) -> list[Problem]:
    """The columns of each sheet ``collect`` reads that are not as the return was made: the
    schema's columns and the partnership's own, no more and no fewer."""
    found = []
    for spec in CHECKED:
        theirs = table(wb, spec)
        if theirs is None:
            continue
        ours = table(master, spec)
        expected = [c.header for c in spec.columns]
        expected += [h for h in (ours.headers if ours else ()) if h not in expected]
        expected_keys = {key(h) for h in expected}
        have = {key(h) for h in theirs.headers}
        missing = [h for h in expected if key(h) not in have]
        extra = [h for h in theirs.headers if key(h) not in expected_keys]
        where = f"{name}, sheet {theirs.ws.title}"
        if len(missing) == 1 and len(extra) == 1:
            cell = theirs.cell(theirs.header_row, extra[0]).coordinate
            found.append(
                Problem(
                    f"{where}, cell {cell}",
                    f"column '{extra[0]}' is not one of the return's columns, and"
                    f" {missing[0]} is missing: give the column back its header, {missing[0]}"
                    f" ({_KEEP})",
                )
            )
            continue
        for header in missing:
            found.append(
                Problem(
                    where,
                    f"the {header} column is missing: send the agency its return again ({_KEEP})",
                )
            )
        for header in extra:
            cell = theirs.cell(theirs.header_row, header).coordinate
            found.append(
                Problem(
                    f"{where}, cell {cell}",
                    f"column '{header}' is not one of the return's columns: delete it ({_KEEP})",
                )
            )
    return found
