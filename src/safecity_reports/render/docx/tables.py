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
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.simpletypes import ST_Merge
from docx.shared import Emu
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from safecity_reports.layout.document import Align, Cell, Spans, Table
from safecity_reports.layout.grid import table_grid
from safecity_reports.render.breaking import FEWEST_ROWS
from safecity_reports.render.columns import CellFonts, column_widths
from safecity_reports.render.docx import reference as ref
from safecity_reports.render.docx.elements import clark, new_element
from safecity_reports.render.docx.properties import (
    alignment,
    keep_with_next,
    paragraph_style,
    vertical_alignment,
)
from safecity_reports.render.docx.xml import (
    CELL_SIDE_MARGIN,
    RULE_EIGHTHS,
    add_run,
    cell_margins,
    colour_text,
    insert_before,
    on_off,
    shade,
    top_border,
    xml_safe,
)
from safecity_reports.styles import Styles
from safecity_reports.styles.contrast import text_on

_ALIGNMENTS = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Align.CENTRE: WD_ALIGN_PARAGRAPH.CENTER,
}
_TWIPS_PER_EMU = 1 / 635
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

    def add_table(self, rows: int, columns: int) -> WordTable: ...

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
    word_table = host.add_table(len(rows), columns)
    word_table._tbl.tblStyle_val = host.style_id(ref.TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    word_table.alignment = WD_TABLE_ALIGNMENT.LEFT
    word_table.autofit = False
    _merge(word_table, placed)
    # python-docx's table.cell() lists every cell of the table on each call: look cells up
    # in one list instead, or a long table takes time growing with its square.
    grid = word_table._cells
    _set_widths(word_table, _column_widths(table, host.text_width(), host.styles))
    _table_properties(
        word_table, table.caption, host.styles.palette.rule, _first_column_heads(table)
    )

    palette = host.styles.palette
    header_rows = len(table.header)
    group_starts = {header_rows + index for index in table.row_groups}
    heading_style = host.style_id(ref.TABLE_HEADING, WD_STYLE_TYPE.PARAGRAPH)
    text_style = host.style_id(ref.TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    rows_in_all = len(word_table._tbl.tr_lst)
    for index, tr in enumerate(word_table._tbl.tr_lst):
        tr_pr = tr.get_or_add_trPr()
        tr_pr.append(on_off("w:cantSplit"))
        if index < header_rows:
            tr_pr.append(on_off("w:tblHeader"))
        # no orphan rows: the header with the first rows, and the last rows, kept together
        # (as the PDF keeps FEWEST_ROWS on either side of a break); never the last row, which
        # would tie the table to whatever follows it and carry both over to the next page
        body = index - header_rows
        last = index == rows_in_all - 1
        if not last and (body < FEWEST_ROWS - 1 or rows_in_all - FEWEST_ROWS <= index):
            for p in tr.iter(clark("w:p")):
                keep_with_next(p)
    for (row, column), cell in placed.items():
        word_cell = grid[row * columns + column]
        is_header = row < header_rows
        paragraph = word_cell.paragraphs[0]
        for extra in word_cell.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
        paragraph_style(paragraph._p, heading_style if is_header else text_style)
        alignment(paragraph._p, _ALIGNMENTS[cell.align])
        fill = host.styles.rating(cell.fill.value).fill if cell.fill is not None else ""
        host.spans(paragraph, cell.spans, bold=cell.row_header, on=fill)
        if is_header:
            shade(word_cell, palette.header_fill)
            _links_in_header_colour(paragraph)
            vertical_alignment(word_cell._tc, WD_CELL_VERTICAL_ALIGNMENT.BOTTOM)
        else:  # no zebra stripes: the PDF's rows are ruled, not striped (issue 25)
            vertical_alignment(word_cell._tc, WD_CELL_VERTICAL_ALIGNMENT.TOP)
        if fill:  # a rating's colour, its text black or white to contrast
            shade(word_cell, fill)
            colour_text(paragraph, text_on(fill))
        if row in group_starts and row > header_rows:
            top_border(word_cell, palette.primary)


def _merge(word_table: WordTable, placed: dict[tuple[int, int], Cell]) -> None:
    """Join the grid places each spanning cell covers, as python-docx's ``merge`` does: in each
    of its rows the cells to its right are taken into the first (``gridSpan``), and the rows
    below continue the first row's cell (``vMerge``). python-docx finds a row's place by
    scanning the table for each cell it merges, so a summary of thousands of rows took time
    growing with its square. The covered cells are empty, so no content moves."""
    rows = [list(tr.tc_lst) for tr in word_table._tbl.tr_lst]
    for (row, column), cell in placed.items():
        if cell.row_span == 1 and cell.col_span == 1:
            continue
        for r in range(row, row + cell.row_span):
            first, *covered = rows[r][column : column + cell.col_span]
            for tc in covered:
                first._add_width_of(tc)
                first.grid_span += tc.grid_span
                tc.getparent().remove(tc)
            if cell.row_span > 1:
                first.vMerge = ST_Merge.RESTART if r == row else ST_Merge.CONTINUE


def _column_widths(table: Table, text_width: int, styles: Styles) -> list[int]:
    """The columns' widths in EMU, filling ``text_width``: the layout's proportions, widened
    where a column's longest word needs more (as the PDF's, ``render.columns``)."""
    fonts = CellFonts(
        styles.font_regular, styles.font_bold, styles.sizes.table, CELL_SIDE_MARGIN / 20
    )
    widths = column_widths(table, text_width / _EMU_PER_POINT, fonts)
    return [int(width * _EMU_PER_POINT) for width in widths]


def _set_widths(word_table: WordTable, widths: list[int]) -> None:
    for column, width in zip(word_table.columns, widths, strict=True):
        column.width = Emu(width)
    for tr in word_table._tbl.tr_lst:
        grid_column = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            _Cell(tc, word_table).width = Emu(sum(widths[grid_column : grid_column + span]))
            grid_column += span
    tbl_pr = word_table._tbl.tblPr
    tbl_w = tbl_pr.find(clark("w:tblW"))
    if tbl_w is None:
        tbl_w = new_element("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(clark("w:type"), "dxa")
    tbl_w.set(clark("w:w"), str(round(sum(widths) * _TWIPS_PER_EMU)))


def _first_column_heads(table: Table) -> bool:
    """Whether every body row starts with its row header: the only row headers Word can name
    (its table look's "first column"); a cell elsewhere in a row cannot be marked as one."""
    return bool(table.rows) and all(row and row[0].row_header for row in table.rows)


def _table_properties(
    word_table: WordTable, caption: str, rule: str, first_column: bool = False
) -> None:
    """Direct table properties that LibreOffice and Word both honour: a fixed layout, light
    rules under the rows, a header row for assistive technology, the first column marked as the
    rows' headers where it is (``first_column``), and the caption as its title."""
    tbl_pr = word_table._tbl.tblPr
    layout = new_element("w:tblLayout")
    layout.set(clark("w:type"), "fixed")
    borders = new_element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = new_element(f"w:{side}")
        # a rule under each row, none above the first (the header's fill is its edge), as
        # in the PDF: Word counts each rule in the table's height
        if side in ("bottom", "insideH"):
            edge.set(clark("w:val"), "single")
            edge.set(clark("w:sz"), str(RULE_EIGHTHS))
            edge.set(clark("w:space"), "0")
            edge.set(clark("w:color"), rule.lstrip("#").upper())
        else:
            edge.set(clark("w:val"), "nil")
        borders.append(edge)
    margins = cell_margins()
    for element, successors in (
        (borders, ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")),
        (layout, ("w:tblCellMar", "w:tblLook", "w:tblCaption")),
        (margins, ("w:tblLook", "w:tblCaption")),
    ):
        for old in tbl_pr.findall(element.tag):
            tbl_pr.remove(old)
        insert_before(tbl_pr, element, successors)
    look = tbl_pr.find(clark("w:tblLook"))
    if look is None:
        look = new_element("w:tblLook")
        tbl_pr.append(look)
    for attribute, value in (
        ("firstRow", "1"),
        ("lastRow", "0"),
        ("firstColumn", "1" if first_column else "0"),
        ("lastColumn", "0"),
        ("noHBand", "1"),
        ("noVBand", "1"),
    ):
        look.set(clark(f"w:{attribute}"), value)
    # the same flags in the Word 2007 form: header row (0x20), first column (0x80), no banding
    look.set(clark("w:val"), "06A0" if first_column else "0620")
    title = new_element("w:tblCaption")
    title.set(clark("w:val"), xml_safe(caption))
    tbl_pr.append(title)


def _links_in_header_colour(paragraph: WordParagraph) -> None:
    """A link on the header's fill (a note's mark) in the header's white, still underlined: the
    Hyperlink style's colour would vanish into the fill."""
    for link in paragraph._p.iter(clark("w:hyperlink")):
        for run in link.iter(clark("w:r")):
            properties = run.get_or_add_rPr()
            colour = new_element("w:color")
            colour.set(clark("w:val"), "FFFFFF")
            properties.append(colour)
