"""``make-report returns``: one workbook per lead agency, holding only its measures and actions.

A return is the partnership's workbook cut down to one agency's rows, pre-filled: its history is
visible but locked (sheet protection without a password, so anyone can read it, and unprotect it
to correct an earlier figure), only the cells of the new period and its commentary are open
(yellow), the dropdowns and input messages of the template are kept. A cover sheet says what is
asked, for which period and by when, and holds the sign-off; a hidden, locked sheet records
which partnership, period and agency the return is for, so ``collect`` can refuse a stray one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from safecity_reports.cycle.agencies import Partnership, partnership, slug
from safecity_reports.cycle.book import (
    Table,
    comparable,
    open_book,
    settings,
    table,
    tool_version,
)
from safecity_reports.cycle.shape import KEYS, SHEETS
from safecity_reports.errors import UsageError
from safecity_reports.files import replace_atomically
from safecity_reports.reading import schema
from safecity_reports.reading.cells import page_ids
from safecity_reports.reading.template import new_workbook

COVER = "Return"
"""The return's cover sheet: what is asked, and the sign-off."""
DETAILS = "Return details"
"""The hidden sheet saying which partnership, period and agency the return is for."""
MADE_BY = "safecity-reports return"
"""What the details sheet's first row says, so a return is told from any other workbook."""
MADE_WITH = "Return figures"
"""The hidden sheet of a return holding each figure as the return was made: (sheet, the
record's key, column, value), so ``collect`` tells a figure the agency changed from one it left."""
SPARE_ROWS = 20
"""Open rows left below a sheet's records for new ones (commentary, rankings, reasons)."""
SIGN_OFF = ("Name", "Role", "Date", "Figures are")
"""The sign-off's rows on the cover sheet, read back by their labels in column A."""

OPEN_FILL = PatternFill("solid", fgColor="FFF2CC")
_OPEN = Protection(locked=False)
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class ReturnFile:
    """One return written."""

    agency: str
    path: Path
    measures: tuple[str, ...]
    open_figures: int
    """How many figures (Data rows) the agency is asked for."""


def parse_due(text: str) -> date:
    """A due date typed as 2017-01-20, 20/01/2017 or 20 Jan 2017; raises ``UsageError``."""
    for form in ("%Y-%m-%d", "%d/%m/%Y", "%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(text.strip(), form).date()
        except ValueError:
            pass
    raise UsageError(f"--due '{text}' is not a date; type it as 2017-01-20 or 20/01/2017")


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _open(cell: object) -> None:
    cell.protection = _OPEN  # type: ignore[attr-defined]
    cell.fill = OPEN_FILL  # type: ignore[attr-defined]


def _protect(ws: Worksheet) -> None:
    # no password: a return is locked against slips, not against its own agency
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _copy_rows(
    source: Table | None, target: Table, keep: object, open_headers: Sequence[str] = ()
) -> list[int]:
    """Copy the records ``keep(record)`` accepts from ``source`` to ``target``, every column
    (those the schema does not know too); open the ``open_headers`` cells of rows where
    ``keep`` says "open". The rows written."""
    if source is None:
        return []
    rows = []
    for record in source.records():
        verdict = keep(record)  # type: ignore[operator]
        if not verdict:
            continue
        row = target.append(dict(record.values))
        rows.append(row)
        if verdict == "open":
            for header in open_headers:
                _open(target.cell(row, header))
    return rows


def _spare(target: Table, count: int = SPARE_ROWS) -> None:
    first = target.last_row() + 1
    for row in range(first, first + count):
        for header in target.headers:
            _open(target.cell(row, header))


def _cover(
    ws: Worksheet, who: Partnership, agency: str, due: date | None, source: str, asked: list
) -> None:
    ws["A1"] = f"{who.name}: return for {who.period}"
    ws["A1"].font = Font(bold=True, size=14)
    rows: list[tuple[str, str]] = [
        ("Agency", agency),
        ("Period", who.period),
        ("Due by", long_date(due) if due else "as agreed with the partnership's coordinator"),
        ("Made from", source),
    ]
    row = 3
    for label, value in rows:
        ws.cell(row, 1, label).font = _BOLD
        ws.cell(row, 2, value)
        row += 1
    row += 1
    ws.cell(row, 1, "What is asked").font = _BOLD
    lines = [
        f"1. On the Data sheet, type your figures for {who.period} in the yellow cells:"
        " the Actual, and the Benchmark and a Note where you have them.",
        "2. On the Commentary sheet, write the commentary on your pages, one row per paragraph"
        " (last period's is on the Commentary archive sheet, to update).",
        "3. Everything else is locked so that it cannot be changed by mistake. To correct an"
        " earlier figure, unprotect the Data sheet (Review > Unprotect Sheet; there is no"
        " password), change it, and say why on the Revision reasons sheet.",
        "4. Yellow cells of earlier periods hold figures you signed off as provisional: correct"
        " them, or leave them; signing this return off as Final confirms them as final.",
        "5. Leave a cell blank if its figure is not in yet (a blank is never read as a figure)."
        " Type figures, not formulas; 26% or 26 for a percentage. Do not rename, add or delete"
        " sheets or columns, nor change a Measure, Period or Area: such a return is sent back.",
        "6. Fill in the sign-off below, save the workbook as an Excel Workbook (.xlsx) and send"
        " it back to the coordinator.",
    ]
    for line in lines:
        row += 1
        ws.cell(row, 2, line).alignment = _WRAP
    row += 2
    ws.cell(row, 1, "Figures asked for").font = _BOLD
    for measure, period in asked:
        row += 1
        ws.cell(row, 1, measure)
        ws.cell(row, 2, f"{who.measure_names.get(measure, '')} ({period})")
    row += 2
    ws.cell(row, 1, "Sign-off").font = _BOLD
    ws.cell(row, 2, "By the officer who vouches for the figures.")
    prompts = {
        "Name": "Your name.",
        "Role": "Your role, e.g. Performance Manager.",
        "Date": "The date you signed the figures off, e.g. 18/01/2017.",
        "Figures are": "'Final', or 'Provisional' if they may still change.",
    }
    for label in SIGN_OFF:
        row += 1
        ws.cell(row, 1, label).font = _BOLD
        cell = ws.cell(row, 2)
        _open(cell)
        rule = DataValidation(allow_blank=True, showInputMessage=True)
        if label == "Figures are":
            rule = DataValidation(
                type="list", formula1=f'"{",".join(schema.FIGURES_ARE)}"', allow_blank=True
            )
            rule.showErrorMessage = True
            rule.error = "Choose Provisional or Final."
            rule.showInputMessage = True
        rule.promptTitle, rule.prompt = label, prompts[label]
        rule.add(cell.coordinate)
        ws.add_data_validation(rule)
    row += 2
    ws.cell(row, 1, "Data-quality note").font = _BOLD
    ws.cell(row, 2, "Anything the board should know about the figures, under each heading.")
    for label in schema.DATA_QUALITY:
        row += 1
        ws.cell(row, 1, label).font = _BOLD
        _open(ws.cell(row, 2))
        ws.cell(row, 2).alignment = _WRAP
    _fit_one_page(ws)


_WIDTHS = {1: 22, 2: 70}
"""The cover's column widths, in characters."""


def _lines(text: str, width: int) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` characters wide (words are
    not broken, so a line holds a little less than the width)."""
    count, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > width - 2:
            count, used = count + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return count


def _fit_one_page(ws: Worksheet) -> None:
    """Each row as high as its wrapped text (LibreOffice does not size rows of a file it did
    not write, so text would overlap), and the sheet printed on one page."""
    for column, width in _WIDTHS.items():
        ws.column_dimensions[get_column_letter(column)].width = width
    for row in range(2, ws.max_row + 1):
        lines = 1
        for column, width in _WIDTHS.items():
            cell = ws.cell(row, column)
            if isinstance(cell.value, str):
                cell.alignment = _WRAP
                lines = max(lines, _lines(cell.value, width))
        ws.row_dimensions[row].height = 15 * lines
    ws.row_dimensions[1].height = 22
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = f"A1:B{ws.max_row}"


def _provisional(master: Workbook, agency: str) -> set[tuple[str, str]]:
    """(measure, period) of the agency's figures collected as provisional and not since made
    final: its return opens them, so that signing it off as Final confirms them."""
    origins = table(master, schema.ORIGINS)
    return {
        (r.text("Measure"), r.text("Period"))
        for r in (origins.records() if origins else ())
        if r.text("Agency") == agency
        and r.text("Column") == "Actual"
        and r.text("Sheet") == schema.DATA.name
        and r.text("Figures are") != "Final"
    }


def _made_with(wb: Workbook) -> None:
    """The hidden sheet of every figure as the return holds it now (see ``MADE_WITH``)."""
    ws = wb.create_sheet(MADE_WITH)
    ws.append(["Sheet", "Record", "Column", "Value"])
    for name, keys in KEYS.items():
        spec = next(s for s in schema.DATA_SHEETS if s.name == name)
        sheet = table(wb, spec)
        for record in sheet.records() if sheet else ():
            for header, value in record.values.items():
                if header not in keys and comparable(value) is not None:
                    ws.append([name, *(record.text(k) for k in keys), header, value])
    ws.sheet_state = "hidden"


def _details(wb: Workbook, facts: dict[str, str]) -> None:
    ws = wb.create_sheet(DETAILS)
    ws["A1"] = MADE_BY
    for row, (name, value) in enumerate(facts.items(), start=2):
        ws.cell(row, 1, name)
        ws.cell(row, 2, value)
    ws.sheet_state = "hidden"


def agency_return(
    master: Workbook, who: Partnership, agency: str, due: date | None, source: str, sha: str
) -> tuple[Workbook, ReturnFile]:
    """The return workbook for ``agency`` (not yet saved)."""
    measures, actions = set(who.measures_of(agency)), set(who.actions_of(agency))
    wb = new_workbook()
    values = settings(master)
    for name, cell in settings(wb).items():
        if name in values:
            cell.value = values[name].value

    def ids(record: object, header: str) -> str:
        return record.text(header)  # type: ignore[attr-defined]

    provisional = _provisional(master, agency)

    def period_open(record: object) -> str | bool:
        if ids(record, "Measure") not in measures:
            return False
        actual = record.get("Actual")  # type: ignore[attr-defined]
        period = ids(record, "Period")
        mine = period == who.period or (ids(record, "Measure"), period) in provisional
        return "open" if actual is None or mine else True

    priorities = {
        t.text("Priority")
        for t in (table(master, schema.KEY_ACTIONS) or _none()).records()
        if t.text("Action") in actions
    }
    rules = {
        schema.AGENCIES.name: lambda r: True,
        schema.PRIORITIES.name: lambda r: ids(r, "Priority") in priorities,
        schema.KEY_ACTIONS.name: lambda r: ids(r, "Action") in actions,
        schema.MEASURES.name: lambda r: ids(r, "Measure") in measures,
        schema.RANKINGS.name: lambda r: ids(r, "Measure") in measures,
        schema.GROUP_LIMITS.name: lambda r: ids(r, "Measure") in measures,
        schema.KEY_FIGURES.name: lambda r: "open" if ids(r, "Action") in actions else False,
    }
    asked: list[tuple[str, str]] = []
    for spec in schema.DATA_SHEETS:
        target = table(wb, spec)
        assert target is not None
        source_table = table(master, spec)
        if source_table is not None:
            for header in source_table.headers:
                target.column(header)  # a column the schema does not know yet flows through
        if spec is schema.DATA:
            rows = _copy_rows(
                source_table,
                target,
                period_open,
                [h for h in target.headers if h not in ("Measure", "Period")],
            )
            asked = [
                (target.cell(r, "Measure").value, target.cell(r, "Period").value)
                for r in rows
                if target.cell(r, "Actual").protection.locked is False
            ]
        elif spec is schema.COMMENTARY:
            _commentary(master, target, who, agency)
        elif spec.name in rules:
            _copy_rows(source_table, target, rules[spec.name], ("Value", "Out of", "Target"))
            if spec in (schema.RANKINGS, schema.GROUP_LIMITS, schema.KEY_FIGURES):
                _spare(target)
    archive = table(master, schema.COMMENTARY_ARCHIVE)
    if archive is not None:
        copy = table(wb, schema.COMMENTARY_ARCHIVE, create=True)
        assert copy is not None
        _copy_rows(archive, copy, lambda r: who.page_owner(r.text("Page")) == agency)
    reasons = table(wb, schema.REVISION_REASONS, create=True)
    assert reasons is not None
    _spare(reasons)

    cover = wb.create_sheet(COVER, 0)
    _cover(cover, who, agency, due, source, asked)
    wb.active = 0
    facts = {
        "Partnership": who.name,
        "Period": who.period,
        "Agency": agency,
        "Due": due.isoformat() if due else "",
        "Workbook": source,
        "Workbook SHA-256": sha,
        "Measures": ", ".join(sorted(measures)),
        "Actions": ", ".join(sorted(actions)),
        "Tool version": tool_version(),
    }
    _made_with(wb)
    facts[SHEETS] = "|".join([*wb.sheetnames, DETAILS])
    _details(wb, facts)
    for ws in wb.worksheets:
        _protect(ws)
    path = Path(f"{slug(agency)}.xlsx")
    return wb, ReturnFile(agency, path, tuple(sorted(measures)), len(asked))


def _none() -> Table:
    raise UsageError("the workbook has no Key actions sheet, so no agency leads anything")


def _commentary(master: Workbook, target: Table, who: Partnership, agency: str) -> None:
    """The agency's pages, one open row each (as last period's commentary grouped them), then
    open rows for more."""
    pages: list[str] = []
    archive = table(master, schema.COMMENTARY_ARCHIVE)
    if archive is not None:
        records = archive.records()
        last = records[-1].text("Period") if records else ""
        for record in records:
            page = record.text("Page")
            mine = who.page_owner(page) == agency
            if record.text("Period") == last and page not in pages and mine:
                pages.append(page)
    covered = {i for p in pages for i in (page_ids(p) or (p,))}
    for measure in who.measures_of(agency):
        if measure not in covered:
            pages.append(measure)
    with_measures = set(who.measure_action.values())
    pages += [a for a in who.actions_of(agency) if a not in with_measures and a not in covered]
    for page in pages:
        row = target.append({"Page": page})
        _open(target.cell(row, "Text"))
        target.cell(row, "Text").alignment = _WRAP
    _spare(target)


@dataclass(frozen=True)
class Returns:
    """The returns written, and the measures none of them asks for."""

    files: list[ReturnFile]
    unasked: list[str]
    """Measures no agency leads, so the coordinator fills them in."""


def write_returns(
    workbook: Path,
    folder: Path,
    due: date | None = None,
    agencies: Sequence[str] = (),
    force: bool = False,
) -> Returns:
    """Write a return for each lead agency (or each of ``agencies``) of ``workbook`` into
    ``folder``; every return is made before any is written, and each is written whole.

    Raises ``UsageError`` for an agency that matches none, a return that already exists
    (unless ``force``: a filled-in return must not be overwritten by a blank one) or an
    unusable folder; ``WorkbookError`` for a workbook that cannot be read.
    """
    book = open_book(Path(workbook))
    who = partnership(book.wb)
    if not who.period:
        raise UsageError(f"{book.name} has no Reporting period on its Settings sheet")
    if not who.leads():
        raise UsageError(
            f"no measure in {book.name} has a lead agency, so there is no return to write:"
            " fill in its figures yourself, or give a measure an Action whose Lead agency (on"
            " the Key actions sheet) is the agency to ask"
        )
    chosen = [who.agency(a) for a in agencies] or who.leads()
    made = []
    for agency in chosen:
        if not who.actions_of(agency):
            raise UsageError(f"{agency} leads no key action in {book.name}, so it has no return")
        wb, result = agency_return(book.wb, who, agency, due, book.name, book.sha256)
        made.append(
            (
                wb,
                ReturnFile(
                    agency, Path(folder) / result.path, result.measures, result.open_figures
                ),
            )
        )
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"the output folder {folder} is a file, not a folder")
    existing = [r.path.name for _, r in made if r.path.exists()]
    if existing and not force:
        raise UsageError(
            f"{folder} already holds {', '.join(existing)}; a return may be filled in already:"
            " choose another folder, or use --force to overwrite"
        )
    folder.mkdir(parents=True, exist_ok=True)
    for wb, result in made:
        with replace_atomically(result.path) as tmp:
            wb.save(tmp)
    return Returns([r for _, r in made], [] if agencies else who.unled())
