"""The Word report: reopened with python-docx and checked for structure, not bytes."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from conftest import convert_with_libreoffice, needs_libreoffice
from safecity_reports.errors import UsageError
from safecity_reports.layout.document import (
    Align,
    BulletList,
    Callout,
    Cell,
    Chart,
    ChartKind,
    Contents,
    Document,
    FigureBlock,
    Heading,
    KeepTogether,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Series,
    Span,
    Table,
    Tone,
    plain,
)
from safecity_reports.render.docx.document import bookmark_name, write_docx
from safecity_reports.render.docx.reference import build_reference
from safecity_reports.styles import Styles, load_styles

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

CHART = Chart(
    kind=ChartKind.LINE,
    title="Total crime rose for the third quarter running",
    categories=("2016/17 Q1", "2016/17 Q2"),
    series=(Series("Southampton", (28.06, 29.92)),),
    y_label="Crimes per 1,000 people",
)
ALT = (
    "Line chart of total crime per 1,000 people from 2016/17 Q1 to 2016/17 Q2: "
    "it rose from 28.06 to 29.92."
)


def cell(text: str, **kwargs: object) -> Cell:
    return Cell(plain(text), **kwargs)  # type: ignore[arg-type]


SUMMARY = Table(
    caption="Table 1: Measures by priority, 2016/17 Q2 (source: partners' returns)",
    header=(
        (
            cell("Priority"),
            cell("Ref"),
            cell("Measure"),
            cell("Previous", align=Align.RIGHT),
            cell("Current", align=Align.RIGHT),
            cell("Travel"),
        ),
    ),
    rows=(
        (
            cell("Reduce crime & anti-social behaviour", row_span=2, row_header=True),
            cell("1.2a"),
            cell("Total crime <rate per 1,000>"),
            cell("28.06", align=Align.RIGHT),
            cell("29.92", align=Align.RIGHT),
            Cell((Span("▲ up, worse", tone=Tone.BAD),)),
        ),
        (
            cell("1.2c"),
            cell("Burglary in a dwelling 🏠"),
            cell("0.93", align=Align.RIGHT),
            cell("0.92", align=Align.RIGHT),
            Cell((Span("▼ down, better", tone=Tone.GOOD),)),
        ),
        (
            cell("Reduce harm caused by drugs and alcohol", row_header=True),
            cell("2.3"),
            cell("Alcohol related violent crime"),
            cell("1.35", align=Align.RIGHT),
            cell("1.54", align=Align.RIGHT),
            Cell((Span("► no change", tone=Tone.NEUTRAL),)),
        ),
    ),
    widths=(3, 1, 5, 1.5, 1.5, 2),
    row_groups=(0, 2),
)

GROUPED = Table(
    caption="Table 2: Feeling safe, 2013/14 and 2015/16 (source: city survey)",
    header=(
        (cell("Time of day"), cell("Very safe (%)", col_span=2, align=Align.CENTRE)),
        (cell(""), cell("2013/14", align=Align.RIGHT), cell("2015/16", align=Align.RIGHT)),
    ),
    rows=(
        (
            cell("Day", row_header=True),
            cell("58.0", align=Align.RIGHT),
            cell("60.0", align=Align.RIGHT),
        ),
        (
            cell("Night", row_header=True),
            cell("35.0", align=Align.RIGHT),
            cell("31.0", align=Align.RIGHT),
        ),
    ),
    widths=(2, 1, 1),
)

HEADINGS = (
    Heading(1, "Summary of performance", "summary"),
    Heading(2, "Reduce crime and anti-social behaviour", "priority-1"),
    Heading(3, "Measure 1.1: people who feel safe", "measure-1.1"),
    Heading(1, "Appendix: all measures", "appendix"),
)


def build_document() -> Document:
    summary, priority, measure, appendix = HEADINGS
    return Document(
        title="Safe City Partnership performance report",
        subject="Community safety performance, 2016/17 Q2",
        author="Safe City Partnership",
        language="en-GB",
        running_head="Safe City Partnership | Performance report | 2016/17 Q2",
        blocks=(
            Paragraph(plain("Safe City Partnership performance report"), ParagraphStyle.TITLE),
            Paragraph(plain("Quarter 2, 2016/17"), ParagraphStyle.SUBTITLE),
            Contents(tuple((h.level, h.text, h.anchor) for h in HEADINGS)),
            KeepTogether(
                (
                    summary,
                    Paragraph(
                        (
                            Span("Total crime "),
                            Span("▲ up, worse", tone=Tone.BAD),
                            Span(" — see "),
                            Span("the appendix", link="appendix"),
                            Span("."),
                        ),
                        ParagraphStyle.LEAD,
                    ),
                )
            ),
            SUMMARY,
            Paragraph(plain("Comparisons are between Q1 and Q2 2016/17."), ParagraphStyle.NOTE),
            PageBreak(landscape=True),
            priority,
            GROUPED,
            Callout(
                (
                    (Span("A high percentage is "), Span("good", bold=True)),
                    plain("Preferred direction of travel: ▲"),
                )
            ),
            BulletList(
                (
                    (1, plain("Survey every two years")),
                    (2, plain("Next survey due in 2017/18")),
                    (1, plain("Figures are rounded")),
                )
            ),
            PageBreak(landscape=False),
            KeepTogether((measure, FigureBlock(CHART, ALT, "Source: police recorded crime."))),
            appendix,
            Paragraph(plain("Every measure in full.")),
        ),
    )


@pytest.fixture
def png(tmp_path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(6.3, 3.2), dpi=50)
    axes.plot([0, 1], [28.06, 29.92])
    path = tmp_path / "chart.png"
    figure.savefig(path)
    plt.close(figure)
    return path


@pytest.fixture(params=["reference", "built-in"])
def styles(request: pytest.FixtureRequest, tmp_path: Path) -> Styles:
    loaded = load_styles()
    if request.param == "reference":
        reference = tmp_path / "reference.docx"
        build_reference(loaded).save(str(reference))
        return dataclasses.replace(loaded, reference_docx=reference)
    return dataclasses.replace(loaded, reference_docx=None)


@pytest.fixture
def written(tmp_path: Path, png: Path, styles: Styles) -> Path:
    path = tmp_path / "report.docx"
    write_docx(build_document(), {CHART: png}, path, styles)
    return path


def all_text(word: docx.document.Document) -> str:
    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def test_headings_use_word_heading_styles_in_order(written: Path) -> None:
    word = docx.Document(str(written))
    found = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert found == [(f"Heading {h.level}", h.text) for h in HEADINGS]


def test_title_and_paragraph_styles(written: Path) -> None:
    word = docx.Document(str(written))
    styles = {p.text: p.style.name for p in word.paragraphs if p.text}
    assert styles["Safe City Partnership performance report"] == "Title"
    assert styles["Quarter 2, 2016/17"] == "Subtitle"
    assert styles["Comparisons are between Q1 and Q2 2016/17."] == "Note"
    assert styles["Survey every two years"] == "List Bullet"
    assert styles["Next survey due in 2017/18"] == "List Bullet 2"
    # quieter than a table's caption, as the PDF's source under a chart
    assert styles["Source: police recorded crime."] == "Chart Caption"
    assert styles[SUMMARY.caption] == "Caption"


def test_contents_links_resolve_to_heading_bookmarks(written: Path) -> None:
    word = docx.Document(str(written))
    body = word.element.body
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    assert {bookmark_name(h.anchor) for h in HEADINGS} <= bookmarks
    links = [h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink"))]
    assert len(links) == len(HEADINGS) + 1  # the contents and one link in the text
    assert all(link in bookmarks for link in links)
    # Word's own contents: a TOC field over the headings, each entry a PAGEREF to its heading
    codes = [t.text.strip() for t in body.iter(qn("w:instrText"))]
    assert codes[0] == 'TOC \\o "1-2" \\h \\z'
    assert codes[1:] == [f"PAGEREF {bookmark_name(h.anchor)} \\h" for h in HEADINGS]
    contents = [p for p in word.paragraphs if p.style.name.startswith("toc")]
    assert [p.text.split("\t")[0] for p in contents] == [h.text for h in HEADINGS]
    settings = word.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def test_bookmark_names_are_valid_for_word() -> None:
    assert bookmark_name("summary") == "summary"
    names = {bookmark_name(a) for a in ("priority-1", "priority_1", "1.1a", "x" * 60)}
    assert len(names) == 4
    for name in names:
        assert name[0].isalpha() and len(name) <= 40
        assert all(c.isalnum() or c == "_" for c in name)


def test_pictures_carry_the_alt_text(written: Path) -> None:
    word = docx.Document(str(written))
    doc_prs = [d for d in word.element.body.xpath(".//wp:docPr") if not _decorative(d)]
    assert len(doc_prs) == 1
    assert [d.get("descr") for d in doc_prs] == [ALT]
    assert doc_prs[0].get("title") == CHART.title
    width = word.inline_shapes[0].width
    section = word.sections[-1]
    assert 0 < width <= section.page_width - section.left_margin - section.right_margin


DECORATIVE = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
"""The extension Word 365 writes for "Mark as decorative" (MS-ODRAWXML 5.32)."""
ADEC = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _decorative(doc_pr: object) -> bool:
    """Whether a picture's ``wp:docPr`` marks it decorative, as Word's "Mark as decorative"."""
    return any(
        ext.get("uri") == DECORATIVE and flag.get("val") in ("1", "true")
        for ext in doc_pr.iter(f"{A}ext")  # type: ignore[attr-defined]
        for flag in ext.iter(ADEC)
    )


def _mark_picture(word: docx.document.Document, run: object) -> tuple[tuple[int, ...], int, int]:
    """The colour of a mark's picture in ``run`` (its most opaque pixel) and its size (EMU)."""
    from PIL import Image

    (rel_id,) = run._r.xpath(".//a:blip/@r:embed")  # type: ignore[attr-defined]
    (extent,) = run._r.xpath(".//wp:extent")  # type: ignore[attr-defined]
    image = Image.open(io.BytesIO(word.part.related_parts[rel_id].blob)).convert("RGBA")
    data = image.tobytes()
    colour = tuple(max((data[i : i + 4] for i in range(0, len(data), 4)), key=lambda p: p[3])[:3])
    return colour, int(extent.get("cx")), int(extent.get("cy"))


def test_marks_beside_words_are_decorative_pictures(written: Path, styles: Styles) -> None:
    """A travel arrow repeats the words beside it: a screen reader must not read it out, so
    Word gets it as a picture marked decorative (no alt text needed), not as a character."""
    with zipfile.ZipFile(written) as package:
        xml = package.read("word/document.xml").decode("utf-8")
        media = [n for n in package.namelist() if n.startswith("word/media/mark")]
    text = "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml))
    assert not set(text) & set("▲▼►")
    word = docx.Document(str(written))
    marks = [d for d in word.element.body.xpath(".//wp:docPr") if _decorative(d)]
    assert len(marks) == 5  # the summary's three arrows, the lead paragraph's, the panel's
    assert all(d.get("descr") == "" and not d.get("title") for d in marks)
    # drawn once per glyph and colour: the summary's ▲ and the lead's share a picture
    assert len(media) == 4
    summary = word.tables[0]
    for row, colour in ((1, styles.palette.bad), (2, styles.palette.good)):
        mark = summary.cell(row, 5).paragraphs[0].runs[0]
        drawn, width, height = _mark_picture(word, mark)
        assert drawn == tuple(bytes.fromhex(colour.lstrip("#")))
        # as wide as the glyph's advance in 9 pt table text (Liberation Sans: 2027/2048 em)
        assert width == pytest.approx(2027 / 2048 * styles.sizes.table * 12700, rel=0.01)
        assert 0.5 * width < height < width
    callout = next(p for p in word.paragraphs if p.style.name == "Callout")
    drawn, width, _ = _mark_picture(word, callout.runs[-1])
    assert drawn == tuple(bytes.fromhex(styles.palette.text.lstrip("#")))  # the text's colour
    assert width == pytest.approx(2027 / 2048 * styles.sizes.body * 12700, rel=0.01)


def test_tables_repeat_headers_and_rows_do_not_split(written: Path) -> None:
    word = docx.Document(str(written))
    summary, grouped = word.tables
    for table, header_rows in ((summary, 1), (grouped, 2)):
        for index, row in enumerate(table.rows):
            tr_pr = row._tr.trPr
            assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None
            is_header = tr_pr.find(qn("w:tblHeader")) is not None
            assert is_header == (index < header_rows), index


def _kept_with_next(row) -> bool:  # type: ignore[no-untyped-def]
    return any(
        (pr := p.find(qn("w:pPr"))) is not None and pr.find(qn("w:keepNext")) is not None
        for p in row._tr.iter(qn("w:p"))
    )


@pytest.mark.parametrize("rows", [1, 2, 8])
def test_a_tables_first_and_last_rows_stay_together_but_never_tie_it_to_what_follows(
    tmp_path: Path, rows: int
) -> None:
    """No orphan rows (the header with the first rows, the last rows together), but the last
    row is never kept with the next paragraph: that tied a one-row table to what follows it,
    and Word carried both over to a new page, leaving a third of one empty (issue 25)."""
    body = tuple((Cell(plain(f"Row {i}")), Cell(plain(str(i)), Align.RIGHT)) for i in range(rows))
    table = Table("Figures", ((Cell(plain("Period")), Cell(plain("Actual"))),), body, (2, 1))
    document = dataclasses.replace(
        build_document(), blocks=(table, Paragraph(plain("What follows.")))
    )
    path = tmp_path / "rows.docx"
    write_docx(document, {}, path, load_styles())
    drawn = docx.Document(str(path)).tables[0].rows
    kept = [_kept_with_next(row) for row in drawn]
    assert kept[-1] is False
    assert kept[0] is True  # the header goes with the first row
    if rows >= 6:  # the last three rows together, the middle free to break
        assert kept[-3:-1] == [True, True] and not all(kept[3:-3])


def test_spans_become_merged_cells(written: Path) -> None:
    word = docx.Document(str(written))
    summary, grouped = word.tables
    merges = [v.get(qn("w:val")) for v in summary._tbl.iter(qn("w:vMerge"))]
    assert merges == ["restart", None]  # the priority cell covers two rows
    assert summary.cell(1, 0).text == summary.cell(2, 0).text == SUMMARY.rows[0][0].text
    spans = [int(g.get(qn("w:val"))) for g in grouped._tbl.iter(qn("w:gridSpan"))]
    assert spans == [2]
    assert grouped.rows[0].cells[1].text == "Very safe (%)"


def test_table_formatting(written: Path, styles: Styles) -> None:
    word = docx.Document(str(written))
    summary = word.tables[0]
    priority = summary.cell(1, 0).paragraphs[0].runs[0]
    assert priority.bold
    number = summary.cell(1, 3).paragraphs[0]
    assert number.alignment is not None and number.alignment.name == "RIGHT"
    header_fill = summary.cell(0, 0)._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
    assert header_fill == styles.palette.header_fill.lstrip("#").upper()
    mark, arrow = summary.cell(1, 5).paragraphs[0].runs
    assert mark._r.xpath("./w:drawing") and arrow.text == " up, worse"
    assert str(arrow.font.color.rgb) == styles.palette.bad.lstrip("#").upper()
    assert arrow.bold
    good = summary.cell(2, 5).paragraphs[0].runs[1]
    assert str(good.font.color.rgb) == styles.palette.good.lstrip("#").upper()
    # The second priority starts a group: a stronger rule above it.
    assert summary.cell(3, 0)._tc.tcPr.find(qn("w:tcBorders")) is not None
    # Widths fill the portrait text width.
    section = word.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    total = sum(c.width for c in summary.columns)
    assert abs(total - text_width) < 20000


def test_every_text_is_present_as_typed(written: Path) -> None:
    text = all_text(docx.Document(str(written)))
    document = build_document()
    expected: list[str] = []
    for table in (SUMMARY, GROUPED):
        expected.append(table.caption)
        expected.extend(c.text for row in table.header + table.rows for c in row)
    expected += [
        "Preferred direction of travel: ",
        "A high percentage is good",
        "Total crime  up, worse — see the appendix.",
        "Every measure in full.",
    ]
    for block in document.blocks:
        if isinstance(block, Paragraph):
            expected.append("".join(s.text for s in block.spans))
    for snippet in expected:
        # the travel arrows are pictures, not text (see test_marks_beside_words_are_...)
        assert re.sub("[▲▼►]", "", snippet) in text, snippet
    assert "Total crime <rate per 1,000>" in text
    assert "Burglary in a dwelling 🏠" in text


def test_language_is_on_the_styles_and_properties(written: Path) -> None:
    word = docx.Document(str(written))
    assert word.core_properties.language == "en-GB"
    assert word.core_properties.title == "Safe City Partnership performance report"
    assert word.core_properties.author == "Safe City Partnership"
    styles_xml = zipfile.ZipFile(written).read("word/styles.xml").decode("utf-8")
    assert 'w:lang w:val="en-GB"' in styles_xml
    defaults = word.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert defaults is not None and defaults.get(qn("w:val")) == "en-GB"
    normal = word.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert normal.get(qn("w:val")) == "en-GB"


def test_sections_change_orientation(written: Path) -> None:
    word = docx.Document(str(written))
    orientations = [s.orientation for s in word.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    landscape = word.sections[1]
    assert landscape.page_width > landscape.page_height
    assert all(s.header.is_linked_to_previous for s in word.sections[1:])
    assert abs(word.sections[0].page_width.cm - 21.0) < 0.1
    assert abs(word.sections[0].left_margin.cm - 2.0) < 0.1


def test_page_furniture(written: Path) -> None:
    word = docx.Document(str(written))
    section = word.sections[0]
    assert section.header.paragraphs[0].text == build_document().running_head
    footer = section.footer.paragraphs[0]
    instructions = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Page ")


def test_keep_together_holds_a_heading_to_what_follows(written: Path) -> None:
    word = docx.Document(str(written))
    paragraphs = {p.text: p for p in word.paragraphs}
    measure = paragraphs[HEADINGS[2].text]
    assert measure.paragraph_format.keep_with_next
    caption = paragraphs["Source: police recorded crime."]
    assert not caption.paragraph_format.keep_with_next


def test_callout_is_one_boxed_paragraph(written: Path) -> None:
    word = docx.Document(str(written))
    callouts = [p for p in word.paragraphs if p.style.name == "Callout"]
    assert [p.text for p in callouts] == [
        "A high percentage is good\nPreferred direction of travel: "
    ]
    assert callouts[0].runs[-1]._r.xpath("./w:drawing")  # the arrow
    style = word.styles["Callout"].element
    borders = style.pPr.find(qn("w:pBdr"))
    assert style.pPr.find(qn("w:shd")) is not None
    # as the PDF's panel: a thin rule round it, a bar of the primary colour at its left
    sizes = {b.tag.split("}")[1]: (b.get(qn("w:sz")), b.get(qn("w:color"))) for b in borders}
    styles = load_styles()
    assert sizes["left"] == ("24", styles.palette.primary.lstrip("#").upper())
    for side in ("top", "bottom", "right"):
        assert sizes[side] == ("6", styles.palette.rule.lstrip("#").upper())


def test_a_damaged_reference_document_is_a_usage_error(tmp_path: Path, png: Path) -> None:
    reference = tmp_path / "reference.docx"
    reference.write_text("not a Word document", encoding="utf-8")
    styles = dataclasses.replace(load_styles(), reference_docx=reference)
    with pytest.raises(UsageError, match="reference document .* cannot be used"):
        write_docx(build_document(), {CHART: png}, tmp_path / "out.docx", styles)


def test_a_council_reference_keeps_its_own_styles(tmp_path: Path, png: Path) -> None:
    styles = load_styles()
    council = build_reference(styles)
    council.styles["Heading 1"].font.color.rgb = RGBColor(0x00, 0x5E, 0xA5)
    council.styles["Note"].delete()
    reference = tmp_path / "reference.docx"
    council.save(str(reference))
    out = tmp_path / "out.docx"
    write_docx(
        build_document(), {CHART: png}, out, dataclasses.replace(styles, reference_docx=reference)
    )
    word = docx.Document(str(out))
    assert str(word.styles["Heading 1"].font.color.rgb) == "005EA5"
    assert word.styles["Note"].font.size == Pt(styles.sizes.note)  # added back
    assert "Reference styles" not in word.core_properties.title
    assert not [p for p in word.paragraphs if "in sentence case" in p.text]  # samples removed


def test_missing_image_is_reported(tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="no image was drawn"):
        write_docx(build_document(), {}, tmp_path / "out.docx", load_styles())


@needs_libreoffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler pdftotext is not on PATH")
def test_libreoffice_converts_it_to_pdf(tmp_path: Path, png: Path) -> None:
    source = tmp_path / "report.docx"
    write_docx(build_document(), {CHART: png}, source, load_styles())
    pdf = convert_with_libreoffice(source, "pdf", tmp_path)
    assert pdf.is_file()
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert HEADINGS[0].text in text
    assert " up, worse" in text and "▲" not in text  # the arrow is a picture
    assert "Page 1 of " in text


def test_a_minus_sign_is_a_non_breaking_hyphen_so_no_line_ends_after_it():
    """Word and LibreOffice break a line after a hyphen: '(-1.3%)' in a narrow cell printed as
    '(-' and '1.3%)'. A minus sign (a hyphen before a digit, not inside a word or number) is a
    non-breaking hyphen; python-docx (and a screen reader) read it as a hyphen."""
    from docx import Document as Word

    from safecity_reports.render.docx.xml import add_text_run

    paragraph = Word().add_paragraph()
    run = add_text_run(paragraph, "-0.01 (-1.3%) in 2012-13, a re-run")
    assert len(run._r.findall(qn("w:noBreakHyphen"))) == 2
    assert run.text == "-0.01 (-1.3%) in 2012-13, a re-run"


def test_a_key_action_under_a_heading_goes_with_what_it_introduces(tmp_path: Path) -> None:
    """Word left monthly-spc's 2.3a heading and its key action alone at a page's foot."""
    note = Paragraph(plain("Key action: Reduce burglary."), ParagraphStyle.NOTE)
    blocks = (
        Heading(2, "2.3a Burglary", "page-2.3a"),
        note,
        Paragraph(plain("The sentence.")),
        Paragraph(plain("A note after a sentence."), ParagraphStyle.NOTE),
    )
    path = tmp_path / "note.docx"
    write_docx(dataclasses.replace(build_document(), blocks=blocks), {}, path, load_styles())
    kept = {p.text: p.paragraph_format.keep_with_next for p in docx.Document(str(path)).paragraphs}
    assert kept["Key action: Reduce burglary."] is True
    assert not kept["A note after a sentence."]
