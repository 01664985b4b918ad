"""The own area's standing in its comparison group (``core.groups``), as tables: rank by
polarity and ties, the average given or the mean, the distance from it, the position against
the limits (both, one only, exactly on one, none, no own area) or the funnel plot's, the typed
facts, which ranking or typed row is the latest, the group's phrase and where typed facts
contradict the full group (issue 21: the verdicts tested as tables).

Every expected value is worked out by hand from the rule the docstrings state."""

from __future__ import annotations

from dataclasses import replace

import pytest

from safecity_reports.core import groups
from safecity_reports.core.groups import (
    GroupStanding,
    disagreements,
    from_facts,
    from_ranking,
    group_phrase,
    group_standing,
    latest_ranking,
)
from safecity_reports.core.model import (
    GroupFacts,
    GroupSide,
    Polarity,
    RankedArea,
    Ranking,
    Unit,
)
from safecity_reports.core.periods import parse_period
from test_verdicts import measure, report

HIGH, LOW, NONE = Polarity.HIGH_IS_GOOD, Polarity.LOW_IS_GOOD, Polarity.NO_PREFERENCE
ABOVE, IN_LINE, BELOW = GroupSide.ABOVE, GroupSide.IN_LINE, GroupSide.BELOW
Q1, Q2, Q3 = (parse_period(f"2015/16 Q{n}") for n in (1, 2, 3))


def _ranking(
    *areas: tuple[str, float],
    own: str | None = "Ours",
    average: float | None = None,
    lower: float | None = None,
    upper: float | None = None,
    period=Q2,
    measure_id: str = "1.1",
    name: str = "",
) -> Ranking:
    listed = tuple(RankedArea(area, value, area == own) for area, value in areas)
    return Ranking(measure_id, period, listed, average, lower, upper, group_name=name)


# the own area 5 among 3, 8 and 9: 2nd from the lowest, 3rd from the highest
FOUR = (("Aston", 3.0), ("Ours", 5.0), ("Bury", 8.0), ("Crewe", 9.0))


def test_the_constants():
    # read through the module, so the value it holds now is the one checked
    assert groups.DEFAULT_GROUP_NAME == "comparison group"
    assert groups.DISTANCE_DECIMALS == 1  # a distance is printed to one place, like "+25.0%"


# (areas, polarity, the own area's rank, rank 1 is the lowest)
RANKS = [
    (FOUR, LOW, 2, True),
    (FOUR, NONE, 2, True),  # no preference counts from the lowest, like low is good
    (FOUR, HIGH, 3, False),
    # tied at 5 with Bury: both 2nd from the lowest (Crewe 4th); from the highest both 2nd
    ((("Aston", 3.0), ("Ours", 5.0), ("Bury", 5.0), ("Crewe", 9.0)), LOW, 2, True),
    ((("Aston", 3.0), ("Ours", 5.0), ("Bury", 5.0), ("Crewe", 9.0)), HIGH, 2, False),
    ((("Ours", 5.0),), HIGH, 1, False),  # alone in its group
]


@pytest.mark.parametrize(("areas", "polarity", "rank", "one_is_lowest"), RANKS)
def test_the_rank_counts_from_the_best_end(areas, polarity, rank, one_is_lowest):
    standing = from_ranking(_ranking(*areas), polarity)
    assert (standing.rank, standing.rank_one_is_lowest) == (rank, one_is_lowest)
    assert standing.size == len(areas)
    assert standing.from_full_group is True


# (given average, own area, the average used, the distance in per cent of it)
AVERAGES = [
    (4.0, "Ours", 4.0, 25.0),  # (5 - 4) / 4 = +25%
    (10.0, "Ours", 10.0, -50.0),  # (5 - 10) / 10 = -50%
    (None, "Ours", 6.25, -20.0),  # the mean of 3, 5, 8, 9 is 6.25; (5 - 6.25) / 6.25 = -20%
    (0.0, "Ours", 0.0, None),  # no distance from an average of 0
    (4.0, None, 4.0, None),  # no own area: no distance
    (None, None, 6.25, None),
]


@pytest.mark.parametrize(("given", "own", "average", "distance"), AVERAGES)
def test_the_average_and_the_distance_from_it(given, own, average, distance):
    standing = from_ranking(_ranking(*FOUR, own=own, average=given), LOW)
    assert standing.average == average
    if distance is None:
        assert standing.distance is None
    else:
        assert standing.distance == pytest.approx(distance)


def test_a_group_without_areas():
    standing = from_ranking(_ranking(), LOW)
    assert (standing.size, standing.rank, standing.average, standing.distance) == (
        0,
        None,
        None,
        None,
    )
    assert standing.position is None


# (own figure, lower limit, upper limit, position): strictly beyond a limit is above or below
POSITIONS = [
    (5.0, 4.0, 6.0, IN_LINE),
    (6.0, 4.0, 6.0, IN_LINE),  # exactly on the upper limit
    (6.5, 4.0, 6.0, ABOVE),
    (4.0, 4.0, 6.0, IN_LINE),  # exactly on the lower limit
    (3.5, 4.0, 6.0, BELOW),
    (3.5, None, 6.0, IN_LINE),  # upper limit only: nothing is below
    (6.5, None, 6.0, ABOVE),
    (6.5, 4.0, None, IN_LINE),  # lower limit only: nothing is above
    (3.5, 4.0, None, BELOW),
    (5.0, None, None, None),  # no limits: no position
]


@pytest.mark.parametrize(("own", "lower", "upper", "position"), POSITIONS)
def test_the_position_against_the_limits(own, lower, upper, position):
    areas = (("Aston", 3.0), ("Ours", own), ("Bury", 8.0))
    for polarity in (LOW, HIGH, NONE):  # the position does not depend on the polarity
        standing = from_ranking(_ranking(*areas, lower=lower, upper=upper), polarity)
        assert standing.position is position
        assert standing.warning is False  # no funnel


def test_no_own_area_has_no_position():
    standing = from_ranking(_ranking(*FOUR, own=None, lower=4.0, upper=6.0), LOW)
    assert standing.position is None and standing.rank is None


def _funnel(ours: tuple[float, float], lower=None, upper=None) -> Ranking:
    """The funnel table's groups: events and population per area, the rate per 1,000 as figure."""
    rows = (("Ours", *ours), ("Theirs", 20.0, 10_000.0), ("Others", 10.0, 5_000.0))
    listed = tuple(
        RankedArea(name, count / population * 1000, name == "Ours", count, population)
        for name, count, population in rows
    )
    return Ranking("1.1", Q2, listed, None, lower, upper)


# (own events and population, limits, unit, position, warning)
FUNNELS = [
    # 100 in 10,000 (10 per 1,000) against the group's 130 in 25,000 (5.2): above beyond chance
    # at 99.8%, and so at 95%; the funnel's side wins over the limits' "in line"
    ((100.0, 10_000.0), (0.0, 20.0), Unit.RATE_PER_1000, ABOVE, True),
    # the same figures as a count: no funnel, the limits decide (10 is on or between 0 and 20)
    ((100.0, 10_000.0), (0.0, 20.0), Unit.COUNT, IN_LINE, False),
    ((100.0, 10_000.0), (0.0, 20.0), None, IN_LINE, False),
    # 30 in 10,000 (3 per 1,000) against 60 in 25,000 (2.4): well within chance at 95%; the
    # funnel says in line although the figure 3 is above the upper limit 2
    ((30.0, 10_000.0), (0.0, 2.0), Unit.RATE_PER_1000, IN_LINE, False),
    ((30.0, 10_000.0), (0.0, 2.0), Unit.COUNT, ABOVE, False),
    # no limits: the funnel's position alone
    ((100.0, 10_000.0), (None, None), Unit.RATE_PER_1000, ABOVE, True),
]


@pytest.mark.parametrize(("ours", "limits", "unit", "position", "warning"), FUNNELS)
def test_the_funnel_plot_decides_the_position_where_it_is_drawn(
    ours, limits, unit, position, warning
):
    standing = from_ranking(_funnel(ours, *limits), LOW, unit)
    assert standing.position is position
    assert standing.warning is warning


def test_a_funnel_without_an_own_area_has_no_position():
    ranking = _funnel((100.0, 10_000.0), 0.0, 20.0)
    ranking = replace(ranking, areas=tuple(replace(a, is_own_area=False) for a in ranking.areas))
    standing = from_ranking(ranking, LOW, Unit.RATE_PER_1000)
    assert standing.position is None and standing.warning is False


@pytest.mark.parametrize(
    ("name", "expected"),
    [("", "comparison group"), ("Most Similar Group", "Most Similar Group")],
)
def test_the_groups_name_or_the_default(name, expected):
    assert from_ranking(_ranking(*FOUR, name=name), LOW).group_name == expected
    assert from_facts(GroupFacts("1.1", Q2, group_name=name)).group_name == expected


def test_typed_facts_are_taken_as_typed():
    facts = GroupFacts("1.1", Q1, "North", "MSG", 15, 4, False, BELOW, -12.5, 40.0)
    assert from_facts(facts) == GroupStanding(
        Q1, "MSG", 15, 4, False, BELOW, -12.5, 40.0, from_full_group=False, warning=False
    )
    empty = from_facts(GroupFacts("1.1", Q2))
    assert (empty.size, empty.rank, empty.position, empty.distance, empty.average) == ((None,) * 5)
    assert empty.rank_one_is_lowest is None and empty.from_full_group is False


def _rankings():
    """1.1 for Q1, Q2 and Q3 (own figure 1, 2, 3) and 1.2 for Q2 (own figure 7)."""
    return (
        _ranking(("Ours", 1.0), period=Q1),
        _ranking(("Ours", 3.0), period=Q3),
        _ranking(("Ours", 2.0), period=Q2),
        _ranking(("Ours", 7.0), period=Q2, measure_id="1.2"),
    )


# (measure, reporting period, the own figure of the ranking found, or None)
LATEST = [
    ("1.1", Q2, 2.0),  # Q2 ends exactly at the reporting period's end; Q3 is later
    ("1.1", Q3, 3.0),
    ("1.1", Q1, 1.0),
    ("1.2", Q3, 7.0),
    ("1.2", Q1, None),  # 1.2's only ranking is later
    ("1.3", Q3, None),
]


@pytest.mark.parametrize(("measure_id", "reporting", "figure"), LATEST)
def test_the_latest_ranking_by_the_reporting_period(measure_id, reporting, figure):
    found = latest_ranking(report(measure(1.0, 2.0), rankings=_rankings()), measure_id, reporting)
    assert (found.areas[0].value if found else None) == figure


def _facts():
    return (
        GroupFacts("1.1", Q1, group_size=11),
        GroupFacts("1.1", Q3, group_size=13),
        GroupFacts("1.1", Q2, group_size=12),
        GroupFacts("1.1", Q2, area="North", group_size=22),
        GroupFacts("1.2", Q2, group_size=32),
    )


# (rankings given, area, measure, reporting, from the full group, size) ; None: no standing
STANDINGS = [
    (True, "", "1.1", Q2, True, 1),  # the full group wins for the partnership's own area
    (False, "", "1.1", Q2, False, 12),  # else the latest typed row by the period's end
    (False, "", "1.1", Q3, False, 13),
    (False, "", "1.1", Q1, False, 11),
    (True, "North", "1.1", Q2, False, 22),  # an area's standing is always typed
    (False, "North", "1.1", Q1, None, None),  # North's only row is later
    (False, "South", "1.1", Q3, None, None),
    (False, "", "1.2", Q3, False, 32),
    (True, "", "1.3", Q3, None, None),
]


@pytest.mark.parametrize(("full", "area", "measure_id", "reporting", "derived", "size"), STANDINGS)
def test_the_standing_by_the_reporting_period(full, area, measure_id, reporting, derived, size):
    rankings = _rankings() if full else ()
    r = report(measure(1.0, 2.0), rankings=rankings, group_facts=_facts())
    standing = group_standing(r, measure_id, LOW, reporting, area)
    if derived is None:
        assert standing is None
    else:
        assert (standing.from_full_group, standing.size) == (derived, size)


def test_the_standing_reads_the_measures_unit_for_its_funnel():
    # 1.2, a count, is listed before 1.1, a rate: 1.1's own unit draws its funnel
    rate = measure(1.0, 2.0, unit=Unit.RATE_PER_1000)
    count = replace(measure(1.0, 2.0, unit=Unit.COUNT), id="1.2")
    r = report(rate, rankings=(_funnel((100.0, 10_000.0), 0.0, 20.0),))
    action = replace(r.priorities[0].actions[0], measures=(count, rate))
    r = replace(r, priorities=(replace(r.priorities[0], actions=(action,)),))
    standing = group_standing(r, "1.1", LOW, Q2)
    assert standing is not None
    assert standing.position is ABOVE and standing.warning is True  # the funnel, not the limits


# (group name, size, phrase)
PHRASES = [
    ("Most Similar Group", 15, "the Most Similar Group (15 areas)"),
    ("The Most Similar Group", 15, "The Most Similar Group (15 areas)"),
    ("the core cities", 8, "the core cities (8 areas)"),
    ("Thematic group", None, "the Thematic group"),
    ("Theme group", 0, "the Theme group"),  # 'The' only as a word of its own
]


@pytest.mark.parametrize(("name", "size", "phrase"), PHRASES)
def test_the_groups_phrase(name, size, phrase):
    standing = GroupStanding(Q2, name, size, None, True, None, None, None, False)
    assert group_phrase(standing) == phrase


# the full group: own 5 among 3, 8, 9 with average 4 and limits 4..6 -> 4 areas, 2nd from the
# lowest (3rd from the highest), in line, +25.0%
FULL = _ranking(*FOUR, average=4.0, lower=4.0, upper=6.0)

# (typed facts beyond measure and period, polarity, what is said)
DISAGREEMENTS = [
    ({}, LOW, []),
    ({"group_size": 4, "rank": 2, "position": IN_LINE, "distance": 25.0}, LOW, []),
    ({"group_size": 5}, LOW, ["Group size 5 but the Rankings sheet lists 4"]),
    (
        {"rank": 3, "rank_one_is_lowest": True},
        LOW,
        ["Rank 3 but the figures on the Rankings sheet put it 2 of 4 (1 = lowest)"],
    ),
    # no direction typed: 3rd may be counted from either end, and 3rd from the highest is 2nd
    ({"rank": 3}, LOW, []),
    ({"rank": 1}, LOW, ["Rank 1 but the figures on the Rankings sheet put it 2 of 4 (1 = lowest)"]),
    # typed from the highest: 3rd from the highest is 2nd from the lowest
    ({"rank": 3, "rank_one_is_lowest": False}, LOW, []),
    (
        {"rank": 2, "rank_one_is_lowest": False},
        LOW,
        ["Rank 2 but the figures on the Rankings sheet put it 3 of 4 (1 = highest)"],
    ),
    # high is good: the derived rank is 3 counted from the highest
    ({"rank": 3, "rank_one_is_lowest": False}, HIGH, []),
    ({"rank": 2, "rank_one_is_lowest": True}, HIGH, []),
    (
        {"rank": 4, "rank_one_is_lowest": False},
        HIGH,
        ["Rank 4 but the figures on the Rankings sheet put it 3 of 4 (1 = highest)"],
    ),
    (
        {"rank": 1, "rank_one_is_lowest": True},
        HIGH,
        ["Rank 1 but the figures on the Rankings sheet put it 2 of 4 (1 = lowest)"],
    ),
    (
        {"position": ABOVE},
        LOW,
        ["Position Above but the Rankings and Group limits sheets put it In line"],
    ),
    ({"position": IN_LINE}, HIGH, []),
    # the distance: more than half a point apart after rounding to one place
    ({"distance": 25.5}, LOW, []),
    ({"distance": 24.5}, LOW, []),
    ({"distance": 25.54}, LOW, []),  # 25.5 to one place
    ({"distance": 25.56}, LOW, ["Distance from average 25.6% but the figures give 25.0%"]),
    ({"distance": 24.44}, LOW, ["Distance from average 24.4% but the figures give 25.0%"]),
    (
        {"group_size": 5, "rank": 1, "position": BELOW, "distance": -3.0},
        LOW,
        [
            "Group size 5 but the Rankings sheet lists 4",
            "Rank 1 but the figures on the Rankings sheet put it 2 of 4 (1 = lowest)",
            "Position Below but the Rankings and Group limits sheets put it In line",
            "Distance from average -3.0% but the figures give 25.0%",
        ],
    ),
]


@pytest.mark.parametrize(("typed", "polarity", "said"), DISAGREEMENTS)
def test_where_typed_facts_contradict_the_full_group(typed, polarity, said):
    assert disagreements(FULL, GroupFacts("1.1", Q2, **typed), polarity) == said


def test_a_derived_distance_is_compared_as_rounded():
    # own 5 against an average of 3: +66.666...%, 66.7 to one place
    ranking = _ranking(*FOUR, average=3.0)
    assert disagreements(ranking, GroupFacts("1.1", Q2, distance=67.2), LOW) == []
    assert disagreements(ranking, GroupFacts("1.1", Q2, distance=66.2), LOW) == []
    assert disagreements(ranking, GroupFacts("1.1", Q2, distance=67.3), LOW) == [
        "Distance from average 67.3% but the figures give 66.7%"
    ]


def test_nothing_derived_nothing_compared():
    # no own area and no limits: no rank, position or distance to compare with
    ranking = _ranking(*FOUR, own=None, average=4.0)
    typed = GroupFacts("1.1", Q2, group_size=4, rank=1, position=ABOVE, distance=99.0)
    assert disagreements(ranking, typed, LOW) == []
