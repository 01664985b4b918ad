"""Charts drawn by a process started before they are known, so matplotlib's import (half a
second) overlaps the reading of the workbook, and the drawing overlaps the PDF's first pass.

    process = ChartProcess.start(styles)      # forks; the child imports matplotlib
    ...read the workbook, lay the report out...
    drawing = process.draw(jobs, progress)    # the child draws, with workers forked from it
    ...the PDF's first pass...
    drawing.wait()                            # raises what the drawing raised
    process.stop()                            # always; also when nothing was drawn

Only with the fork start method (Linux); ``start`` returns None without it, and the caller draws
with ``charts.draw_charts``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import traceback
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path

from .charts import Progress, draw_jobs
from .document import Chart
from .styles import Styles

Job = tuple[Chart, Path]


class ChartProcess:
    """A forked process that imports matplotlib at once, then draws the charts it is sent."""

    def __init__(self, styles: Styles, workers: int | None) -> None:
        context = multiprocessing.get_context("fork")
        self.drawing: Drawing | None = None
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, styles, workers))
        self.process.start()
        child.close()
        # The child makes its own process group too; whichever comes first, ``stop`` finds it.
        with contextlib.suppress(OSError):
            os.setpgid(self.process.pid, self.process.pid)  # type: ignore[arg-type]

    @classmethod
    def start(cls, styles: Styles, workers: int | None = None) -> ChartProcess | None:
        """Start the process, or None where processes cannot be forked."""
        if "fork" not in multiprocessing.get_all_start_methods():
            return None
        return cls(styles, workers)

    def draw(self, jobs: Sequence[Job], progress: Progress | None = None) -> Drawing:
        """Send the (chart, path) jobs; they are drawn while this process goes on."""
        self.drawing = Drawing(self.connection, list(jobs), progress)
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
        if self.drawing is not None:
            self.drawing.thread.join()  # its end of the pipe is closed now: it has stopped
        with contextlib.suppress(OSError):
            self.connection.close()


class Drawing:
    """Charts being drawn by a ``ChartProcess``; a thread here counts them as they are done."""

    def __init__(self, connection: Connection, jobs: list[Job], progress: Progress | None):
        self.total = len(jobs)
        self.error: BaseException | None = None
        connection.send(jobs)
        self.thread = threading.Thread(
            target=self._follow, args=(connection, progress), name="charts", daemon=True
        )
        self.thread.start()

    def _follow(self, connection: Connection, progress: Progress | None) -> None:
        done = 0
        try:
            while done < self.total:
                message = connection.recv()
                if isinstance(message, BaseException):
                    self.error = message
                    return
                done += 1
                if progress is not None:
                    progress(done, self.total)
        except (EOFError, OSError):
            self.error = RuntimeError(f"drawing the charts stopped after {done} of {self.total}")

    def wait(self) -> None:
        """Wait until every chart is drawn; raise what stopped the drawing."""
        self.thread.join()
        if self.error is not None:
            raise self.error


def _serve(connection: Connection, styles: Styles, workers: int | None) -> None:
    """In the child: import matplotlib and register the fonts (its workers inherit both), then
    draw the jobs it is sent, reporting each drawn chart's index, or the exception that stopped
    it."""
    # A process group of its own, with the workers it forks: Ctrl-C at the terminal reaches the
    # parent only, and ``stop`` ends them all at once.
    os.setpgid(0, 0)
    _draw_what_is_sent(connection, styles, workers)


def _draw_what_is_sent(connection: Connection, styles: Styles, workers: int | None) -> None:
    from .chart_drawing import Painter

    Painter(styles)
    try:
        jobs = connection.recv()
    except (EOFError, OSError):
        return  # nothing to draw: the report was copied, or the workbook had errors
    try:
        for index in draw_jobs(jobs, styles, workers):
            connection.send(index)
    except Exception as exc:  # sent back whole, to be raised by the parent
        exc.add_note("".join(traceback.format_exception(exc)))
        try:
            connection.send(exc)
        except Exception:  # an exception that cannot be pickled
            connection.send(RuntimeError(f"drawing the charts failed: {exc!r}"))
    finally:
        connection.close()
