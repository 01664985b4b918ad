"""The PDF backend's text work kept for the chart process (``charts.pdf_text``): charts drawn
with it are the same to the byte as drawn by matplotlib alone, and what is kept is keyed so
that two texts, fonts or glyphs never share an answer."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from matplotlib import _text_helpers, font_manager
from matplotlib.backends import backend_pdf
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ft2font import LoadFlags

from chart_bytes import drawn
from safecity_reports.charts import pdf_text


def test_installed_when_charts_are_drawn() -> None:
    assert "_get_font_ttf" in vars(backend_pdf.RendererPdf)
    assert backend_pdf._text_helpers is not _text_helpers
    assert hasattr(backend_pdf._get_pdf_charprocs, "original")


def test_charts_the_same_to_the_byte_as_drawn_by_matplotlib_alone(tmp_path: Path) -> None:
    kept = drawn(tmp_path / "kept")
    pdf_text.uninstall()
    try:
        assert backend_pdf._text_helpers is _text_helpers
        alone = drawn(tmp_path / "alone")
    finally:
        assert pdf_text.install()
    assert kept == alone


def _renderer() -> backend_pdf.RendererPdf:
    return backend_pdf.RendererPdf(backend_pdf.PdfFile(io.BytesIO()), 72, 4, 3)


def test_a_text_is_placed_afresh_for_another_size_or_font() -> None:
    renderer = _renderer()
    placed = {}
    for size in (9.0, 8.5):
        for weight in ("normal", "bold"):
            font = renderer._get_font_ttf(FontProperties(size=size, weight=weight))
            items = list(backend_pdf._text_helpers.layout("Southampton 12.5%", font))
            own = list(_text_helpers.layout("Southampton 12.5%", font))
            assert [(i.glyph_index, i.x, i.prev_kern) for i in items] == [
                (i.glyph_index, i.x, i.prev_kern) for i in own
            ]
            placed[size, weight] = tuple((i.glyph_index, i.x) for i in items)
    assert len(set(placed.values())) == len(placed)


def test_a_font_not_just_found_is_placed_afresh() -> None:
    renderer = _renderer()
    found = renderer._get_font_ttf(FontProperties(size=9))
    other = font_manager.get_font(font_manager.findfont(FontProperties(family="DejaVu Serif")))
    other.set_size(20, 72)
    assert other is not found
    kept = list(backend_pdf._text_helpers.layout("Wide", other))
    assert [i.x for i in kept] == [i.x for i in _text_helpers.layout("Wide", other)]


def test_the_font_found_follows_the_text() -> None:
    renderer = _renderer()
    regular = renderer._get_font_ttf(FontProperties(family="DejaVu Sans"))
    serif = renderer._get_font_ttf(FontProperties(family="DejaVu Serif"))
    assert regular.fname != serif.fname


def test_each_glyph_program_kept_for_its_own_font() -> None:
    original = backend_pdf._get_pdf_charprocs.original  # type: ignore[attr-defined]
    sans = font_manager.findfont(FontProperties(family="DejaVu Sans"))
    serif = font_manager.findfont(FontProperties(family="DejaVu Serif"))
    for path in (sans, serif, sans):
        font = font_manager.get_font(path)
        glyphs = [font.get_char_index(ord(c)) for c in "Q2 0.5%"]
        assert backend_pdf._get_pdf_charprocs(path, glyphs) == original(path, glyphs)
    kept_sans = backend_pdf._get_pdf_charprocs(
        sans, [font_manager.get_font(sans).get_char_index(ord("Q"))]
    )
    kept_serif = backend_pdf._get_pdf_charprocs(
        serif, [font_manager.get_font(serif).get_char_index(ord("Q"))]
    )
    assert kept_sans != kept_serif


def test_a_figure_saved_twice_is_the_same() -> None:
    figure = Figure(figsize=(3, 2))
    figure.text(0.1, 0.5, "2015/16 Q3 (our area)", fontweight="bold")
    files = []
    for _ in range(2):
        out = io.BytesIO()
        figure.savefig(out, format="pdf", metadata={"CreationDate": None})
        files.append(out.getvalue())
    assert files[0] == files[1]


def test_a_glyphs_width_kept_for_its_own_font() -> None:
    flags = pdf_text.WIDTH_FLAGS
    sans = font_manager.get_font(font_manager.findfont(FontProperties(family="DejaVu Sans")))
    serif = font_manager.get_font(font_manager.findfont(FontProperties(family="DejaVu Serif")))
    widths = {}
    for font in (sans, serif, sans):
        kept = backend_pdf.get_font(font.fname)
        assert isinstance(kept, pdf_text.WidthsKept)
        for code in "Wi1":
            index = font.get_char_index(ord(code))
            advance = kept.load_glyph(index, flags=flags).horiAdvance
            assert advance == font.load_glyph(index, flags=flags).horiAdvance
            widths[font.fname, code] = advance
    assert widths[sans.fname, "W"] != widths[serif.fname, "W"]
    assert widths[sans.fname, "W"] != widths[sans.fname, "i"]


def test_any_other_load_loads_the_glyph_into_the_font() -> None:
    kept = backend_pdf.get_font(font_manager.findfont(FontProperties(family="DejaVu Sans")))
    o, w = (kept.get_char_index(ord(c)) for c in "ow")
    kept.load_glyph(w, flags=pdf_text.WIDTH_FLAGS)
    kept.load_glyph(w, flags=pdf_text.WIDTH_FLAGS)  # its width kept now
    kept.load_glyph(o, flags=LoadFlags.NO_SCALE)
    o_outline = kept.get_path()[0].copy()
    kept.load_glyph(w, flags=LoadFlags.NO_SCALE)  # loaded, though its width is kept
    assert not np.array_equal(kept.get_path()[0], o_outline)
    kept.load_glyph(o, flags=LoadFlags.NO_SCALE)
    assert np.array_equal(kept.get_path()[0], o_outline)
