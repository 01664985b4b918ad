"""As long as the report needs to be, paginated alike in both documents (issue 25).

The layout decides the length from the content (contents only past a few pages, How to read and
Exceptions on the front page where they fit, no table twice); each renderer breaks its pages.
Word's contents are a TOC field whose page numbers show once LibreOffice lays it out, and Word's
page count (LibreOffice's PDF of the .docx) is within one of the PDF's. The default run converts
one report; ``-m slow`` converts q2, every example and generated 30- and 300-measure reports.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from benchmarks.generate import write_workbook
from tests.fixtures.examples import comparative_crime

from conftest import convert_with_libreoffice, needs_libreoffice
from page_fill import thin_pages
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.document import Contents, Heading, KeepTogether, PageBreak, Table
from safecity_reports.layout.report import build_document
from safecity_reports.reading.load import load_report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "inputs" / "examples").glob("*.xlsx"))


def _document(path: Path):
    report, _ = load_report(path)
    return build_document(report, judge(report), date(2017, 5, 1))


def _walk(blocks):
    for block in blocks:
        yield block
        if isinstance(block, KeepTogether):
            yield from _walk(block.blocks)


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_a_short_report_has_its_front_matter_on_the_front_page_and_no_contents(tmp_path):
    path = tmp_path / "comparative.xlsx"
    comparative_crime().save(path)
    blocks = _document(path).blocks
    assert not any(isinstance(b, Contents) for b in blocks)
    first_break = next((i for i, b in enumerate(blocks) if isinstance(b, PageBreak)), len(blocks))
    before = [b.text for b in blocks[:first_break] if isinstance(b, Heading)]
    # How to read follows the front page's counts on the front page, and the priority's table
    # starts there too (issue 25: two pages, as the partnership's own was)
    assert before[:4] == [
        "Eastvale Community Safety Partnership",
        "Main points",
        "How to read this report",
        "Priority 1: Reduce crime",
    ]


def test_a_long_report_opens_with_its_contents_and_a_landscape_summary():
    blocks = _document(ROOT / "inputs" / "q2.xlsx").blocks
    headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 1]
    assert headings[1] == "Contents"
    assert any(isinstance(b, Contents) for b in blocks)
    summary = next(
        i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Summary"
    )
    assert blocks[summary - 1] == PageBreak(landscape=True)


@pytest.mark.parametrize("path", [ROOT / "inputs" / "q2.xlsx", *EXAMPLES], ids=lambda p: p.stem)
def test_no_measure_is_a_row_of_two_tables(path):
    """A table is never printed twice: a measure heads a row of one table of measures."""
    seen: dict[str, str] = {}
    for table in (b for b in _walk(_document(path).blocks) if isinstance(b, Table)):
        if not table.header[-1][0].text.startswith("Measure"):
            continue
        # a table per area holds every measure for its area
        area = table.caption.split(":")[0] if "every measure" in table.caption else ""
        for row in table.rows:
            measure = row[0].text.split(" ")[0]
            assert (measure, area) not in seen or seen[(measure, area)] == table.caption, (
                f"{measure} in {seen.get((measure, area))!r} and {table.caption!r}"
            )
            seen[(measure, area)] = table.caption


def _word_and_pdf(make_report, workbook: Path, folder: Path) -> tuple[Path, Path]:
    result = make_report(workbook, "-o", folder, "-q", "--no-cache")
    assert result.exit_code == 0, result.output
    word = convert_with_libreoffice(folder / f"{workbook.stem}.docx", "pdf", folder / "lo")
    return folder / f"{workbook.stem}.pdf", word


@needs_libreoffice
def test_words_contents_are_a_toc_field_with_the_pages_of_its_headings(make_report, tmp_path):
    pdf, word = _word_and_pdf(make_report, ROOT / "inputs/examples/monthly-spc.xlsx", tmp_path)
    with zipfile.ZipFile(tmp_path / "monthly-spc.docx") as docx:
        body = docx.read("word/document.xml").decode()
        settings = docx.read("word/settings.xml").decode()
    assert ' TOC \\o "1-2" \\h \\z ' in body
    assert '<w:updateFields w:val="true"/>' in settings
    assert '<w:pStyle w:val="Heading1"/>' in body and '<w:pStyle w:val="Heading2"/>' in body
    # every entry of the contents, as LibreOffice lays the .docx out, ends with its page
    contents = _page_text(word, 2)
    entries = [line for line in contents.splitlines() if "...." in line]
    assert len(entries) >= 8
    numbers = [int(m.group(1)) for line in entries if (m := re.search(r"(\d+)\s*$", line))]
    assert len(numbers) == len(entries)
    assert numbers == sorted(numbers) and numbers[0] >= 3
    # the same pages as the PDF's contents (each document lays out the same blocks)
    listed = _page_text(pdf, 2).split("Contents", 1)[1]
    pdf_numbers = [
        int(m.group(1))
        for line in listed.splitlines()
        if "Page " not in line and (m := re.search(r"\s(\d+)$", line.rstrip()))
    ]
    assert pdf_numbers[: len(numbers)] == numbers
    assert abs(_pages(word) - _pages(pdf)) <= 1


def _ids(cases: list) -> list[str]:
    return [c.values[0] if hasattr(c, "values") else c[0] for c in cases]


def _slow_cases() -> list:
    return [
        *((p.stem, p) for p in [ROOT / "inputs" / "q2.xlsx", *EXAMPLES]),
        ("generated-30", 30),
        ("generated-300", 300),
    ]


@pytest.mark.slow
@needs_libreoffice
@pytest.mark.parametrize(("name", "source"), _slow_cases(), ids=_ids(_slow_cases()))
def test_word_has_as_many_pages_as_the_pdf_give_or_take_one(make_report, tmp_path, name, source):
    workbook = (
        source if isinstance(source, Path) else write_workbook(tmp_path / f"{name}.xlsx", source)
    )
    pdf, word = _word_and_pdf(make_report, workbook, tmp_path)
    assert abs(_pages(word) - _pages(pdf)) <= 1, (name, _pages(word), _pages(pdf))
    # no page of either is under a third full unless its section (a priority, the summary, a
    # part of the front matter) ends there; a measure's page that runs onto another is closed
    # up (layout/thin_pages), so a measure's last page is no section's end
    if isinstance(source, Path):
        assert thin_pages(pdf) == [], ("PDF", name)
        assert thin_pages(word) == [], ("Word", name)


def _story(*blocks):
    from safecity_reports.layout.document import Document

    return Document(
        title="T", subject="S", author="A", language="en-GB", running_head="R", blocks=blocks
    )


def _filler(lines: int):
    from safecity_reports.layout.document import Paragraph, plain

    return tuple(Paragraph(plain(f"Line {n} of the page before.")) for n in range(lines))


def test_a_heading_is_never_left_at_the_foot_of_a_page_without_the_group_it_heads():
    """Reportlab never put a group kept together into a heading's keep-with-next, so a heading
    over a chart and its sentences stayed alone at the foot of a page (monthly-spc's 2.3a)."""
    from safecity_reports.layout.document import Callout, Paragraph, plain
    from safecity_reports.render.pdf.document import count_pages
    from safecity_reports.styles import load_styles

    group = KeepTogether(
        (
            Heading(3, "Inside the group", "inside"),
            Callout(((plain("A high number is GOOD")[0],),)),
            *(Paragraph(plain("A sentence of the group. " * 8)) for _ in range(6)),
        )
    )
    pages = count_pages(
        _story(*_filler(30), Heading(2, "The measure", "measure"), group), load_styles()
    )
    assert pages.anchor_pages["measure"] == pages.anchor_pages["inside"] == 2


def test_a_table_starts_under_its_heading_where_its_first_rows_fit():
    """As Word does: a long table is not carried whole to the next page, leaving the rest of
    this one empty, where its caption, header and first rows fit under its heading."""
    from safecity_reports.layout.document import Cell, plain
    from safecity_reports.render.pdf.document import count_pages
    from safecity_reports.styles import load_styles

    rows = tuple((Cell(plain(f"Measure {n}")), Cell(plain(str(n)))) for n in range(20))
    table = Table(
        "Measures in one table", ((Cell(plain("Measure")), Cell(plain("2016"))),), rows, (3, 1)
    )
    story = (*_filler(20), Heading(2, "The table", "table"), table, Heading(2, "After", "after"))
    pages = count_pages(_story(*story), load_styles())
    assert pages.anchor_pages["table"] == 1
    assert pages.anchor_pages["after"] == 2


def test_a_short_table_that_cannot_break_takes_its_heading_to_the_next_page():
    """A table of four tall rows cannot break with three rows on each side: where its first rows
    fit under its heading but the whole does not, it moved to the next page alone and left its
    heading at the foot of this one (late-figures' 'Summary'). With any amount of text before
    it, the table never starts a page without its heading."""
    from safecity_reports.layout.document import Cell, Paragraph, plain
    from safecity_reports.render.pdf.document import count_pages
    from safecity_reports.styles import load_styles

    rows = tuple(
        (Cell(plain(f"Measure {n} " + "with a long name that wraps " * 3)), Cell(plain(str(n))))
        for n in range(4)
    )
    table = Table("Four tall rows", ((Cell(plain("Measure")), Cell(plain("2016"))),), rows, (3, 1))
    styles = load_styles()
    for lines in range(20, 40):  # the table's place runs down the page and over
        filler = tuple(Paragraph(plain(f"Line {n} of the page before.")) for n in range(lines))
        pages = count_pages(_story(*filler, Heading(2, "The table", "table"), table), styles)
        assert (lines + 1,) not in pages.page_starts, lines  # the table's place: after the heading


def test_word_breaks_a_table_where_the_pdf_does_under_a_continued_caption(tmp_path):
    """Word's continued tables carry '(continued)' captions and their header again, like the
    PDF's: the PDF's first pass says which rows fall on each page, and Word breaks there."""
    import docx
    from docx.oxml.ns import qn

    from safecity_reports.layout.document import Cell, plain
    from safecity_reports.render.docx.document import write_docx
    from safecity_reports.render.pdf.document import count_pages
    from safecity_reports.styles import load_styles

    styles = load_styles()
    # at most render/pdf/long_tables' WINDOW rows (a longer table is windowed, and Word breaks
    # it itself)
    rows = tuple((Cell(plain(f"Measure {n}")), Cell(plain(str(n)))) for n in range(38))
    header = ((Cell(plain("Measure")), Cell(plain("2016"))),)
    table = Table("Measures in one table", header, rows, (3, 1))
    document = _story(*_filler(10), table)
    parts = count_pages(document, styles).table_parts
    assert list(parts) == [0] and len(parts[0]) >= 2 and sum(parts[0]) == 38
    path = tmp_path / "continued.docx"
    write_docx(document, {}, path, styles, table_parts=parts)
    word = docx.Document(str(path))
    assert [len(t.rows) - 1 for t in word.tables] == list(parts[0])
    captions = [p for p in word.paragraphs if p.text.startswith("Measures in one table")]
    assert [p.text for p in captions] == ["Measures in one table"] + [
        "Measures in one table (continued)"
    ] * (len(parts[0]) - 1)
    assert [bool(p.paragraph_format.page_break_before) for p in captions][1:] == [True] * (
        len(parts[0]) - 1
    )
    for part in word.tables:  # each part's header repeats, marked as a header
        assert part.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert part.rows[0].cells[0].text == "Measure"
    # parts that do not fit the table (another document's) leave it whole
    write_docx(document, {}, path, styles, table_parts={0: (30, 10)})
    assert len(docx.Document(str(path)).tables) == 1
