"""SIGTERM and SIGHUP end a run the way Ctrl-C does: as an exception in the main thread, so
every ``finally`` runs (temporary files removed, processes stopped) and the last report is left
as it was."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Stopped(KeyboardInterrupt):
    """The run was told to stop by a signal (SIGTERM, SIGHUP)."""

    def __init__(self, signum: int | str) -> None:
        if not isinstance(signum, int):
            # a library re-raising it as ``type(exc)(its own message)`` (reportlab's paragraph
            # parser does, when the signal arrives while it parses): keep the signal it names
            text = str(signum)
            signum = next((s for s in STOPPING if signal.Signals(s).name in text), STOPPING[0])
        self.signum = int(signum)
        self.name = signal.Signals(self.signum).name
        super().__init__(self.name)


@contextlib.contextmanager
def stopped_by_signals() -> Iterator[None]:
    """Within the block, SIGTERM or SIGHUP raises ``Stopped`` in the main thread; a second one
    while the run cleans up is ignored, so the clean-up ends. Outside the main thread (where
    Python cannot set handlers) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            raise Stopped(signum)

    previous = {signum: signal.signal(signum, stop) for signum in STOPPING}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
