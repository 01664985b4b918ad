"""A ``Table`` as an HTML data table: its caption, header rows of ``th scope="col"``, a row's
heading cell as ``th scope="row"``, inside a container that scrolls sideways on a narrow screen
(so the page itself never does) and that a keyboard user can reach and scroll."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from safecity_reports.layout.document import Align, Cell, Spans, Table
from safecity_reports.render.html.css import fill_class

_ALIGN = {Align.LEFT: "", Align.RIGHT: "right", Align.CENTRE: "centre"}


def table_html(table: Table, number: int, spans: Callable[[Spans], str]) -> str:
    """``table``, the ``number``-th of the page, its cells' text drawn by ``spans``."""
    caption_id = f"table-{number}-caption"
    total = sum(table.widths) or 1
    columns = "".join(f'<col style="width:{width / total * 100:.1f}%">' for width in table.widths)
    lines = [
        f'<div class="table-scroll" role="region" aria-labelledby="{caption_id}" tabindex="0">',
        "<table>",
        # the caption's words stay in view while a wide table scrolls under them
        f'<caption id="{caption_id}"><span>{escape(table.caption, quote=False)}</span></caption>',
        f"<colgroup>{columns}</colgroup>",
    ]
    if table.header:
        lines.append("<thead>")
        for row in table.header:
            lines.append("<tr>" + "".join(_cell(cell, True, spans) for cell in row) + "</tr>")
        lines.append("</thead>")
    lines.append("<tbody>")
    groups = set(table.row_groups)
    for index, row in enumerate(table.rows):
        start = ' class="group-start"' if index in groups and index else ""
        lines.append(f"<tr{start}>" + "".join(_cell(cell, False, spans) for cell in row) + "</tr>")
    lines.append("</tbody>")
    lines.append("</table></div>")
    return "\n".join(lines)


def _cell(cell: Cell, header: bool, spans: Callable[[Spans], str]) -> str:
    """One cell: a header row's cells head their columns (as the PDF tags them), a body cell
    marked ``row_header`` heads its row."""
    attributes = []
    if header:
        tag = "th"
        attributes.append('scope="colgroup"' if cell.col_span > 1 else 'scope="col"')
    elif cell.row_header:
        tag = "th"
        attributes.append('scope="row"')
    else:
        tag = "td"
    if cell.row_span > 1:
        attributes.append(f'rowspan="{cell.row_span}"')
    if cell.col_span > 1:
        attributes.append(f'colspan="{cell.col_span}"')
    classes = [c for c in (_ALIGN[cell.align],) if c]
    if cell.fill is not None:
        classes.append(fill_class(_rating_key(cell.fill.value)))
    if classes:
        attributes.append(f'class="{" ".join(classes)}"')
    opening = " ".join([tag, *attributes])
    return f"<{opening}>{spans(cell.spans)}</{tag}>"


def _rating_key(level: str) -> str:
    """The styles' key of a rating ("Not rated" -> "not_rated")."""
    return level.lower().replace(" ", "_")
