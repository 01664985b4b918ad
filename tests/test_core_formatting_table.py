"""How figures are printed (``core.formatting``), as tables: rounding half away from zero on
the number as typed, both signs, exactly on the half, a value that rounds to zero, infinities
and NaN, the fewest decimals a list needs, ordinals through the teens, and each unit's printed
form (issue 21: the verdicts tested as tables).

Every expected value is worked out by hand from the rule the docstrings state."""

from __future__ import annotations

import math

import pytest

from safecity_reports.core.formatting import (
    Typed,
    fewest_decimals,
    format_number,
    format_value,
    ordinal,
    rounded,
)
from safecity_reports.core.model import NotAvailable, Pair, Unit, awaiting

INF, NAN = math.inf, math.nan

# (value, decimals, rounded)
ROUNDED = [
    (0.125, 2, 0.13),  # exactly on the half: away from zero
    (-0.125, 2, -0.13),
    (1.005, 2, 1.01),  # as typed, although the float is a hair below 1.005
    (2.5, 0, 3.0),
    (-2.5, 0, -3.0),
    (3.5, 0, 4.0),  # not to even
    (1.24, 1, 1.2),
    (1.25, 1, 1.3),
    (-1.24, 1, -1.2),
    (1234.5678, 2, 1234.57),
    (7.0, 3, 7.0),
    (1e28, 2, 1e28),  # more digits than the default decimal precision
    (INF, 2, INF),
    (-INF, 0, -INF),
]


@pytest.mark.parametrize(("value", "decimals", "expected"), ROUNDED)
def test_rounding_is_half_away_from_zero_on_the_number_as_typed(value, decimals, expected):
    assert rounded(value, decimals) == expected


def test_nan_is_returned_unchanged():
    assert math.isnan(rounded(NAN, 1))


# (value, decimals, printed)
NUMBERS = [
    (1234.5, 1, "1,234.5"),
    (1234567.891, 2, "1,234,567.89"),
    (999.95, 1, "1,000.0"),
    (2.5, 0, "3"),  # no decimals at all: the least allowed
    (-2.5, 0, "-3"),
    (12.0, 2, "12.00"),
    (-1234.5, 1, "-1,234.5"),
    (-0.04, 1, "0.0"),  # rounds to zero: no sign
    (-0.05, 1, "-0.1"),
    (-0.0, 2, "0.00"),
    (0.0, 0, "0"),
    (1e28, 0, "10,000,000,000,000,000,000,000,000,000"),
    (INF, 1, "inf"),
    (-INF, 2, "-inf"),
    (NAN, 0, "nan"),
]


@pytest.mark.parametrize(("value", "decimals", "printed"), NUMBERS)
def test_a_number_as_printed(value, decimals, printed):
    assert format_number(value, decimals) == printed


@pytest.mark.parametrize("decimals", [-1, -2])
def test_negative_decimals_are_refused(decimals):
    with pytest.raises(ValueError) as raised:
        format_number(1.0, decimals)
    assert str(raised.value) == f"decimals must be 0 or more, got {decimals}"


# (values, most, the fewest decimals that print every one as it is)
FEWEST = [
    ([1.0, 2.5], 2, 1),
    ([0.125], 2, 2),  # would need 3: capped at the most
    ([0.125], 3, 3),
    ([0.125], 4, 3),
    ([1.0, 2.0], 2, 0),
    ([], 2, 0),
    ([0.1 + 0.2], 2, 1),  # 0.30000000000000004: float noise is not a decimal
    ([10_000_000_000.5], 2, 0),  # half a unit in ten billion is less than a billionth
    ([100.5], 2, 1),  # but in a hundred it is not
    ([0.0000000001], 2, 0),  # below a billionth of 1 counts as nothing
    ([0.000000001], 2, 2),  # exactly a billionth of 1 counts: no places print it, so the most
    ([0.0000000015], 2, 2),  # a billionth of 1, not of the value, for values below 1
    ([0.5, 0.25], 1, 1),
    ([0.5, 0.25], 0, 0),  # the most is 0
    ([INF, NAN, 3.0], 2, 0),  # infinities and NaN need none
    ([INF, 0.5], 2, 1),
    ([-1.75], 2, 2),
    ([-1.75], 1, 1),
]


@pytest.mark.parametrize(("values", "most", "places"), FEWEST)
def test_the_fewest_decimals(values, most, places):
    assert fewest_decimals(values, most) == places


def test_the_most_is_two_unless_given():
    assert fewest_decimals([0.125]) == 2
    assert fewest_decimals([0.5]) == 1


ORDINALS = [
    (0, "0th"),
    (1, "1st"),
    (2, "2nd"),
    (3, "3rd"),
    (4, "4th"),
    (10, "10th"),
    (11, "11th"),
    (12, "12th"),
    (13, "13th"),
    (14, "14th"),
    (21, "21st"),
    (22, "22nd"),
    (23, "23rd"),
    (101, "101st"),
    (111, "111th"),
    (112, "112th"),
    (113, "113th"),
    (1012, "1012th"),
]


@pytest.mark.parametrize(("n", "printed"), ORDINALS)
def test_an_ordinal(n, printed):
    assert ordinal(n) == printed


# (value, unit, decimals, printed)
VALUES = [
    (None, Unit.PERCENTAGE, 1, ""),
    (NotAvailable(), Unit.PERCENTAGE, 1, "[x]"),  # the GOV.UK symbol (issue 25 item 4)
    (NotAvailable("NYA"), Unit.COUNT, 0, "NYA"),
    (awaiting("Police"), Unit.COUNT, 0, "awaiting Police"),
    (Pair(11.0, 2.0), Unit.PAIR, 1, "11 / 2"),  # counts without decimals whatever is asked
    (Pair(1234.6, 0.4), Unit.PAIR, 2, "1,235 / 0"),
    (58.0, Unit.PERCENTAGE, 1, "58%"),  # as typed (issue 25 item 3)
    (Typed(58.0, 1), Unit.PERCENTAGE, 1, "58.0%"),
    (-2.25, Unit.PERCENTAGE, 1, "-2.3%"),
    (15.0, Unit.RANK, 1, "15th"),
    (14.5, Unit.RANK, 0, "15th"),  # a rank is a whole position, rounded half up
    (2.4, Unit.RANK, 2, "2nd"),
    (3.0, Unit.RANK, 0, "3rd"),
    (106_500.0, Unit.MONEY, 0, "£106,500"),
    (1234.5, Unit.MONEY, 2, "£1,234.50"),
    (-1234.5, Unit.MONEY, 2, "-£1,234.50"),  # the sign before the pound sign
    (-0.004, Unit.MONEY, 2, "£0.00"),  # rounds to zero: no sign
    (1234.5, Unit.COUNT, 1, "1,234.5"),
    (4.25, Unit.RATE_PER_1000, 2, "4.25"),
    (4.25, Unit.RATE_PER_10000, 1, "4.3"),
    (4.25, Unit.RATE, 0, "4"),
    (-7.0, Unit.NUMBER, 0, "-7"),
]


@pytest.mark.parametrize(("value", "unit", "decimals", "printed"), VALUES)
def test_a_figure_as_the_report_prints_it(value, unit, decimals, printed):
    assert format_value(value, unit, decimals) == printed
