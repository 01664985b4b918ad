"""What a figure covers, by its kind, and which figures may be compared."""

from __future__ import annotations

from datetime import date

import pytest

from safecity_reports.core.coverage import comparable, covered, describe, is_year_before
from safecity_reports.core.model import FigureKind
from safecity_reports.core.periods import parse_period

YTD, ROLLING, FOR = FigureKind.YEAR_TO_DATE, FigureKind.ROLLING_12_MONTHS, FigureKind.FOR_THE_PERIOD


@pytest.mark.parametrize(
    ("label", "kind", "start", "end"),
    [
        ("2016/17 Q3", FOR, date(2016, 10, 1), date(2016, 12, 31)),
        ("2016/17 Q3", YTD, date(2016, 4, 1), date(2016, 12, 31)),
        ("2016/17 Q4", YTD, date(2016, 4, 1), date(2017, 3, 31)),
        ("Sep 2016", YTD, date(2016, 1, 1), date(2016, 9, 30)),
        ("Apr 2016 - Dec 2016", YTD, date(2016, 4, 1), date(2016, 12, 31)),
        ("2016/17 Q3", ROLLING, date(2016, 1, 1), date(2016, 12, 31)),
        ("2016/17 Q3", FigureKind.SNAPSHOT, date(2016, 12, 31), date(2016, 12, 31)),
    ],
)
def test_what_a_figure_covers(label, kind, start, end):
    span = covered(parse_period(label), kind)
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize(
    ("earlier", "later", "kind", "expected"),
    [
        ("2013/14 Q2", "2013/14 Q3", YTD, False),  # six months against nine
        ("Apr 2013 - Sep 2013", "Apr 2013 - Dec 2013", FOR, False),
        ("2012/13 Q3", "2013/14 Q3", YTD, True),
        ("2012/13", "2013/14 Q3", YTD, False),  # a baseline year against nine months
        ("2013/14 Q2", "2013/14 Q3", FOR, True),
        ("2012/13", "2013/14 Q3", FOR, False),
        ("2013/14 Q2", "2013/14 Q3", ROLLING, True),
        ("2013/14", "2015/16", FigureKind.SURVEY_WAVE, True),
    ],
)
def test_only_figures_of_the_same_length_are_compared(earlier, later, kind, expected):
    assert comparable(parse_period(earlier), parse_period(later), kind) is expected


def test_the_same_period_a_year_earlier():
    assert is_year_before(parse_period("2012/13 Q3"), parse_period("2013/14 Q3"), YTD)
    assert not is_year_before(parse_period("2013/14 Q2"), parse_period("2013/14 Q3"), YTD)


def test_describe_says_what_a_label_does_not():
    assert describe(parse_period("2013/14 Q3"), YTD) == "April to December 2013"
    assert describe(parse_period("2013/14 Q4"), YTD) == "April 2013 to March 2014"
    assert describe(parse_period("2013/14 Q3"), ROLLING) == "12 months to December 2013"
    assert describe(parse_period("2013/14 Q3"), FOR) == ""
