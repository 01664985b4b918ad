"""The report's fonts as both renderers measure them: how wide a word prints, and a glyph's
outline (for Word's pictures of the travel arrows).

Both documents print in the styles' TrueType fonts: the PDF embeds them, and Word names a
family with the same metrics (Arial for Liberation Sans), so a width measured here is the
width the word takes in either document. Each font file is read once per process.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont

_CURVE_STEPS = 8
"""Straight pieces a curved outline segment is cut into."""


@lru_cache(maxsize=8)
def _font(font_file: Path) -> TTFont:
    """The font, read from memory (no file is held open)."""
    return TTFont(io.BytesIO(Path(font_file).read_bytes()))


@lru_cache(maxsize=8)
def advances(font_file: Path) -> Mapping[str, float]:
    """Each character's advance in ems (the width it takes in a line of text)."""
    font = _font(font_file)
    units = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    return {chr(code): metrics[name][0] / units for code, name in font.getBestCmap().items()}


def text_width(text: str, font_file: Path, size: float) -> float:
    """How wide ``text`` prints in points at ``size`` points, as reportlab measures it (advances
    summed without kerning, as Word and LibreOffice set unkerned text); a character the font
    lacks counts as the font's widest."""
    widths = advances(font_file)
    try:
        return sum(widths[c] for c in text) * size
    except KeyError:
        widest = max(widths.values(), default=1.0)
        return sum(widths.get(c, widest) for c in text) * size


@dataclass(frozen=True)
class Outline:
    """A glyph's shape in ems, y upwards from the baseline."""

    contours: tuple[tuple[tuple[float, float], ...], ...]
    """Closed polygons (curves cut into straight pieces), filled by the non-zero rule."""
    advance: float
    low: float
    """The lowest point, or 0 (the baseline) if the glyph stands on or above it."""
    high: float
    """The highest point, or 0 if the glyph lies below the baseline."""


class _Pen(BasePen):
    def __init__(self, glyph_set: object, units: float) -> None:
        super().__init__(glyph_set)
        self.units = units
        self.contours: list[list[tuple[float, float]]] = []

    def _point(self, point: tuple[float, float]) -> tuple[float, float]:
        return point[0] / self.units, point[1] / self.units

    def _moveTo(self, pt: tuple[float, float]) -> None:  # noqa: N802 - fontTools' names
        self.contours.append([self._point(pt)])

    def _lineTo(self, pt: tuple[float, float]) -> None:  # noqa: N802
        self.contours[-1].append(self._point(pt))

    def _curveToOne(  # noqa: N802
        self, pt1: tuple[float, float], pt2: tuple[float, float], pt3: tuple[float, float]
    ) -> None:
        (x0, y0) = self._getCurrentPoint()
        for step in range(1, _CURVE_STEPS + 1):
            t = step / _CURVE_STEPS
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
            x = a * x0 + b * pt1[0] + c * pt2[0] + d * pt3[0]
            y = a * y0 + b * pt1[1] + c * pt2[1] + d * pt3[1]
            self.contours[-1].append(self._point((x, y)))

    def _closePath(self) -> None:  # noqa: N802
        pass

    def _endPath(self) -> None:  # noqa: N802
        pass


@lru_cache(maxsize=64)
def outline(font_file: Path, character: str) -> Outline | None:
    """``character``'s glyph in ``font_file``; None if the font has none."""
    font = _font(font_file)
    name = font.getBestCmap().get(ord(character))
    if name is None:
        return None
    units = font["head"].unitsPerEm
    glyphs = font.getGlyphSet()
    pen = _Pen(glyphs, units)
    glyphs[name].draw(pen)
    ys = [y for contour in pen.contours for _, y in contour]
    return Outline(
        contours=tuple(tuple(contour) for contour in pen.contours),
        advance=font["hmtx"][name][0] / units,
        low=min([0.0, *ys]),
        high=max([0.0, *ys]),
    )
