"""Long tables given to reportlab a window of rows at a time break across pages exactly where
one table of all their rows breaks, print every row once, and repeat the header only at the top
of a page."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from safecity_reports.render.pdf import long_tables as pdf_long_tables
from safecity_reports.render.pdf.long_tables import LongTable, TableSpec, make_table, table_flowable

STYLE = ParagraphStyle("cell", fontName="Helvetica", fontSize=8, leading=10)
FRAME_HEIGHT = A4[1] - 144


def _spec(
    rows: int, lines: int = 1, group_every: int = 25, long_cell: int | None = None
) -> TableSpec:
    """A header row and ``rows`` rows: a first column spanning each group of rows (a priority),
    a rule above each group, and text of ``lines`` lines (or a cell longer than a page)."""
    header = [Paragraph("Priority", STYLE), Paragraph("Measure", STYLE), Paragraph("Value", STYLE)]
    grid: list[list[object]] = [header]
    spans = []
    for r in range(rows):
        first = r % group_every == 0
        text = "<br/>".join(f"Measure {r} line {n}" for n in range(lines))
        if r == long_cell:
            text = "<br/>".join(f"Very long text {n}" for n in range(120))
        grid.append(
            [
                Paragraph(f"Group {r // group_every}", STYLE) if first else "",
                Paragraph(text, STYLE),
                Paragraph(f"Row {r} value", STYLE),
            ]
        )
        if first:
            last = min(r + group_every, rows) - 1
            if last > r:
                spans.append((0, r + 1, 0, last + 1))
    return TableSpec(
        grid=grid,
        header_rows=1,
        col_widths=[120, 250, 100],
        commands=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 1), (-1, -1), 0.5, "grey"),
        ],
        spans=spans,
        rules_above=[(r + 1, 1.25, "#12436D") for r in range(group_every, rows, group_every)],
        frame_height=FRAME_HEIGHT,
        space_after=6,
    )


def _pages(flowable: Flowable) -> list[str]:
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([flowable])
    return [page.extract_text() for page in PdfReader(io.BytesIO(out.getvalue())).pages]


@pytest.mark.parametrize("lines", [1, 3])
def test_pages_break_where_one_whole_table_breaks(lines: int) -> None:
    windowed = table_flowable(_spec(300, lines))
    assert isinstance(windowed, LongTable)
    pages = _pages(windowed)
    assert pages == _pages(make_table(_spec(300, lines)))
    assert len(pages) > 5
    text = "\n".join(pages)
    assert all(text.count(f"Row {r} value") == 1 for r in range(300))
    assert all(page.count("Priority") == 1 for page in pages)  # the header, once, at the top
    assert all(page.lstrip().startswith("Priority") for page in pages)


def test_a_window_that_fits_a_page_takes_more_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_long_tables, "WINDOW", 5)  # five one-line rows fit a page easily
    pages = _pages(table_flowable(_spec(200)))
    assert all(page.count("Priority") == 1 for page in pages)
    assert "\n".join(pages).count(" value") == 200


def test_a_cell_longer_than_a_page_is_split_and_every_row_printed() -> None:
    pages = _pages(table_flowable(_spec(150, long_cell=70)))
    text = "\n".join(pages)
    assert all(text.count(f"Row {r} value") == 1 for r in range(150))
    assert all(f"Very long text {n}" in text for n in range(120))


def test_short_tables_are_one_table() -> None:
    assert not isinstance(table_flowable(_spec(pdf_long_tables.WINDOW)), LongTable)


def test_a_cell_s_fill_lands_on_its_own_cell_in_every_window() -> None:
    """A rating's fill (a command for one cell) is in the window holding its row, at that row's
    place in the window, and in no other window; a header cell's is in every window."""
    base = _spec(100)
    spec = TableSpec(
        **{
            **base.__dict__,
            "cell_commands": [
                (0, 2, ("BACKGROUND", "#D4351C")),
                (70, 2, ("BACKGROUND", "#00703C")),
            ],
        }
    )

    def fills(start: int, end: int) -> list[tuple]:
        table = make_table(spec, start, end)
        return [
            (r0, c0, str(colour))
            for name, (c0, r0), (c1, r1), colour in table._bkgrndcmds  # noqa: SLF001
            if name == "BACKGROUND" and (c0, r0) == (c1, r1)
        ]

    assert fills(1, 41) == [(0, 2, "#D4351C")]
    assert fills(41, 81) == [(0, 2, "#D4351C"), (30, 2, "#00703C")]
