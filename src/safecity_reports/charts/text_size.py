"""Each text of a chart measured once, as the chart's PDF draws it, for the fitting and the PDF.

A chart's text was measured twice: by the fitting (``charts.fitting``), with the Agg canvas's
renderer (FreeType's hinted sizes at the figure's resolution), and again by the PDF backend as
it draws (unhinted, at 72 dots an inch). Each is FreeType laying the text out afresh
(``FT2Font.set_text``: 0.1 to 0.5 ms a text, the largest part of the first charts of a report,
whose texts are all new). The chart is its PDF drawing, and Word's picture is that drawing
rasterised, so the size that counts is the PDF's: the fitting is given the PDF's own measure,
scaled to the figure's resolution (``measured_as_drawn``), and the PDF backend, as it draws,
finds each text measured (``RendererPdf.get_text_width_height_descent``, kept by
``charts.pdf_text``).

``text_size`` measures as ``RendererPDFPSBase.get_text_width_height_descent`` does for a
TrueType font: the fonts found for the text (with their fallbacks), sized at 72 dots an inch,
the text set unhinted. Math text, TeX, and the PDF's core fonts are measured by the renderers'
own methods, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import matplotlib as mpl
from matplotlib import font_manager
from matplotlib.font_manager import FontProperties

try:  # matplotlib 3.10 on; before it, the fitting measures with the canvas as it is
    from matplotlib.ft2font import LoadFlags
except ImportError:  # pragma: no cover - matplotlib before 3.10
    LoadFlags = None  # type: ignore[assignment,misc]

MOST = 50_000
"""Sizes (and font searches) kept; past it they start again."""
FONT_RC = (
    "font.serif",
    "font.sans-serif",
    "font.cursive",
    "font.fantasy",
    "font.monospace",
)
"""Settings the font search reads (the generic families' fonts)."""
CORE_FONTS = "pdf.use14corefonts"
"""The setting with which the PDF measures text with its core fonts' metrics instead."""

# the settings, read by any name
_RC: Mapping[str, Any] = mpl.rcParams  # type: ignore[assignment]

_fonts: dict[tuple[object, ...], Any] = {}
_sizes: dict[tuple[object, ...], tuple[float, float, float]] = {}

Measure = Callable[[str, FontProperties, Any], tuple[float, float, float]]
"""A renderer's ``get_text_width_height_descent(text, prop, ismath)``."""


def remember(store: dict[Any, Any], key: object, value: object) -> None:
    """``store[key] = value``, the store emptied first once it holds ``MOST``."""
    if len(store) >= MOST:
        store.clear()
    store[key] = value


def font_files(prop: FontProperties) -> tuple[str, ...]:
    """The font files the renderers find for ``prop`` (its font and fallbacks), found once
    for each kind of text: keyed by everything the search reads."""
    key = (
        tuple(vars(prop).values()),
        len(font_manager.fontManager.ttflist),
        tuple(tuple(_RC[name]) for name in FONT_RC),
    )
    files = _fonts.get(key)
    if files is None:
        files = tuple(font_manager.fontManager._find_fonts_by_props(prop))  # noqa: SLF001
        remember(_fonts, key, files)
    return files


def measurable(ismath: object) -> bool:
    """Whether ``text_size`` measures such a text as the PDF does (plain text in TrueType)."""
    return LoadFlags is not None and ismath is False and not _RC[CORE_FONTS]


def text_size(text: str, prop: FontProperties) -> tuple[float, float, float]:
    """``text``'s width, height and descent in points, as the PDF backend measures it."""
    files = font_files(prop)
    size = prop.get_size_in_points()
    key = (text, files, size)
    found = _sizes.get(key)
    if found is None:
        font = font_manager.get_font(files)
        font.clear()
        font.set_size(size, 72)
        font.set_text(text, 0.0, flags=LoadFlags.NO_HINTING)
        width, height = font.get_width_height()
        found = (width / 64, height / 64, font.get_descent() / 64)
        remember(_sizes, key, found)
    return found


def measured_as_drawn(original: Measure, dpi: float) -> Measure:
    """A renderer's text measure at ``dpi`` (``original``) giving the PDF's measure of a text
    (``text_size``) scaled to it, and ``original``'s where the PDF measures otherwise."""
    scale = dpi / 72

    def get_text_width_height_descent(
        text: str, prop: FontProperties, ismath: Any
    ) -> tuple[float, float, float]:
        if not measurable(ismath):
            return original(text, prop, ismath)
        width, height, descent = text_size(text, prop)
        return width * scale, height * scale, descent * scale

    return get_text_width_height_descent


def forget() -> None:
    """Let go of the sizes and fonts found (for tests)."""
    _fonts.clear()
    _sizes.clear()
