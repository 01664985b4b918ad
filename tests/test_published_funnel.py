"""Spiegelhalter's overdispersed funnel reproduced on two published data sets (issue 23).

The inputs are the BUGS examples' "Pumps" (failures of 10 power-plant pumps in thousands of
operating hours: Gaver and O'Muircheartaigh, *Technometrics* 1987) and "Surgical" (deaths after
cardiac surgery on babies in 12 hospitals), both from Spiegelhalter, Thomas, Best and Gilks,
*BUGS Examples* volume 1 (1996), and both far more spread than Poisson chance allows. The expected
figures are those of FunnelPlotR 0.6.0 (the NHS-R community's implementation of Spiegelhalter,
2005): its ``winsorisation``, ``phi_func`` and ``tau_func`` run on the same z-scores, and the
additive random-effects limits ``r +/- z sqrt(s**2 + tau2)`` it draws (its z of 1.959964 and
3.090232): ``tests/reference/stats/funnel_overdispersion.json``, its README says how they were
made. Our functions must agree to the precision FunnelPlotR's rounded z allows. The same data
as a series also give R's own quasi-Poisson and quasi-binomial dispersion (``glm``).
"""

from __future__ import annotations

import json

import pytest

from safecity_reports.stats import (
    dispersion,
    funnel_limits,
    funnel_position,
    group_dispersion,
    group_rate,
)
from safecity_reports.stats.funnel import winsorised, z_scores
from stats_reference import reference_folder

DATASETS = json.loads(
    (reference_folder() / "funnel_overdispersion.json").read_text(encoding="utf-8")
)["datasets"]
LEVELS = ((0.95, "95"), (0.998, "998"))


@pytest.fixture(params=sorted(DATASETS))
def case(request: pytest.FixtureRequest) -> dict:
    return DATASETS[request.param]


def _inputs(case: dict) -> tuple[list[float], list[float], float]:
    return case["counts"], case["denominators"], case["multiplier"]


def test_the_group_rate_and_each_areas_z_score(case: dict) -> None:
    counts, denominators, per = _inputs(case)
    assert group_rate(counts, denominators, per) == pytest.approx(case["group_rate"], rel=1e-13)
    assert z_scores(counts, denominators, per) == pytest.approx(case["z"], rel=1e-12, abs=1e-12)


def test_the_winsorised_z_scores(case: dict) -> None:
    found = winsorised(case["z"])
    assert found == pytest.approx(case["winsorised_z"], rel=1e-12, abs=1e-12)
    assert found != case["z"]  # each data set has z-scores beyond the 10% tails


def test_phi_and_tau2(case: dict) -> None:
    found = group_dispersion(*_inputs(case))
    assert found.phi == pytest.approx(case["phi"], rel=1e-12)
    assert found.tau2 == pytest.approx(case["tau2"], rel=1e-12)
    assert found.adjusted and found.areas == len(case["counts"])


def test_the_widened_limits_are_the_published_additive_limits(case: dict) -> None:
    counts, denominators, per = _inputs(case)
    rate, tau2 = case["group_rate"], case["tau2"]
    reproduced = 0
    for confidence, level in LEVELS:
        for i, n in enumerate(denominators):
            low, high = funnel_limits(rate, n, per, confidence, tau2)
            exact_low, exact_high = funnel_limits(rate, n, per, confidence)
            want_low, want_high = case[f"lower_{level}"][i], case[f"upper_{level}"][i]
            if want_high >= exact_high:
                # FunnelPlotR's z has 7 figures: the distance from the rate agrees to 1e-6
                assert high - rate == pytest.approx(want_high - rate, rel=1e-6)
                reproduced += 1
            else:  # the normal line would cut inside the exact line of chance: that is kept
                assert high == exact_high
            if want_low <= exact_low:
                if want_low <= 0:
                    assert low == 0.0  # the lower line stops at 0
                else:
                    assert rate - low == pytest.approx(rate - want_low, rel=1e-6)
                reproduced += 1
            else:
                assert low == exact_low
    assert reproduced >= 3 * len(denominators)  # most lines are the published ones


def test_every_position_is_judged_against_those_limits(case: dict) -> None:
    counts, denominators, per = _inputs(case)
    rate, tau2 = case["group_rate"], case["tau2"]
    for c, n in zip(counts, denominators, strict=True):
        low, high = funnel_limits(rate, n, per, 0.998, tau2)
        y = c / n * per
        expected = "above" if y > high else "below" if y < low else "in line"
        assert funnel_position(c, n, rate, per, tau2).position == expected


def test_a_series_quasi_likelihood_dispersion_is_rs_glm() -> None:
    # the same data as a series of like periods (not consecutive, so the Pearson estimate):
    # Pumps quasi-Poisson with each pump's hours as exposure, Surgical quasi-binomial
    pumps, surgical = DATASETS["pumps"], DATASETS["surgical"]
    found = dispersion(pumps["counts"], pumps["denominators"], consecutive=False)
    assert found.method == "quasi-Poisson"
    assert found.phi == pytest.approx(pumps["glm_dispersion"], rel=1e-10)
    found = dispersion(
        surgical["counts"], surgical["denominators"], proportions=True, consecutive=False
    )
    assert found.method == "quasi-binomial"
    assert found.phi == pytest.approx(surgical["glm_dispersion"], rel=1e-10)
