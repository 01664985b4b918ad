"""Charts drawn one at a time, each chart's garbage collected at its end as the youngest
generation (``run.collector.OneAtATime``): no full collection walks the charts still to draw,
and nothing a chart leaves behind outlives the chart after it."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from chart_bytes import charts
from safecity_reports.charts.drawing import Painter
from safecity_reports.run.chart_jobs import draw_jobs
from safecity_reports.run.collector import OneAtATime
from safecity_reports.styles import load_styles


class Node:
    """An object in a cycle: freed only by the collector."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generation of each collection made while the test runs (the collector on)."""
    was_on = gc.isenabled()
    gc.enable()
    made: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            made.append(info["generation"])

    gc.callbacks.append(note)
    try:
        yield made
    finally:
        gc.callbacks.remove(note)
        if not was_on:
            gc.disable()


def test_a_pieces_cyclic_garbage_is_freed_at_its_end_by_one_young_collection(
    collections: list[int],
) -> None:
    collector = OneAtATime()
    with collector.piece():
        assert not gc.isenabled()
        kept = [Node() for _ in range(5_000)]  # more than enough to set off a collection
        dead = weakref.ref(kept[0])
        del kept
        assert dead() is not None  # nothing collected within the piece
        assert collections == []
    assert gc.isenabled()
    assert dead() is None
    assert collections == [0]


def test_middle_and_oldest_collections_by_count(collections: list[int]) -> None:
    collector = OneAtATime(old_garbage_after=3)
    for _ in range(2 * OneAtATime.MIDDLE):
        with collector.piece():
            pass
    expected = [0] * (2 * OneAtATime.MIDDLE)
    expected[3 - 1] = 2  # the spares' old garbage
    expected[OneAtATime.MIDDLE - 1] = 1
    expected[2 * OneAtATime.MIDDLE - 1] = 1
    assert collections == expected


def test_old_garbage_made_before_is_freed_once_the_pieces_that_used_it_are_done(
    collections: list[int],
) -> None:
    old = Node()
    dead = weakref.ref(old)
    gc.collect()  # ``old`` (alive) is now in the oldest generation
    collector = OneAtATime(old_garbage_after=2)
    with collector.piece():
        del old  # old garbage now: a young collection does not reach it
    assert dead() is not None
    with collector.piece():
        pass
    assert dead() is None


def test_off_stays_off_and_nothing_is_collected(collections: list[int]) -> None:
    gc.disable()
    collector = OneAtATime()
    with collector.piece():
        pass
    assert not gc.isenabled()
    assert collections == []


def test_a_failing_piece_puts_the_collector_back(collections: list[int]) -> None:
    with pytest.raises(ValueError), OneAtATime().piece():
        raise ValueError("a chart the layout should never make")
    assert gc.isenabled()


def test_drawing_charts_makes_no_full_collection_and_keeps_nothing_of_them(
    collections: list[int], tmp_path: Path
) -> None:
    """q2's and the monthly SPC example's charts drawn as the chart process draws them: each
    chart's garbage is gone when the next is done (the objects the collector tracks do not grow
    with the charts drawn), and only young and middle collections are made."""
    painter = Painter(load_styles(), raster=False)
    jobs = [(chart, tmp_path / f"{n}.png") for n, chart in enumerate(charts())]
    assert len(jobs) >= 20
    assert list(draw_jobs(jobs, painter.styles, painter=painter)) == list(range(len(jobs)))
    gc.collect()  # what the first drawing left: its texts' sizes kept
    before = len(gc.get_objects())
    del collections[:]
    assert sorted(draw_jobs(jobs * 2, painter.styles, painter=painter)) == list(
        range(2 * len(jobs))
    )
    assert painter.figure.axes == []  # the last chart let go
    assert 2 not in collections
    assert collections.count(0) >= len(jobs)  # one young collection a chart
    # nothing of the charts left for a full collection to find
    assert len(gc.get_objects()) < before + 500, before  # a chart alone makes thousands
    assert all((tmp_path / f"{n}.pdf").is_file() for n in range(len(jobs)))
