"""Charts that do not mislead about time: year-to-date figures grouped by year, and two
figures as bars from zero.

A line through running totals (April-June, April-September, April-December, then April-June
of the next year) falls at every new year although nothing fell: year-to-date figures are
drawn as bars, one set per year, against how far into the year each figure runs, so that each
bar is set beside the same months of the other years. Two figures joined by a line on an axis
cropped to them make any change look steep: they are drawn as bars from zero.
"""

from __future__ import annotations

from safecity_reports.core.coverage import comparable, covered, describe
from safecity_reports.core.model import FigureKind, Measure, Observation, Unit
from safecity_reports.core.status import Direction, MeasureStatus
from safecity_reports.layout.document import Chart, ChartKind, FigureBlock, Series
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
    chart = Chart(
        ChartKind.BARS,
        active_title(status, name),
        tuple(reach for reach, _ in reaches),
        series[-4:],  # at most four colours
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
    return FigureBlock(chart, alt, caption)


def two_figure_chart(
    measure: Measure, status: MeasureStatus, axis: str, caption: str, benchmark: str, name: str = ""
) -> FigureBlock | None:
    """Two figures as bars from zero (with the benchmark's beside them, where given); None
    where the measure has more or fewer than two figures of its own."""
    observed = [o for o in measure.observations if not o.area]
    actuals = tuple(_number(o.actual) for o in observed)
    if len(observed) != 2 or None in actuals:
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
        reference_lines=baseline_lines(measure, status),
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
