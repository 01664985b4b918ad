"""Where coordinators work: Windows has no ``fork``, so the report is made in one process, one
step after another. That path is first-class: it makes the same documents as the fast one."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest

from safecity_reports.build import build_report
from safecity_reports.run import chart_process, pipeline
from safecity_reports.run.forked import fork_available

WORKBOOK = Path(__file__).resolve().parents[1] / "inputs" / "q2.xlsx"


def document_texts(folder: Path) -> tuple[str, str]:
    word = docx.Document(str(folder / "q2.docx"))
    parts = [p.text for p in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    pdf = subprocess.run(
        ["pdftotext", "-layout", str(folder / "q2.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return "\n".join(parts), pdf


def test_the_setting_turns_fork_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFECITY_REPORTS_FORK", "0")
    assert not fork_available()
    monkeypatch.setenv("SAFECITY_REPORTS_FORK", "1")
    assert fork_available()


def test_without_fork_the_report_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = date(2016, 11, 7)
    build_report(WORKBOOK, tmp_path / "forked", use_cache=False, today=day)

    monkeypatch.setenv("SAFECITY_REPORTS_FORK", "0")
    started = []
    monkeypatch.setattr(chart_process.ChartProcess, "__init__", lambda *a, **k: started.append(a))
    children = []
    monkeypatch.setattr(pipeline, "_Child", lambda *a, **k: children.append(a))
    build_report(WORKBOOK, tmp_path / "single", use_cache=False, today=day)

    assert started == [] and children == []  # nothing was forked
    assert document_texts(tmp_path / "single") == document_texts(tmp_path / "forked")
