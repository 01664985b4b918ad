"""The PDF backend's text work done once for the chart process, not again in every chart.

matplotlib's PDF backend draws a text (charts embed their fonts as Type 3) by finding its
font (``RendererPdf._get_font_ttf``: a search of the known fonts for each font of its family),
placing it glyph by glyph (``_text_helpers.layout``: the shaping library, then each glyph
loaded), and, when the chart's file is finished, writing each glyph's outline as a Type 3
program (``_get_pdf_charprocs``). A chart's texts are most of them the same as the last chart's
("0", "2015/16 Q3", the same letters), so each of these answers is kept:

- the font files found for each kind of text, keyed by everything the search reads;
- the glyphs of each text, keyed by the text, the font object and its size (what the shaping
  reads); the PDF backend's own module is given the kept layouts, so the text-as-path drawing
  (which reads each glyph's outline as it is placed) is left as it is;
- each glyph's Type 3 program, keyed by the font file and the glyph: its outline in font units,
  which depends on nothing else;
- each glyph's advance width, which the Type 3 font lists for every character code from the
  first it uses to the last (about 90 glyphs loaded a font a chart): the backend's fonts keep
  the glyphs they load unscaled and unhinted, the way it loads them only to read their widths.
- each text's size, which the fitting has measured the same way (``charts.text_size``).

The same answers, so the same charts to the byte (a test draws charts with and without). These
are matplotlib's own functions, not its public API: ``install`` leaves any it cannot find as
they are, and the charts are drawn as before, only slower.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Callable, Iterable
from typing import Any

from matplotlib import _text_helpers, font_manager
from matplotlib.backends import backend_pdf
from matplotlib.ft2font import FT2Font

from safecity_reports.charts import text_size

try:  # matplotlib 3.10 on; before it, the backend is left as it is (``install``)
    from matplotlib.ft2font import LoadFlags
except ImportError:  # pragma: no cover - matplotlib before 3.10
    LoadFlags = None  # type: ignore[assignment,misc]

_last_set: list[Any] = [None, 0.0]
"""The font object ``_get_font_ttf`` last returned, and the size it set on it."""
_layouts: dict[tuple[object, ...], list[Any]] = {}
_programs: dict[tuple[object, ...], tuple[str, bytes]] = {}
_widths: dict[tuple[object, ...], Any] = {}

WIDTH_FLAGS = None if LoadFlags is None else LoadFlags.NO_SCALE | LoadFlags.NO_HINTING
"""How the backend loads a glyph only to read its advance width (``embedTTF``)."""


def _font_found(original: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """``RendererPdf._get_font_ttf``, the font files found once for each kind of text."""

    def _get_font_ttf(self: Any, prop: Any) -> Any:
        font = font_manager.get_font(text_size.font_files(prop))
        font.clear()
        size = prop.get_size_in_points()
        font.set_size(size, 72)
        _last_set[:] = [font, size]
        return font

    return _get_font_ttf


def _kept_layout(original: Callable[..., Any]) -> Callable[..., Any]:
    """``_text_helpers.layout`` for the PDF backend: a text's glyphs placed once for its font
    and size: the backend places a text with the font object it has just found and sized
    (``_font_found``); any other font is placed afresh."""

    def layout(string: str, font: Any, *, features: Any = None, language: Any = None) -> Any:
        last, size = _last_set
        if font is not last:
            return original(string, font, features=features, language=language)
        key = (string, font, size, features, language)
        items = _layouts.get(key)
        if items is None:
            items = list(original(string, font, features=features, language=language))
            text_size.remember(_layouts, key, items)
        return iter(items)

    return layout


def _measured(original: Callable[..., Any]) -> Callable[..., Any]:
    """``get_text_width_height_descent``: each text measured once (``charts.text_size``), by
    the fitting or here."""

    def get_text_width_height_descent(
        self: Any, text: str, prop: Any, ismath: Any
    ) -> tuple[float, float, float]:
        if not text_size.measurable(ismath):
            return original(self, text, prop, ismath)  # type: ignore[no-any-return]
        return text_size.text_size(text, prop)

    return get_text_width_height_descent


def _kept_programs(original: Callable[[Any, Iterable[int]], dict[str, bytes]]) -> Any:
    """``_get_pdf_charprocs``: each glyph's Type 3 program made once for its font file."""

    def _get_pdf_charprocs(font_path: Any, glyph_indices: Iterable[Any]) -> dict[str, bytes]:
        procs: dict[str, bytes] = {}
        missing: list[Any] = []
        for index in glyph_indices:
            found = _programs.get((font_path, index))
            if found is None:
                missing.append(index)
            else:
                procs[found[0]] = found[1]
        if missing:
            made = original(font_path, missing)
            font = font_manager.get_font(font_path)
            for index in missing:
                name = font.get_glyph_name(index)
                text_size.remember(_programs, (font_path, index), (name, made[name]))
                procs[name] = made[name]
        return procs

    return _get_pdf_charprocs


class WidthsKept:
    """A font as the PDF backend's ``get_font`` gives it, but for a glyph loaded unscaled and
    unhinted: that glyph (its metrics, in font units, whatever the font's size) is kept for
    the font. Any other load loads the glyph into the font, as before, for what reads it next
    (the Type 3 program reads its outline)."""

    def __init__(self, font: Any) -> None:
        self._font = font

    def __getattr__(self, name: str) -> Any:
        return getattr(self._font, name)

    def load_glyph(self, glyph_index: Any, flags: Any = None) -> Any:
        if flags is None:
            return self._font.load_glyph(glyph_index)  # FT2Font's own default flags
        if flags != WIDTH_FLAGS:
            return self._font.load_glyph(glyph_index, flags=flags)
        key = (self._font, glyph_index)
        glyph = _widths.get(key)
        if glyph is None:
            glyph = self._font.load_glyph(glyph_index, flags=flags)
            text_size.remember(_widths, key, glyph)
        return glyph


def _fonts_keeping_widths(original: Callable[..., Any]) -> Callable[..., Any]:
    """The PDF backend's ``get_font``, its fonts keeping their glyphs' widths (``WidthsKept``)."""

    def get_font(*args: Any, **kwargs: Any) -> Any:
        return WidthsKept(original(*args, **kwargs))

    get_font.original = original  # type: ignore[attr-defined]
    return get_font


def _takes(function: object, parameters: list[str]) -> bool:
    return callable(function) and list(inspect.signature(function).parameters) == parameters


def install() -> bool:
    """Keep the PDF backend's text answers from now on, in this process; False (and nothing
    changed) where the backend lacks what is kept, or takes other parameters."""
    renderer = backend_pdf.RendererPdf
    if "_get_font_ttf" in vars(renderer):
        return True  # installed
    if not (
        LoadFlags is not None
        and _takes(getattr(renderer, "_get_font_ttf", None), ["self", "prop"])
        and _takes(
            getattr(renderer, "get_text_width_height_descent", None),
            ["self", "s", "prop", "ismath"],
        )
        and _takes(
            getattr(_text_helpers, "layout", None), ["string", "font", "features", "language"]
        )
        and _takes(getattr(backend_pdf, "_get_pdf_charprocs", None), ["font_path", "glyph_indices"])
        and getattr(backend_pdf, "_text_helpers", None) is _text_helpers
        and getattr(backend_pdf, "get_font", None) is font_manager.get_font
        and hasattr(FT2Font, "load_glyph")
        and hasattr(font_manager.fontManager, "_find_fonts_by_props")
    ):
        return False
    renderer._get_font_ttf = _font_found(renderer._get_font_ttf)  # type: ignore[method-assign]
    renderer.get_text_width_height_descent = _measured(  # type: ignore[method-assign]
        renderer.get_text_width_height_descent
    )
    helpers = types.SimpleNamespace(**vars(_text_helpers))
    helpers.layout = _kept_layout(_text_helpers.layout)
    backend_pdf._text_helpers = helpers  # type: ignore[assignment]
    programs = _kept_programs(backend_pdf._get_pdf_charprocs)
    programs.original = backend_pdf._get_pdf_charprocs
    backend_pdf._get_pdf_charprocs = programs
    backend_pdf.get_font = _fonts_keeping_widths(backend_pdf.get_font)
    return True


def uninstall() -> None:
    """Draw text as matplotlib does (for tests comparing the two)."""
    renderer = backend_pdf.RendererPdf
    if "_get_font_ttf" not in vars(renderer):
        return
    del renderer._get_font_ttf
    del renderer.get_text_width_height_descent
    backend_pdf._text_helpers = _text_helpers
    backend_pdf._get_pdf_charprocs = backend_pdf._get_pdf_charprocs.original  # type: ignore[attr-defined]
    backend_pdf.get_font = backend_pdf.get_font.original  # type: ignore[attr-defined]
    for store in (_layouts, _programs, _widths):
        store.clear()
    text_size.forget()
    _last_set[:] = [None, 0.0]


install()
