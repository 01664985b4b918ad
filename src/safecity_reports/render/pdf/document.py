"""Draw a ``Document`` as an accessible PDF with reportlab's platypus.

The layout is decided in ``layout``; this module only draws its blocks, one flowable (or one
``KeepTogether``) per block. As it makes the flowables it builds the PDF's structure tree from
the same blocks, in reading order (``pdf_tags``): each flowable draws into its own element.
Every piece of text is escaped before markup is added: what a partnership types prints as typed.

The document is built twice: the first pass counts the pages and finds the page of each heading,
the second prints "Page X of Y" and the contents' page numbers, marks its content and is tagged.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import pikepdf
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle as TextStyle
from reportlab.lib.units import cm, inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, ListItem, NextPageTemplate, Spacer
from reportlab.platypus import KeepTogether as KeepTogetherFlowable
from reportlab.platypus import PageBreak as PageBreakFlowable

from safecity_reports.errors import ReportError
from safecity_reports.layout.document import (
    Block,
    BulletList,
    Callout,
    Chart,
    Contents,
    Document,
    FigureBlock,
    Heading,
    KeepTogether,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Spans,
    Table,
    Tone,
)
from safecity_reports.layout.thin_pages import closable_breaks, moved_places, without_breaks
from safecity_reports.render.pdf.flowables import (
    FigureImage,
    HeadedGroup,
    HeadingFlowable,
    LazyStory,
    TaggedListFlowable,
    TaggedParagraph,
    ThinPageBreak,
    forget_lines,
)
from safecity_reports.render.pdf.fonts import mend_unicode_maps
from safecity_reports.render.pdf.furniture import (
    LANDSCAPE,
    PORTRAIT,
    FontNames,
    ReportTemplate,
    frame_size,
    register_fonts,
    text_styles,
)
from safecity_reports.render.pdf.images import embed_deferred
from safecity_reports.render.pdf.markup import escape
from safecity_reports.render.pdf.page_starts import tag_block
from safecity_reports.render.pdf.tables import TableParts, href, text_markup
from safecity_reports.render.pdf.tags import (
    Element,
    Slot,
    StructureTree,
    TaggedCanvas,
    save_tagged,
    write_structure,
)
from safecity_reports.styles import Styles
from safecity_reports.styles.contrast import text_on


@dataclass(frozen=True)
class PageCount:
    """What the first pass learns: how many pages there are and where each heading is."""

    pages: int
    anchor_pages: Mapping[str, int]
    table_parts: Mapping[int, tuple[int, ...]] = field(default_factory=dict)
    """For each table the PDF breaks over pages (by its place among the document's tables,
    from 0), the rows of its body on each page: Word breaks it at the same rows, each part after
    the first under its caption marked '(continued)'."""
    page_starts: Mapping[tuple[int, ...], float] = field(default_factory=dict)
    """For each block that starts a page, by its place (among the document's blocks, then
    among those of each group kept together it lies in), the room left at the foot of the page
    before, in points (``render/pdf/page_starts``)."""
    closed_breaks: frozenset[int] = frozenset()
    """The places of the page breaks closed up because the page each would end is thin
    (``layout/thin_pages``): the document drawn is the one without them."""

    def closed_up(self, document: Document) -> tuple[Document, PageCount]:
        """``document`` (the one counted) without the page breaks this pass closed up, and this
        count with the places in it as they are there: laid out again, it makes the same
        pages (each break left is one this pass made, its page as full)."""
        if not self.closed_breaks:
            return document, self
        fitted = without_breaks(document, self.closed_breaks)
        starts = moved_places(self.page_starts, self.closed_breaks)
        return fitted, replace(self, page_starts=starts, closed_breaks=frozenset())


def count_pages(document: Document, styles: Styles) -> PageCount:
    """Lay ``document`` out once, pictures as empty boxes of their size, to count its pages and
    find each heading's page. It needs no chart image, so it can run while they are drawn."""
    fonts = register_fonts(styles)
    counting = ReportTemplate(io.BytesIO(), document, styles, fonts, total_pages=None)
    counting.build(
        _Story(document, {}, styles, fonts, {}, StructureTree(), draft=True).flowables(),
        canvasmaker=_CountingCanvas,
    )
    parts = {i: tuple(rows) for i, rows in counting.table_parts.items() if len(rows) > 1}
    return PageCount(
        counting.page,
        dict(counting.anchor_pages),
        parts,
        dict(counting.page_starts.starts),
        frozenset(counting.closed_breaks),
    )


class _CountingCanvas(Canvas):
    """The first pass's canvas: its pages are counted, never written (formatting and compressing
    a thrown-away file was most of the first pass's time in a long report), and nothing is
    drawn on them (``flowables.counting``)."""

    counting = True

    def save(self) -> None:
        pass


def write_pdf(
    document: Document,
    images: Mapping[Chart, Path],
    path: Path,
    styles: Styles,
    *,
    tagged: bool = True,
    pages: PageCount | None = None,
    drawing: Callable[[Path], None] | None = None,
) -> None:
    """Write ``document`` to ``path`` as a tagged PDF, drawing each chart from its PNG in ``images``.

    ``pages`` is the first pass's count (made here if not given); ``tagged=False`` leaves out
    the marked content and the structure tree (to measure their cost). ``drawing``, when the
    charts are still being drawn, returns once the chart whose image is at the path it is given
    has its PDF drawing there (and raises if the drawing failed): every chart is then laid out
    as the drawing it will be, and waited for only as it is put in, once the pages are made.
    Raises ``ReportError`` when a figure's chart has no image or a table's cells do not fit
    its columns.
    """
    # Binary streams: ASCII85 text encoding makes the file a quarter larger, and reportlab's
    # pure-Python encoder was a third of the PDF's build time.
    rl_config.useA85 = 0
    pages = pages or count_pages(document, styles)
    fonts = register_fonts(styles)
    tree = StructureTree()
    story = _Story(document, images, styles, fonts, pages.anchor_pages, tree)
    story.promised = drawing is not None and tagged
    flowables = story.flowables()
    if not tagged:
        ReportTemplate(str(path), document, styles, fonts, pages.pages).build(flowables)
        forget_lines()
        return
    # Written to a file and read back as needed, with the charts' pixels put in only then: a
    # report of thousands of charts is a file of hundreds of megabytes.
    with tempfile.TemporaryFile() as untagged, ExitStack() as charts:
        final = ReportTemplate(untagged, document, styles, fonts, total_pages=pages.pages)
        final.build(flowables, canvasmaker=partial(TaggedCanvas, structure=tree))
        forget_lines()
        untagged.seek(0)
        with pikepdf.open(untagged) as pdf:
            # the structure tree before the charts, which may still be being drawn: what is
            # left once the last is drawn is to put it in, mend the fonts and save
            write_structure(pdf, tree)
            embed_deferred(pdf, charts, drawing)
            mend_unicode_maps(pdf)
            save_tagged(pdf, path)


class _Story(TableParts):
    """Turns the document's blocks into flowables, tracking the page orientation as it goes."""

    def __init__(
        self,
        document: Document,
        images: Mapping[Chart, Path],
        styles: Styles,
        fonts: FontNames,
        anchor_pages: Mapping[str, int],
        tree: StructureTree,
        draft: bool = False,
    ):
        self.document = document
        self.draft = draft
        """Counting pages only: pictures take their space but are not decoded and drawn."""
        self.tree = tree
        self.images = images
        self.styles = styles
        self.palette = styles.palette
        self.fonts = fonts
        self.anchor_pages = anchor_pages
        self.template = PORTRAIT
        self.outline_level = -1
        self.text = text_styles(styles, fonts)
        self.tables_made = 0
        """How many of the document's tables have been made, in order."""
        self.promised = False
        """Each chart is placed as its PDF drawing, there or still being drawn (``write_pdf``'s
        ``drawing``), without looking for it."""

    def flowables(self) -> LazyStory:
        """The story, each block's flowables made only when reportlab comes to them."""
        return LazyStory(self._each_flowable())

    def _each_flowable(self) -> Iterator[Flowable]:
        if self.styles.logo is not None:
            yield self.logo(self.styles.logo)
        heads: list[Flowable] = []  # headings (and a note under one) waiting for what they head
        closable = closable_breaks(self.document)
        for index, block in enumerate(self.document.blocks):
            if isinstance(block, PageBreak) and index in closable:
                made = [ThinPageBreak(index)]  # a new page only where this one is full enough
            else:
                made = self.block(block)
            tag_block(made, (index,))
            for flowable in made:
                note = isinstance(block, Paragraph) and block.style is ParagraphStyle.NOTE
                if heads and note and isinstance(heads[-1], HeadingFlowable):
                    heads.append(flowable)  # 'Key action: ...' under a measure's heading
                elif heads and type(flowable) is KeepTogetherFlowable:
                    # a heading goes with the group it heads (reportlab would not keep them)
                    parts = getattr(flowable, "parts", None) or list(flowable._content)
                    yield HeadedGroup(heads, list(flowable._content), parts)
                    heads = []
                elif isinstance(flowable, HeadingFlowable):
                    heads.append(flowable)
                else:
                    if len(heads) > 1 and not isinstance(heads[-1], HeadingFlowable):
                        # the key action under a heading goes with what it introduces, as the
                        # heading does (and as in Word): never the two alone at a page's foot
                        heads[-1].keepWithNext = 1
                    yield from heads
                    heads = []
                    yield flowable
        yield from heads

    def block(self, block: Block) -> list[Flowable]:
        match block:
            case Heading():
                return [self.heading(block)]
            case Paragraph():
                slot = self.content("Note", block.spans, id=block.note) if block.note else None
                return [self.paragraph(block.spans, self.text[block.style.value], slot)]
            case BulletList():
                return [self.bullets(block)]
            case Table():
                return [self.table(block)]
            case FigureBlock():
                return [self.figure(block)]
            case Callout():
                return [self.callout(block)]
            case Contents():
                return [self.contents(block)]
            case PageBreak():
                return self.page_break(block)
            case KeepTogether():
                # reportlab mis-measures a KeepTogether nested in another (a figure kept with
                # its caption, inside a title kept with its figure) and breaks the page early
                parts = []
                for number, part in enumerate(block.blocks):
                    made = self.block(part)
                    tag_block(made, (number,))
                    parts.extend(made)
                inner = []
                for flowable in parts:
                    if type(flowable) is KeepTogetherFlowable:
                        inner.extend(flowable._content)
                    else:
                        inner.append(flowable)
                group = KeepTogetherFlowable(inner)
                group.parts = parts  # as made, each inner group whole: for a HeadedGroup
                return [group]
        raise TypeError(f"render_pdf cannot draw a {type(block).__name__}")

    # Text

    def markup(self, spans: Spans, link_colour: str = "") -> str:
        """Reportlab paragraph markup for ``spans``, every piece of text escaped first; links
        in ``link_colour`` (the primary colour by default; a header's text colour on its fill)."""
        parts = []
        for span in spans:
            text = text_markup(span.text, self.fonts)
            if span.bold or span.tone is not None:
                text = f"<b>{text}</b>"
            if span.tone is not None:
                text = f'<font color="{self.tone_colour(span.tone)}">{text}</font>'
            if span.fill is not None:  # a rating's colour, its text black or white to contrast
                fill = self.styles.rating(span.fill.value).fill
                text = f'<font color="{text_on(fill)}" backColor="{fill}">{text}</font>'
            if span.link:
                # Underlined as well as coloured: colour alone must not carry meaning.
                text = (
                    f'<a href="{href(span.link)}" color="{link_colour or self.palette.primary}">'
                    f"<u>{text}</u></a>"
                )
            if span.anchor:  # a destination for links (a note, or the mark that cites it)
                text = f'<a name="{escape(span.anchor, quotes=True)}"/>{text}'
            parts.append(text)
        return "".join(parts)

    def tone_colour(self, tone: Tone) -> str:
        return {
            Tone.GOOD: self.palette.good,
            Tone.BAD: self.palette.bad,
            Tone.NEUTRAL: self.palette.neutral,
        }[tone]

    def content(self, role: str, spans: Spans, parent: Element | None = None, **kw: object) -> Slot:
        """A new ``role`` element for ``spans``, knowing the text of the links among them.

        Text that is all one link (a measure's reference in the summary) is drawn into a Link
        inside the element, with its annotation. A link in part of a paragraph gets a Link
        holding only its annotation: reportlab draws a paragraph's lines as one text object.
        """
        links = {span.link: span.text for span in spans if span.link}
        if spans and len(links) == 1 and all(span.link for span in spans):
            element = self.tree.element(role, parent, **kw)
            return self.tree.content("Link", element, links=links)
        return self.tree.content(role, parent, links=links, **kw)

    def paragraph(
        self, spans: Spans, style: TextStyle, slot: Slot | None = None
    ) -> TaggedParagraph:
        return TaggedParagraph(self.markup(spans), style, slot=slot or self.content("P", spans))

    def heading(self, heading: Heading) -> HeadingFlowable:
        # An outline entry may not skip a level: an h3 straight under an h1 nests one deep.
        level = max(0, min(heading.level - 1, self.outline_level + 1))
        self.outline_level = level
        style = self.text["title" if heading.cover else f"heading{min(max(heading.level, 1), 3)}"]
        slot = self.tree.content(f"H{min(max(heading.level, 1), 6)}")
        return HeadingFlowable(text_markup(heading.text, self.fonts), style, heading, level, slot)

    def bullets(self, bullets: BulletList) -> TaggedListFlowable:
        # L > LI > (Lbl, LBody); a sub-bullet's list sits in its parent item's LBody.
        outer = self.tree.element("L")
        items: list[tuple[TaggedParagraph, list[TaggedParagraph]]] = []
        inner: Element | None = None
        for level, spans in bullets.items:
            nested = level >= 2 and bool(items)
            if nested and inner is None:
                inner = self.tree.element("L", items[-1][0].slot.element)  # type: ignore[union-attr]
            elif not nested:
                inner = None
            item = self.tree.element("LI", inner if nested else outer)
            label = self.tree.slot(self.tree.element("Lbl", item))
            body = self.content("LBody", spans, item)
            para = self.paragraph(spans, self.text["bullet"], body)
            para.label = label
            if nested:
                items[-1][1].append(para)
            else:
                items.append((para, []))
        list_items = []
        for para, subitems in items:
            content: list[Flowable] = [para]
            if subitems:
                content.append(self.list_flowable(subitems, "\u2013", indent=14))
            list_items.append(ListItem(content))
        return self.list_flowable(list_items, "\u2022", indent=14)

    def list_flowable(self, items: list, bullet: str, indent: float) -> TaggedListFlowable:
        flowable = TaggedListFlowable(
            items,
            bulletType="bullet",
            start=bullet,
            leftIndent=indent,
            bulletFontName=self.fonts.regular,
            bulletFontSize=self.styles.sizes.body,
            bulletColor=colors.HexColor(self.palette.primary),
            spaceAfter=3,
        )
        return flowable

    # Panels and pictures

    def figure(self, figure: FigureBlock) -> KeepTogetherFlowable:
        path = Path()
        if not self.draft:
            try:
                path = self.images[figure.chart]
            except KeyError:
                message = f"no image was drawn for the chart {figure.chart.title!r}"
                raise ReportError(message) from None
        frame_width, frame_height = frame_size(self.template)
        # Every chart is drawn at the styles' size, so the first pass knows it before they are.
        image_width, image_height = self.styles.chart_size
        # at its own size (its text then prints at the sizes it was drawn for), as Word places it
        width = min(frame_width, image_width * inch)
        height = width * image_height / image_width
        # On a landscape page a full-width chart would fill the page: leave room for its caption.
        if height > 0.7 * frame_height:
            height = 0.7 * frame_height
            width = height * image_width / image_height
        image = self.picture(path, width, height, figure.alt)
        if isinstance(image, FigureImage):
            image.promised = self.promised
        caption = TaggedParagraph(
            text_markup(figure.caption, self.fonts),
            self.text["figure_caption"],
            slot=self.tree.content("P"),
        )
        return KeepTogetherFlowable([image, caption])

    def picture(self, path: Path, width: float, height: float, alt: str) -> Flowable:
        if self.draft:
            return Spacer(width, height)
        return FigureImage(path, width, height, self.tree.content("Figure", alt=alt))

    def logo(self, path: Path) -> Flowable:
        """The publisher's logo at the top of the title page, at most 4 cm by 2 cm."""
        image_width, image_height = ImageReader(str(path)).getSize()
        scale = min(4 * cm / image_width, 2 * cm / image_height)
        alt = f"Logo of {self.document.author}"
        image = self.picture(path, image_width * scale, image_height * scale, alt)
        image.hAlign = "LEFT"
        image.spaceAfter = 12
        return image

    def page_break(self, page_break: PageBreak) -> list[Flowable]:
        template = LANDSCAPE if page_break.landscape else PORTRAIT
        flowables: list[Flowable] = []
        if template != self.template:
            flowables.append(NextPageTemplate(template))
            self.template = template
        flowables.append(PageBreakFlowable())
        return flowables
