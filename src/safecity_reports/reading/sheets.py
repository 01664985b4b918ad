"""Finding a workbook's sheets, columns and record rows by name, and reading their cells.

Sheets and columns are found whatever their case, order or surrounding spaces; the header row
may be any of the first ten; blank rows are skipped. Checks here: a missing sheet or column (with
a near match named), and a cell that is an Excel error, a formula with no saved result, or blank
where a value is needed (saying so when it is part of merged cells). What the value of a cell
means is ``cells``'s job; ``workbook`` reads the records from the rows found here.
"""

from __future__ import annotations

import difflib
import io
import re
import warnings
import zipfile
from collections.abc import Iterable
from datetime import date
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from safecity_reports.core.model import Location, Unit, Value
from safecity_reports.core.periods import Period
from safecity_reports.errors import Problem
from safecity_reports.reading import schema
from safecity_reports.reading.cells import (
    BAD,
    CellError,
    as_choice,
    as_day_or_month,
    as_id,
    as_number,
    as_period,
    as_text,
    as_value,
    clean,
    is_excel_error,
    key,
    shown_otherwise,
)
from safecity_reports.reading.messages import did_you_mean

_OPTIONAL_SHEETS = {
    schema.PRIORITIES.name,
    schema.KEY_ACTIONS.name,
    schema.AGENCIES.name,
    schema.COMMENTARY.name,
    schema.RANKINGS.name,
    schema.GROUP_LIMITS.name,
    schema.KEY_FIGURES.name,
    schema.GROUP_POSITION.name,
    schema.RATINGS.name,
}

_KNOWN_SHEETS = (
    schema.INSTRUCTIONS,
    schema.SETTINGS,
    schema.LISTS_SHEET,
    *(s.name for s in schema.DATA_SHEETS),
)


def formulas(data: bytes) -> dict[str, dict[str, str]]:
    """The formulas of each sheet by cell; loaded only when a blank cell needs explaining."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        has_any = any(
            re.search(rb"<(?:\w+:)?f[\s>/]", archive.read(n))
            for n in archive.namelist()
            if n.startswith("xl/worksheets/") and n.endswith(".xml")
        )
    if not has_any:
        return {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(io.BytesIO(data), data_only=False)
    found: dict[str, dict[str, str]] = {}
    for ws in wb.worksheets:
        for cell in list(ws._cells.values()):  # the cells in use, not the whole grid
            if cell.data_type == "f" or (
                isinstance(cell.value, str) and cell.value.startswith("=")
            ):
                text = getattr(cell.value, "text", cell.value)
                found.setdefault(ws.title, {})[cell.coordinate] = str(text)
    return found


class Row:
    """One record row (or one setting), read column by column; problems go to the reader."""

    def __init__(
        self,
        reader: SheetReader,
        sheet: str,
        number: int,
        cells: dict[str, Cell | None],
        helps: dict[str, str],
        ok: bool = True,
    ):
        self.reader, self.sheet, self.row_number, self.cells, self.helps = (
            reader,
            sheet,
            number,
            cells,
            helps,
        )
        self.ok = ok
        """False once a cell of the row has an error: the row is left out of the report."""

    def location(self, header: str | None = None) -> Location:
        cell = self.cells.get(header) if header else None
        place = cell.coordinate if cell is not None else f"A{self.row_number}"
        return Location(self.sheet, place)

    def fail(self, header: str, message: str, severity: str = "error") -> None:
        self.reader.problem(self.location(header), message, severity)
        if severity == "error":
            self.ok = False

    def raw(self, header: str, required: bool = False) -> Any:
        """The cell's value with spaces stripped; None if blank; ``BAD`` if already reported."""
        cell = self.cells.get(header)
        if cell is None:
            return None
        value = cell.value
        if cell.data_type == "e" or is_excel_error(value):
            self.fail(
                header,
                f"{header} is the Excel error {str(value).strip()}: correct the"
                " formula in Excel, or type the figure",
            )
            return BAD
        if isinstance(value, str):
            value = value.replace("\u00a0", " ").strip() or None
        if value is None:
            # a formula whose saved result is empty text (=IF(A2="","",A2)): openpyxl reads it
            # as None of type "str"; it has a result, and the cell is blank, not unsaved
            saved_empty = cell.data_type == "str"
            formula = "" if saved_empty else self.reader.formula(self.sheet, cell.coordinate)
            if formula:
                self.fail(
                    header,
                    f"{header} has a formula ({formula}) but no saved result: open"
                    " the workbook in Excel and save it, then check it again",
                )
                return BAD
            if required:
                merged = _merged_range(cell)
                hint = (
                    f" It is part of the merged cells {merged}: unmerge them and type the value"
                    " in each row."
                    if merged
                    else ""
                )
                self.fail(header, f"{header} is blank. {self.helps.get(header, '')}".strip() + hint)
                return BAD
        return value

    def _format(self, header: str) -> str:
        cell = self.cells.get(header)
        return str(cell.number_format) if cell is not None else ""

    def text(self, header: str, required: bool = False) -> str:
        """The cell as text ('' if blank); remembered with its cell for the font check."""
        value = self.raw(header, required)
        if value is None or value is BAD:
            return ""
        text = as_text(value)
        self.reader.texts.append((self.location(header), text))
        return text

    def id(self, header: str, required: bool = True) -> str:
        """An id as typed; a number keeps the decimals its cell shows (1.10 stays 1.10)."""
        value = self.raw(header, required)
        try:
            found = as_id(header, value, self._format(header))
        except CellError as exc:
            self.fail(header, str(exc))
            return ""
        if found is None:
            return clean(self.text(header))
        text, typed_as_number = found
        if typed_as_number:
            self.reader.numeric_ids.append((text, self.location(header), header))
        return text

    def number(self, header: str, required: bool = False) -> float | None:
        """A number typed as a number or as text ('1,234', '58%'); n/a and blank are None."""
        value = self.raw(header, required)
        if value is None or value is BAD:
            return None
        try:
            number = as_number(header, value, self._format(header), required)
        except CellError as exc:
            self.fail(header, str(exc))
            return None
        self._check_shown(header, value, number)
        return number

    def value(self, header: str, unit: Unit, required: bool = False) -> Value | None:
        """A figure of a measure: a number, a pair ('11 / 2') or not available ('n/a')."""
        value = self.raw(header, required)
        if value is None or value is BAD:
            return None
        try:
            figure = as_value(header, value, unit, self._format(header))
        except CellError as exc:
            self.fail(header, str(exc))
            return None
        if isinstance(figure, float):
            self._check_shown(header, value, figure)
        return figure

    def _check_shown(self, header: str, value: Any, read: float | None) -> None:
        """Warn when Excel shows the cell as another figure than the one read from it."""
        if read is not None:
            message = shown_otherwise(header, value, self._format(header), read)
            if message:
                self.fail(header, message, "warning")

    def choice(self, header: str, choices: Iterable[str], required: bool = True) -> str | None:
        """One of ``choices``, whatever its case; a near miss is named in the message."""
        value = self.raw(header, required)
        if value is None or value is BAD:
            return None
        try:
            return as_choice(header, value, choices, blank_allowed=not required)
        except CellError as exc:
            self.fail(header, str(exc))
            return None

    def period(self, header: str, required: bool = True) -> Period | None:
        value = self.raw(header, required)
        if value is None or value is BAD:
            return None
        try:
            return as_period(header, value)
        except CellError as exc:
            self.fail(header, str(exc))
            return None

    def date(self, header: str) -> tuple[date, bool] | None:
        """A date or a month (its last day, and True), or None when blank."""
        value = self.raw(header)
        if value is None or value is BAD:
            return None
        try:
            return as_day_or_month(header, value)
        except CellError as exc:
            self.fail(header, str(exc))
            return None


def renamed_sheet(name: str, titles: Iterable[str]) -> str | None:
    """The sheet among ``titles`` that looks like ``name`` renamed, or None.

    It starts or ends with the name ('Rankings Q2', 'Q2 Rankings') or is a close match
    ('Ranking', 'Key figure'); a sheet the format itself names (Key actions, Lists) never is.
    """
    own = {key(n) for n in _KNOWN_SHEETS}
    others = [t for t in titles if key(t) not in own]
    wanted = key(name)
    for title in others:
        if key(title).startswith(wanted) or key(title).endswith(wanted):
            return title
    folded = {key(t): t for t in others}
    close = difflib.get_close_matches(wanted, list(folded), n=1, cutoff=0.75)
    return folded[close[0]] if close else None


def _merged_range(cell: Cell) -> str:
    """The merged range a cell other than its first belongs to, or ''."""
    if not isinstance(cell, MergedCell):
        return ""
    return next((str(r) for r in cell.parent.merged_cells.ranges if cell.coordinate in r), "")


class SheetReader:
    """Finds the sheets and rows of one workbook, collecting problems as it goes."""

    def __init__(self, name: str, data: bytes, wb: Workbook):
        self.name, self.data, self.wb = name, data, wb
        self.problems: list[Problem] = []
        self.numeric_ids: list[tuple[str, Location, str]] = []
        self.figure_cells: dict[tuple[Location, str], Location] = {}
        self.texts: list[tuple[Location, str]] = []
        self.skipped: set[str] = set()
        self.missing: set[str] = set()
        """Sheets reported missing, whose absence must not be reported again as other problems."""
        self.complete = True
        self._formulas: dict[str, dict[str, str]] | None = None

    def problem(self, where: Location | str | None, message: str, severity: str = "error") -> None:
        """Record a problem; ``where`` is a cell, or text such as 'sheet Data, row 1'."""
        place = self.name if where is None else f"{self.name}, {where}"
        self.problems.append(Problem(place, message, severity))

    def formula(self, sheet: str, coordinate: str) -> str:
        if self._formulas is None:
            self._formulas = formulas(self.data)
        return self._formulas.get(sheet, {}).get(coordinate, "")

    def sheet(self, name: str) -> Worksheet | None:
        """The sheet called ``name``, whatever its case or surrounding spaces.

        A missing sheet is an error, unless it is optional and no sheet looks like it renamed
        ('Rankings Q2' for Rankings): a renamed one would silently leave its rows out.
        """
        for ws in self.wb.worksheets:
            if key(ws.title) == key(name):
                return ws
        titles = [ws.title for ws in self.wb.worksheets]
        renamed = renamed_sheet(name, titles)
        if name in _OPTIONAL_SHEETS and renamed is None:
            return None
        hint = (
            f" (did you mean '{renamed}'? rename it '{name}')"
            if renamed
            else did_you_mean(name, titles, listed=0)
        )
        self.problem(
            None, f"There is no sheet named '{name}'; the sheets are {', '.join(titles)}{hint}"
        )
        self.complete = False
        self.missing.add(name)
        return None

    def rows(self, spec: schema.Sheet) -> list[Row]:
        """The non-blank record rows of a sheet, with their cells found by column header."""
        ws = self.sheet(spec.name)
        if ws is None:
            return []
        wanted = {key(c.header): c.header for c in spec.columns}
        header_row, found = 1, {}
        for number, values in enumerate(ws.iter_rows(max_row=10, values_only=True), start=1):
            keys = [key(v) if v is not None else "" for v in values]
            if any(k in wanted for k in keys):
                header_row = number
                for index, k in enumerate(keys):
                    if k in wanted and wanted[k] not in found:
                        found[wanted[k]] = index
                break
        ok = True
        headers = (
            [str(c.value) for c in ws[header_row] if c.value is not None] if ws.max_row else []
        )
        others = {key(h): h for h in headers if key(h) not in wanted}
        for column in spec.columns:
            if column.header in found:
                continue
            close = difflib.get_close_matches(key(column.header), list(others), 1, 0.6)
            if column.required:
                ok = False
                fix = f"correct the header '{others[close[0]]}'" if close else "add it"
                self.problem(
                    f"sheet {ws.title}, row {header_row}",
                    f"There is no column headed '{column.header}': {fix}",
                )
                if column is spec.columns[0]:
                    self.complete = False
            elif close:  # an optional column misspelt would be left out without a word
                self.problem(
                    f"sheet {ws.title}, row {header_row}",
                    f"There is no column headed '{column.header}', so the column headed"
                    f" '{others[close[0]]}' is ignored: correct its header to"
                    f" '{column.header}', or rename it if it is a column of your own",
                    "warning",
                )
        helps = {c.header: c.help for c in spec.columns}
        rows = []
        # only the columns read: a stray value far to the right must not make every row wide
        last = max(found.values(), default=0) + 1
        for cells in ws.iter_rows(min_row=header_row + 1, max_col=last):
            mapped = {h: cells[i] if i < len(cells) else None for h, i in found.items()}
            if all(
                c is None or c.value is None or (isinstance(c.value, str) and not clean(c.value))
                for c in mapped.values()
            ):
                continue
            rows.append(Row(self, ws.title, cells[0].row, mapped, helps, ok))
        return rows

    def keep(self, row: Row, record_id: str) -> bool:
        """Whether the row's record goes in the report; if not, remember its id."""
        if not row.ok and record_id:
            self.skipped.add(record_id)
        return row.ok
