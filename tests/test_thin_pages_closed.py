"""A measure's page that runs a few lines onto a page of its own is closed up as the PDF is laid
out: the next measure follows on that page. Closing one moves every page after it, which can
leave the next thin in turn; closed as the pages are laid out, each is, in one pass (a report of
300 measures once took four passes and still kept a page 3% full)."""

from __future__ import annotations

from pathlib import Path

from page_fill import thin_pages
from safecity_reports.layout.document import Document, Heading, PageBreak, Paragraph, plain
from safecity_reports.layout.thin_pages import closable_breaks, moved_places, without_breaks
from safecity_reports.render.pdf.document import count_pages, write_pdf
from safecity_reports.styles import load_styles

LINES = 40
"""Paragraphs of one line in a measure's section: a page and two or three lines more."""


def _measures(count: int) -> Document:
    blocks: list = [Heading(1, "Priority 1: Safer streets", "priority")]
    for number in range(1, count + 1):
        if number > 1:
            blocks.append(PageBreak())
        blocks.append(Heading(2, f"1.{number} Measure {number}", f"measure-{number}"))
        blocks += [Paragraph(plain(f"Line {n} of measure {number}.")) for n in range(LINES)]
    return Document(
        title="T", subject="S", author="A", language="en-GB", running_head="R", blocks=tuple(blocks)
    )


def test_every_measure_page_left_thin_is_closed_in_one_pass(tmp_path: Path) -> None:
    document = _measures(8)
    styles = load_styles()
    pages = count_pages(document, styles)
    assert len(pages.closed_breaks) >= 4  # each closed page leaves the next thin, and so on
    fitted, fitted_pages = pages.closed_up(document)
    again = count_pages(fitted, styles)  # the document drawn makes the same pages
    assert again.pages == pages.pages and again.anchor_pages == pages.anchor_pages
    assert again.closed_breaks == frozenset() and again.page_starts == fitted_pages.page_starts
    write_pdf(fitted, {}, tmp_path / "fitted.pdf", styles, pages=fitted_pages)
    assert thin_pages(tmp_path / "fitted.pdf") == []


def test_only_a_break_before_another_measure_in_the_same_orientation_may_close() -> None:
    document = Document(
        title="T",
        subject="S",
        author="A",
        language="en-GB",
        running_head="R",
        blocks=(
            Heading(1, "Contents", "contents"),
            PageBreak(),  # 1: before a section: kept
            Heading(1, "Priority 1", "p1"),
            Heading(2, "1.1", "m1"),
            PageBreak(),  # 4: before a measure: may close
            Heading(2, "1.2", "m2"),
            PageBreak(landscape=True),  # 6: turns the page: kept
            Heading(2, "1.3", "m3"),
            PageBreak(landscape=True),  # 8: before a measure, landscape as the page before
            Heading(2, "1.4", "m4"),
        ),
    )
    assert closable_breaks(document) == {4, 8}
    fitted = without_breaks(document, {4})
    assert [type(b).__name__ for b in fitted.blocks[3:6]] == ["Heading", "Heading", "PageBreak"]
    starts = {(5,): 1.0, (7, 2): 2.0, (3,): 3.0, (4,): 4.0}
    assert moved_places(starts, {4}) == {(4,): 1.0, (6, 2): 2.0, (3,): 3.0}
