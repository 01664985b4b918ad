"""Reading the agencies' workbook into the model. The only module that imports openpyxl.

The reader forgives what spreadsheet users do: sheets and columns are found by name whatever
their case or order, blank rows are skipped, numbers typed as text are numbers, ``58%`` is 58,
``n/a`` means not available. What it cannot make sense of it reports cell by cell, with the
value and what would be accepted, and carries on, so one run lists every problem. The input
file is read into memory once and never written.
"""

from __future__ import annotations

import difflib
import io
import re
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils.datetime import from_excel
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from . import schema
from .errors import Problem, UsageError, WorkbookError
from .markup import parse_blocks
from .model import (
    NOT_AVAILABLE,
    Commentary,
    Figure,
    Frequency,
    KeyAction,
    Location,
    Measure,
    Observation,
    Pair,
    Polarity,
    Priority,
    RankedArea,
    Ranking,
    Report,
    Settings,
    TextBlock,
    Unit,
    Value,
)
from .package import Package, check_file_size, check_package
from .periods import Period, PeriodKind, parse_period
from .validate import did_you_mean, id_sort_key, not_listed, one_of

EXCEL_ERRORS = (
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#SPILL!",
    "#CALC!",
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_PAIR = re.compile(r"(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)")
_FIXED_DECIMALS = re.compile(r"0\.(0+)")
_RANGE = re.compile(r"(.*?\d)([a-z])\s*[-–]\s*(?:\1)?([a-z])", re.IGNORECASE)
_DATE_FORMATS = (
    "%d/%m/%Y",
    "%d/%m/%y",
    "%Y-%m-%d",
    "%d %B %Y",
    "%d %b %Y",
    "%d-%b-%Y",
    "%B %d, %Y",
)
_NA = {w.casefold() for w in schema.NOT_AVAILABLE_WORDS}
_OPTIONAL_SHEETS = {
    schema.COMMENTARY.name,
    schema.RANKINGS.name,
    schema.GROUP_LIMITS.name,
    schema.KEY_FIGURES.name,
}
_UNKNOWN_PERIOD = Period(date.max, date.max, PeriodKind.QUARTER, "?")
"""Stands in for a reporting period that could not be read, so later checks stay quiet."""
_BAD = object()
"""A cell whose problem has been reported already."""


def _clean(value: object) -> str:
    return " ".join(str(value).replace("\u00a0", " ").split())


def _key(value: object) -> str:
    return _clean(value).casefold().rstrip(":* ")


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


@dataclass(frozen=True)
class Reading:
    """What reading a workbook found."""

    report: Report
    """The report, without the rows that had errors."""
    problems: list[Problem]
    """Every problem with single cells, sheets and links between sheets."""
    skipped_ids: frozenset[str]
    """Ids of rows left out because of their errors, so references to them are not errors too."""
    complete: bool
    """False when a sheet or an id column is missing, so that cross-record checks would mislead."""


def read_workbook(path: Path) -> tuple[Report, list[Problem]]:
    """Read the workbook at ``path``: the report (rows with errors left out) and every problem.

    Raises ``UsageError`` when there is no such file, and ``WorkbookError`` when the file cannot
    be read as a workbook at all (an .xls, .csv or .ods file, an encrypted or damaged one).
    """
    reading = read(path)
    return reading.report, reading.problems


def read(path: Path) -> Reading:
    """``read_workbook``, with what the validator needs to avoid repeating the reader's errors."""
    path = Path(path)
    data, wb, package = _open(path)
    reader = _Reader(path.name, data, wb)
    if package.has_macros:
        reader.problem(
            None,
            "The workbook contains macros; they were not run, and the report uses only the"
            " values saved in its cells",
            "warning",
        )
    return reader.read()


def _open(path: Path) -> tuple[bytes, Workbook, Package]:
    name = path.name
    if path.is_dir():
        raise UsageError(f"{path} is a folder, not a workbook")
    if not path.exists():
        raise UsageError(f"{path}: there is no such file")
    try:
        check_file_size(name, path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise WorkbookError(f"{name} cannot be opened: {exc.strerror}") from None
    suffix = path.suffix.lower()
    if not data:
        raise WorkbookError(f"{name} is empty (0 bytes): it is not a workbook")
    if data.startswith(_OLE):
        if suffix in (".xlsx", ".xlsm"):
            raise WorkbookError(
                f"{name} is password-protected: open it in Excel, remove the password"
                " (File > Info > Protect Workbook) and save it"
            )
        raise WorkbookError(
            f"{name}: This is an Excel 97-2003 .xls file: open it in Excel and save it as .xlsx"
            " (Excel Workbook)"
        )
    if not data.startswith(b"PK"):
        if suffix in (".csv", ".txt", ".tsv"):
            raise WorkbookError(
                f"{name}: This is a {suffix[1:].upper()} file, which holds one sheet without"
                " formats: copy its figures into the template (make-report template) and save"
                " that as .xlsx"
            )
        raise WorkbookError(f"{name} is not an Excel workbook (.xlsx)")
    package = check_package(name, data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about features it does not keep
            wb = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of error on a damaged file
        raise WorkbookError(
            f"{name} cannot be read as a workbook ({exc}): open it in Excel and save it again"
        ) from None
    return data, wb, package


def _formulas(data: bytes) -> dict[str, dict[str, str]]:
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


class _Row:
    """One record row (or one setting), read column by column; problems go to the reader."""

    def __init__(
        self,
        reader: _Reader,
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
        """The cell's value with spaces stripped; None if blank; ``_BAD`` if already reported."""
        cell = self.cells.get(header)
        if cell is None:
            return None
        value = cell.value
        if cell.data_type == "e" or (isinstance(value, str) and value.strip() in EXCEL_ERRORS):
            self.fail(
                header,
                f"{header} is the Excel error {str(value).strip()}: correct the"
                " formula in Excel, or type the figure",
            )
            return _BAD
        if isinstance(value, str):
            value = value.replace("\u00a0", " ").strip() or None
        if value is None:
            formula = self.reader.formula(self.sheet, cell.coordinate)
            if formula:
                self.fail(
                    header,
                    f"{header} has a formula ({formula}) but no saved result: open"
                    " the workbook in Excel and save it, then check it again",
                )
                return _BAD
            if required:
                merged = _merged_range(cell)
                hint = (
                    f" It is part of the merged cells {merged}: unmerge them and type the value"
                    " in each row."
                    if merged
                    else ""
                )
                self.fail(header, f"{header} is blank. {self.helps.get(header, '')}".strip() + hint)
                return _BAD
        return value

    def text(self, header: str, required: bool = False) -> str:
        value = self.raw(header, required)
        if value is None or value is _BAD:
            return ""
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int | float):
            return _number_text(value)
        if isinstance(value, datetime):
            return value.strftime("%d/%m/%Y")
        return str(value)

    def id(self, header: str, required: bool = True) -> str:
        """An id as typed; a number keeps the decimals its cell shows (1.10 stays 1.10)."""
        value = self.raw(header, required)
        cell = self.cells.get(header)
        if isinstance(value, datetime):
            self.fail(
                header,
                f"{header} has become a date ({value:%d/%m/%Y}) in Excel: format"
                " the cell as Text and type the id again",
            )
            return ""
        if isinstance(value, float) and not value.is_integer() and cell is not None:
            if m := _FIXED_DECIMALS.fullmatch(str(cell.number_format)):
                return f"{value:.{len(m.group(1))}f}"
            text = repr(value)
            self.reader.numeric_ids.append((text, self.location(header), header))
            return text
        return _clean(self.text(header))

    def number(self, header: str, required: bool = False) -> float | None:
        """A number typed as a number or as text ('1,234', '58%'); n/a and blank are None."""
        value = self.raw(header, required)
        if value is None or value is _BAD:
            return None
        cell = self.cells[header]
        assert cell is not None
        if isinstance(value, bool | datetime):
            shown = value.strftime("%d/%m/%Y") if isinstance(value, datetime) else value
            self.fail(header, f"{header} '{shown}' is not a number; type a number such as 28.06")
            return None
        if isinstance(value, int | float):
            if "%" in str(cell.number_format):
                return round(float(value) * 100, 10)
            return float(value)
        text = str(value)
        if text.casefold() in _NA:
            if required:
                self.fail(header, f"{header} '{text}' is not a number; a figure is needed here")
            return None
        number = _parse_number(text)
        if number is None:
            self.fail(
                header,
                f"{header} '{text}' is not a number; type a number such as 28.06"
                " (or 58% for a percentage)",
            )
        return number

    def value(self, header: str, unit: Unit, required: bool = False) -> Value | None:
        """A figure of a measure: a number, a pair ('11 / 2') or not available ('n/a')."""
        value = self.raw(header, required)
        if value is None or value is _BAD:
            return None
        if isinstance(value, str) and value.casefold() in _NA:
            return NOT_AVAILABLE
        if unit is not Unit.PAIR:
            return self.number(header)
        if isinstance(value, datetime):
            self.fail(
                header,
                f"{header} has become the date {value:%d %b} in Excel; type the"
                f" pair with spaces, e.g. '{value.day} / {value.month}', or format the cell"
                " as Text",
            )
            return None
        if m := _PAIR.fullmatch(str(value)):
            return Pair(float(m.group(1)), float(m.group(2)))
        shown = _number_text(value) if isinstance(value, int | float) else value
        self.fail(
            header,
            f"{header} '{shown}' is not a pair of counts; type both counts with a"
            " slash, e.g. '11 / 2', or n/a",
        )
        return None

    def choice(self, header: str, choices: Iterable[str], required: bool = True) -> str | None:
        """One of ``choices``, whatever its case; a near miss is named in the message."""
        choices = tuple(choices)
        value = self.raw(header, required)
        if value is None or value is _BAD:
            return None
        text = _clean(_number_text(value) if isinstance(value, int | float) else value)
        for choice in choices:
            if choice.casefold() == text.casefold():
                return choice
        hint = did_you_mean(text, choices, listed=0)
        self.fail(header, f"{header} '{text}' is not one of: {', '.join(choices)}{hint}")
        return None

    def period(self, header: str, required: bool = True) -> Period | None:
        value = self.raw(header, required)
        if value is None or value is _BAD:
            return None
        if isinstance(value, datetime):
            if value.day == 1:  # Excel turns 'Sep 2016' into 1 September 2016
                return parse_period(f"{value:%b %Y}")
            self.fail(
                header,
                f"{header} is the date {value:%d/%m/%Y}; type a period such as"
                " 'Sep 2016' or '2016/17 Q2', with the cell formatted as Text",
            )
            return None
        try:
            return parse_period(_number_text(value) if isinstance(value, int | float) else value)
        except ValueError as exc:
            self.fail(header, f"{header} {exc}")
            return None


def _merged_range(cell: Cell) -> str:
    """The merged range a cell other than its first belongs to, or ''."""
    if not isinstance(cell, MergedCell):
        return ""
    return next((str(r) for r in cell.parent.merged_cells.ranges if cell.coordinate in r), "")


def _parse_number(text: str) -> float | None:
    # '58%' typed as text means 58: percentages are recorded as 58, not 0.58
    compact = text.replace(" ", "").removeprefix("£").removesuffix("%")
    if _THOUSANDS.fullmatch(compact):
        compact = compact.replace(",", "")
    return float(compact) if _NUMBER.fullmatch(compact) else None


class _Reader:
    """Reads each sheet of one workbook, collecting problems as it goes."""

    def __init__(self, name: str, data: bytes, wb: Workbook):
        self.name, self.data, self.wb = name, data, wb
        self.problems: list[Problem] = []
        self.numeric_ids: list[tuple[str, Location, str]] = []
        self.skipped: set[str] = set()
        self.complete = True
        self._formulas: dict[str, dict[str, str]] | None = None

    def problem(self, where: Location | str | None, message: str, severity: str = "error") -> None:
        """Record a problem; ``where`` is a cell, or text such as 'sheet Data, row 1'."""
        place = self.name if where is None else f"{self.name}, {where}"
        self.problems.append(Problem(place, message, severity))

    def formula(self, sheet: str, coordinate: str) -> str:
        if self._formulas is None:
            self._formulas = _formulas(self.data)
        return self._formulas.get(sheet, {}).get(coordinate, "")

    def sheet(self, name: str) -> Worksheet | None:
        """The sheet called ``name``, whatever its case or surrounding spaces."""
        for ws in self.wb.worksheets:
            if _key(ws.title) == _key(name):
                return ws
        if name not in _OPTIONAL_SHEETS:
            titles = [ws.title for ws in self.wb.worksheets]
            self.problem(
                None,
                f"There is no sheet named '{name}'; the sheets are"
                f" {', '.join(titles)}{did_you_mean(name, titles, listed=0)}",
            )
            self.complete = False
        return None

    def rows(self, spec: schema.Sheet) -> list[_Row]:
        """The non-blank record rows of a sheet, with their cells found by column header."""
        ws = self.sheet(spec.name)
        if ws is None:
            return []
        wanted = {_key(c.header): c.header for c in spec.columns}
        header_row, found = 1, {}
        for number, values in enumerate(ws.iter_rows(max_row=10, values_only=True), start=1):
            keys = [_key(v) if v is not None else "" for v in values]
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
        for column in spec.columns:
            if column.required and column.header not in found:
                ok = False
                others = {_key(h): h for h in headers if _key(h) not in wanted}
                close = difflib.get_close_matches(_key(column.header), list(others), 1, 0.6)
                fix = f"correct the header '{others[close[0]]}'" if close else "add it"
                self.problem(
                    f"sheet {ws.title}, row {header_row}",
                    f"There is no column headed '{column.header}': {fix}",
                )
                if column is spec.columns[0]:
                    self.complete = False
        helps = {c.header: c.help for c in spec.columns}
        rows = []
        # only the columns read: a stray value far to the right must not make every row wide
        last = max(found.values(), default=0) + 1
        for cells in ws.iter_rows(min_row=header_row + 1, max_col=last):
            mapped = {h: cells[i] if i < len(cells) else None for h, i in found.items()}
            if all(
                c is None or c.value is None or (isinstance(c.value, str) and not _clean(c.value))
                for c in mapped.values()
            ):
                continue
            rows.append(_Row(self, ws.title, cells[0].row, mapped, helps, ok))
        return rows

    def keep(self, row: _Row, record_id: str) -> bool:
        """Whether the row's record goes in the report; if not, remember its id."""
        if not row.ok and record_id:
            self.skipped.add(record_id)
        return row.ok

    def read(self) -> Reading:
        settings = self._settings()
        agencies = tuple(r.text("Agency", True) for r in self.rows(schema.AGENCIES))
        agencies = tuple(a for a in agencies if a)
        priorities = self._priorities()
        actions = self._actions(agencies)
        measures = self._measures()
        observations = self._data(measures)
        commentary = self._commentary()
        rankings = self._rankings()
        figures = self._figures()
        self._check_numeric_ids()
        report = _assemble(
            settings,
            priorities,
            actions,
            measures,
            observations,
            commentary,
            rankings,
            figures,
            agencies,
            self.name,
            self,
        )
        return Reading(report, self.problems, frozenset(self.skipped), self.complete)

    def _settings(self) -> Settings:
        placeholder = Settings("", "", _UNKNOWN_PERIOD)
        ws = self.sheet(schema.SETTINGS)
        if ws is None:
            return placeholder
        names = {_key(name): name for name, _, _ in schema.SETTING_ROWS}
        helps = {name: help_text for name, help_text, _ in schema.SETTING_ROWS}
        found: dict[str, list[_Row]] = {}
        for cells in ws.iter_rows(max_col=2):
            label, number = cells[0].value, cells[0].row
            if label is None or not _clean(label) or (number == 1 and _key(label) == "setting"):
                continue
            if _key(label) not in names:
                self.problem(
                    Location(ws.title, cells[0].coordinate),
                    f"'{_clean(label)}' is not a setting, so it is ignored; the settings"
                    f" are {one_of(names.values())}"
                    f"{did_you_mean(_clean(label), names.values(), listed=0)}",
                    "warning",
                )
                continue
            name = names[_key(label)]
            value_cell = cells[1] if len(cells) > 1 else None
            row = _Row(self, ws.title, number, {name: value_cell}, helps)
            if name in found and name != "Footnote":
                self.problem(
                    Location(ws.title, cells[0].coordinate),
                    f"{name} is given twice (also at {found[name][0].location(name)}); delete one",
                )
            found.setdefault(name, []).append(row)
        for name, _, required in schema.SETTING_ROWS:
            if required and name not in found:
                self.problem(
                    f"sheet {ws.title}, column A",
                    f"There is no '{name}' row: type {name} in column A and its value in column B",
                )

        def one(name: str) -> _Row | None:
            return found[name][0] if name in found else None

        def text(name: str, required: bool) -> str:
            row = one(name)
            return row.text(name, required) if row else ""

        period = one("Reporting period")
        comparison = one("Comparison period")
        result = Settings(
            partnership=text("Partnership", True),
            title=text("Report title", True),
            period=(period.period("Reporting period") if period else None) or _UNKNOWN_PERIOD,
            comparison_period=comparison.period("Comparison period", False) if comparison else None,
            report_date=self._date(one("Report date")),
            author=text("Published by", False),
            footnotes=tuple(t for r in found.get("Footnote", []) if (t := r.text("Footnote"))),
        )
        return result

    def _date(self, row: _Row | None) -> date | None:
        value = row.raw("Report date") if row else None
        if value is None or value is _BAD or row is None:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, int | float) and 1 <= value < 2958466:  # a date as Excel's serial
            return from_excel(value).date()
        for form in _DATE_FORMATS:
            try:
                return datetime.strptime(_clean(value), form).date()
            except ValueError:
                pass
        row.fail(
            "Report date",
            f"Report date '{value}' is not a date; type a date such as"
            " 31/10/2016 or 31 October 2016, or leave it blank for the day the report is made",
        )
        return None

    def _priorities(self) -> list[Priority]:
        priorities = []
        for row in self.rows(schema.PRIORITIES):
            pid, name = row.id("Priority"), row.text("Name", True)
            if self.keep(row, pid):
                priorities.append(Priority(pid, name, where=row.location("Priority")))
        return priorities

    def _actions(self, agencies: tuple[str, ...]) -> list[tuple[KeyAction, _Row]]:
        actions = []
        for row in self.rows(schema.KEY_ACTIONS):
            action_id = row.id("Action")
            agency = row.text("Lead agency", True)
            agency = next((a for a in agencies if a.casefold() == agency.casefold()), agency)
            action = KeyAction(
                id=action_id,
                priority_id=row.id("Priority"),
                text=row.text("Key action", True),
                lead_agency=agency,
                heading=row.text("Page heading"),
                source=row.text("Source"),
                where=row.location("Action"),
            )
            if self.keep(row, action_id):
                actions.append((action, row))
        return actions

    def _measures(self) -> list[tuple[Measure, _Row]]:
        measures = []
        for row in self.rows(schema.MEASURES):
            measure_id = row.id("Measure")
            unit = row.choice("Unit", schema.LISTS["Units"])
            polarity = row.choice("Polarity", schema.LISTS["Polarities"])
            frequency = row.choice("Frequency", schema.LISTS["Frequencies"])
            decimals = row.number("Decimals", True)
            if decimals is not None and (not decimals.is_integer() or not 0 <= decimals <= 3):
                row.fail("Decimals", f"Decimals '{decimals:g}' is not one of: 0, 1, 2, 3")
            target, tolerance = row.number("Target"), row.number("Tolerance")
            action_id, name = row.id("Action"), row.text("Name", True)
            benchmark_label, source, notes = (row.text(h) for h in ("Benchmark", "Source", "Notes"))
            if not self.keep(row, measure_id):
                self.skipped.add(action_id)  # its action is not really bare
            else:
                assert unit and polarity and frequency and decimals is not None
                measures.append(
                    (
                        Measure(
                            id=measure_id,
                            unit=Unit(unit),
                            polarity=Polarity(polarity),
                            frequency=Frequency(frequency),
                            decimals=int(decimals),
                            target=target,
                            tolerance=tolerance,
                            where=row.location("Measure"),
                            action_id=action_id,
                            name=name,
                            benchmark_label=benchmark_label,
                            source=source,
                            notes=notes,
                        ),
                        row,
                    )
                )
        return measures

    def _data(self, measures: list[tuple[Measure, _Row]]) -> dict[str, list[Observation]]:
        units = {m.id: m.unit for m, _ in measures}
        known = [*units, *self.skipped]
        observations: dict[str, list[Observation]] = {}
        for row in self.rows(schema.DATA):
            measure_id = row.id("Measure")
            if measure_id and measure_id not in known:
                row.fail("Measure", not_listed("Measure", measure_id, "Measures", known))
            unit = units.get(measure_id, Unit.COUNT)
            period = row.period("Period")
            actual = row.value("Actual", unit, True)
            benchmark = row.value("Benchmark", unit)
            note = row.text("Note")
            if row.ok and measure_id in units:
                assert period is not None and actual is not None
                observations.setdefault(measure_id, []).append(
                    Observation(period, actual, benchmark, note, row.location("Period"))
                )
        return observations

    def _commentary(self) -> list[Commentary]:
        pages: list[tuple[tuple[str, ...], list[TextBlock], _Row]] = []
        for row in self.rows(schema.COMMENTARY):
            page = row.id("Page", required=not pages)
            covers = _page_ids(page) if page else (pages[-1][0] if pages else ())
            if page and not covers:
                row.fail(
                    "Page",
                    f"Page '{page}' is not a range: give the first and last measure, e.g. 1.2a-c",
                )
            text = row.raw("Text", True)
            if not row.ok:
                continue
            blocks = parse_blocks(str(text))
            if pages and (not page or covers == pages[-1][0]):
                pages[-1][1].extend(blocks)
            else:
                pages.append((covers, list(blocks), row))
        return [Commentary(c, tuple(b), r.location("Page")) for c, b, r in pages]

    def _rankings(self) -> list[Ranking]:
        groups: dict[tuple[str, str], list[tuple[RankedArea, _Row, Period]]] = {}
        spoilt: set[tuple[str, str]] = set()
        for row in self.rows(schema.RANKINGS):
            measure_id, period = row.id("Measure"), row.period("Period")
            area, value = row.text("Area", True), row.number("Value", True)
            own = row.choice("Own area", (schema.YES, "No"), required=False) == schema.YES
            key = (measure_id, period.label if period else "")
            if row.ok and period is not None and value is not None:
                groups.setdefault(key, []).append((RankedArea(area, value, own), row, period))
            else:
                spoilt.add(key)  # a group missing a row would give wrong positions
        for key in spoilt:
            groups.pop(key, None)
        limits: dict[tuple[str, str], tuple[float | None, ...]] = {}
        for row in self.rows(schema.GROUP_LIMITS):
            measure_id, period = row.id("Measure"), row.period("Period")
            numbers = tuple(row.number(h) for h in ("Group average", "Lower limit", "Upper limit"))
            if row.ok and period is not None:
                if (measure_id, period.label) not in groups | dict.fromkeys(spoilt):
                    row.fail(
                        "Measure",
                        f"There is no ranking for {measure_id} {period.label} on"
                        " the Rankings sheet, so these limits are not used",
                        "warning",
                    )
                limits[(measure_id, period.label)] = numbers
        rankings = []
        for key, rows in groups.items():
            average, lower, upper = limits.get(key, (None, None, None))
            areas = tuple(a for a, _, _ in rows)
            where = rows[0][1].location("Measure")
            rankings.append(Ranking(key[0], rows[0][2], areas, average, lower, upper, where))
        return rankings

    def _figures(self) -> list[Figure]:
        figures = []
        units = (Unit.COUNT.value, Unit.PERCENTAGE.value, Unit.MONEY.value)
        for row in self.rows(schema.KEY_FIGURES):
            action_id, label = row.id("Action"), row.text("Figure", True)
            value, unit = row.number("Value", True), row.choice("Unit", units)
            out_of, target = row.number("Out of"), row.number("Target")
            if row.ok and value is not None and unit:
                figures.append(
                    Figure(
                        action_id, label, value, Unit(unit), out_of, target, row.location("Action")
                    )
                )
        return figures

    def _check_numeric_ids(self) -> None:
        """Warn where an id typed as a number may have lost a final 0 (1.10 became 1.1)."""
        by_column: dict[tuple[str, str], list[str]] = {}
        for text, where, header in self.numeric_ids:
            by_column.setdefault((where.sheet, header), []).append(text)
        for text, where, header in self.numeric_ids:
            same = by_column[(where.sheet, header)]
            prefix, _, tail = text.partition(".")
            if len(tail) == 1 and (same.count(text) > 1 or (tail == "1" and f"{prefix}.9" in same)):
                self.problem(
                    where,
                    f"{header} {text} was typed as a number, so Excel may have"
                    f" turned {text}0 into {text}: format the column as Text and type"
                    " the ids again",
                    "warning",
                )


def _page_ids(page: str) -> tuple[str, ...]:
    """The ids a Page names: '1.2a', '1.2a-c' (1.2a, 1.2b, 1.2c) or '1.2a, 1.2b'."""
    ids: list[str] = []
    for part in re.split(r"\s*(?:,|;|&|\band\b)\s*", page):
        if not part:
            continue
        if m := _RANGE.fullmatch(part):
            first, last = m.group(2).lower(), m.group(3).lower()
            if first >= last:
                return ()
            ids += [f"{m.group(1)}{chr(c)}" for c in range(ord(first), ord(last) + 1)]
        elif re.search(r"\s[-–]\s|\d[-–]\d", part):
            return ()
        else:
            ids.append(part)
    return tuple(dict.fromkeys(ids))


def _assemble(
    settings: Settings,
    priorities: list[Priority],
    actions: list[tuple[KeyAction, _Row]],
    measures: list[tuple[Measure, _Row]],
    observations: dict[str, list[Observation]],
    commentary: list[Commentary],
    rankings: list[Ranking],
    figures: list[Figure],
    agencies: tuple[str, ...],
    name: str,
    reader: _Reader,
) -> Report:
    """Link measures to actions and actions to priorities, reporting links that go nowhere."""
    priority_ids = [p.id for p in priorities]
    action_ids = [a.id for a, _ in actions]
    by_action: dict[str, list[Measure]] = {}
    given: set[str] = set()  # a duplicated measure id gets its figures once, with the first
    for measure, row in measures:
        if measure.action_id in action_ids:
            found = () if measure.id in given else observations.get(measure.id, ())
            given.add(measure.id)
            series = tuple(sorted(found, key=lambda o: o.period))
            by_action.setdefault(measure.action_id, []).append(
                replace(measure, observations=series)
            )
            continue
        if measure.action_id not in reader.skipped:
            row.fail("Action", not_listed("Action", measure.action_id, "Key actions", action_ids))
        reader.skipped.add(measure.id)
    by_priority: dict[str, list[KeyAction]] = {}
    for action, row in actions:
        held = tuple(by_action.pop(action.id, ()))  # a duplicated action id: the first holds them
        if action.priority_id in priority_ids:
            by_priority.setdefault(action.priority_id, []).append(replace(action, measures=held))
            continue
        if action.priority_id not in reader.skipped:
            row.fail(
                "Priority", not_listed("Priority", action.priority_id, "Priorities", priority_ids)
            )
        reader.skipped.update([action.id, *(m.id for m in held)])
    linked = []
    for priority in priorities:
        ordered = sorted(by_priority.pop(priority.id, ()), key=lambda a: id_sort_key(a.id))
        linked.append(Priority(priority.id, priority.name, tuple(ordered), priority.where))
    return Report(
        settings, tuple(linked), tuple(commentary), tuple(rankings), tuple(figures), agencies, name
    )
