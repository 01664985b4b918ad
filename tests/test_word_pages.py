"""Word's pages hold what the PDF's hold (issue 25): the same page, each style spaced as the
PDF's, and a page started where the PDF starts one. LibreOffice's layout of the .docx is what is
measured: each block of a report is as high in it as in our PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Pt

from conftest import convert_with_libreoffice, needs_libreoffice
from safecity_reports.layout.document import (
    BulletList,
    Callout,
    Cell,
    Document,
    Heading,
    KeepTogether,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Table,
    plain,
)
from safecity_reports.render import page
from safecity_reports.render.docx.document import write_docx
from safecity_reports.render.pdf.document import count_pages, write_pdf
from safecity_reports.render.pdf.furniture import FontNames, text_styles
from safecity_reports.styles import load_styles

STYLES = load_styles()


def _story(*blocks) -> Document:
    return Document(
        title="T", subject="S", author="A", language="en-GB", running_head="R", blocks=blocks
    )


def _twips(points: float) -> int:
    return round(points * 20)


def test_word_is_set_on_the_pdfs_page(tmp_path: Path) -> None:
    path = tmp_path / "page.docx"
    document = _story(Paragraph(plain("One")), PageBreak(landscape=True), Paragraph(plain("Two")))
    write_docx(document, {}, path, STYLES)
    sections = docx.Document(str(path)).sections
    assert len(sections) == 2
    for section in sections:
        assert section.top_margin.twips == _twips(page.MARGIN_TOP)
        assert section.bottom_margin.twips == _twips(page.MARGIN_BOTTOM)
        assert section.left_margin.twips == section.right_margin.twips == _twips(page.MARGIN_SIDE)


@pytest.mark.parametrize(
    ("word_style", "pdf_style"),
    [
        ("Normal", "body"),
        ("Lead", "lead"),
        ("Note", "note"),
        ("Title", "title"),
        ("Subtitle", "subtitle"),
        ("Heading 1", "heading1"),
        ("Heading 2", "heading2"),
        ("Heading 3", "heading3"),
        ("Caption", "caption"),
        ("Chart Caption", "figure_caption"),
        ("Table Text", "cell"),
    ],
)
def test_each_word_style_is_spaced_as_the_pdfs(tmp_path: Path, word_style, pdf_style) -> None:
    """The space between two paragraphs is the larger of one's after and the other's before
    in reportlab and in LibreOffice alike, so the same values give the same pages."""
    path = tmp_path / "styles.docx"
    write_docx(_story(Paragraph(plain("x"))), {}, path, STYLES)
    word = docx.Document(str(path)).styles[word_style].paragraph_format
    pdf = text_styles(STYLES, FontNames("Helvetica", "Helvetica-Bold"))[pdf_style]
    assert (word.space_before or Pt(0)).pt == pytest.approx(pdf.spaceBefore, abs=0.05)
    assert (word.space_after or Pt(0)).pt == pytest.approx(pdf.spaceAfter, abs=0.05)
    # 'at least' the PDF's leading: a line fits at a page's foot only whole, as in the PDF
    assert word.line_spacing_rule == WD_LINE_SPACING.AT_LEAST
    assert word.line_spacing.pt == pytest.approx(pdf.leading, abs=0.05)


def _filler(lines: int) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(plain(f"Line {n} of the page before.")) for n in range(lines))


def test_word_starts_a_page_where_the_pdf_carries_a_group_over(tmp_path: Path) -> None:
    """LibreOffice did not always keep a long chain of paragraphs together in a long report
    (q2's 1.2a-c heading alone at the foot of page 10): where the PDF carries a group over to
    the next page, leaving room, Word starts it on a new page too."""
    group = KeepTogether(
        (
            Heading(3, "The group", "group"),
            Callout((plain("A high number is GOOD"),)),
            *(Paragraph(plain("A sentence of the group. " * 8)) for _ in range(8)),
        )
    )
    document = _story(*_filler(24), group, PageBreak(), Heading(2, "Next", "next"))
    pages = count_pages(document, STYLES)
    assert pages.anchor_pages["group"] == 2
    assert (24,) in pages.page_starts or (24, 0) in pages.page_starts
    path = tmp_path / "starts.docx"
    write_docx(document, {}, path, STYLES, page_starts=pages.page_starts)
    paragraphs = {p.text: p.paragraph_format for p in docx.Document(str(path)).paragraphs}
    assert paragraphs["The group"].page_break_before
    assert not paragraphs["Next"].page_break_before  # its section starts a new page anyway
    assert not any(paragraphs[f"Line {n} of the page before."].page_break_before for n in range(24))
    # with no room to spare the PDF's page was full: Word is left to break it itself
    write_docx(document, {}, path, STYLES, page_starts={place: 2.0 for place in pages.page_starts})
    paragraphs = {p.text: p.paragraph_format for p in docx.Document(str(path)).paragraphs}
    assert not paragraphs["The group"].page_break_before


def _baselines(pdf: Path) -> dict[str, float]:
    """Each line's text (its first word) and how far down its page it is, in points."""
    found: dict[str, float] = {}
    layout = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    page = 0
    for line in layout.splitlines():
        if "<page " in line:
            page += 1
        match = re.search(r'yMax="([\d.]+)">(START\w+|MARK\w+)<', line)
        if match:
            found[match.group(2)] = page * 10000 + float(match.group(1))
    return found


@needs_libreoffice
def test_each_block_is_as_high_in_word_as_in_the_pdf(tmp_path: Path) -> None:
    """A marker paragraph before and after each kind of block, each pair on a page of its own:
    the distance between them, in our PDF and in LibreOffice's PDF of the .docx."""
    row = lambda *texts: tuple(Cell(plain(t)) for t in texts)  # noqa: E731
    long = "Words of a sentence that runs over more than one line of the page. " * 3
    kinds = {
        "heading1": Heading(1, "A part of the report", "a1"),
        "heading2": Heading(2, "A measure's page", "a2"),
        "heading3": Heading(3, "Within a page", "a3"),
        "body": Paragraph(plain(long)),
        "lead": Paragraph(plain(long), ParagraphStyle.LEAD),
        "note": Paragraph(plain(long), ParagraphStyle.NOTE),
        "panel": Callout((plain("A high number is GOOD"), plain("Direction: up"), plain("Low"))),
        "bullets": BulletList(
            ((1, plain("An item")), (1, plain(long)), (2, plain("A sub-item")), (1, plain("End")))
        ),
        "table": Table(
            "A table's caption",
            (row("Period", "2015", "2016"),),
            tuple(row(f"Area {n}", "1", "2") for n in range(5)),
            (3, 1, 1),
            row_groups=(2,),
        ),
    }
    blocks: list = []
    for name, block in kinds.items():
        blocks += [PageBreak(), Paragraph(plain(f"START{name}")), block]
        blocks.append(Paragraph(plain(f"MARK{name}")))
    document = _story(*blocks[1:])
    pdf, source = tmp_path / "blocks.pdf", tmp_path / "blocks.docx"
    write_pdf(document, {}, pdf, STYLES)
    write_docx(document, {}, source, STYLES)
    ours, theirs = (
        _baselines(pdf),
        _baselines(convert_with_libreoffice(source, "pdf", tmp_path / "lo")),
    )
    for name in kinds:
        height = ours[f"MARK{name}"] - ours[f"START{name}"]
        assert theirs[f"MARK{name}"] - theirs[f"START{name}"] == pytest.approx(height, abs=0.5), (
            name
        )
