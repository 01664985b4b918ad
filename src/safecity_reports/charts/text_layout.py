"""Each text's layout worked out once for the chart process, not again on every measure.

matplotlib lays a text out (``Text._get_layout``: its lines, each line's size from the font,
the box they make, turned and aligned) every time it is measured or drawn: four or five times a
label in a chart, and again in every chart for the same tick label ("0", "2015/16 Q3"). The
layout depends only on the text and how it is set (font, size, alignment, line spacing,
rotation), the figure's resolution and the renderer measuring it, never on where the text is:
matplotlib moves the box to the text's place afterwards. So it is kept, keyed by all of those,
and a text set alike anywhere is laid out from the kept answer: the same numbers, so the same
charts to the byte (a test draws charts with and without it).

``Text._get_layout`` is matplotlib's own, not its public API: should it go, or change what it
takes, the texts are laid out as matplotlib does it, only slower (``install`` leaves it alone).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any

import matplotlib as mpl
from matplotlib import font_manager
from matplotlib.text import Text

from safecity_reports.charts.wrapped import unwrap

LAYOUT = "_get_layout"
"""``Text``'s method that lays a text out for a renderer."""
MOST = 50_000
"""Layouts kept; past it the cache starts again (a 3,000-measure report keeps about 20,000)."""
RC_KEYS = ("text.hinting", "text.hinting_factor", "text.kerning_factor", "pdf.use14corefonts")
"""Settings the renderers read as they measure text."""

# the settings, read by any name
_RC: Mapping[str, Any] = mpl.rcParams  # type: ignore[assignment]

_kept: dict[tuple[object, ...], tuple[Any, list[Any], Any]] = {}


def layout_key(text: Text, renderer: object) -> tuple[object, ...] | None:
    """Everything ``text``'s layout for ``renderer`` depends on, or None where it depends on
    more (wrapped text is wrapped to the space around it)."""
    if text.get_wrap():
        return None
    figure = text.figure  # a chart has no subfigures: the figure, with its resolution
    return (
        text.get_text(),
        tuple(vars(text.get_fontproperties()).values()),
        len(font_manager.fontManager.ttflist),  # the fonts a family may find
        text.get_usetex(),
        text.get_parse_math(),
        text.get_linespacing(),
        text._get_multialignment(),  # type: ignore[attr-defined]  # noqa: SLF001
        text.get_rotation(),
        text.get_rotation_mode(),
        text.get_horizontalalignment(),
        text.get_verticalalignment(),
        None if figure is None else figure.dpi,
        type(getattr(renderer, "_renderer", renderer)),  # the PDF's or SVG's, not the mixer's
        getattr(renderer, "dpi", None),
        getattr(renderer, "_get_font_height_metrics", None) is not None,
        tuple(_RC[key] for key in RC_KEYS),
    )


def kept_layout(original: Callable[[Text, object], Any]) -> Callable[[Text, object], Any]:
    """``original`` (``Text._get_layout``), answered from the kept layouts where it can be."""

    def _get_layout(self: Text, renderer: object) -> Any:
        key = layout_key(self, renderer)
        if key is None:
            return original(self, renderer)
        found = _kept.get(key)
        if found is None:
            if len(_kept) >= MOST:
                _kept.clear()
            found = _kept[key] = original(self, renderer)
        box, lines, corner = found
        return box.frozen(), list(lines), corner  # a box of its own: callers may move it

    _get_layout.original = original  # type: ignore[attr-defined]
    return _get_layout


def install() -> bool:
    """Lay texts out from the kept layouts from now on, in this process; False (and nothing
    changed) where matplotlib's text has no layout method taking a renderer."""
    current = getattr(Text, LAYOUT, None)
    if current is None or hasattr(current, "original"):
        return current is not None
    if list(inspect.signature(current).parameters) != ["self", "renderer"]:
        return False
    if not hasattr(Text, "_get_multialignment"):  # read by ``layout_key``
        return False
    setattr(Text, LAYOUT, kept_layout(current))
    return True


def forget() -> None:
    """Let go of the kept layouts: each text is laid out afresh when next measured."""
    _kept.clear()


def uninstall() -> None:
    """Lay texts out as matplotlib does (for tests comparing the two)."""
    unwrap(Text, LAYOUT)
    _kept.clear()


install()
