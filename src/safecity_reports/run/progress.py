"""How a run tells its caller how far it has got: a ``Progress`` is any object with ``stage``
and ``count``. The library logs stages (``LOGGED``) or says nothing (``QUIET``); the command line
draws a bar on a terminal (``TerminalProgress``); a notebook may pass its own."""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from typing import Protocol, TextIO

BAR_WIDTH = 30
BAR_INTERVAL = 0.1
"""Seconds between redraws of a bar, so a fast stage is not slowed by printing."""

logger = logging.getLogger("safecity_reports")


class Progress(Protocol):
    """Told each stage as it starts, and how far a long stage has got."""

    def stage(self, text: str) -> None:
        """A stage starts ('Reading q2.xlsx')."""

    def count(self, done: int, total: int) -> None:
        """``done`` of ``total`` steps of the current stage are done."""


class _Quiet:
    def stage(self, text: str) -> None:
        pass

    def count(self, done: int, total: int) -> None:
        pass


class _Logged:
    def stage(self, text: str) -> None:
        logger.info(text)

    def count(self, done: int, total: int) -> None:
        if done >= total:
            logger.debug("%d of %d done", done, total)


QUIET: Progress = _Quiet()
LOGGED: Progress = _Logged()
"""Stages as INFO records of the ``safecity_reports`` logger."""


@dataclass
class TerminalProgress:
    """One line per stage on a terminal, with the time so far, and a bar for long stages."""

    stream: TextIO = field(default_factory=lambda: sys.stderr)
    _started: float = field(default_factory=time.perf_counter)
    _drawn: float = 0.0

    def stage(self, text: str) -> None:
        elapsed = time.perf_counter() - self._started
        print(f"[{elapsed:5.1f}s] {text}", file=self.stream, flush=True)

    def count(self, done: int, total: int) -> None:
        """A bar redrawn on one line, ended when done."""
        if total <= 0:
            return
        now = time.perf_counter()
        if done < total and now - self._drawn < BAR_INTERVAL:
            return
        self._drawn = now
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        end = "\n" if done >= total else ""
        line = f"\r[{now - self._started:5.1f}s] [{bar}] {done}/{total}"
        print(line, end=end, file=self.stream, flush=True)
