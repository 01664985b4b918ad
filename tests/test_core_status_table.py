"""The verdicts of ``core.status`` as tables: every polarity, unit, kind of figure and comparison
basis, with the boundaries a verdict turns on (equal as printed, exactly the "little change",
a p-value on the level) (issue 21: the verdicts tested as tables).

Every expected verdict below is written out by hand from the rule it tests (the docstrings of
``core.status``), never worked out by the function under test."""

from __future__ import annotations

from dataclasses import replace

import pytest

from safecity_reports.core.model import (
    NOT_AVAILABLE,
    Baseline,
    CompareWith,
    FigureKind,
    Frequency,
    Measure,
    Observation,
    Pair,
    Polarity,
    Unit,
)
from safecity_reports.core.periods import parse_period
from safecity_reports.core.significance import ChangeTest
from safecity_reports.core.status import (
    BenchmarkStatus,
    Direction,
    Judgement,
    against_benchmark,
    basis_for,
    compared,
    direction_of_travel,
    little_change,
    measure_status,
)
from safecity_reports.core.status import tested as judged_against_chance
from safecity_reports.core.untested import Untested

HIGH, LOW, NONE = Polarity.HIGH_IS_GOOD, Polarity.LOW_IS_GOOD, Polarity.NO_PREFERENCE
UP, DOWN, SAME, NA_DIR = Direction.UP, Direction.DOWN, Direction.SAME, Direction.NOT_AVAILABLE
J = Judgement
B = BenchmarkStatus
NA = NOT_AVAILABLE
PREVIOUS, YEAR = CompareWith.PREVIOUS_PERIOD, CompareWith.SAME_PERIOD_A_YEAR_EARLIER
K = FigureKind

# What each direction means for each polarity, written out.
MEANING = {
    (UP, HIGH): J.IMPROVING,
    (UP, LOW): J.WORSENING,
    (UP, NONE): J.NOT_JUDGED,
    (DOWN, HIGH): J.WORSENING,
    (DOWN, LOW): J.IMPROVING,
    (DOWN, NONE): J.NOT_JUDGED,
    (SAME, HIGH): J.NO_CHANGE,
    (SAME, LOW): J.NO_CHANGE,
    (SAME, NONE): J.NO_CHANGE,
    (NA_DIR, HIGH): J.NOT_JUDGED,
    (NA_DIR, LOW): J.NOT_JUDGED,
    (NA_DIR, NONE): J.NOT_JUDGED,
}
# Where the latest figure lies against a benchmark, for each polarity, written out.
AGAINST = {
    (UP, HIGH): B.BETTER,
    (UP, LOW): B.WORSE,
    (UP, NONE): B.HIGHER,
    (DOWN, HIGH): B.WORSE,
    (DOWN, LOW): B.BETTER,
    (DOWN, NONE): B.LOWER,
    (SAME, HIGH): B.IN_LINE,
    (SAME, LOW): B.IN_LINE,
    (SAME, NONE): B.IN_LINE,
    (NA_DIR, HIGH): B.NOT_AVAILABLE,
    (NA_DIR, LOW): B.NOT_AVAILABLE,
    (NA_DIR, NONE): B.NOT_AVAILABLE,
}

# (unit, decimals, earlier figure, later figure, direction as printed)
FIGURES = [
    (Unit.PERCENTAGE, 1, 4.0, 5.0, UP),
    (Unit.PERCENTAGE, 2, 5.80, 5.75, DOWN),
    (Unit.PERCENTAGE, 1, 5.80, 5.75, SAME),  # both print 5.8 (half rounds up)
    (Unit.RATE_PER_1000, 2, 0.121, 0.118, SAME),  # both print 0.12
    (Unit.RATE_PER_1000, 3, 0.121, 0.118, DOWN),
    (Unit.RATE_PER_10000, 2, 1.0, 0.99, DOWN),
    (Unit.RATE, 1, 40.0, 40.04, SAME),
    (Unit.RATE, 1, 40.0, 40.05, UP),  # 40.1
    (Unit.COUNT, 0, 44, 43, DOWN),
    (Unit.COUNT, 0, 44, 44.4, SAME),
    (Unit.MONEY, 0, 106500, 106500.5, UP),  # 106,501
    (Unit.NUMBER, 1, -0.25, -0.2, UP),  # -0.3 (half away from zero) to -0.2
    (Unit.NUMBER, 1, -0.2, -0.25, DOWN),
    # a rank compares whole positions, whatever the decimals
    (Unit.RANK, 2, 15, 14.6, SAME),  # both 15th
    (Unit.RANK, 2, 15, 14.4, DOWN),
    (Unit.RANK, 0, 14, 15, UP),
    # a pair compares its total of whole counts, whatever the decimals
    (Unit.PAIR, 2, Pair(3, 2), Pair(3.4, 2), SAME),
    (Unit.PAIR, 2, Pair(3, 2), Pair(3, 2.4), SAME),
    (Unit.PAIR, 2, Pair(3, 2), Pair(3.6, 2), UP),
    (Unit.PAIR, 0, Pair(3, 2), Pair(4, 2), UP),
    (Unit.PAIR, 0, Pair(3, 2), Pair(3, 3), UP),
    (Unit.PAIR, 0, Pair(11, 2), Pair(2, 11), SAME),  # 13 and 13
    (Unit.PAIR, 0, Pair(11, 2), Pair(9, 2), DOWN),
    # nothing to compare on one side
    (Unit.PERCENTAGE, 1, NA, 5.0, NA_DIR),
    (Unit.PERCENTAGE, 1, 5.0, NA, NA_DIR),
    (Unit.COUNT, 0, None, 5.0, NA_DIR),
    (Unit.COUNT, 0, 5.0, None, NA_DIR),
    (Unit.PAIR, 0, Pair(1, 1), NA, NA_DIR),
]


def _measure(
    unit: Unit = Unit.NUMBER,  # a plain number: counts of events are tested (issue 23)
    polarity: Polarity = LOW,
    decimals: int = 1,
    observations: tuple[Observation, ...] = (),
    **kwargs,
) -> Measure:
    return Measure(
        "2.1", "2.1", "Figure", unit, polarity, Frequency.QUARTERLY, decimals, observations,
        **kwargs,
    )  # fmt: skip


@pytest.mark.parametrize(("unit", "decimals", "before", "after", "direction"), FIGURES)
def test_direction_as_printed(unit, decimals, before, after, direction):
    assert direction_of_travel(before, after, unit, decimals) is direction


@pytest.mark.parametrize("polarity", [HIGH, LOW, NONE])
@pytest.mark.parametrize(("unit", "decimals", "before", "after", "direction"), FIGURES)
def test_every_unit_and_polarity(unit, decimals, before, after, direction, polarity):
    m = _measure(unit, polarity, decimals)
    assert compared(m, before, after) == (direction, MEANING[direction, polarity])
    # the later figure against the earlier as its benchmark: the same comparison
    assert (
        against_benchmark(after, before, polarity, unit, decimals) is AGAINST[direction, polarity]
    )


# --- little change -----------------------------------------------------------------------

# (stated size, relative, decimals, earlier, later, little change)
LITTLE = [
    # a size in the measure's unit: smaller is little, exactly the size is not
    (0.5, False, 1, 10.0, 10.4, True),
    (0.5, False, 1, 10.0, 10.5, False),
    (0.5, False, 1, 10.0, 9.6, True),
    (0.5, False, 1, 10.0, 9.5, False),
    (0.5, False, 1, 10.0, 10.0, True),
    (0.5, False, 1, -10.0, -10.4, True),
    # as printed: at no decimals 10.4 prints 10 and 10.5 prints 11
    (0.5, False, 0, 10.0, 10.4, True),
    (0.5, False, 0, 10.0, 10.5, False),
    # sizes binary floats cannot hold (1.1 - 0.9 as a float is 0.20000000000000007)
    (0.2, False, 1, 0.9, 1.1, False),
    (0.1, False, 1, 0.7, 0.8, False),
    (0.2, False, 1, 1.0, 1.1, True),
    # a percentage of the earlier figure: 2% of 50 is 1
    (2.0, True, 2, 50.0, 50.99, True),
    (2.0, True, 2, 50.0, 51.0, False),
    (2.0, True, 2, 50.0, 49.01, True),
    (2.0, True, 2, 50.0, 49.0, False),
    (2.0, True, 2, -50.0, -50.99, True),  # of the earlier figure's size
    (2.0, True, 2, -50.0, -51.0, False),
    (2.0, True, 2, 0.0, 0.01, False),  # nothing is a small share of none
    (1.0, True, 2, 1000.0, 1009.95, True),  # 1% of 1,000 is 10
    (1.0, True, 2, 1000.0, 1010.0, False),
    (1.0, True, 0, 1000.0, 1009.6, False),  # prints 1,010
    (20.0, True, 1, 1.0, 1.1, True),
    # nothing to compare on one side
    (0.5, False, 1, None, 10.0, False),
    (0.5, False, 1, 10.0, None, False),
    (0.5, False, 1, NA, 10.0, False),
    (0.5, False, 1, 10.0, NA, False),
    (2.0, True, 1, None, 10.0, False),
    # no "little change" stated: never
    (None, False, 1, 10.0, 10.0, False),
    (None, False, 1, 10.0, 10.1, False),
]


@pytest.mark.parametrize(("size", "relative", "decimals", "before", "after", "little"), LITTLE)
def test_little_change(size, relative, decimals, before, after, little):
    m = _measure(decimals=decimals, little_change=size, little_change_relative=relative)
    assert little_change(m, before, after) is little


@pytest.mark.parametrize(
    ("size", "relative", "before", "after"),
    [
        (0.2, False, 1.0, 1.2),  # as floats 1.2 - 1.0 is 0.19999999999999996
        (0.2, False, 1.2, 1.0),
        (0.1, False, 0.7, 0.8),  # 0.8 - 0.7 is 0.10000000000000009: right by luck
        (20.0, True, 1.0, 1.2),  # 20% of 1.0
        (10.0, True, 3.0, 3.3),  # 10% of 3.0; 3.3 - 3.0 is 0.2999999999999998
    ],
)
def test_a_change_of_exactly_the_little_change_is_not_little(size, relative, before, after):
    """Exactly the stated size is not smaller than it: the figures are subtracted as printed,
    not as binary floats (which made 1.0 to 1.2 against 0.2 'little change')."""
    m = _measure(decimals=1, little_change=size, little_change_relative=relative)
    assert little_change(m, before, after) is False
    assert compared(m, before, after)[1] is not J.LITTLE_CHANGE


def test_a_pairs_little_change_compares_its_totals():
    m = _measure(Unit.PAIR, decimals=0, little_change=2.0)
    assert little_change(m, Pair(3, 2), Pair(4, 2)) is True  # 5 to 6
    assert little_change(m, Pair(3, 2), Pair(4, 3)) is False  # 5 to 7


# (polarity, earlier, later, direction, meaning) with a "little change" of 0.5
LITTLE_MEANINGS = [
    (HIGH, 10.0, 10.4, UP, J.LITTLE_CHANGE),
    (LOW, 10.0, 10.4, UP, J.LITTLE_CHANGE),
    (NONE, 10.0, 10.4, UP, J.LITTLE_CHANGE),
    (HIGH, 10.0, 9.6, DOWN, J.LITTLE_CHANGE),
    (LOW, 10.0, 9.6, DOWN, J.LITTLE_CHANGE),
    (HIGH, 10.0, 10.5, UP, J.IMPROVING),
    (LOW, 10.0, 10.5, UP, J.WORSENING),
    (NONE, 10.0, 10.5, UP, J.NOT_JUDGED),
    (LOW, 10.0, 9.5, DOWN, J.IMPROVING),
    # no change is no change, never little change; nothing to compare is not judged
    (HIGH, 10.0, 10.0, SAME, J.NO_CHANGE),
    (LOW, 10.0, 10.04, SAME, J.NO_CHANGE),
    (HIGH, NA, 10.0, NA_DIR, J.NOT_JUDGED),
    (LOW, None, 10.0, NA_DIR, J.NOT_JUDGED),
]


@pytest.mark.parametrize(("polarity", "before", "after", "direction", "meaning"), LITTLE_MEANINGS)
def test_a_little_change_is_never_better_or_worse(polarity, before, after, direction, meaning):
    m = _measure(polarity=polarity, little_change=0.5)
    assert compared(m, before, after) == (direction, meaning)


# --- tested against chance ---------------------------------------------------------------

SIGNIFICANT = ChangeTest(0.01, 0.95, False)
CHANCE = ChangeTest(0.5, 0.95, True)
ONLY_AT_95 = ChangeTest(0.01, 0.998, False)  # p = 0.01 at 99.8%: chance

# (direction, meaning before the test, test, meaning after it)
TESTED = [
    (UP, J.WORSENING, None, J.WORSENING),  # untested keeps its meaning
    (UP, J.WORSENING, SIGNIFICANT, J.WORSENING),
    (UP, J.WORSENING, CHANCE, J.NOT_SIGNIFICANT),
    (UP, J.IMPROVING, CHANCE, J.NOT_SIGNIFICANT),
    (UP, J.IMPROVING, ONLY_AT_95, J.NOT_SIGNIFICANT),
    (DOWN, J.IMPROVING, None, J.IMPROVING),
    (DOWN, J.IMPROVING, SIGNIFICANT, J.IMPROVING),
    (DOWN, J.IMPROVING, CHANCE, J.NOT_SIGNIFICANT),
    (DOWN, J.WORSENING, CHANCE, J.NOT_SIGNIFICANT),
    (UP, J.NOT_JUDGED, CHANCE, J.NOT_SIGNIFICANT),  # no preferred direction
    (UP, J.NOT_JUDGED, SIGNIFICANT, J.NOT_JUDGED),
    (DOWN, J.NOT_JUDGED, None, J.NOT_JUDGED),
    # little change stays little change, tested or not
    (UP, J.LITTLE_CHANGE, CHANCE, J.LITTLE_CHANGE),
    (DOWN, J.LITTLE_CHANGE, CHANCE, J.LITTLE_CHANGE),
    (DOWN, J.LITTLE_CHANGE, SIGNIFICANT, J.LITTLE_CHANGE),
    # no change, or nothing to compare: the test has nothing to say
    (SAME, J.NO_CHANGE, CHANCE, J.NO_CHANGE),
    (SAME, J.NO_CHANGE, SIGNIFICANT, J.NO_CHANGE),
    (NA_DIR, J.NOT_JUDGED, CHANCE, J.NOT_JUDGED),
    (NA_DIR, J.NOT_JUDGED, None, J.NOT_JUDGED),
]


@pytest.mark.parametrize(("direction", "meaning", "test", "expected"), TESTED)
def test_a_change_chance_explains_is_not_significant(direction, meaning, test, expected):
    assert judged_against_chance(direction, meaning, test) is expected


# --- the comparison basis ----------------------------------------------------------------

# (kind of figure, basis set for the report, basis used)
BASES = [
    (K.FOR_THE_PERIOD, None, PREVIOUS),
    (K.FOR_THE_PERIOD, PREVIOUS, PREVIOUS),
    (K.FOR_THE_PERIOD, YEAR, YEAR),
    (K.SNAPSHOT, None, PREVIOUS),
    (K.SNAPSHOT, PREVIOUS, PREVIOUS),
    (K.SNAPSHOT, YEAR, YEAR),
    (K.YEAR_TO_DATE, None, YEAR),
    (K.YEAR_TO_DATE, PREVIOUS, PREVIOUS),
    (K.YEAR_TO_DATE, YEAR, YEAR),
    (K.ROLLING_12_MONTHS, None, YEAR),
    (K.ROLLING_12_MONTHS, PREVIOUS, PREVIOUS),
    (K.ROLLING_12_MONTHS, YEAR, YEAR),
    # survey waves: always the previous wave
    (K.SURVEY_WAVE, None, PREVIOUS),
    (K.SURVEY_WAVE, PREVIOUS, PREVIOUS),
    (K.SURVEY_WAVE, YEAR, PREVIOUS),
    # coverage not stated: compared as set, else with the figure before (labelled alike)
    (K.NOT_STATED, None, PREVIOUS),
    (K.NOT_STATED, PREVIOUS, PREVIOUS),
    (K.NOT_STATED, YEAR, YEAR),
]


def test_the_basis_table_covers_every_kind_and_setting_once():
    rows = {(kind, setting) for kind, setting, _ in BASES}
    assert len(rows) == len(BASES) == len(FigureKind) * 3


@pytest.mark.parametrize(("kind", "setting", "basis"), BASES)
def test_the_comparison_basis(kind, setting, basis):
    assert basis_for(_measure(kind=kind), setting) is basis


# --- measure_status: which figures are compared, for every kind and basis ----------------

P = parse_period
Q = {label: P(label) for label in ("2015/16 Q1", "2015/16 Q2", "2015/16 Q3", "2015/16 Q4")}
Q.update({label: P(label) for label in ("2016/17 Q1", "2016/17 Q2", "2016/17 Q3")})
QUARTERS = list(Q)[:6]  # 2015/16 Q1 to 2016/17 Q2
# 2015/16 Q1 .. 2016/17 Q2: 10, 11, 12, 13, 14, 15 (a figure the label's position)
SERIES = tuple(Observation(Q[label], 10.0 + i) for i, label in enumerate(QUARTERS))


def _status(
    observations,
    kind=K.FOR_THE_PERIOD,
    reporting="2016/17 Q2",
    comparison="2016/17 Q1",
    compare_with=None,
    polarity=LOW,
    unit=Unit.NUMBER,
    **kwargs,
):
    m = _measure(unit, polarity, 1, tuple(observations), kind=kind, **kwargs)
    return measure_status(m, P(reporting), P(comparison), compare_with)


def _actual(observation: Observation | None):
    return None if observation is None else observation.actual


# (kind, basis set, previous, year ago, the summary names the periods); the series rises, so
# low-is-good worsens
KINDS = [
    (K.FOR_THE_PERIOD, None, 14.0, 11.0, False),
    (K.FOR_THE_PERIOD, PREVIOUS, 14.0, 11.0, False),
    (K.FOR_THE_PERIOD, YEAR, 11.0, 11.0, False),
    (K.SNAPSHOT, None, 14.0, 11.0, False),
    (K.SNAPSHOT, YEAR, 11.0, 11.0, False),
    (K.YEAR_TO_DATE, None, 11.0, 11.0, False),
    # Apr-Jun is not comparable with Apr-Sep: the previous comparable figure is a year ago,
    # and not the comparison period, so the summary names it
    (K.YEAR_TO_DATE, PREVIOUS, 11.0, 11.0, True),
    (K.ROLLING_12_MONTHS, None, 11.0, 11.0, False),
    (K.ROLLING_12_MONTHS, PREVIOUS, 14.0, 11.0, False),  # rolling years overlap; each is 12
    (K.SURVEY_WAVE, YEAR, 14.0, 11.0, False),
    (K.SURVEY_WAVE, None, 14.0, 11.0, False),
]


@pytest.mark.parametrize(("kind", "setting", "previous", "year_ago", "named"), KINDS)
def test_what_each_kind_is_compared_with(kind, setting, previous, year_ago, named):
    s = _status(SERIES, kind, compare_with=setting)
    assert _actual(s.current) == 15.0
    assert _actual(s.previous) == previous
    assert _actual(s.year_ago) == year_ago
    assert s.basis is basis_for(s.measure, setting)
    assert (s.direction, s.judgement) == (UP, J.WORSENING)
    assert (s.year_direction, s.year_judgement) == (UP, J.WORSENING)
    assert s.up_to_date is True and s.late is False
    # the summary names the periods only where it cannot say "previous period"
    assert s.stated_otherwise is named


@pytest.mark.parametrize(
    ("polarity", "meaning", "year_meaning"),
    [(HIGH, J.WORSENING, J.IMPROVING), (LOW, J.IMPROVING, J.WORSENING), (NONE, J.NOT_JUDGED,
     J.NOT_JUDGED)],
)  # fmt: skip
def test_the_previous_and_the_year_are_judged_each_on_its_own(polarity, meaning, year_meaning):
    """Down on the quarter (14 to 12), up on the year (11 to 12)."""
    observations = [*SERIES[:5], Observation(Q["2016/17 Q2"], 12.0)]
    s = _status(observations, polarity=polarity)
    assert (s.direction, s.judgement) == (DOWN, meaning)
    assert (s.year_direction, s.year_judgement) == (UP, year_meaning)


def test_the_comparison_period_named_is_compared_where_it_is_recorded():
    s = _status(SERIES, comparison="2015/16 Q4")
    assert _actual(s.previous) == 13.0 and s.stated_otherwise is False


def test_a_comparison_period_not_recorded_falls_back_and_says_so():
    observations = [o for o in SERIES if o.period != Q["2015/16 Q4"]]
    s = _status(observations, comparison="2015/16 Q4")
    assert _actual(s.previous) == 14.0 and s.stated_otherwise is True


def test_a_repeated_period_keeps_its_last_row():
    repeated = [Observation(Q["2016/17 Q1"], x) for x in (20.0, 21.0, 22.0)]
    observations = [*SERIES[:4], *repeated, SERIES[5]]
    s = _status(observations)
    assert _actual(s.previous) == 22.0 and s.direction is DOWN
    s = _status(observations, comparison="2015/16 Q3")  # not recorded: the latest earlier
    assert _actual(s.previous) == 12.0


def test_a_repeated_earlier_period_keeps_its_last_row_when_it_is_not_named():
    repeated = [Observation(Q["2016/17 Q1"], x) for x in (20.0, 21.0, 22.0)]
    observations = [*SERIES[:4], *repeated, SERIES[5]]
    s = _status(observations, reporting="2016/17 Q3", comparison="2016/17 Q2")
    assert _actual(s.current) == 15.0 and _actual(s.previous) == 22.0


def test_a_late_figure_is_compared_with_the_one_before_it_not_the_named_period():
    s = _status(SERIES, reporting="2016/17 Q3", comparison="2015/16 Q4")
    assert _actual(s.current) == 15.0 and _actual(s.previous) == 14.0
    assert s.up_to_date is False and s.late is True and s.stated_otherwise is True


def test_figures_after_the_reporting_period_are_ignored():
    observations = [*SERIES, Observation(Q["2016/17 Q3"], 99.0)]
    s = _status(observations)
    assert _actual(s.current) == 15.0 and s.up_to_date is True


def test_without_figures_nothing_is_late_or_judged():
    s = _status([])
    assert (s.current, s.previous, s.year_ago, s.not_comparable) == (None, None, None, None)
    assert s.late is False and s.up_to_date is False and s.stated_otherwise is True
    assert (s.direction, s.judgement) == (NA_DIR, J.NOT_JUDGED)


def test_a_single_figure_has_nothing_to_compare():
    s = _status([SERIES[5]])
    assert s.previous is None and s.not_comparable is None and s.stated_otherwise is True
    assert (s.direction, s.year_direction) == (NA_DIR, NA_DIR)


def test_only_the_areas_own_figures_are_compared():
    north = [Observation(o.period, 100.0 - o.actual, area="North") for o in SERIES]  # falls
    s = _status([*SERIES, *north])
    assert (_actual(s.current), s.direction) == (15.0, UP)
    m = _measure(observations=(*SERIES, *north))
    s = measure_status(m, P("2016/17 Q2"), P("2016/17 Q1"), area="North")
    assert (_actual(s.current), _actual(s.previous), s.direction) == (85.0, 86.0, DOWN)
    assert _actual(s.year_ago) == 89.0


@pytest.mark.parametrize("count", [2, 3])
def test_a_figure_of_another_length_just_before_is_not_compared(count):
    """2015/16 Q3, the year 2015/16, 2016/17 Q1: the year is not compared; the quarter is."""
    observations = [
        Observation(Q["2015/16 Q3"], 12.0),
        Observation(P("2015/16"), 50.0),
        Observation(Q["2016/17 Q1"], 14.0),
    ][-count:]
    s = _status(observations, reporting="2016/17 Q1", comparison="2015/16 Q4")
    assert _actual(s.not_comparable) == 50.0
    assert _actual(s.previous) == (12.0 if count == 3 else None)


def test_a_comparable_figure_just_before_leaves_nothing_not_comparable():
    observations = [Observation(P("2015/16"), 50.0), *SERIES[4:]]
    s = _status(observations)
    assert s.not_comparable is None and _actual(s.previous) == 14.0


# (baseline period, baseline figure, polarity, direction, meaning) against the latest 15
BASELINES = [
    ("2015/16 Q2", 11.0, LOW, UP, J.WORSENING),
    ("2015/16 Q2", 11.0, HIGH, UP, J.IMPROVING),
    ("2015/16 Q2", 16.0, LOW, DOWN, J.IMPROVING),
    ("2015/16 Q2", 15.04, LOW, SAME, J.NO_CHANGE),  # equal as printed
    ("2015/16", 11.0, LOW, NA_DIR, J.NOT_JUDGED),  # a year against a quarter: not compared
]


@pytest.mark.parametrize(("label", "figure", "polarity", "direction", "meaning"), BASELINES)
def test_the_baseline_is_compared_where_it_covers_the_same_time(
    label, figure, polarity, direction, meaning
):
    s = _status(SERIES, polarity=polarity, baseline=Baseline(P(label), figure))
    assert (s.baseline_direction, s.baseline_judgement) == (direction, meaning)


def test_no_baseline_and_no_figure_compare_nothing():
    s = _status([], baseline=Baseline(Q["2015/16 Q2"], 11.0))
    assert (s.baseline_direction, s.baseline_judgement) == (NA_DIR, J.NOT_JUDGED)
    s = _status(SERIES)
    assert (s.baseline_direction, s.baseline_judgement) == (NA_DIR, J.NOT_JUDGED)


def test_the_latest_figure_against_its_own_benchmark():
    observations = [*SERIES[:5], Observation(Q["2016/17 Q2"], 15.0, benchmark=16.0)]
    assert _status(observations).benchmark is B.BETTER
    assert _status(observations, polarity=HIGH).benchmark is B.WORSE
    assert _status(SERIES).benchmark is B.NOT_AVAILABLE
    assert _status([]).benchmark is B.NOT_AVAILABLE


# --- measure_status: tests against chance, on both comparisons ---------------------------


def _cohort(label: str, count: int, cohort: int) -> Observation:
    return Observation(Q[label], 100 * count / cohort, count=count, denominator=cohort)


def test_each_comparison_is_tested_on_its_own_figures():
    """1 of 25 a year ago, 30 of 40 last quarter, 2 of 40 now: the fall on the quarter is
    significant, the rise on the year is chance."""
    observations = [_cohort("2015/16 Q2", 1, 25), _cohort("2016/17 Q1", 30, 40)]
    observations.append(_cohort("2016/17 Q2", 2, 40))
    m = _measure(Unit.PERCENTAGE, LOW, 1, tuple(observations))
    s = measure_status(m, P("2016/17 Q2"), P("2016/17 Q1"), population=1000.0, confidence=0.998)
    assert (s.direction, s.judgement) == (DOWN, J.IMPROVING)
    assert (s.year_direction, s.year_judgement) == (UP, J.NOT_SIGNIFICANT)
    assert s.test is not None and s.test.significant and s.test.confidence == 0.998
    assert s.year_test is not None and not s.year_test.significant
    assert (s.confidence, s.population) == (0.998, 1000.0)
    assert s.reporting == P("2016/17 Q2")


def test_a_rate_is_tested_with_the_partnerships_population():
    """5.0 then 5.2 per 1,000 of 100,000 (500 and 520 events): chance."""
    observations = (Observation(Q["2016/17 Q1"], 5.0), Observation(Q["2016/17 Q2"], 5.2))
    m = replace(_measure(Unit.RATE_PER_1000, LOW, 1, observations), partnership_population=True)
    s = measure_status(m, P("2016/17 Q2"), P("2016/17 Q1"), population=100_000.0)
    assert s.test is not None and s.judgement is J.NOT_SIGNIFICANT
    assert s.untested is None
    s = measure_status(m, P("2016/17 Q2"), P("2016/17 Q1"))
    assert s.test is None and s.judgement is J.WORSENING
    assert s.untested is Untested.NO_COUNTS


def test_a_rate_not_said_to_be_per_the_partnerships_population_is_not_tested():
    """Issue 23: the same rate without Partnership population 'Yes' (an earlier workbook):
    the partnership's population is not taken to be what it is per, and the status says why."""
    observations = (Observation(Q["2016/17 Q1"], 5.0), Observation(Q["2016/17 Q2"], 5.2))
    m = _measure(Unit.RATE_PER_1000, LOW, 1, observations)
    s = measure_status(m, P("2016/17 Q2"), P("2016/17 Q1"), population=100_000.0)
    assert s.test is None and s.judgement is J.WORSENING
    assert s.untested is Untested.POPULATION_NOT_STATED
