"""Everything the report works out from the recorded figures: arrows, judgements, RAG, positions.

Pure functions of the model. Figures are compared as printed (rounded to the measure's
decimal places, see ``formatting.rounded``), so an arrow or a "better than" can never
contradict the numbers beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from safecity_reports.core.formatting import rounded
from safecity_reports.core.model import (
    Measure,
    NotAvailable,
    Observation,
    Pair,
    Polarity,
    RankedArea,
    Ranking,
    Report,
    Settings,
    Unit,
    Value,
)
from safecity_reports.core.periods import Period, previous_period


class Direction(Enum):
    """Which way a figure moved between two periods."""

    UP = "up"
    DOWN = "down"
    SAME = "no change"
    NOT_AVAILABLE = "not available"


class Judgement(Enum):
    """Whether a movement is good news, given the measure's polarity."""

    IMPROVING = "improving"
    WORSENING = "worsening"
    NO_CHANGE = "no change"
    NOT_JUDGED = "not judged"


class BenchmarkStatus(Enum):
    """The partnership's figure against its benchmark.

    HIGHER and LOWER are used only for measures with no preferred direction.
    """

    BETTER = "better than"
    WORSE = "worse than"
    IN_LINE = "in line with"
    HIGHER = "higher than"
    LOWER = "lower than"
    NOT_AVAILABLE = "not available"


class TargetStatus(Enum):
    """The partnership's figure against the measure's target (green, amber, red)."""

    MET = "met"
    NEAR = "near"
    MISSED = "missed"
    NO_TARGET = "no target"
    NOT_AVAILABLE = "not available"


class GroupPosition(Enum):
    """Where the own area lies against a comparison group's normal range."""

    ABOVE = "above the normal range"
    IN_LINE = "within the normal range"
    BELOW = "below the normal range"


def _as_printed(value: Value | None, unit: Unit, decimals: int) -> float | None:
    """The number a printed figure stands for; None when nothing comparable is printed.

    A pair stands for its total; pairs and ranks print without decimals.
    """
    if value is None or isinstance(value, NotAvailable):
        return None
    if isinstance(value, Pair):
        return rounded(value.first, 0) + rounded(value.second, 0)
    return rounded(value, 0 if unit is Unit.RANK else decimals)


def direction_of_travel(
    previous: Value | None, current: Value | None, unit: Unit, decimals: int
) -> Direction:
    """The direction from ``previous`` to ``current``, comparing the figures as printed.

    Figures equal once rounded to ``decimals`` are SAME (0.121 and 0.118 at two places).
    A pair compares its total (11 / 2 to 0 / 0 is DOWN); a rank compares position numbers
    (15th to 14th is DOWN). No figure or a not-available figure on either side gives
    NOT_AVAILABLE.
    """
    before = _as_printed(previous, unit, decimals)
    after = _as_printed(current, unit, decimals)
    if before is None or after is None:
        return Direction.NOT_AVAILABLE
    if after > before:
        return Direction.UP
    if after < before:
        return Direction.DOWN
    return Direction.SAME


def judgement(direction: Direction, polarity: Polarity) -> Judgement:
    """Whether ``direction`` is good news for a measure of ``polarity``.

    UP is IMPROVING when high is good and WORSENING when low is good (and DOWN the reverse);
    SAME is NO_CHANGE; an unknown direction or a measure with no preferred direction is
    NOT_JUDGED. Rank measures are recorded as low-is-good, so they need no special case.
    """
    if direction is Direction.SAME:
        return Judgement.NO_CHANGE
    if direction is Direction.NOT_AVAILABLE or polarity is Polarity.NO_PREFERENCE:
        return Judgement.NOT_JUDGED
    went_up = direction is Direction.UP
    high_is_good = polarity is Polarity.HIGH_IS_GOOD
    return Judgement.IMPROVING if went_up == high_is_good else Judgement.WORSENING


def against_benchmark(
    actual: Value | None,
    benchmark: Value | None,
    polarity: Polarity,
    unit: Unit,
    decimals: int,
) -> BenchmarkStatus:
    """The actual figure against the benchmark, comparing the figures as printed.

    Equal as printed is IN_LINE; otherwise BETTER or WORSE by the polarity, or HIGHER or
    LOWER for a measure with no preferred direction. No figure or a not-available figure on
    either side gives NOT_AVAILABLE.
    """
    ours = _as_printed(actual, unit, decimals)
    theirs = _as_printed(benchmark, unit, decimals)
    if ours is None or theirs is None:
        return BenchmarkStatus.NOT_AVAILABLE
    if ours == theirs:
        return BenchmarkStatus.IN_LINE
    higher = ours > theirs
    if polarity is Polarity.NO_PREFERENCE:
        return BenchmarkStatus.HIGHER if higher else BenchmarkStatus.LOWER
    better = higher == (polarity is Polarity.HIGH_IS_GOOD)
    return BenchmarkStatus.BETTER if better else BenchmarkStatus.WORSE


def _exact(x: float) -> Decimal:
    # The number as typed, so that 1.1 short of 0.9 is exactly 0.2 and not 0.2000000001.
    return Decimal(repr(float(x)))


def against_target(
    actual: Value | None,
    target: float | None,
    tolerance: float | None,
    polarity: Polarity,
    *,
    decimals: int | None = None,
) -> TargetStatus:
    """The actual figure against a target: MET, NEAR (amber) or MISSED.

    At or beyond the target in the good direction is MET; short of it by no more than
    ``tolerance`` (None means 0) is NEAR; further short is MISSED. With no preferred
    direction, within ``tolerance`` either side is MET and anything else MISSED. No target
    gives NO_TARGET; no figure, a not-available figure or a pair gives NOT_AVAILABLE.
    Given ``decimals``, the actual figure is taken as printed to that many places.
    """
    if target is None:
        return TargetStatus.NO_TARGET
    if actual is None or isinstance(actual, NotAvailable | Pair):
        return TargetStatus.NOT_AVAILABLE
    value = _exact(actual if decimals is None else rounded(actual, decimals))
    allowed = _exact(tolerance or 0.0)
    if polarity is Polarity.NO_PREFERENCE:
        return TargetStatus.MET if abs(value - _exact(target)) <= allowed else TargetStatus.MISSED
    shortfall = _exact(target) - value
    if polarity is Polarity.LOW_IS_GOOD:
        shortfall = -shortfall
    if shortfall <= 0:
        return TargetStatus.MET
    return TargetStatus.NEAR if shortfall <= allowed else TargetStatus.MISSED


def ranked(ranking: Ranking, polarity: Polarity) -> tuple[tuple[int, RankedArea], ...]:
    """The areas with their positions 1..n, position 1 the best.

    Lowest value first for low-is-good and no-preference measures, highest first for
    high-is-good. Tied areas keep the order they are listed in and take consecutive
    positions (Plymouth 3rd and Gloucester 4th, both at 76).
    """
    sign = -1 if polarity is Polarity.HIGH_IS_GOOD else 1
    in_order = sorted(ranking.areas, key=lambda area: sign * area.value)
    return tuple(enumerate(in_order, start=1))


def own_position(ranking: Ranking, polarity: Polarity) -> int | None:
    """The own area's position in ``ranked``, or None if no area is marked as the own area."""
    return next((pos for pos, area in ranked(ranking, polarity) if area.is_own_area), None)


def group_position(ranking: Ranking) -> GroupPosition | None:
    """The own area against the group's normal range.

    Strictly above the upper limit is ABOVE, strictly below the lower limit is BELOW, on or
    between the limits is IN_LINE. None when there is no own area or neither limit is given;
    with one limit only, the other side is unbounded.
    """
    own = next((area for area in ranking.areas if area.is_own_area), None)
    if own is None or (ranking.lower_limit is None and ranking.upper_limit is None):
        return None
    if ranking.upper_limit is not None and own.value > ranking.upper_limit:
        return GroupPosition.ABOVE
    if ranking.lower_limit is not None and own.value < ranking.lower_limit:
        return GroupPosition.BELOW
    return GroupPosition.IN_LINE


@dataclass(frozen=True)
class MeasureStatus:
    """What the report says about one measure for the reporting period."""

    measure: Measure
    """The measure."""
    current: Observation | None
    """The latest observation whose period ends on or before the reporting period's end."""
    previous: Observation | None
    """The observation just before ``current`` in the series."""
    direction: Direction
    """From ``previous`` to ``current``."""
    judgement: Judgement
    """Whether ``direction`` is good news."""
    year_ago: Observation | None
    """The observation for the same length of period a year before ``current``, if recorded."""
    year_direction: Direction
    """From ``year_ago`` to ``current``."""
    year_judgement: Judgement
    """Whether ``year_direction`` is good news."""
    benchmark: BenchmarkStatus
    """``current`` against its own benchmark figure."""
    target: TargetStatus
    """``current`` against the measure's target."""
    stated_otherwise: bool
    """True when ``previous`` and ``current`` are not for the comparison and reporting
    periods (or either is missing), so the summary must name the periods it compares."""


def measure_status(
    measure: Measure, reporting: Period, comparison: Period, area: str = ""
) -> MeasureStatus:
    """The status of ``measure`` when reporting on ``reporting`` against ``comparison``.

    Observations after the reporting period, and those of other areas than ``area`` ('' the
    partnership itself), are ignored. Figures are compared as printed to the measure's
    decimal places.
    """
    # Sorted by when periods end; stable, so a repeated period keeps the later row last.
    series = [
        obs
        for obs in sorted(measure.observations, key=lambda o: o.period)
        if obs.period.end <= reporting.end and obs.area == area
    ]
    current = series[-1] if series else None
    previous = series[-2] if len(series) > 1 else None
    year_ago = None
    if current is not None:
        year_ago = next(
            (obs for obs in reversed(series) if obs.period.is_year_before(current.period)), None
        )

    def value(obs: Observation | None) -> Value | None:
        return None if obs is None else obs.actual

    direction = direction_of_travel(value(previous), value(current), measure.unit, measure.decimals)
    year_direction = direction_of_travel(
        value(year_ago), value(current), measure.unit, measure.decimals
    )
    return MeasureStatus(
        measure=measure,
        current=current,
        previous=previous,
        direction=direction,
        judgement=judgement(direction, measure.polarity),
        year_ago=year_ago,
        year_direction=year_direction,
        year_judgement=judgement(year_direction, measure.polarity),
        benchmark=against_benchmark(
            value(current),
            None if current is None else current.benchmark,
            measure.polarity,
            measure.unit,
            measure.decimals,
        ),
        target=against_target(
            value(current),
            measure.target,
            measure.tolerance,
            measure.polarity,
            decimals=measure.decimals,
        ),
        stated_otherwise=(
            previous is None
            or current is None
            or (previous.period, current.period) != (comparison, reporting)
        ),
    )


def comparison_period(settings: Settings) -> Period:
    """The period the report compares against: as set, or the one before the reporting period."""
    return settings.comparison_period or previous_period(settings.period)


def report_status(report: Report) -> dict[str, MeasureStatus]:
    """The status of every measure in the report, keyed by measure id, in report order."""
    reporting = report.settings.period
    comparison = comparison_period(report.settings)
    return {m.id: measure_status(m, reporting, comparison) for m in report.measures}
