"""The charts drawn from both ends: the chart process from the first, and a second drawer, at a
lower priority, from the last.

The documents wait for the charts in their order, and while the charts are drawn they often
have little else to do: q2's PDF has made its pages a second before its last chart is drawn,
and a core then idles. A second drawer, forked from the chart process (matplotlib already
imported), uses that core. It runs at a lower priority (``NICENESS``), so where the documents
have work of their own it takes little from them; it draws from the end of the list, which the
documents need last; and it takes one chart at a time. When the two meet, the chart process
draws again any chart the second drawer has taken but not finished (each chart is written
whole, by rename, so the second of the two copies replaces the first with the same bytes)
rather than wait for a drawer the documents may be starving.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import SynchronizedArray
from pathlib import Path
from typing import TYPE_CHECKING

from safecity_reports.run.forked import die_with_parent

if TYPE_CHECKING:
    from safecity_reports.layout.document import Chart

NICENESS = 10
"""How much lower the second drawer's priority is (``os.nice``): Linux then gives it about a
tenth of a core that another process wants too, and all of one that nobody wants."""

FEWEST_CHARTS = 4
"""Fewer charts than this are drawn by the chart process alone: a fork costs more than it saves."""

MOST_CHARTS = 1000
"""More charts than this are drawn by the chart process alone: so large a report's documents
keep both cores busy while its charts are drawn, so a second drawer would take almost no time
off, and each drawer grows by its own caches (at 3,000 measures the run's peak rose by about
0.5 GB with one)."""

Paint = Callable[["Chart", Path], None]
"""Draws one chart to its path (``charts.drawing.Painter.paint``)."""


def draw_from_both_ends(jobs: Sequence[tuple[Chart, Path]], paint: Paint) -> Iterator[int]:
    """Draw each (chart, path) of ``jobs`` with ``paint``, here from the first and in a forked
    second drawer from the last, yielding each chart's index once it is drawn (in any order,
    each once). An exception raised drawing a chart here is raised; a chart the second drawer
    fails to draw is drawn here, so its exception is raised here too."""
    if not FEWEST_CHARTS <= len(jobs) <= MOST_CHARTS:
        for number, (chart, path) in enumerate(jobs):
            paint(chart, path)
            yield number
        return
    context = multiprocessing.get_context("fork")
    ends = context.Array("i", [0, len(jobs)])  # the next to take from the front; the back's last
    receiver, sender = context.Pipe(duplex=False)
    drawer = context.Process(
        target=_draw_from_the_back, args=(jobs, paint, ends, sender, os.getpid())
    )
    drawer.start()
    sender.close()
    done: set[int] = set()
    try:
        while (index := _take_front(ends)) is not None:
            paint(*jobs[index])
            done.add(index)
            yield index
            yield from _received(receiver, done)
        # Met: what the second drawer has taken and not yet sent (one chart, or more if it
        # died) is drawn here too, rather than waited for.
        yield from _received(receiver, done)
        for taken in range(ends[1], len(jobs)):
            if taken not in done:
                paint(*jobs[taken])
                done.add(taken)
                yield taken
    finally:
        receiver.close()
        # It has nothing left to take, and what it may still be drawing is drawn: it is ended,
        # not waited for. A file it was writing is left half-written under a temporary name
        # (never the chart's own: that is written whole, by rename), removed by the next run
        # (``files.remove_leftovers``), as when a run is killed.
        if drawer.is_alive():
            drawer.kill()
        drawer.join()


def _take_front(ends: SynchronizedArray[int]) -> int | None:
    with ends.get_lock():
        front, back = ends[0], ends[1]
        if front >= back:
            return None
        ends[0] = front + 1
        return front


def _take_back(ends: SynchronizedArray[int]) -> int | None:
    with ends.get_lock():
        front, back = ends[0], ends[1]
        if back <= front:
            return None
        ends[1] = back - 1
        return back - 1


def _received(receiver: Connection, done: set[int]) -> Iterator[int]:
    """The indices the second drawer has sent so far, each once, without waiting."""
    with contextlib.suppress(EOFError, OSError):
        while receiver.poll():
            index = receiver.recv()
            if index not in done:
                done.add(index)
                yield index


def _draw_from_the_back(
    jobs: Sequence[tuple[Chart, Path]],
    paint: Paint,
    ends: SynchronizedArray[int],
    sender: Connection,
    parent: int,
) -> None:
    die_with_parent(parent)
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    try:
        while (index := _take_back(ends)) is not None:
            paint(*jobs[index])
            sender.send(index)
    except Exception:  # noqa: BLE001 - the chart is drawn again by the chart process, which says why
        pass
    finally:
        sender.close()
        # Nothing of the parent's to tidy: leave at once (no atexit, no flushing of its buffers).
        os._exit(0)
