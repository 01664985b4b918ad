"""Ctrl-C (SIGINT), SIGTERM and SIGHUP end a run alike: as ``Stopped`` in the main thread, so
every ``finally`` runs (temporary files removed, processes stopped) and the last report is left
as it was. The command line takes them so from its first line (``stop_on_signals``), and says
so in one line (``stopped_line``), never with a traceback."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

STOPPING = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Stopped(KeyboardInterrupt):
    """The run was told to stop by a signal (SIGINT, SIGTERM, SIGHUP)."""

    def __init__(self, signum: int | str) -> None:
        if not isinstance(signum, int):
            # a library re-raising it as ``type(exc)(its own message)`` (reportlab's paragraph
            # parser does, when the signal arrives while it parses): keep the signal it names
            text = str(signum)
            signum = next((s for s in STOPPING if signal.Signals(s).name in text), STOPPING[0])
        self.signum = int(signum)
        self.name = signal.Signals(self.signum).name
        super().__init__(self.name)


def stopped(exc: KeyboardInterrupt) -> Stopped:
    """``exc`` as a ``Stopped``: a plain ``KeyboardInterrupt`` is Ctrl-C's."""
    return exc if isinstance(exc, Stopped) else Stopped(signal.SIGINT)


def stopped_line(exc: KeyboardInterrupt, report: bool = True) -> str:
    """The one line a stopped command prints (``report``: the report command's)."""
    after = "; the report there before is left as it was" if report else ""
    return f"Error: stopped by {stopped(exc).name}{after}"


class _State:
    """Shared by every handler installed here, however nested: one stop at a time."""

    stopping = False
    """A stop was raised; the signals that follow while it is handled are ignored."""
    depth = 0
    """Blocks (and the command line's whole process) taking the signals now."""
    holding = 0
    """``held`` blocks open now: a signal is kept, and raised when the last one ends."""
    kept: int | None = None
    """The signal that arrived while held."""


def _stop(signum: int, frame: FrameType | None) -> None:
    """Raise ``Stopped`` once; a second signal while the run cleans up (and says so) is
    ignored, so the clean-up ends and the one line is printed."""
    if _State.holding:
        if _State.kept is None:
            _State.kept = signum
        return
    if not _State.stopping:
        _State.stopping = True
        raise Stopped(signum)


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Within the block a stopping signal is kept, not raised; it is raised as ``Stopped`` when
    the block ends. For imports of extension modules that cannot be interrupted: pikepdf's
    (nanobind) aborts the whole process, with a C++ traceback, if an exception is raised while
    it creates its enums."""
    _State.holding += 1
    try:
        yield
    finally:
        _State.holding -= 1
    if not _State.holding and _State.kept is not None:
        signum, _State.kept = _State.kept, None
        _stop(signum, None)


def stop_on_signals() -> None:
    """For the rest of the process (``python -m safecity_reports``'s), every stopping signal
    raises ``Stopped`` in the main thread from the moment this is called; in another thread,
    nothing."""
    if threading.current_thread() is threading.main_thread():
        _State.depth += 1
        for signum in STOPPING:
            signal.signal(signum, _stop)


@contextlib.contextmanager
def stopped_by_signals() -> Iterator[None]:
    """Within the block, SIGINT, SIGTERM or SIGHUP raises ``Stopped`` in the main thread; a
    second one while the run cleans up is ignored, so the clean-up ends. Outside the main
    thread (where Python cannot set handlers) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _stop) for signum in STOPPING}
    _State.depth += 1
    try:
        yield
    finally:
        _State.depth -= 1
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if _State.depth == 0:
            _State.stopping = False  # the next run (a notebook's) may be stopped again
