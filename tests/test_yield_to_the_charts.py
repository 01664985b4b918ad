"""Word's process, written beside the chart process, lets the charts go first (``os.nice``) in
a report of many charts; the report's own process, which may be an analyst's notebook, is never
lowered."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from safecity_reports.run import forked, pipeline

pytestmark = pytest.mark.skipif(
    not hasattr(os, "nice") or not forked.fork_available(), reason="no fork or no nice here"
)


def _niceness_in_a_child(monkeypatch, tmp_path: Path, charts: int) -> int:
    """The niceness the Word document's process writes a report of ``charts`` charts at."""
    from safecity_reports.api import lay_out, read_workbook
    from safecity_reports.styles import load_styles

    def renderer(_document, _images, path, _styles, **_options) -> None:
        Path(path).write_text(str(os.nice(0)))

    monkeypatch.setattr(pipeline, "_renderer", lambda _fmt: renderer)
    report, _warnings = read_workbook(Path(__file__).parent.parent / "inputs" / "q2.xlsx")
    document, _statuses = lay_out(report)
    target = tmp_path / "q2.docx"
    images = {number: tmp_path / f"{number}.png" for number in range(charts)}
    pipeline._Child("docx", target, document, images, load_styles(None), {}).finish()
    return int(target.read_text())


def test_the_word_process_of_many_charts_runs_after_the_charts(monkeypatch, tmp_path):
    before = os.nice(0)
    lowered = min(before + forked.BESIDE_THE_CHARTS, 19)
    assert _niceness_in_a_child(monkeypatch, tmp_path, pipeline.YIELD_FROM_CHARTS) == lowered
    assert os.nice(0) == before  # the report's own process is as it was


def test_the_word_process_of_a_short_report_is_not_lowered(monkeypatch, tmp_path):
    before = os.nice(0)
    assert _niceness_in_a_child(monkeypatch, tmp_path, pipeline.YIELD_FROM_CHARTS - 1) == before


def test_a_system_that_refuses_changes_nothing(monkeypatch):
    def refuse(_steps: int) -> int:
        raise PermissionError("not here")

    monkeypatch.setattr(os, "nice", refuse)
    forked.yield_to_the_charts()  # no error: the document is written at the same priority
