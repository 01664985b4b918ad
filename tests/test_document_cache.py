"""Re-running an unchanged report copies the documents made last time; any change makes them anew."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from fixtures.workbooks import set_cell
from safecity_reports.build import build_report
from safecity_reports.run import pipeline
from safecity_reports.run.document_cache import KEEP, DocumentCache

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2016, 10, 31)


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home / "safecity-reports" / "documents"


@pytest.fixture
def counted(monkeypatch):
    """Count how often a document is actually rendered."""
    calls = []
    real = pipeline._renderer

    def renderer(fmt):
        draw = real(fmt)

        def counting(*args, **kwargs):
            calls.append(fmt)
            return draw(*args, **kwargs)

        return counting

    monkeypatch.setattr(pipeline, "_renderer", renderer)
    return calls


def workbook_copy(tmp_path):
    path = tmp_path / "in" / "q2.xlsx"
    path.parent.mkdir()
    shutil.copyfile(ROOT / "inputs" / "q2.xlsx", path)
    return path


def test_an_unchanged_report_is_copied_not_drawn(tmp_path, cache_home, counted):
    workbook = workbook_copy(tmp_path)
    build_report(workbook, tmp_path / "a", formats=("pdf",), today=DAY)
    build_report(workbook, tmp_path / "b", formats=("pdf",), today=DAY)
    assert counted == ["pdf"]
    assert (tmp_path / "a" / "q2.pdf").read_bytes() == (tmp_path / "b" / "q2.pdf").read_bytes()
    assert len(list(cache_home.iterdir())) == 1


def test_a_changed_figure_makes_the_report_anew(tmp_path, cache_home, counted):
    from openpyxl import load_workbook

    workbook = workbook_copy(tmp_path)
    build_report(workbook, tmp_path / "a", formats=("docx",), today=DAY)
    wb = load_workbook(workbook)
    set_cell(wb, "Data", 2, "Actual", 59)
    wb.save(workbook)
    build_report(workbook, tmp_path / "b", formats=("docx",), today=DAY)
    assert counted == ["docx", "docx"]


def test_another_day_makes_the_report_anew(tmp_path, cache_home, counted):
    workbook = workbook_copy(tmp_path)
    build_report(workbook, tmp_path / "a", formats=("docx",), today=DAY)
    build_report(workbook, tmp_path / "a", formats=("docx",), today=date(2016, 11, 1))
    assert counted == ["docx", "docx"]  # the publication date is printed on the report


def test_no_cache_neither_reads_nor_writes_it(tmp_path, cache_home, counted):
    workbook = workbook_copy(tmp_path)
    build_report(workbook, tmp_path / "a", formats=("docx",), today=DAY, use_cache=False)
    assert not cache_home.exists()
    build_report(workbook, tmp_path / "a", formats=("docx",), today=DAY)
    build_report(workbook, tmp_path / "a", formats=("docx",), today=DAY, use_cache=False)
    assert counted == ["docx", "docx", "docx"]


def test_a_damaged_entry_is_made_again(tmp_path, cache_home, counted):
    workbook = workbook_copy(tmp_path)
    build_report(workbook, tmp_path / "a", formats=("pdf",), today=DAY)
    (entry,) = cache_home.iterdir()
    entry.write_bytes(b"%PDF-1.4 cut short")
    build_report(workbook, tmp_path / "b", formats=("pdf",), today=DAY)
    assert counted == ["pdf", "pdf"]
    assert (tmp_path / "b" / "q2.pdf").read_bytes().rstrip().endswith(b"%%EOF")


def test_only_the_most_recent_documents_are_kept(tmp_path):
    cache = DocumentCache(tmp_path / "documents")
    source = tmp_path / "made.pdf"
    source.write_bytes(b"%PDF-1.7\n%%EOF\n")
    for n in range(KEEP + 5):
        cache.put(f"{n:04d}.pdf", source)
    assert len(list(cache.folder.iterdir())) == KEEP
