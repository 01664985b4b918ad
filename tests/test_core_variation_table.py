"""Which figures an XmR chart joins and when a measure has one (``core.variation``), as tables:
every kind of figure, polarity and target kind, the run broken by a gap or a figure that is not
a number, and exactly the fewest points to judge (issue 21: the verdicts tested as tables)."""

from __future__ import annotations

from dataclasses import replace
from statistics import fmean

import pytest

from safecity_reports.core.model import (
    NOT_AVAILABLE,
    FigureKind,
    Frequency,
    Measure,
    Observation,
    Pair,
    Polarity,
    TargetKind,
    Unit,
)
from safecity_reports.core.periods import parse_period
from safecity_reports.core.variation import hidden_periods, spc_breaks, spc_chart, spc_series

MONTHS = [parse_period(f"{m} 2016") for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul")]
MONTHS += [parse_period(f"{m} 2016") for m in ("Aug", "Sep", "Oct", "Nov", "Dec")]
K = FigureKind


def _measure(actuals, kind=K.FOR_THE_PERIOD, polarity=Polarity.LOW_IS_GOOD, **kwargs) -> Measure:
    """A monthly measure with ``actuals`` for January onwards (None: no row that month)."""
    observations = tuple(Observation(MONTHS[i], a) for i, a in enumerate(actuals) if a is not None)
    return Measure(
        "5.1", "5.1", "Fires", Unit.COUNT, polarity, Frequency.MONTHLY, 0, observations,
        kind=kind, **kwargs,
    )  # fmt: skip


def _values(run: list[Observation]) -> list:
    return [o.actual for o in run]


# (figures Jan onwards, None where no row; reporting month index; the run, oldest first)
RUNS = [
    ([10, 11, 12, 13, 14, 15], 5, [10, 11, 12, 13, 14, 15]),
    # a figure after the reporting month is not joined; the reporting month's own is
    ([10, 11, 12, 13, 14, 15, 16], 5, [10, 11, 12, 13, 14, 15]),
    ([10, 11, 12, 13, 14, 15, 16], 6, [10, 11, 12, 13, 14, 15, 16]),
    # a missing month breaks the moving range, not the run (issue 23; ``spc_breaks``)
    ([10, 11, 12, None, 14, 15, 16], 6, [10, 11, 12, 14, 15, 16]),
    ([10, 11, 12, 13, 14, None, 16], 6, [10, 11, 12, 13, 14, 16]),
    # a figure that is not a number is a gap too
    ([10, 11, 12, NOT_AVAILABLE, 14, 15, 16], 6, [10, 11, 12, 14, 15, 16]),
    ([10, 11, Pair(1, 2), 13, 14, 15, 16], 6, [10, 11, 13, 14, 15, 16]),
    ([10, 11, 12, 13, True, 15, 16], 6, [10, 11, 12, 13, 15, 16]),
    ([10, 11, 12, 13, 14, 15, NOT_AVAILABLE], 6, []),
    ([], 6, []),
]


@pytest.mark.parametrize(("actuals", "reporting", "run"), RUNS)
def test_the_run_a_chart_may_join(actuals, reporting, run):
    assert _values(spc_series(_measure(actuals), MONTHS[reporting])) == run


def test_figures_for_areas_are_not_joined():
    m = _measure([10, 11, 12])
    areas = tuple(Observation(p, 99, area="North") for p in MONTHS[:4])
    with_areas = replace(m, observations=m.observations + areas)
    assert _values(spc_series(with_areas, MONTHS[3])) == [10, 11, 12]


def test_a_figure_of_another_length_ends_the_run():
    """Monthly figures January to July and a figure for April to June: the run is the months
    after it (June, July), not the months on either side of it."""
    m = _measure([10, 11, 12, 13, 14, 15, 16])
    m = replace(
        m, observations=(*m.observations, Observation(parse_period("Apr 2016 - Jun 2016"), 40))
    )
    assert _values(spc_series(m, MONTHS[6])) == [15, 16]


def test_snapshots_follow_one_another_however_far_apart():
    m = _measure([10, None, None, 13, 14, None, 16], kind=K.SNAPSHOT)
    assert _values(spc_series(m, MONTHS[6])) == [10, 13, 14, 16]


# (kind of figure, figures, a chart)
CHARTS = [
    (K.FOR_THE_PERIOD, [10, 11, 12, 13, 14, 15], True),  # exactly the six needed
    (K.FOR_THE_PERIOD, [10, 11, 12, 13, 14], False),
    (K.FOR_THE_PERIOD, [10, 11, 12, 13, 14, 15, 16], True),
    (K.FOR_THE_PERIOD, [10, 11, 12, None, 14, 15, 16], True),  # six across a gap
    (K.FOR_THE_PERIOD, [10, None, 12, None, 14, None, 16, None, 18, None, 20], False),  # no pair
    (K.SNAPSHOT, [10, 11, 12, 13, 14, 15], True),
    (K.SNAPSHOT, [10, 11, 12, None, 14, 15, 16], True),
    # year-to-date and rolling figures are not independent point to point; waves are few
    (K.YEAR_TO_DATE, [10, 11, 12, 13, 14, 15, 16], False),
    (K.ROLLING_12_MONTHS, [10, 11, 12, 13, 14, 15, 16], False),
    (K.SURVEY_WAVE, [10, 11, 12, 13, 14, 15, 16], False),
]


@pytest.mark.parametrize(("kind", "actuals", "charted"), CHARTS)
def test_which_measures_have_an_xmr_chart(kind, actuals, charted):
    reporting = MONTHS[len(actuals) - 1]
    found = spc_chart(_measure(actuals, kind=kind), reporting)
    assert (found is not None) is charted
    if found is not None:
        series, chart = found
        numbers = [a for a in actuals if a is not None][-len(series) :]
        assert _values(series) == numbers
        assert chart.mean == pytest.approx(fmean(numbers))
        assert [p.value for p in chart.points] == numbers


# (figures Jan onwards, None where no row; the breaks; the months hidden)
BREAKS = [
    ([10, 11, 12, 13, 14, 15, 16], (), ()),
    ([10, 11, 12, None, 14, 15, 16], (3,), ("Apr 2016",)),
    ([10, 9, None, None, 13, 14, 15, 16], (2,), ("Mar 2016", "Apr 2016")),
    ([10, 11, NOT_AVAILABLE, 13, None, 15, 16, 17], (2, 3), ("Mar 2016", "May 2016")),
]


@pytest.mark.parametrize(("actuals", "breaks", "hidden"), BREAKS)
def test_a_gap_breaks_the_moving_range_and_hides_its_months(actuals, breaks, hidden):
    m = _measure(actuals)
    series = spc_series(m, MONTHS[len(actuals) - 1])
    assert spc_breaks(series, m) == breaks
    assert tuple(p.label for p in hidden_periods(series, m)) == hidden
    found = spc_chart(m, MONTHS[len(actuals) - 1])
    assert found is not None and found[1].breaks == breaks


def test_a_gap_of_over_five_years_ends_the_run():
    m = _measure([10, 11, 12, 13, 14, 15, 16])
    old = Observation(parse_period("Jan 2010"), 5)
    assert _values(spc_series(replace(m, observations=(old, *m.observations)), MONTHS[6])) == [
        10, 11, 12, 13, 14, 15, 16
    ]  # fmt: skip
    near = Observation(parse_period("Jan 2012"), 5)  # 47 months missing: a gap, kept
    assert len(spc_series(replace(m, observations=(near, *m.observations)), MONTHS[6])) == 8


@pytest.mark.parametrize(
    ("polarity", "improvement"),
    [
        (Polarity.HIGH_IS_GOOD, "increase"),
        (Polarity.LOW_IS_GOOD, "decrease"),
        (Polarity.NO_PREFERENCE, "neutral"),
    ],
)
def test_the_chart_knows_which_way_is_better(polarity, improvement):
    found = spc_chart(_measure([10, 11, 12, 13, 14, 15], polarity=polarity), MONTHS[5])
    assert found is not None and found[1].improvement == improvement


@pytest.mark.parametrize(
    ("target_kind", "target"),
    [
        (TargetKind.REACH, 12.0),
        (TargetKind.STAY_BELOW, None),
        (TargetKind.STAY_ABOVE, None),
        (TargetKind.REDUCE_ON_LAST_YEAR, None),
        (TargetKind.INCREASE_ON_LAST_YEAR, None),
    ],
)
def test_only_a_target_to_reach_is_judged_for_assurance(target_kind, target):
    m = _measure([10, 11, 12, 13, 14, 15], target=12.0, target_kind=target_kind)
    found = spc_chart(m, MONTHS[5])
    assert found is not None and found[1].target == target


def test_without_a_target_there_is_none_to_judge():
    found = spc_chart(_measure([10, 11, 12, 13, 14, 15]), MONTHS[5])
    assert found is not None and found[1].target is None and found[1].assurance is None
