"""Tables for ``stats/spc``: the limits worked out by hand (the screening of a large moving
range, the ranges across a gap left out), the words each rule and signal gives a board, the
chart's whole description, and the refusals. Expected values are computed by hand in the
comments, never by the code under test; the mutation run of docs/mutation.md found the gaps."""

from __future__ import annotations

import pytest

from safecity_reports.stats import Assurance, Rule, Signal, xmr
from safecity_reports.stats.spc import rule_words

COMMON = "Common cause: no sign of real change; the value is within the range of normal variation."

WORDS = [
    (Rule.OUTSIDE_LIMITS, "high", "above the upper limit of normal variation"),
    (Rule.OUTSIDE_LIMITS, "low", "below the lower limit of normal variation"),
    (Rule.TREND, "high", "part of a run of 7 or more values each higher than the one before"),
    (Rule.TREND, "low", "part of a run of 7 or more values each lower than the one before"),
    (Rule.TWO_OF_THREE, "high", "one of 2 out of 3 values in a row close to the upper limit"),
    (Rule.TWO_OF_THREE, "low", "one of 2 out of 3 values in a row close to the lower limit"),
    (Rule.SHIFT, "high", "part of a run of 7 or more values above the average"),
    (Rule.SHIFT, "low", "part of a run of 7 or more values below the average"),
]


@pytest.mark.parametrize(("rule", "side", "words"), WORDS)
def test_what_each_rule_says_of_a_point(rule, side, words):
    assert rule_words(rule, side) == words


# 1, 2 alternating then 11: mean 20/7; moving ranges 1 five times and 9. Their mean, 14/6 =
# 2.333, times 3.267 is 7.62, so the 9 is screened out and the mean moving range is 1; the
# limits are 20/7 -/+ 2.66. Unscreened, they are 20/7 -/+ 2.66 x 14/6.
JUMP = [1, 2, 1, 2, 1, 2, 11]


def test_a_large_moving_range_is_screened_out_of_the_limits():
    chart = xmr(JUMP, improvement="increase")
    assert chart.screened is True
    assert chart.mean == pytest.approx(20 / 7)
    assert chart.mean_moving_range == pytest.approx(1.0)
    assert (chart.lower, chart.upper) == pytest.approx((20 / 7 - 2.66, 20 / 7 + 2.66))


def test_small_figures_are_screened_alike():
    # a tenth of JUMP: the mean moving range, 0.1, is below 1, and is screened all the same
    chart = xmr([v / 10 for v in JUMP])
    assert chart.mean_moving_range == pytest.approx(0.1)


def test_a_moving_range_of_exactly_3_267_times_their_mean_is_screened_out():
    # ranges 3267, 244, 244, 245: mean 1000, and 3.267 x 1000 is 3267 exactly ("or more")
    chart = xmr([0, 3267, 3023, 3267, 3022])
    assert chart.mean_moving_range == pytest.approx(733 / 3)


def test_unscreened_limits_keep_every_moving_range():
    chart = xmr(JUMP, improvement="increase", screen=False)
    assert chart.screened is False
    assert chart.mean_moving_range == pytest.approx(14 / 6)
    assert (chart.lower, chart.upper) == pytest.approx(
        (20 / 7 - 2.66 * 14 / 6, 20 / 7 + 2.66 * 14 / 6)
    )


def test_the_whole_description_of_a_chart():
    chart = xmr(JUMP, improvement="increase", target=20)
    assert chart.description == (
        "Latest value (11): Improvement: the value is above the upper limit of normal "
        "variation. These are trial limits: with fewer than 13 values they may move as more data "
        "arrive. The target will be missed consistently: it lies outside the range of normal "
        "variation, on the bad side, so it will not be met unless something changes."
    )
    steady = xmr([1, 2] * 6 + [1.5], improvement="decrease", target=0)  # 13 values: firm
    assert steady.description == (
        f"Latest value (1.5): {COMMON} The target will be met in some periods and missed in "
        "others by chance alone: it lies within the range of normal variation."
    )
    assert xmr([1, 2] * 7, improvement="increase", target=-5).assurance_description == (
        "The target will be met consistently: it lies outside the range of normal variation, on "
        "the good side, so every value the process normally produces meets it."
    )
    assert xmr([1, 2] * 7).description == f"Latest value (2): {COMMON}"
    assert xmr([1, 2] * 7).assurance_description is None


# 5, 6 alternating then -20: mean 13/7; moving ranges 1 five times and 26, whose mean 31/6
# times 3.267 is 16.9, so the 26 is screened out; limits 13/7 -/+ 2.66 = -0.80 and 4.52: the
# sixes and fives are all above the upper limit, the -20 below the lower.
DROP = [5, 6, 5, 6, 5, 6, -20]


@pytest.mark.parametrize(
    ("improvement", "signal", "words", "high"),
    [
        ("increase", Signal.CONCERN, "Concern", Signal.IMPROVEMENT),
        ("decrease", Signal.IMPROVEMENT, "Improvement", Signal.CONCERN),
        ("neutral", Signal.NEUTRAL, "Unusual change", Signal.NEUTRAL),
    ],
)
def test_a_low_point_by_the_measures_polarity(improvement, signal, words, high):
    chart = xmr(DROP, improvement=improvement)
    assert (chart.lower, chart.upper) == pytest.approx((13 / 7 - 2.66, 13 / 7 + 2.66))
    latest = chart.latest
    assert (latest.signal, latest.rule, latest.side) == (signal, Rule.OUTSIDE_LIMITS, "low")
    assert latest.description == f"{words}: the value is below the lower limit of normal variation."
    first = chart.points[0]
    assert (first.signal, first.rule, first.side) == (high, Rule.OUTSIDE_LIMITS, "high")


def test_no_moving_range_is_taken_across_a_gap():
    # 1, 2, 1 | 5, 1, 2, 1: ranges 1, 1, 4, 1, 1 (not |5 - 1| across the gap): mean 8/5; the
    # breaks outside the series (0, 7, 9) are dropped, and a repeated one counted once
    chart = xmr([1, 2, 1, 5, 1, 2, 1], breaks=[0, 3, 7, 9, 3])
    assert chart.breaks == (3,)
    assert chart.mean_moving_range == pytest.approx(8 / 5)
    assert xmr([1, 2, 3, 4], breaks=[2]).mean_moving_range == pytest.approx(1.0)
    assert xmr([1, 2, 4], breaks=[2]).mean_moving_range == pytest.approx(1.0)  # one pair left
    assert xmr([1, 2, 3, 4], breaks=[3, 1]).breaks == (1, 3)


def test_too_few_points_are_not_judged_in_words():
    chart = xmr([5, 6, 5, 6, 50], improvement="increase")
    assert {p.description for p in chart.points} == {"Not judged: too few values to tell."}
    assert all(p.side is None for p in chart.points)
    assert chart.trial_limits is True


@pytest.mark.parametrize(
    ("values", "breaks", "message"),
    [
        ([1, 2, 3], [1, 2], "an XmR chart needs at least 2 values in a row: every pair has a gap"),
        ([1, 2], [1], "an XmR chart needs at least 2 values in a row: every pair has a gap"),
        ([], [], "an XmR chart needs at least 2 values, got 0"),
        ([1, True], [], "value 2 must be a number, got True"),
    ],
)
def test_impossible_series_are_refused(values, breaks, message):
    with pytest.raises(ValueError) as raised:
        xmr(values, breaks=breaks)
    assert str(raised.value) == message


def test_improvement_is_one_of_three():
    with pytest.raises(ValueError) as raised:
        xmr([1, 2, 3], improvement="up")
    assert str(raised.value) == (
        "improvement must be 'increase', 'decrease' or 'neutral', got 'up'"
    )


def test_assurance_needs_a_better_direction_and_enough_points():
    assert xmr([1, 2] * 7, improvement="neutral", target=-5).assurance is None
    assert (
        xmr([1, 2] * 7, improvement="increase", target=-5).assurance is Assurance.CONSISTENTLY_MET
    )
    assert xmr([1, 2] * 7, improvement="increase").target is None
    assert xmr([1, 2] * 7, improvement="increase", target=3).target == 3.0
