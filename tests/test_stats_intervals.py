"""Confidence intervals reproduce PHEindicatormethods' published figures, row by row."""

from __future__ import annotations

import math

import pytest

from safecity_reports.stats import (
    byars_interval,
    exact_count_interval,
    proportion_interval,
    rate_interval,
)
from stats_reference import csv_rows, figure

SIX_FIGURES = 1e-6
"""Relative agreement for 6 significant figures (the reference README's standard)."""

LEVELS = {"lower95_0cl": 0.95, "upper95_0cl": 0.95, "lower99_8cl": 0.998, "upper99_8cl": 0.998}


def _rows(name: str) -> list:
    return [pytest.param(row, id=f"{row['Area']}-{row['statistic']}") for row in csv_rows(name)]


@pytest.mark.parametrize("row", _rows("rates.csv"))
def test_rates_match_phe_rate(row: dict[str, str]) -> None:
    count, denominator = figure(row["Numerator"]), figure(row["Denominator"])
    multiplier = float(row["multiplier"])
    if count is None or denominator is None:
        assert row["lower95_0cl"] == ""  # the reference has no result: we refuse to make one
        with pytest.raises(ValueError, match="missing"):
            rate_interval(count, denominator, multiplier)
        return
    for confidence, lower_column, upper_column in [
        (0.95, "lower95_0cl", "upper95_0cl"),
        (0.998, "lower99_8cl", "upper99_8cl"),
    ]:
        lower, upper = rate_interval(count, denominator, multiplier, confidence)
        assert lower == pytest.approx(float(row[lower_column]), rel=SIX_FIGURES)
        assert upper == pytest.approx(float(row[upper_column]), rel=SIX_FIGURES)
    assert row["method"] == ("Exact" if count < 10 else "Byars")


@pytest.mark.parametrize("row", _rows("proportions.csv"))
def test_proportions_match_phe_proportion(row: dict[str, str]) -> None:
    numerator, denominator = figure(row["Numerator"]), figure(row["Denominator"])
    multiplier = float(row["multiplier"])  # 1 for a proportion, 100 for a percentage
    if numerator is None or denominator is None:
        assert row["lower95_0cl"] == ""
        with pytest.raises(ValueError, match="missing"):
            proportion_interval(numerator, denominator)
        return
    for confidence, lower_column, upper_column in [
        (0.95, "lower95_0cl", "upper95_0cl"),
        (0.998, "lower99_8cl", "upper99_8cl"),
    ]:
        lower, upper = proportion_interval(numerator, denominator, confidence)
        assert lower * multiplier == pytest.approx(float(row[lower_column]), rel=SIX_FIGURES)
        assert upper * multiplier == pytest.approx(float(row[upper_column]), rel=SIX_FIGURES)


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(
            row, id=f"{row['method']}-{row['x']}-{row['n'] or 'count'}-{row['confidence']}"
        )
        for row in csv_rows("byars_wilson.csv")
    ],
)
def test_byars_and_wilson_limits_match_phe(row: dict[str, str]) -> None:
    confidence = float(row["confidence"].rstrip("%")) / 100
    expected_lower, expected_upper = figure(row["lowercl"]), figure(row["uppercl"])
    if row["method"] == "Byars":
        lower, upper = byars_interval(float(row["x"]), confidence)
    else:
        lower, upper = proportion_interval(float(row["x"]), float(row["n"]), confidence)
    if expected_lower is None:
        assert lower is None  # Byar's bracket is negative: no lower limit, as the reference
    else:
        assert lower == pytest.approx(expected_lower, rel=SIX_FIGURES)
    assert upper == pytest.approx(expected_upper, rel=SIX_FIGURES)


def test_the_exact_method_runs_to_9_events_and_byars_starts_at_10() -> None:
    for count in (9, 10):
        ours = rate_interval(count, 1, multiplier=1)
        exact = exact_count_interval(count)
        byars = byars_interval(count)
        assert ours == (exact if count < 10 else byars)
    assert exact_count_interval(9) != byars_interval(9)


def test_no_events_have_a_lower_limit_of_zero_and_an_exact_upper_limit() -> None:
    # P(X = 0 | mu) = exp(-mu) = 0.025 at the upper limit: mu = -ln(0.025), a hand calculation
    lower, upper = rate_interval(0, 2000, multiplier=1000)
    assert lower == 0
    assert upper == pytest.approx(-math.log(0.025) / 2000 * 1000, rel=1e-12)
    assert byars_interval(0)[0] is None


def test_one_event_has_exact_limits_from_the_poisson_distribution() -> None:
    # lower: P(X >= 1 | mu) = 1 - exp(-mu) = 0.025; upper: P(X <= 1 | mu) = exp(-mu)(1 + mu) = 0.025
    lower, upper = exact_count_interval(1)
    assert lower == pytest.approx(-math.log(0.975), rel=1e-12)
    assert math.exp(-upper) * (1 + upper) == pytest.approx(0.025, rel=1e-10)


def test_a_proportion_of_none_or_all_stays_within_0_and_1() -> None:
    lower, upper = proportion_interval(0, 20)
    assert lower == 0 and 0 < upper < 1
    lower, upper = proportion_interval(20, 20)
    assert 0 < lower < 1 and upper == pytest.approx(1)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: rate_interval(-1, 100), "count must be zero or more, got -1"),
        (lambda: rate_interval(5, 0), "denominator must be more than zero, got 0"),
        (lambda: rate_interval(5, -3), "denominator must be more than zero, got -3"),
        (lambda: rate_interval(5, 100, multiplier=0), "multiplier must be more than zero"),
        (lambda: rate_interval(5, 100, confidence=95), r"confidence must be between 0 and 1"),
        (lambda: rate_interval(5, 100, confidence=1), r"confidence must be between 0 and 1"),
        (lambda: rate_interval(5, 100, confidence=0), r"confidence must be between 0 and 1"),
        (lambda: rate_interval(None, 100), "count is missing"),
        (lambda: rate_interval(float("nan"), 100), r"count is missing \(NaN\)"),
        (lambda: rate_interval("5", 100), "count must be a number, got '5'"),
        (lambda: rate_interval(5, float("inf")), "denominator must be finite"),
        (lambda: proportion_interval(11, 10), r"numerator \(11\) cannot be more than"),
        (lambda: proportion_interval(-1, 10), "numerator must be zero or more"),
        (lambda: proportion_interval(1, 0), "denominator must be more than zero"),
        (lambda: proportion_interval(1, 10, 1.5), "confidence must be between 0 and 1"),
        (lambda: byars_interval(-2), "count must be zero or more"),
        (lambda: exact_count_interval(3, -0.1), "confidence must be between 0 and 1"),
    ],
)
def test_impossible_inputs_are_refused_with_a_plain_message(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()
