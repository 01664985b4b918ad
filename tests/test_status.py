"""What the report works out from the figures: arrows, judgements, benchmark, target, positions."""

from __future__ import annotations

import itertools

import pytest

from safecity_reports.core.model import (
    NOT_AVAILABLE,
    Frequency,
    KeyAction,
    Measure,
    Observation,
    Pair,
    Polarity,
    Priority,
    RankedArea,
    Ranking,
    Report,
    Settings,
    Unit,
)
from safecity_reports.core.periods import parse_period
from safecity_reports.core.status import (
    BenchmarkStatus,
    Direction,
    GroupPosition,
    Judgement,
    TargetStatus,
    against_benchmark,
    against_target,
    comparison_period,
    direction_of_travel,
    group_position,
    judgement,
    measure_status,
    own_position,
    ranked,
    report_status,
)

HIGH = Polarity.HIGH_IS_GOOD
LOW = Polarity.LOW_IS_GOOD
NONE = Polarity.NO_PREFERENCE
UP, DOWN, SAME, NA_DIR = Direction.UP, Direction.DOWN, Direction.SAME, Direction.NOT_AVAILABLE
NA = NOT_AVAILABLE


# --- direction of travel -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("previous", "current", "unit", "decimals", "expected"),
    [
        (28.06, 29.92, Unit.RATE_PER_1000, 2, UP),
        (0.93, 0.92, Unit.RATE_PER_1000, 2, DOWN),
        (58.0, 58.0, Unit.PERCENTAGE, 2, SAME),
        # equal as printed though the raw values differ: the arrow follows the print
        (0.121, 0.118, Unit.RATE_PER_1000, 2, SAME),
        (0.118, 0.121, Unit.RATE_PER_1000, 2, SAME),
        (0.121, 0.118, Unit.RATE_PER_1000, 3, DOWN),
        (0.124, 0.125, Unit.RATE_PER_1000, 2, UP),  # 0.12 -> 0.13, half rounds up
        (0.125, 0.134, Unit.RATE_PER_1000, 2, SAME),  # 0.13 -> 0.13
        (-0.125, -0.12, Unit.COUNT, 2, UP),  # -0.13 -> -0.12, half rounds away from zero
        (5.80, 5.75, Unit.PERCENTAGE, 2, DOWN),
        (5.80, 5.75, Unit.PERCENTAGE, 0, SAME),
        (1234, 1235, Unit.COUNT, 0, UP),
        (106500, 106500.4, Unit.MONEY, 0, SAME),
        # missing or not available on either side
        (None, 29.92, Unit.RATE_PER_1000, 2, NA_DIR),
        (28.06, None, Unit.RATE_PER_1000, 2, NA_DIR),
        (None, None, Unit.RATE_PER_1000, 2, NA_DIR),
        (NA, 29.92, Unit.RATE_PER_1000, 2, NA_DIR),
        (28.06, NA, Unit.RATE_PER_1000, 2, NA_DIR),
        (NA, NA, Unit.RATE_PER_1000, 2, NA_DIR),
        (NA, None, Unit.RATE_PER_1000, 2, NA_DIR),
        # pairs compare their totals, as whole counts
        (Pair(11, 2), Pair(0, 0), Unit.PAIR, 0, DOWN),
        (Pair(0, 0), Pair(1, 0), Unit.PAIR, 0, UP),
        (Pair(3, 2), Pair(2, 3), Unit.PAIR, 0, SAME),
        (Pair(3, 2), Pair(3, 2.4), Unit.PAIR, 2, SAME),
        (Pair(11, 2), NA, Unit.PAIR, 0, NA_DIR),
        (None, Pair(0, 0), Unit.PAIR, 0, NA_DIR),
        # ranks compare the position numbers
        (15, 14, Unit.RANK, 0, DOWN),
        (14, 15, Unit.RANK, 0, UP),
        (15, 15, Unit.RANK, 2, SAME),
        (15.0, 15.2, Unit.RANK, 2, SAME),  # both print as 15th
    ],
)
def test_direction_of_travel(previous, current, unit, decimals, expected):
    assert direction_of_travel(previous, current, unit, decimals) is expected


# --- judgement: every polarity x every direction -------------------------------------------


JUDGEMENTS = [
    (UP, HIGH, Judgement.IMPROVING),
    (UP, LOW, Judgement.WORSENING),
    (UP, NONE, Judgement.NOT_JUDGED),
    (DOWN, HIGH, Judgement.WORSENING),
    (DOWN, LOW, Judgement.IMPROVING),
    (DOWN, NONE, Judgement.NOT_JUDGED),
    (SAME, HIGH, Judgement.NO_CHANGE),
    (SAME, LOW, Judgement.NO_CHANGE),
    (SAME, NONE, Judgement.NO_CHANGE),
    (NA_DIR, HIGH, Judgement.NOT_JUDGED),
    (NA_DIR, LOW, Judgement.NOT_JUDGED),
    (NA_DIR, NONE, Judgement.NOT_JUDGED),
]


@pytest.mark.parametrize(("direction", "polarity", "expected"), JUDGEMENTS)
def test_judgement(direction, polarity, expected):
    assert judgement(direction, polarity) is expected


def test_the_judgement_table_covers_every_direction_and_polarity_once():
    pairs = [(direction, polarity) for direction, polarity, _ in JUDGEMENTS]
    assert sorted(pairs, key=str) == sorted(itertools.product(Direction, Polarity), key=str)


def test_a_rank_moving_to_a_lower_position_number_is_improving():
    assert judgement(direction_of_travel(15, 14, Unit.RANK, 0), LOW) is Judgement.IMPROVING


# --- benchmark -----------------------------------------------------------------------------

B = BenchmarkStatus


@pytest.mark.parametrize(
    ("actual", "bench", "polarity", "unit", "decimals", "expected"),
    [
        (29.92, 24.2, LOW, Unit.RATE_PER_1000, 2, B.WORSE),
        (0.92, 1.10, LOW, Unit.RATE_PER_1000, 2, B.BETTER),
        (39.2, 37.6, HIGH, Unit.PERCENTAGE, 1, B.BETTER),
        (35.0, 37.8, HIGH, Unit.PERCENTAGE, 1, B.WORSE),
        (39.2, 37.6, NONE, Unit.PERCENTAGE, 1, B.HIGHER),
        (35.0, 37.8, NONE, Unit.PERCENTAGE, 1, B.LOWER),
        # equal as printed is in line, whatever the polarity
        (24.2, 24.2, LOW, Unit.RATE_PER_1000, 2, B.IN_LINE),
        (0.121, 0.118, LOW, Unit.RATE_PER_1000, 2, B.IN_LINE),
        (0.121, 0.118, HIGH, Unit.RATE_PER_1000, 2, B.IN_LINE),
        (0.121, 0.118, NONE, Unit.RATE_PER_1000, 2, B.IN_LINE),
        (0.121, 0.118, HIGH, Unit.RATE_PER_1000, 3, B.BETTER),
        (0.125, 0.12, LOW, Unit.RATE_PER_1000, 2, B.WORSE),  # 0.13 against 0.12
        # missing or not available either side
        (0.11, NA, LOW, Unit.RATE_PER_10000, 2, B.NOT_AVAILABLE),
        (NA, 0.10, LOW, Unit.RATE_PER_10000, 2, B.NOT_AVAILABLE),
        (0.11, None, LOW, Unit.RATE_PER_10000, 2, B.NOT_AVAILABLE),
        (None, 0.10, HIGH, Unit.RATE_PER_10000, 2, B.NOT_AVAILABLE),
        (None, None, NONE, Unit.RATE_PER_10000, 2, B.NOT_AVAILABLE),
        # pairs compare totals, ranks positions
        (Pair(1, 1), Pair(3, 0), LOW, Unit.PAIR, 0, B.BETTER),
        (Pair(2, 1), Pair(3, 0), LOW, Unit.PAIR, 0, B.IN_LINE),
        (15, 8, LOW, Unit.RANK, 0, B.WORSE),
    ],
)
def test_against_benchmark(actual, bench, polarity, unit, decimals, expected):
    assert against_benchmark(actual, bench, polarity, unit, decimals) is expected


# --- target --------------------------------------------------------------------------------

T = TargetStatus


@pytest.mark.parametrize(
    ("actual", "target", "tolerance", "polarity", "expected"),
    [
        # high is good: target 70, amber down to 65
        (75.0, 70.0, 5.0, HIGH, T.MET),
        (70.0, 70.0, 5.0, HIGH, T.MET),  # exactly at target
        (69.9, 70.0, 5.0, HIGH, T.NEAR),  # just short
        (65.0, 70.0, 5.0, HIGH, T.NEAR),  # exactly at tolerance
        (64.9, 70.0, 5.0, HIGH, T.MISSED),  # just beyond
        (69.9, 70.0, None, HIGH, T.MISSED),  # no tolerance: short is missed
        (70.0, 70.0, None, HIGH, T.MET),
        (69.9, 70.0, 0.0, HIGH, T.MISSED),
        # low is good: target 20, amber up to 22
        (18.0, 20.0, 2.0, LOW, T.MET),
        (20.0, 20.0, 2.0, LOW, T.MET),
        (20.1, 20.0, 2.0, LOW, T.NEAR),
        (22.0, 20.0, 2.0, LOW, T.NEAR),
        (22.1, 20.0, 2.0, LOW, T.MISSED),
        (20.1, 20.0, None, LOW, T.MISSED),
        # decimal boundaries that binary floats get wrong (1.1 - 0.9 > 0.2 as floats)
        (0.9, 1.1, 0.2, HIGH, T.NEAR),
        (1.1, 0.9, 0.2, LOW, T.NEAR),
        (0.89, 1.1, 0.2, HIGH, T.MISSED),
        # no preferred direction: within tolerance either side
        (50.0, 50.0, None, NONE, T.MET),
        (52.0, 50.0, 2.0, NONE, T.MET),
        (48.0, 50.0, 2.0, NONE, T.MET),
        (52.1, 50.0, 2.0, NONE, T.MISSED),
        (47.9, 50.0, 2.0, NONE, T.MISSED),
        (50.1, 50.0, None, NONE, T.MISSED),
        # no target, no figure
        (75.0, None, 5.0, HIGH, T.NO_TARGET),
        (None, None, None, LOW, T.NO_TARGET),
        (NA, None, None, LOW, T.NO_TARGET),
        (None, 70.0, 5.0, HIGH, T.NOT_AVAILABLE),
        (NA, 70.0, 5.0, HIGH, T.NOT_AVAILABLE),
        (Pair(11, 2), 5.0, None, LOW, T.NOT_AVAILABLE),
    ],
)
def test_against_target(actual, target, tolerance, polarity, expected):
    assert against_target(actual, target, tolerance, polarity) is expected


@pytest.mark.parametrize(
    ("actual", "decimals", "expected"),
    [
        (69.96, 1, T.MET),  # prints 70.0, which meets 70
        (69.96, 2, T.NEAR),  # prints 69.96
        (69.94, 1, T.NEAR),  # prints 69.9
    ],
)
def test_against_target_as_printed(actual, decimals, expected):
    assert against_target(actual, 70.0, 5.0, HIGH, decimals=decimals) is expected


# --- rankings ------------------------------------------------------------------------------

SEED_GROUP = (
    ("Luton", 65),
    ("Eastbourne", 67),
    ("Plymouth", 76),
    ("Gloucester", 76),
    ("Derby", 79),
    ("Slough", 81),
    ("Hounslow", 81),
    ("Reading", 85),
    ("Cardiff", 91),
    ("Newcastle", 92),
    ("Northampton", 94),
    ("Leeds", 97),
    ("Bristol, City of", 102),
    ("Portsmouth", 104),
    ("Southampton", 109),
)


def make_ranking(areas, own="Southampton", lower=None, upper=None, shuffle=False):
    listed = [RankedArea(name, value, is_own_area=name == own) for name, value in areas]
    if shuffle:
        listed = listed[1::2] + listed[0::2]
    return Ranking(
        "1.4", parse_period("2015/16"), tuple(listed), lower_limit=lower, upper_limit=upper
    )


def test_seed_ranking_low_is_good():
    positions = [(pos, area.area) for pos, area in ranked(make_ranking(SEED_GROUP), LOW)]
    assert positions[:5] == [
        (1, "Luton"),
        (2, "Eastbourne"),
        (3, "Gloucester"),  # tied at 76: both 3rd, by name
        (3, "Plymouth"),
        (5, "Derby"),
    ]
    assert positions[-1] == (15, "Southampton")
    assert [pos for pos, _ in positions] == [1, 2, 3, 3, 5, 6, 6, 8, 9, 10, 11, 12, 13, 14, 15]


def test_ranking_sorts_whatever_the_listed_order():
    shuffled = make_ranking(SEED_GROUP, shuffle=True)
    values = [area.value for _, area in ranked(shuffled, LOW)]
    assert values == sorted(values)


@pytest.mark.parametrize(
    ("polarity", "expected"),
    [
        (LOW, ["B", "C", "D", "A"]),
        (NONE, ["B", "C", "D", "A"]),
        (HIGH, ["A", "C", "D", "B"]),  # ties by name in either direction, sharing a position
    ],
)
@pytest.mark.parametrize("listed", [["A", "C", "D", "B"], ["D", "B", "A", "C"]])
def test_ranking_order_and_ties_whatever_the_listed_order(polarity, expected, listed):
    values = {"A": 9, "B": 1, "C": 5, "D": 5}
    ranking = make_ranking([(name, values[name]) for name in listed], own="D")
    result = ranked(ranking, polarity)
    assert [area.area for _, area in result] == expected
    assert [pos for pos, _ in result] == [1, 2, 2, 4]


@pytest.mark.parametrize(
    ("own", "polarity", "expected"),
    [
        ("Southampton", LOW, 15),
        ("Southampton", HIGH, 1),
        ("Luton", LOW, 1),
        ("Plymouth", LOW, 3),
        ("Gloucester", LOW, 3),  # tied with Plymouth at 76: the same position
        ("Gloucester", HIGH, 12),
        ("Nowhere", LOW, None),
    ],
)
def test_own_position(own, polarity, expected):
    assert own_position(make_ranking(SEED_GROUP, own=own), polarity) == expected


@pytest.mark.parametrize(
    ("own_value", "lower", "upper", "expected"),
    [
        (109, 70, 100, GroupPosition.ABOVE),
        (100.01, 70, 100, GroupPosition.ABOVE),
        (100, 70, 100, GroupPosition.IN_LINE),  # on the upper limit
        (85, 70, 100, GroupPosition.IN_LINE),
        (70, 70, 100, GroupPosition.IN_LINE),  # on the lower limit
        (69.99, 70, 100, GroupPosition.BELOW),
        (65, 70, 100, GroupPosition.BELOW),
        (109, None, 100, GroupPosition.ABOVE),
        (65, None, 100, GroupPosition.IN_LINE),
        (65, 70, None, GroupPosition.BELOW),
        (109, 70, None, GroupPosition.IN_LINE),
        (109, None, None, None),
    ],
)
def test_group_position(own_value, lower, upper, expected):
    ranking = make_ranking([("Luton", 65), ("Own", own_value)], own="Own", lower=lower, upper=upper)
    assert group_position(ranking) is expected


def test_group_position_without_own_area():
    assert group_position(make_ranking(SEED_GROUP, own="Nowhere", lower=70, upper=100)) is None


# --- measure status on realistic series ----------------------------------------------------


def obs(label, actual, benchmark=None):
    return Observation(parse_period(label), actual, benchmark)


def measure(
    observations,
    polarity=LOW,
    unit=Unit.RATE_PER_1000,
    decimals=2,
    target=None,
    tolerance=None,
    frequency=Frequency.QUARTERLY,
    id="1.2a",
):
    return Measure(
        id=id,
        action_id=id.rstrip("abc"),
        name=f"Measure {id}",
        unit=unit,
        polarity=polarity,
        frequency=frequency,
        decimals=decimals,
        observations=tuple(observations),
        target=target,
        tolerance=tolerance,
    )


Q2_1617 = parse_period("2016/17 Q2")
Q1_1617 = parse_period("2016/17 Q1")

TOTAL_CRIME = measure(
    [
        obs("2015/16 Q2", 25.4, 22.1),
        obs("2015/16 Q3", 27.8, 22.8),
        obs("2015/16 Q4", 27.7, 22.8),
        obs("2016/17 Q1", 28.06, 24.2),
        obs("2016/17 Q2", 29.92, 24.2),
    ]
)


def test_total_crime_from_the_seed():
    status = measure_status(TOTAL_CRIME, Q2_1617, Q1_1617)
    assert status.measure is TOTAL_CRIME
    assert status.previous.actual == 28.06
    assert status.current.actual == 29.92
    assert status.direction is Direction.UP
    assert status.judgement is Judgement.WORSENING
    assert status.year_ago.actual == 25.4
    assert status.year_ago.period.label == "2015/16 Q2"
    assert status.year_direction is Direction.UP
    assert status.year_judgement is Judgement.WORSENING
    assert status.benchmark is BenchmarkStatus.WORSE
    assert status.target is TargetStatus.NO_TARGET
    assert status.stated_otherwise is False


def test_reporting_on_an_earlier_quarter_ignores_later_figures():
    status = measure_status(TOTAL_CRIME, Q1_1617, parse_period("2015/16 Q4"))
    assert (status.previous.actual, status.current.actual) == (27.7, 28.06)
    assert status.year_ago is None
    assert status.year_direction is Direction.NOT_AVAILABLE
    assert status.year_judgement is Judgement.NOT_JUDGED
    assert status.stated_otherwise is False


def test_observations_listed_out_of_order_are_put_in_order():
    shuffled = measure(reversed(TOTAL_CRIME.observations))
    status = measure_status(shuffled, Q2_1617, Q1_1617)
    assert (status.previous.actual, status.current.actual) == (28.06, 29.92)


def test_drug_related_violence_equal_as_printed_is_no_change():
    status = measure_status(
        measure([obs("2016/17 Q1", 0.1234), obs("2016/17 Q2", 0.1189)], id="2.4"),
        Q2_1617,
        Q1_1617,
    )
    assert status.direction is Direction.SAME
    assert status.judgement is Judgement.NO_CHANGE


def test_rolling_twelve_months_ending_before_the_reporting_period():
    reoffending = measure(
        [
            obs("Oct 2012 - Sep 2013", 33.8, 37.2),
            obs("Jan 2013 - Dec 2013", 35.0, 37.8),
            obs("Apr 2013 - Mar 2014", 36.5, 37.9),
            obs("Jul 2013 - Jun 2014", 37.8, 37.7),
            obs("Oct 2013 - Sep 2014", 39.2, 37.6),
        ],
        unit=Unit.PERCENTAGE,
        decimals=1,
        frequency=Frequency.ROLLING_12_MONTHS,
        id="4.1",
    )
    status = measure_status(reoffending, Q2_1617, Q1_1617)
    assert status.previous.period.label == "Jul 2013 - Jun 2014"
    assert status.current.period.label == "Oct 2013 - Sep 2014"
    assert status.direction is Direction.UP
    assert status.judgement is Judgement.WORSENING
    assert status.year_ago.period.label == "Oct 2012 - Sep 2013"
    assert status.benchmark is BenchmarkStatus.WORSE
    assert status.stated_otherwise is True


def test_biennial_survey_has_no_year_ago():
    feeling_safe = measure(
        [obs("2013/14", 58.0), obs("2015/16", 60.0)],
        polarity=HIGH,
        unit=Unit.PERCENTAGE,
        frequency=Frequency.BIENNIAL,
        id="1.1a",
    )
    status = measure_status(feeling_safe, Q2_1617, Q1_1617)
    assert (status.previous.actual, status.current.actual) == (58.0, 60.0)
    assert status.judgement is Judgement.IMPROVING
    assert status.year_ago is None
    assert status.stated_otherwise is True


def test_arrests_and_charges_pair():
    arrests = measure(
        [obs("2016/17 Q1", Pair(11, 2)), obs("2016/17 Q2", Pair(0, 0))],
        unit=Unit.PAIR,
        decimals=0,
        target=5,
        id="4.3",
    )
    status = measure_status(arrests, Q2_1617, Q1_1617)
    assert status.direction is Direction.DOWN
    assert status.judgement is Judgement.IMPROVING
    assert status.target is TargetStatus.NOT_AVAILABLE
    assert status.benchmark is BenchmarkStatus.NOT_AVAILABLE


def test_not_available_benchmark_and_target_from_the_measure():
    custody = measure(
        [obs("2016/17 Q1", 0.05, 0.09), obs("2016/17 Q2", 0.11, NA)],
        unit=Unit.RATE_PER_10000,
        target=0.10,
        tolerance=0.02,
        id="4.5",
    )
    status = measure_status(custody, Q2_1617, Q1_1617)
    assert status.benchmark is BenchmarkStatus.NOT_AVAILABLE
    assert status.target is TargetStatus.NEAR
    assert status.direction is Direction.UP


def test_target_is_judged_as_printed():
    completions = measure(
        [obs("2016/17 Q1", 24.9), obs("2016/17 Q2", 29.96)],
        polarity=HIGH,
        unit=Unit.PERCENTAGE,
        decimals=1,
        target=30.0,
        tolerance=1.0,
        id="2.2b",
    )
    assert measure_status(completions, Q2_1617, Q1_1617).target is TargetStatus.MET


def test_current_not_available():
    status = measure_status(
        measure([obs("2016/17 Q1", 5.8), obs("2016/17 Q2", NA)]), Q2_1617, Q1_1617
    )
    assert status.current.actual is NA
    assert status.direction is Direction.NOT_AVAILABLE
    assert status.judgement is Judgement.NOT_JUDGED
    assert status.stated_otherwise is False


@pytest.mark.parametrize(
    ("labels", "previous", "current"),
    [
        ([], None, None),
        (["2016/17 Q3"], None, None),  # only figures after the reporting period
        (["2016/17 Q2"], None, "2016/17 Q2"),
        (["2016/17 Q1"], None, "2016/17 Q1"),
    ],
)
def test_short_series(labels, previous, current):
    status = measure_status(measure([obs(label, 1.0) for label in labels]), Q2_1617, Q1_1617)
    assert (status.previous and status.previous.period.label) == previous
    assert (status.current and status.current.period.label) == current
    assert status.direction is Direction.NOT_AVAILABLE
    assert status.year_direction is Direction.NOT_AVAILABLE
    assert status.benchmark is BenchmarkStatus.NOT_AVAILABLE
    assert status.stated_otherwise is True


def test_a_gap_in_the_series_is_stated():
    status = measure_status(
        measure([obs("2015/16 Q4", 1.0), obs("2016/17 Q2", 2.0)]), Q2_1617, Q1_1617
    )
    assert status.previous.period.label == "2015/16 Q4"
    assert status.stated_otherwise is True


# --- comparison period and the whole report ------------------------------------------------


@pytest.mark.parametrize(
    ("period", "comparison", "expected"),
    [
        ("2016/17 Q2", None, "2016/17 Q1"),
        ("2016/17 Q1", None, "2015/16 Q4"),
        ("2016/17 Q2", "2015/16 Q2", "2015/16 Q2"),
    ],
)
def test_comparison_period(period, comparison, expected):
    settings = Settings(
        "Safe City Partnership",
        "Performance report",
        parse_period(period),
        comparison_period=None if comparison is None else parse_period(comparison),
    )
    assert comparison_period(settings).label == expected


def test_report_status_in_report_order():
    ssa = measure([obs("2016/17 Q1", 0.62), obs("2016/17 Q2", 0.71)], id="1.3")
    asb = measure([obs("2016/17 Q1", 11.96), obs("2016/17 Q2", 12.76)], id="1.2b")
    report = Report(
        settings=Settings("Safe City Partnership", "Report", Q2_1617),
        priorities=(
            Priority(
                "1",
                "Reduce crime",
                (
                    KeyAction(
                        "1.2", "1", "Community priorities", "Police", measures=(TOTAL_CRIME, asb)
                    ),
                    KeyAction("1.3", "1", "Sexual offences", "Police", measures=(ssa,)),
                ),
            ),
        ),
    )
    statuses = report_status(report)
    assert list(statuses) == ["1.2a", "1.2b", "1.3"]
    assert all(s.stated_otherwise is False for s in statuses.values())
    assert statuses["1.2b"].measure is asb
    assert statuses["1.3"].judgement is Judgement.WORSENING


# --- measure_status: every polarity and unit, each judgement wired to its own comparison -----

# A year ago, the previous quarter and now (with a benchmark now): the figure rises from the
# previous quarter, is lower than a year ago, and is above its benchmark. A pair's total takes
# the same path (it has no benchmark); a rank's position number moves the same way.
PATHS = {
    Unit.PERCENTAGE: (60.0, 40.0, 50.0, 45.0),
    Unit.RATE_PER_1000: (6.0, 4.0, 5.0, 4.5),
    Unit.RATE_PER_10000: (60.0, 40.0, 50.0, 45.0),
    Unit.COUNT: (600.0, 400.0, 500.0, 450.0),
    Unit.MONEY: (6000.0, 4000.0, 5000.0, 4500.0),
    Unit.RANK: (12.0, 8.0, 10.0, 9.0),
    Unit.PAIR: (Pair(4, 2), Pair(3, 1), Pair(3, 2), None),
    Unit.RATE: (60.0, 40.0, 50.0, 45.0),
    Unit.NUMBER: (60.0, 40.0, 50.0, 45.0),
}
STATUS_EXPECTED = {
    # polarity: (judgement of the rise, of being lower than a year ago, against the benchmark)
    HIGH: (Judgement.IMPROVING, Judgement.WORSENING, BenchmarkStatus.BETTER),
    LOW: (Judgement.WORSENING, Judgement.IMPROVING, BenchmarkStatus.WORSE),
    NONE: (Judgement.NOT_JUDGED, Judgement.NOT_JUDGED, BenchmarkStatus.HIGHER),
}


@pytest.mark.parametrize("unit", list(Unit))
@pytest.mark.parametrize("polarity", [HIGH, LOW, NONE])
def test_measure_status_for_every_polarity_and_unit(polarity, unit):
    year_ago, previous, current, benchmark = PATHS[unit]
    series = measure(
        [
            obs("2015/16 Q2", year_ago),
            obs("2016/17 Q1", previous),
            obs("2016/17 Q2", current, benchmark),
        ],
        polarity=polarity,
        unit=unit,
        decimals=0 if unit in (Unit.RANK, Unit.PAIR) else 1,
    )
    status = measure_status(series, Q2_1617, Q1_1617)
    rise, lower_than_a_year_ago, against = STATUS_EXPECTED[polarity]
    assert (status.direction, status.judgement) == (Direction.UP, rise)
    assert (status.year_direction, status.year_judgement) == (
        Direction.DOWN,
        lower_than_a_year_ago,
    )
    assert status.benchmark is (BenchmarkStatus.NOT_AVAILABLE if benchmark is None else against)
    assert status.stated_otherwise is False
