"""Charts drawn by the process started before the workbook is read: the same images as drawn
here, progress for each, a drawing error raised in this process, and a clean stop whether the
process was sent charts or not."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from safecity_reports.build import build_report
from safecity_reports.layout.document import Chart, ChartKind, Series
from safecity_reports.png import is_whole_png
from safecity_reports.run import pipeline
from safecity_reports.run.chart_jobs import draw_chart, plan_charts
from safecity_reports.run.chart_process import ChartProcess, PendingImages
from safecity_reports.styles import load_styles

STYLES = load_styles()
ROOT = Path(__file__).resolve().parents[1]


def _line(number: int) -> Chart:
    values = (20.0 + number, 21.5, 19.25 + number / 10, 22.0)
    return Chart(
        ChartKind.LINE,
        f"Chart {number}",
        ("2015/16 Q3", "2015/16 Q4", "2016/17 Q1", "2016/17 Q2"),
        (Series("Southampton", values),),
        "Rate per 1,000",
    )


CHARTS = [_line(n) for n in range(10)]


@pytest.fixture
def process():
    started = ChartProcess.start(STYLES, workers=2)
    if started is None:
        pytest.skip("processes cannot be forked here")
    yield started
    started.stop()
    assert not started.process.is_alive()


def test_the_process_draws_what_this_one_would(process: ChartProcess, tmp_path: Path) -> None:
    paths, jobs = plan_charts(CHARTS, STYLES, tmp_path / "there")
    told: list[tuple[int, int]] = []
    drawing = process.draw(jobs)
    drawing.follow(lambda done, total: told.append((done, total)))
    drawing.wait()
    assert told == [(n, len(CHARTS)) for n in range(1, len(CHARTS) + 1)]
    for chart in CHARTS:
        here = tmp_path / "here.png"
        draw_chart(chart, STYLES, here)
        assert is_whole_png(paths[chart].read_bytes())
        assert paths[chart].read_bytes() == here.read_bytes()


def test_a_chart_that_cannot_be_drawn_is_raised_here(process: ChartProcess, tmp_path: Path) -> None:
    five = Chart(
        ChartKind.LINE,
        "Too many lines",
        ("2016/17 Q1", "2016/17 Q2"),
        tuple(Series(f"Series {n}", (1.0, 2.0)) for n in range(5)),
        "Number",
    )
    _paths, jobs = plan_charts([CHARTS[0], five], STYLES, tmp_path)
    drawing = process.draw(jobs)
    with pytest.raises(ValueError, match="'Too many lines' has 5 series; at most 4"):
        drawing.wait()


def test_a_process_sent_nothing_stops_at_once(process: ChartProcess) -> None:
    process.stop()
    assert process.process.exitcode is not None


def test_a_process_stopped_while_drawing_leaves_no_worker(
    process: ChartProcess, tmp_path: Path
) -> None:
    many = [_line(n) for n in range(100, 180)]
    _paths, jobs = plan_charts(many, STYLES, tmp_path)
    started = threading.Event()
    process.draw(jobs).follow(lambda done, total: started.set())
    assert started.wait(60)
    workers = _children_of(process.process.pid)
    assert len(workers) == 2
    process.stop()
    # Killed with their group, the workers end as soon as the kernel has torn them down.
    deadline = time.monotonic() + 10
    while [pid for pid in workers if _running(pid)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in workers if _running(pid)] == []


def _running(pid: int) -> bool:
    """Whether ``pid`` is a process still running (a killed one may linger as a zombie until
    whoever adopted it reaps it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _children_of(pid: int | None) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def test_without_fork_the_report_is_drawn_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline.ChartProcess, "start", classmethod(lambda cls, styles: None))
    result = build_report(ROOT / "inputs" / "q2.xlsx", tmp_path / "out", use_cache=False)
    assert sorted(p.name for p in result.written) == ["q2.docx", "q2.pdf"]
    assert all(p.stat().st_size > 10_000 for p in result.written)


def test_pending_images_wait_for_their_chart(tmp_path: Path) -> None:
    path = tmp_path / "chart.png"
    images = PendingImages({CHARTS[0]: path}, check=lambda: None)
    timer = threading.Timer(0.2, path.write_bytes, args=(b"drawn",))
    timer.start()
    assert images[CHARTS[0]] == path
    assert path.read_bytes() == b"drawn"
    assert list(images) == [CHARTS[0]] and len(images) == 1


def test_pending_images_raise_what_stopped_the_drawing(tmp_path: Path) -> None:
    def failed() -> None:
        raise ValueError("the chart process stopped")

    images = PendingImages({CHARTS[0]: tmp_path / "never.png"}, check=failed)
    with pytest.raises(ValueError, match="the chart process stopped"):
        images[CHARTS[0]]
