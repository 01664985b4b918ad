"""Charts' plot areas made ahead, while the chart process waits for the charts
(``Painter.make_spare``): the same charts to the byte as plot areas made for each chart, made
only while the process waits, and no more than ``SPARES``."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from chart_bytes import charts, drawn
from safecity_reports.charts import drawing
from safecity_reports.layout.document import Chart
from safecity_reports.run import chart_process
from safecity_reports.run.chart_jobs import draw_chart, plan_charts
from safecity_reports.run.chart_process import ChartProcess
from safecity_reports.styles import load_styles

STYLES = load_styles()


def test_a_spare_plot_area_changes_no_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every kind of chart (q2's and the SPC example's), each drawn on a plot area made ahead,
    against each drawn on its own, as before: PDF and SVG the same to the byte."""
    alone = drawn(tmp_path / "alone")
    paint = drawing.Painter.paint
    used: list[int] = []

    def with_spares(self: drawing.Painter, chart: object, path: Path) -> None:
        if not self.spares:
            for _ in range(3):
                self.make_spare()
        used.append(len(self.spares))
        paint(self, chart, path)  # type: ignore[arg-type]

    monkeypatch.setattr(drawing.Painter, "paint", with_spares)
    ahead = drawn(tmp_path / "ahead")
    assert len(used) == len(charts()) and all(used), "each chart drawn on a spare"
    assert ahead == alone


def _counted(
    monkeypatch: pytest.MonkeyPatch,
    made: Path,
    make: Callable[[drawing.Painter], None] | None = None,
) -> None:
    """Each plot area made ahead (by ``make``, by default the painter's own) writes a dot to
    ``made`` first (the chart process, forked, inherits this)."""
    making = make or drawing.Painter.make_spare

    def counted(self: drawing.Painter) -> None:
        with made.open("a") as file:
            file.write(".")
        making(self)

    monkeypatch.setattr(drawing.Painter, "make_spare", counted)


def _started() -> ChartProcess:
    process = ChartProcess.start(STYLES, workers=1)
    if process is None:
        pytest.skip("processes cannot be forked here")
    return process


def _made_once(made: Path, count: int) -> None:
    """Wait until ``count`` plot areas are made, then long enough to make more: no more are."""
    deadline = time.monotonic() + 60
    while (not made.exists() or len(made.read_text()) < count) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    assert made.exists() and len(made.read_text()) == count


def _drawn_there(
    made: Path, making: int, count: int, folder: Path, expect: int | None = None
) -> dict[Chart, Path]:
    """The first ``count`` of ``charts()`` drawn by a chart process once it has made
    ``making`` plot areas ahead and no more (told to ``expect`` that many charts, if given):
    each chart's PDF."""
    process = _started()
    try:
        if expect is not None:
            process.expect(expect)
        _made_once(made, making)
        chosen = list(dict.fromkeys(charts()))[:count]
        paths, jobs = plan_charts(chosen, STYLES, folder, raster=False)
        process.draw(jobs, raster=False).wait()
    finally:
        process.stop()
    return {chart: paths[chart].with_suffix(".pdf") for chart in chosen}


def test_the_chart_process_makes_them_while_it_waits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chart process sent its charts late has made plot areas meanwhile (at most
    ``SPARES``), and draws the same charts as this process."""
    made = tmp_path / "made"
    _counted(monkeypatch, made)
    monkeypatch.setattr(chart_process, "SPARES", 5)
    drawn_there = _drawn_there(made, 5, 8, tmp_path / "there")
    for number, (chart, there) in enumerate(drawn_there.items()):
        here = tmp_path / f"here{number}.png"
        draw_chart(chart, STYLES, here)
        assert there.read_bytes() == here.with_suffix(".pdf").read_bytes()


def test_no_more_than_the_charts_expected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Told how many charts to expect (a workbook's measures, once read), the process makes no
    more plot areas than that, and draws as before."""
    made = tmp_path / "made"
    _counted(monkeypatch, made)
    drawn_there = _drawn_there(made, 3, 4, tmp_path / "there", expect=3)
    assert all(there.is_file() for there in drawn_there.values())
    assert len(made.read_text()) == 3


def test_a_run_tells_the_chart_process_its_measures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``make-report`` tells the chart process the workbook's measures once it has read it."""
    from safecity_reports.build import build_report
    from safecity_reports.run.forked import fork_available

    if not fork_available():
        pytest.skip("processes cannot be forked here: there is no chart process")
    told: list[int] = []
    monkeypatch.setattr(ChartProcess, "expect", lambda self, count: told.append(count))
    root = Path(__file__).resolve().parents[1]
    build_report(root / "inputs" / "q2.xlsx", tmp_path, use_cache=False, formats=("pdf",))
    assert told == [21]
    assert (tmp_path / "q2.pdf").is_file()


def test_a_plot_area_that_cannot_be_made_ahead_is_made_with_its_chart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Making plot areas ahead is only ever a head start: if it fails, the process tries no
    more, waits for the charts and draws them as before."""
    made = tmp_path / "made"

    def broken(self: drawing.Painter) -> None:
        raise RuntimeError("no plot area ahead")

    _counted(monkeypatch, made, broken)
    drawn_there = _drawn_there(made, 1, 2, tmp_path / "there")
    assert all(there.is_file() for there in drawn_there.values())
