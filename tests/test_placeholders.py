"""Placeholders as typed (issue 29, item 3): any words in a figure cell that read as "no data /
not yet / awaiting / not published / NYA" are kept and printed as typed, never read as a number
or judged, and listed in one warning; other text names what a figure cell accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import convert_with_libreoffice, needs_libreoffice, problem_lines
from fixtures.placeholder_examples import TYPED, fire_service_monthly
from safecity_reports.core.model import NotAvailable, Unit
from safecity_reports.reading.cells import CellError, as_value
from safecity_reports.reading.placeholders import is_placeholder

SAID = (
    "NYA",
    "nya",
    "No New Data Published",
    "Data Not yet available",
    "awaiting data",
    "Awaiting Q3 data",
    "Figures awaited",
    "Not yet published",
    "not yet known",
    "TBC",
    "tba",
    "No data",
    "no new figures",
    "Data unavailable",
    "Data not published",
    "Unpublished",
    "To follow",
    "Pending",
    "Due in January",
)
NOT_SAID = ("about 58", "58 approx", "see note", "high", "Increase", "12 (revised)", "x", "?")


@pytest.mark.parametrize("typed", SAID)
def test_words_for_a_figure_still_to_come_are_a_placeholder_kept_as_typed(typed):
    assert is_placeholder(typed)
    assert as_value("Actual", typed, Unit.COUNT, "General") == NotAvailable(typed)
    assert as_value("Actual", f"  {typed} ", Unit.PAIR, "General") == NotAvailable(typed)


@pytest.mark.parametrize("typed", NOT_SAID)
def test_other_text_is_not_a_placeholder_and_its_error_names_what_is_accepted(typed):
    assert not is_placeholder(typed)
    with pytest.raises(CellError) as raised:
        as_value("Actual", typed, Unit.RATE_PER_1000, "General")
    assert str(raised.value) == (
        f"Actual '{typed}' is not a number; type a number such as 28.06 (or 58% for a"
        " percentage), or n/a, -, or a note such as 'not yet available'"
    )


NOTE = (
    "Marshfield.xlsx: 5 figures are notes, not numbers: 'No New Data Published' (F1, Nov 2016,"
    " Data!C5); 'Data Not yet available' (F2, Nov 2016, Data!C9); 'awaiting data' (F3, Oct 2016,"
    " Data!C12); 'Not yet published' (F3, Nov 2016, Data!C13); 'TBC' (F4, Nov 2016, Data!C17)."
    " The report prints them as typed and compares nothing with them: type each figure when it"
    " is published"
)


def test_check_lists_every_placeholder_in_one_warning(tmp_path, make_report):
    path = tmp_path / "Marshfield.xlsx"
    fire_service_monthly().save(path)
    result = make_report("check", path)
    assert result.exit_code == 0, result.output
    assert "no errors, 1 warning(s)" in result.output
    assert NOTE in problem_lines(result.output)


def test_the_report_prints_each_placeholder_as_typed_and_judges_none(tmp_path, make_report):
    path = tmp_path / "Marshfield.xlsx"
    fire_service_monthly().save(path)
    result = make_report(path, "--output", tmp_path / "out")
    assert result.exit_code == 0, result.output
    text = " ".join(
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(tmp_path / "out" / "Marshfield.pdf").pages
    )
    for typed in TYPED.values():
        assert typed in text
    assert "The figure for Nov 2016 is not available yet (No New Data Published)." in text
    for words in ("better", "worse", "Better, worse"):
        assert f"▲ up, {words}" not in text and f"▼ down, {words}" not in text


@needs_libreoffice
def test_placeholders_saved_by_libreoffice_read_the_same(tmp_path: Path, make_report):
    path = tmp_path / "Marshfield.xlsx"
    fire_service_monthly().save(path)
    resaved = convert_with_libreoffice(path, "xlsx", tmp_path / "lo")
    result = make_report("check", resaved)
    assert result.exit_code == 0, result.output
    assert "no errors, 1 warning(s)" in result.output
    assert NOTE in problem_lines(result.output)
