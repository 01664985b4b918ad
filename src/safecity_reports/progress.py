"""One line per stage on a terminal; silent when piped or asked to be quiet."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class Progress:
    """Reports stages as they start, with the time the previous one took."""

    enabled: bool = True
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    _started: float = field(default_factory=time.perf_counter)

    def stage(self, text: str) -> None:
        """Announce a stage."""
        if self.enabled:
            elapsed = time.perf_counter() - self._started
            print(f"[{elapsed:5.1f}s] {text}", file=self.stream, flush=True)


QUIET = Progress(enabled=False)
