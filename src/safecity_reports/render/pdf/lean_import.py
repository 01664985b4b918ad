"""reportlab's paragraphs imported without compiling, as they are imported, a pattern they use
only to hyphenate web addresses.

``reportlab.platypus.paragraph`` compiles at import a pattern that recognises a web address
(``uri_pat``), which it reads only when a paragraph's style hyphenates words. The pattern
matches letters of most of Unicode regardless of case, and Python's regular expression compiler
works through every one of those characters: 35 to 45 ms of CPU, a fifth of importing the PDF
writer, in the report's process before the PDF is begun. The report never hyphenates.

``import_paragraphs`` imports the module with that one pattern made a ``LazyPattern``, compiled
when first used, exactly as it would have been: a style that hyphenates finds it as before.
Every other pattern is compiled as it always is. Where reportlab has changed the pattern (or
already been imported) the import is reportlab's own.
"""

from __future__ import annotations

import re
import sys
import threading
from typing import Any

PARAGRAPHS = "reportlab.platypus.paragraph"
URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"
"""How reportlab's web address pattern begins (its scheme)."""

_lock = threading.Lock()


class LazyPattern:
    """A regular expression compiled when first used: any attribute of the compiled pattern."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern_and_flags = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(*self.pattern_and_flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)


def import_paragraphs() -> None:
    """Import ``reportlab.platypus.paragraph`` (and so reportlab's platypus), its web address
    pattern left to be compiled when first used."""
    if PARAGRAPHS in sys.modules:
        return
    with _lock:
        original = re.compile

        def compile(pattern: Any, flags: Any = 0) -> Any:  # noqa: A001
            if isinstance(pattern, str) and pattern.startswith(URI_PATTERN_START):
                return LazyPattern(pattern, flags)
            return original(pattern, flags)

        re.compile = compile  # type: ignore[assignment]
        try:
            import reportlab.platypus.paragraph  # noqa: F401
        finally:
            re.compile = original
