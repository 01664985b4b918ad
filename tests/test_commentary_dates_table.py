"""Tables for ``reading/commentary/dates``: every form of date the commentary is read for, with
the first and last day it covers and whether a preposition introduces it, and the two checks
(a date after the report's date in a past-tense clause; the current period named in another
year), with their whole messages. Each expected value is worked out by hand from the calendar
and the report below (2016/17 Q2, July to September 2016, reported on 15 November 2016), never
produced by the code under test; the mutation run of docs/mutation.md found the gaps."""

from __future__ import annotations

from datetime import date

import pytest

from safecity_reports.reading.commentary.dates import mentions
from test_commentary_table import CRIME, said

D = date

MENTIONS = [
    # (text, [(kind, first day, last day, words, where, introduced)])
    ("It opened on 5th March 2017.", [("day", D(2017, 3, 5), D(2017, 3, 5), "5th March 2017", 13, True)]),
    ("It opened on 21 Oct 2016.", [("day", D(2016, 10, 21), D(2016, 10, 21), "21 Oct 2016", 13, True)]),
    ("from Mar 2016 - Jun 2016 it ran",
     [("span", D(2016, 3, 1), D(2016, 6, 30), "Mar 2016 - Jun 2016", 5, True)]),
    ("from Dec 2015 to Feb 2016",
     [("span", D(2015, 12, 1), D(2016, 2, 29), "Dec 2015 to Feb 2016", 5, True)]),
    ("from Jan 2015 - Mar 2016",
     [("span", D(2015, 1, 1), D(2016, 3, 31), "Jan 2015 - Mar 2016", 5, True)]),
    ("during July-September 2017",
     [("span", D(2017, 7, 1), D(2017, 9, 30), "July-September 2017", 7, True)]),
    ("in November to February 2017",
     [("span", D(2016, 11, 1), D(2017, 2, 28), "November to February 2017", 3, True)]),
    ("in Nov and Dec 2016", [("span", D(2016, 11, 1), D(2016, 12, 31), "Nov and Dec 2016", 3, True)]),
    ("in 2016/17 Q1", [("quarter", D(2016, 4, 1), D(2016, 6, 30), "2016/17 Q1", 3, True)]),
    ("in 2016/17 Q4", [("quarter", D(2017, 1, 1), D(2017, 3, 31), "2016/17 Q4", 3, True)]),
    ("in Q3 2016/17", [("quarter", D(2016, 10, 1), D(2016, 12, 31), "Q3 2016/17", 3, True)]),
    ("in Q4 2015 / 16", [("quarter", D(2016, 1, 1), D(2016, 3, 31), "Q4 2015 / 16", 3, True)]),
    ("in February 2016", [("month", D(2016, 2, 1), D(2016, 2, 29), "February 2016", 3, True)]),
    ("in Sept. 2016", [("month", D(2016, 9, 1), D(2016, 9, 30), "Sept. 2016", 3, True)]),
    ("over 2015-2017", [("years", D(2015, 1, 1), D(2017, 12, 31), "2015-2017", 5, True)]),
    ("between 2015 and 2016", [("years", D(2015, 1, 1), D(2016, 12, 31), "2015 and 2016", 8, True)]),
    ("in 2015/16", [("financial", D(2015, 4, 1), D(2016, 3, 31), "2015/16", 3, True)]),
    ("in 1999", [("year", D(1999, 1, 1), D(1999, 12, 31), "1999", 3, True)]),
    ("since late 2015", [("year", D(2015, 1, 1), D(2015, 12, 31), "2015", 11, True)]),
    ("the Action Plan 2015-2017", [("years", D(2015, 1, 1), D(2017, 12, 31), "2015-2017", 16, False)]),
    ("from the start of May 2016", [("month", D(2016, 5, 1), D(2016, 5, 31), "May 2016", 18, True)]),
    ("in the period July 2016", [("month", D(2016, 7, 1), D(2016, 7, 31), "July 2016", 14, True)]),
    ("for the month of May 2016", [("month", D(2016, 5, 1), D(2016, 5, 31), "May 2016", 17, True)]),
    # no such day: the month is still read, with no preposition just before it
    ("on 31 February 2016", [("month", D(2016, 2, 1), D(2016, 2, 29), "February 2016", 6, False)]),
    # a span that ends before it starts is two months
    ("in Jun 2016 - Mar 2016", [("month", D(2016, 6, 1), D(2016, 6, 30), "Jun 2016", 3, True),
                                ("month", D(2016, 3, 1), D(2016, 3, 31), "Mar 2016", 14, False)]),
    # in the order written, each place read once, by its most precise form
    ("in 2015/16 and in May 2016", [
        ("financial", D(2015, 4, 1), D(2016, 3, 31), "2015/16", 3, True),
        ("month", D(2016, 5, 1), D(2016, 5, 31), "May 2016", 18, True),
    ]),
    ("The 2016 plan ran in 2015.", [("year", D(2016, 1, 1), D(2016, 12, 31), "2016", 4, False),
                                    ("year", D(2015, 1, 1), D(2015, 12, 31), "2015", 21, True)]),
    ("in Nov and Dec 2016 and 2017", [  # a later form that starts inside an earlier one
        ("span", D(2016, 11, 1), D(2016, 12, 31), "Nov and Dec 2016", 3, True),
        ("year", D(2017, 1, 1), D(2017, 12, 31), "2017", 24, False),
    ]),
    ("in 2015 - 2016/17 Q1", [  # ... or ends inside one
        ("year", D(2015, 1, 1), D(2015, 12, 31), "2015", 3, True),
        ("quarter", D(2016, 4, 1), D(2016, 6, 30), "2016/17 Q1", 10, False),
    ]),
    ("in May 2016-2016/17 Q4", [  # ... or ends a character before one
        ("month", D(2016, 5, 1), D(2016, 5, 31), "May 2016", 3, True),
        ("quarter", D(2017, 1, 1), D(2017, 3, 31), "2016/17 Q4", 12, False),
    ]),
    ("on 31 February 2016 and 3 March 2016", [  # a day that does not exist, then one that does
        ("month", D(2016, 2, 1), D(2016, 2, 29), "February 2016", 6, False),
        ("day", D(2016, 3, 3), D(2016, 3, 3), "3 March 2016", 24, False),
    ]),
    ("in Jun 2016 - Mar 2016 and Jan 2016 - Feb 2016", [  # a backward span, then a forward one
        ("month", D(2016, 6, 1), D(2016, 6, 30), "Jun 2016", 3, True),
        ("month", D(2016, 3, 1), D(2016, 3, 31), "Mar 2016", 14, False),
        ("span", D(2016, 1, 1), D(2016, 2, 29), "Jan 2016 - Feb 2016", 27, False),
    ]),
    ("Room 12 holds 2,016 files.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_each_form_of_date_covers_its_days(text, expected):
    found = [(m.kind, m.start, m.end, m.text, m.at, m.introduced) for m in mentions(text)]
    assert found == expected


def test_the_years_a_mention_touches():
    [span] = mentions("in November to February 2017")
    assert span.years == {2016, 2017}
    [year] = mentions("in 2015")
    assert year.years == {2015}


REPORT = "but the report is on 2016/17 Q2 (Jul 2016 - Sep 2016)"

ANOTHER_YEAR = [
    ("During the period July-September 2017, 14 arrests were made.",
     [f"says 'During the period July-September 2017', {REPORT}"]),  # not also 'after the date'
    ("Arrests were made in July-September 2015.", [f"says 'in July-September 2015', {REPORT}"]),
    ("Arrests were made in July-September 2016.", []),
    ("Arrests were made in July-September 2015 compared to 2014.", []),  # a comparison
    ("Crime was high in July-September 2015.", [f"says 'in July-September 2015', {REPORT}"]),
    ("Crime was 25.40 in July-September 2015.", []),  # a figure of that period, rightly quoted
    ("Arrests were made in August-October 2015.", []),  # other months, not called current
    ("This quarter, arrests were made in August-October 2015.",
     [f"says 'in August-October 2015', {REPORT}"]),
    ("During the quarter, arrests were made in May 2015.", [f"says 'in May 2015', {REPORT}"]),
    ("In the current quarter, arrests were made in May 2015.", [f"says 'in May 2015', {REPORT}"]),
    ("Arrests were made during the period in 2015.", []),  # a calendar year is not judged
    ("During the quarter, arrests were made between 2013 and 2014.", []),  # nor years
    ("Arrests were made during the period in 2015/16.", []),  # it runs into 2016
    ("Arrests were made during the period in 2014/15.", [f"says 'in 2014/15', {REPORT}"]),
    ("During the quarter the Plan July-September 2015 was made.", []),  # a title's dates
    ("Under the 2015 plan, arrests were made in July-September 2015.",  # a year, then a period
     [f"says 'in July-September 2015', {REPORT}"]),
    ("Crime was 25.40 in July-September 2015 and high in July-September 2014.",
     [f"says 'in July-September 2014', {REPORT}"]),  # a figure's period, then another
]  # fmt: skip


@pytest.mark.parametrize(("text", "messages"), ANOTHER_YEAR)
def test_the_current_period_named_in_another_year(text, messages):
    assert said(text, CRIME) == [f"The commentary on 1.2a {m}" for m in messages]


HELD = "says 'The review was held in December 2016', but December 2016 is after the report's date"

AFTER_THE_DATE = [
    ("The review was held in December 2016.", D(2016, 12, 1), []),  # its first day is the date
    ("The review was held in December 2016.", D(2016, 11, 30), [f"{HELD}, 30 Nov 2016"]),
    ("The review was held in December 2016; the next will be in March 2017.", D(2016, 11, 15),
     [f"{HELD}, 15 Nov 2016"]),  # each clause on its own
    ("The review will be held in December 2016; it was planned in May 2016.", D(2016, 11, 15), []),
    ("The next will be in March 2017; the last was held in December 2016.", D(2016, 11, 15),
     ["says 'the last was held in December 2016', but December 2016 is after the report's "
      "date, 15 Nov 2016"]),
    ("The review in December 2016.", D(2016, 11, 15), []),  # no verb of the past
    ("The 2017 review was held.", D(2016, 11, 15), []),  # no preposition: a name
]  # fmt: skip


@pytest.mark.parametrize(("text", "report_date", "messages"), AFTER_THE_DATE)
def test_a_date_after_the_reports_date(text, report_date, messages):
    assert said(text, CRIME, report_date=report_date) == [
        f"The commentary on 1.2a {m}" for m in messages
    ]


def test_without_a_report_date_today_is_the_date():
    today = date.today()
    assert said("The review was held in December 2099.", CRIME, report_date=None) == [
        "The commentary on 1.2a says 'The review was held in December 2099', but December 2099 "
        f"is after the report's date, {today:%d %b %Y}"
    ]
    assert said(f"The review was held in {today.year - 1}.", CRIME, report_date=None) == []
