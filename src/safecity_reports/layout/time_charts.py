"""Charts that do not mislead about time: a line chart's figures placed by when they were, year-to-date
figures grouped by year, and two figures as bars from zero.

A line chart's figures are evenly spaced only when each is the period straight after the one before,
all of one length. A quarter missing from a quarterly series is drawn as an empty place, named on the
axis; a series that mixes lengths (last year's figure for the whole year, then this year's quarters)
is drawn on a time axis, each figure at the middle of the time it covers, and its line joins only
figures of one length one after the other: a line from a year's figure to a quarter's would show a
fall or rise that is only the difference in length.

A line through running totals (April-June, April-September, April-December, then April-June
of the next year) falls at every new year although nothing fell: year-to-date figures are
drawn as bars, one set per year, against how far into the year each figure runs, so that each
bar is set beside the same months of the other years. Two figures joined by a line on an axis
cropped to them make any change look steep: they are drawn as bars from zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from safecity_reports.core.coverage import (
    comparable,
    covered,
    describe,
    follows,
    length_words,
    missing_between,
    months_between,
)
from safecity_reports.core.model import FigureKind, Measure, Observation, Unit
from safecity_reports.core.periods import Period
from safecity_reports.core.status import Direction, MeasureStatus
from safecity_reports.layout.chart_targets import profile_series, target_lines
from safecity_reports.layout.document import Chart, ChartKind, FigureBlock, Series
from safecity_reports.layout.names import listed
from safecity_reports.layout.narrative import active_title, value_text

_MOVES = {Direction.UP: "rose", Direction.DOWN: "fell", Direction.SAME: "was unchanged"}

_MONTHS = "January February March April May June July August September October November December"
_MONTH_NAMES = _MONTHS.split()


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _year_of(observation: Observation, kind: FigureKind) -> str:
    """The year a year-to-date figure belongs to: '2013/14' for April 2013 on, '2016'."""
    start = covered(observation.period, kind).start
    if start.month == 4:
        return f"{start.year}/{(start.year + 1) % 100:02d}"
    return str(start.year)


def _reach(observation: Observation, kind: FigureKind) -> str:
    """How far into its year a year-to-date figure runs: 'April to December'."""
    span = covered(observation.period, kind)
    first, last = _MONTH_NAMES[span.start.month - 1], _MONTH_NAMES[span.end.month - 1]
    return first if first == last else f"{first} to {last}"


def _with_years(
    reach: str, observed: Sequence[Observation], years: Sequence[str], kind: FigureKind
) -> str:
    """A place on the axis named with the calendar years its bars fall in, so that it reads
    on its own: 'April to September 2012 and 2013', 'April to June 2013'."""
    ends = sorted(
        {
            covered(o.period, kind).end.year
            for o in observed
            if _reach(o, kind) == reach and _year_of(o, kind) in years
        }
    )
    return f"{reach} {listed([str(year) for year in ends])}" if ends else reach


def year_to_date_chart(
    measure: Measure, status: MeasureStatus, axis: str, caption: str, name: str = ""
) -> FigureBlock | None:
    """Bars of the year-to-date figures: the months into the year along the bottom, one bar
    per year in each; None where the measure's figures are not year to date or fewer than two."""
    if measure.kind is not FigureKind.YEAR_TO_DATE:
        return None
    observed = [o for o in measure.observations if not o.area and _number(o.actual) is not None]
    if len(observed) < 2:
        return None
    kind = measure.kind
    reaches = sorted(
        {_reach(o, kind): covered(o.period, kind).months for o in observed}.items(),
        key=lambda item: item[1],
    )
    years = sorted({_year_of(o, kind) for o in observed})
    by_place = {(_year_of(o, kind), _reach(o, kind)): _number(o.actual) for o in observed}
    series = tuple(
        Series(year, tuple(by_place.get((year, reach)) for reach, _ in reaches)) for year in years
    )
    profiled = {
        _reach(o, kind): _number(o.profiled_target)
        for o in measure.observations
        if not o.area and _year_of(o, kind) == years[-1]
    }
    profile = profile_series(measure, years[-1], {r: profiled.get(r) for r, _ in reaches})
    drawn = years[-3:] if profile else years[-4:]  # at most four colours
    chart = Chart(
        ChartKind.BARS,
        active_title(status, name),
        tuple(_with_years(reach, observed, drawn, kind) for reach, _ in reaches),
        series[-len(drawn) :] + ((profile,) if profile else ()),
        axis,
        reference_lines=baseline_lines(measure, status),
        percent=measure.unit is Unit.PERCENTAGE,
        decimals=measure.decimals,
    )
    figures = "; ".join(
        f"{describe(o.period, kind) or o.period}: {value_text(measure, o.actual)}" for o in observed
    )
    alt = (
        f"Bar chart of {measure.name}, counted from the start of each year, by how far into"
        f" the year: {years[0]} to {years[-1]}. {figures}."
    )
    if profile:
        targets = "; ".join(
            f"{reach}: {value_text(measure, value)}"
            for (reach, _), value in zip(reaches, profile.values, strict=True)
            if value is not None
        )
        alt += f" {profile.name}: {targets}."
    return FigureBlock(chart, alt, caption)


def two_figure_chart(
    measure: Measure, status: MeasureStatus, axis: str, caption: str, benchmark: str, name: str = ""
) -> FigureBlock | None:
    """Two figures as bars from zero (with the benchmark's beside them, where given); None
    where the measure has more or fewer than two figures of its own, or two of different
    lengths (bars side by side would set a year against a quarter: a line chart draws them
    apart on a time axis)."""
    observed = [o for o in measure.observations if not o.area]
    actuals = tuple(_number(o.actual) for o in observed)
    if len(observed) != 2 or None in actuals:
        return None
    if not comparable(observed[0].period, observed[1].period, measure.kind):
        return None
    series = [Series("Actual", actuals)]
    marks = tuple(_number(o.benchmark) for o in observed)
    if any(v is not None for v in marks):
        series.append(Series(benchmark, marks))
    chart = Chart(
        ChartKind.BARS,
        active_title(status, name),
        tuple(o.period.label for o in observed),
        tuple(series),
        axis,
        reference_lines=baseline_lines(measure, status) + target_lines(measure),
        percent=measure.unit is Unit.PERCENTAGE,
        decimals=measure.decimals,
    )
    first, last = observed
    start, end = value_text(measure, first.actual), value_text(measure, last.actual)
    alt = f"Bar chart of {measure.name}, {first.period} and {last.period}: "
    if status.previous is first and status.current is last and status.direction in _MOVES:
        alt += f"{_MOVES[status.direction]} from {start} to {end}."  # as the sentences say
    else:  # not compared (different lengths of time): the figures only
        alt += f"{start} in {first.period} and {end} in {last.period}."
    return FigureBlock(chart, alt, caption)


def baseline_lines(measure: Measure, status: MeasureStatus) -> tuple[tuple[str, float], ...]:
    """The baseline as a labelled reference line, where it covers the same length of time as
    the current figure (a 12-month baseline drawn among 9-month figures would look like a
    fall that never happened)."""
    baseline, current = measure.baseline, status.current
    if baseline is None or current is None:
        return ()
    if not comparable(baseline.period, current.period, measure.kind):
        return ()
    return ((f"Baseline {baseline.period}", baseline.value),)


@dataclass(frozen=True)
class TimeAxis:
    """Where a line chart's figures go along its bottom: one place per category."""

    periods: tuple[Period, ...]
    """Each place's period, oldest first: the figures' own, and those missing between two."""
    labels: tuple[str, ...]
    """Each place's name on the axis: its period's label, with how long a time it covers for a
    figure of another length than the latest: '2012/13 (12 months)'."""
    figures: tuple[Observation | None, ...]
    """Each place's figure; None for a period missing between two figures of its length."""
    times: tuple[tuple[float, float], ...] = ()
    """As ``Chart.times``: empty where the places are evenly spaced."""
    lines: tuple[tuple[int, ...], ...] = ()
    """As ``Chart.lines``."""
    apart: tuple[int, ...] = ()
    """As ``Chart.apart``."""


def _length(period: Period, kind: FigureKind) -> tuple[int, int]:
    """What a figure may be joined with: the months it covers (and for a year to date, the
    month it starts in)."""
    span = covered(period, kind)
    return span.months, span.start.month if kind is FigureKind.YEAR_TO_DATE else 0


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def _places(
    observations: Sequence[Observation], kind: FigureKind
) -> list[tuple[Period, Observation | None]]:
    """The figures' periods, oldest first, with the periods missing between two figures for the
    period of one length (where no other figure covers any of that time)."""
    places: list[tuple[Period, Observation | None]] = [(o.period, o) for o in observations]
    if kind is not FigureKind.FOR_THE_PERIOD:
        return places  # a rolling or running figure overlaps those beside it; a date, none
    taken = [covered(o.period, kind) for o in observations]
    by_length: dict[tuple[int, int], list[Observation]] = {}
    for o in observations:
        by_length.setdefault(_length(o.period, kind), []).append(o)
    for same in by_length.values():
        for before, after in pairwise(same):
            places += [
                (period, None)
                for period in missing_between(before.period, after.period) or ()
                if not any(t.start <= period.end and period.start <= t.end for t in taken)
            ]
    return sorted(places, key=lambda place: place[0])  # stable: a repeated period keeps its order


def _runs(
    periods: Sequence[Period], figures: Sequence[object], kind: FigureKind
) -> list[tuple[int, ...]]:
    """The runs of places a line joins: figures of one length, each following the one before."""
    runs: list[tuple[int, ...]] = []
    for length in dict.fromkeys(_length(p, kind) for p in periods):
        run: list[int] = []
        for i, period in enumerate(periods):
            if _length(period, kind) != length:
                continue
            if not (
                run
                and figures[i] is not None
                and figures[run[-1]] is not None
                and follows(periods[run[-1]], period, kind)
            ):
                runs.append(tuple(run))
                run = []
            run.append(i)
        runs.append(tuple(run))
    return sorted(run for run in runs if len(run) > 1)


def time_axis(observations: Sequence[Observation], kind: FigureKind) -> TimeAxis:
    """The places of a line chart of ``observations`` (oldest first), and what its line joins.

    Evenly spaced where each figure is for the period straight after the one before and all
    cover one length (a period missing between two figures for the period gets an empty place
    of its own). Otherwise on a time axis, each figure at the middle of the time it covers: the
    line joins only figures that ``follow`` one another, and figures of another length than the
    latest are drawn apart.
    """
    observations = sorted(observations, key=lambda o: o.period)
    places = _places(observations, kind)
    periods = tuple(period for period, _ in places)
    figures = tuple(figure for _, figure in places)
    labels = tuple(p.label for p in periods)
    if (
        len({_length(p, kind) for p in periods}) == 1
        and len({months_between(a, b) for a, b in pairwise(periods)}) <= 1
        and all(follows(a, b, kind) for a, b in pairwise(periods))
    ):
        return TimeAxis(periods, labels, figures)
    spans = [covered(p, kind) for p in periods]
    starts = [_month(s.start) if s.months else _month(s.end) + 1 for s in spans]
    ends = [_month(s.end) + 1 for s in spans]
    origin = min(starts)
    times = tuple((float(a - origin), float(b - origin)) for a, b in zip(starts, ends, strict=True))
    numbers = [o for o in observations if isinstance(o.actual, int | float)]
    latest = _length((numbers or observations)[-1].period, kind)
    apart = tuple(i for i, p in enumerate(periods) if _length(p, kind) != latest)
    labels = tuple(
        f"{label} ({length_words(periods[i], kind)})" if i in apart else label
        for i, label in enumerate(labels)
    )
    return TimeAxis(periods, labels, figures, times, tuple(_runs(periods, figures, kind)), apart)
