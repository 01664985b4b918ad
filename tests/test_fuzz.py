"""Fuzzing: whatever the workbook holds, the answer is a report or a ``ReportError``, never a bug.

Hypothesis builds workbooks from the template, spoils ``inputs/q2.xlsx`` (cells emptied, retyped,
swapped, merged, reformatted; sheets removed or renamed; rows duplicated or deleted) and damages
its bytes. Each case must load, or fail with a ``ReportError``; cases that load are laid out,
and the small ones with odd text are written as Word and PDF documents.

The normal run tries a few hundred cases. For a long run set ``SAFECITY_FUZZ_EXAMPLES``, the
number of cases for each test, e.g. ``SAFECITY_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import io
import os
import tempfile
import warnings
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.workbook.workbook import Workbook
from pypdf import PdfReader

from fixtures.workbooks import set_cell, set_setting, valid_workbook
from safecity_reports.build import build_report
from safecity_reports.core.verdicts import judge
from safecity_reports.errors import ReportError, ValidationFailed
from safecity_reports.layout.report import build_document
from safecity_reports.reading import schema
from safecity_reports.reading.load import load_report

Q2 = Path(__file__).parent.parent / "inputs" / "q2.xlsx"
LONG_RUN = int(os.environ.get("SAFECITY_FUZZ_EXAMPLES", "0"))


def fuzz(examples: int) -> settings:
    """``examples`` cases in the normal run, or the long run's number when it is set."""
    return settings(
        max_examples=LONG_RUN or examples,
        # the normal run replays the same cases every time, so CI cannot go red by chance; the
        # long run explores new ones (and Hypothesis's database replays any failure it found)
        derandomize=not LONG_RUN,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )


TEXTS = st.sampled_from(
    [
        "28.06", "58%", "1,234", " 12 ", "\u00a058\u00a0", "1.10", "1.1", "1.2a", "1.2a-c",
        "11 / 2", "n/a", "-", "", "   ", "#DIV/0!", "#N/A", "#REF!", "=A1+1", "=1/0", "TRUE",
        "2016/17 Q2", "2015/16", "Sep 2016", "Oct 2013 - Sep 2014", "2016/17 Q5", "31/10/2016",
        "High is good", "Low is good", "Percentage", "Pair of counts", "Rank", "Quarterly",
        "Yes", "No", "SCC", "<b>bold</b>", "<font size=40>x</font>", "]]>", "&amp;", "**b**",
        "- bullet", "-- sub", "ŵ ŷ", "🚓", "العربية", "x" * 5000, "\t", "1e308", "-0", "NaN",
    ]
)  # fmt: skip
VALUES = st.one_of(
    st.none(),
    TEXTS,
    st.text(max_size=60),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 1, 1)),
    st.dates(min_value=date(1900, 3, 1)),
    st.times(),
)
FORMATS = st.sampled_from(["General", "0%", "0.00%", "0.00", "@", "dd/mm/yyyy", "mmm-yy", "0"])
SHEETS = st.sampled_from([*(s.name for s in schema.DATA_SHEETS), schema.SETTINGS])


def _put(ws, row: int, column: int, value: object) -> None:
    try:
        ws.cell(row=row, column=column).value = value
    except (IllegalCharacterError, ValueError, TypeError):
        assume(False)  # a value openpyxl cannot store cannot be in a workbook either


@st.composite
def mutation(draw):
    """One change to a workbook, as a function of it."""
    kind = draw(
        st.sampled_from(
            ["set", "set", "set", "empty", "swap", "format", "delete_sheet", "rename_sheet",
             "duplicate_row", "delete_rows", "insert_rows", "insert_cols", "merge", "hide"]
        )
    )  # fmt: skip
    sheet = draw(SHEETS)
    row, column = draw(st.integers(1, 40)), draw(st.integers(1, 14))
    other = (draw(st.integers(1, 40)), draw(st.integers(1, 14)))
    value = draw(VALUES)
    number_format = draw(FORMATS)
    title = draw(
        st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=31).filter(
            lambda t: not set(t) & set("[]:*?/\\'")
        )
    )
    count = draw(st.integers(1, 3))

    def apply(wb: Workbook) -> None:
        if sheet not in wb.sheetnames:
            return
        ws = wb[sheet]
        match kind:
            case "set":
                _put(ws, row, column, value)
            case "empty":
                ws.cell(row=row, column=column).value = None
            case "swap":
                a, b = ws.cell(row=row, column=column), ws.cell(row=other[0], column=other[1])
                a.value, b.value = b.value, a.value
            case "format":
                ws.cell(row=row, column=column).number_format = number_format
            case "delete_sheet":
                del wb[sheet]
            case "rename_sheet":
                assume(title not in wb.sheetnames)
                try:
                    ws.title = title
                except ValueError:
                    assume(False)
            case "duplicate_row":
                target = ws.max_row + 1 if count == 1 else row + 1
                ws.insert_rows(target) if count != 1 else None
                for cell in ws[row]:
                    ws.cell(row=target, column=cell.column).value = cell.value
            case "delete_rows":
                ws.delete_rows(row, count)
            case "insert_rows":
                ws.insert_rows(row, count)
            case "insert_cols":
                ws.insert_cols(column, count)
            case "merge":
                ws.merge_cells(
                    start_row=row, start_column=column, end_row=row + count, end_column=column
                )
            case "hide":
                ws.sheet_state = "hidden" if count == 1 else "visible"
                ws.row_dimensions[row].hidden = True

    return _Change(apply, f"{kind} {sheet!r} R{row}C{column} {value!r} {number_format} {title!r}")


class _Change:
    """A mutation that shows what it does when Hypothesis prints a failing case."""

    def __init__(self, apply, description: str):
        self.apply, self.description = apply, description

    def __call__(self, wb: Workbook) -> None:
        self.apply(wb)

    def __repr__(self) -> str:
        return self.description


def _open_q2() -> Workbook:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_workbook(io.BytesIO(Q2.read_bytes()))


def _outcome(wb: Workbook, folder: Path) -> object:
    """Save and load ``wb``: the report and status if it loads; an unexpected error fails."""
    path = folder / "q2.xlsx"
    try:
        wb.save(path)
    except ValueError:  # openpyxl cannot save it, so no workbook could hold it
        assume(False)
    before = path.read_bytes()
    try:
        report, _ = load_report(path)
    except ReportError as exc:
        assert str(exc).strip(), "a ReportError must say what is wrong"
        return exc
    finally:
        assert path.read_bytes() == before, "the input workbook must never change"
    return build_document(report, judge(report), date(2016, 10, 31))


@fuzz(120)
@given(changes=st.lists(mutation(), min_size=1, max_size=6))
def test_spoiled_q2_workbooks_report_or_fail_plainly(changes):
    wb = _open_q2()
    for change in changes:
        change(wb)
    with tempfile.TemporaryDirectory() as folder:
        _outcome(wb, Path(folder))


@st.composite
def generated_workbook(draw):
    """A workbook from the template: valid records with random cells, or random records."""
    wb = valid_workbook()
    for name in draw(st.lists(SHEETS, max_size=3, unique=True)):
        if draw(st.booleans()):  # a sheet of random rows instead of its records
            ws = wb[name]
            ws.delete_rows(2, ws.max_row)
            for r in range(2, draw(st.integers(2, 12))):
                for c in range(1, draw(st.integers(1, 13))):
                    _put(ws, r, c, draw(VALUES))
    for _ in range(draw(st.integers(0, 8))):
        sheet = draw(st.sampled_from(wb.sheetnames))
        _put(wb[sheet], draw(st.integers(1, 12)), draw(st.integers(1, 13)), draw(VALUES))
    return wb


@fuzz(100)
@given(wb=generated_workbook())
def test_generated_workbooks_report_or_fail_plainly(wb):
    with tempfile.TemporaryDirectory() as folder:
        _outcome(wb, Path(folder))


@fuzz(100)
@given(
    edits=st.lists(
        st.tuples(
            st.floats(0, 1),
            st.sampled_from(["flip", "cut", "insert", "zero"]),
            st.binary(min_size=1, max_size=8),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_damaged_bytes_fail_plainly(edits):
    data = bytearray(Q2.read_bytes())
    for where, kind, junk in edits:
        if not data:
            break
        at = int(where * (len(data) - 1))
        match kind:
            case "flip":
                data[at] ^= junk[0] or 1
            case "cut":
                del data[at:]
            case "insert":
                data[at:at] = junk
            case "zero":
                data[at : at + len(junk)] = bytes(len(junk))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "q2.xlsx"
        path.write_bytes(bytes(data))
        try:
            report, _ = load_report(path)
        except ValidationFailed as exc:
            # read but wrong: every problem is located in the workbook and says what is wrong
            assert exc.problems
            for problem in exc.problems:
                assert problem.where.startswith("q2.xlsx"), problem
                assert problem.message.strip(), problem
        except ReportError as exc:
            assert str(exc).strip(), "a ReportError must say what is wrong"
            assert "Traceback" not in str(exc)
        else:
            assert report.source_name == "q2.xlsx"


ODD_TEXT = st.one_of(TEXTS.filter(lambda t: len(t) <= 300), st.text(min_size=1, max_size=300))
LONG_TEXT = st.one_of(ODD_TEXT, TEXTS, st.text(min_size=300, max_size=3000))


@fuzz(10)
@given(partnership=ODD_TEXT, name=ODD_TEXT, action=ODD_TEXT, commentary=LONG_TEXT, note=ODD_TEXT)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_odd_text_is_written_to_both_documents(fmt, partnership, name, action, commentary, note):
    wb = valid_workbook()
    try:
        set_setting(wb, "Partnership", partnership)
        set_cell(wb, "Measures", 2, "Name", name)
        set_cell(wb, "Key actions", 2, "Key action", action)
        set_cell(wb, "Commentary", 2, "Text", commentary)
        set_cell(wb, "Data", 3, "Note", note)
    except IllegalCharacterError:
        assume(False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "q2.xlsx"
        wb.save(path)
        try:
            build_report(path, Path(folder) / "out", formats=(fmt,), today=date(2016, 10, 31))
        except ReportError:
            pass  # blank after cleaning, say: a plain error is a fine answer
        else:
            assert (Path(folder) / "out" / f"q2.{fmt}").stat().st_size > 0


def test_a_table_cell_taller_than_a_page_splits_across_pages(tmp_path):
    # Rows are kept whole on a page; one taller than a whole page is split inside it instead
    # of stopping the build with reportlab's LayoutError (found by this harness).
    wb = valid_workbook()
    set_cell(wb, "Key actions", 2, "Key action", "word " * 2500)
    path = tmp_path / "q2.xlsx"
    wb.save(path)
    build_report(path, tmp_path / "out", formats=("pdf",), today=date(2016, 10, 31))
    text = PdfReader(str(tmp_path / "out" / "q2.pdf")).pages
    assert sum(page.extract_text().count("word") for page in text) >= 2 * 2500
