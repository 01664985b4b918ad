"""Period labels: what is accepted, what each means, and the periods before them."""

from __future__ import annotations

from datetime import date

import pytest

from safecity_reports.core.periods import ACCEPTED, PeriodKind, parse_period, previous_period

Q = PeriodKind.QUARTER
FY = PeriodKind.FINANCIAL_YEAR
CY = PeriodKind.CALENDAR_YEAR
M = PeriodKind.MONTH
SPAN = PeriodKind.MONTH_SPAN


@pytest.mark.parametrize(
    ("text", "label", "kind", "start", "end"),
    [
        ("2016/17 Q1", "2016/17 Q1", Q, date(2016, 4, 1), date(2016, 6, 30)),
        ("2016/17 Q2", "2016/17 Q2", Q, date(2016, 7, 1), date(2016, 9, 30)),
        ("2016/17 Q3", "2016/17 Q3", Q, date(2016, 10, 1), date(2016, 12, 31)),
        ("2016/17 Q4", "2016/17 Q4", Q, date(2017, 1, 1), date(2017, 3, 31)),
        ("Q2 2016/17", "2016/17 Q2", Q, date(2016, 7, 1), date(2016, 9, 30)),
        ("2016/2017 Q2", "2016/17 Q2", Q, date(2016, 7, 1), date(2016, 9, 30)),
        ("2016-17 q2", "2016/17 Q2", Q, date(2016, 7, 1), date(2016, 9, 30)),
        ("  2016/17   Q2 ", "2016/17 Q2", Q, date(2016, 7, 1), date(2016, 9, 30)),
        ("2016/17\u00a0Q2", "2016/17 Q2", Q, date(2016, 7, 1), date(2016, 9, 30)),
        ("1999/00 Q4", "1999/00 Q4", Q, date(2000, 1, 1), date(2000, 3, 31)),
        ("2015/16", "2015/16", FY, date(2015, 4, 1), date(2016, 3, 31)),
        ("2015/2016", "2015/16", FY, date(2015, 4, 1), date(2016, 3, 31)),
        ("2015-16", "2015/16", FY, date(2015, 4, 1), date(2016, 3, 31)),
        ("2016", "2016", CY, date(2016, 1, 1), date(2016, 12, 31)),
        ("Sep 2016", "Sep 2016", M, date(2016, 9, 1), date(2016, 9, 30)),
        ("September 2016", "Sep 2016", M, date(2016, 9, 1), date(2016, 9, 30)),
        ("sept 2016", "Sep 2016", M, date(2016, 9, 1), date(2016, 9, 30)),
        ("Sep. 2016", "Sep 2016", M, date(2016, 9, 1), date(2016, 9, 30)),
        ("Feb 2016", "Feb 2016", M, date(2016, 2, 1), date(2016, 2, 29)),
        ("Oct 2013 - Sep 2014", "Oct 2013 - Sep 2014", SPAN, date(2013, 10, 1), date(2014, 9, 30)),
        ("Oct 2013 – Sep 2014", "Oct 2013 - Sep 2014", SPAN, date(2013, 10, 1), date(2014, 9, 30)),
        (
            "October 2013 to September 2014",
            "Oct 2013 - Sep 2014",
            SPAN,
            date(2013, 10, 1),
            date(2014, 9, 30),
        ),
        ("Oct 2013-Sep 2014", "Oct 2013 - Sep 2014", SPAN, date(2013, 10, 1), date(2014, 9, 30)),
    ],
)
def test_accepted_labels(text, label, kind, start, end):
    period = parse_period(text)
    assert (period.label, period.kind, period.start, period.end) == (label, kind, start, end)
    assert str(period) == label


@pytest.mark.parametrize(
    "text",
    [
        "2015/15",
        "Q5 2016/17",
        "2016/17 Q0",
        "2016/18",
        "Sep 2013 - Aug 2013",
        "",
        "Smarch 2016",
        "16/17 Q2",
        "Q2",
        "2016/17 Q2 extra",
    ],
)
def test_rejected_labels_name_the_accepted_forms(text):
    with pytest.raises(ValueError) as caught:
        parse_period(text)
    assert str(caught.value) == f"'{text}' is not a period label; use {ACCEPTED}"


def test_rejection_message_spelled_out():
    with pytest.raises(ValueError) as caught:
        parse_period("2015/15")
    assert str(caught.value) == (
        "'2015/15' is not a period label; use a financial-year quarter such as '2016/17 Q2', "
        "a financial year such as '2015/16', a calendar year such as '2016', a month such as "
        "'Sep 2016', or a span of months such as 'Oct 2013 - Sep 2014'"
    )


@pytest.mark.parametrize(
    ("label", "before"),
    [
        ("2016/17 Q2", "2016/17 Q1"),
        ("2016/17 Q3", "2016/17 Q2"),
        ("2016/17 Q4", "2016/17 Q3"),
        ("2016/17 Q1", "2015/16 Q4"),
        ("2000/01 Q1", "1999/00 Q4"),
        ("2015/16", "2014/15"),
        ("2000/01", "1999/00"),
        ("2016", "2015"),
        ("Sep 2016", "Aug 2016"),
        ("Jan 2016", "Dec 2015"),
        ("Mar 2016", "Feb 2016"),
        ("Oct 2013 - Sep 2014", "Oct 2012 - Sep 2013"),
        ("Jul 2013 - Jun 2014", "Jul 2012 - Jun 2013"),
        ("Jan 2016 - Jun 2016", "Jul 2015 - Dec 2015"),
        ("Feb 2016 - Apr 2016", "Nov 2015 - Jan 2016"),
        ("Jan 2016 - Jan 2016", "Dec 2015 - Dec 2015"),
    ],
)
def test_previous_period(label, before):
    period = parse_period(label)
    previous = previous_period(period)
    assert previous.label == before
    assert previous.kind is period.kind
    assert previous.months == period.months
    assert previous < period
    assert previous == parse_period(before)


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        ("2015/16 Q2", "2016/17 Q2", True),
        ("2015/16 Q1", "2016/17 Q2", False),
        ("2014/15 Q2", "2016/17 Q2", False),
        ("2016/17 Q2", "2015/16 Q2", False),
        ("2014/15", "2015/16", True),
        ("2013/14", "2015/16", False),
        ("2015", "2016", True),
        ("Sep 2015", "Sep 2016", True),
        ("Aug 2015", "Sep 2016", False),
        ("Oct 2012 - Sep 2013", "Oct 2013 - Sep 2014", True),
        ("Jul 2012 - Jun 2013", "Oct 2013 - Sep 2014", False),
        # same length, same end month: a financial year is the year before a matching span
        ("2014/15", "Apr 2015 - Mar 2016", True),
        # a quarter is not the year before a month that ends with it
        ("2015/16 Q2", "Sep 2016", False),
    ],
)
def test_is_year_before(earlier, later, expected):
    assert parse_period(earlier).is_year_before(parse_period(later)) is expected


@pytest.mark.parametrize(
    ("label", "months"),
    [
        ("2016/17 Q2", 3),
        ("2015/16", 12),
        ("2016", 12),
        ("Sep 2016", 1),
        ("Oct 2013 - Sep 2014", 12),
        ("Oct 2013 - Sep 2015", 24),
    ],
)
def test_months(label, months):
    assert parse_period(label).months == months


def test_periods_sort_by_when_they_end():
    labels = ["2016/17 Q2", "2015/16", "Sep 2016", "Oct 2013 - Sep 2014", "2016/17 Q1"]
    ordered = sorted(parse_period(label) for label in labels)
    # Q2 and September end on the same day: the one that starts earlier sorts first
    assert [p.label for p in ordered] == [
        "Oct 2013 - Sep 2014",
        "2015/16",
        "2016/17 Q1",
        "2016/17 Q2",
        "Sep 2016",
    ]


def test_equal_periods_ignore_how_they_were_written():
    assert parse_period("Q2 2016/2017") == parse_period("2016/17 Q2")
