"""Table column widths from their content (issue 15): the layout's proportions, but no column
narrower than its longest word, so that no word is broken inside a cell in either document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import convert_with_libreoffice, needs_libreoffice
from fixtures.printed import broken_words
from safecity_reports.layout.document import Align, Cell, Document, Span, Table, plain
from safecity_reports.render import columns
from safecity_reports.render.columns import CellFonts, column_widths, word_widths
from safecity_reports.render.docx.document import write_docx
from safecity_reports.render.metrics import text_width
from safecity_reports.render.pdf.document import write_pdf
from safecity_reports.styles import load_styles

STYLES = load_styles()
FONTS = CellFonts(STYLES.font_regular, STYLES.font_bold, 9, 4)
PAD = 2 * FONTS.padding + columns.SAFETY
WIDTH = 481.9
"""A4 portrait's text width in points (2 cm margins)."""


def cell(text: str, **kwargs: object) -> Cell:
    return Cell(plain(text), **kwargs)  # type: ignore[arg-type]


def regular(text: str) -> float:
    return text_width(text, STYLES.font_regular, 9)


def bold(text: str) -> float:
    return text_width(text, STYLES.font_bold, 9)


def table(header: tuple[Cell, ...], *rows: tuple[Cell, ...], widths: tuple[float, ...]) -> Table:
    return Table("Crimes by area, 2016/17 Q2", (header,), tuple(rows), widths)


NARROW = table(
    (cell("Area"), cell("Action"), cell("Crimes", align=Align.RIGHT), cell("Comment")),
    (
        cell("South Northamptonshire"),
        cell("1.2"),
        cell("1,234", align=Align.RIGHT),
        cell("Patrols were doubled in the town centre over the summer months this year."),
    ),
    (
        cell("Daventry"),
        cell("1.3"),
        cell("987", align=Align.RIGHT),
        cell("No change to report."),
    ),
    widths=(1, 0.6, 1, 8),
)
"""Area and Action too narrow for "Northamptonshire" and the bold header "Action"."""


def test_columns_that_hold_their_longest_words_keep_the_layouts_proportions() -> None:
    wide = table((cell("Area"), cell("Crimes")), (cell("Daventry"), cell("987")), widths=(3, 1))
    assert column_widths(wide, WIDTH, FONTS) == pytest.approx([WIDTH * 3 / 4, WIDTH / 4])


def test_a_column_too_narrow_for_its_longest_word_takes_what_it_lacks_from_those_with_room():
    shares = [WIDTH * w / 10.6 for w in NARROW.widths]
    needs = word_widths(NARROW, FONTS)
    assert needs[0] == pytest.approx(regular("Northamptonshire") + PAD)
    assert needs[1] == pytest.approx(bold("Action") + PAD)  # a header prints in bold
    widths = column_widths(NARROW, WIDTH, FONTS)
    assert widths[:2] == pytest.approx(needs[:2])
    assert sum(widths) == pytest.approx(WIDTH)
    # Crimes and Comment give way in proportion to their room beyond their own longest word
    given = [share - width for share, width in zip(shares[2:], widths[2:], strict=True)]
    room = [share - need for share, need in zip(shares[2:], needs[2:], strict=True)]
    assert given[0] / given[1] == pytest.approx(room[0] / room[1])
    assert all(width >= need for width, need in zip(widths, needs, strict=True))


def test_a_no_break_space_joins_words_and_a_word_across_two_faces_is_one_word() -> None:
    rank = table((cell("Position"),), (cell("15th\u00a0of\u00a015"),), widths=(1,))
    assert word_widths(rank, FONTS)[0] == pytest.approx(regular("15th\u00a0of\u00a015") + PAD)
    linked = Cell((Span("1.1a", bold=True, link="m-1.1a"), Span("People in the city")))
    measure = table((cell("Ref"),), (linked,), widths=(1,))
    assert word_widths(measure, FONTS)[0] == pytest.approx(bold("1.1a") + regular("People") + PAD)


def test_a_cell_spanning_columns_asks_its_width_of_them_together() -> None:
    header = (cell("Very safe (per cent of respondents)", col_span=2),)
    grouped = Table("Feeling safe", (header,), ((cell("58"), cell("60")),), (1, 3))
    needs = word_widths(grouped, FONTS)
    assert sum(needs) == pytest.approx(bold("respondents)") + PAD)
    extra = [need - (regular("58") + PAD) for need in needs]  # beyond the body's own words
    assert extra[1] == pytest.approx(3 * extra[0])  # shared in the columns' proportions


def test_where_the_longest_words_cannot_all_fit_only_the_widest_are_cut() -> None:
    address = "https://www.example.gov.uk/community-safety/performance/" + "x" * 80
    crowded = table(
        (cell("Area"), cell("Source"), cell("Crimes")),
        (cell("Northamptonshire"), cell(address), cell("1,234")),
        widths=(1, 1, 1),
    )
    needs = word_widths(crowded, FONTS)
    assert sum(needs) > WIDTH
    widths = column_widths(crowded, WIDTH, FONTS)
    assert sum(widths) == pytest.approx(WIDTH)
    assert widths[0] == pytest.approx(needs[0]) and widths[2] == pytest.approx(needs[2])
    assert widths[1] < needs[1]  # only the address, which no width could hold, breaks


@needs_libreoffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_neither_document_breaks_a_word_that_the_layouts_proportions_alone_would_break(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = Document("Crimes", "Crimes", "Partnership", "en-GB", "Partnership", (NARROW,))

    def printed(folder: Path) -> tuple[list[str], list[str]]:
        folder.mkdir()
        write_pdf(document, {}, folder / "report.pdf", STYLES)
        write_docx(document, {}, folder / "report.docx", STYLES)
        converted = convert_with_libreoffice(folder / "report.docx", "pdf", folder / "lo")
        return broken_words(folder / "report.pdf", document), broken_words(converted, document)

    assert printed(tmp_path / "from-content") == ([], [])
    # the check sees the breaks the issue saw, where the widths follow the layout alone
    monkeypatch.setattr(columns, "word_widths", lambda table, fonts: [0.0] * len(table.widths))
    for broken in printed(tmp_path / "proportions"):  # "page 1: N/orthampt/onshire" and so on
        assert {b.split(": ")[1].replace("/", "") for b in broken} == {
            "Northamptonshire",
            "Action",
        }
