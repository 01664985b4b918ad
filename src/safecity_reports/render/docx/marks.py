"""Decorative marks in Word: the travel arrows printed beside the words that say the same.

The PDF gives each mark an empty /ActualText so that a screen reader reads "up, worse" once,
not "black up-pointing triangle, up, worse" (``render/pdf/tags``). Word has no way to keep a
character from screen readers, but it has one for a picture: "Mark as decorative", stored as
the ``adec:decorative`` extension of the drawing's properties (MS-ODRAWXML 5.32, the Open XML
SDK's ``Office2019.Drawing.Decorative``). Screen readers skip such a picture, Word's
accessibility checker asks no alt text of it, and Word's own PDF export makes it an artifact.

So each mark is a small picture of its glyph, drawn from the outline of the font the PDF embeds
(Liberation Sans, Arial's metrics), in the colour the text would have: as wide as the glyph's
advance, as high as the glyph, standing on the baseline where the glyph stands. The picture is
drawn at about 1,280 dpi for 9 pt text (LibreOffice's PDF export brings pictures down to 300
dpi, as it does the charts). Each glyph of a face is shaped once per process (its coverage of
each pixel: 4 ms), and coloured once for each colour it is drawn in (with its PNG, 1 ms); each
picture is stored once per document, however often it is placed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, islice
from pathlib import Path

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.shape import CT_Inline
from docx.parts.image import ImagePart
from docx.shared import Emu
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run

from safecity_reports import png
from safecity_reports.render.docx.elements import clark, new_element
from safecity_reports.render.metrics import outline
from safecity_reports.styles import Styles

DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
"""The ``a:ext`` that holds ``adec:decorative`` in a drawing's properties, as Word 365 writes it."""
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"

PIXELS_PER_EM = 160
"""The pictures' resolution: 160 pixels to the em is about 1,280 dpi for 9 pt text."""
_SUBROWS = 4
"""Samples down each pixel row; across a row, coverage is measured exactly."""
_EMU_PER_POINT = 12700


@dataclass(frozen=True)
class MarkPicture:
    """A mark's glyph drawn as a PNG, and where it stands: sizes in ems of the font size."""

    png: bytes
    width: float
    """The picture's width: the glyph's advance, as the character would take."""
    height: float
    bottom: float
    """How far the picture's foot is above the baseline (negative: below it)."""


@lru_cache(maxsize=64)
def mark_picture(font_file: Path, mark: str, colour: str) -> MarkPicture | None:
    """``mark`` as ``font_file`` draws it, filled with ``colour`` ("#RRGGBB") on transparency;
    None where the font has no glyph for it (the character is then printed as text)."""
    shape = _glyph_shape(font_file, mark)
    if shape is None:
        return None
    width, height, alpha_rows, bottom = shape
    rows = bytearray()
    for alphas in alpha_rows:
        pixels = bytearray(bytes.fromhex(colour.lstrip("#") + "00") * width)
        pixels[3::4] = alphas
        rows += b"\x00" + pixels  # each row unfiltered
    return MarkPicture(
        png=png.encode(bytes(rows), width, height, 4, level=9),
        width=width / PIXELS_PER_EM,
        height=height / PIXELS_PER_EM,
        bottom=bottom,
    )


@lru_cache(maxsize=16)
def _glyph_shape(font_file: Path, mark: str) -> tuple[int, int, list[bytes], float] | None:
    """The glyph of ``mark`` in ``font_file`` as pixels: its width and height, each row's
    coverage (0-255), and how far its foot is above the baseline, in ems; worked out once for
    every colour it is drawn in (a mark is drawn in two or three: 4 ms each). None where the font
    has no glyph for it."""
    glyph = outline(font_file, mark)
    if glyph is None:
        return None
    width = max(1, math.ceil(glyph.advance * PIXELS_PER_EM))
    height = max(1, math.ceil((glyph.high - glyph.low) * PIXELS_PER_EM))
    # pixel rows run down from the glyph's top
    contours = [
        [(x * PIXELS_PER_EM, (glyph.high - y) * PIXELS_PER_EM) for x, y in contour]
        for contour in glyph.contours
    ]
    return width, height, _coverage(contours, width, height), glyph.high - height / PIXELS_PER_EM


def _coverage(contours: list[list[tuple[float, float]]], width: int, height: int) -> list[bytes]:
    """Each pixel row's coverage by the polygons (0-255), filled by the non-zero winding rule
    as TrueType fills glyphs: ``_SUBROWS`` sample lines per row, each spanned exactly across."""
    edges = []
    for contour in contours:
        for (xa, ya), (xb, yb) in zip(contour, contour[1:] + contour[:1], strict=True):
            if ya != yb:
                edges.append((xa, ya, xb, yb, 1 if yb > ya else -1))
    rows = []
    share = 255 / _SUBROWS  # a sample line's whole pixel, in the 0-255 of the alpha channel
    for row in range(height):
        # coverage as steps along the row: a sample line's span adds ``share`` from its first
        # whole pixel to its last, and a part of it to the pixels at its ends
        steps = [0.0] * (width + 2)
        for sample in range(_SUBROWS):
            y = row + (sample + 0.5) / _SUBROWS
            crossings = sorted(
                (xa + (y - ya) * (xb - xa) / (yb - ya), direction)
                for xa, ya, xb, yb, direction in edges
                if min(ya, yb) <= y < max(ya, yb)
            )
            winding = 0
            for (start, direction), (end, _) in zip(crossings, crossings[1:], strict=False):
                winding += direction
                start, end = max(0.0, start), min(float(width), end)
                if winding and end > start:
                    first, last = int(start), int(end)
                    steps[first] += (first + 1 - start) * share
                    steps[first + 1] += (start - first) * share
                    steps[last] -= (last + 1 - end) * share
                    steps[last + 1] -= (end - last) * share
        # summed from a half, so that int() rounds
        rows.append(bytes(map(int, islice(accumulate(steps, initial=0.5), 1, width + 1))))
    return rows


class MarkPictures:
    """Places marks as decorative pictures in one Word document, storing each picture once."""

    def __init__(self, word: WordDocument, next_shape_id: Callable[[], int]) -> None:
        self.word = word
        self.next_shape_id = next_shape_id
        """Gives the next free drawing id (shared with the writer's other pictures)."""
        self.stored: dict[tuple[Path, str, str], str] = {}
        self.text: dict[str | None, tuple[float, str]] = {}

    def add(
        self,
        paragraph: WordParagraph,
        mark: str,
        font_file: Path,
        colour: str | None,
        styles: Styles,
    ) -> Run | None:
        """A run at the end of ``paragraph`` holding ``mark`` drawn from ``font_file`` at the
        size of the paragraph's text, in ``colour`` ("#RRGGBB"; None: the colour of the
        paragraph's text); None (nothing added) where the font has no glyph for the mark."""
        p_pr = paragraph._p.pPr
        style_id = p_pr.style if p_pr is not None else None
        if style_id not in self.text:
            self.text[style_id] = style_text(self.word, style_id, styles)
        size, style_colour = self.text[style_id]
        colour = (colour or style_colour).upper()
        picture = mark_picture(font_file, mark, colour)
        if picture is None:
            return None
        key = (font_file, mark, colour)
        if key not in self.stored:
            number = len(self.stored) + 1
            stored = ImagePart(PackURI(f"/word/media/mark{number}.png"), "image/png", picture.png)
            rel_id = f"rIdMark{number}"
            self.word.part.rels.add_relationship(RT.IMAGE, stored, rel_id)
            self.stored[key] = rel_id
        emu = size * _EMU_PER_POINT
        shape_id = self.next_shape_id()
        inline = CT_Inline.new_pic_inline(
            shape_id,
            self.stored[key],
            f"mark{shape_id}.png",
            Emu(round(picture.width * emu)),
            Emu(round(picture.height * emu)),
        )
        decorative(inline)
        # no space around it (Word writes these for every inline picture; without them
        # LibreOffice puts an eighth of an inch either side, as for a floating picture)
        for side in ("distT", "distB", "distL", "distR"):
            inline.set(side, "0")
        run = paragraph.add_run()
        shift = round(picture.bottom * size * 2)  # half-points; 0 for Liberation Sans' arrows
        if shift:
            position = new_element("w:position")
            position.set(clark("w:val"), str(shift))
            run._r.get_or_add_rPr().append(position)
        run._r.add_drawing(inline)
        return run


def style_text(word: WordDocument, style_id: str | None, styles: Styles) -> tuple[float, str]:
    """The text size (points) and colour ("#RRGGBB") the paragraph style ``style_id`` gives:
    its own, else those of the styles it is based on, else the document's default size and the
    report's text colour."""
    size: float | None = None
    colour: str | None = None
    found = word.styles.element.get_by_id(style_id) if style_id else None
    style = found if found is not None else word.styles.element.default_for(WD_STYLE_TYPE.PARAGRAPH)
    seen: set[str] = set()
    while style is not None and style.styleId not in seen and (size is None or colour is None):
        seen.add(style.styleId)
        r_pr = style.rPr
        if r_pr is not None:
            if size is None and r_pr.sz_val is not None:
                size = r_pr.sz_val.pt
            value = r_pr.color.val if r_pr.color is not None else None
            if colour is None and value is not None and value != "auto":
                colour = f"#{value}"
        based_on = style.basedOn_val
        style = word.styles.element.get_by_id(based_on) if based_on else None
    if size is None:
        default = word.styles.element.find(_DEFAULT_SIZE)
        size = int(default.get(clark("w:val"))) / 2 if default is not None else styles.sizes.body
    return float(size), colour or styles.palette.text


_DEFAULT_SIZE = "/".join(clark(f"w:{tag}") for tag in ("docDefaults", "rPrDefault", "rPr", "sz"))


def decorative(inline: CT_Inline) -> None:
    """Mark the picture ``inline`` as decorative, as Word's "Mark as decorative" does: no
    description, and the ``adec:decorative`` extension on its drawing properties."""
    doc_pr = inline.find(clark("wp:docPr"))
    doc_pr.set("descr", "")
    doc_pr.append(
        parse_xml(
            '<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            f'<a:ext uri="{DECORATIVE_URI}">'
            f'<adec:decorative xmlns:adec="{DECORATIVE_NS}" val="1"/>'
            "</a:ext></a:extLst>"
        )
    )
    for c_nv_pr in inline.iter(clark("pic:cNvPr")):
        c_nv_pr.set("descr", "")
