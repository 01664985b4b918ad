"""Draw a laid-out ``Table`` in Word: caption, merged cells, widths, header rows, shading, rules.

The table is drawn on the "Report Table" style of the reference document, with the few direct
properties both Word and LibreOffice honour (a fixed layout, horizontal rules, cell margins).
Header rows repeat on each page and are marked for assistive technology; no row splits across
a page. Word has no mark for a row header cell: where a table's first column heads its rows,
the table's look says so ("first column"), and the cells are bold; the report's own tables
span no cells, but a ``Table`` that does is still drawn with merged cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Protocol

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.table import CT_Tbl
from docx.shared import Emu
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from safecity_reports.layout.document import Align, Cell, Spans, Table
from safecity_reports.layout.grid import table_grid
from safecity_reports.render.breaking import FEWEST_ROWS
from safecity_reports.render.columns import CellFonts, column_widths
from safecity_reports.render.docx import reference as ref
from safecity_reports.render.docx.elements import clark, new_element
from safecity_reports.render.docx.table_xml import CellFrame, RowFrame, table_element
from safecity_reports.render.docx.xml import CELL_SIDE_MARGIN, add_run, colour_text, xml_safe
from safecity_reports.styles import Styles
from safecity_reports.styles.contrast import text_on

_ALIGNMENTS: dict[Align, str] = {
    Align.LEFT: "left",
    Align.RIGHT: "right",
    Align.CENTRE: "center",
}
"""A cell's alignment as its paragraph's ``w:jc`` (as ``WD_ALIGN_PARAGRAPH`` writes it)."""
_EMU_PER_POINT = 12700


class TableHost(Protocol):
    """What drawing a table needs from the Word writer: its document and styles, and its ways
    of adding to the body and writing spans."""

    word: WordDocument
    styles: Styles

    def paragraph(self, spans: Spans, style: str) -> WordParagraph: ...

    def spans(
        self, paragraph: WordParagraph, spans: Spans, bold: bool = False, on: str = ""
    ) -> None: ...

    def style_id(self, name: str, kind: WD_STYLE_TYPE) -> str | None: ...

    def insert_table(self, tbl: CT_Tbl) -> None: ...

    def text_width(self) -> int: ...


def draw_table(host: TableHost, table: Table, parts: Sequence[int] = ()) -> None:
    """``table`` with its caption above it at the end of ``host``'s document.

    ``parts`` gives the rows of its body on each page where the PDF breaks it over pages: it is
    drawn as as many tables, each from a new page under the caption marked '(continued)' and
    its header again, as the PDF draws it (issue 25). Where the parts do not fit the table
    (another document's, or a break inside rows that span), it is drawn whole.

    Raises ``TableShapeError`` (a ``ValueError``) if a cell's span runs past the table's columns
    or rows.
    """
    starts = _part_starts(table, parts)
    if len(starts) > 1:
        for index, (start, end) in enumerate(pairwise([*starts, len(table.rows)])):
            groups = tuple(g - start for g in table.row_groups if start <= g < end)
            caption = f"{table.caption} (continued)" if index else table.caption
            part = replace(table, caption=caption, rows=table.rows[start:end], row_groups=groups)
            _draw(host, part, new_page=index > 0)
        return
    _draw(host, table)


def _part_starts(table: Table, parts: Sequence[int]) -> list[int]:
    """Where each part of ``table``'s body starts, from ``parts`` (its rows on each page), or
    [0] where it is drawn whole."""
    if len(parts) < 2 or sum(parts) != len(table.rows) or min(parts) < 1:
        return [0]
    starts = [sum(parts[:k]) for k in range(len(parts))]
    header = len(table.header)
    for row in table_grid(table):
        for place in row:
            first = place.row - header
            if place.cell.row_span > 1 and any(
                first < s < first + place.cell.row_span for s in starts
            ):
                return [0]  # a break inside rows that one cell spans
    return starts


def _draw(host: TableHost, table: Table, new_page: bool = False) -> None:
    caption = host.paragraph((), ref.CAPTION)
    add_run(caption, xml_safe(table.caption))
    caption.paragraph_format.keep_with_next = True
    if new_page:  # no space above it at the top of its page, as in the PDF
        caption.paragraph_format.page_break_before = True
        caption.paragraph_format.space_before = Emu(0)

    rows = table.header + table.rows
    columns = len(table.widths)
    placed = {(p.row, p.column): p.cell for row in table_grid(table) for p in row}
    palette = host.styles.palette
    header_rows = len(table.header)
    styles = (
        host.style_id(ref.TABLE_HEADING, WD_STYLE_TYPE.PARAGRAPH),
        host.style_id(ref.TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH),
    )
    fills = {
        key: host.styles.rating(cell.fill.value).fill if cell.fill is not None else ""
        for key, cell in placed.items()
    }
    frames = _row_frames(
        table, len(rows), columns, placed, fills, styles, palette.header_fill, palette.primary
    )
    tbl = table_element(
        host.style_id(ref.TABLE_STYLE, WD_STYLE_TYPE.TABLE),
        _column_widths(table, host.text_width(), host.styles),
        frames,
        xml_safe(table.caption),
        palette.rule,
        _first_column_heads(table),
    )
    host.insert_table(tbl)
    word_table = WordTable(tbl, host.word._body)
    paragraphs = {
        (row, frame.column): tc.p_lst[0]
        for row, (tr, row_frame) in enumerate(zip(tbl.tr_lst, frames, strict=True))
        for tc, frame in zip(tr.tc_lst, row_frame.cells, strict=True)
        if frame.placed
    }
    for (row, column), cell in placed.items():
        paragraph = WordParagraph(paragraphs[row, column], word_table)  # type: ignore[arg-type]
        fill = fills[row, column]
        host.spans(paragraph, cell.spans, bold=cell.row_header, on=fill)
        if row < header_rows:
            _links_in_header_colour(paragraph)
        if fill:  # a rating's colour, its text black or white to contrast
            colour_text(paragraph, text_on(fill))


def _row_frames(
    table: Table,
    count: int,
    columns: int,
    placed: dict[tuple[int, int], Cell],
    fills: dict[tuple[int, int], str],
    styles: tuple[str | None, str | None],
    header_fill: str,
    rule: str,
) -> list[RowFrame]:
    """Each of the ``count`` rows' frames: its cells (a spanning cell's places below it
    continued), header rows repeated and marked, the first and last rows kept with their
    neighbours (no orphan rows: as the PDF keeps ``FEWEST_ROWS`` on either side of a break;
    never the last row, which would tie the table to whatever follows it and carry both over
    to the next page), the first row of each group after the first ruled above."""
    header_rows = len(table.header)
    group_starts = {header_rows + index for index in table.row_groups}
    continued: dict[tuple[int, int], Cell] = {}
    for (row, column), spanning in placed.items():
        for below in range(row + 1, row + spanning.row_span):
            continued[below, column] = spanning
    frames = []
    for row in range(count):
        header = row < header_rows
        body = row - header_rows
        keep = row != count - 1 and (body < FEWEST_ROWS - 1 or count - FEWEST_ROWS <= row)
        cells: list[CellFrame] = []
        column = 0
        while column < columns:
            cell = placed.get((row, column))
            if cell is not None:
                cells.append(
                    CellFrame(
                        column,
                        cell.col_span,
                        "restart" if cell.row_span > 1 else None,
                        # a rating's colour in place of the header's; no zebra stripes: the
                        # PDF's rows are ruled, not striped (issue 25)
                        fills[row, column] or (header_fill if header else ""),
                        rule if row in group_starts and row > header_rows else "",
                        bottom=header,
                        style=styles[0] if header else styles[1],
                        align=_ALIGNMENTS[cell.align],
                    )
                )
                column += cell.col_span
            elif (row, column) in continued:
                span = continued[row, column].col_span
                cells.append(CellFrame(column, span, "continue", placed=False))
                column += span
            else:  # past the end of a short row: an empty place
                cells.append(CellFrame(column, placed=False))
                column += 1
        frames.append(RowFrame(tuple(cells), header, keep))
    return frames


def _column_widths(table: Table, text_width: int, styles: Styles) -> list[int]:
    """The columns' widths in EMU, filling ``text_width``: the layout's proportions, widened
    where a column's longest word needs more (as the PDF's, ``render.columns``)."""
    fonts = CellFonts(
        styles.font_regular, styles.font_bold, styles.sizes.table, CELL_SIDE_MARGIN / 20
    )
    widths = column_widths(table, text_width / _EMU_PER_POINT, fonts)
    return [int(width * _EMU_PER_POINT) for width in widths]


def _first_column_heads(table: Table) -> bool:
    """Whether every body row starts with its row header: the only row headers Word can name
    (its table look's "first column"); a cell elsewhere in a row cannot be marked as one."""
    return bool(table.rows) and all(row and row[0].row_header for row in table.rows)


def _links_in_header_colour(paragraph: WordParagraph) -> None:
    """A link on the header's fill (a note's mark) in the header's white, still underlined: the
    Hyperlink style's colour would vanish into the fill."""
    for link in paragraph._p.iter(clark("w:hyperlink")):
        for run in link.iter(clark("w:r")):
            properties = run.get_or_add_rPr()
            colour = new_element("w:color")
            colour.set(clark("w:val"), "FFFFFF")
            properties.append(colour)
