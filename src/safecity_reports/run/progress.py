"""One line per stage on a terminal, and a bar for long stages; silent when piped or asked to be
quiet."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

BAR_WIDTH = 30
BAR_INTERVAL = 0.1
"""Seconds between redraws of a bar, so a fast stage is not slowed by printing."""


@dataclass
class Progress:
    """Reports stages as they start, with the time the previous one took."""

    enabled: bool = True
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    _started: float = field(default_factory=time.perf_counter)
    _drawn: float = 0.0

    def stage(self, text: str) -> None:
        """Announce a stage."""
        if self.enabled:
            elapsed = time.perf_counter() - self._started
            print(f"[{elapsed:5.1f}s] {text}", file=self.stream, flush=True)

    def count(self, done: int, total: int) -> None:
        """Show how far the current stage is, as a bar redrawn on one line, ended when done."""
        if not self.enabled or total <= 0:
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


QUIET = Progress(enabled=False)
