"""A comparison group as a funnel plot (``core.funnel``), as tables: which groups have one (every
unit; areas without events or a population; exactly the fewest areas), the group's rate, each
area's, the own area's side and the limit curves (issue 21: the verdicts tested as tables).

Rates are worked out by hand; the sides are clear of the limits by a wide margin (see each)."""

from __future__ import annotations

import math

import pytest

from safecity_reports.core.funnel import CURVE_STEPS, FEWEST_AREAS, funnel_of
from safecity_reports.core.model import GroupSide, RankedArea, Ranking, Unit
from safecity_reports.core.periods import parse_period
from safecity_reports.stats import funnel_limits

YEAR = parse_period("2015/16")


def _ranking(*areas: tuple[str, float | None, float | None], own: str | None = "Ours") -> Ranking:
    """Areas as (name, events, population); the rate as the figure where both are given."""
    listed = tuple(
        RankedArea(
            name,
            0.0 if count is None or not population else count / population * 1000,
            name == own,
            count,
            population,
        )
        for name, count, population in areas
    )
    return Ranking("1.4", YEAR, listed)


GROUP = (("Ours", 30, 10_000), ("Theirs", 20, 10_000), ("Others", 10, 5_000))


def test_a_funnel_needs_three_areas():
    assert FEWEST_AREAS == 3  # the table below is worked out for three


@pytest.mark.parametrize(
    ("unit", "multiplier"),
    [
        (Unit.RATE_PER_1000, 1000.0),
        (Unit.RATE_PER_10000, 10000.0),
        (Unit.PERCENTAGE, None),  # a percentage is not a rate of events
        (Unit.RATE, None),  # per some other number: no funnel is drawn
        (Unit.COUNT, None),
        (Unit.NUMBER, None),
        (Unit.RANK, None),
        (Unit.MONEY, None),
        (Unit.PAIR, None),
    ],
)
def test_only_a_rate_per_1000_or_10000_has_a_funnel(unit, multiplier):
    funnel = funnel_of(_ranking(*GROUP), unit)
    if multiplier is None:
        assert funnel is None
    else:
        assert funnel is not None and funnel.multiplier == multiplier


# (areas as (name, events, population), a funnel)
WHICH = [
    (GROUP, True),
    (GROUP[:2], False),  # two areas: a ranking says it all
    ((*GROUP, ("More", 8, 4_000)), True),
    # every area needs its events and a population above zero
    ((*GROUP[:2], ("Others", None, 5_000)), False),
    ((*GROUP[:2], ("Others", 10, None)), False),
    ((*GROUP[:2], ("Others", 10, 0)), False),
    ((*GROUP[:2], ("Others", 10, -5)), False),
    ((*GROUP[:2], ("Others", -1, 5_000)), False),
    ((*GROUP[:2], ("Others", -0.5, 5_000)), False),
    # no events at all in an area, or a population of one, is still an area
    ((*GROUP[:2], ("Others", 0, 5_000)), True),
    ((*GROUP[:2], ("Others", 0, 1)), True),
    ((*GROUP[:2], ("Others", 0.5, 5_000)), True),
]


@pytest.mark.parametrize(("areas", "drawn"), WHICH)
def test_which_groups_have_a_funnel(areas, drawn):
    assert (funnel_of(_ranking(*areas), Unit.RATE_PER_1000) is not None) is drawn


@pytest.mark.parametrize(("unit", "per"), [(Unit.RATE_PER_1000, 1000), (Unit.RATE_PER_10000, 1e4)])
def test_the_groups_rate_is_all_its_events_over_all_its_population(unit, per):
    funnel = funnel_of(_ranking(*GROUP), unit)
    assert funnel is not None
    assert funnel.group_rate == pytest.approx(60 / 25_000 * per)  # 2.4 per 1,000
    assert funnel.rates == pytest.approx((30 / 10_000 * per, 20 / 10_000 * per, 10 / 5_000 * per))
    assert funnel.areas == ("Ours", "Theirs", "Others")
    assert funnel.counts == (30.0, 20.0, 10.0)
    assert funnel.populations == (10_000.0, 10_000.0, 5_000.0)


# (areas, the own area's index, its side)
SIDES = [
    # 100 events in 10,000 is 10 per 1,000; its 99.8% interval starts near 7, far above the
    # group's 130 in 25,000 (5.2)
    ((("Ours", 100, 10_000), ("Theirs", 20, 10_000), ("Others", 10, 5_000)), 0, GroupSide.ABOVE),
    # 2 events in 10,000: its exact 99.8% interval ends near 1.1, below the group's 3.68
    ((("Theirs", 60, 10_000), ("Others", 30, 5_000), ("Ours", 2, 10_000)), 2, GroupSide.BELOW),
    # 30 in 10,000 against 2.4: well within chance
    ((("Theirs", 20, 10_000), ("Ours", 30, 10_000), ("Others", 10, 5_000)), 1, GroupSide.IN_LINE),
]


@pytest.mark.parametrize(("areas", "own", "side"), SIDES)
def test_the_own_areas_side_of_the_funnel(areas, own, side):
    funnel = funnel_of(_ranking(*areas), Unit.RATE_PER_1000)
    assert funnel is not None
    assert funnel.own == own and funnel.side is side
    assert funnel.position is not None
    words = {GroupSide.ABOVE: "above", GroupSide.BELOW: "below", GroupSide.IN_LINE: "in line"}
    assert funnel.position.position == words[side]


def test_without_an_own_area_there_is_no_side():
    funnel = funnel_of(_ranking(*GROUP, own=None), Unit.RATE_PER_1000)
    assert funnel is not None
    assert (funnel.own, funnel.position, funnel.side) == (None, None, None)


def test_the_curves_span_the_areas_populations_evenly_on_a_log_scale():
    funnel = funnel_of(_ranking(*GROUP), Unit.RATE_PER_1000)
    assert funnel is not None
    xs, limits = funnel.curves()
    assert len(xs) == CURVE_STEPS == 80
    assert xs[0] == pytest.approx(5_000 * 0.9) and xs[-1] == pytest.approx(10_000 * 1.1)
    ratios = [b / a for a, b in zip(xs, xs[1:], strict=False)]
    assert ratios == pytest.approx([(11_000 / 4_500) ** (1 / 79)] * 79)
    assert sorted(limits) == [0.95, 0.998]
    for level, (lower, upper) in limits.items():
        assert len(lower) == len(upper) == 80
        for i in (0, 40, 79):
            assert (lower[i], upper[i]) == pytest.approx(funnel_limits(2.4, xs[i], 1000, level))
            assert lower[i] < 2.4 < upper[i]
    # the 99.8% lines lie outside the 95% ones, and the funnel narrows as populations grow
    assert all(a < b for a, b in zip(limits[0.998][0], limits[0.95][0], strict=True))
    assert all(a > b for a, b in zip(limits[0.998][1], limits[0.95][1], strict=True))
    assert limits[0.998][1][0] > limits[0.998][1][-1]
    assert math.isclose(limits[0.95][0][0], funnel_limits(2.4, 4_500, 1000, 0.95)[0])
