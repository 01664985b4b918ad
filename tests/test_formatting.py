"""How figures are printed and rounded."""

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
from safecity_reports.core.model import NOT_AVAILABLE, Pair, Unit


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0.125, 2, 0.13),
        (-0.125, 2, -0.13),
        (0.135, 2, 0.14),
        (1.005, 2, 1.01),  # as typed, not as the float 1.00499999...
        (2.675, 2, 2.68),
        (0.5, 0, 1.0),
        (1.5, 0, 2.0),
        (2.5, 0, 3.0),
        (-2.5, 0, -3.0),
        (28.06, 1, 28.1),
        (29.92, 1, 29.9),
        (0.121, 2, 0.12),
        (0.118, 2, 0.12),
        (0.1249, 2, 0.12),
        (15, 0, 15.0),
        (1234.5678, 3, 1234.568),
    ],
)
def test_rounded_half_away_from_zero(value, decimals, expected):
    assert rounded(value, decimals) == expected


@pytest.mark.parametrize("value", [math.inf, -math.inf])
def test_rounded_leaves_infinity(value):
    assert rounded(value, 2) == value


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, 1, "1,234.5"),
        (1234.5, 0, "1,235"),
        (1234567.891, 2, "1,234,567.89"),
        (0, 2, "0.00"),
        (-0.04, 1, "0.0"),
        (-0.0, 1, "0.0"),
        (-0.004, 2, "0.00"),
        (-0.05, 1, "-0.1"),
        (-1234.5, 1, "-1,234.5"),
        (999.995, 2, "1,000.00"),
        (0.125, 2, "0.13"),
        (58, 2, "58.00"),
        (7, 0, "7"),
    ],
)
def test_format_number(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_format_number_refuses_negative_decimals():
    with pytest.raises(ValueError, match="decimals must be 0 or more, got -1"):
        format_number(1.0, -1)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
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
        (1002, "1002nd"),
    ],
)
def test_ordinal(n, expected):
    assert ordinal(n) == expected


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "expected"),
    [
        # as typed, up to the measure's decimals (issue 25 item 3)
        (58.0, Unit.PERCENTAGE, 1, "58%"),
        (Typed(58.0, 1), Unit.PERCENTAGE, 2, "58.0%"),
        (Typed(58.0, 3), Unit.PERCENTAGE, 2, "58.00%"),
        (8.9, Unit.PERCENTAGE, 2, "8.9%"),
        (8.96, Unit.PERCENTAGE, 1, "9.0%"),
        (5.755, Unit.PERCENTAGE, 2, "5.76%"),
        (28.06, Unit.RATE_PER_1000, 2, "28.06"),
        (0.05, Unit.RATE_PER_10000, 2, "0.05"),
        (1234, Unit.COUNT, 0, "1,234"),
        (15, Unit.RANK, 0, "15th"),
        (15.0, Unit.RANK, 2, "15th"),
        (1, Unit.RANK, 0, "1st"),
        (Pair(11, 2), Unit.PAIR, 0, "11 / 2"),
        (Pair(0, 0), Unit.PAIR, 2, "0 / 0"),
        (Pair(1234, 2.4), Unit.PAIR, 0, "1,234 / 2"),
        (106500, Unit.MONEY, 0, "£106,500"),
        (21500, Unit.MONEY, 0, "£21,500"),
        (21500, Unit.MONEY, 2, "£21,500"),
        (21500.5, Unit.MONEY, 2, "£21,500.50"),
        (-250, Unit.MONEY, 0, "-£250"),
        (
            NOT_AVAILABLE,
            Unit.PERCENTAGE,
            1,
            "[x]",
        ),  # one symbol for not available (issue 25 item 4)
        (NOT_AVAILABLE, Unit.PAIR, 0, "[x]"),
        (None, Unit.PERCENTAGE, 1, ""),
        (None, Unit.MONEY, 0, ""),
    ],
)
def test_format_value(value, unit, decimals, expected):
    assert format_value(value, unit, decimals) == expected


def test_huge_figures_round_and_print_rather_than_fail():
    # found by the fuzzing harness: 1e28 typed into a cell broke rounding (28-digit default)
    from safecity_reports.core.formatting import format_number, rounded

    assert rounded(1e28, 0) == 1e28
    assert rounded(1.5e300, 3) == 1.5e300
    assert format_number(1e28, 0) == "10,000,000,000,000,000,000,000,000,000"


@pytest.mark.parametrize(
    ("values", "most", "places"),
    [
        ([1.0, 2.0], 2, 0),
        ([1.0, 2.5], 2, 1),
        ([0.125], 2, 2),  # more than ``most`` shows: as many as allowed
        ([0.30000000000000004, 0.1], 2, 1),  # float noise is not a decimal
        ([12.5, 0.25], 1, 1),
        ([], 2, 0),
    ],
)
def test_fewest_decimals(values, most, places):
    assert fewest_decimals(values, most) == places
