"""A run whose charts are all in the cache, though its document is not, ends the chart process
at once: it had nothing to draw, and went on importing matplotlib (about half a second of CPU)
beside the documents until the run ended."""

from __future__ import annotations

from pathlib import Path

import pytest

from safecity_reports.api import lay_out, read_workbook
from safecity_reports.run.forked import fork_available
from safecity_reports.run.pipeline import Execution
from safecity_reports.styles import load_styles

EXAMPLE = Path(__file__).parent.parent / "inputs" / "examples" / "late-figures.xlsx"


@pytest.mark.skipif(not fork_available(), reason="needs fork")
def test_a_chart_process_with_nothing_to_draw_is_ended_at_once(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    report, _ = read_workbook(EXAMPLE)
    document, _ = lay_out(report)
    styles = load_styles()
    with Execution(styles) as first:  # draws the charts into the cache
        first.write(document, {"pdf": tmp_path / "first.pdf"})
        assert first.chart_process is not None
    with Execution(styles) as second:  # another document, the same charts
        assert second.chart_process is not None
        assert not second.write(document, {"docx": tmp_path / "second.docx"})
        assert second.chart_process is None
    assert (tmp_path / "second.docx").stat().st_size > 0
