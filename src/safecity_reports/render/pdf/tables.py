"""The PDF renderer's grid-like blocks: data tables, the contents list and the callout panel.

``TableParts`` is the part of ``render_pdf``'s story that makes them. Each table's rows and
cells become TR, TH and TD elements of its Table (a header cell a TH for its column, a row
header a TH for its row, with the rows and columns it spans); the contents list is a TOC whose
entries link to their headings; the panel is a Div of paragraphs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle as TextStyle
from reportlab.platypus import Flowable, TableStyle

from safecity_reports.layout.document import Align, Callout, Cell, Contents, Spans, Table
from safecity_reports.layout.grid import table_grid
from safecity_reports.reading.glyphs import printed
from safecity_reports.render.columns import CellFonts, column_widths
from safecity_reports.render.pdf.flowables import CaptionedTable, TaggedParagraph, TaggedTable
from safecity_reports.render.pdf.furniture import FontNames, frame_size, page_of
from safecity_reports.render.pdf.long_tables import TableSpec, table_flowable
from safecity_reports.render.pdf.markup import escape
from safecity_reports.render.pdf.tags import REPEATED, Element, Slot, StructureTree
from safecity_reports.styles import Palette, Styles
from safecity_reports.styles.contrast import text_on

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

CELL_PADDING = 4
"""Points between a table cell's text and its left and right edges."""

_ALIGNMENT = {Align.LEFT: TA_LEFT, Align.RIGHT: TA_RIGHT, Align.CENTRE: TA_CENTER}


def text_markup(text: str, fonts: FontNames | None = None) -> str:
    """``text`` as paragraph markup that prints exactly as typed, line breaks kept.

    Control characters that cannot appear in XML (pasted in from a spreadsheet) are dropped.
    A character ``fonts`` cannot draw is drawn in their fallback font, or printed as its name
    (``reading.glyphs.printed``, the rule the workbook check warns by), never as a box.
    """
    text = _NOT_XML.sub("", text).replace("\r\n", "\n").replace("\t", " ")
    if (
        fonts is None
        or not fonts.drawable
        or text.isascii()  # the fonts draw every printable ASCII character; checked at C speed
        or all(ord(c) in fonts.drawable for c in text)
    ):
        return _lines(text)
    family, drawable = fonts.fallback()
    return "".join(
        f'<font name="{family}">{_lines(piece)}</font>' if in_fallback else _lines(piece)
        for piece, in_fallback in printed(text, fonts.drawable, drawable)
    )


def _lines(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def href(anchor: str) -> str:
    return escape(f"#{anchor}", quotes=True)


class TableParts:
    """Makes the table-like blocks for a story that provides the attributes below."""

    tree: StructureTree
    styles: Styles
    palette: Palette
    fonts: FontNames
    text: Mapping[str, TextStyle]
    template: str
    anchor_pages: Mapping[str, int]
    tables_made: int
    """Tables made so far, in story order: a table's index, as Word counts its tables."""

    def markup(self, spans: Spans, link_colour: str = "") -> str:
        raise NotImplementedError

    def content(self, role: str, spans: Spans, parent: Element | None = None, **kw: object) -> Slot:
        raise NotImplementedError

    def paragraph(
        self, spans: Spans, style: TextStyle, slot: Slot | None = None
    ) -> TaggedParagraph:
        raise NotImplementedError

    def table(self, table: Table) -> Flowable:
        width, _ = frame_size(self.template)
        n_header = len(table.header)
        element = self.tree.element("Table")
        caption_slot = self.tree.content("Caption", element) if table.caption else None
        grid, spans, fills = self.table_grid(table, element)
        commands: list[tuple] = [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, n_header), (-1, -1), 0.5, colors.HexColor(self.palette.rule)),
        ]
        if n_header:
            last = n_header - 1
            commands += [
                ("BACKGROUND", (0, 0), (-1, last), colors.HexColor(self.palette.header_fill)),
                ("INNERGRID", (0, 0), (-1, last), 0.5, colors.white),
                ("VALIGN", (0, 0), (-1, last), "BOTTOM"),
            ]
        flowable = table_flowable(
            TableSpec(
                grid=grid,
                header_rows=n_header,
                col_widths=column_widths(table, width, self.cell_fonts()),
                commands=commands,
                spans=spans,
                cell_commands=[
                    (row, column, ("BACKGROUND", colors.HexColor(fill)))
                    for row, column, fill in fills
                ],
                rules_above=[
                    (n_header + group, 1.25, self.palette.primary)
                    for group in table.row_groups
                    if 0 < group < len(table.rows)
                ],
                frame_height=frame_size(self.template)[1],
                space_after=self.styles.sizes.body,
            )
        )
        if not table.caption:
            self.tables_made += 1  # counted, as Word counts every table
            return flowable
        caption = TaggedParagraph(
            text_markup(table.caption, self.fonts), self.text["caption"], slot=caption_slot
        )
        continued = TaggedParagraph(
            f"{text_markup(table.caption, self.fonts)} (continued)",
            self.text["caption"],
            slot=REPEATED,
        )
        index = self.tables_made
        self.tables_made += 1
        return CaptionedTable(caption, flowable, continued, index)

    def table_grid(
        self, table: Table, element: Element
    ) -> tuple[list[list[object]], list[tuple[int, int, int, int]], list[tuple[int, int, str]]]:
        """The cells placed on a full grid (covered cells left empty), the (first column,
        first row, last column, last row) of each cell that spans several, and the (row, column,
        colour) of each cell filled with a rating's colour.

        Each row becomes a TR of ``element``; a header cell is a TH for its column, a row header
        a TH for its row, with the rows and columns it spans. Raises ``TableShapeError`` if a
        cell's span runs past the table.
        """
        placed = table_grid(table)
        grid: list[list[object]] = [[""] * len(table.widths) for _ in placed]
        spans: list[tuple[int, int, int, int]] = []
        fills: list[tuple[int, int, str]] = []
        for row in placed:
            tr = self.tree.element("TR", element)
            for place in row:
                cell = place.cell
                bold = place.header or cell.row_header
                # a link on the header's fill takes the header's text colour, underlined
                markup = self.markup(cell.spans, "#FFFFFF" if place.header else "")
                if cell.fill is not None:  # a rating's colour, its text black or white on it
                    fill = self.styles.rating(cell.fill.value).fill
                    markup = f'<font color="{text_on(fill)}">{markup}</font>'
                    fills.append((place.row, place.column, fill))
                grid[place.row][place.column] = TaggedParagraph(
                    f"<b>{markup}</b>" if bold else markup,
                    self.cell_style(cell.align, header=place.header),
                    slot=self.content(
                        "TH" if bold else "TD",
                        cell.spans,
                        tr,
                        **_cell_attributes(cell, place.header),
                    ),
                )
                if place.spans_several:
                    spans.append((place.column, place.row, place.last_column, place.last_row))
        return grid, spans, fills

    def cell_fonts(self) -> CellFonts:
        """How table cells print, for their columns' widths."""
        styles = self.styles
        return CellFonts(styles.font_regular, styles.font_bold, styles.sizes.table, CELL_PADDING)

    def cell_style(self, align: Align, header: bool) -> TextStyle:
        return _cell_style(self.text["cell_header" if header else "cell"], align)

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

    def contents(self, contents: Contents) -> Flowable:
        width, _ = frame_size(self.template)
        page_width = 1.5 * self.styles.sizes.body * 2
        rows: list[list[object]] = []
        spaced: list[tuple[int, tuple[object, ...]]] = []
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
            target = href(anchor)
            style = self.text["contents1" if level <= 1 else "contents2"]
            page = page_of(self.anchor_pages, anchor)
            label = f'<a href="{target}">{text_markup(text, self.fonts)}</a>'
            number = f'<a href="{target}">{page}</a>'
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
                spaced.append((index, ("TOPPADDING", 7)))
        return table_flowable(
            TableSpec(
                grid=rows,
                header_rows=0,
                col_widths=[width - page_width, page_width],
                commands=commands,
                spans=[],
                rules_above=[],
                frame_height=frame_size(self.template)[1],
                space_after=0,
                row_commands=spaced,
            )
        )


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


@functools.lru_cache(maxsize=64)
def _cell_style(base: TextStyle, align: Align) -> TextStyle:
    """A cell's style: made once for each base style and alignment (a report has tens of
    thousands of cells)."""
    return TextStyle(f"{base.name}-{align.value}", parent=base, alignment=_ALIGNMENT[align])
