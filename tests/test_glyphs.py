"""Characters the PDF's font cannot draw are named with their cell before they print as boxes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import matplotlib
import pytest

from fixtures.workbooks import set_cell
from safecity_reports.errors import UsageError
from safecity_reports.reading.glyphs import characters, missing
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
        " would print empty boxes: delete them or say it in words"
    ]


def test_any_printed_text_is_checked_with_the_styles_fonts(workbook, saved):
    coordinate = set_cell(workbook, "Measures", 2, "Name", "People who feel safe ☺")
    path = saved(workbook)
    assert check_workbook(path) == []  # DejaVu has the smiling face
    cmr10 = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "cmr10.ttf"  # has no ☺
    styles = replace(load_styles(), font_regular=cmr10, font_bold=cmr10)
    warnings = check_workbook(path, styles=styles)
    assert [p.where for p in warnings] == [f"q2.xlsx, sheet Measures, cell {coordinate}"]
    assert "(cmr10.ttf) cannot draw '☺' (white smiling face)" in warnings[0].message
