"""The charts drawn from both ends (``run.two_ends``): by the chart process from the first and
by a second drawer, at a lower priority, from the last; each chart once, none waited for."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from safecity_reports.run import two_ends
from safecity_reports.run.forked import fork_available

pytestmark = pytest.mark.skipif(not fork_available(), reason="needs fork")


def _jobs(folder: Path, count: int) -> list[tuple[str, Path]]:
    return [(f"chart {number}", folder / f"chart-{number}.pdf") for number in range(count)]


def _text(log: Path) -> str:
    return log.read_text() if log.exists() else ""


def _painter(owner: int, log: Path):  # type: ignore[no-untyped-def]
    """Writes the chart's file and logs who drew it: 'here' or 'second' and its niceness."""

    def paint(chart: str, path: Path) -> None:
        path.write_text(chart)
        who = "here" if os.getpid() == owner else "second"
        with log.open("a") as file:
            file.write(f"{who} {os.nice(0)} {path.name}\n")

    return paint


@pytest.mark.parametrize("count", [0, 1, 3, 4, 5, 20, 37])
def test_every_chart_is_drawn_and_told_once(tmp_path: Path, count: int) -> None:
    log = tmp_path / "log"
    jobs = _jobs(tmp_path, count)
    told = list(two_ends.draw_from_both_ends(jobs, _painter(os.getpid(), log)))  # type: ignore[arg-type]
    assert sorted(told) == list(range(count))
    assert all(path.read_text() == chart for chart, path in jobs)


def test_the_second_drawer_draws_from_the_end_at_a_lower_priority(tmp_path: Path) -> None:
    log = tmp_path / "log"
    jobs = _jobs(tmp_path, 40)

    def slow(chart: str, path: Path) -> None:
        if os.getpid() == owner:  # here, not before the second drawer has drawn one (10 s at most)
            waited = time.monotonic() + 10
            while time.monotonic() < waited and "second" not in _text(log):
                time.sleep(0.01)
        _painter(owner, log)(chart, path)

    owner = os.getpid()
    assert sorted(two_ends.draw_from_both_ends(jobs, slow)) == list(range(40))  # type: ignore[arg-type]
    lines = [line.split() for line in log.read_text().splitlines()]
    here = os.nice(0)
    second = [(int(nice), name) for who, nice, name in lines if who == "second"]
    assert second, "the second drawer drew nothing"
    assert all(nice == min(here + two_ends.NICENESS, 19) for nice, _ in second)
    # from the end: the last chart is the second drawer's first
    assert second[0][1] == "chart-39.pdf"


def test_a_chart_the_second_drawer_is_slow_on_is_drawn_here_not_waited_for(tmp_path: Path) -> None:
    log = tmp_path / "log"
    owner = os.getpid()
    jobs = _jobs(tmp_path, 6)
    paint = _painter(owner, log)

    def starved(chart: str, path: Path) -> None:
        if os.getpid() != owner:
            time.sleep(30)  # a drawer that gets no core
        paint(chart, path)

    started = time.monotonic()
    told = list(two_ends.draw_from_both_ends(jobs, starved))  # type: ignore[arg-type]
    assert time.monotonic() - started < 10
    assert sorted(told) == list(range(6))
    assert all(path.read_text() == chart for chart, path in jobs)


def test_a_chart_the_second_drawer_fails_on_is_drawn_here(tmp_path: Path) -> None:
    log = tmp_path / "log"
    owner = os.getpid()
    jobs = _jobs(tmp_path, 12)
    paint = _painter(owner, log)

    def failing_there(chart: str, path: Path) -> None:
        time.sleep(0.01)
        if os.getpid() != owner:
            raise OSError("no room")
        paint(chart, path)

    assert sorted(two_ends.draw_from_both_ends(jobs, failing_there)) == list(range(12))  # type: ignore[arg-type]
    assert all(path.read_text() == chart for chart, path in jobs)


def test_a_chart_that_cannot_be_drawn_fails_the_drawing(tmp_path: Path) -> None:
    jobs = _jobs(tmp_path, 9)

    def broken(chart: str, path: Path) -> None:
        if chart == "chart 7":
            raise ValueError("a chart the layout should never make")
        path.write_text(chart)

    with pytest.raises(ValueError, match="never make"):
        list(two_ends.draw_from_both_ends(jobs, broken))  # type: ignore[arg-type]


def test_a_very_large_report_is_drawn_by_the_chart_process_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(two_ends, "MOST_CHARTS", 5)
    log = tmp_path / "log"
    jobs = _jobs(tmp_path, 6)
    told = list(two_ends.draw_from_both_ends(jobs, _painter(os.getpid(), log)))  # type: ignore[arg-type]
    assert told == list(range(6))  # in order, here
    assert all(line.startswith("here ") for line in log.read_text().splitlines())
