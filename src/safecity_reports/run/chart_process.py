"""Charts drawn by a process started before they are known, so matplotlib's import (half a
second) overlaps the reading of the workbook, and the drawing overlaps writing the documents.

    process = ChartProcess.start(styles)      # forks; the child imports matplotlib
    ...read the workbook, lay the report out...
    drawing = process.draw(jobs)              # the child draws, with workers forked from it
    ...fork any process (the Word document's)...
    drawing.follow(progress)                  # a thread counts the charts drawn
    ...write the documents from PendingImages(paths, drawing.check)...
    drawing.wait()                            # raises what the drawing raised
    process.stop()                            # always; also when nothing was drawn

Only with the fork start method (Linux); ``start`` returns None without it, and the caller draws
with ``charts.draw_charts``.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from safecity_reports.errors import ProcessEnded
from safecity_reports.layout.document import Chart
from safecity_reports.run.chart_jobs import Progress, draw_jobs
from safecity_reports.run.collector import held_off
from safecity_reports.run.forked import (
    die_with_parent,
    fork_available,
    send_failure,
    start_held,
)
from safecity_reports.styles import Styles

if TYPE_CHECKING:  # matplotlib is imported in the chart process only
    from safecity_reports.charts.drawing import Painter

Job = tuple[Chart, Path]


class ChartProcess:
    """A forked process that imports matplotlib at once, then draws the charts it is sent."""

    def __init__(self, styles: Styles, workers: int | None) -> None:
        context = multiprocessing.get_context("fork")
        self.drawing: Drawing | None = None
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, styles, workers, os.getpid()))
        start_held(self.process, then=self._own_group)
        child.close()

    def _own_group(self) -> None:
        """The child makes its own process group too; whichever comes first, ``stop`` finds
        it."""
        with contextlib.suppress(OSError):
            os.setpgid(self.process.pid, self.process.pid)  # type: ignore[arg-type]

    @classmethod
    def start(cls, styles: Styles, workers: int | None = None) -> ChartProcess | None:
        """Start the process, or None where processes cannot be forked."""
        if not fork_available():
            return None
        return cls(styles, workers)

    def expect(self, count: int) -> None:
        """Say that about ``count`` charts will be sent (a workbook's measures, once it is read):
        the process makes no more plot areas ahead than that while it waits for them."""
        with contextlib.suppress(OSError):  # a process gone is found when the charts are sent
            self.connection.send(count)

    def draw(self, jobs: Sequence[Job], svg: bool = False, raster: bool = True) -> Drawing:
        """Send the (chart, path) jobs; they are drawn (with their SVGs, with ``svg``; without
        their PNGs, without ``raster``) while this process goes on."""
        self.drawing = Drawing(self.connection, list(jobs), svg, raster)
        return self.drawing

    def stop(self) -> None:
        """End the process and its workers (at once if they are still drawing or have nothing
        to draw), and wait for it and for the thread following it.

        They are killed, not asked to stop: a process in the middle of importing matplotlib
        cannot leave cleanly, and one that has drawn everything holds nothing but finished files.
        """
        if self.process.is_alive() and self.process.pid is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except OSError:  # no group (it has just ended): the process alone
                self.process.kill()
        self.process.join()
        if self.drawing is not None and self.drawing.thread is not None:
            self.drawing.thread.join()  # its end of the pipe is closed now: it has stopped
        with contextlib.suppress(OSError):
            self.connection.close()


class Drawing:
    """Charts being drawn by a ``ChartProcess``. Once ``follow`` is called, a thread here counts
    them as they are done."""

    def __init__(
        self, connection: Connection, jobs: list[Job], svg: bool = False, raster: bool = True
    ):
        self.total = len(jobs)
        self.error: BaseException | None = None
        self.connection = connection
        self.thread: threading.Thread | None = None
        try:
            connection.send((jobs, svg, raster))
        except OSError:  # a broken pipe: the process is gone
            raise ProcessEnded("drawing the charts") from None

    def follow(self, progress: Progress | None = None) -> None:
        """Follow the drawing in a thread, telling ``progress`` of each chart done (call it
        after forking any process: a process is not forked while it runs threads)."""
        self.thread = threading.Thread(target=self._follow, args=(progress,), daemon=True)
        self.thread.start()

    def _follow(self, progress: Progress | None) -> None:
        done = 0
        try:
            while done < self.total:
                message = self.connection.recv()
                if isinstance(message, BaseException):
                    self.error = message
                    return
                done += 1
                if progress is not None:
                    progress(done, self.total)
        except (EOFError, OSError):
            self.error = ProcessEnded(
                "drawing the charts", f" (after {done} of {self.total} charts)"
            )

    def check(self) -> None:
        """Raise what stopped the drawing, if anything has."""
        if self.error is not None:
            raise self.error

    def wait(self) -> None:
        """Wait until every chart is drawn; raise what stopped the drawing."""
        if self.thread is None:
            self.follow()
        assert self.thread is not None
        self.thread.join()
        self.check()


class PendingImages(Mapping[Chart, Path]):
    """Where each chart's image is, given only once it is drawn: the documents are written while
    the charts are drawn, and wait for any chart they reach first.

    An image is whole once its file exists (charts are written to a temporary file, then
    renamed), or, with ``drawn``, once the file ``drawn(path)`` names exists (the chart's PDF
    drawing, when the PNG is made by the Word document). ``check`` raises if the drawing has
    failed. In a process forked from the one that made this mapping, whose parent stops it if
    the drawing fails, waiting ends if that parent has gone.
    """

    POLL_SECONDS = 0.005

    def __init__(
        self,
        paths: Mapping[Chart, Path],
        check: Callable[[], None],
        drawn: Callable[[Path], Path] | None = None,
    ):
        self.paths = paths
        self.check = check
        self.drawn = drawn
        self.owner = os.getpid()

    def __getitem__(self, chart: Chart) -> Path:
        path = self.paths[chart]
        self.wait_for(path)
        return path

    def wait_for(self, path: Path) -> None:
        """Return once the chart whose image is at ``path`` (one of ``paths``) is drawn."""
        whole = path if self.drawn is None else self.drawn(path)
        while not whole.exists():
            if os.getpid() == self.owner:
                self.check()
            elif os.getppid() != self.owner:
                raise RuntimeError("the report's process has gone; this one stops")
            time.sleep(self.POLL_SECONDS)

    def __iter__(self) -> Iterator[Chart]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)


SPARES = 200
"""At most this many charts' figures made ahead while the chart process waits for the charts
(``Painter.make_spare``): about 5 ms of CPU and 0.45 MB each, which each chart then does not
spend; the wait is 2 s at 300 measures, none for q2."""


def _jobs_received(connection: Connection, painter: Painter) -> tuple[list[Job], bool, bool]:
    """The jobs sent (``ChartProcess.draw``). While the report is read and laid out, the charts'
    plot areas are made ahead (not frozen: each is garbage once drawn): what this process
    would otherwise wait; no more than ``SPARES``, nor than the charts it is told to expect
    (``ChartProcess.expect``)."""
    wanted = SPARES
    while True:
        if len(painter.spares) < wanted and not connection.poll():
            try:
                painter.make_spare()
            except Exception:  # only ever a head start: the charts, drawn, say what is wrong
                wanted = 0
                painter.spares.clear()
            continue
        sent = connection.recv()
        if isinstance(sent, int):  # the charts to expect
            wanted = min(wanted, sent)
            del painter.spares[wanted:]
            continue
        return sent  # type: ignore[no-any-return]


def _serve(connection: Connection, styles: Styles, workers: int | None, parent: int) -> None:
    """In the child: import matplotlib and register the fonts (its workers inherit both), then
    draw the jobs it is sent, reporting each drawn chart's index, or the exception that stopped
    it. It ends at once if ``parent`` ends, even killed with ``kill -9``, and its workers with
    it: none is left holding the caller's output open."""
    die_with_parent(parent)
    # A process group of its own, with the workers it forks: Ctrl-C at the terminal reaches the
    # parent only, and ``stop`` ends them all at once.
    os.setpgid(0, 0)
    _draw_what_is_sent(connection, styles, workers)


def _draw_what_is_sent(connection: Connection, styles: Styles, workers: int | None) -> None:
    from safecity_reports.charts.lean_import import import_drawing

    # What matplotlib makes as it is imported lives as long as the process: the collector,
    # held off, does not walk it again and again as it is made (a tenth of the import, 40 ms
    # on the way to the first chart). Its cyclic garbage (the frames and tracebacks of the
    # exceptions caught as it sets up: 0.4 MB) is frozen with it, not collected: a collection
    # would cost 30 of the 40 ms.
    with held_off():
        painter = import_drawing().Painter(styles)
        # matplotlib's modules live as long as the process: the garbage collector need not
        # walk them again at each collection (a quarter of its time while drawing, 2.7 -> 2.0
        # ms a chart), nor touch their pages in the workers forked from here. Frozen before the
        # collector is on again, or its first collection would walk them all.
        gc.freeze()
    try:
        jobs, svg, raster = _jobs_received(connection, painter)
    except (EOFError, OSError):
        return  # nothing to draw: the report was copied, or the workbook had errors
    painter.svg, painter.raster = svg, raster
    try:
        for index in draw_jobs(jobs, styles, workers, svg, raster, painter):
            connection.send(index)
    except Exception as exc:
        send_failure(connection, exc, "drawing the charts")
    finally:
        connection.close()
