"""Characters the PDF's font cannot draw are named with their cell before they print as boxes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import matplotlib
import pytest

from fixtures.workbooks import set_cell
from safecity_reports.errors import UsageError
from safecity_reports.reading.glyphs import characters, fallback_characters, missing, printed
from safecity_reports.reading.load import check_workbook
from safecity_reports.styles import load_styles


def _dejavu() -> frozenset[int]:
    return characters(load_styles().font_regular)


def test_the_default_font_draws_what_agencies_type():
    text = "£5 – “quoted” café, 10 ≥ 9 · €3 ½ naïve\n\tend\u00a0"
    assert missing(text, _dejavu()) == []


def test_emoji_and_other_scripts_are_missing_once_each():
    drawable = _dejavu()
    # Liberation Sans (the report's font) has no check mark either
    assert missing("Great work 👍👍 on 🚓 patrols ✔️", drawable) == ["👍", "🚓", "✔"]
    assert missing("Joined 👨\u200d👩 family", drawable) == ["👨", "👩"]
    assert missing("会議 held", drawable) == ["会", "議"]


def test_a_font_that_cannot_be_read_is_a_plain_error(tmp_path):
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"not a font")
    with pytest.raises(UsageError, match=r"the font .*broken\.ttf cannot be read"):
        characters(bad)


def test_emoji_in_commentary_are_named_with_their_cell(workbook, saved):
    coordinate = set_cell(workbook, "Commentary", 3, "Text", "Our position held 👍 🚓")
    warnings = [str(p) for p in check_workbook(saved(workbook))]
    assert warnings == [
        f"q2.xlsx, sheet Commentary, cell {coordinate}: The PDF's font (LiberationSans-Regular.ttf and"
        " LiberationSans-Bold.ttf) cannot draw '👍' (thumbs up sign), '🚓' (police car), so the PDF"
        " prints [thumbs up sign], [police car] instead: say it in words if it matters"
    ]


def test_what_the_fallback_font_draws_is_drawn_and_the_rest_named():
    drawable = _dejavu()
    fallback = fallback_characters()
    assert ord("✔") in fallback and ord("⚠") in fallback
    assert ord("😀") not in fallback  # beyond U+FFFF: reportlab would write its text wrongly
    text = "Well done 👍 ✔️ team ⚠\ufe0f 😀"  # the variation selectors are left out
    assert printed(text, drawable, fallback) == [
        ("Well done [thumbs up sign] ", False),
        ("✔", True),
        (" team ", False),
        ("⚠", True),
        (" [grinning face]", False),
    ]
    assert printed("plain £5 – text\n", drawable, fallback) == [("plain £5 – text\n", False)]


def test_a_commentary_with_emoji_is_warned_of_and_the_pdf_reads_their_names(
    workbook, saved, tmp_path
):
    """The PDF draws no empty box: its text says what each emoji is, as a screen reader does."""
    import subprocess

    from safecity_reports.build import build_report

    coordinate = set_cell(workbook, "Commentary", 3, "Text", "Great work 😀 on patrols 👍 ✔️ 🚓")
    result = build_report(saved(workbook), tmp_path / "out", formats=("pdf",), use_cache=False)
    (warning,) = [str(w) for w in result.warnings if "cannot draw" in str(w)]
    assert f"cell {coordinate}:" in warning
    assert "draws ✔ in its fallback font (DejaVu Sans) and prints [grinning face]" in warning
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "q2.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Great work [grinning face] on patrols [thumbs up sign] ✔ [police car]" in text


def test_any_printed_text_is_checked_with_the_styles_fonts(workbook, saved):
    coordinate = set_cell(workbook, "Measures", 2, "Name", "People who feel safe ☺")
    path = saved(workbook)
    assert check_workbook(path) == []  # DejaVu has the smiling face
    cmr10 = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "cmr10.ttf"  # has no ☺
    styles = replace(load_styles(), font_regular=cmr10, font_bold=cmr10)
    warnings = check_workbook(path, styles=styles)
    assert [p.where for p in warnings] == [f"q2.xlsx, sheet Measures, cell {coordinate}"]
    assert "(cmr10.ttf) cannot draw '☺' (white smiling face)" in warnings[0].message


def test_a_charts_text_is_printed_as_the_pdfs_and_drawn_without_a_warning(tmp_path):
    """Emoji in a measure's or an area's name: named in the chart ('[police car]'), a
    character the fallback font has drawn by it, and no 'Glyph missing' warning on stderr."""
    import warnings

    from safecity_reports.charts.drawing import Painter
    from safecity_reports.charts.glyphs import printable_chart
    from safecity_reports.layout.document import Chart, ChartKind, Series

    chart = Chart(
        ChartKind.BARS,
        "Patrols 🚓 ✔",
        ("2015/16", "2016/17 😀"),
        (Series("Arrests 👍", (3.0, 4.0)),),
        "Arrests",
        reference_lines=(("Target ✔", 3.5),),
    )
    styles = load_styles()
    shown = printable_chart(chart, styles)
    assert shown.title == "Patrols [police car] ✔"
    assert shown.categories == ("2015/16", "2016/17 [grinning face]")
    assert shown.series[0].name == "Arrests [thumbs up sign]"
    assert shown.reference_lines == (("Target ✔", 3.5),)
    assert shown.series[0].values == chart.series[0].values
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns of a glyph missing from every font
        Painter(styles).paint(chart, tmp_path / "chart.png")


def test_a_fonts_characters_are_its_best_character_maps_code_points():
    """``characters`` reads no glyph names; the code points are fontTools' own reading's."""
    import io

    from fontTools.ttLib import TTFont

    shipped = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    styles = load_styles()
    fonts = [styles.font_regular, styles.font_bold, *sorted(shipped.glob("*.ttf"))]
    assert len(fonts) > 10
    for font in fonts:
        with TTFont(io.BytesIO(Path(font).read_bytes())) as ttf:
            assert characters(Path(font)) == frozenset(ttf.getBestCmap()), font
