"""Every message says what is accepted and names the exact cell (issue 29, item 2): the Lists
sheet's values, "leave it blank" where blank is allowed, the cell the problem is in (not the
row's first cell). Each message the issue names, in full."""

from __future__ import annotations

from conftest import problem_lines
from fixtures.examples import ratings_call_over
from fixtures.placeholder_examples import fire_service_monthly
from fixtures.workbooks import column_of, set_cell


def _check(wb, tmp_path, make_report, name="book.xlsx"):
    path = tmp_path / name
    wb.save(path)
    result = make_report("check", path)
    assert "Traceback" not in result.output
    return result, problem_lines(result.output)


def test_a_lead_agency_typed_as_a_dash_names_its_cell_the_agencies_and_leaving_it_blank(
    tmp_path, make_report
):
    wb = ratings_call_over()
    cell = set_cell(wb, "Key actions", 2, "Lead agency", "-")
    result, lines = _check(wb, tmp_path, make_report)
    assert result.exit_code == 1
    assert cell == "D2"
    assert (
        "book.xlsx, sheet Key actions, cell D2: Lead agency '-' is not on the Agencies sheet:"
        " type one of Riverside Council, Metropolitan Police, Riverside or National Probation"
        " Service, or leave it blank if the report names no lead agency" in lines
    )


def test_a_blank_frequency_is_no_problem_and_a_wrong_one_lists_the_frequencies(
    tmp_path, make_report
):
    wb = fire_service_monthly()
    set_cell(wb, "Measures", 2, "Frequency", None)
    cell = set_cell(wb, "Measures", 3, "Frequency", "Weekly")
    result, lines = _check(wb, tmp_path, make_report)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert errors == [
        f"Error: book.xlsx, sheet Measures, cell {cell}: Frequency 'Weekly' is not one of:"
        " Monthly, Quarterly, Rolling 12 months, Annual, Biennial; type one of them, or leave"
        " it blank"
    ]


def test_a_blank_polarity_unit_and_decimals_need_nothing_on_a_measure_without_figures(
    tmp_path, make_report
):
    wb = ratings_call_over()
    for header in ("Unit", "Polarity", "Frequency", "Decimals"):
        for row in range(2, 15):
            set_cell(wb, "Measures", row, header, None)
    result, _ = _check(wb, tmp_path, make_report)
    assert result.exit_code == 0, result.output


def test_a_wrong_rating_lists_the_ratings(tmp_path, make_report):
    wb = ratings_call_over()
    cell = set_cell(wb, "Ratings", 3, "Rating", "Purple")
    result, lines = _check(wb, tmp_path, make_report)
    assert result.exit_code == 1
    assert (
        f"book.xlsx, sheet Ratings, cell {cell}: Rating 'Purple' is not one of: Red, Amber,"
        " Green, Grey, Not rated; type one of them" in lines
    )


def test_a_misspelt_optional_header_is_warned_about_not_silently_ignored(tmp_path, make_report):
    wb = fire_service_monthly()
    wb["Measures"].cell(row=1, column=column_of("Measures", "Polarity")).value = "Polarty"
    result, lines = _check(wb, tmp_path, make_report)
    assert (
        "book.xlsx, sheet Measures, row 1: There is no column headed 'Polarity', so the column"
        " headed 'Polarty' is ignored: correct its header to 'Polarity', or rename it if it is a"
        " column of your own" in lines
    )


def test_a_figure_that_is_other_text_names_n_a_the_dash_and_a_note(tmp_path, make_report):
    wb = fire_service_monthly()
    cell = set_cell(wb, "Data", 3, "Actual", "see attached")
    result, lines = _check(wb, tmp_path, make_report)
    assert result.exit_code == 1
    assert (
        f"book.xlsx, sheet Data, cell {cell}: Actual 'see attached' is not a number; type a"
        " number such as 28.06 (or 58% for a percentage), or n/a, -, or a note such as 'not"
        " yet available'" in lines
    )


def test_a_direction_the_figures_contradict_names_the_direction_cell(tmp_path, make_report):
    wb = fire_service_monthly()
    for header, value in (
        ("Subject", "F4"),
        ("Period", "Oct 2016"),
        ("Rating", "Amber"),
        ("Direction", "Worsening"),
    ):
        cell = set_cell(wb, "Ratings", 2, header, value)
    result, lines = _check(wb, tmp_path, make_report)
    assert (
        f"book.xlsx, sheet Ratings, cell {cell}: Direction 'Worsening' for F4 (Oct 2016), but its"
        " figures went from Sep 2016 to Oct 2016 as 'Improving'; the report prints the figures'"
        " direction" in lines
    )
