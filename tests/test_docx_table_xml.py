"""Word's tables written as one piece of XML (``render.docx.table_xml``) are the same, to the
byte, as those python-docx made before it: cell by cell, through its accessors.

``data/docx_tables_089a275.xml`` holds the tables below as the code of commit 089a275 wrote them
(python-docx's blank grid, its ``merge``, widths and properties set cell by cell), one ``w:tbl``
a line. The tables cover what a cell can be: spanning rows and columns, header rows two deep,
groups ruled above, ratings' fills, tones, links and a note's mark in the header, a short row,
right and centred text, and enough rows that the middle ones are free to break.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from safecity_reports.core.model import RatingLevel
from safecity_reports.layout.document import (
    Align,
    Cell,
    Document,
    Paragraph,
    Span,
    Table,
    Tone,
    plain,
)
from safecity_reports.render.docx.document import write_docx
from safecity_reports.styles import load_styles

GOLDEN = Path(__file__).parent / "data" / "docx_tables_089a275.xml"


def cell(text: str, **kwargs: object) -> Cell:
    return Cell(plain(text), **kwargs)  # type: ignore[arg-type]


def document_of_tables() -> Document:
    spanning = Table(
        caption="Measures by priority & <partner>",
        header=(
            (cell("Priority"), cell("Figures", col_span=2, align=Align.CENTRE), cell("Travel")),
            (
                cell(""),
                cell("Previous", align=Align.RIGHT),
                cell("Current", align=Align.RIGHT),
                Cell((Span("Note"), Span("[1]", link="notes"))),
            ),
        ),
        rows=(
            (
                cell("Reduce crime", row_span=2, row_header=True),
                cell("28.06", align=Align.RIGHT),
                cell("29.92", align=Align.RIGHT),
                Cell((Span("▲ up, worse", tone=Tone.BAD),)),
            ),
            (
                cell("0.93", align=Align.RIGHT),
                cell("-0.92", align=Align.RIGHT),
                Cell((Span("▼ down, better", tone=Tone.GOOD),)),
            ),
            (
                cell("Reduce harm", row_header=True),
                cell("Both columns", col_span=2, row_span=2, align=Align.CENTRE),
                cell("Red", fill=RatingLevel.RED),
            ),
            (cell("Keep safe", row_header=True), cell("Green", fill=RatingLevel.GREEN)),
            (cell("A short row"),),
        ),
        widths=(3, 1.5, 1.5, 2),
        row_groups=(0, 2, 4),
    )
    long = Table(
        caption="Every period",
        header=((cell("Period"), cell("Actual", align=Align.RIGHT)),),
        rows=tuple(
            (cell(f"Q{i}", row_header=True), cell(str(i * 7), align=Align.RIGHT)) for i in range(9)
        ),
        widths=(2, 1),
    )
    one_row = Table(
        "One row",
        ((cell("Area"), cell("Rating")),),
        ((cell("City"), cell("Amber", fill=RatingLevel.AMBER)),),
        (1, 1),
    )
    return Document(
        title="Tables",
        subject="Tables",
        author="Safe City Partnership",
        language="en-GB",
        running_head="Tables",
        blocks=(spanning, Paragraph(plain("Between.")), long, one_row),
    )


def tables_written(path: Path) -> list[str]:
    write_docx(document_of_tables(), {}, path, load_styles())
    body = docx.Document(str(path)).element.body
    return [etree.tostring(tbl, encoding="unicode") for tbl in body.iter(qn("w:tbl"))]


def test_tables_are_written_as_python_docx_wrote_them(tmp_path: Path) -> None:
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    written = tables_written(tmp_path / "tables.docx")
    assert len(written) == len(expected) == 3
    for made, before in zip(written, expected, strict=True):
        assert made == before
