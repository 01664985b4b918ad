"""The PDF's look: fonts, text styles, the portrait and landscape pages, and the page furniture.

``render_pdf`` fills the pages with the document's blocks; this module decides how text is set,
what every page carries besides the blocks (the running head and "Page X of Y") and what the
file says about itself (metadata, language, the outline shown when it opens).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle as TextStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from safecity_reports.layout.document import Document, ParagraphStyle
from safecity_reports.layout.thin_pages import is_thin
from safecity_reports.reading.glyphs import (
    characters,
    fallback_characters,
    fallback_font,
    printed,
)
from safecity_reports.render.page import (
    FOOT_BASELINE,
    HEAD_BASELINE,
    MARGIN_BOTTOM,
    MARGIN_SIDE,
    MARGIN_TOP,
)
from safecity_reports.render.pdf.flowables import CaptionedTable, KeepWithNext
from safecity_reports.render.pdf.page_starts import PageStarts
from safecity_reports.render.pdf.tags import FOOTER, HEADER, marked
from safecity_reports.styles import Styles

PORTRAIT = "portrait"
LANDSCAPE = "landscape"


def page_size(template: str) -> tuple[float, float]:
    """Width and height in points of a page drawn with ``template``."""
    return landscape(A4) if template == LANDSCAPE else A4


def frame_size(template: str) -> tuple[float, float]:
    """Width and height in points that the blocks may fill on a ``template`` page."""
    width, height = page_size(template)
    return width - 2 * MARGIN_SIDE, height - MARGIN_TOP - MARGIN_BOTTOM


@dataclass(frozen=True)
class FontNames:
    """The names under which the report's font family is registered with reportlab."""

    regular: str
    bold: str
    drawable: frozenset[int] = frozenset()
    """The characters both faces draw (empty: not known, every character is drawn as is)."""

    def fallback(self) -> tuple[str, frozenset[int]]:
        """The family a character these faces cannot draw is drawn in, and what it draws
        (``reading.glyphs.fallback_font``); registered the first time a text needs it."""
        return _register_fallback()

    def printable(self, text: str) -> str:
        """``text`` with each character these fonts cannot draw replaced by its name, for
        text drawn in one font (the running head): '[thumbs up sign]', never a box."""
        if not self.drawable:
            return text
        return "".join(piece for piece, _ in printed(text, self.drawable))


def register_fonts(styles: Styles) -> FontNames:
    """Register the style's TrueType fonts as one family, so ``<b>`` picks the bold face.

    Every glyph the report prints (arrows, the pound sign, curly quotes) comes from these
    files; reportlab's built-in Helvetica would draw a box for some of them.
    """
    return _register(styles.font_family, str(styles.font_regular), str(styles.font_bold))


@functools.cache
def _register(family: str, regular: str, bold: str) -> FontNames:
    """Each font file is read once a process (reading one takes a twentieth of a second)."""
    base = "".join(ch for ch in family if ch.isalnum()) or "ReportFont"
    drawable = characters(Path(regular)) & characters(Path(bold))
    pdfmetrics.registerFont(TTFont(base, regular))
    pdfmetrics.registerFont(TTFont(f"{base}-Bold", bold))
    pdfmetrics.registerFontFamily(
        base, normal=base, bold=f"{base}-Bold", italic=base, boldItalic=f"{base}-Bold"
    )
    return FontNames(base, f"{base}-Bold", drawable)


@functools.cache
def _register_fallback() -> tuple[str, frozenset[int]]:
    backup = fallback_font()
    if backup is None:
        return "", frozenset()
    name = "ReportFallback"
    pdfmetrics.registerFont(TTFont(name, str(backup)))
    pdfmetrics.registerFont(TTFont(f"{name}-Bold", str(backup.with_name("DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(
        name, normal=name, bold=f"{name}-Bold", italic=name, boldItalic=f"{name}-Bold"
    )
    return name, fallback_characters()


class ReportTemplate(BaseDocTemplate):
    """A4 pages in two orientations, with the report's furniture and metadata.

    ``total_pages`` is the page count of an earlier pass (None on the first pass), printed in
    "Page X of Y". While building, the page of each heading's anchor is recorded in
    ``anchor_pages`` for the contents list of the next pass.
    """

    def __init__(
        self,
        target: str | BinaryIO,
        document: Document,
        styles: Styles,
        fonts: FontNames,
        total_pages: int | None,
    ):
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN_SIDE,
            rightMargin=MARGIN_SIDE,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=document.title,
            author=document.author,
            subject=document.subject,
            creator="safecity-reports",
            lang=document.language,
            displayDocTitle=True,
            initialFontName=fonts.regular,
            initialFontSize=styles.sizes.body,
            keepTogetherClass=KeepWithNext,
        )
        self.report_document = document
        self.report_styles = styles
        self.fonts = fonts
        self.total_pages = total_pages
        self.anchor_pages: dict[str, int] = {}
        self.table_parts: dict[int, list[int]] = {}
        """The rows of each table's body on each page it reaches, by the table's place."""
        self.page_starts = PageStarts()
        self.closed_breaks: set[int] = set()
        """The places of the page breaks not made because the page each would end is thin."""
        self.addPageTemplates([self._template(PORTRAIT), self._template(LANDSCAPE)])

    def _template(self, name: str) -> PageTemplate:
        width, height = frame_size(name)
        frame = Frame(
            MARGIN_SIDE,
            MARGIN_BOTTOM,
            width,
            height,
            id=f"{name}-body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        return PageTemplate(
            id=name, frames=[frame], onPage=self._draw_furniture, pagesize=page_size(name)
        )

    def beforeDocument(self) -> None:
        # Open the outline (bookmarks) panel when the file is opened.
        self.canv.showOutline()

    def handle_thinBreak(self, place: int) -> None:  # noqa: N802 - a ThinPageBreak's action
        if is_thin(self._fill()):
            self.closed_breaks.add(place)
        else:
            self.handle_pageBreak()

    def _fill(self) -> float:
        """How full the current page is: a share of its text area."""
        frame = self.frame
        return min(1.0, (frame._y2 - frame._y) / frame._height)

    def afterPage(self) -> None:  # noqa: N802 - reportlab's name
        frame = self.frame
        self.page_starts.page_ended(max(0.0, frame._y - frame._y1p))

    def afterFlowable(self, flowable: Flowable) -> None:
        self.page_starts.drawn(self.page, flowable)
        anchor = getattr(flowable, "anchor", None)
        if anchor:
            self.anchor_pages.setdefault(anchor, self.page)
        index = getattr(flowable, "index", None)
        if isinstance(flowable, CaptionedTable) and index is not None:
            rows = flowable.body_rows()
            if rows is None:  # a long table's window: Word is left to break it itself
                self.table_parts[index] = [0]
            elif self.table_parts.get(index) != [0]:
                self.table_parts.setdefault(index, []).append(rows)

    def _draw_furniture(self, canvas: Canvas, doc: Any) -> None:
        # One place draws everything that is not content, all of it marked /Artifact.
        draw_furniture(
            canvas,
            running_head=self.report_document.running_head,
            page=canvas.getPageNumber(),
            total=self.total_pages,
            styles=self.report_styles,
            fonts=self.fonts,
        )


def draw_furniture(
    canvas: Canvas,
    *,
    running_head: str,
    page: int,
    total: int | None,
    styles: Styles,
    fonts: FontNames,
) -> None:
    """Draw the running head with a rule under it, and "Page X of Y" at the foot, as artifacts."""
    width, height = canvas._pagesize
    text_width = width - 2 * MARGIN_SIDE
    palette, size = styles.palette, styles.sizes.note
    canvas.saveState()
    canvas.setFillColor(colors.HexColor(palette.note))
    # Not content: a screen reader skips artifacts, and announces pages by itself.
    with marked(canvas, HEADER):
        if running_head:
            canvas.setFont(fonts.regular, size)
            lines = running_head_lines(
                fonts.printable(running_head), fonts.regular, size, text_width
            )
            for index, line in enumerate(reversed(lines)):  # the last line sits on the baseline
                canvas.drawString(MARGIN_SIDE, height - HEAD_BASELINE + index * size * 1.2, line)
        canvas.setStrokeColor(colors.HexColor(palette.rule))
        canvas.setLineWidth(0.5)
        rule_y = height - HEAD_BASELINE - 0.25 * cm
        canvas.line(MARGIN_SIDE, rule_y, width - MARGIN_SIDE, rule_y)
    with marked(canvas, FOOTER):
        canvas.setFont(fonts.regular, size)
        label = f"Page {page} of {total}" if total else f"Page {page}"
        canvas.drawRightString(width - MARGIN_SIDE, FOOT_BASELINE, label)
    canvas.restoreState()


HEAD_LINES = 2
"""Lines the running head may take above its rule."""


def running_head_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """The running head wrapped to ``width`` at ``size``: at most two lines, the second cut
    short with an ellipsis when the head is longer still. Never wider than ``width``."""
    lines = simpleSplit(text, font, size, width)
    if len(lines) <= HEAD_LINES:
        return lines
    kept, rest = lines[: HEAD_LINES - 1], " ".join(lines[HEAD_LINES - 1 :])
    while rest and pdfmetrics.stringWidth(rest + "\u2026", font, size) > width:
        rest = rest[:-1]
    return [*kept, rest.rstrip() + "\u2026"]


def page_of(anchor_pages: Mapping[str, int], anchor: str) -> str:
    """The page number of ``anchor`` as printed in the contents ("" when not known yet)."""
    page = anchor_pages.get(anchor)
    return str(page) if page else ""


@functools.lru_cache(maxsize=4)
def text_styles(styles: Styles, fonts: FontNames) -> Mapping[str, TextStyle]:
    """The paragraph styles, named by ``ParagraphStyle`` value and by role: the same objects
    for both passes of a report, so what is parsed in one style is parsed once (``parsed``)."""
    palette, sizes = styles.palette, styles.sizes
    text, primary = colors.HexColor(palette.text), colors.HexColor(palette.primary)
    note = colors.HexColor(palette.note)
    body = TextStyle(
        "body",
        fontName=fonts.regular,
        fontSize=sizes.body,
        leading=sizes.body * 1.4,
        textColor=text,
        spaceAfter=sizes.body * 0.6,
        # no paragraph's last line alone at the top of a page (nor its first alone at the
        # foot): Word's widow and orphan control, so both documents break alike
        allowWidows=0,
        allowOrphans=0,
        # a line as long as the text is wide, as Word and LibreOffice set it: reportlab would
        # squeeze each space by up to 5% to fit another word, running the line into the margin
        spaceShrinkage=0,
    )

    def derive(name: str, **kw: object) -> TextStyle:
        return TextStyle(name, parent=body, **kw)

    def heading(level: int, size: float) -> TextStyle:
        return derive(
            f"heading{level}",
            fontName=fonts.bold,
            fontSize=size,
            leading=size * 1.25,
            textColor=primary,
            spaceBefore=size * 0.8,
            spaceAfter=size * 0.4,
            keepWithNext=1,
        )

    table_size = sizes.table
    cell = derive("cell", fontSize=table_size, leading=table_size * 1.3, spaceAfter=0)
    return {
        ParagraphStyle.BODY.value: body,
        ParagraphStyle.LEAD.value: derive(
            "lead",
            fontSize=sizes.body * 1.2,
            leading=sizes.body * 1.2 * 1.4,
            spaceAfter=sizes.body,
        ),
        ParagraphStyle.NOTE.value: derive(
            "note",
            fontSize=sizes.note,
            leading=sizes.note * 1.4,
            textColor=note,
        ),
        ParagraphStyle.TITLE.value: derive(
            "title",
            fontName=fonts.bold,
            fontSize=sizes.title,
            leading=sizes.title * 1.2,
            textColor=primary,
            spaceAfter=sizes.title * 0.5,
        ),
        ParagraphStyle.SUBTITLE.value: derive(
            "subtitle",
            fontSize=sizes.heading2,
            leading=sizes.heading2 * 1.35,
            textColor=note,
            spaceAfter=sizes.heading2 * 0.6,
        ),
        "heading1": heading(1, sizes.heading1),
        "heading2": heading(2, sizes.heading2),
        "heading3": heading(3, sizes.heading3),
        # items set close, and 3 pt after the list, as Word's List Bullet style sets them (its
        # contextual spacing drops the space between items), so both documents break pages alike
        "bullet": derive("bullet", spaceAfter=0),
        "caption": derive("caption", fontName=fonts.bold, spaceBefore=4, spaceAfter=4),
        "figure_caption": derive(
            "figure-caption",
            fontSize=sizes.note,
            leading=sizes.note * 1.4,
            textColor=note,
            spaceBefore=3,
            spaceAfter=sizes.body,
        ),
        "cell": cell,
        "cell_header": TextStyle("cell-header", parent=cell, textColor=colors.white),
        "callout": derive("callout", spaceAfter=2),
        "contents1": derive("contents1", fontName=fonts.bold, spaceAfter=0),
        "contents2": derive("contents2", leftIndent=sizes.body * 1.5, spaceAfter=0),
    }
