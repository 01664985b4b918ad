"""XmR charts: NHSRplotthedots' figures, and each Making Data Count rule on series checkable by eye.

The rule tables use a chart with mean 0 and limits -3 and +3, so the two-thirds lines are -2 and
+2. Each expected pattern has one character per value: ``.`` no special cause; ``O`` beyond a
limit, ``T`` trend, ``W`` 2 of 3 near a limit, ``S`` shift; upper case high, lower case low.
"""

from __future__ import annotations

import pytest

from safecity_reports.stats import Assurance, Rule, Signal, find_special_causes, xmr
from stats_reference import spc_cases

CODES = {Rule.OUTSIDE_LIMITS: "o", Rule.TREND: "t", Rule.TWO_OF_THREE: "w", Rule.SHIFT: "s"}


def _pattern(values: list[float]) -> str:
    found = find_special_causes(values, mean=0, lower=-3, upper=3)
    return "".join(
        "." if f is None else CODES[f[0]].upper() if f[1] == "high" else CODES[f[0]] for f in found
    )


RULES = [
    # (1) beyond a limit
    ("one point above the upper limit", [0, 1, 3.5, 0, -1, 0], "..O..."),
    ("one point below the lower limit", [0, -1, -3.5, 0, 1, 0], "..o..."),
    ("points exactly on a limit are inside", [0, 3, 0, -3, 0, 0], "......"),
    # (2) trend: 7 points, 6 rises in a row
    ("7 points each higher than the last", [-1, -0.8, -0.6, -0.4, -0.2, 0.1, 0.3], "TTTTTTT"),
    ("7 points each lower than the last", [0.3, 0.1, -0.2, -0.4, -0.6, -0.8, -1], "ttttttt"),
    ("6 rising points are not a trend", [-1, -0.8, -0.6, -0.4, -0.2, 0.1, -0.5], "......."),
    ("a tie breaks a trend", [-1, -0.8, -0.6, -0.6, -0.2, 0.1, 0.3, 0.5], "........"),
    ("a rising trend is high from below the mean", [-2.5, -2, -1.5, -1, -0.5, 0.5, 1], "TTTTTTT"),
    # (3) 2 of 3 beyond two-thirds of the way to a limit, all 3 on that side of the mean
    ("2 of 3 near the upper limit", [1, 2.5, 0.5, 2.5, -1], ".W.W."),
    ("2 in a row near the lower limit", [-1, -2.5, -2.5, -1], ".ww."),
    ("a point exactly on two-thirds is not near", [1, 2.0, 2.5, 1], "...."),
    ("a point beyond the limit counts", [1, 2.5, 3.5, 1, -1], ".WO.."),
    ("not when the third is across the mean", [2.5, -0.5, 2.5], "..."),
    ("not when the third is on the mean", [2.5, 0, 2.5], "..."),
    # (4) shift: 7 on one side of the mean
    ("7 points above the mean", [1, 0.5, 1, 0.5, 1, 0.5, 1], "SSSSSSS"),
    ("7 points below the mean", [-1, -0.5, -1, -0.5, -1, -0.5, -1], "sssssss"),
    ("6 points above the mean are not a shift", [1, 0.5, 1, 0.5, 1, 0.5, -1], "......."),
    ("a point on the mean breaks a shift", [1, 0.5, 1, 0, 1, 0.5, 1, 0.5], "........"),
    ("every point of a longer shift", [1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, -1], "SSSSSSSS."),
    # precedence when two rules fire
    ("trend before shift", [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], "TTTTTTT"),
    ("limit before trend, trend before 2 of 3", [0.1, 0.5, 1, 1.5, 2, 2.5, 3.5], "TTTTTTO"),
    ("2 of 3 before shift", [1, 1, 2.5, 2.5, 1, 1, 1], "SSWWSSS"),
    ("no values", [], ""),
]


@pytest.mark.parametrize(("values", "expected"), [pytest.param(v, e, id=n) for n, v, e in RULES])
def test_each_rule_marks_the_points_it_should(values: list[float], expected: str) -> None:
    assert _pattern(values) == expected


@pytest.mark.parametrize("case", spc_cases(), ids=lambda case: case["name"])
def test_limits_and_special_causes_match_nhsrplotthedots(case: dict) -> None:
    # the reference gives the mean to 4 decimal places and the limits to 2: we agree to those
    for screen, key in [(True, "screened"), (False, "unscreened")]:
        chart = xmr(case["values"], screen=screen)
        assert round(chart.mean, 4) == case["mean"]
        assert round(chart.upper, 2) == case[key]["upper"]
        assert round(chart.lower, 2) == case[key]["lower"]
    chart = xmr(case["values"])  # screened is the default, as NHSRplotthedots'
    special = [i for i, point in enumerate(chart.points, start=1) if point.rule is not None]
    assert special == case["special_cause_positions_counting_from_1"]
    assert chart.latest.signal == case["latest_point"]


def test_the_reference_series_by_hand() -> None:
    # 18 values summing to 35; moving ranges: fifteen 1s, an 8 and a 9 (mean 32/17). Screening
    # drops 8 and 9 (each at least 3.267 x 32/17 = 6.15), leaving a mean moving range of 1.
    values = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]
    screened, unscreened = xmr(values), xmr(values, screen=False)
    assert screened.mean == pytest.approx(35 / 18)
    assert screened.mean_moving_range == pytest.approx(1)
    assert screened.upper == pytest.approx(35 / 18 + 2.66)
    assert unscreened.mean_moving_range == pytest.approx(32 / 17)
    assert unscreened.lower == pytest.approx(35 / 18 - 2.66 * 32 / 17)
    assert screened.points[4].rule == Rule.OUTSIDE_LIMITS and screened.points[4].side == "high"


SPIKE = [3, 8] * 6 + [3, 30]  # mean 7.07: the 3s and 8s straddle it, no shift


@pytest.mark.parametrize(
    ("improvement", "signal"),
    [("increase", Signal.IMPROVEMENT), ("decrease", Signal.CONCERN), ("neutral", Signal.NEUTRAL)],
)
def test_a_special_cause_is_judged_by_the_measures_polarity(improvement: str, signal) -> None:
    chart = xmr(SPIKE, improvement=improvement)
    assert chart.latest.signal == signal and chart.latest.rule == Rule.OUTSIDE_LIMITS
    assert chart.points[0].signal == Signal.COMMON_CAUSE
    assert "above the upper limit" in chart.latest.description


def test_under_6_points_nothing_is_judged() -> None:
    chart = xmr([5, 6, 5, 6, 50], improvement="increase", target=4)
    assert chart.judgement == "too few points"
    assert all(point.signal is None and point.rule is None for point in chart.points)
    assert chart.assurance is None
    assert chart.description == "Too few values (5) to judge change: at least 6 are needed."
    assert xmr([5, 6, 5, 6, 5, 50]).judgement is None


@pytest.mark.parametrize(("count", "trial"), [(6, True), (12, True), (13, False), (20, False)])
def test_under_13_points_the_limits_are_trial_limits(count: int, trial: bool) -> None:
    chart = xmr(([5, 6] * 10)[:count])
    assert chart.trial_limits is trial
    assert ("trial limits" in chart.description) is trial


# 5, 6 alternating: mean 5.5, every moving range 1, limits 5.5 -/+ 2.66 = 2.84 and 8.16
STEADY = [5, 6] * 7


@pytest.mark.parametrize(
    ("improvement", "target", "assurance"),
    [
        ("increase", 2, Assurance.CONSISTENTLY_MET),
        ("increase", 9, Assurance.CONSISTENTLY_MISSED),
        ("increase", 5.5, Assurance.INCONSISTENT),
        ("decrease", 2, Assurance.CONSISTENTLY_MISSED),
        ("decrease", 9, Assurance.CONSISTENTLY_MET),
        ("decrease", 7, Assurance.INCONSISTENT),
        ("neutral", 2, None),
        ("increase", None, None),
    ],
)
def test_assurance_against_a_target(improvement: str, target, assurance) -> None:
    chart = xmr(STEADY, improvement=improvement, target=target)
    assert chart.assurance == assurance
    if assurance is not None:
        assert chart.assurance_description in chart.description


def test_a_target_exactly_on_a_limit_is_inconsistent() -> None:
    chart = xmr(STEADY, improvement="increase")
    assert xmr(STEADY, "increase", target=chart.upper).assurance == Assurance.INCONSISTENT
    assert xmr(STEADY, "increase", target=chart.lower).assurance == Assurance.INCONSISTENT


def test_a_series_with_no_variation_has_its_limits_on_the_mean() -> None:
    chart = xmr([4] * 8)
    assert chart.lower == chart.upper == chart.mean == 4
    assert all(point.signal == Signal.COMMON_CAUSE for point in chart.points)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: xmr([1, 2, 3], improvement="up"), "improvement must be 'increase', 'decrease'"),
        (lambda: xmr([1]), "an XmR chart needs at least 2 values, got 1"),
        (lambda: xmr([1, None, 3]), "value 2 is missing"),
        (lambda: xmr([1, float("nan"), 3]), r"value 2 is missing \(NaN\)"),
        (lambda: xmr([1, 2, 3], target=float("inf")), "target must be finite"),
    ],
)
def test_impossible_inputs_are_refused_with_a_plain_message(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()
