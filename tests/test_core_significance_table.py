"""The events behind a figure, its confidence interval and the test of a change
(``core.significance``), as tables: every unit, where the count and the population or cohort
come from, and the boundaries (a cohort of one, a count equal to its cohort, a p-value exactly on
the level) (issue 21: the verdicts tested as tables).

Expected figures are worked out by hand, taken from the reference figures in
tests/reference/stats (PHEindicatormethods, through ``stats_reference``), or computed here from
the 2x2 table or the binomial directly, never by the functions under test."""

from __future__ import annotations

from statistics import NormalDist

import pytest
from scipy.stats import binomtest, fisher_exact, norm

from safecity_reports.core.model import (
    NOT_AVAILABLE,
    FigureKind,
    Frequency,
    Measure,
    Observation,
    Pair,
    Polarity,
    Unit,
)
from safecity_reports.core.periods import parse_period
from safecity_reports.core.significance import (
    ChangeTest,
    Events,
    change_test,
    events,
    interval,
    level_words,
    multiplier,
    population_for,
)
from safecity_reports.stats import Dispersion
from stats_reference import csv_rows, figure

Q1, Q2 = parse_period("2016/17 Q1"), parse_period("2016/17 Q2")
PCT, PER_1000, PER_10000 = Unit.PERCENTAGE, Unit.RATE_PER_1000, Unit.RATE_PER_10000
RATE, COUNT = Unit.RATE, Unit.COUNT


def _measure(unit: Unit, **kwargs) -> Measure:
    return Measure(
        "3.1", "3.1", "Figure", unit, Polarity.LOW_IS_GOOD, Frequency.QUARTERLY, 1, **kwargs
    )


def _obs(actual, count=None, denominator=None, period=Q2) -> Observation:
    return Observation(period, actual, count=count, denominator=denominator)


# --- what a figure is per ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "rate_per", "expected"),
    [
        (PCT, None, 100.0),
        (PER_1000, None, 1000.0),
        (PER_10000, None, 10000.0),
        (RATE, 100_000.0, 100_000.0),
        (RATE, 100.0, 100.0),
        (RATE, None, None),
        (COUNT, None, None),
        (Unit.NUMBER, None, None),
        (Unit.MONEY, None, None),
        (Unit.RANK, None, None),
        (Unit.PAIR, None, None),
    ],
)
def test_what_a_figure_is_per(unit, rate_per, expected):
    assert multiplier(_measure(unit, rate_per=rate_per)) == expected


@pytest.mark.parametrize(("confidence", "words"), [(0.95, "95%"), (0.998, "99.8%"), (0.9, "90%")])
def test_level_words(confidence, words):
    assert level_words(confidence) == words


# --- significant: the p-value against the level, strictly --------------------------------


@pytest.mark.parametrize(
    ("p_value", "confidence", "significant"),
    [
        (0.04, 0.95, True),
        (0.06, 0.95, False),
        (0.001, 0.998, True),
        (0.003, 0.998, False),
        (0.01, 0.998, False),  # significant at 95%, not at 99.8%
        (0.25, 0.5, True),
        (0.5, 0.5, False),  # exactly on the level (0.5 and 1 - 0.5 are exact): not below it
        (0.75, 0.5, False),
        (0.0, 0.95, True),
        (1.0, 0.95, False),
    ],
)
def test_a_change_is_significant_only_below_the_level(p_value, confidence, significant):
    assert ChangeTest(p_value, confidence, True).significant is significant


# --- the population a rate is per --------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "own", "label", "not_known", "expected"),
    [
        # the measure's own population first, whatever its label says
        (PER_1000, 5_000.0, "", False, 5_000.0),
        (PER_10000, 5_000.0, "Rate per 10,000 households", False, 5_000.0),
        (RATE, 5_000.0, "", False, 5_000.0),
        # else the partnership's, for a rate per head
        (PER_1000, None, "", False, 250_900.0),
        (PER_10000, None, "", False, 250_900.0),
        (RATE, None, "", False, 250_900.0),
        (PER_1000, None, "Rate per 1,000 population", False, 250_900.0),
        (PER_1000, None, "Rate per 1,000 residents", False, 250_900.0),
        (PER_1000, None, "Rate per 1,000 People", False, 250_900.0),
        (PER_1000, None, "Rate per 1,000 persons", False, 250_900.0),
        (PER_1000, None, "Rate per 1,000 POPULATION", False, 250_900.0),
        # not per head of the residents, or said not to be known
        (PER_1000, None, "Rate per 1,000 households", False, None),
        (PER_10000, None, "Rate per 10,000 vehicles", False, None),
        (PER_1000, None, "", True, None),
        (PER_1000, None, "Rate per 1,000 residents", True, None),
        # not a rate: no population at all
        (PCT, 5_000.0, "", False, None),
        (PCT, None, "", False, None),
        (COUNT, 5_000.0, "", False, None),
        (COUNT, None, "", False, None),
    ],
)
def test_the_population_a_rate_is_per(unit, own, label, not_known, expected):
    m = _measure(
        unit,
        population=own,
        unit_label=label,
        population_not_known=not_known,
        rate_per=1000.0 if unit is RATE else None,
        partnership_population=True,
    )
    assert population_for(m, 250_900.0) == expected


@pytest.mark.parametrize(
    ("unit", "own", "label", "expected"),
    [
        (PER_1000, 5_000.0, "", 5_000.0),  # its own population is stated: that one
        (PER_1000, None, "", None),  # issue 23: the partnership's is never assumed
        (PER_10000, None, "Rate per 10,000 population", None),
        (RATE, None, "", None),
        (PCT, None, "", None),
    ],
)
def test_the_partnerships_population_only_where_the_measure_says_so(unit, own, label, expected):
    m = _measure(unit, population=own, unit_label=label, rate_per=1000.0 if unit is RATE else None)
    assert population_for(m, 250_900.0) == expected


def test_without_the_partnerships_population_a_rate_has_none():
    assert population_for(_measure(PER_1000), None) is None


# --- the events behind a figure ----------------------------------------------------------

EVENTS = [
    # percentage: count and cohort typed
    (PCT, None, _obs(5.0, 2, 40), None, Events(2, 40, False)),
    (PCT, None, _obs(5.0, 2.4, 40), None, Events(2, 40, False)),  # a count rounds to whole
    # percentage: the cohort alone gives the count (5.0% of 40 is 2)
    (PCT, None, _obs(5.0, None, 40), None, Events(2, 40, True)),
    (PCT, None, _obs(12.0, None, 50), 250_900.0, Events(6, 50, True)),
    (PCT, None, _obs(0.0, None, 50), None, Events(0, 50, True)),
    # percentage: the count alone gives the cohort (2 is 5.0% of 40)
    (PCT, None, _obs(5.0, 2), None, Events(2, 40.0, False)),
    (PCT, None, _obs(0.5, 1), None, Events(1, 200.0, False)),
    # percentage: never the partnership's population
    (PCT, None, _obs(5.0), 250_900.0, None),
    (PCT, None, _obs(0.0, 0), None, None),  # a count of none: no cohort follows
    # rate per 1,000: count and population typed, the typed population first
    (PER_1000, None, _obs(2.0, 500, 200_000), 250_000.0, Events(500, 200_000, False)),
    # rate: the partnership's population gives the count (2.0 per 1,000 of 250,000 is 500)
    (PER_1000, None, _obs(2.0), 250_000.0, Events(500, 250_000.0, True)),
    (PER_10000, None, _obs(2.0), 250_000.0, Events(50, 250_000.0, True)),
    # a typed count with the partnership's population: the population, not the figure
    (PER_1000, None, _obs(2.0, 500), 200_000.0, Events(500, 200_000.0, False)),
    # the measure's own population before the partnership's
    (PER_1000, 10_000.0, _obs(3.0), 250_000.0, Events(30, 10_000.0, True)),
    # a count alone gives the population (500 is 2.0 per 1,000 of 250,000)
    (PER_1000, None, _obs(2.0, 500), None, Events(500, 250_000.0, False)),
    (RATE, None, _obs(40.0, 20), None, Events(20, 50_000.0, False)),  # per 100,000
    # nothing to work from
    (PER_1000, None, _obs(2.0), None, None),
    (PER_1000, None, _obs(0.0, 3), None, None),  # a count over a figure of zero: no population
    # not a number, or not a rate or percentage
    (PER_1000, None, _obs(NOT_AVAILABLE, 5, 100), 250_000.0, None),
    (PER_1000, None, _obs(Pair(3, 2), 5, 100), 250_000.0, None),
    (PER_1000, None, _obs(True, 5, 100), 250_000.0, None),
    # a count of events is its own: the figure, over the three months it covers (issue 23)
    (COUNT, None, _obs(12.0, 12, 100), 250_000.0, Events(12, 3.0, False)),
    (COUNT, None, _obs(12.0, 99), None, Events(12, 3.0, False)),
    (COUNT, None, _obs(0.0), None, Events(0, 3.0, False)),
    # ... but not a fraction, a negative figure or one that is not a number
    (COUNT, None, _obs(12.5), None, None),
    (COUNT, None, _obs(-1.0), None, None),
    (COUNT, None, _obs(NOT_AVAILABLE), None, None),
    (COUNT, None, _obs(True), None, None),
    (Unit.NUMBER, None, _obs(12.0, 12), None, None),
]


@pytest.mark.parametrize(("unit", "own", "observation", "population", "expected"), EVENTS)
def test_the_events_behind_a_figure(unit, own, observation, population, expected):
    m = _measure(
        unit,
        population=own,
        rate_per=100_000.0 if unit is RATE else None,
        partnership_population=True,
    )
    assert events(m, observation, population) == expected


def test_no_count_is_worked_out_from_a_population_the_measure_does_not_state():
    """Issue 23: 2.0 per 1,000 with the partnership's 250,000 is not taken as 500 events unless
    the measure says the partnership's population applies; a typed count still counts."""
    m = _measure(PER_1000)
    assert events(m, _obs(2.0), 250_000.0) is None
    assert events(m, _obs(2.0, 500), 250_000.0) == Events(500, 250_000.0, False)


# --- a figure's confidence interval ------------------------------------------------------


def _reference(name: str, statistic: str) -> list[tuple[int, int, tuple, tuple]]:
    """(count, denominator, 95% limits, 99.8% limits) of one reference CSV's rows."""
    rows = []
    for row in csv_rows(name):
        if row["statistic"] == statistic and figure(row["value"]) is not None:
            rows.append(
                (
                    int(row["Numerator"]),
                    int(row["Denominator"]),
                    (float(row["lower95_0cl"]), float(row["upper95_0cl"])),
                    (float(row["lower99_8cl"]), float(row["upper99_8cl"])),
                )
            )
    return rows


PERCENTAGES = _reference("proportions.csv", "percentage")
PER_100 = _reference("rates.csv", "rate per 100")
PER_100000 = _reference("rates.csv", "rate per 100000")


def _close(found, expected):
    assert found is not None
    assert found == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize(("count", "cohort", "limits95", "limits998"), PERCENTAGES[:5])
def test_a_percentages_interval_is_wilsons(count, cohort, limits95, limits998):
    m = _measure(PCT)
    observation = _obs(100 * count / cohort, count, cohort)
    _close(interval(m, observation, None, 0.95), limits95)
    _close(interval(m, observation, None, 0.998), limits998)
    # from the cohort alone (the count worked out from the figure) the same
    _close(interval(m, _obs(100 * count / cohort, None, cohort), None, 0.95), limits95)


@pytest.mark.parametrize(("count", "population", "limits95", "limits998"), PER_100000)
def test_a_rate_per_n_has_the_exact_or_byars_interval(count, population, limits95, limits998):
    m = _measure(RATE, rate_per=100_000.0)
    observation = _obs(100_000 * count / population, count, population)
    _close(interval(m, observation, None, 0.95), limits95)
    _close(interval(m, observation, None, 0.998), limits998)


@pytest.mark.parametrize(("count", "population", "limits95", "limits998"), PER_100[:4])
def test_a_rate_per_1000_with_the_partnerships_population(count, population, limits95, limits998):
    """The same events per 1,000 are ten times the reference's per 100."""
    m = _measure(PER_1000, partnership_population=True)
    observation = _obs(1000 * count / population, count)
    expected = tuple(10 * x for x in limits95)
    _close(interval(m, observation, population, 0.95), expected)
    # and per 10,000, a hundred times
    m = _measure(PER_10000, partnership_population=True)
    observation = _obs(10_000 * count / population, count)
    _close(interval(m, observation, population, 0.998), tuple(100 * x for x in limits998))


@pytest.mark.parametrize("cohort", [1, 20, 40])
@pytest.mark.parametrize("confidence", [0.95, 0.998])
def test_wilsons_interval_at_none_and_at_all_of_a_cohort(cohort, confidence):
    """None of n: 0 to z^2 / (n + z^2); all of n: n / (n + z^2) to 100%."""
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    edge = 100 * z * z / (cohort + z * z)
    m = _measure(PCT)
    _close(interval(m, _obs(0.0, 0, cohort), None, confidence), (0.0, edge))
    _close(interval(m, _obs(100.0, cohort, cohort), None, confidence), (100 - edge, 100.0))


@pytest.mark.parametrize(
    ("unit", "observation", "population"),
    [
        (PCT, _obs(120.0, 12, 10), None),  # more events than the cohort: no interval
        (PCT, _obs(5.0), None),
        (PER_1000, _obs(2.0), None),
        (COUNT, _obs(12.0, 12, 100), 250_000.0),
        (PER_1000, _obs(NOT_AVAILABLE, 5, 100), None),
    ],
)
def test_no_interval_where_the_events_are_not_known(unit, observation, population):
    assert interval(_measure(unit), observation, population, 0.95) is None


# --- the test of a change ----------------------------------------------------------------


def _fisher(x1: int, n1: int, x2: int, n2: int) -> float:
    return float(fisher_exact([[x1, n1 - x1], [x2, n2 - x2]]).pvalue)


def _poisson(x1: int, e1: float, x2: int, e2: float) -> float:
    return 1.0 if x1 + x2 == 0 else float(binomtest(x2, x1 + x2, e2 / (e1 + e2)).pvalue)


PROPORTIONS = [
    # (before: count, cohort), (after: count, cohort)
    ((1, 25), (2, 40)),
    ((2, 40), (1, 25)),
    ((3, 10), (9, 12)),  # cohorts of different sizes: each its own
    ((12, 80), (30, 90)),
    ((20, 20), (15, 20)),  # all of a cohort is still a proportion
    ((15, 20), (20, 20)),
    ((0, 20), (6, 20)),
    ((1, 1), (0, 1)),  # cohorts of one
    ((0, 5), (0, 5)),
]


@pytest.mark.parametrize(("before", "after"), PROPORTIONS)
@pytest.mark.parametrize("confidence", [0.95, 0.998])
def test_a_change_in_a_percentage_is_fishers_test(before, after, confidence):
    m = _measure(PCT)
    first = _obs(100 * before[0] / before[1], *before, period=Q1)
    second = _obs(100 * after[0] / after[1], *after)
    expected = _fisher(*before, *after)
    found = change_test(m, first, second, None, confidence)
    assert found is not None
    assert found.p_value == pytest.approx(expected, rel=1e-9)
    assert (found.confidence, found.proportions) == (confidence, True)
    assert found.significant is (expected < 1 - confidence)


def test_a_worked_out_cohort_is_rounded_to_whole_people():
    """2 at 4.9% is a cohort of 40.8: tested as 41."""
    m = _measure(PCT)
    found = change_test(m, _obs(10.0, 3, 30, Q1), _obs(4.9, 2), None, 0.95)
    assert found is not None
    assert found.p_value == pytest.approx(_fisher(3, 30, 2, 41), rel=1e-9)


RATES = [
    # (before: count, population), (after: count, population), the partnership's population
    ((3001, None), (3201, None), 250_900.0),
    ((40, 10_000), (64, 12_000), None),  # populations that differ: each its own
    ((64, 12_000), (40, 10_000), None),
    ((0, 5_000), (0, 5_000), None),
    ((5, None), (14, None), 9_000.0),
]


@pytest.mark.parametrize(("before", "after", "population"), RATES)
def test_a_change_in_a_rate_is_the_exact_poisson_test(before, after, population):
    m = _measure(PER_1000, partnership_population=True)

    def observation(events_and_population, period):
        count, exposure = events_and_population
        per_head = exposure or population
        return _obs(1000 * count / per_head, count, exposure, period)

    found = change_test(m, observation(before, Q1), observation(after, Q2), population, 0.95)
    e1, e2 = before[1] or population, after[1] or population
    expected = _poisson(before[0], e1, after[0], e2)
    assert found is not None
    assert found.p_value == pytest.approx(expected, rel=1e-9)
    assert (found.confidence, found.proportions) == (0.95, False)


@pytest.mark.parametrize(
    ("unit", "before", "after", "population"),
    [
        (PCT, None, _obs(5.0, 2, 40), None),
        (PCT, _obs(5.0, 2, 40, Q1), None, None),
        (PCT, None, None, None),
        # the events of one side not known
        (PCT, _obs(4.0, period=Q1), _obs(5.0, 2, 40), None),
        (PCT, _obs(4.0, 1, 25, Q1), _obs(5.0), None),
        (PER_1000, _obs(2.0, period=Q1), _obs(2.2), None),
        (COUNT, _obs(20.5, period=Q1), _obs(25.0), None),
        (Unit.NUMBER, _obs(20.0, 20, 100, Q1), _obs(25.0, 25, 100), 250_000.0),
        # more events than the cohort on either side
        (PCT, _obs(120.0, 12, 10, Q1), _obs(5.0, 2, 40), None),
        (PCT, _obs(5.0, 2, 40, Q1), _obs(120.0, 12, 10), None),
        # a cohort of none (typed, or rounding to none)
        (PCT, _obs(0.0, 0, 0, Q1), _obs(5.0, 2, 40), None),
        (PCT, _obs(5.0, 2, 40, Q1), _obs(0.0, 0, 0.4), None),
    ],
)
def test_no_test_where_a_figures_events_are_not_known(unit, before, after, population):
    assert change_test(_measure(unit), before, after, population, 0.95) is None


@pytest.mark.parametrize(
    ("kind", "counted"),
    [
        (FigureKind.FOR_THE_PERIOD, True),
        (FigureKind.YEAR_TO_DATE, True),
        (FigureKind.ROLLING_12_MONTHS, True),
        (FigureKind.SNAPSHOT, False),  # people at a date are not events in a stretch of time
        (FigureKind.SURVEY_WAVE, False),
    ],
)
def test_only_a_count_of_events_over_time_is_counted(kind, counted):
    m = _measure(COUNT, kind=kind)
    assert (events(m, _obs(7.0), None) is not None) is counted


@pytest.mark.parametrize(("before", "after"), [(120, 160), (3, 11), (0, 4), (40, 40), (9, 1)])
def test_a_change_in_a_count_is_the_exact_test_of_two_poisson_counts(before, after):
    # equal periods: given the total, the later count is binomial with p = 1/2
    found = change_test(
        _measure(COUNT), _obs(float(before), period=Q1), _obs(float(after)), None, 0.95
    )
    assert found is not None and found.counts and not found.proportions
    assert found.p_value == pytest.approx(_poisson(before, 1, after, 1), rel=1e-9)
    assert found.exact_p_value is None and found.dispersion.method is None


def test_a_test_is_widened_by_the_series_dispersion():
    spread = Dispersion(4.0, 4.0, "quasi-Poisson", 5)
    m = _measure(COUNT)
    found = change_test(m, _obs(120.0, period=Q1), _obs(160.0), None, 0.95, spread)
    exact = _poisson(120, 1, 160, 1)
    assert found is not None and found.exact_p_value == pytest.approx(exact, rel=1e-9)
    z = norm.isf(exact / 2)
    assert found.p_value == pytest.approx(2 * norm.sf(z / 2), rel=1e-9)
    assert found.dispersion is spread
    narrow = Dispersion(1.0, 0.5, "quasi-Poisson", 5)  # floored: the exact test as it is
    same = change_test(m, _obs(120.0, period=Q1), _obs(160.0), None, 0.95, narrow)
    assert same is not None and same.p_value == pytest.approx(exact, rel=1e-9)
    assert same.exact_p_value is None


def test_an_interval_is_widened_by_phi_and_a_count_has_none():
    m = _measure(PER_1000)
    plain = interval(m, _obs(2.0, 500, 250_000), None, 0.95)
    wide = interval(m, _obs(2.0, 500, 250_000), None, 0.95, 4.0)
    assert plain is not None and wide is not None
    assert (wide[1] - wide[0]) / (plain[1] - plain[0]) == pytest.approx(2, rel=0.02)
    assert interval(_measure(COUNT), _obs(12.0), None, 0.95) is None
