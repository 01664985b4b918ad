"""What a figure covers, by its kind, and which figures may be compared."""

from __future__ import annotations

from datetime import date

import pytest

from safecity_reports.core.coverage import (
    comparable,
    covered,
    describe,
    follows,
    is_year_before,
    missing_between,
)
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


@pytest.mark.parametrize(
    ("earlier", "later", "missing"),
    [
        ("2013/14 Q2", "2013/14 Q3", []),
        ("2013/14 Q2", "2014/15 Q1", ["2013/14 Q3", "2013/14 Q4"]),
        ("2011/12", "2013/14", ["2012/13"]),
        ("Nov 2013", "Feb 2014", ["Dec 2013", "Jan 2014"]),
        ("Jan 2013 - Mar 2013", "Jul 2013 - Sep 2013", ["Apr 2013 - Jun 2013"]),
        ("2012/13", "2013/14 Q1", None),  # a year and a quarter: not one series
        ("Oct 2012 - Sep 2013", "Jan 2013 - Dec 2013", None),  # rolling spans overlap
        ("2013/14 Q2", "2013/14 Q2", None),
        ("1013/14 Q1", "2013/14 Q1", None),  # a mistyped year: too many to list
    ],
)
def test_the_periods_missing_between_two(earlier, later, missing):
    found = missing_between(parse_period(earlier), parse_period(later))
    assert (None if found is None else [p.label for p in found]) == missing


@pytest.mark.parametrize(
    ("earlier", "later", "kind", "expected"),
    [
        ("2013/14 Q2", "2013/14 Q3", FOR, True),
        ("2013/14 Q2", "2013/14 Q4", FOR, False),  # Q3 is missing
        ("2012/13", "2013/14 Q1", FOR, False),  # a year, then a quarter
        ("Jul 2013 - Sep 2013", "2013/14 Q3", FOR, True),  # the same quarter, typed two ways
        ("Oct 2012 - Sep 2013", "Jan 2013 - Dec 2013", ROLLING, True),
        ("2012/13 Q3", "2013/14 Q3", YTD, False),  # a year apart: compared, but not a run
        ("Jun 2013", "Mar 2014", FigureKind.SNAPSHOT, True),
        ("2013", "2016", FigureKind.SURVEY_WAVE, True),
    ],
)
def test_which_figures_follow_on_from_the_one_before(earlier, later, kind, expected):
    assert follows(parse_period(earlier), parse_period(later), kind) is expected
