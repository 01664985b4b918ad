"""The workbook is checked while its charts are drawn: laid out first, its charts sent to the
chart process, then checked; a workbook with errors still writes nothing, not even the output
folder, and says every error, even where its layout fails before it is checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from safecity_reports.build import build_report
from safecity_reports.errors import ValidationFailed
from safecity_reports.reading import load
from safecity_reports.run.chart_process import ChartProcess
from safecity_reports.run.forked import fork_available

ROOT = Path(__file__).resolve().parents[1]
WORKBOOK = ROOT / "inputs" / "q2.xlsx"


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    copy = tmp_path / "q2.xlsx"
    shutil.copyfile(WORKBOOK, copy)
    return copy


@pytest.mark.skipif(not fork_available(), reason="the chart process needs fork")
def test_the_charts_are_sent_before_the_workbook_is_checked(
    workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    check, draw = load.check, ChartProcess.draw

    def checking(*args, **options):  # type: ignore[no-untyped-def]
        events.append("checked")
        return check(*args, **options)

    def drawing(self, *args, **options):  # type: ignore[no-untyped-def]
        events.append("sent")
        return draw(self, *args, **options)

    monkeypatch.setattr(load, "check", checking)
    monkeypatch.setattr(ChartProcess, "draw", drawing)
    result = build_report(workbook, tmp_path / "out", use_cache=False)
    assert events == ["sent", "checked"]
    assert any("Iquanta" in str(warning) for warning in result.warnings)  # the checks' warnings


def test_strict_with_warnings_writes_nothing_not_even_the_folder(
    workbook: Path, tmp_path: Path
) -> None:
    out = tmp_path / "board" / "out"
    with pytest.raises(ValidationFailed):
        build_report(workbook, out, strict=True, use_cache=False)
    assert not out.exists()


def test_a_folder_there_before_is_left_as_it_was(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(ValidationFailed):
        build_report(workbook, out, strict=True, use_cache=False)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_a_layout_that_fails_before_the_checks_gives_the_checks_errors(
    workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workbook with errors may fail anywhere before it is checked: the user gets the list of
    problems, as the checks give it, not the failure."""
    from safecity_reports.layout import report as layout

    def broken(*args, **options):  # type: ignore[no-untyped-def]
        raise IndexError("a series shorter than its periods")

    monkeypatch.setattr(layout, "build_document", broken)
    with pytest.raises(ValidationFailed) as failed:
        build_report(workbook, tmp_path / "out", strict=True, use_cache=False)
    assert any("Iquanta" in str(problem) for problem in failed.value.problems)
    assert not (tmp_path / "out").exists()


def test_a_layout_that_fails_on_a_workbook_without_errors_is_not_hidden(
    workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from safecity_reports.layout import report as layout

    def broken(*args, **options):  # type: ignore[no-untyped-def]
        raise IndexError("a series shorter than its periods")

    monkeypatch.setattr(layout, "build_document", broken)
    with pytest.raises(IndexError, match="shorter"):
        build_report(workbook, tmp_path / "out", use_cache=False)
