"""Opening workbooks for the cycle's commands and reading their sheets as tables of records.

A sheet is found by name and its columns by header, as the reader does, from ``schema``'s
description; headers the schema does not know are kept too, so a column added to the format
flows through ``next``, ``returns`` and ``collect`` untouched.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from safecity_reports.errors import Problem, UsageError, WorkbookError
from safecity_reports.files import replace_atomically
from safecity_reports.reading import schema
from safecity_reports.reading.cells import clean, key
from safecity_reports.reading.zipcheck import check_file_size, check_package

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS = (
    "open it and save it as an Excel Workbook (.xlsx): File > Save As, file type"
    " 'Excel 2007-365 (.xlsx)' in LibreOffice or 'Excel Workbook (*.xlsx)' in Excel"
)


@dataclass(frozen=True)
class Book:
    """A workbook opened for the cycle, with what identifies its file."""

    path: Path
    data: bytes
    wb: Workbook

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @cached_property
    def values(self) -> Workbook:
        """The workbook as Excel shows it: each formula's saved result instead of its text
        (None where the file saved none)."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(self.data), data_only=True)


def tool_version() -> str:
    """The installed tool's version, for the records a run leaves ('unknown' when run from a
    source tree that is not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("safecity-reports")
    except PackageNotFoundError:
        return "unknown"


def open_book(path: Path) -> Book:
    """Open the .xlsx file at ``path`` (formulas, validation and protection kept).

    Raises ``UsageError`` for a missing file and ``WorkbookError`` for a file that is not an
    .xlsx workbook, naming how to save it as one.
    """
    path = Path(path)
    name = path.name
    if path.is_dir():
        raise UsageError(f"{path} is a folder, not a workbook")
    if not path.exists():
        raise UsageError(f"{path}: there is no such file")
    check_file_size(name, path.stat().st_size)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WorkbookError(f"{name} cannot be opened: {exc.strerror}") from None
    suffix = path.suffix.lower()
    kinds = {".xls": "an Excel 97-2003 .xls file", ".ods": "an OpenDocument .ods file"}
    kinds |= {".csv": "a CSV file", ".txt": "a text file", ".tsv": "a text file"}
    if suffix in kinds or data.startswith(_OLE) or not data.startswith(b"PK"):
        if data.startswith(_OLE) and suffix in (".xlsx", ".xlsm"):
            raise WorkbookError(
                f"{name} is password-protected: open it, remove the password and save it"
            )
        kind = kinds.get(suffix, "not an Excel workbook (.xlsx)" if data else "empty (0 bytes)")
        raise WorkbookError(f"{name} is {kind}, which the tool cannot read: {_SAVE_AS}")
    check_package(name, data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(io.BytesIO(data))
    except Exception as exc:  # openpyxl raises many kinds of error on a damaged file
        raise WorkbookError(
            f"{name} cannot be read as a workbook ({exc}): open it and save it again"
        ) from None
    return Book(path, data, wb)


def file_problem(path: Path, exc: Exception) -> Problem:
    """A file's error as a problem named by the file, without saying its name twice."""
    name, message = Path(path).name, str(exc)
    if message.startswith(f"{name}: "):
        message = message[len(name) + 2 :]
    elif message.startswith(f"{name} "):
        message = "this file " + message[len(name) + 1 :]
    return Problem(name, message)


def save_book(wb: Workbook, path: Path) -> None:
    """Save ``wb`` to ``path`` whole or not at all."""
    if Path(path).suffix.lower() != ".xlsx":
        raise UsageError(f"the workbook to write must be an .xlsx file, got '{Path(path).name}'")
    with replace_atomically(Path(path)) as tmp:
        wb.save(tmp)


def find_sheet(wb: Workbook, name: str) -> Worksheet | None:
    """The sheet called ``name``, whatever its case or surrounding spaces."""
    return next((ws for ws in wb.worksheets if key(ws.title) == key(name)), None)


def same(a: Any, b: Any) -> bool:
    """Whether two cell values mean the same, as a spreadsheet user sees them."""
    return comparable(a) == comparable(b)


def comparable(value: Any) -> Any:
    """A cell value in a form that compares as the user sees it: numbers as floats rounded
    to 9 places, text cleaned, blank as None, a date without its midnight."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return round(float(value), 9)
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    if isinstance(value, str):
        return clean(value) or None
    return value


def shown(value: Any) -> str:
    """A cell value as text for a message: numbers without a needless .0, blank as '(blank)'."""
    value = comparable(value)
    if value is None:
        return "(blank)"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    if isinstance(value, datetime | date):
        return value.strftime("%d %b %Y")
    return str(value)


@dataclass(frozen=True)
class Record:
    """One record row of a table: its row number and its values by header."""

    row: int
    values: dict[str, Any]

    def get(self, header: str) -> Any:
        return comparable(self.values.get(header))

    def text(self, header: str) -> str:
        value = self.get(header)
        return "" if value is None else shown(value)


class Table:
    """A record sheet: a header row, then records; columns found by header."""

    def __init__(self, ws: Worksheet, spec: schema.Sheet):
        self.ws, self.spec = ws, spec
        known = {key(c.header): c.header for c in spec.columns}
        self.header_row = 1
        self.columns: dict[str, int] = {}
        for number, values in enumerate(ws.iter_rows(max_row=10, values_only=True), start=1):
            keys = [key(v) if v is not None else "" for v in values]
            if any(k in known for k in keys):
                self.header_row = number
                for index, (k, typed) in enumerate(zip(keys, values, strict=True), start=1):
                    if k and k not in {key(h) for h in self.columns}:
                        self.columns[known.get(k, clean(typed))] = index
                break
        if not self.columns:
            for index, column in enumerate(spec.columns, start=1):
                ws.cell(self.header_row, index, column.header)
                self.columns[column.header] = index

    @property
    def headers(self) -> list[str]:
        """The columns, left to right: the schema's names for those it knows."""
        return list(self.columns)

    def column(self, header: str) -> int:
        """The column number of ``header``, adding the column at the right if it is missing."""
        if header not in self.columns:
            index = max(self.columns.values(), default=0) + 1
            self.ws.cell(self.header_row, index, header)
            self.columns[header] = index
        return self.columns[header]

    def letter(self, header: str) -> str:
        return get_column_letter(self.column(header))

    def cell(self, row: int, header: str) -> Cell:
        return self.ws.cell(row, self.column(header))

    def records(self) -> list[Record]:
        """The non-blank rows below the header."""
        found = []
        for row in range(self.header_row + 1, self.ws.max_row + 1):
            values = {h: self.ws.cell(row, i).value for h, i in self.columns.items()}
            if any(comparable(v) is not None for v in values.values()):
                found.append(Record(row, values))
        return found

    def last_row(self) -> int:
        return max((r.row for r in self.records()), default=self.header_row)

    def append(self, values: dict[str, Any]) -> int:
        """Write a record after the last one; its row number."""
        row = self.last_row() + 1
        for header, value in values.items():
            self.cell(row, header).value = value
        return row

    def rewrite(self, records: Iterable[dict[str, Any]]) -> list[int]:
        """Replace every record with ``records``, in order; their row numbers."""
        last = self.last_row()
        for row in range(self.header_row + 1, last + 1):
            for index in self.columns.values():
                self.ws.cell(row, index).value = None
        rows = []
        for row, values in enumerate(records, start=self.header_row + 1):
            for header, value in values.items():
                self.cell(row, header).value = value
            rows.append(row)
        return rows


def table(wb: Workbook, spec: schema.Sheet, create: bool = False) -> Table | None:
    """The table of ``spec`` in ``wb``; with ``create``, a new sheet at the end if it is missing."""
    ws = find_sheet(wb, spec.name)
    if ws is None:
        if not create:
            return None
        ws = wb.create_sheet(spec.name)
        for index, column in enumerate(spec.columns, start=1):
            ws.cell(1, index, column.header)
            ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.freeze_panes = "A2"
    return Table(ws, spec)


def settings(wb: Workbook) -> dict[str, Cell]:
    """The Settings sheet's value cells by setting name (the first of a repeated setting)."""
    ws = find_sheet(wb, schema.SETTINGS)
    names = {key(name): name for name, _, _ in schema.SETTING_ROWS}
    found: dict[str, Cell] = {}
    if ws is None:
        return found
    for row in range(1, ws.max_row + 1):
        label = ws.cell(row, 1).value
        if label is not None and key(label) in names:
            found.setdefault(names[key(label)], ws.cell(row, 2))
    return found


def key_values(wb: Workbook, sheet: str) -> Iterator[tuple[str, Cell]]:
    """A two-column sheet of names and values, as (name, value cell)."""
    ws = find_sheet(wb, sheet)
    if ws is None:
        return
    for row in range(1, ws.max_row + 1):
        label = ws.cell(row, 1).value
        if label is not None and clean(label):
            yield clean(label), ws.cell(row, 2)
