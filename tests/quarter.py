"""A quarter to play through in tests: the Q3 workbook made from q2.xlsx, its returns, and
agencies' edits to a return as openpyxl (or LibreOffice, after ``through_libreoffice``) saves
them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result
from openpyxl import Workbook, load_workbook

from safecity_reports.cli import main

Q2 = Path(__file__).resolve().parents[1] / "inputs" / "q2.xlsx"
Q3 = "2016/17 Q3"
SIGNED = {
    "Name": "Jo Bloggs",
    "Role": "Performance Manager",
    "Date": "18/01/2017",
    "Figures are": "Final",
}
POLICE = "hampshire-constabulary.xlsx"
ICU = "integrated-commissioning-unit.xlsx"
YOS = "youth-offending-service.xlsx"
SCC = "scc.xlsx"


def run(*args: object) -> Result:
    """``make-report`` with ``args``, in-process."""
    return CliRunner().invoke(main, [str(a) for a in args])


def make_quarter(folder: Path) -> tuple[Path, Path]:
    """q3.xlsx and its returns (in ``returns/``) under ``folder``."""
    q3 = folder / "q3.xlsx"
    assert run("next", Q2, "-o", q3).exit_code == 0
    assert run("returns", q3, "-o", folder / "returns").exit_code == 0
    return q3, folder / "returns"


def row_of(wb: Workbook, measure: str, period: str, sheet: str = "Data") -> int:
    """The row of ``measure``'s figure for ``period`` on ``sheet``."""
    ws = wb[sheet]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == measure and row[1].value == period:
            return row[0].row
    raise KeyError((measure, period))


def edit(
    source: Path, target: Path, change: Callable[[Workbook], object], sign: dict | None = None
) -> Path:
    """Save ``source`` as ``target`` after ``change(wb)``, signed off with ``sign`` (SIGNED by
    default; {} leaves the sign-off blank)."""
    wb = load_workbook(source)
    change(wb)
    sign = SIGNED if sign is None else sign
    for row in wb["Return"].iter_rows():
        if row[0].value in sign:
            row[1].value = sign[row[0].value]
    wb.save(target)
    return target


def figures(**by_measure: object) -> Callable[[Workbook], None]:
    """A change typing each measure's Q3 Actual (a measure id's '.' written as '_')."""

    def change(wb: Workbook) -> None:
        for name, value in by_measure.items():
            wb["Data"].cell(row_of(wb, name.replace("_", "."), Q3), 3, value)

    return change


def data(path: Path) -> list[tuple]:
    """The Data sheet's rows of a workbook, as values."""
    return [tuple(r) for r in load_workbook(path)["Data"].iter_rows(values_only=True)]


def rows(path: Path, sheet: str) -> int:
    """How many records a sheet holds (0 if there is no such sheet)."""
    wb = load_workbook(path)
    if sheet not in wb.sheetnames:
        return 0
    return sum(1 for r in wb[sheet].iter_rows(min_row=2, values_only=True) if any(r))
