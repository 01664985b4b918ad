"""The PDF renderer: reopen the written file and check what a reader and a screen reader get."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pypdf import PdfReader

from safecity_reports.errors import ReportError
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
from safecity_reports.render.pdf.document import write_pdf
from safecity_reports.styles import load_styles

TYPED = "Typed as is: <b>&]]> stays"
LONG_ROWS = 70


def _png(path: Path, width: int = 120, height: int = 60) -> Path:
    """A small valid PNG: a dark blue band on white."""
    rows = b"".join(
        b"\x00"
        + b"".join(
            b"\x12\x43\x6d" if height // 3 < y < 2 * height // 3 else b"\xff\xff\xff"
            for _ in range(width)
        )
        for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    return path


CHART = Chart(
    kind=ChartKind.LINE,
    title="Total crime rose for the third quarter running",
    categories=("2016/17 Q1", "2016/17 Q2"),
    series=(Series("Southampton", (28.06, 29.92)),),
    y_label="Crimes per 1,000 residents",
)


def _summary_table() -> Table:
    def row(priority: Cell | None, ref: str, measure: str, travel: Span) -> tuple[Cell, ...]:
        cells = (
            Cell(plain(ref), row_header=True),
            Cell(plain(measure)),
            Cell((travel,), align=Align.RIGHT),
        )
        return (priority, *cells) if priority else cells

    return Table(
        caption="Summary of measures, 2016/17 Q2",
        header=(
            (
                Cell(plain("Priority")),
                Cell(plain("Ref")),
                Cell(plain("Measure")),
                Cell(plain("Travel"), align=Align.RIGHT),
            ),
        ),
        rows=(
            row(
                Cell(plain("Reduce crime"), row_span=2),
                "1.2a",
                "Total crime per 1,000",
                Span("▲ up, worse", tone=Tone.BAD),
            ),
            row(None, "1.4", "Most similar group position", Span("► no change", tone=Tone.NEUTRAL)),
            row(
                Cell(plain("Reduce harm")),
                "2.2b",
                "Treatment completions",
                Span("▲ up, better", tone=Tone.GOOD),
            ),
        ),
        widths=(3, 1, 6, 2),
        row_groups=(2,),
    )


def _grouped_header_table() -> Table:
    return Table(
        caption="Spending by quarter",
        header=(
            (
                Cell(plain("Area"), row_span=2),
                Cell(plain("Spending (£)"), col_span=2, align=Align.CENTRE),
            ),
            (Cell(plain("Q1"), align=Align.RIGHT), Cell(plain("Q2"), align=Align.RIGHT)),
        ),
        rows=(
            (
                Cell(plain("Café “Nord”"), row_header=True),
                Cell(plain("£1,200"), align=Align.RIGHT),
                Cell(plain("£1,350"), align=Align.RIGHT),
            ),
        ),
        widths=(2, 1, 1),
    )


def _long_table() -> Table:
    return Table(
        caption="Every ward",
        header=((Cell(plain("Ward name")), Cell(plain("Crimes per 1,000"), align=Align.RIGHT)),),
        rows=tuple(
            (
                Cell(plain(f"Ward {n:03d}"), row_header=True),
                Cell(plain(f"{n}.0"), align=Align.RIGHT),
            )
            for n in range(LONG_ROWS)
        ),
        widths=(3, 1),
    )


def _document() -> Document:
    return Document(
        title="Safe City Partnership performance report",
        subject="Quarterly performance, 2016/17 Q2",
        author="Safe City Partnership",
        language="en-GB",
        running_head="Safe City Partnership · Performance report · 2016/17 Q2",
        blocks=(
            Paragraph(plain("Safe City Partnership performance report"), ParagraphStyle.TITLE),
            Paragraph(plain("2016/17 Q2"), ParagraphStyle.SUBTITLE),
            Heading(1, "Contents", "contents"),
            Contents(
                (
                    (1, "Summary", "summary"),
                    (2, "Key to arrows", "key"),
                    (1, "Reduce crime", "crime"),
                    (2, "1.2 Total crime", "total-crime"),
                    (1, "Every ward", "wards"),
                )
            ),
            PageBreak(landscape=True),
            Heading(1, "Summary", "summary"),
            Paragraph(plain("Comparisons are between 2016/17 Q1 and Q2."), ParagraphStyle.LEAD),
            _summary_table(),
            KeepTogether(
                (
                    Heading(2, "Key to arrows", "key"),
                    Callout(
                        (
                            (Span("▲ ▼ ►", bold=True), Span(" show the direction of travel")),
                            (Span("Worse", tone=Tone.BAD), Span(" means the change is bad news")),
                        )
                    ),
                )
            ),
            PageBreak(landscape=False),
            Heading(1, "Reduce crime", "crime"),
            Heading(2, "1.2 Total crime", "total-crime"),
            Heading(3, "What the partnership did", "did"),
            BulletList(
                (
                    (1, plain("Patrols in the city centre")),
                    (2, plain("Friday and Saturday nights")),
                    (1, plain("A £5,000 grant for ‘Street Pastors’")),
                )
            ),
            Paragraph(plain(TYPED)),
            Paragraph((Span("See the "), Span("summary", link="summary"), Span(" page."))),
            FigureBlock(CHART, alt="Line chart of total crime", caption="Source: police data"),
            _grouped_header_table(),
            Paragraph(plain("Résumé of footnotes."), ParagraphStyle.NOTE),
            PageBreak(),
            Heading(1, "Every ward", "wards"),
            _long_table(),
        ),
    )


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    path = folder / "report.pdf"
    write_pdf(_document(), {CHART: _png(folder / "chart.png")}, path, load_styles())
    return path


def _pdftotext(path: Path, *pages: int) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    first_last = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    result = subprocess.run(
        ["pdftotext", "-layout", *first_last, str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def _words(text: str) -> str:
    """The text with line breaks and layout spacing reduced to single spaces."""
    return " ".join(text.split())


def _page_texts(path: Path) -> list[str]:
    pages = len(PdfReader(path).pages)
    return [_pdftotext(path, n) for n in range(1, pages + 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Safe City Partnership performance report",
        "▲ up, worse",
        "► no change",
        "▲ up, better",
        "▲ ▼ ►",
        "£1,200",
        "Spending (£)",
        "Café “Nord”",
        "‘Street Pastors’",
        "Friday and Saturday nights",
        TYPED,
        "Résumé of footnotes.",
        "Source: police data",
        "Summary of measures, 2016/17 Q2",
        "Reduce crime",
        "Safe City Partnership · Performance report · 2016/17 Q2",
        "Ward 069",
    ],
)
def test_every_text_prints_as_typed(pdf: Path, text: str) -> None:
    # the glyphs drawn (pypdf); poppler reads the arrows' empty /ActualText, as a screen reader
    printed = _words(" ".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert text in printed
    if not set(text) & set("▲▼►"):
        assert text in _words(_pdftotext(pdf))


def test_markup_typed_in_text_is_not_interpreted(pdf: Path) -> None:
    text = _words(_pdftotext(pdf))
    assert "Typed as is: <b>&]]> stays" in text
    assert "&amp;" not in text and "&lt;" not in text


def test_fonts_are_embedded_and_none_is_helvetica(pdf: Path) -> None:
    fonts: dict[str, pikepdf.Object] = {}
    with pikepdf.open(pdf) as doc:
        for page in doc.pages:
            for font in page.Resources.get("/Font", {}).values():
                fonts[str(font.BaseFont)] = font
            for xobject in page.Resources.get("/XObject", {}).values():
                assert xobject.Subtype == "/Image", "text is never drawn as a picture of text"
        assert fonts
        for name, font in fonts.items():
            assert "Helvetica" not in name
            assert "LiberationSans" in name, "the font shipped in the package"
            descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), name


def test_outline_has_an_entry_per_heading_nested_by_level(pdf: Path) -> None:
    reader = PdfReader(pdf)

    def shape(items: list) -> list:
        out: list = []
        for item in items:
            if isinstance(item, list):
                out.append(shape(item))
            else:
                out.append(item.title)
        return out

    assert shape(reader.outline) == [
        "Contents",
        "Summary",
        ["Key to arrows"],
        "Reduce crime",
        ["1.2 Total crime", ["What the partnership did"]],
        "Every ward",
    ]
    assert reader.page_mode == "/UseOutlines"


def test_outline_levels_never_jump(tmp_path: Path) -> None:
    document = Document(
        "T",
        "S",
        "A",
        "en-GB",
        "Head",
        blocks=(
            Heading(1, "One", "one"),
            Heading(3, "Three under one", "three"),
        ),
    )
    path = tmp_path / "jump.pdf"
    write_pdf(document, {}, path, load_styles())
    outline: Any = PdfReader(path).outline
    assert outline[0].title == "One"
    assert [item.title for item in outline[1]] == ["Three under one"]


def _anchor_positions(reader: PdfReader) -> dict[str, tuple[int, float]]:
    """Heading title -> (page index, top) of its outline entry, i.e. its bookmark."""
    positions: dict[str, tuple[int, float]] = {}

    def visit(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                visit(item)
            else:
                page = reader.get_destination_page_number(item)
                assert page is not None
                positions[item.title] = (page, float(item.top))

    visit(reader.outline)
    return positions


def _links(reader: PdfReader, page_index: int) -> list[tuple[int, float]]:
    """(page index, top) that each link on the page jumps to."""
    page_numbers = {
        page.indirect_reference.idnum: n  # type: ignore[union-attr]
        for n, page in enumerate(reader.pages)
    }
    targets: list[tuple[int, float]] = []
    for annot in reader.pages[page_index].get("/Annots", []):
        annot = annot.get_object()
        if annot.get("/Subtype") != "/Link":
            continue
        dest: Any = annot.get("/Dest")
        if dest is None:
            dest = annot["/A"]["/D"]
        if isinstance(dest, str):
            named: Any = reader.named_destinations[dest]
            page = reader.get_destination_page_number(named)
            assert page is not None
            targets.append((page, float(named.top)))
        else:
            assert dest[1] == "/XYZ"
            targets.append((page_numbers[dest[0].idnum], float(dest[3])))
    return targets


def test_contents_links_jump_to_their_headings(pdf: Path) -> None:
    reader = PdfReader(pdf)
    headings = _anchor_positions(reader)
    targets = set(_links(reader, 0))
    for title in ("Summary", "Key to arrows", "Reduce crime", "1.2 Total crime", "Every ward"):
        assert headings[title] in targets, title
    texts = _page_texts(pdf)
    assert "Every ward" in texts[headings["Every ward"][0]]
    # The contents print the page each heading is on.
    assert re.search(rf"Every ward\s+{headings['Every ward'][0] + 1}\n", texts[0])
    assert re.search(rf"Summary\s+{headings['Summary'][0] + 1}\n", texts[0])


def test_span_links_jump_to_their_heading(pdf: Path) -> None:
    reader = PdfReader(pdf)
    headings = _anchor_positions(reader)
    crime_page = headings["Reduce crime"][0]
    assert headings["Summary"] in _links(reader, crime_page)


def test_pages_are_numbered_page_x_of_y(pdf: Path) -> None:
    texts = _page_texts(pdf)
    total = len(texts)
    assert total >= 5
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {total}" in text
        assert "Safe City Partnership · Performance report · 2016/17 Q2" in text


def test_landscape_pages_are_wider_than_tall(pdf: Path) -> None:
    reader = PdfReader(pdf)
    shapes = []
    for page in reader.pages:
        box = page.mediabox
        shapes.append("landscape" if box.width > box.height else "portrait")
    headings = _anchor_positions(reader)
    summary, crime = headings["Summary"][0], headings["Reduce crime"][0]
    assert shapes[0] == "portrait"
    assert shapes[summary] == "landscape"
    assert shapes[crime] == "portrait"


def test_catalog_declares_language_title_display_and_metadata(pdf: Path) -> None:
    with pikepdf.open(pdf) as doc:
        assert str(doc.Root.Lang) == "en-GB"
        assert bool(doc.Root.ViewerPreferences.DisplayDocTitle) is True
        assert str(doc.Root.PageMode) == "/UseOutlines"
    metadata = PdfReader(pdf).metadata
    assert metadata is not None
    assert metadata.title == "Safe City Partnership performance report"
    assert metadata.author == "Safe City Partnership"
    assert metadata.subject == "Quarterly performance, 2016/17 Q2"


def test_long_table_repeats_its_header_row_on_every_page(pdf: Path) -> None:
    texts = _page_texts(pdf)
    pages = [t for t in texts if re.search(r"Ward \d{3}", t)]
    assert len(pages) >= 2
    for text in pages:
        first_ward = text.index("Ward 0")
        assert "Ward name" in text[:first_ward]
        assert "Crimes per 1,000" in text[:first_ward]
    # Every row is printed once: none is lost or split at the page break.
    wards = re.findall(r"Ward (\d{3})", "".join(pages))
    assert wards == [f"{n:03d}" for n in range(LONG_ROWS)]


def test_figure_is_drawn_as_an_image(pdf: Path) -> None:
    reader = PdfReader(pdf)
    crime_page = _anchor_positions(reader)["Reduce crime"][0]
    assert len(reader.pages[crime_page].images) == 1


def test_a_chart_without_an_image_is_an_error(tmp_path: Path) -> None:
    document = Document(
        "T", "S", "A", "en-GB", "Head", blocks=(FigureBlock(CHART, alt="alt", caption="caption"),)
    )
    with pytest.raises(ReportError, match="no image was drawn for the chart 'Total crime rose"):
        write_pdf(document, {}, tmp_path / "x.pdf", load_styles())


def test_a_row_wider_than_the_table_is_an_error(tmp_path: Path) -> None:
    table = Table("Too wide", header=(), rows=((Cell(plain("a")), Cell(plain("b"))),), widths=(1,))
    document = Document("T", "S", "A", "en-GB", "Head", blocks=(table,))
    with pytest.raises(ReportError, match="'b' in row 1 does not fit the table's 1 columns"):
        write_pdf(document, {}, tmp_path / "x.pdf", load_styles())


def test_a_continued_table_repeats_its_caption_marked_continued(pdf: Path) -> None:
    texts = [_words(t) for t in _page_texts(pdf)]
    pages = [t for t in texts if "Ward 0" in t]
    assert "Every ward Ward name" in pages[0]
    for text in pages[1:]:
        assert "Every ward (continued) Ward name" in text


def _ward_table(rows: int, spanned: bool) -> Table:
    first = (Cell(plain("All wards"), row_span=rows),) if spanned else ()
    return Table(
        caption="Wards",
        header=((*((Cell(plain("Group")),) if spanned else ()), Cell(plain("Ward name"))),),
        rows=tuple(
            ((*first, Cell(plain(f"Ward {n:03d}"))) if n == 0 else (Cell(plain(f"Ward {n:03d}")),))
            for n in range(rows)
        ),
        widths=(1, 1) if spanned else (1,),
    )


def test_a_row_group_taller_than_a_page_breaks_inside_it(tmp_path: Path) -> None:
    document = Document("T", "S", "A", "en-GB", "Head", blocks=(_ward_table(120, spanned=True),))
    path = tmp_path / "tall.pdf"
    write_pdf(document, {}, path, load_styles())
    texts = _page_texts(path)
    assert len(texts) >= 3
    assert re.findall(r"Ward (\d{3})", "".join(texts)) == [f"{n:03d}" for n in range(120)]


def test_a_row_group_that_fits_a_page_is_not_broken(tmp_path: Path) -> None:
    intro = tuple(Paragraph(plain(f"Line {n}")) for n in range(30))
    document = Document(
        "T", "S", "A", "en-GB", "Head", blocks=(*intro, _ward_table(20, spanned=True))
    )
    path = tmp_path / "group.pdf"
    write_pdf(document, {}, path, load_styles())
    texts = _page_texts(path)
    assert len(texts) == 2
    assert "Ward" not in texts[0]
    assert "Ward 000" in texts[1] and "Ward 019" in texts[1]


def test_a_long_table_starts_under_its_heading_not_on_a_new_page(tmp_path: Path) -> None:
    document = Document(
        "T",
        "S",
        "A",
        "en-GB",
        "Head",
        blocks=(
            Paragraph(plain("Opening paragraph.")),
            Heading(1, "Every ward", "wards"),
            _ward_table(100, spanned=False),
        ),
    )
    path = tmp_path / "start.pdf"
    write_pdf(document, {}, path, load_styles())
    first = _page_texts(path)[0]
    assert "Opening paragraph." in first
    assert "Every ward" in first and "Ward 000" in first


def test_control_characters_are_dropped_and_line_breaks_kept(tmp_path: Path) -> None:
    document = Document(
        "T",
        "S",
        "A",
        "en-GB",
        "Head",
        blocks=(Paragraph(plain("First\x0b line\x00\nSecond line")),),
    )
    path = tmp_path / "control.pdf"
    write_pdf(document, {}, path, load_styles())
    lines = [line.strip() for line in _pdftotext(path).splitlines()]
    assert "First line" in lines
    assert "Second line" in lines
