"""A Word table's frame written as one piece of XML: its properties, grid, rows and cells, each
cell's paragraph with its style, alignment and keep-with-next; the cells' text is then added
to it as to any paragraph (``render.docx.tables``).

python-docx makes a table as a blank grid and is then told each property of each cell, each
told through accessors that search the cell's properties for the place of the new one: at 300
measures a third of Word's time went on its tables, most of it there. Here the same elements,
in the same order and with the same attributes, are written as text and parsed once (lxml
parses in C); the document is the same to the byte (``tests/test_docx_table_xml.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.oxml.table import CT_Tbl

from safecity_reports.render.docx.xml import (
    CELL_BOTTOM_MARGIN,
    CELL_SIDE_MARGIN,
    CELL_TOP_MARGIN,
    GROUP_RULE_EIGHTHS,
    RULE_EIGHTHS,
)

_EMU_PER_TWIP = 635


@dataclass(frozen=True)
class CellFrame:
    """One ``w:tc``: the grid columns it spans from ``column``, and how it is drawn."""

    column: int
    span: int = 1
    merge: str | None = None
    """``"restart"`` for a cell whose rows below continue it, ``"continue"`` for such a row's
    place, else None."""
    fill: str = ""
    """Its fill ("#RRGGBB"), if any."""
    rule: str = ""
    """The colour of a group's rule along its top ("#RRGGBB"), if it has one."""
    bottom: bool = False
    """Its text set at its foot (a header's), else at its top (a place with no cell has no
    alignment of its own)."""
    placed: bool = True
    """Whether a cell of the table is drawn here (else an empty place: covered from above, or
    past the end of a short row)."""
    style: str | None = None
    """Its paragraph's style id."""
    align: str = "left"
    """Its paragraph's ``w:jc`` value."""


@dataclass(frozen=True)
class RowFrame:
    cells: Sequence[CellFrame]
    header: bool = False
    """A header row, repeated at the top of each page."""
    keep: bool = False
    """Its paragraphs kept with the next (no orphan rows)."""


def table_element(
    style: str | None,
    widths: Sequence[int],
    rows: Sequence[RowFrame],
    caption: str,
    rule: str,
    first_column: bool,
) -> CT_Tbl:
    """The ``w:tbl`` of the table style ``style``, columns ``widths`` (EMU) wide, and ``rows``;
    ruled in ``rule`` under each row, titled ``caption`` (already XML-safe), its first column
    marked as the rows' headers where ``first_column``."""
    twips = [_twips(width) for width in widths]
    parts = [f"<w:tbl {nsdecls('w')}><w:tblPr>"]
    if style is not None:
        parts.append(f"<w:tblStyle w:val={quoteattr(style)}/>")
    colour = rule.lstrip("#").upper()
    parts.append(
        f'<w:tblW w:type="dxa" w:w="{round(sum(widths) * (1 / _EMU_PER_TWIP))}"/>'
        '<w:jc w:val="left"/>'
        '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/>'
        f'<w:bottom w:val="single" w:sz="{RULE_EIGHTHS}" w:space="0" w:color="{colour}"/>'
        '<w:right w:val="nil"/>'
        f'<w:insideH w:val="single" w:sz="{RULE_EIGHTHS}" w:space="0" w:color="{colour}"/>'
        '<w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="{CELL_TOP_MARGIN}" w:type="dxa"/>'
        f'<w:left w:w="{CELL_SIDE_MARGIN}" w:type="dxa"/>'
        f'<w:bottom w:w="{CELL_BOTTOM_MARGIN}" w:type="dxa"/>'
        f'<w:right w:w="{CELL_SIDE_MARGIN}" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:firstColumn="{int(first_column)}" w:firstRow="1" w:lastColumn="0"'
        ' w:lastRow="0" w:noHBand="1" w:noVBand="1"'
        f' w:val="{"06A0" if first_column else "0620"}"/>'
        f"<w:tblCaption w:val={quoteattr(caption)}/></w:tblPr><w:tblGrid>"
    )
    parts.extend(f'<w:gridCol w:w="{width}"/>' for width in twips)
    parts.append("</w:tblGrid>")
    for row in rows:
        parts.append('<w:tr><w:trPr><w:cantSplit w:val="true"/>')
        if row.header:
            parts.append('<w:tblHeader w:val="true"/>')
        parts.append("</w:trPr>")
        for cell in row.cells:
            parts.append(_cell(cell, widths, row.keep))
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return parse_xml("".join(parts))  # type: ignore[no-any-return]


def _cell(cell: CellFrame, widths: Sequence[int], keep: bool) -> str:
    width = _twips(sum(widths[cell.column : cell.column + cell.span]))
    parts = [f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>']
    if cell.span > 1:
        parts.append(f'<w:gridSpan w:val="{cell.span}"/>')
    if cell.merge == "restart":
        parts.append('<w:vMerge w:val="restart"/>')
    elif cell.merge is not None:
        parts.append("<w:vMerge/>")  # "continue", the default, is written as no value
    if cell.rule:
        colour = cell.rule.lstrip("#").upper()
        parts.append(
            f'<w:tcBorders><w:top w:val="single" w:sz="{GROUP_RULE_EIGHTHS}" w:space="0"'
            f' w:color="{colour}"/></w:tcBorders>'
        )
    if cell.fill:
        fill = cell.fill.lstrip("#").upper()
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    if cell.rule:
        # twips: the rule's width beyond the ordinary rule's (eighths of a point, 20 twips a
        # point), as ``xml.top_border`` sets it
        top = CELL_TOP_MARGIN - (GROUP_RULE_EIGHTHS - RULE_EIGHTHS) * 20 // 8
        parts.append(f'<w:tcMar><w:top w:w="{top}" w:type="dxa"/></w:tcMar>')
    if cell.placed:
        parts.append(f'<w:vAlign w:val="{"bottom" if cell.bottom else "top"}"/>')
    parts.append("</w:tcPr>")
    if cell.placed:
        parts.append("<w:p><w:pPr>")
        if cell.style is not None:
            parts.append(f"<w:pStyle w:val={quoteattr(cell.style)}/>")
        if keep:
            parts.append("<w:keepNext/>")
        parts.append(f'<w:jc w:val="{cell.align}"/></w:pPr></w:p>')
    elif keep:
        parts.append("<w:p><w:pPr><w:keepNext/></w:pPr></w:p>")
    else:
        parts.append("<w:p/>")
    parts.append("</w:tc>")
    return "".join(parts)


def _twips(emu: int) -> int:
    """EMU as python-docx writes them in twips (``Length.twips``)."""
    return int(round(emu / float(_EMU_PER_TWIP)))
