"""Overdispersion (issue 23): the extra variation of a measure's own series, the tests and
intervals widened by it, Spiegelhalter's adjustment of a funnel, and the tiny faults (Wilson's
limits clipped to [0, 1], a value on a line inside it, a gap that breaks the moving range).

Expected values are worked out by hand in the comments, or by an independent computation in the
test (numpy's percentile, scipy's normal), never by the function under test."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from scipy.stats import binomtest, chi2, norm

from safecity_reports.stats import (
    compare_counts,
    dispersion,
    funnel_limits,
    funnel_position,
    group_dispersion,
    group_rate,
    proportion_interval,
    rate_interval,
    widened_p_value,
    xmr,
)
from safecity_reports.stats.overdispersion import (
    FEWEST_FOR_DISPERSION,
    FEWEST_FOR_MOVING_RANGE,
    MOVING_RANGE,
    QUASI_BINOMIAL,
    QUASI_POISSON,
)
from safecity_reports.stats.spc_rules import Rule, find_special_causes

# --- the series' own extra variation ---------------------------------------------------------


def test_quasi_poisson_phi_of_equal_periods_is_the_variance_over_the_mean() -> None:
    # mean 20, squared deviations 100 + 0 + 100 + 0 + 0 = 200 over 4: variance 50, phi 2.5
    found = dispersion([10, 20, 30, 20, 20], [1, 1, 1, 1, 1])
    assert (found.phi, found.estimate, found.method, found.periods) == (
        pytest.approx(2.5),
        pytest.approx(2.5),
        QUASI_POISSON,
        5,
    )
    assert found.widened


def test_quasi_poisson_phi_allows_for_each_periods_exposure() -> None:
    # pooled rate 100 / 1000 = 0.1; expected 10, 20, 30, 20, 20; Pearson residuals
    # (20-10)/sqrt(10), 0, (20-30)/sqrt(30), 0, 0: (100/10 + 100/30) / 4 = 3.3333
    found = dispersion([20, 20, 20, 20, 20], [100, 200, 300, 200, 200])
    assert found.phi == pytest.approx((10 + 100 / 30) / 4)


def test_a_series_that_varies_less_than_chance_is_floored_at_one() -> None:
    found = dispersion([20, 20, 21, 20, 20], [1] * 5)
    assert found.estimate == pytest.approx((0.8**2 + 3 * 0.2**2 + 0.2**2) / 20.2 / 4)
    assert found.phi == 1.0 and not found.widened and found.method == QUASI_POISSON


def test_too_short_a_series_or_no_events_is_not_estimated() -> None:
    assert FEWEST_FOR_DISPERSION == 5
    short = dispersion([10, 40, 10, 40], [1] * 4)
    assert (short.phi, short.estimate, short.method, short.periods) == (1.0, None, None, 4)
    none = dispersion([0] * 6, [1] * 6)
    assert (none.phi, none.estimate, none.method) == (1.0, None, None)
    every = dispersion([5] * 6, [5] * 6, proportions=True)
    assert (every.phi, every.method) == (1.0, None)


def test_quasi_binomial_phi_of_proportions() -> None:
    # pooled 50 / 100 = 0.5; each cohort of 20 expects 10, variance 20 x 0.25 = 5;
    # deviations -4, 4, -2, 2, 0: (16 + 16 + 4 + 4) / 5 / 4 = 2
    found = dispersion([6, 14, 8, 12, 10], [20] * 5, proportions=True)
    assert (found.phi, found.method) == (pytest.approx(2.0), QUASI_BINOMIAL)


def test_a_long_series_uses_the_moving_range_which_a_shift_does_not_inflate() -> None:
    assert FEWEST_FOR_MOVING_RANGE == 12
    # 6 months at 100 then 6 at 200, each alternating +/- 5: equal exposures, pooled mean 150;
    # residuals (x - 150) / sqrt(150): moving ranges 10 (x10) and 100 - 10 = 90 ... by hand:
    values = [95, 105, 95, 105, 95, 105, 195, 205, 195, 205, 195, 205]
    ranges = [abs(b - a) for a, b in zip(values, values[1:], strict=False)]  # 10s and one 90
    expected = (sum(ranges) / 11 / math.sqrt(150) / 1.128) ** 2
    found = dispersion(values, [1] * 12)
    assert found.method == MOVING_RANGE
    assert found.phi == pytest.approx(expected)
    # the quasi-Poisson estimate of the same series is dominated by the shift
    assert dispersion(values[:11], [1] * 11).phi > 10 * found.phi


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: dispersion([1, 2], [1]), "counts and exposures must pair up"),
        (lambda: dispersion([1, -2, 3, 4, 5], [1] * 5), "count 2 must be zero or more"),
        (lambda: dispersion([1, 2, 3, 4, 5], [1, 1, 0, 1, 1]), "exposure 3 must be more"),
        (lambda: dispersion([1, 2, 9, 4, 5], [5] * 5, True), r"count 3 \(9\) cannot be more"),
        (lambda: widened_p_value(0.5, 0.9), "phi must be 1 or more"),
        (lambda: widened_p_value(1.5, 2), "p_value must be between 0 and 1, got 1.5"),
        (lambda: widened_p_value(-0.1, 2), "p_value must be between 0 and 1"),
        (lambda: rate_interval(5, 100, phi=0.5), "phi must be 1 or more"),
        (lambda: proportion_interval(5, 100, phi=None), "phi is missing"),
    ],
)
def test_impossible_inputs_are_refused_with_a_plain_message(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


# --- the test and the intervals, widened -----------------------------------------------------


@pytest.mark.parametrize(
    ("p_value", "phi", "expected"),
    [
        (0.05, 1.0, 0.05),  # unchanged at phi = 1
        (0.05, 4.0, 2 * norm.sf(1.959964 / 2)),  # z halves: 0.3271
        (0.001, 2.25, 2 * norm.sf(3.290527 / 1.5)),
        (1.0, 3.0, 1.0),
        (0.0, 3.0, 0.0),
    ],
)
def test_the_p_value_is_widened_by_the_square_root_of_phi(p_value, phi, expected) -> None:
    assert widened_p_value(p_value, phi) == pytest.approx(expected, rel=1e-6)


def test_the_widened_p_value_grows_with_phi() -> None:
    p = compare_counts(120, 1, 160, 1)
    widened = [widened_p_value(p, phi) for phi in (1, 1.5, 2, 4, 9)]
    assert widened == sorted(widened) and widened[0] == p and widened[-1] < 1


def test_a_rate_interval_widened_by_phi_is_that_of_fewer_effective_events() -> None:
    assert rate_interval(40, 1000, phi=1.0) == rate_interval(40, 1000)
    # 40 events at phi 4 are 10 effective events: Byar's limits of 10, times 4
    low, high = rate_interval(10, 1000)
    assert rate_interval(40, 1000, phi=4) == pytest.approx((low * 4, high * 4))
    # 36 events at phi 4 are 9 effective: the exact limits
    low, high = rate_interval(9, 1000)
    assert rate_interval(36, 1000, phi=4) == pytest.approx((low * 4, high * 4))
    # about sqrt(phi) times as wide at a large count
    plain, wide = rate_interval(10_000, 10**6), rate_interval(10_000, 10**6, phi=4)
    assert (wide[1] - wide[0]) / (plain[1] - plain[0]) == pytest.approx(2, rel=0.01)


def test_a_proportion_interval_widened_by_phi_is_that_of_a_smaller_cohort() -> None:
    assert proportion_interval(30, 100, phi=1) == proportion_interval(30, 100)
    assert proportion_interval(30, 100, phi=2) == pytest.approx(proportion_interval(15, 50))


@pytest.mark.parametrize("n", [1, 15, 16, 99, 1000])
def test_wilsons_limits_stay_within_none_and_all(n: int) -> None:
    # at 15 of 15 the upper limit was 1 + 2.2e-16 (issue 23)
    for confidence in (0.9, 0.95, 0.998):
        assert proportion_interval(n, n, confidence)[1] == pytest.approx(1.0, abs=1e-15)
        assert proportion_interval(n, n, confidence)[1] <= 1.0
        assert proportion_interval(0, n, confidence)[0] == 0.0


# --- Spiegelhalter's funnel -------------------------------------------------------------------


def _independent_phi(counts, populations, per=1000.0):
    """The winsorised phi, computed apart: numpy's percentiles and clipping."""
    counts, populations = np.asarray(counts, float), np.asarray(populations, float)
    rate = counts.sum() / populations.sum() * per
    z = (counts / populations * per - rate) / np.sqrt(rate * per / populations)
    low, high = np.percentile(z, [10, 90])
    return float(np.mean(np.clip(z, low, high) ** 2)), rate


# 15 areas, widely spread: 4 outside the plain 99.8% lines, far more than chance allows
SPREAD = (
    [40, 95, 170, 75, 260, 120, 150, 75, 160, 100, 210, 60, 130, 70, 150],
    [20_000, 25_000, 30_000, 22_000, 40_000, 28_000, 35_000, 18_000]
    + [32_000, 26_000, 45_000, 24_000, 29_000, 21_000, 31_000],
)


def test_phi_is_the_mean_squared_winsorised_z_score() -> None:
    found = group_dispersion(*SPREAD)
    phi, rate = _independent_phi(*SPREAD)
    assert found.phi == pytest.approx(phi, rel=1e-12)
    assert found.areas == 15
    assert found.p_value == pytest.approx(chi2.sf(15 * phi, 14))


def test_tau2_is_dersimonian_and_lairds_with_the_winsorised_phi() -> None:
    counts, populations = SPREAD
    found = group_dispersion(counts, populations)
    phi, rate = _independent_phi(counts, populations)
    assert 15 * phi > chi2.ppf(0.95, 14)  # overdispersed: the funnel is widened
    weights = np.asarray(populations, float) / (rate * 1000)
    expected = (15 * phi - 14) / (weights.sum() - (weights**2).sum() / weights.sum())
    assert found.adjusted and found.tau2 == pytest.approx(expected, rel=1e-12)


def test_a_group_within_chance_is_not_adjusted() -> None:
    # 10 areas of 10,000 people, counts within about one standard error of 50
    found = group_dispersion([44, 50, 56, 48, 52, 47, 53, 50, 49, 51], [10_000] * 10)
    assert found.phi < 1 and found.tau2 == 0 and not found.adjusted
    assert group_dispersion([0, 0, 0], [10, 20, 30]).tau2 == 0
    assert group_dispersion([0, 0, 0], [10, 20, 30]).phi == 1


def test_groups_of_pure_poisson_chance_are_seldom_adjusted() -> None:
    # the test is at 95%: about 1 group in 20 of pure chance is widened, rarely more
    rng = random.Random(23)
    adjusted = 0
    for _ in range(200):
        populations = [rng.randint(5_000, 50_000) for _ in range(15)]
        counts = [
            int(np.random.default_rng(rng.randint(0, 10**9)).poisson(p / 200)) for p in populations
        ]
        adjusted += group_dispersion(counts, populations).adjusted
    assert adjusted <= 25  # about 10 expected (winsorising lowers phi a little)


def test_widened_lines_are_the_group_rate_plus_or_minus_z_sqrt_s2_plus_tau2() -> None:
    rate, tau2 = 5.0, 0.4  # per 1,000; tau2 in (per 1,000) squared
    assert funnel_limits(rate, 10_000, tau2=0.0) == funnel_limits(rate, 10_000)
    lower, upper = funnel_limits(rate, 10**7, 1000, 0.998, tau2)
    spread = 3.090232 * math.sqrt(rate * 1000 / 10**7 + tau2)
    assert upper == pytest.approx(rate + spread, rel=1e-3)
    assert lower == pytest.approx(rate - spread, rel=1e-2)
    # a small population's lower line stops at 0
    assert funnel_limits(rate, 200, 1000, 0.998, 25.0)[0] == 0.0


def test_an_area_is_judged_against_the_widened_lines() -> None:
    counts, populations = SPREAD
    rate = group_rate(counts, populations)
    found = group_dispersion(counts, populations)
    plain = [funnel_position(c, n, rate).position for c, n in zip(counts, populations, strict=True)]
    widened = [
        funnel_position(c, n, rate, tau2=found.tau2).position
        for c, n in zip(counts, populations, strict=True)
    ]
    outside = sum(p != "in line" for p in plain)
    assert outside >= 4  # far more than the 0.2% chance allows of 15 areas
    assert sum(p != "in line" for p in widened) < outside
    for c, n, position in zip(counts, populations, widened, strict=True):
        low, high = funnel_limits(rate, n, 1000, 0.998, found.tau2)
        r = c / n * 1000
        assert position == ("above" if r > high else "below" if r < low else "in line")


# --- SPC: a value on a line, and a gap -------------------------------------------------------


def test_a_value_exactly_on_the_two_thirds_line_is_not_beyond_it() -> None:
    # mean 0.1, upper 1.3: the two-thirds line is 0.9, worked out as 0.8999999999999999
    marks = find_special_causes([0.2, 0.9, 0.9], 0.1, -1.1, 1.3)
    assert marks == [None, None, None]
    beyond = find_special_causes([0.2, 0.9001, 0.9001], 0.1, -1.1, 1.3)
    assert beyond == [None, (Rule.TWO_OF_THREE, "high"), (Rule.TWO_OF_THREE, "high")]
    assert find_special_causes([1.3, 0.0, 0.0], 0.1, -1.1, 1.3)[0] is None
    assert find_special_causes([1.3001, 0.0, 0.0], 0.1, -1.1, 1.3)[0] == (
        Rule.OUTSIDE_LIMITS,
        "high",
    )


def test_a_gap_breaks_the_moving_range_not_the_chart() -> None:
    values = [10, 12, 11, 13, 10, 12, 40, 11, 12, 10, 13, 11]
    whole = xmr(values, "decrease", screen=False)
    # a month missing between the 6th and 7th: the range 12 -> 40 is not a month's variation
    gapped = xmr(values, "decrease", screen=False, breaks=[6])
    # ranges 2 1 2 3 2 (28) 29 1 2 3 2: 47 / 10 without the one across the gap, 75 / 11 with
    assert gapped.mean == whole.mean
    assert gapped.mean_moving_range == pytest.approx(4.7)
    assert whole.mean_moving_range == pytest.approx(75 / 11)
    # screened: 29 is over 3.267 x 4.7, so 18 / 9
    assert xmr(values, "decrease", breaks=[6]).mean_moving_range == pytest.approx(2.0)
    assert gapped.points[6].rule is Rule.OUTSIDE_LIMITS  # still found beside the gap
    assert len(gapped.points) == 12


def test_runs_are_not_joined_across_a_gap() -> None:
    rising = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    assert xmr(rising, "increase").points[6].rule is Rule.TREND
    broken = xmr(rising, "increase", breaks=[4, 9])  # stretches of 4, 5 and 5: no run of 7
    assert all(p.rule is not Rule.TREND for p in broken.points)
    shifted = [5, 6, 5, 6, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]  # 10 below the mean of 2.64
    assert xmr(shifted, "increase").points[4].rule is Rule.SHIFT
    assert all(p.rule is None for p in xmr(shifted, "increase", breaks=[8]).points[4:])


def test_a_chart_needs_a_moving_range() -> None:
    with pytest.raises(ValueError, match="every pair has a gap"):
        xmr([1, 2, 3], breaks=[1, 2])


def test_the_exact_test_of_counts_in_equal_periods_is_the_conditional_binomial() -> None:
    # 120 then 160 events in equal periods: given 280, the later count is binomial(280, 1/2)
    assert compare_counts(120, 1, 160, 1) == pytest.approx(binomtest(160, 280, 0.5).pvalue)
