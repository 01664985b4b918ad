"""Forked processes: what one sends back to its parent when it fails, how it ends with its
parent, and how one that writes a document beside the charts lets the charts go first."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from safecity_reports.files import STOP_SIGNALS, signals_held


def send_failure(connection: Connection, exc: BaseException, doing: str) -> None:
    """Send ``exc`` whole (its traceback added as a note), to be raised by the parent; one that
    cannot be pickled is sent as a ``RuntimeError`` saying that ``doing`` failed."""
    exc.add_note("".join(traceback.format_exception(exc)))
    try:
        connection.send(exc)
    except Exception:
        connection.send(RuntimeError(f"{doing} failed: {exc!r}"))


def fork_available() -> bool:
    """Whether processes can be forked here: not on Windows, nor when ``SAFECITY_REPORTS_FORK``
    is ``0`` (how the tests and CI run the path Windows takes on Linux)."""
    if os.environ.get("SAFECITY_REPORTS_FORK", "1").strip() == "0":
        return False
    return "fork" in multiprocessing.get_all_start_methods()


def start_held(process: BaseProcess, then: Callable[[], None] | None = None) -> None:
    """Start ``process`` with the stop signals held back (``signals_held``), then call ``then``.
    In the child a stop waits until ``die_with_parent`` has set the child's own handlers and
    lets it in. In this process, a stop held back while it forked is raised as the hold ends,
    before the caller has the process: it is then killed and waited for, and the stop goes on.
    Left running, nothing ended it, and Python's exit waits for every process it forked: a run
    stopped by SIGHUP said so, then waited on a Word process that waited for charts the
    stopped run would never draw."""
    try:
        with signals_held():
            process.start()
        if then is not None:
            then()
    except BaseException:
        if process.pid is not None:
            process.kill()
            process.join()
        raise


BESIDE_THE_CHARTS = 10
"""How much lower (in ``nice`` steps) a process writing a document beside the chart process
asks to be scheduled (``yield_to_the_charts``)."""


def yield_to_the_charts(steps: int = BESIDE_THE_CHARTS) -> None:
    """In a forked process that writes a document while the chart process draws (Word's, which
    rasterises each chart as it is drawn): ask the system to give this process a core only
    after the chart process, ``steps`` lower (``os.nice``).

    The charts are what every document waits for, and on two cores the chart process, the
    report's process and Word's share them: the chart process got 88% of a core at 300
    measures and 81% at 3,000. Made to wait, Word only falls behind while there is a chart to
    draw, and catches up on the core the chart process leaves when it ends. The run's other
    processes are the user's own (an analyst's notebook), which is never lowered. Where the
    system has no ``nice`` (Windows, which has no fork either) or refuses, nothing changes."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(steps)


def end_children() -> None:
    """Kill and wait for any process this one forked that is still running: the last guard of a
    stopped run, whose exit would otherwise wait for it (each is ended where it was started;
    this catches one a stop let in between its start and the line that holds it)."""
    for process in multiprocessing.active_children():
        process.kill()
        process.join()


def die_with_parent(parent: int) -> None:
    """In a forked process: end at once when ``parent`` (the process that forked this one) ends,
    however it ends, even by ``kill -9``; and take SIGTERM and SIGHUP as the system's default
    (end), not as the parent's way of stopping a run; ignore Ctrl-C, which a terminal sends
    to the parent too: the parent stops, and ends this process.

    On Linux the kernel does it (``prctl(PR_SET_PDEATHSIG, SIGKILL)``): it reaches a process
    blocked anywhere, in matplotlib's import or in C drawing code, needs no thread or polling,
    and cannot be forgotten by a code path. The parent may already have gone before the call,
    hence the check of ``getppid``. Elsewhere a daemon thread checks ``getppid`` twice a second.
    """
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # held while this process was forked: let them in
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    if sys.platform.startswith("linux") and _set_parent_death_signal():
        if os.getppid() != parent:
            os._exit(1)
        return
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


PR_SET_PDEATHSIG = 1


def _set_parent_death_signal() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
