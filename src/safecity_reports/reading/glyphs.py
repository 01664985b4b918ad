"""Characters the PDF's fonts cannot draw, found in the workbook's text before they print as boxes.

A PDF embeds its fonts and, unlike Word, has no other font to fall back on: a character missing
from the font (an emoji, most often) would print as an empty box. So the PDF draws such a
character in the fallback font that ships with matplotlib (DejaVu Sans: '😀', '✔', '☺'), and
where that has none either it prints the character's name as a screen reader says it ('👍'
becomes '[thumbs up sign]'); ``printed`` is that one rule, which the check's warning states and
the PDF renderer follows. The fonts' character maps are read with fontTools (which matplotlib
already needs); the fonts are the styles' regular and bold.
"""

from __future__ import annotations

import importlib.util
import io
import struct
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
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
            # Code points alone: the glyphs are given numbers for names, so fontTools does not
            # read their own names (the 'post' table: 15 ms a font, and 10 ms to import).
            ttf.setGlyphOrder([f"glyph{index}" for index in range(ttf["maxp"].numGlyphs)])
            return frozenset(ttf.getBestCmap() or {})
    except (OSError, TTLibError, AssertionError, struct.error) as exc:  # fontTools asserts too
        raise UsageError(f"the font {font} cannot be read: {exc}") from None


@cache
def fallback_font() -> Path | None:
    """DejaVu Sans as matplotlib ships it (found without importing matplotlib), with its bold
    face beside it; None where it is not there."""
    spec = importlib.util.find_spec("matplotlib")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        font = Path(folder) / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        if font.is_file() and font.with_name("DejaVuSans-Bold.ttf").is_file():
            return font
    return None


@cache
def fallback_characters() -> frozenset[int]:
    """What the fallback font draws for the PDF: both its faces' characters up to U+FFFF (the
    PDF's text of a character beyond, an emoji such as '😀', would read as another character:
    reportlab writes its code cut to four digits), so those are printed by name instead."""
    font = fallback_font()
    if font is None:
        return frozenset()
    both = characters(font) & characters(font.with_name("DejaVuSans-Bold.ttf"))
    return frozenset(c for c in both if c <= 0xFFFF)


def spoken(character: str) -> str:
    """A character by its name, as a screen reader says it: '[grinning face]'."""
    return f"[{unicodedata.name(character, f'U+{ord(character):04X}').lower()}]"


FALLBACK = True
"""In ``printed``'s pieces: drawn in the fallback font."""


def printed(
    text: str, drawable: frozenset[int], fallback: frozenset[int] = frozenset()
) -> list[tuple[str, bool]]:
    """``text`` as the PDF prints it, in pieces (text, whether in the fallback font): a
    character the fonts cannot draw is drawn in the fallback font if it has it, or else
    replaced by its name (``spoken``); an invisible one they lack (a joiner, a variation
    selector) is left out. A text the fonts draw whole is one piece, itself."""
    pieces: list[tuple[str, bool]] = []

    def add(piece: str, in_fallback: bool) -> None:
        if pieces and pieces[-1][1] == in_fallback:
            pieces[-1] = (pieces[-1][0] + piece, in_fallback)
        else:
            pieces.append((piece, in_fallback))

    for c in text:
        if ord(c) in drawable or c in "\n\t":
            add(c, False)
        elif unicodedata.category(c) in _UNPRINTED or c == "\ufe0f":
            continue
        elif ord(c) in fallback:
            add(c, FALLBACK)
        else:
            add(spoken(c), False)
    return pieces


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
            listed = ", ".join(f"'{c}' ({spoken(c)[1:-1]})" for c in bad)
            fallback = fallback_characters()  # read only when needed: a tenth of a second
            drawn = [c for c in bad if ord(c) in fallback]
            named = [spoken(c) for c in bad if ord(c) not in fallback]
            instead = []
            if drawn:
                instead.append(f"draws {', '.join(drawn)} in its fallback font (DejaVu Sans)")
            if named:
                instead.append(f"prints {', '.join(named)} instead")
            problems.append(
                Problem(
                    f"{source}, {where}",
                    f"The PDF's font ({names}) cannot draw {listed}, so the PDF"
                    f" {' and '.join(instead)}: say it in words if it matters",
                    "warning",
                )
            )
    return problems
