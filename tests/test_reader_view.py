"""What a reader gets from the published report (issue 15): fonts they have, a PDF the strictest
PDF/UA checkers pass, charts whose alt text says what their titles say, a first heading that is
the title, charts sharp when zoomed, and pages that hold together.

The reports are made once per module from q2, from generated workbooks and from any workbook in
``inputs/examples``, as ``make-report`` makes them.
"""

from __future__ import annotations

import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import docx
import page
import pikepdf
import pytest
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from pdfua import validate
from pypdf import PdfReader

from safecity_reports.api import lay_out, read_workbook, write_documents
from safecity_reports.layout.document import Chart, Document
from safecity_reports.styles import load_styles

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the project folder: benchmarks/
from benchmarks.generate import write_workbook  # noqa: E402

INPUTS = Path(__file__).resolve().parents[1] / "inputs"
EXAMPLES = sorted((INPUTS / "examples").glob("*.xlsx"))


@dataclass(frozen=True)
class Made:
    document: Document
    docx: Path
    pdf: Path


def _make(workbook: Path, folder: Path) -> Made:
    report, _ = read_workbook(workbook)
    document, _ = lay_out(report, date(2016, 11, 1))
    targets = {"docx": folder / f"{workbook.stem}.docx", "pdf": folder / f"{workbook.stem}.pdf"}
    write_documents(document, targets, use_cache=False)
    return Made(document, targets["docx"], targets["pdf"])


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Made]:
    """q2's report, a generated 12-measure workbook's and each example's, by name."""
    folder = tmp_path_factory.mktemp("reader")
    workbooks = {
        "q2": INPUTS / "q2.xlsx",
        "generated-12": write_workbook(folder / "generated-12.xlsx", 12),
        **{f"example-{path.stem}": path for path in EXAMPLES},
    }
    return {name: _make(path, folder) for name, path in workbooks.items()}


# --- Fonts ---------------------------------------------------------------------------------


def _word_xml(package: zipfile.ZipFile) -> str:
    """The Word file's body, header and footer XML."""
    parts = [n for n in package.namelist() if re.match(r"word/(document|header\d*|footer\d*)", n)]
    return "".join(package.read(n).decode("utf-8") for n in parts)


def _word_text(path: Path) -> str:
    """Every piece of text in the Word file: body, tables, header and footer."""
    with zipfile.ZipFile(path) as package:
        xml = _word_xml(package)
    return "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml))


def _chart_text(chart: Chart) -> str:
    return (
        chart.title
        + chart.y_label
        + "".join(chart.categories)
        + "".join(s.name for s in chart.series)
        + "".join(label for label, _ in chart.reference_lines)
    )


def test_every_character_of_both_documents_is_in_the_embedded_font(
    reports: dict[str, Made],
) -> None:
    styles = load_styles()
    cmaps = {
        TTFont(file)["name"].getDebugName(6): set(TTFont(file).getBestCmap())
        for file in (styles.font_regular, styles.font_bold)
    }
    for name, made in reports.items():
        with pikepdf.open(made.pdf) as pdf:
            embedded = set()
            for pdf_page in pdf.pages:
                for font in pdf_page.Resources.get("/Font", {}).values():
                    embedded.add(str(font.BaseFont).split("+", 1)[-1])
                    assert "/FontFile2" in font.FontDescriptor, f"{name}: not embedded"
        assert embedded <= set(cmaps), f"{name}: the PDF embeds {embedded}, not the styles' fonts"
        text = PdfReader(made.pdf).pages
        characters = set("".join(p.extract_text() for p in text)) | set(_word_text(made.docx))
        characters |= set("".join(_chart_text(c) for c in made.document.charts))
        characters -= set("\n\r\t")
        for font, cmap in cmaps.items():
            missing = sorted(c for c in characters if ord(c) not in cmap)
            assert missing == [], f"{name}: {font} has no glyph for {missing}"


def test_word_names_arial_and_lists_it_in_its_font_table(reports: dict[str, Made]) -> None:
    path = reports["q2"].docx
    with zipfile.ZipFile(path) as package:
        font_table = package.read("word/fontTable.xml").decode("utf-8")
        used = set(re.findall(r'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', _word_xml(package)))
    assert re.search(
        r'<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/>', font_table
    )
    word = docx.Document(str(path))
    defaults = word.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert defaults.get(qn("w:ascii")) == "Arial"
    assert used
    for style in word.styles:
        if style.style_id in used and style.element.rPr is not None:
            fonts = style.element.rPr.find(qn("w:rFonts"))
            named = (
                {fonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi")}
                if fonts is not None
                else set()
            )
            assert named <= {None, "Arial"}, (style.name, named)


def test_the_fonts_ship_inside_the_package_with_their_licence() -> None:
    styles = load_styles()
    folder = Path(str(styles.font_regular)).parent
    assert folder.parent.name == "default" and folder.name == "fonts"
    assert "SIL OPEN FONT LICENSE" in (folder / "LICENSE-LiberationSans.txt").read_text()
    cmap = TTFont(styles.font_regular).getBestCmap()
    # the travel marks: glyphs Arial has too (WGL4), unlike U+25B6
    assert all(code in cmap for code in (0x25B2, 0x25BC, 0x25BA))


# --- PDF/UA ----------------------------------------------------------------------------------


def test_page_validation_finds_no_pdf_ua_failure(reports: dict[str, Made]) -> None:
    for name, made in reports.items():
        result = page.validate_pdf(made.pdf, profile="ua1")
        assert [(f.rule_id, f.message) for f in result.failures] == [], name
        assert result.is_compliant, name


def test_pdfua_finds_nothing_in_any_report(reports: dict[str, Made]) -> None:
    for name, made in reports.items():
        result = validate(str(made.pdf))
        assert [(f.rule_id, f.message) for f in result.findings] == [], name
        assert [o.rule_id for o in result.skipped] == [], name


def test_no_unicode_map_gives_a_code_a_forbidden_value(reports: dict[str, Made]) -> None:
    with pikepdf.open(reports["q2"].pdf) as pdf:
        for pdf_page in pdf.pages:
            for font in pdf_page.Resources.get("/Font", {}).values():
                cmap = font.ToUnicode.read_bytes().decode("latin-1")
                assert not re.search(r"<[0-9A-F]+>\s*<(0000|FEFF|FFFE)>", cmap, re.I)


# --- Zoom ------------------------------------------------------------------------------------


def test_pdf_charts_are_vector_drawings_and_word_pictures_300_ppi(reports: dict[str, Made]) -> None:
    made = reports["q2"]
    charts = len(made.document.charts)
    forms = images = 0
    with pikepdf.open(made.pdf) as pdf:
        for pdf_page in pdf.pages:
            for xobject in pdf_page.Resources.get("/XObject", {}).values():
                forms += xobject.Subtype == "/Form"
                images += xobject.Subtype == "/Image"
    assert (forms, images) == (charts, 0), "every chart drawn as vector graphics, no picture"
    word = docx.Document(str(made.docx))
    pictures = word.inline_shapes
    assert len(pictures) >= charts
    for picture in pictures:
        blip = picture._inline.graphic.graphicData.pic.blipFill.blip
        image = word.part.related_parts[blip.embed].image
        assert image.px_width / picture.width.inches >= 299, "at least 300 pixels an inch"


def test_text_is_at_least_10_points_and_tables_9() -> None:
    sizes = load_styles().sizes
    assert sizes.body >= 10
    assert min(sizes.table, sizes.note) >= 9
