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
    NONE,
    QUASI_BINOMIAL,
    QUASI_POISSON,
    Dispersion,
)
from safecity_reports.stats.spc_rules import TOLERANCE, Rule, find_special_causes

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
        (
            lambda: dispersion([1, 2], [1]),
            "counts and exposures must pair up: 2 counts, 1 exposures",
        ),
        (lambda: dispersion([1, -2, 3, 4, 5], [1] * 5), "count 2 must be zero or more, got -2"),
        (
            lambda: dispersion([1, 2, 3, 4, 5], [1, 1, 0, 1, 1]),
            "exposure 3 must be more than zero, got 0",
        ),
        (
            lambda: dispersion([1, 2, 9, 4, 5], [5] * 5, True),
            "count 3 (9) cannot be more than exposure 3 (5)",
        ),
        (lambda: widened_p_value(0.5, 0.9), "phi must be 1 or more (it is floored at 1), got 0.9"),
        (lambda: widened_p_value(1.5, 2), "p_value must be between 0 and 1, got 1.5"),
        (lambda: widened_p_value(-0.1, 2), "p_value must be between 0 and 1, got -0.1"),
        (lambda: widened_p_value(None, 2), "p_value is missing: a number is needed"),
        (
            lambda: rate_interval(5, 100, phi=0.5),
            "phi must be 1 or more (it is floored at 1), got 0.5",
        ),
        (lambda: proportion_interval(5, 100, phi=None), "phi is missing: a number is needed"),
    ],
)
def test_impossible_inputs_are_refused_with_a_plain_message(call, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        call()
    assert str(raised.value) == message


def test_no_estimate_is_no_widening() -> None:
    assert Dispersion(1.0, None, None, 0) == NONE and not NONE.widened
    assert Dispersion(1.5, 1.5, QUASI_POISSON, 5).widened  # any phi above 1 widens
    assert not Dispersion(1.0, 0.7, QUASI_POISSON, 5).widened


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


def test_at_phi_one_the_p_value_is_the_exact_tests_own() -> None:
    for p in (0.0, 0.012, 0.05, 0.5, 1.0):
        assert widened_p_value(p, 1) == p  # exactly, not through the normal
    assert widened_p_value(0.05, 2) == pytest.approx(2 * norm.sf(1.959964 / math.sqrt(2)))


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


# --- the funnel's edges: the fewest areas, the test's degrees of freedom, a line itself --------


def _group_with(phi_times_areas: float, areas: int = 10) -> tuple[list[float], list[float]]:
    """Counts in areas of 1,000 people (rates per 1,000 equal to the counts) around a group
    rate of 100, spread so that ``areas x phi`` is the given figure: the z-scores are a fixed
    pattern scaled, and the winsorised phi scales with the square of the scale."""
    pattern = [(i - (areas - 1) / 2) * (1 + 0.1 * i) for i in range(areas)]
    mean = sum(pattern) / areas
    pattern = [p - mean for p in pattern]  # the group rate stays 100
    base = _independent_phi([100 + p * 10 for p in pattern], [1000] * areas)[0]
    scale = math.sqrt(phi_times_areas / areas / base)
    return [100 + p * 10 * scale for p in pattern], [1000.0] * areas


@pytest.mark.parametrize(
    ("spread", "areas", "adjusted"),
    [
        (16.0, 10, False),  # below chi-squared(9)'s 95th percentile, 16.92 (above 8's 15.51)
        (17.5, 10, True),  # above it (below 10's 18.31 and 11's 19.68)
        (40.0, 10, True),
        (40.0, 9, False),  # fewer than 10 areas are never widened for
    ],
)
def test_the_funnel_is_widened_only_beyond_chance_and_with_ten_areas(spread, areas, adjusted):
    counts, populations = _group_with(spread, areas)
    found = group_dispersion(counts, populations)
    assert areas * found.phi == pytest.approx(spread)
    assert found.adjusted is adjusted
    assert (found.tau2 > 0) is adjusted


def test_the_fewest_areas_to_widen_is_read_from_the_module() -> None:
    from safecity_reports.stats import funnel

    assert funnel.FEWEST_TO_WIDEN == 10


def test_groups_too_small_or_with_no_events_are_chance_alone() -> None:
    none = group_dispersion([0, 0, 0], [10, 20, 30])
    assert (none.phi, none.areas, none.p_value, none.tau2) == (1.0, 3, 1.0, 0.0)
    one = group_dispersion([7], [1000])
    assert (one.phi, one.areas, one.p_value, one.tau2) == (1.0, 1, 1.0, 0.0)
    two = group_dispersion([10, 30], [1000, 1000])
    assert two.phi == pytest.approx(_independent_phi([10, 30], [1000, 1000])[0])
    assert two.areas == 2 and not two.adjusted


def test_the_widened_lines_are_the_normal_ones_never_inside_the_exact_lines() -> None:
    # Spiegelhalter's r +/- z sqrt(s**2 + tau2); where the Poisson skew of a small population
    # puts the exact line further out, the exact line is kept (widening never narrows)
    rate, tau2, n = 5.0, 0.4, 12_500  # s**2 = 5 x 1000 / 12,500 = 0.4
    for confidence, z in ((0.95, 1.959963984540054), (0.998, 3.090232306167813)):
        low, high = funnel_limits(rate, n, 1000, confidence)
        wide_low, wide_high = funnel_limits(rate, n, 1000, confidence, tau2)
        spread = z * math.sqrt(0.4 + tau2)
        assert wide_high == pytest.approx(rate + spread, rel=1e-12) and wide_high > high
        assert wide_low == pytest.approx(rate - spread, rel=1e-12) and wide_low < low
    # 50 people: 0.25 events expected, the exact upper line far beyond the normal one
    low, high = funnel_limits(rate, 50, 1000, 0.95)
    assert rate + 1.96 * math.sqrt(rate * 1000 / 50 + 1.0) < high
    assert funnel_limits(rate, 50, 1000, 0.95, 1.0) == (0.0, high)
    assert funnel_limits(0, 100, tau2=1.0) == (0.0, 0.0)  # no events: nothing to widen


def test_a_rate_exactly_on_a_line_is_inside_it() -> None:
    # one person per area and a multiplier of 1: the rate is the count, exactly
    low, high = funnel_limits(12, 1, 1, 0.998)
    assert funnel_position(high, 1, 12, 1).position == "in line"
    assert funnel_position(high + 1e-9, 1, 12, 1).position == "above"
    assert funnel_position(low, 1, 12, 1).position == "in line"
    assert funnel_position(low - 1e-9, 1, 12, 1).position == "below"
    warn_low, warn_high = funnel_limits(12, 1, 1, 0.95)
    assert not funnel_position(warn_high, 1, 12, 1).warning
    assert funnel_position(warn_high + 1e-9, 1, 12, 1).warning
    assert not funnel_position(warn_low, 1, 12, 1).warning


@pytest.mark.parametrize(
    ("count", "words"),
    [
        (
            66,
            "In line with the group average: the difference could be chance. It is higher at"
            " the 95% level: one to watch.",
        ),
        (
            35,
            "In line with the group average: the difference could be chance. It is lower at"
            " the 95% level: one to watch.",
        ),
        (50, "In line with the group average: the difference could be chance."),
        (80, "Above the group average: higher than chance alone would explain (99.8% limits)."),
        (20, "Below the group average: lower than chance alone would explain (99.8% limits)."),
    ],
)
def test_each_position_in_words(count: int, words: str) -> None:
    assert funnel_position(count, 10_000, 5, multiplier=1000).description == words


def _slack(line: float, mean: float) -> float:
    """The tolerance as documented (``spc_rules.TOLERANCE``), worked out as the rule does."""
    return TOLERANCE * max(abs(line - mean), abs(mean), 1.0)


@pytest.mark.parametrize(
    ("mean", "upper"),
    [(0.1, 1.3), (1_000_000.1, 1_000_001.3), (-5_000.0, -4_000.0), (0.0, 0.8)],
)
def test_the_tolerance_is_a_share_of_the_larger_of_the_distance_and_the_mean(mean, upper):
    lower = mean - (upper - mean)
    slack = _slack(upper, mean)
    assert TOLERANCE == 1e-9

    def beyond_upper(value: float) -> bool:
        return find_special_causes([value, mean, mean], mean, lower, upper)[0] is not None

    def beyond_lower(value: float) -> bool:
        return find_special_causes([value, mean, mean], mean, lower, upper)[0] is not None

    assert not beyond_upper(upper + slack)  # exactly the tolerance away: still on the line
    assert not beyond_upper(upper + 0.9 * slack)
    assert beyond_upper(upper + 1.5 * slack)
    low_slack = _slack(lower, mean)
    assert not beyond_lower(lower - low_slack)
    assert not beyond_lower(lower - 0.9 * low_slack)
    assert beyond_lower(lower - 1.5 * low_slack)


def test_a_break_at_the_second_value_splits_the_first_off() -> None:
    rising = [0, 1, 2, 3, 4, 5, 6, 7]
    marks = find_special_causes(rising, 3.5, -100, 100, breaks=[1])
    assert marks[0] is None  # alone before the gap: in no run
    assert marks[1:] == [(Rule.TREND, "high")] * 7
    assert find_special_causes(rising, 3.5, -100, 100)[0] == (Rule.TREND, "high")


# (values, mean, limit distance, the rules found: o limit, T/t trend, W/w 2 of 3, S/s shift)
RUNS = [
    ([0, 0, 0, 1, 2, 3, 4, 5], 2.0, 100, "........"),  # 6 rising after a start: no trend
    ([0, 1, 2, 3, 4, 5, 6, 0], 3.0, 100, "TTTTTTT."),  # 7 rising, then a fall
    ([9, 0, 1, 2, 3, 4, 5, 6], 3.0, 100, ".TTTTTTT"),  # the fall before is not in the run
    ([-1, 2.5, 2.5, 2.5], 0.0, 3, ".WWW"),  # a mixed window first, then 3 near the upper
    ([1, -2.5, -2.5, 0.5], 0.0, 3, "...."),  # 2 near the lower, but not all 3 below
    ([-1, -2.5, -2.5, 0.5], 0.0, 3, ".ww."),  # 2 of 3 near the lower limit
    ([-1] * 7, 0.0, 3, "sssssss"),  # a shift below
]
CODES = {
    (Rule.OUTSIDE_LIMITS, "high"): "O",
    (Rule.OUTSIDE_LIMITS, "low"): "o",
    (Rule.TREND, "high"): "T",
    (Rule.TREND, "low"): "t",
    (Rule.TWO_OF_THREE, "high"): "W",
    (Rule.TWO_OF_THREE, "low"): "w",
    (Rule.SHIFT, "high"): "S",
    (Rule.SHIFT, "low"): "s",
}


@pytest.mark.parametrize(("values", "mean", "distance", "expected"), RUNS)
def test_runs_at_their_edges(values, mean, distance, expected) -> None:
    marks = find_special_causes(values, mean, mean - distance, mean + distance)
    assert "".join("." if m is None else CODES[m] for m in marks) == expected
