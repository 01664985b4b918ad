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
import re
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle as TextStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, ListItem, NextPageTemplate, TableStyle
from reportlab.platypus import KeepTogether as KeepTogetherFlowable
from reportlab.platypus import PageBreak as PageBreakFlowable

from .document import (
    Align,
    Block,
    BulletList,
    Callout,
    Cell,
    Chart,
    Contents,
    Document,
    FigureBlock,
    Heading,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spans,
    Table,
    Tone,
)
from .errors import ReportError
from .pdf_flowables import (
    CaptionedTable,
    FigureImage,
    HeadingFlowable,
    ReportTable,
    TaggedListFlowable,
    TaggedParagraph,
    TaggedTable,
)
from .pdf_furniture import (
    LANDSCAPE,
    PORTRAIT,
    FontNames,
    ReportTemplate,
    frame_size,
    page_of,
    register_fonts,
    text_styles,
)
from .pdf_tags import REPEATED, Element, Slot, StructureTree, TaggedCanvas, add_structure
from .styles import Styles

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_ALIGNMENT = {Align.LEFT: TA_LEFT, Align.RIGHT: TA_RIGHT, Align.CENTRE: TA_CENTER}


def text_markup(text: str) -> str:
    """``text`` as paragraph markup that prints exactly as typed, line breaks kept.

    Control characters that cannot appear in XML (pasted in from a spreadsheet) are dropped.
    """
    text = _NOT_XML.sub("", text).replace("\r\n", "\n").replace("\t", " ")
    return escape(text).replace("\n", "<br/>")


def _href(anchor: str) -> str:
    return escape(f"#{anchor}", {'"': "&quot;"})


def write_pdf(
    document: Document,
    images: Mapping[Chart, Path],
    path: Path,
    styles: Styles,
    *,
    tagged: bool = True,
) -> None:
    """Write ``document`` to ``path`` as a tagged PDF, drawing each chart from its PNG in ``images``.

    ``tagged=False`` leaves out the marked content and the structure tree (to measure their cost).
    Raises ``ReportError`` when a figure's chart has no image or a table's cells do not fit its
    columns.
    """
    fonts = register_fonts(styles)
    # First pass: count the pages and find each heading's page (nothing is marked).
    counting = ReportTemplate(io.BytesIO(), document, styles, fonts, total_pages=None)
    counting.build(_Story(document, images, styles, fonts, {}, StructureTree()).flowables())
    tree = StructureTree()
    story = _Story(document, images, styles, fonts, counting.anchor_pages, tree).flowables()
    if not tagged:
        ReportTemplate(str(path), document, styles, fonts, counting.page).build(story)
        return
    buffer = io.BytesIO()
    final = ReportTemplate(buffer, document, styles, fonts, total_pages=counting.page)
    final.build(story, canvasmaker=partial(TaggedCanvas, structure=tree))
    add_structure(buffer.getvalue(), path, tree)


class _Story:
    """Turns the document's blocks into flowables, tracking the page orientation as it goes."""

    def __init__(
        self,
        document: Document,
        images: Mapping[Chart, Path],
        styles: Styles,
        fonts: FontNames,
        anchor_pages: Mapping[str, int],
        tree: StructureTree,
    ):
        self.document = document
        self.tree = tree
        self.images = images
        self.styles = styles
        self.palette = styles.palette
        self.fonts = fonts
        self.anchor_pages = anchor_pages
        self.template = PORTRAIT
        self.outline_level = -1
        self.text = text_styles(styles, fonts)

    def flowables(self) -> list[Flowable]:
        story: list[Flowable] = []
        for block in self.document.blocks:
            story.extend(self.block(block))
        return story

    def block(self, block: Block) -> list[Flowable]:
        match block:
            case Heading():
                return [self.heading(block)]
            case Paragraph():
                return [self.paragraph(block.spans, self.text[block.style.value])]
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
                inner = []
                for flowable in (f for b in block.blocks for f in self.block(b)):
                    if type(flowable) is KeepTogetherFlowable:
                        inner.extend(flowable._content)
                    else:
                        inner.append(flowable)
                return [KeepTogetherFlowable(inner)]
        raise TypeError(f"render_pdf cannot draw a {type(block).__name__}")

    # Text

    def markup(self, spans: Spans) -> str:
        """Reportlab paragraph markup for ``spans``, every piece of text escaped first."""
        parts = []
        for span in spans:
            text = text_markup(span.text)
            if span.bold or span.tone is not None:
                text = f"<b>{text}</b>"
            if span.tone is not None:
                text = f'<font color="{self.tone_colour(span.tone)}">{text}</font>'
            if span.link:
                # Underlined as well as coloured: colour alone must not carry meaning.
                text = (
                    f'<a href="{_href(span.link)}" color="{self.palette.primary}"><u>{text}</u></a>'
                )
            parts.append(text)
        return "".join(parts)

    def tone_colour(self, tone: Tone) -> str:
        return {
            Tone.GOOD: self.palette.good,
            Tone.BAD: self.palette.bad,
            Tone.NEUTRAL: self.palette.neutral,
        }[tone]

    def content(
        self, role: str, spans: Spans, parent: Element | None = None, **kw: object
    ) -> Slot:
        """A new ``role`` element for ``spans``, knowing the text of the links among them."""
        links = {span.link: span.text for span in spans if span.link}
        return self.tree.content(role, parent, links=links, **kw)

    def paragraph(
        self, spans: Spans, style: TextStyle, slot: Slot | None = None
    ) -> TaggedParagraph:
        return TaggedParagraph(self.markup(spans), style, slot=slot or self.content("P", spans))

    def heading(self, heading: Heading) -> HeadingFlowable:
        # An outline entry may not skip a level: an h3 straight under an h1 nests one deep.
        level = max(0, min(heading.level - 1, self.outline_level + 1))
        self.outline_level = level
        style = self.text[f"heading{min(max(heading.level, 1), 3)}"]
        slot = self.tree.content(f"H{min(max(heading.level, 1), 6)}")
        return HeadingFlowable(text_markup(heading.text), style, heading, level, slot)

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
            spaceAfter=4,
        )
        return flowable

    # Tables

    def table(self, table: Table) -> Flowable:
        width, _ = frame_size(self.template)
        total = sum(table.widths) or 1
        col_widths = [width * w / total for w in table.widths]
        n_header = len(table.header)
        element = self.tree.element("Table")
        caption_slot = self.tree.content("Caption", element) if table.caption else None
        grid, spans = self.table_grid(table, element)
        commands: list[tuple] = [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, n_header), (-1, -1), 0.5, colors.HexColor(self.palette.rule)),
            *spans,
        ]
        if n_header:
            last = n_header - 1
            commands += [
                ("BACKGROUND", (0, 0), (-1, last), colors.HexColor(self.palette.header_fill)),
                ("INNERGRID", (0, 0), (-1, last), 0.5, colors.white),
                ("VALIGN", (0, 0), (-1, last), "BOTTOM"),
            ]
        for group in table.row_groups:
            if 0 < group < len(table.rows):
                row = n_header + group
                commands.append(
                    ("LINEABOVE", (0, row), (-1, row), 1.25, colors.HexColor(self.palette.primary))
                )
        flowable = ReportTable(
            grid,
            colWidths=col_widths,
            repeatRows=n_header,
            hAlign="LEFT",
            splitInRow=0,
            frame_height=frame_size(self.template)[1],
        )
        flowable.setStyle(TableStyle(commands))
        flowable.spaceAfter = self.styles.sizes.body
        if not table.caption:
            return flowable
        caption = TaggedParagraph(
            text_markup(table.caption), self.text["caption"], slot=caption_slot
        )
        continued = TaggedParagraph(
            f"{text_markup(table.caption)} (continued)", self.text["caption"], slot=REPEATED
        )
        return CaptionedTable(caption, flowable, continued)

    def table_grid(self, table: Table, element: Element) -> tuple[list[list[object]], list[tuple]]:
        """The cells placed on a full grid (covered cells left empty), and their SPAN commands.

        Each row becomes a TR of ``element``; a header cell is a TH for its column, a row header
        a TH for its row, with the rows and columns it spans.
        """
        n_cols = len(table.widths)
        rows = (*table.header, *table.rows)
        grid: list[list[object]] = [[""] * n_cols for _ in rows]
        covered: set[tuple[int, int]] = set()
        spans: list[tuple] = []
        for r, row in enumerate(rows):
            is_header = r < len(table.header)
            tr = self.tree.element("TR", element)
            c = 0
            for cell in row:
                while (r, c) in covered:
                    c += 1
                last_col, last_row = c + cell.col_span - 1, r + cell.row_span - 1
                if last_col >= n_cols or last_row >= len(rows):
                    raise ReportError(
                        f"table {table.caption!r}: the cell {cell.text!r} in row {r + 1} does not "
                        f"fit the table's {n_cols} columns and {len(rows)} rows"
                    )
                style = self.cell_style(cell.align, header=is_header)
                bold = is_header or cell.row_header
                markup = self.markup(cell.spans)
                grid[r][c] = TaggedParagraph(
                    f"<b>{markup}</b>" if bold else markup,
                    style,
                    slot=self.content(
                        "TH" if bold else "TD", cell.spans, tr, **_cell_attributes(cell, is_header)
                    ),
                )
                covered.update(
                    (rr, cc) for rr in range(r, last_row + 1) for cc in range(c, last_col + 1)
                )
                if cell.row_span > 1 or cell.col_span > 1:
                    spans.append(("SPAN", (c, r), (last_col, last_row)))
                c = last_col + 1
        return grid, spans

    def cell_style(self, align: Align, header: bool) -> TextStyle:
        base = self.text["cell_header" if header else "cell"]
        return TextStyle(f"{base.name}-{align.value}", parent=base, alignment=_ALIGNMENT[align])

    # Panels and pictures

    def callout(self, callout: Callout) -> TaggedTable:
        width, _ = frame_size(self.template)
        panel_element = self.tree.element("Div")
        lines = [
            self.paragraph(spans, self.text["callout"], self.content("P", spans, panel_element))
            for spans in callout.lines
        ]
        # One cell holding every line: the panel never splits across pages.
        panel = TaggedTable([[lines]], colWidths=[width], hAlign="LEFT")
        panel.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(self.palette.stripe_fill)),
                    ("BOX", (0, 0), (-1, -1), 0.75, colors.HexColor(self.palette.rule)),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, colors.HexColor(self.palette.primary)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        panel.spaceAfter = 8
        return panel

    def figure(self, figure: FigureBlock) -> KeepTogetherFlowable:
        try:
            path = self.images[figure.chart]
        except KeyError:
            raise ReportError(f"no image was drawn for the chart {figure.chart.title!r}") from None
        frame_width, frame_height = frame_size(self.template)
        image_width, image_height = ImageReader(str(path)).getSize()
        width = frame_width
        height = width * image_height / image_width
        # On a landscape page a full-width chart would fill the page: leave room for its caption.
        if height > 0.7 * frame_height:
            height = 0.7 * frame_height
            width = height * image_width / image_height
        image = FigureImage(path, width, height, self.tree.content("Figure", alt=figure.alt))
        caption = TaggedParagraph(
            text_markup(figure.caption), self.text["figure_caption"], slot=self.tree.content("P")
        )
        return KeepTogetherFlowable([image, caption])

    def contents(self, contents: Contents) -> TaggedTable:
        width, _ = frame_size(self.template)
        page_width = 1.5 * self.styles.sizes.body * 2
        rows = []
        commands: list[tuple] = [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ]
        toc = self.tree.element("TOC")
        for index, (level, text, anchor) in enumerate(contents.entries):
            href = _href(anchor)
            style = self.text["contents1" if level <= 1 else "contents2"]
            page = page_of(self.anchor_pages, anchor)
            label = f'<a href="{href}">{text_markup(text)}</a>'
            number = f'<a href="{href}">{page}</a>'
            # TOCI > Link (the entry's text) and Link (its page number), each with its annotation.
            entry = self.tree.element("TOCI", toc)
            rows.append(
                [
                    TaggedParagraph(
                        label, style, slot=self.tree.content("Link", entry, links={anchor: text})
                    ),
                    TaggedParagraph(
                        number,
                        TextStyle("contents-page", parent=style, alignment=TA_RIGHT, leftIndent=0),
                        slot=self.tree.content(
                            "Link", entry, links={anchor: f"{text}, page {page}"}
                        ),
                    ),
                ]
            )
            if level <= 1 and index:
                commands.append(("TOPPADDING", (0, index), (-1, index), 7))
        table = TaggedTable(rows, colWidths=[width - page_width, page_width], hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        return table

    def page_break(self, page_break: PageBreak) -> list[Flowable]:
        template = LANDSCAPE if page_break.landscape else PORTRAIT
        flowables: list[Flowable] = []
        if template != self.template:
            flowables.append(NextPageTemplate(template))
            self.template = template
        flowables.append(PageBreakFlowable())
        return flowables


def _cell_attributes(cell: Cell, header: bool) -> dict[str, object]:
    """A table cell's structure attributes: what a TH heads, and the rows and columns it spans."""
    attributes: dict[str, object] = {}
    if header:
        attributes["Scope"] = "Column"
    elif cell.row_header:
        attributes["Scope"] = "Row"
    if cell.row_span > 1:
        attributes["RowSpan"] = cell.row_span
    if cell.col_span > 1:
        attributes["ColSpan"] = cell.col_span
    return {"attributes": attributes}
