"""Issue 14: a change is judged better or worse, "significant", only when it is more than chance."""

from __future__ import annotations

import pytest

from safecity_reports.core.model import Frequency, Measure, Observation, Polarity, Unit
from safecity_reports.core.periods import parse_period
from safecity_reports.core.significance import change_test, events, interval
from safecity_reports.core.status import Direction, Judgement, measure_status
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.glance import at_a_glance
from safecity_reports.layout.narrative import UNTESTED, change_sentence, travel_spans

Q1, Q2 = parse_period("2016/17 Q1"), parse_period("2016/17 Q2")


def obs(period, actual, count=None, denominator=None):
    return Observation(period, actual, count=count, denominator=denominator)


def measure(unit, first, second, polarity=Polarity.LOW_IS_GOOD, decimals=1, **kwargs):
    return Measure(
        "4.4",
        "4.4",
        "Looked after children who offended (%)",
        unit,
        polarity,
        Frequency.QUARTERLY,
        decimals,
        (first, second),
        **kwargs,
    )


def status(m, population=None, confidence=0.95):
    return measure_status(m, Q2, Q1, population=population, confidence=confidence)


def test_two_children_of_forty_against_one_of_twenty_five_is_no_significant_change():
    m = measure(Unit.PERCENTAGE, obs(Q1, 4.0, 1, 25), obs(Q2, 5.0, 2, 40))
    s = status(m)
    assert s.direction is Direction.UP and s.judgement is Judgement.NOT_SIGNIFICANT
    assert change_sentence(s) == (
        "5% in 2016/17 Q2, against 4% in 2016/17 Q1: no significant change."
    )
    assert "".join(span.text for span in travel_spans(s.direction, s.judgement, True)) == (
        "▲ up, no significant change"  # issue 21: the direction stays, beside the verdict
    )


def test_a_rate_with_the_partnerships_population_is_a_significant_increase():
    m = measure(
        Unit.RATE_PER_1000, obs(Q1, 28.06), obs(Q2, 29.92), decimals=2, partnership_population=True
    )
    s = status(m, population=250_900)
    assert s.test is not None and s.test.significant
    assert s.judgement is Judgement.WORSENING
    assert change_sentence(s) == (
        "Rose from 28.06 in 2016/17 Q1 to 29.92 in 2016/17 Q2, which is worse (significant)."
    )
    assert "".join(span.text for span in travel_spans(s.direction, s.judgement, True)) == (
        "▲ up, worse (significant)"  # issue 21: one word for a tested change, 'significant'
    )


def test_without_counts_the_change_cannot_be_tested_and_keeps_its_wording():
    m = measure(Unit.PERCENTAGE, obs(Q1, 4.0), obs(Q2, 5.0, 2, 40))
    s = status(m, population=250_900)  # a percentage is never of the partnership's population
    assert s.test is None and s.judgement is Judgement.WORSENING
    # issue 21: the page gives 2 out of 40 for 2016/17 Q2, so it says which figure has no count
    # (not "the workbook gives no counts", which the next sentence would contradict)
    assert change_sentence(s) == (
        "Rose from 4% in 2016/17 Q1 to 5% in 2016/17 Q2, which is worse. Whether this change"
        " is more than chance cannot be tested: the workbook gives no count for the earlier"
        " figure (2016/17 Q1)."
    )
    neither = measure(Unit.PERCENTAGE, obs(Q1, 4.0), obs(Q2, 5.0))
    assert change_sentence(status(neither)).endswith(f"which is worse. {UNTESTED}")


def test_a_rate_of_another_population_does_not_take_the_partnerships():
    m = measure(
        Unit.RATE_PER_1000,
        obs(Q1, 0.05),
        obs(Q2, 0.11),
        decimals=2,
        population_not_known=True,
    )
    assert events(m, m.observations[1], 250_900) is None
    assert status(m, population=250_900).test is None


def test_a_count_alone_gives_the_cohort_of_a_percentage():
    found = events(measure(Unit.PERCENTAGE, obs(Q1, 4.0), obs(Q2, 5.0)), obs(Q2, 5.0, 2), None)
    assert found is not None and (found.count, found.exposure) == (2, 40)


def test_confidence_interval_is_wilsons_for_a_percentage_and_byars_for_a_rate():
    m = measure(Unit.PERCENTAGE, obs(Q1, 4.0), obs(Q2, 5.0, 2, 40))
    low, high = interval(m, m.observations[1], None, 0.95)  # type: ignore[misc]
    assert (round(low, 2), round(high, 2)) == (1.38, 16.50)
    rate = measure(
        Unit.RATE_PER_1000, obs(Q1, 28.06), obs(Q2, 29.92), decimals=2, partnership_population=True
    )
    low, high = interval(rate, rate.observations[1], 250_900, 0.95)  # type: ignore[misc]
    assert (round(low, 2), round(high, 2)) == (29.25, 30.6)


@pytest.mark.parametrize(("confidence", "significant"), [(0.95, True), (0.998, False)])
def test_the_level_decides(confidence, significant):
    # 3,001 and 3,201 events in 250,900: p is about 0.012
    m = measure(
        Unit.RATE_PER_1000, obs(Q1, 11.96), obs(Q2, 12.76), decimals=2, partnership_population=True
    )
    test = change_test(m, m.observations[0], m.observations[1], 250_900, confidence)
    assert test is not None and test.significant is significant


def test_front_page_counts_no_significant_change_with_no_change():
    from safecity_reports.core.model import KeyAction, Priority, Report, Settings

    m = measure(Unit.PERCENTAGE, obs(Q1, 4.0, 1, 25), obs(Q2, 5.0, 2, 40))
    report = Report(
        Settings("P", "T", Q2),
        (Priority("4", "Youth", (KeyAction("4.4", "4", "Act", "YOS", measures=(m,)),)),),
    )
    table = at_a_glance(report, judge(report))
    header = [cell.text for cell in table.header[-1]]
    assert "No significant change" in header
    row = [cell.text for cell in table.rows[0]]
    assert row[header.index("No significant change")] == "1"


def test_no_earlier_figure_but_a_baseline_does_not_say_there_is_none():
    # issue 21: "There is no earlier figure to compare with." was followed by the baseline it is
    # compared with
    from safecity_reports.core.model import Baseline

    m = measure(Unit.PERCENTAGE, obs(Q2, 5.0), obs(Q2, 5.0))
    m = Measure(**{**m.__dict__, "observations": (obs(Q2, 5.0),)})
    with_baseline = Measure(**{**m.__dict__, "baseline": Baseline(Q1, 4.0)})
    assert change_sentence(status(m)).endswith("There is no earlier figure to compare with.")
    assert change_sentence(status(with_baseline)).endswith(
        "There is no earlier figure to compare with, other than its baseline."
    )
