"""Characters the PDF's fonts cannot draw, found in the workbook's text before they print as boxes.

A PDF embeds its fonts and, unlike Word, has no other font to fall back on: a character missing
from the font (an emoji, most often) prints as an empty box. The fonts' character maps are read
with fontTools (which matplotlib already needs); the fonts are the styles' regular and bold.
"""

from __future__ import annotations

import io
import struct
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError

from safecity_reports.core.model import Location
from safecity_reports.errors import Problem, UsageError

_UNPRINTED = {"Cc", "Cf"}
"""Control and format characters (line breaks, a joiner inside an emoji) are not drawn."""


@lru_cache(maxsize=8)
def characters(font: Path) -> frozenset[int]:
    """The code points ``font`` has a glyph for. Raises ``UsageError`` if it cannot be read."""
    try:
        with TTFont(io.BytesIO(font.read_bytes())) as ttf:
            return frozenset(ttf.getBestCmap() or {})
    except (OSError, TTLibError, AssertionError, struct.error) as exc:  # fontTools asserts too
        raise UsageError(f"the font {font} cannot be read: {exc}") from None


def missing(text: str, drawable: frozenset[int]) -> list[str]:
    """The characters of ``text``, once each in order, that are neither drawable nor unprinted."""
    found = dict.fromkeys(
        c
        for c in text
        if ord(c) not in drawable and unicodedata.category(c) not in _UNPRINTED and c != "\ufe0f"
    )
    return list(found)


def undrawable(
    source: str, texts: Iterable[tuple[Location, str]], fonts: Sequence[Path]
) -> list[Problem]:
    """A warning for each cell whose text has characters one of ``fonts`` cannot draw.

    ``source`` is the workbook's name, ``texts`` each text with its cell. The message names the
    characters (with their Unicode names) and the font, and says how to avoid the boxes.
    """
    drawable = frozenset.intersection(*(characters(Path(f)) for f in fonts))
    names = " and ".join(dict.fromkeys(Path(f).name for f in fonts))
    problems = []
    for where, text in texts:
        bad = missing(text, drawable)
        if bad:
            listed = ", ".join(
                f"'{c}' ({unicodedata.name(c, f'U+{ord(c):04X}').lower()})" for c in bad
            )
            problems.append(
                Problem(
                    f"{source}, {where}",
                    f"The PDF's font ({names}) cannot draw {listed}, so the PDF would print"
                    f" {'an empty box' if len(bad) == 1 else 'empty boxes'}: delete"
                    f" {'it' if len(bad) == 1 else 'them'} or say it in words",
                    "warning",
                )
            )
    return problems
