"""Word's travel-arrow pictures (``render.docx.marks``): each glyph's shape worked out once,
however many colours it is drawn in, and each picture the same as drawn on its own."""

from __future__ import annotations

from pathlib import Path

from safecity_reports.render.docx import marks
from safecity_reports.styles import load_styles

COLOURS = ("#0B0C0C", "#12436D", "#801650")


def _fresh() -> None:
    marks.mark_picture.cache_clear()
    marks._glyph_shape.cache_clear()


def test_a_glyph_is_shaped_once_for_all_its_colours() -> None:
    font = Path(load_styles().font_bold)
    _fresh()
    for colour in COLOURS:
        for mark in "▲▼":
            assert marks.mark_picture(font, mark, colour) is not None
    shaped = marks._glyph_shape.cache_info()
    assert (shaped.misses, shaped.hits) == (2, 4)


def test_each_picture_as_drawn_alone() -> None:
    font = Path(load_styles().font_regular)
    together = []
    _fresh()
    for colour in COLOURS:
        together.append(marks.mark_picture(font, "▲", colour))
    for colour, picture in zip(COLOURS, together, strict=True):
        _fresh()
        alone = marks.mark_picture(font, "▲", colour)
        assert alone == picture
    assert len({p.png for p in together if p is not None}) == len(COLOURS)  # coloured apart


def test_a_glyph_the_font_lacks_is_none_in_every_colour() -> None:
    font = Path(load_styles().font_regular)
    _fresh()
    assert marks.mark_picture(font, "\U0001f600", COLOURS[0]) is None
    assert marks.mark_picture(font, "\U0001f600", COLOURS[1]) is None
