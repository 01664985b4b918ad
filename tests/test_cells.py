"""What one cell means, case by case: each value openpyxl may hand over and what it reads as.

A table per kind of cell, with every message exactly, so a change to a rule or its wording shows.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from safecity_reports.core.model import NOT_AVAILABLE, Pair, Unit
from safecity_reports.reading.cells import (
    CellError,
    as_choice,
    as_date,
    as_id,
    as_number,
    as_period,
    as_text,
    as_value,
    clean,
    is_excel_error,
    is_not_available,
    key,
    number_text,
    page_ids,
    parse_number,
    shown_otherwise,
)

NOT_A_NUMBER = "is not a number; type a number such as 28.06"
BLANK = ", or leave it blank"
OR_A_NOTE = ", or n/a, -, or a note such as 'not yet available'"
PERIODS = (
    "is not a period label; use a financial-year quarter such as '2016/17 Q2', a financial year"
    " such as '2015/16', a calendar year such as '2016', a month such as 'Sep 2016', or a span of"
    " months such as 'Oct 2013 - Sep 2014'"
)
DATES = (
    "is not a date; type a date such as 31/10/2016 or 31 October 2016, or a month such as"
    " December 2016, or leave it blank for the day the report is made"
)


def _message(call, *args):
    with pytest.raises(CellError) as caught:
        call(*args)
    return str(caught.value)


@pytest.mark.parametrize(
    ("page", "ids"),
    [
        ("1.2a", ("1.2a",)),
        ("1.2a-c", ("1.2a", "1.2b", "1.2c")),
        ("1.2A-C", ("1.2a", "1.2b", "1.2c")),
        ("1.2a–c", ("1.2a", "1.2b", "1.2c")),
        ("1.2a - 1.2c", ("1.2a", "1.2b", "1.2c")),
        ("1.2a-c, 1.3", ("1.2a", "1.2b", "1.2c", "1.3")),
        ("1.3; 1.2a-b and 2.1", ("1.3", "1.2a", "1.2b", "2.1")),
        ("1.2a-c & 1.2b", ("1.2a", "1.2b", "1.2c")),
        ("1.2a, 1.2a", ("1.2a",)),
        ("1.2a,,1.2b", ("1.2a", "1.2b")),
        ("1.2c-a", ()),
        ("1.2a-a", ()),
        ("1.2 - 1.4", ()),
        ("1.2-1.4", ()),
        ("1.2a-c, 1.3-1.5", ()),
    ],
)
def test_page_ids(page, ids):
    assert page_ids(page) == ids


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.5, "1.5"),
        (3.0, "3"),
        (12, "12"),
        (0.1, "0.1"),
        (-2.25, "-2.25"),
        (1e20, "100000000000000000000"),
        (True, "True"),
        (datetime(2016, 9, 1), "01/09/2016"),
        ("as typed ", "as typed "),
    ],
)
def test_a_value_as_text(value, text):
    assert as_text(value) == text


@pytest.mark.parametrize(
    ("value", "cleaned", "as_key"),
    [
        ("  Lead\u00a0 agency  ", "Lead agency", "lead agency"),
        ("Measure:", "Measure:", "measure"),
        ("Target *", "Target *", "target"),
        (12, "12", "12"),
    ],
)
def test_clean_and_key(value, cleaned, as_key):
    assert (clean(value), key(value)) == (cleaned, as_key)


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        ("1.10", "General", None),  # text is read as text
        (3, "General", None),
        (1.0, "General", None),
        (1.1, "General", ("1.1", True)),
        (1.1, "0.00", ("1.10", False)),
        (1.25, "0.0", ("1.2", False)),
        (1.1, "0.0#", ("1.1", True)),
    ],
)
def test_an_id_typed_as_a_number(value, number_format, expected):
    assert as_id("Measure", value, number_format) == expected


def test_an_id_that_became_a_date():
    assert _message(as_id, "Action", datetime(2016, 1, 2), "General") == (
        "Action has become a date (02/01/2016) in Excel: format the cell as Text and type the"
        " id again"
    )


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (58, "General", 58.0),
        (0.58, "0%", 58.0),
        (0.5825, "0.00%", 58.25),
        (58, '0"%"', 58.0),
        (58, "0\\%", 58.0),
        (-0.1, "0%;-0%", -10.0),
        ("58%", "General", 58.0),
        ("1,234.5", "General", 1234.5),
        ("£5", "General", 5.0),
        (" 12 ", "General", 12.0),
        ("-.5", "General", -0.5),
        ("+3", "General", 3.0),
        ("n/a", "General", None),
        ("Not available", "General", None),
    ],
)
def test_a_number(value, number_format, expected):
    assert as_number("Target", value, number_format, False) == expected


@pytest.mark.parametrize(
    ("value", "required", "message"),
    [
        ("about 58", False, f"Target 'about 58' {NOT_A_NUMBER} (or 58% for a percentage){BLANK}"),
        ("1,23", False, f"Target '1,23' {NOT_A_NUMBER} (or 58% for a percentage){BLANK}"),
        ("1.5.2", False, f"Target '1.5.2' {NOT_A_NUMBER} (or 58% for a percentage){BLANK}"),
        (True, False, f"Target 'True' {NOT_A_NUMBER}{BLANK}"),
        (datetime(2016, 3, 1), False, f"Target '01/03/2016' {NOT_A_NUMBER}{BLANK}"),
        ("about 58", True, f"Target 'about 58' {NOT_A_NUMBER} (or 58% for a percentage)"),
        ("n/a", True, "Target 'n/a' is not a number; a figure is needed here"),
    ],
)
def test_a_number_that_is_not(value, required, message):
    assert _message(as_number, "Target", value, "General", required) == message


@pytest.mark.parametrize(
    ("text", "number"),
    [("1,234", 1234.0), ("12,345,678.9", 12345678.9), ("5.", 5.0), ("£ 5", 5.0), ("x", None)],
)
def test_parse_number(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        ("11 / 2", Unit.PAIR, Pair(11, 2)),
        ("11/2", Unit.PAIR, Pair(11, 2)),
        ("1.5 / 3", Unit.PAIR, Pair(1.5, 3)),
        ("n/a", Unit.PAIR, NOT_AVAILABLE),
        ("-", Unit.RATE_PER_1000, NOT_AVAILABLE),
        ("7.5", Unit.RATE_PER_1000, 7.5),
        (0.07, Unit.PERCENTAGE, 0.07),  # General format: the figure as typed
    ],
)
def test_a_figure(value, unit, expected):
    assert as_value("Actual", value, unit, "General") == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            datetime(2016, 2, 11),
            "Actual has become the date 11 Feb in Excel; type the pair with spaces, e.g."
            " '11 / 2', or format the cell as Text",
        ),
        (
            11,
            "Actual '11' is not a pair of counts; type both counts with a slash, e.g. '11 / 2',"
            " or n/a, -, or a note such as 'not yet available'",
        ),
        (
            "11 of 2",
            "Actual '11 of 2' is not a pair of counts; type both counts with a slash, e.g."
            " '11 / 2', or n/a, -, or a note such as 'not yet available'",
        ),
    ],
)
def test_a_pair_that_is_not(value, message):
    assert _message(as_value, "Actual", value, Unit.PAIR, "General") == message


@pytest.mark.parametrize(
    ("value", "expected"),
    [("high is good", "High is good"), ("  LOW   is good ", "Low is good"), (1, None)],
)
def test_a_choice(value, expected):
    choices = ("High is good", "Low is good", "1")
    assert as_choice("Polarity", value, choices) == (expected or "1")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "Hgh is good",
            "Polarity 'Hgh is good' is not one of: High is good, Low is good, No preferred"
            " direction (did you mean 'High is good'?); type one of them",
        ),
        (
            "up",
            "Polarity 'up' is not one of: High is good, Low is good, No preferred direction; type"
            " one of them",
        ),
        (
            2.0,
            "Polarity '2' is not one of: High is good, Low is good, No preferred direction; type"
            " one of them",
        ),
    ],
)
def test_a_choice_that_is_not(value, message):
    choices = ("High is good", "Low is good", "No preferred direction")
    assert _message(as_choice, "Polarity", value, choices) == message


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("2016/17 Q2", "2016/17 Q2"),
        ("2015/16", "2015/16"),
        (2016, "2016"),
        ("Sep 2016", "Sep 2016"),
        (datetime(2016, 9, 1), "Sep 2016"),
        ("Oct 2013 - Sep 2014", "Oct 2013 - Sep 2014"),
    ],
)
def test_a_period(value, label):
    assert as_period("Period", value).label == label


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2015/2017", f"Period '2015/2017' {PERIODS}"),
        ("2016/17 Q5", f"Period '2016/17 Q5' {PERIODS}"),
        (2016.5, f"Period '2016.5' {PERIODS}"),
        (
            datetime(2016, 9, 2),
            "Period is the date 02/09/2016; type a period such as 'Sep 2016' or '2016/17 Q2',"
            " with the cell formatted as Text",
        ),
    ],
)
def test_a_period_that_is_not(value, message):
    assert _message(as_period, "Period", value) == message


@pytest.mark.parametrize(
    ("value", "day"),
    [
        (datetime(2016, 10, 31, 9, 30), date(2016, 10, 31)),
        (42674, date(2016, 10, 31)),
        (42674.75, date(2016, 10, 31)),
        (1, date(1900, 1, 1)),  # Excel's first day
        (59, date(1900, 2, 28)),  # the last before Excel's 29 February 1900 that never was
        (61, date(1900, 3, 1)),
        ("31/10/2016", date(2016, 10, 31)),
        ("31/10/16", date(2016, 10, 31)),
        ("2016-10-31", date(2016, 10, 31)),
        ("31 October 2016", date(2016, 10, 31)),
        ("31 Oct 2016", date(2016, 10, 31)),
        ("31-Oct-2016", date(2016, 10, 31)),
        ("October 31, 2016", date(2016, 10, 31)),
        (" 31/10/2016 ", date(2016, 10, 31)),
    ],
)
def test_a_date(value, day):
    assert as_date("Report date", value) == day


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("31/13/2016", f"Report date '31/13/2016' {DATES}"),
        ("soon", f"Report date 'soon' {DATES}"),
        (0.5, f"Report date '0.5' {DATES}"),
        (2958466, f"Report date '2958466' {DATES}"),
        (True, f"Report date 'True' {DATES}"),
        (
            60,
            "Report date 60 is Excel's 29/02/1900, a day that never was; type a date such as"
            " 31/10/2016, or leave it blank for the day the report is made",
        ),
    ],
)
def test_a_date_that_is_not(value, message):
    assert _message(as_date, "Report date", value) == message


@pytest.mark.parametrize(
    ("value", "expected"),
    [("#DIV/0!", True), (" #N/A ", True), ("#div/0!", False), (7, False), ("DIV/0", False)],
)
def test_excel_errors_saved_as_text(value, expected):
    assert is_excel_error(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("n/a", True), ("NA", True), ("–", True), ("—", True), ("none", False), (0, False)],
)
def test_not_available_words(value, expected):
    assert is_not_available(value) is expected


@pytest.mark.parametrize(("value", "text"), [(3.0, "3"), (2.5, "2.5"), (-0.0, "0"), (7, "7")])
def test_number_text(value, text):
    assert number_text(value) == text


@pytest.mark.parametrize(
    ("value", "number_format", "read", "message"),
    [
        (58, "General", 58.0, None),
        ("58", "General", 58.0, None),
        (True, "0,", 1.0, None),
        (
            7000,
            '#,##0,"k"',
            7000.0,
            "Actual shows as 7 in Excel (number format '#,##0,\"k\"'), but the cell holds 7000,"
            " so the report would print 7000: give the cell a plain number format (0 or 0.0)"
            " and type the figure it should show",
        ),
    ],
)
def test_a_number_excel_shows_otherwise(value, number_format, read, message):
    assert shown_otherwise("Actual", value, number_format, read) == message


@pytest.mark.parametrize(
    ("unit", "value", "message"),
    [
        (Unit.PERCENTAGE, -0.1, "Actual '-0.1' is below zero, but the measure is a percentage"),
        (
            Unit.PERCENTAGE,
            100.5,
            "Actual '100.5' is over 100, but the measure is a percentage (a share of 100)",
        ),
        (Unit.RATE_PER_1000, -3, "Actual '-3' is below zero, but the measure is a rate"),
        (Unit.RATE, -3, "Actual '-3' is below zero, but the measure is a rate"),
        (Unit.COUNT, -1, "Actual '-1' is below zero, but the measure is a count"),
        (Unit.RANK, -2, "Actual '-2' is below zero, but the measure is a position"),
        (Unit.PERCENTAGE, 0.0, None),
        (Unit.PERCENTAGE, 100.0, None),
        (Unit.COUNT, 0, None),
        (Unit.MONEY, -250, None),  # a loss may be negative
        (Unit.NUMBER, -4.5, None),
    ],
)
def test_a_figure_its_unit_cannot_hold_is_refused(unit, value, message):
    if message is None:
        assert as_value("Actual", value, unit, "General") == value
    else:
        with pytest.raises(CellError) as caught:
            as_value("Actual", value, unit, "General")
        assert str(caught.value).startswith(message + ":")


def test_a_share_typed_in_a_percentage_cell_is_bounded_as_shown():
    # 1.2 formatted as a percentage shows 120%: over 100, though the cell holds 1.2
    with pytest.raises(CellError, match="Actual '120' is over 100"):
        as_value("Actual", 1.2, Unit.PERCENTAGE, "0%")
    assert as_value("Actual", 0.26, Unit.PERCENTAGE, "0%") == 26
