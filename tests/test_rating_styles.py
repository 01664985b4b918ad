"""Ratings as the styles name and colour them (issue 13, item 4): ``[ratings]`` in ``style.toml``
is checked like every other table, its names are printed wherever a rating is, and its colours
fill the rating's cell in both documents with text that contrasts at least 4.5:1."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from safecity_reports.build import build_report
from safecity_reports.styles import DEFAULT_FOLDER, load_styles
from safecity_reports.styles.checks import RATING_KEYS, StylesInvalid
from safecity_reports.styles.contrast import (
    AA_TEXT,
    BLACK,
    WHITE,
    contrast_ratio,
    relative_luminance,
    text_on,
)

ROOT = Path(__file__).resolve().parents[1]
RATED = ROOT / "inputs" / "examples" / "ratings-call-over.xlsx"

COUNCIL = {
    "red": ("Off track", "#8B0000"),
    "amber": ("At risk", "#FFE066"),
    "green": ("On track", "#2E7D32"),
    "grey": ("Not assessed", "#5F6B73"),
    "not_rated": ("No rating", "#E8E8E8"),
}
"""A partnership's own names and colours, none of them the defaults."""


def styles_with(tmp_path: Path, ratings: str | None) -> Path:
    """The default styles copied to ``tmp_path/styles`` with ``ratings`` as their [ratings]
    table (None: no [ratings] table at all, as in a copy made before it existed)."""
    folder = tmp_path / "styles"
    shutil.copytree(DEFAULT_FOLDER, folder, ignore=shutil.ignore_patterns("__pycache__"))
    toml = folder / "style.toml"
    text = toml.read_text(encoding="utf-8")
    text = text[: text.index("\n[ratings]")] + "\n"
    if ratings is not None:
        text += "\n[ratings]\n" + ratings
    toml.write_text(text, encoding="utf-8")
    return folder


def council_table() -> str:
    return "".join(
        f'{key} = "{name}"\n{key}_fill = "{fill}"\n' for key, (name, fill) in COUNCIL.items()
    )


# -- contrast ------------------------------------------------------------------------------


def test_the_contrast_ratio_is_wcag_s() -> None:
    assert relative_luminance(BLACK) == 0
    assert relative_luminance(WHITE) == pytest.approx(1)
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21)
    assert contrast_ratio(WHITE, BLACK) == pytest.approx(21)
    # WCAG's own examples: #767676 is the lightest grey with 4.5:1 on white, #777777 fails
    assert contrast_ratio("#767676", WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", WHITE) < AA_TEXT
    assert contrast_ratio("#D4351C", WHITE) == pytest.approx(4.86, abs=0.01)


@pytest.mark.parametrize("key", RATING_KEYS)
def test_every_default_rating_colour_takes_text_of_at_least_4_5_to_1(key: str) -> None:
    look = dict(load_styles().ratings)[key]
    assert contrast_ratio(text_on(look.fill), look.fill) >= AA_TEXT


@pytest.mark.parametrize(
    ("fill", "text"),
    [
        ("#8B0000", WHITE),
        ("#FFE066", BLACK),
        ("#2E7D32", WHITE),
        ("#5F6B73", WHITE),
        ("#E8E8E8", BLACK),
        ("#777777", BLACK),  # white on it would be 4.48:1
        ("#767676", BLACK),  # white would pass (4.54:1), but black contrasts more (4.63:1)
        ("#595959", WHITE),
    ],
)
def test_a_council_s_colour_takes_black_or_white_whichever_contrasts_more(
    fill: str, text: str
) -> None:
    assert text_on(fill) == text
    assert contrast_ratio(text, fill) >= AA_TEXT


def test_no_fill_at_all_gets_text_below_4_5_to_1() -> None:
    for level in range(256):
        grey = f"#{level:02X}{level:02X}{level:02X}"
        assert contrast_ratio(text_on(grey), grey) >= AA_TEXT, grey
    for value in range(0, 0x1000000, 0x010305):
        colour = f"#{value:06X}"
        assert contrast_ratio(text_on(colour), colour) >= AA_TEXT, colour


# -- style.toml ----------------------------------------------------------------------------


def test_styles_without_a_ratings_table_keep_the_default_names_and_colours(tmp_path) -> None:
    styles = load_styles(styles_with(tmp_path, None))
    assert styles.ratings == load_styles().ratings
    assert styles.rating_names == {
        "Red": "Red",
        "Amber": "Amber",
        "Green": "Green",
        "Grey": "Grey",
        "Not rated": "Not rated",
    }


def test_a_key_left_out_keeps_its_default(tmp_path) -> None:
    styles = load_styles(styles_with(tmp_path, 'red = "Off track"\namber_fill = "#FFE066"\n'))
    default = load_styles()
    assert styles.rating("Red").name == "Off track"
    assert styles.rating("Red").fill == default.rating("Red").fill
    assert styles.rating("Amber").name == "Amber"
    assert styles.rating("Amber").fill == "#FFE066"
    assert styles.rating("Not rated") == default.rating("Not rated")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            'red_fil = "#8B0000"\n',
            "ratings.red_fil is not a key of [ratings] (did you mean 'red_fill'?)",
        ),
        (
            'amber_fill = "orange"\n',
            'ratings.amber_fill must be a colour as "#RRGGBB" (such as "#12436D"), got "orange"',
        ),
        (
            'green = ""\n',
            "ratings.green must be a name for the rating in quotes, at most 30 characters (such as"
            ' "Off track"), got ""',
        ),
        (
            "green = 3\n",
            "ratings.green must be a name for the rating in quotes, at most 30 characters (such as"
            ' "Off track"), got 3',
        ),
        (
            'amber = "Red"\n',
            'ratings.amber and ratings.red are both "Red"; give each rating a name of its own',
        ),
    ],
)
def test_a_bad_ratings_key_gets_one_line(tmp_path, make_report, table: str, message) -> None:
    folder = styles_with(tmp_path, table)
    result = make_report(RATED, "-o", tmp_path / "out", "--styles", folder)
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"Error: {folder / 'style.toml'}: {message}"]


def test_a_misspelt_ratings_table_is_named(tmp_path) -> None:
    folder = styles_with(tmp_path, None)
    toml = folder / "style.toml"
    toml.write_text(toml.read_text() + '\n[rating]\nred = "Off track"\n')
    with pytest.raises(StylesInvalid) as caught:
        load_styles(folder)
    assert str(caught.value).split(": ", 2)[2] == (
        "[rating] is not a table of style.toml (did you mean [ratings]?)"
    )


# -- both documents ------------------------------------------------------------------------


def _fill(element) -> str | None:  # noqa: ANN001
    shd = element.find(qn("w:shd"))
    return None if shd is None else "#" + shd.get(qn("w:fill"))


def _colours(paragraph) -> set[str]:  # noqa: ANN001
    found = set()
    for run in paragraph._p.iter(qn("w:r")):
        r_pr = run.find(qn("w:rPr"))
        colour = None if r_pr is None else r_pr.find(qn("w:color"))
        found.add("#" + colour.get(qn("w:val")) if colour is not None else "")
    return found


def _word(out: Path) -> docx.document.Document:
    return docx.Document(str(out / "ratings-call-over.docx"))


def _filled_cells(document) -> dict[str, list[tuple[str | None, set[str]]]]:  # noqa: ANN001
    """Each table cell's text: the fill and text colours of each cell with that text."""
    cells: dict[str, list[tuple[str | None, set[str]]]] = {}
    for table in document.tables:
        for tc in table._tbl.iter(qn("w:tc")):
            text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            paragraph = docx.text.paragraph.Paragraph(tc.find(qn("w:p")), None)
            cells.setdefault(text, []).append((_fill(tc.tcPr), _colours(paragraph)))
    return cells


def _pdf_text(out: Path) -> str:
    reader = PdfReader(out / "ratings-call-over.pdf")
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _pdf_fills(out: Path) -> set[str]:
    """Every colour the PDF's summary pages fill with (their rg operators), as #RRGGBB: the
    cells' fills, as those pages have no sentence with a rating in it."""
    path = out / "ratings-call-over.pdf"
    summaries = [
        index
        for index, page in enumerate(PdfReader(path).pages)
        if "Summary of performance" in page.extract_text()
    ]
    assert summaries
    found = set()
    with pikepdf.open(path) as pdf:
        for operands, operator in (
            item
            for summary in summaries
            for item in pikepdf.parse_content_stream(pdf.pages[summary])
        ):
            if str(operator) == "rg":
                found.add("#" + "".join(f"{round(float(v) * 255):02X}" for v in operands))
    return found


@pytest.fixture(scope="module")
def council(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("council")
    out = tmp / "out"
    build_report(RATED, out, styles_folder=styles_with(tmp, council_table()), use_cache=False)
    return out


@pytest.fixture(scope="module")
def default(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("default") / "out"
    build_report(RATED, out, use_cache=False)
    return out


def test_the_summary_cells_take_the_council_s_names_and_colours(council) -> None:
    cells = _filled_cells(_word(council))
    counts = {"Off track": 3, "At risk": 4, "On track": 3, "Not assessed": 2, "No rating": 1}
    for key, (name, fill) in COUNCIL.items():
        found = cells[name]
        # one summary cell per rating; the front page's rating columns are headed by name too
        filled = [(f, c) for f, c in found if f == fill]
        assert len(filled) == counts[name] + (
            1 if key in ("red", "amber", "green", "grey") else 0
        ), name
        assert all(c == {text_on(fill)} for _, c in filled), name
    for word in ("Red", "Amber", "Green", "Grey", "Not rated"):
        assert word not in cells


def test_the_page_sentence_and_the_guide_take_the_council_s_names(council) -> None:
    document = _word(council)
    paragraphs = [p for p in document.paragraphs if p.text.startswith("Rating for")]
    assert len(paragraphs) == 13
    for paragraph in paragraphs:
        named = [r for r in paragraph.runs if r.text in {n for n, _ in COUNCIL.values()}]
        assert len(named) == 1, paragraph.text
        fill = dict(COUNCIL.values())[named[0].text]
        assert _fill(named[0]._r.rPr) == fill
        assert str(named[0].font.color.rgb) == text_on(fill).lstrip("#")
    texts = [p.text for p in document.paragraphs]
    assert any("(Off track, At risk, On track, Not assessed or No rating)" in t for t in texts)
    assert not any(
        re.search(r"Rating for \S+ \S+: (Red|Amber|Green|Grey|Not rated)", t) for t in texts
    )

    pdf = _pdf_text(council)
    assert "Rating for 2016/17 Q3: At risk, given by" in pdf
    assert "(Off track, At risk, On track, Not assessed or No rating)" in pdf
    assert not re.search(r"Rating for \S+ \S+: (Red|Amber|Green|Grey|Not rated)", pdf)


def test_the_pdf_fills_with_the_council_s_colours_only(council, default) -> None:
    council_fills, default_fills = _pdf_fills(council), _pdf_fills(default)
    for key, (_, fill) in COUNCIL.items():
        assert fill in council_fills, key
        assert fill not in default_fills, key
    for key, look in load_styles().ratings:
        if look.fill != "#FFFFFF":  # white is the page's own
            assert look.fill in default_fills, key
            assert look.fill not in council_fills, key


def test_the_default_names_are_the_ratings_sheet_s_words(default) -> None:
    cells = _filled_cells(_word(default))
    assert {f for f, _ in cells["Amber"]} == {load_styles().rating("Amber").fill}
    assert "(Red, Amber, Green, Grey or Not rated)" in _pdf_text(default)


def test_lay_out_names_the_ratings_as_its_styles_do(tmp_path) -> None:
    from datetime import date

    from safecity_reports.api import lay_out, read_workbook
    from safecity_reports.layout.summary_columns import rating_spans

    report, _ = read_workbook(RATED)
    styles = load_styles(styles_with(tmp_path, council_table()))
    document, _ = lay_out(report, date(2026, 11, 30), styles)
    assert "text='Off track'" in repr(document)
    assert "text='Amber'" not in repr(document)
    # a measure no one rated: the not-rated name, plain, on no colour
    names = tuple(styles.rating_names.items())
    period = report.settings.period
    assert rating_spans(None, period, names)[0].text == "No rating"
    assert rating_spans(None, period)[0].text == "Not rated"
