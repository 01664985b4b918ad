"""Funnel plots: limits checkable by hand and against PHEindicatormethods' exact rate limits, and
positions that agree with the lines."""

from __future__ import annotations

import math

import pytest

from safecity_reports.stats import (
    funnel_limits,
    funnel_position,
    group_dispersion,
    group_rate,
    rate_interval,
)
from stats_reference import csv_rows

EXACT_ROWS = [
    pytest.param(row, id=f"{row['Area']}-per-{row['multiplier']}")
    for row in csv_rows("rates.csv")
    if row["method"] == "Exact"
]


@pytest.mark.parametrize(
    ("expected_count", "confidence", "lower_count", "upper_count"),
    [
        # upper: P(X >= 1 | E) = 1 - exp(-E) = 2.5% at E = -ln(0.975): the line is at 1 event
        (-math.log(0.975), 0.95, 0, 1),
        (-math.log(0.999), 0.998, 0, 1),
        # lower: P(X <= 0 | E) = exp(-E) = 2.5% at E = -ln(0.025): the line is at 0 events
        (-math.log(0.025), 0.95, 0, None),
        # lower: P(X <= 1 | E) = exp(-E)(1 + E) = 2.5% at E = 5.5716 (phe_rate's upper for 1)
        (5.571643390938898, 0.95, 1, None),
    ],
)
def test_funnel_lines_at_hand_checkable_points(
    expected_count: float, confidence: float, lower_count: float, upper_count: float | None
) -> None:
    # a population of 2,000, rates per 1,000: a count c is a rate of c / 2
    lower, upper = funnel_limits(expected_count / 2, 2000, 1000, confidence)
    assert lower == pytest.approx(lower_count / 2, abs=1e-9)
    if upper_count is not None:
        assert upper == pytest.approx(upper_count / 2, rel=1e-9)


@pytest.mark.parametrize("row", EXACT_ROWS)
def test_funnel_lines_pass_through_phe_rates_exact_limits(row: dict[str, str]) -> None:
    # an area whose exact lower limit equals the group rate sits on the upper line, and one whose
    # exact upper limit equals it on the lower line
    count, denominator, multiplier = (
        float(row[k]) for k in ("Numerator", "Denominator", "multiplier")
    )
    rate = count / denominator * multiplier
    for confidence, lower_column, upper_column in [
        (0.95, "lower95_0cl", "upper95_0cl"),
        (0.998, "lower99_8cl", "upper99_8cl"),
    ]:
        upper = funnel_limits(float(row[lower_column]), denominator, multiplier, confidence)[1]
        lower = funnel_limits(float(row[upper_column]), denominator, multiplier, confidence)[0]
        assert upper == pytest.approx(rate, rel=1e-6)
        assert lower == pytest.approx(rate, rel=1e-6)


def test_the_funnel_narrows_as_the_population_grows_and_widens_with_confidence() -> None:
    limits = [funnel_limits(50, n, 1000) for n in (1_000, 10_000, 100_000)]
    assert [lo for lo, _ in limits] == sorted(lo for lo, _ in limits)
    assert [hi for _, hi in limits] == sorted((hi for _, hi in limits), reverse=True)
    inner = funnel_limits(50, 10_000, 1000, 0.95)
    assert limits[1][0] < inner[0] < 50 < inner[1] < limits[1][1]
    # at a large population the 99.8% lines are close to 50 -/+ 3.09 standard errors
    lower, upper = funnel_limits(50, 1_000_000, 1000)
    standard_error = math.sqrt(50_000) / 1_000_000 * 1000
    assert (50 - lower) / standard_error == pytest.approx(3.09, abs=0.02)
    assert (upper - 50) / standard_error == pytest.approx(3.09, abs=0.02)


def test_a_group_rate_of_zero_has_a_closed_funnel() -> None:
    assert funnel_limits(0, 500) == (0.0, 0.0)


def test_the_group_rate_is_all_events_over_all_people() -> None:
    assert group_rate([10, 30], [1000, 3000], multiplier=1000) == pytest.approx(10)
    assert group_rate([1, 2, 3], [100, 100, 100], multiplier=100) == pytest.approx(2)


@pytest.mark.parametrize(
    ("count", "position", "warning"),
    [
        (80, "above", True),  # rate 8 per 1,000 against 5 in 10,000 people (E = 50)
        (20, "below", True),
        (50, "in line", False),
        (66, "in line", True),  # outside the 95% lines, inside the 99.8%
        (35, "in line", True),
    ],
)
def test_positions_against_the_group_rate(count: int, position: str, warning: bool) -> None:
    result = funnel_position(count, 10_000, 5, multiplier=1000)
    assert (result.position, result.warning) == (position, warning)
    assert result.description.startswith({"above": "Above", "below": "Below"}.get(position, "In"))
    if position == "in line" and warning:
        assert "one to watch" in result.description


@pytest.mark.parametrize("denominator", [100, 700, 2500])
def test_below_10_events_a_position_is_exactly_outside_the_lines(denominator: int) -> None:
    group = 4.0  # per 1,000
    for confidence, judged in [(0.998, "position"), (0.95, "warning")]:
        lower, upper = funnel_limits(group, denominator, 1000, confidence)
        for count in range(10):
            rate = count / denominator * 1000
            result = funnel_position(count, denominator, group, 1000)
            outside = "above" if rate > upper else "below" if rate < lower else "in line"
            if judged == "position":
                assert result.position == outside, count
            else:
                assert result.warning == (outside != "in line"), count


def test_a_position_is_the_drawn_lines_at_every_count() -> None:
    # one comparison for the drawing and the words (issue 23): at 12 events Byar's interval,
    # which PHE's assign_funnel_significance uses, ends a little inside the exact line, so a
    # point just outside the drawn line was worded "in line"
    low, high = funnel_limits(12, 1000, 1000, 0.998)
    assert funnel_position(high * 0.99999, 1000, 12).position == "in line"
    assert funnel_position(high * 1.00001, 1000, 12).position == "above"
    assert funnel_position(low * 1.00001, 1000, 12).position == "in line"
    assert funnel_position(low * 0.99999, 1000, 12).position == "below"
    # exactly on a line is inside it
    assert funnel_position(high, 1000, 12).position == "in line"
    byars_low, _ = rate_interval(12, 1000, 1000, 0.998)
    group = byars_low * 1.001  # Byar's interval no longer excludes it; the exact line does
    assert funnel_limits(group, 1000, 1000, 0.998)[1] < 12
    assert funnel_position(12, 1000, group).position == "above"
    for count in range(10, 80):
        for group in (20.0, 35.0):
            lower, upper = funnel_limits(group, 1000, 1000, 0.998)
            expected = "above" if count > upper else "below" if count < lower else "in line"
            assert funnel_position(count, 1000, group).position == expected, (count, group)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: funnel_limits(-1, 100), "group_rate must be zero or more, got -1"),
        (lambda: funnel_limits(5, 0), "denominator must be more than zero, got 0"),
        (lambda: funnel_limits(5, 100, confidence=99.8), "confidence must be between 0 and 1"),
        (lambda: funnel_limits(5, 100, multiplier=-10), "multiplier must be more than zero"),
        (lambda: funnel_position(-1, 100, 5), "count must be zero or more, got -1"),
        (lambda: funnel_position(1, 0, 5), "denominator must be more than zero, got 0"),
        (lambda: funnel_position(1, 10, 5, 0), "multiplier must be more than zero, got 0"),
        (lambda: funnel_limits(5, 100, tau2=-1), "tau2 must be zero or more, got -1"),
        (lambda: funnel_position(3, 100, None), "group_rate is missing"),
        (lambda: group_rate([1, 2], [100]), "counts and denominators must pair up"),
        (lambda: group_rate([], []), "a group rate needs at least one area"),
        (lambda: group_rate([1, -2], [100, 100]), "count 2 must be zero or more, got -2"),
        (lambda: group_rate([1, 2], [100, 0]), "denominator 2 must be more than zero, got 0"),
    ],
)
def test_impossible_inputs_are_refused_with_a_plain_message(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: group_rate([1, 2], [100]),
            "counts and denominators must pair up: 2 counts, 1 denominators",
        ),
        (lambda: group_rate([], []), "a group rate needs at least one area"),
        (lambda: group_dispersion([], []), "a group rate needs at least one area"),
    ],
)
def test_the_whole_message(call, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        call()
    assert str(raised.value) == message
