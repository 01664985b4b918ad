"""Bad and hostile workbooks: a plain answer every time, nothing read that should not be, nothing lost.

The workbook passes through many hands, sometimes from outside the council. Each case is one small
file built by ``fixtures/bad.py`` and checked for its exact message; the zip bomb for its speed and
memory; the crafted entity for never reading the file it points at.
"""

from __future__ import annotations

import os
import time
import tracemalloc
from datetime import date, datetime
from pathlib import Path

import openpyxl.xml
import pytest
from docx import Document as WordDocument

from fixtures import bad
from fixtures.workbooks import save, set_cell, set_setting, valid_workbook
from safecity_reports.build import build_report
from safecity_reports.errors import ReportError, UsageError, ValidationFailed, WorkbookError
from safecity_reports.reading import workbook
from safecity_reports.reading import zipcheck as package
from safecity_reports.reading.load import load_report

TAMPERED = (
    "Excel never writes this, so the file may have been tampered with: ask the sender for a copy"
    " saved from Excel"
)

HOSTILE = [
    (
        bad.zip_bomb,
        "q2.xlsx would take 1,536 MB once unpacked; the tool unpacks at most 100 MB (a real "
        f"workbook needs a few). {TAMPERED}",
    ),
    (
        bad.dense_bomb,
        "q2.xlsx: the part xl/media/image1.png unpacks to 1,028 times its packed size; the tool "
        f"allows at most 100 times. {TAMPERED}",
    ),
    (
        bad.too_many_parts,
        "q2.xlsx holds 1,023 parts; an Excel workbook has a few dozen and the tool reads at most "
        f"1,000. {TAMPERED}",
    ),
    (
        bad.part_outside,
        f"q2.xlsx holds a part named '../../etc/cron.d/evil', which is not part of an Excel "
        f"workbook. {TAMPERED}",
    ),
    (
        bad.unknown_folder,
        f"q2.xlsx holds a part named 'payload/run.exe', which is not part of an Excel workbook. "
        f"{TAMPERED}",
    ),
    (
        bad.external_entity,
        "q2.xlsx: the part xl/worksheets/sheet7.xml declares XML entities (<!DOCTYPE or "
        f"<!ENTITY), which can make a reader fetch local files. {TAMPERED}",
    ),
    (
        bad.billion_laughs,
        "q2.xlsx: the part xl/worksheets/sheet7.xml declares XML entities (<!DOCTYPE or "
        f"<!ENTITY), which can make a reader fetch local files. {TAMPERED}",
    ),
    (
        bad.utf16_part,
        f"q2.xlsx: the part xl/worksheets/sheet7.xml is not written in UTF-8. {TAMPERED}",
    ),
    (
        bad.encrypted_part,
        "q2.xlsx: the part xl/worksheets/sheet7.xml is encrypted inside the zip, which Excel never "
        "does. To protect a workbook with a password, use Excel's own File > Info > Protect "
        f"Workbook. {TAMPERED}",
    ),
    (
        bad.bzip2_parts,
        "q2.xlsx: the part docProps/app.xml is compressed in a way Excel does not use: open it in "
        "Excel and save it again",
    ),
    (
        bad.lying_sizes,
        "q2.xlsx is damaged (not a complete .xlsx file): open it in Excel and save it again",
    ),
    (
        bad.truncated,
        "q2.xlsx is damaged (not a complete .xlsx file): open it in Excel and save it again",
    ),
    (
        bad.far_row,
        "q2.xlsx: a sheet uses rows beyond row 20,000, the most the tool reads. Delete the rows "
        "below your data (select them, right-click, Delete) and save it",
    ),
    (
        bad.million_rows,
        "q2.xlsx: a sheet uses rows beyond row 20,000, the most the tool reads. Delete the rows "
        "below your data (select them, right-click, Delete) and save it",
    ),
    (
        bad.too_many_cells,
        "q2.xlsx has more than 200,000 cells in use; the tool reads at most 200,000. Delete the "
        "rows and columns beyond your data, including blank ones that are formatted, and save it",
    ),
    (
        bad.xlsb,
        "q2.xlsb: This is an Excel binary workbook (.xlsb): save it as Excel Workbook (.xlsx)",
    ),
    (bad.empty, "q2.xlsx is empty (0 bytes): it is not a workbook"),
    (
        bad.huge_file,
        "q2.xlsx is 60 MB; the tool reads workbooks of up to 50 MB. Delete pictures and unused "
        "sheets, or copy the figures into a new workbook (make-report template)",
    ),
]


@pytest.mark.parametrize(("make_file", "message"), HOSTILE, ids=[h[0].__name__ for h in HOSTILE])
def test_each_bad_file_gets_its_own_plain_message(tmp_path, make_report, make_file, message):
    path = make_file(tmp_path)
    before = path.read_bytes()
    result = make_report("check", path)
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [f"Error: {message}"]
    assert path.read_bytes() == before


def test_defusedxml_guards_openpyxl():
    assert openpyxl.xml.DEFUSEDXML is True


def test_a_zip_bomb_is_refused_at_once_in_little_memory(tmp_path):
    path = bad.zip_bomb(tmp_path)
    assert path.stat().st_size < 2 * 1024 * 1024  # 1.5 GB of zeros, packed
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(WorkbookError, match="1,536 MB once unpacked"):
            load_report(path)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 32 * 1024 * 1024


def test_a_million_rows_are_refused_quickly(tmp_path):
    path = bad.million_rows(tmp_path)
    started = time.perf_counter()
    with pytest.raises(WorkbookError, match="rows beyond row 20,000"):
        load_report(path)
    assert time.perf_counter() - started < 2.0


def test_an_external_entity_is_never_expanded_even_past_the_check(tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a")
    path = bad.external_entity(tmp_path, secret)
    with pytest.raises(WorkbookError) as refused:
        load_report(path)
    assert "TOP-SECRET" not in str(refused.value)
    # Without the package check, openpyxl (through defusedxml) must still refuse the entity.
    monkeypatch.setattr(workbook, "check_package", lambda name, data: package.Package(False))
    try:
        report, problems = load_report(path)
    except ReportError as exc:
        assert "TOP-SECRET" not in str(exc)
    else:  # pragma: no cover - only if a parser dropped the entity silently
        assert "TOP-SECRET" not in repr(report) + repr(problems)
    out = tmp_path / "out"
    assert not out.exists() or not any(
        "TOP-SECRET" in p.read_text("latin-1") for p in out.iterdir()
    )


def test_a_billion_laughs_does_not_expand_past_the_check(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "check_package", lambda name, data: package.Package(False))
    started = time.perf_counter()
    with pytest.raises(ReportError):
        load_report(bad.billion_laughs(tmp_path))
    assert time.perf_counter() - started < 2.0


def test_macros_are_never_run_and_a_warning_says_so(tmp_path, make_report):
    result = make_report("check", bad.macros(tmp_path))
    assert result.exit_code == 0, result.output
    assert (
        "Warning: q2.xlsm: The workbook contains macros; they were not run, and the report uses "
        "only the values saved in its cells"
    ) in result.output.splitlines()


def test_a_formula_gives_the_value_excel_saved(tmp_path):
    report, problems = load_report(bad.saved_formula(tmp_path))
    assert problems == []
    measure = next(m for m in report.measures if m.id == "1.1a")
    assert measure.observations[-1].actual == 60


@pytest.mark.parametrize("typed", [42674, 42674.0])
def test_a_report_date_as_excels_serial_number(tmp_path, typed):
    wb = valid_workbook()
    set_setting(wb, "Report date", typed)
    report, problems = load_report(save(wb, tmp_path))
    assert report.settings.report_date == date(2016, 10, 31)


def test_a_date_cell_is_a_date(tmp_path):
    wb = valid_workbook()
    set_setting(wb, "Report date", datetime(2016, 10, 31))
    report, _ = load_report(save(wb, tmp_path))
    assert report.settings.report_date == date(2016, 10, 31)


def test_merged_cells_behind_a_blank_are_named(tmp_path, make_report):
    wb = valid_workbook()
    set_cell(wb, "Data", 3, "Measure", None)
    wb["Data"].merge_cells("A2:A3")
    result = make_report("check", save(wb, tmp_path))
    assert result.exit_code == 1
    assert (
        "Error: q2.xlsx, sheet Data, cell A3: Measure is blank. The measure's id, as on the "
        "Measures sheet. It is part of the merged cells A2:A3: unmerge them and type the value in "
        "each row."
    ) in result.output.splitlines()


def test_hidden_rows_and_sheets_are_read_and_sheets_may_be_reordered(tmp_path):
    wb = valid_workbook()
    wb["Data"].row_dimensions[3].hidden = True
    wb["Commentary"].sheet_state = "hidden"
    wb.move_sheet("Data", offset=-5)
    wb.move_sheet("Settings", offset=8)
    report, problems = load_report(save(wb, tmp_path))
    assert problems == []
    measure = next(m for m in report.measures if m.id == "1.1a")
    assert [o.actual for o in measure.observations] == [58, 60]


WEIRD = (
    "Cymraeg: ŵ ŷ â ê î ô û; café, naïve, Zürich; emoji 🚓🏠; "
    "עברית and العربية; <b>bold?</b> <font size=40>big</font> ]]> & &amp; <br/> **"
)


@pytest.fixture
def weird_workbook(tmp_path):
    wb = valid_workbook()
    set_setting(wb, "Partnership", "Partneriaeth Diogelwch Cymunedol – Ŵ & <Co>")
    set_cell(wb, "Commentary", 2, "Text", WEIRD + "\n- " + WEIRD)
    set_cell(wb, "Commentary", 3, "Text", ("Long commentary. " * 1200)[:20_000])
    set_cell(wb, "Measures", 2, "Name", "People who feel safe <%> & ]]>")
    set_cell(wb, "Key actions", 2, "Key action", "<font color=red>Improve</font> & ]]>")
    return save(wb, tmp_path)


def test_weird_text_prints_as_typed_in_word(weird_workbook, tmp_path):
    (docx,) = build_report(weird_workbook, tmp_path / "out", formats=("docx",)).written
    text = "\n".join(p.text for p in WordDocument(str(docx)).paragraphs)
    assert "<b>bold?</b> <font size=40>big</font> ]]> & &amp; <br/>" in text
    assert "ŵ ŷ" in text and "🚓" in text and "العربية" in text
    assert "Long commentary. " * 10 in text


def test_weird_text_prints_as_typed_in_the_pdf(weird_workbook, tmp_path):
    from pypdf import PdfReader

    (pdf,) = build_report(weird_workbook, tmp_path / "out", formats=("pdf",)).written
    reader = PdfReader(str(pdf))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    # (the extractor reorders text next to right-to-left script, so start after it)
    assert "bold?</b> <font size=40>big</font> ]]> & &amp; <br/>" in text
    assert "ŵ ŷ" in text
    assert len(reader.pages) > 3  # 20,000 characters of commentary run over pages


# Output safety


def test_an_output_that_would_overwrite_the_input_is_refused(tmp_path, make_report):
    wb = valid_workbook()
    path = save(wb, tmp_path, "q2.docx")  # a workbook someone named .docx
    before = path.read_bytes()
    result = make_report(path, "-o", tmp_path, "--format", "docx")
    assert result.exit_code == 2
    assert "would overwrite the input workbook" in result.output
    assert path.read_bytes() == before


def test_a_read_only_report_is_left_alone_with_a_plain_message(tmp_path, make_report):
    path = save(valid_workbook(), tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    old = out / "q2.docx"
    old.write_bytes(b"last good report")
    old.chmod(0o444)
    result = make_report(path, "-o", out, "--format", "docx")
    assert result.exit_code == 2
    assert (
        f"Error: cannot write {old}: it is read-only; make it writable or choose another folder"
        in result.output.splitlines()
    )
    assert old.read_bytes() == b"last good report"
    assert sorted(p.name for p in out.iterdir()) == ["q2.docx"]


def test_a_locked_report_is_left_alone_and_no_temporary_file_stays(tmp_path, monkeypatch):
    path = save(valid_workbook(), tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    old = out / "q2.docx"
    old.write_bytes(b"last good report")
    real_replace = os.replace

    def locked(src, dst):  # what Windows does while Word has the file open
        if Path(dst) == old:
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(UsageError, match="is it open in another program, or read-only"):
        build_report(path, out, formats=("docx",))
    assert old.read_bytes() == b"last good report"
    assert sorted(p.name for p in out.iterdir()) == ["q2.docx"]


def test_a_failed_run_leaves_the_last_good_report(tmp_path):
    wb = valid_workbook()
    path = save(wb, tmp_path)
    out = tmp_path / "out"
    build_report(path, out, formats=("docx",))
    good = (out / "q2.docx").read_bytes()
    set_cell(wb, "Data", 2, "Actual", "lots")
    save(wb, tmp_path)
    with pytest.raises(ValidationFailed):
        build_report(path, out, formats=("docx",))
    assert (out / "q2.docx").read_bytes() == good
    assert sorted(p.name for p in out.iterdir()) == ["q2.docx", "q2.manifest.json"]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("check", "{ok}"), 0),
        (("check", "{bad}"), 1),
        (("check", "{bomb}"), 1),
        (("check", "{missing}"), 2),
        (("{ok}", "-o", "{ok}"), 2),  # the output folder is a file
        (("{ok}", "--format", "odt"), 2),
    ],
)
def test_exit_codes(tmp_path, make_report, args, code):
    wb = valid_workbook()
    ok = save(wb, tmp_path)
    set_cell(wb, "Data", 2, "Actual", "lots")
    names = {
        "ok": ok,
        "bad": save(wb, tmp_path, "bad.xlsx"),
        "bomb": bad.dense_bomb(tmp_path / "b") if (tmp_path / "b").mkdir() is None else None,
        "missing": tmp_path / "nowhere.xlsx",
    }
    result = make_report(*(a.format(**names) for a in args))
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output


def test_a_read_only_report_stops_both_documents_before_either_is_written(tmp_path, make_report):
    path = save(valid_workbook(), tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    old = out / "q2.pdf"
    old.write_bytes(b"last good report")
    old.chmod(0o444)
    result = make_report(path, "-o", out)
    assert result.exit_code == 2
    assert f"Error: cannot write {old}: it is read-only" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["q2.pdf"]
    assert old.read_bytes() == b"last good report"
