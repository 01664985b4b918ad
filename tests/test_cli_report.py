"""``make-report WORKBOOK`` as the coordinator runs it: where files land, formats, and safe failure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import convert_with_libreoffice, needs_libreoffice
from safecity_reports.cli import main

ROOT = Path(__file__).resolve().parents[1]
WORKBOOK = ROOT / "inputs" / "q2.xlsx"


@pytest.fixture
def workbook(tmp_path):
    copy = tmp_path / "q2.xlsx"
    shutil.copyfile(WORKBOOK, copy)
    return copy


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_docx_only_into_a_chosen_folder_that_does_not_exist_yet(workbook, tmp_path):
    out = tmp_path / "board" / "november"
    result = run(workbook, "-o", out, "--format", "docx", "-q")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["q2.docx", "q2.manifest.json"]
    assert result.output == ""  # -q: nothing but errors


def test_reports_what_it_wrote_and_the_workbook_warnings(workbook, tmp_path):
    result = run(workbook, "-o", tmp_path / "out", "--format", "pdf")
    assert result.exit_code == 0, result.output
    assert f"Wrote {tmp_path / 'out' / 'q2.pdf'}" in result.output
    assert (
        "Warning: q2.xlsx, sheet Measures, cell K8: Source 'Iquanta - Crime Data'" in result.output
    )


def test_strict_refuses_a_workbook_with_warnings_and_writes_nothing(workbook, tmp_path):
    out = tmp_path / "out"
    result = run(workbook, "-o", out, "--strict")
    assert result.exit_code == 1
    assert "Warning: q2.xlsx, sheet Measures, cell K8" in result.output
    assert not out.exists() or list(out.iterdir()) == []


def test_the_input_is_never_modified(workbook, tmp_path):
    before = (workbook.read_bytes(), workbook.stat().st_mtime_ns)
    assert run(workbook, "-o", tmp_path / "out", "--format", "docx").exit_code == 0
    assert (workbook.read_bytes(), workbook.stat().st_mtime_ns) == before


def test_an_output_folder_that_is_a_file_is_a_usage_error(workbook, tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    result = run(workbook, "-o", blocker)
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: the output folder {blocker} is a file, not a folder"


def test_a_failed_run_leaves_the_earlier_report_untouched(workbook, tmp_path):
    out = tmp_path / "out"
    assert run(workbook, "-o", out, "--format", "docx").exit_code == 0
    earlier = (out / "q2.docx").read_bytes()
    broken = tmp_path / "broken" / "q2.xlsx"
    broken.parent.mkdir()
    broken.write_bytes(b"this is not a workbook")
    result = run(broken, "-o", out, "--format", "docx")
    assert result.exit_code == 1
    assert (out / "q2.docx").read_bytes() == earlier
    # no temporary file left behind
    assert sorted(p.name for p in out.iterdir()) == ["q2.docx", "q2.manifest.json"]


def test_unknown_format_is_a_usage_error(workbook):
    result = run(workbook, "--format", "odt")
    assert result.exit_code == 2
    assert "'odt' is not one of 'docx', 'pdf', 'html', 'both'" in result.output


@needs_libreoffice
def test_the_blank_template_opens_in_libreoffice(tmp_path):
    template = tmp_path / "blank.xlsx"
    assert run("template", template).exit_code == 0
    convert_with_libreoffice(template, "csv", tmp_path)
    # the csv of the first sheet is the instructions
    assert "How to fill in this workbook" in (tmp_path / "blank.csv").read_text(encoding="utf-8")
