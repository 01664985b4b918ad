"""Issue 21: ``core.series`` as tables: the one order of a measure's figures (by when the period
ends, then when it starts, then the area, the partnership's own first), whatever the rows' order,
and a figure found by measure, period and area. Expected orders are written out by hand."""

from __future__ import annotations

import pytest

from safecity_reports.core.model import Observation
from safecity_reports.core.periods import parse_period
from safecity_reports.core.series import figure_at, in_order, order_key


def _obs(label: str, area: str = "", actual: float = 1.0) -> Observation:
    return Observation(parse_period(label), actual, area=area)


def _names(observations) -> list[tuple[str, str]]:
    return [(o.period.label, o.area) for o in observations]


# rows as typed (sorted by Actual, areas first, blank rows removed) -> the one order
ORDERS = [
    (
        [("2016/17 Q2", "North"), ("2016/17 Q1", ""), ("2016/17 Q2", ""), ("2016/17 Q1", "North")],
        [("2016/17 Q1", ""), ("2016/17 Q1", "North"), ("2016/17 Q2", ""), ("2016/17 Q2", "North")],
    ),
    # the year 2015/16 ends with Q4 (both Mar 16) but starts earlier: the year first
    (
        [("2016/17 Q1", ""), ("2015/16 Q4", ""), ("2015/16", "")],
        [("2015/16", ""), ("2015/16 Q4", ""), ("2016/17 Q1", "")],
    ),
    # areas in their own alphabetical order after the partnership's
    (
        [("Aug 2016", "South"), ("Aug 2016", "East"), ("Aug 2016", ""), ("Jul 2016", "South")],
        [("Jul 2016", "South"), ("Aug 2016", ""), ("Aug 2016", "East"), ("Aug 2016", "South")],
    ),
    ([], []),
]


@pytest.mark.parametrize(("rows", "expected"), ORDERS)
def test_in_order(rows, expected):
    observations = [_obs(label, area) for label, area in rows]
    assert _names(in_order(observations)) == expected
    assert _names(in_order(reversed(observations))) == expected  # no row decides
    assert isinstance(in_order(iter(observations)), tuple)


def test_order_key_is_the_period_then_the_area():
    assert order_key(_obs("2016/17 Q1", "North")) == (parse_period("2016/17 Q1"), "North")


FIGURES = (
    _obs("2016/17 Q1", "", 1.0),
    _obs("2016/17 Q1", "North", 2.0),
    _obs("2016/17 Q2", "", 3.0),
    _obs("2016/17 Q2", "North", 4.0),
)

# (period, area) -> the Actual found, or None
LOOKUPS = [
    ("2016/17 Q1", "", 1.0),
    ("2016/17 Q1", "North", 2.0),
    ("2016/17 Q2", "", 3.0),
    ("2016/17 Q2", "North", 4.0),
    ("Jul 2016 - Sep 2016", "", 3.0),  # the same months under another label
    ("Jul 2016 - Sep 2016", "North", 4.0),
    ("2016/17 Q3", "", None),  # no figure for that period
    ("2016/17 Q2", "South", None),  # nor for that area
    ("2016/17", "", None),  # a year that holds the quarter is another period
]


@pytest.mark.parametrize(("label", "area", "actual"), LOOKUPS)
def test_figure_at(label, area, actual):
    found = figure_at(FIGURES, parse_period(label), area)
    assert (None if found is None else found.actual) == actual


def test_figure_at_defaults_to_the_partnerships_own():
    found = figure_at(reversed(FIGURES), parse_period("2016/17 Q1"))
    assert found is not None and found.actual == 1.0
