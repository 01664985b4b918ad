"""Contrast between two colours as WCAG 2.2 defines it, and the text colour a fill takes.

Both renderers draw a rating's fill with the text colour ``text_on`` gives, so a council's own
rating colours keep their words readable (at least 4.5:1, success criterion 1.4.3).
"""

from __future__ import annotations

BLACK = "#000000"
WHITE = "#FFFFFF"
AA_TEXT = 4.5
"""The least contrast WCAG 2.2 AA allows between normal text and its background."""


def relative_luminance(colour: str) -> float:
    """The relative luminance of ``#RRGGBB``, from 0 (black) to 1 (white), per WCAG 2.2."""
    channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """The contrast ratio of two ``#RRGGBB`` colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(fill: str) -> str:
    """Black or white, whichever contrasts more with ``fill``: always at least 4.5:1, since the
    better of the two is never below the square root of 21 (about 4.58)."""
    return BLACK if contrast_ratio(BLACK, fill) >= contrast_ratio(WHITE, fill) else WHITE
