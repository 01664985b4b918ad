"""Tables for ``reading/commentary/page``: the same period a year before each length of
period, a page's label, the measures a page covers (by id or by action, each once), and the
words that stand for the one measure of a page ('the rate', 'the proportion', 'the total')
or never stand for a share ('the number of'). Expected values are worked out by hand, never
produced by the code under test; the mutation run of docs/mutation.md found the gaps."""

from __future__ import annotations

import pytest

from safecity_reports.core.model import Unit
from safecity_reports.core.periods import parse_period
from safecity_reports.reading.commentary.page import page_label, year_before
from test_commentary_table import ALCOHOL, COUNT, CRIME, Q2, SEXUAL, SHARE, _measure, said

PER_10000 = _measure("1.4", "Violence - Rate per 10,000", Unit.RATE_PER_10000, 2,
                     {"2016/17 Q1": 28.06, Q2: 29.92})  # fmt: skip
PER_N = _measure("1.5", "Violence - Rate per 100,000", Unit.RATE, 2,
                 {"2016/17 Q1": 28.06, Q2: 29.92})  # fmt: skip

YEAR_BEFORE = [
    ("2016/17 Q2", "2015/16 Q2"),
    ("Nov 2016", "Nov 2015"),
    ("2016/17", "2015/16"),
    ("2016", "2015"),
    ("Oct 2012 - Sep 2013", "Oct 2011 - Sep 2012"),
    ("Apr 2016 - Aug 2016", None),  # no run of five months ends a year before
]


@pytest.mark.parametrize(("period", "before"), YEAR_BEFORE)
def test_the_same_period_a_year_before(period, before):
    found = year_before(parse_period(period))
    assert (found and found.label) == before


def test_a_pages_label():
    assert page_label(("1.2a",)) == "1.2a"
    assert page_label(("1.2a", "1.3", "1.4")) == "1.2a-1.4"


ROSE = "says 'rose compared to the previous quarter', but the figures are "
FELL = "says 'fell compared to the previous quarter', but the figures are "
ALCOHOL_FELL = f"{ROSE}40.3% (2016/17 Q1) and 38% (2016/17 Q2): a fall"
CRIME_ROSE = f"{FELL}28.06 (2016/17 Q1) and 29.92 (2016/17 Q2): an increase"
COUNT_FELL = f"{ROSE}140 (2016/17 Q1) and 138 (2016/17 Q2): a fall"

PAGES = [
    # a page covers the measures of an action it names, each once, whatever else it names
    ("Completions rose compared to the previous quarter.", (ALCOHOL,), ("2.2",), "2.2", [ALCOHOL_FELL]),
    ("Completions rose compared to the previous quarter.", (ALCOHOL,), ("2.2", "2.2c"), "2.2-2.2c",
     [ALCOHOL_FELL]),
    ("Completions rose compared to the previous quarter.", (ALCOHOL,), ("9.9", "2.2c"), "9.9-2.2c",
     [ALCOHOL_FELL]),
    # a word for the one measure of a page, by its unit
    ("The level rose compared to the previous quarter.", (ALCOHOL,), None, "2.2c", [ALCOHOL_FELL]),
    ("The percentage rose compared to the previous quarter.", (ALCOHOL,), None, "2.2c", [ALCOHOL_FELL]),
    ("The rate fell compared to the previous quarter.", (CRIME,), None, "1.2a", [CRIME_ROSE]),
    ("The level fell compared to the previous quarter.", (CRIME,), None, "1.2a", [CRIME_ROSE]),
    ("The rate fell compared to the previous quarter.", (PER_10000,), None, "1.4", [CRIME_ROSE]),
    ("The level fell compared to the previous quarter.", (PER_10000,), None, "1.4", [CRIME_ROSE]),
    ("The rate fell compared to the previous quarter.", (PER_N,), None, "1.5", [CRIME_ROSE]),
    ("The level fell compared to the previous quarter.", (PER_N,), None, "1.5", [CRIME_ROSE]),
    ("The proportion rose compared to the previous quarter.", (ALCOHOL,), None, "2.2c", [ALCOHOL_FELL]),
    ("The number fell compared to the previous quarter.", (CRIME,), None, "1.2a", []),
    ("The number rose compared to the previous quarter.", (COUNT,), None, "1.1c", [COUNT_FELL]),
    ("The level rose compared to the previous quarter.", (COUNT,), None, "1.1c", [COUNT_FELL]),
    ("The total rose compared to the previous quarter.", (COUNT,), None, "1.1c", [COUNT_FELL]),
    ("ASB fell compared to the previous quarter.", (CRIME,), None, "1.2a", []),  # another measure
    # 'the number of' something is not its rate or percentage
    ("The number of re-referrals fell compared to the previous quarter.", (SHARE,), None, "3.4b", []),
    ("The proportion of re-referrals rose compared to the previous quarter.", (SHARE,), None,
     "3.4b", [f"{ROSE}22.92% (2016/17 Q1) and 19% (2016/17 Q2): a fall"]),
    ("The number of serious sexual offences rose compared to the previous quarter.",
     (SEXUAL, COUNT), None, "1.3-1.1c", []),
    ("The number of offenders managed rose compared to the previous quarter.", (SEXUAL, COUNT),
     None, "1.3-1.1c", [COUNT_FELL]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "measures", "covers", "label", "messages"), PAGES)
def test_what_a_page_covers_and_names(text, measures, covers, label, messages):
    assert said(text, *measures, covers=covers) == [
        f"The commentary on {label} {m}" for m in messages
    ]
