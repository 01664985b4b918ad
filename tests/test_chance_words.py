"""The words that say how a change was tested (issue 23, ``layout.chance``): the test named, the
extra variation allowed for or Poisson variation assumed, and how many tests a period made."""

from __future__ import annotations

from dataclasses import replace

import pytest

from safecity_reports.core.model import Frequency, Measure, Observation, Polarity, Unit
from safecity_reports.core.periods import parse_period
from safecity_reports.core.status import measure_status
from safecity_reports.layout.chance import (
    method_sentence,
    multiplicity_paragraph,
    overdispersion_paragraph,
)

QUARTERS = [parse_period(q) for q in ("2015/16 Q2", "2015/16 Q3", "2015/16 Q4", "2016/17 Q1")]
QUARTERS.append(parse_period("2016/17 Q2"))


def _status(values, unit=Unit.COUNT, **kwargs):
    observations = tuple(
        Observation(p, v, **kwargs) for p, v in zip(QUARTERS[-len(values) :], values, strict=True)
    )
    m = Measure(
        "1.1", "1.1", "Crimes", unit, Polarity.LOW_IS_GOOD, Frequency.QUARTERLY, 0, observations
    )
    return measure_status(m, QUARTERS[-1], QUARTERS[-2])


def test_a_short_series_says_the_test_assumes_poisson_variation():
    s = _status([120, 160])
    assert method_sentence(s) == (
        "The change was tested by the exact test for two Poisson counts in periods of equal"
        " length, which assumes the figures vary only by chance (Poisson variation): 2 like"
        " figures are too few to measure how much more they vary (at least 5 are needed)."
    )


def test_an_overdispersed_series_says_the_test_was_widened_and_by_how_much():
    # mean 140, squared deviations 1600 + 0 + 1600 + 400 + 400 over 4 = 1000: phi 7.1
    s = _status([100, 140, 180, 120, 160])
    assert s.test is not None and s.test.dispersion.phi == pytest.approx(1000 / 140)
    assert method_sentence(s) == (
        "The changes were tested by the exact test for two Poisson counts in periods of equal"
        " length, widened for the extra variation in the measure's 5 like figures: they vary"
        " 7.1 times as much as chance alone would make them (a quasi-Poisson estimate)."
    )


def test_a_rate_says_its_interval_is_widened_too():
    s = _status([10.0, 14.0, 18.0, 12.0, 16.0], Unit.RATE_PER_1000, denominator=10_000)
    assert method_sentence(s).endswith(
        "(a quasi-Poisson estimate); the confidence interval is widened alike."
    )
    assert method_sentence(s).startswith(
        "The changes were tested by the exact test for two Poisson rates"
    )


def test_a_series_within_chance_says_so():
    s = _status([140, 141, 139, 140, 141])
    assert method_sentence(s) == (
        "The changes were tested by the exact test for two Poisson counts in periods of equal"
        " length; the measure's 5 like figures vary no more than chance alone would make them"
        " (a quasi-Poisson estimate), so the test assumes Poisson variation."
    )


def test_a_percentage_assumes_binomial_variation():
    s = _status([40.0, 50.0], Unit.PERCENTAGE, denominator=100)
    assert "Fisher's exact test" in method_sentence(s)
    assert "(binomial variation)" in method_sentence(s)


def test_nothing_tested_says_nothing():
    s = _status([12.5, 14.5], Unit.NUMBER)
    assert method_sentence(s) == ""
    assert multiplicity_paragraph([s]) == overdispersion_paragraph([s]) == ""


def test_how_many_tests_and_what_chance_alone_would_give():
    statuses = [_status([100 + i, 120]) for i in range(11)]
    words = multiplicity_paragraph(statuses)
    assert words.startswith(
        "11 changes were tested against chance this period. At the 95% level about 1 test in"
        " 20 will be 'significant' by chance alone even where nothing has changed."
    )
    # 11 x 0.05 = 0.55; 1 - 0.95 ** 11 = 43.1%
    assert "11 tests would give on average 0.6 'significant' results by chance" in words
    assert "at least one about 43% of the time" in words
    one = multiplicity_paragraph(statuses[:1])
    assert one.startswith("1 change was tested") and "on average" not in one
    strict = [replace(s, test=replace(s.test, confidence=0.998)) for s in statuses[:2]]
    assert "about 1 test in 500" in multiplicity_paragraph(strict)


def test_the_overdispersion_paragraph_counts_each_kind_of_test():
    statuses = [
        _status([100, 140, 180, 120, 160]),
        _status([120, 160]),
        _status([140, 141, 139, 140, 141]),
    ]
    words = overdispersion_paragraph(statuses)
    assert words.endswith(
        # each five-quarter series makes two tests: the latest change and the year's
        "Of this period's 5 tests, 2 were widened, 2 needed no widening (the figures vary no more"
        " than chance) and 1 assumed chance variation alone."
    )
    assert overdispersion_paragraph(statuses[1:2]).endswith(
        "This period's one test assumed chance variation alone."
    )
