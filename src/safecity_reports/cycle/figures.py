"""A figure cell of a return (or of the partnership's workbook) read as Excel shows it, by the
reader's own rule (``reading.cells``), so that ``collect`` writes into the workbook the figure
``check`` and the report would read from the return itself.

A cell formatted as a percentage that holds 0.26 shows 26% and is 26; a formula is its saved
result (a formula with none is refused, naming the cell: its text is never copied, as it would
mean another cell in another workbook); a figure the measure's unit cannot hold is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell

from safecity_reports.core.model import Unit
from safecity_reports.cycle.book import Book, find_sheet, table
from safecity_reports.reading import schema
from safecity_reports.reading.cells import (
    CellError,
    as_number,
    as_value,
    clean,
    is_excel_error,
    number_text,
    shown_otherwise,
)
from safecity_reports.reading.units import UnitError, read_unit

VALUES = ("Actual", "Benchmark")
"""Columns holding a figure of the measure, in its unit (or n/a, a placeholder, a pair)."""
NUMBERS = ("Count", "Denominator", "Profiled target")
"""Columns holding a plain number of 0 or more."""


@dataclass(frozen=True)
class Read:
    """One cell as read: what to write into the workbook, or why it cannot be taken."""

    value: Any
    """A number as read (26 for 26%), text as typed (n/a, NYA, '11 / 2'), None for blank."""
    problem: str = ""
    """The one-line reason the cell is refused ('' when it is read)."""


def units(wb: Workbook) -> dict[str, Unit]:
    """Each measure's unit, from the Measures sheet (a unit the reader refuses is a Number)."""
    measures = table(wb, schema.MEASURES)
    found: dict[str, Unit] = {}
    for record in measures.records() if measures else ():
        try:
            found[record.text("Measure")] = read_unit(record.text("Unit")).unit
        except UnitError:
            found[record.text("Measure")] = Unit.NUMBER
    return found


def saved(book: Book, cell: Cell) -> Cell | None:
    """The cell of ``book`` as Excel last saved it (a formula's result)."""
    ws = find_sheet(book.values, cell.parent.title)
    return ws[cell.coordinate] if ws is not None else None


def is_formula(cell: Cell) -> bool:
    return cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("="))


def read_figure(book: Book, cell: Cell, header: str, unit: Unit) -> Read:
    """The cell ``header`` of ``book`` as the report would read it, for a measure in ``unit``."""
    raw = cell.value
    if is_formula(cell):
        result = saved(book, cell)
        raw = result.value if result is not None else None
        if raw is None:
            return Read(
                None,
                f"{header} has a formula ({cell.value}) but no saved result: type the figure"
                " itself (a return's formulas are not collected)",
            )
    if isinstance(raw, str):
        raw = clean(raw) or None
    if raw is None:
        return Read(None)
    if is_excel_error(raw):
        return Read(None, f"{header} is the Excel error {raw}: type the figure itself")
    if header not in VALUES and header not in NUMBERS:
        return Read(raw)
    number_format = str(cell.number_format)
    try:
        if header in VALUES:
            figure = as_value(header, raw, unit, number_format)
        else:
            figure = as_number(header, raw, number_format, required=False)
            if figure is not None and figure < 0:
                raise CellError(
                    f"{header} '{number_text(figure)}' is below zero; type a number of 0 or more"
                )
    except CellError as exc:
        return Read(None, str(exc))
    if isinstance(figure, float):
        otherwise = shown_otherwise(header, raw, number_format, figure)
        if otherwise:
            return Read(None, otherwise)
        return Read(int(figure) if figure.is_integer() else figure)
    return Read(raw)
