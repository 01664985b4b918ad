"""Everything the report works out from the recorded figures: arrows, judgements, RAG, positions.

Pure functions of the model. Figures are compared as printed (rounded to the measure's
decimal places, see ``formatting.rounded``), so an arrow or a "better than" can never
contradict the numbers beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from safecity_reports.core.coverage import comparable, is_year_before
from safecity_reports.core.dispersion import series_dispersion
from safecity_reports.core.formatting import rounded
from safecity_reports.core.model import (
    CompareWith,
    FigureKind,
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
from safecity_reports.core.series import in_order
from safecity_reports.core.significance import ChangeTest, change_test
from safecity_reports.core.targets import (  # noqa: F401 (TargetStatus, against_target: callers find them here)
    TargetStatus,
    against_target,
    exact,
    target_status,
)
from safecity_reports.core.untested import Untested, why_untested
from safecity_reports.stats import Dispersion
from safecity_reports.stats.overdispersion import NONE


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
    LITTLE_CHANGE = "little change"
    NOT_SIGNIFICANT = "no significant change"
    """The figures differ, but by no more than chance would explain (issue 14)."""
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


def ranked(ranking: Ranking, polarity: Polarity) -> tuple[tuple[int, RankedArea], ...]:
    """The areas with their positions 1..n, position 1 the best: the one place positions are
    worked out, for the ranking page and for checking a rank measure's figure.

    Lowest value first for low-is-good and no-preference measures, highest first for
    high-is-good. Tied areas share a position, the one after the areas ahead of them, and are
    listed by name (Gloucester and Plymouth both 3rd at 76, Derby 5th): nothing in the figures
    puts one before the other, so neither the rows' order nor anything else decides it.
    """
    sign = -1 if polarity is Polarity.HIGH_IS_GOOD else 1
    listed = sorted(ranking.areas, key=lambda area: (sign * area.value, area.area.casefold()))
    positions: list[tuple[int, RankedArea]] = []
    for number, area in enumerate(listed, start=1):
        tied = positions and positions[-1][1].value == area.value
        positions.append((positions[-1][0] if tied else number, area))
    return tuple(positions)


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


def little_change(measure: Measure, before: Value | None, after: Value | None) -> bool:
    """Whether the change from ``before`` to ``after`` is smaller than the measure's stated
    "little change" (a size in its unit, or a percentage of ``before``). Without one, only
    a change too small to print counts, and that is already no change."""
    if measure.little_change is None:
        return False
    first = _as_printed(before, measure.unit, measure.decimals)
    second = _as_printed(after, measure.unit, measure.decimals)
    if first is None or second is None:
        return False
    size = abs(exact(second) - exact(first))  # as printed: 1.2 - 1.0 is 0.2, not 0.1999...
    if measure.little_change_relative:
        return size * 100 < exact(measure.little_change) * exact(abs(first))
    return size < exact(measure.little_change)


def compared(
    measure: Measure, before: Value | None, after: Value | None
) -> tuple[Direction, Judgement]:
    """The direction from ``before`` to ``after`` and what it means for ``measure``: a change
    smaller than the measure's "little change" is LITTLE_CHANGE, never better or worse."""
    direction = direction_of_travel(before, after, measure.unit, measure.decimals)
    meaning = judgement(direction, measure.polarity)
    if direction in (Direction.UP, Direction.DOWN) and little_change(measure, before, after):
        meaning = Judgement.LITTLE_CHANGE
    return direction, meaning


def tested(direction: Direction, meaning: Judgement, test: ChangeTest | None) -> Judgement:
    """``meaning``, unless a change that the test finds no more than chance: that is
    NOT_SIGNIFICANT (never better or worse). Untested changes and little change keep theirs."""
    if (
        test is not None
        and not test.significant
        and direction in (Direction.UP, Direction.DOWN)
        and meaning is not Judgement.LITTLE_CHANGE
    ):
        return Judgement.NOT_SIGNIFICANT
    return meaning


def basis_for(measure: Measure, compare_with: CompareWith | None) -> CompareWith:
    """The comparison basis for ``measure``: as set for the report, or by its kind of figure.

    Year-to-date and rolling figures default to the same period a year earlier, others to the
    previous period; survey waves are always compared with the previous wave.
    """
    if measure.kind is FigureKind.SURVEY_WAVE:
        return CompareWith.PREVIOUS_PERIOD
    if compare_with is not None:
        return compare_with
    if measure.kind in (FigureKind.YEAR_TO_DATE, FigureKind.ROLLING_12_MONTHS):
        return CompareWith.SAME_PERIOD_A_YEAR_EARLIER
    return CompareWith.PREVIOUS_PERIOD


@dataclass(frozen=True)
class MeasureStatus:
    """What the report says about one measure for the reporting period."""

    measure: Measure
    """The measure."""
    current: Observation | None
    """The latest observation whose period ends on or before the reporting period's end."""
    previous: Observation | None
    """The figure ``current`` is compared with on the comparison basis; None when the series
    has no earlier figure covering the same length of time."""
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
    up_to_date: bool = True
    """Whether ``current`` is the figure for the reporting period (ends when it ends)."""
    basis: CompareWith = CompareWith.PREVIOUS_PERIOD
    """What ``current`` is compared with."""
    not_comparable: Observation | None = None
    """The figure just before ``current`` when it covers a different length of time, so it is
    not compared (and ``previous`` is None)."""
    baseline_direction: Direction = Direction.NOT_AVAILABLE
    """From the measure's baseline to ``current``, where they cover the same length of time."""
    baseline_judgement: Judgement = Judgement.NOT_JUDGED
    """Whether ``baseline_direction`` is good news."""
    reporting: Period | None = None
    """The period the report is for."""
    test: ChangeTest | None = None
    """The test of the change from ``previous`` to ``current`` against chance; None where the
    events behind either figure are not known (the change cannot be tested)."""
    year_test: ChangeTest | None = None
    """The same test of the change from ``year_ago`` to ``current``."""
    confidence: float = 0.95
    """The level of the tests and intervals."""
    population: float | None = None
    """The partnership's population (Settings), which turns into counts the rates of the
    measures that say it applies (``counts.stated_population``)."""
    untested: Untested | None = None
    """Why the change from ``previous`` to ``current`` of a rate or percentage was not tested;
    None where it was, or cannot be (``untested.why_untested``)."""
    dispersion: Dispersion = NONE
    """How much more the measure's like periods vary than chance (``core.dispersion``): the
    tests and the intervals are widened by its ``phi``."""

    @property
    def late(self) -> bool:
        """Whether the measure has figures, but none for the reporting period."""
        return self.current is not None and not self.up_to_date


def _earlier(
    series: list[Observation], current: Observation, kind: FigureKind
) -> list[Observation]:
    return [o for o in series[:-1] if comparable(o.period, current.period, kind)]


def measure_status(
    measure: Measure,
    reporting: Period,
    comparison: Period,
    compare_with: CompareWith | None = None,
    area: str = "",
    population: float | None = None,
    confidence: float = 0.95,
) -> MeasureStatus:
    """The status of ``measure`` when reporting on ``reporting`` against ``comparison``.

    Observations after the reporting period, and those of other areas than ``area`` ('' the
    partnership itself), are ignored. ``current`` is compared only with a
    figure that covers the same length of time (``coverage.comparable``): on the previous
    period basis the latest such figure (``comparison`` itself where it is recorded), on the
    year-earlier basis the same period a year before. Figures are compared as printed to the
    measure's decimal places. Where the events behind both figures are known
    (``significance.events``, with ``population`` the partnership's), a change that chance
    would explain at ``confidence`` is NOT_SIGNIFICANT.
    """
    kind = measure.kind
    basis = basis_for(measure, compare_with)
    # In period order (``series.in_order``), whatever the order of the rows.
    series = [
        obs
        for obs in in_order(measure.observations)
        if obs.period.end <= reporting.end and obs.area == area
    ]
    current = series[-1] if series else None
    previous = year_ago = not_comparable = None
    if current is not None:
        earlier = _earlier(series, current, kind)
        year_ago = next(
            (o for o in reversed(earlier) if is_year_before(o.period, current.period, kind)), None
        )
        if basis is CompareWith.SAME_PERIOD_A_YEAR_EARLIER:
            previous = year_ago
        else:
            named = [o for o in earlier if o.period == comparison and current.period == reporting]
            previous = named[-1] if named else (earlier[-1] if earlier else None)
        if len(series) > 1 and not comparable(series[-2].period, current.period, kind):
            not_comparable = series[-2]

    def value(obs: Observation | None) -> Value | None:
        return None if obs is None else obs.actual

    direction, meaning = compared(measure, value(previous), value(current))
    year_direction, year_meaning = compared(measure, value(year_ago), value(current))
    spread = series_dispersion(measure, current, population)
    test = change_test(measure, previous, current, population, confidence, spread)
    year_test = change_test(measure, year_ago, current, population, confidence, spread)
    untested = why_untested(measure, previous, current, population, test)
    meaning = tested(direction, meaning, test)
    year_meaning = tested(year_direction, year_meaning, year_test)
    baseline_direction, baseline_meaning = Direction.NOT_AVAILABLE, Judgement.NOT_JUDGED
    if (
        current is not None
        and measure.baseline is not None
        and comparable(measure.baseline.period, current.period, kind)
    ):
        baseline_direction, baseline_meaning = compared(
            measure, measure.baseline.value, value(current)
        )
    up_to_date = current is not None and current.period.end == reporting.end
    expected = comparison if basis is CompareWith.PREVIOUS_PERIOD else None
    return MeasureStatus(
        measure=measure,
        current=current,
        previous=previous,
        direction=direction,
        judgement=meaning,
        year_ago=year_ago,
        year_direction=year_direction,
        year_judgement=year_meaning,
        benchmark=against_benchmark(
            value(current),
            None if current is None else current.benchmark,
            measure.polarity,
            measure.unit,
            measure.decimals,
        ),
        target=target_status(measure, current, year_ago),
        stated_otherwise=(
            previous is None
            or current is None
            or not up_to_date
            or (expected is not None and previous.period != expected)
        ),
        up_to_date=up_to_date,
        basis=basis,
        not_comparable=not_comparable,
        baseline_direction=baseline_direction,
        baseline_judgement=baseline_meaning,
        reporting=reporting,
        test=test,
        year_test=year_test,
        confidence=confidence,
        population=population,
        untested=untested,
        dispersion=spread,
    )


def comparison_period(settings: Settings) -> Period:
    """The period the report compares against: as set, or the one before the reporting period."""
    return settings.comparison_period or previous_period(settings.period)


_last_status: tuple[Report, dict[str, MeasureStatus]] | None = None
"""The last report asked about and its statuses: the workbook's checks ask about one report
several times (its figures in time, its printed changes), and a report never changes."""


def report_status(report: Report) -> dict[str, MeasureStatus]:
    """The status of every measure in the report, keyed by measure id, in report order."""
    global _last_status
    if _last_status is None or _last_status[0] is not report:
        _last_status = (report, _report_status(report))
    return dict(_last_status[1])


def _report_status(report: Report) -> dict[str, MeasureStatus]:
    reporting = report.settings.period
    comparison = comparison_period(report.settings)
    settings = report.settings
    return {
        m.id: measure_status(
            m,
            reporting,
            comparison,
            settings.compare_with,
            population=settings.population,
            confidence=settings.confidence,
        )
        for m in report.measures
    }
