"""Sentences written from the figures: status statements, arrows with their meaning, alt text.

Everything here is worked out from the model and its computed status, so the words can never
disagree with the numbers beside them.
"""

from __future__ import annotations

from collections.abc import Callable

from safecity_reports.core.formatting import format_value
from safecity_reports.core.model import Frequency, Measure, Observation, Pair, Polarity, Unit, Value
from safecity_reports.core.status import (
    BenchmarkStatus,
    Direction,
    Judgement,
    MeasureStatus,
    TargetStatus,
    direction_of_travel,
)
from safecity_reports.layout.document import Chart, ChartKind, Span, Spans, Tone

ARROWS = {
    Direction.UP: "▲",
    Direction.DOWN: "▼",
    Direction.SAME: "►",
    Direction.NOT_AVAILABLE: "–",
}
"""The glyph for each direction of travel; always printed with a word beside it."""

TONES = {
    Judgement.IMPROVING: Tone.GOOD,
    Judgement.WORSENING: Tone.BAD,
    Judgement.NO_CHANGE: Tone.NEUTRAL,
    Judgement.NOT_JUDGED: Tone.NEUTRAL,
}

_JUDGEMENT_WORDS = {
    Judgement.IMPROVING: "better",
    Judgement.WORSENING: "worse",
}


def travel_spans(direction: Direction, judgement: Judgement) -> Spans:
    """The arrow and its meaning, e.g. '▲ up, worse': never colour or glyph alone."""
    if direction is Direction.NOT_AVAILABLE:
        return (Span("n/a"),)
    words = direction.value
    if judgement in _JUDGEMENT_WORDS:
        words = f"{words}, {_JUDGEMENT_WORDS[judgement]}"
    return (Span(ARROWS[direction], bold=True, tone=TONES[judgement]), Span(f" {words}"))


def value_text(measure: Measure, value: Value | None) -> str:
    """A figure as printed for this measure."""
    return format_value(value, measure.unit, measure.decimals)


def polarity_lines(measure: Measure) -> tuple[Spans, ...]:
    """The polarity panel: 'A high number is POOR' / preferred direction / 'a low number is GOOD'."""
    noun = measure.unit.noun
    if measure.polarity is Polarity.NO_PREFERENCE:
        return (
            (
                Span(
                    f"No preferred direction of travel: a high or low {noun} is neither good nor poor."
                ),
            ),
        )
    good_is_high = measure.polarity is Polarity.HIGH_IS_GOOD
    if measure.unit is Unit.RANK:
        return (
            (Span("A low position number (1st) is "), Span("GOOD", bold=True)),
            (Span("Preferred direction of travel: down ▼ towards 1st"),),
        )
    first, second = ("high", "low") if good_is_high else ("high", "low")
    first_word, second_word = ("GOOD", "POOR") if good_is_high else ("POOR", "GOOD")
    arrow = "up ▲" if good_is_high else "down ▼"
    return (
        (Span(f"A {first} {noun} is "), Span(first_word, bold=True)),
        (Span(f"Preferred direction of travel: {arrow}"),),
        (Span(f"A {second} {noun} is "), Span(second_word, bold=True)),
    )


def _at(measure: Measure, observation: Observation) -> str:
    return f"{value_text(measure, observation.actual)} in {observation.period}"


_MOVES = {Direction.UP: "rose", Direction.DOWN: "fell", Direction.SAME: "was unchanged"}


def change_sentence(status: MeasureStatus) -> str:
    """'Rose from 28.06 in 2016/17 Q1 to 29.92 in 2016/17 Q2: worse.'"""
    m, previous, current = status.measure, status.previous, status.current
    if current is None:
        return "No figure has been recorded for this period."
    if not isinstance(current.actual, int | float | Pair):
        return f"No figure is available for {current.period}."
    if previous is None or status.direction is Direction.NOT_AVAILABLE:
        return (
            f"The latest figure is {_at(m, current)}; there is no earlier figure to compare with."
        )
    if status.direction is Direction.SAME:
        sentence = f"Unchanged at {value_text(m, current.actual)} from {previous.period} to {current.period}"
    else:
        sentence = (
            f"{_MOVES[status.direction].capitalize()} from {_at(m, previous)} to {_at(m, current)}"
        )
    meaning = _JUDGEMENT_WORDS.get(status.judgement)
    return f"{sentence}{', which is ' + meaning if meaning else ''}."


def year_sentence(status: MeasureStatus) -> str:
    """How the figure compares with the same period a year earlier, where the series has it."""
    m, year_ago = status.measure, status.year_ago
    if year_ago is None or status.year_direction is Direction.NOT_AVAILABLE:
        return ""
    words = {
        Direction.UP: "Higher than",
        Direction.DOWN: "Lower than",
        Direction.SAME: "The same as",
    }
    meaning = _JUDGEMENT_WORDS.get(status.year_judgement)
    tail = f", which is {meaning}" if meaning else ""
    return f"{words[status.year_direction]} a year earlier ({_at(m, year_ago)}){tail}."


_PERIOD_NOUNS = {
    Frequency.MONTHLY: "month",
    Frequency.QUARTERLY: "quarter",
    Frequency.ROLLING_12_MONTHS: "period",
    Frequency.ANNUAL: "year",
    Frequency.BIENNIAL: "survey",
}
_COUNTS = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh"}


def short_name(measure: Measure) -> str:
    """The measure's name without its unit: 'Total Crime - Rate per 1,000' -> 'Total Crime'."""
    name = measure.name
    for cut in (" - ", " ("):
        head = name.split(cut, 1)[0].strip()
        if len(head) >= 8:
            name = head
    return name


def active_title(status: MeasureStatus) -> str:
    """A chart title that tells the story: 'Total Crime rose for the second quarter running'."""
    measure = status.measure
    if status.direction not in _MOVES:
        return f"{short_name(measure)}, {measure.observations[0].period} to {measure.observations[-1].period}"
    run = 1
    moves = _moves(measure)
    while run < len(moves) and moves[-1 - run] is status.direction:
        run += 1
    verb = _MOVES[status.direction]
    noun = _PERIOD_NOUNS[measure.frequency]
    if status.direction is Direction.SAME:
        title = f"{short_name(measure)} was unchanged in {status.current.period}"  # type: ignore[union-attr]
    elif run >= 2:
        title = (
            f"{short_name(measure)} {verb} for the {_COUNTS.get(run, f'{run}th')} {noun} running"
        )
    else:
        title = f"{short_name(measure)} {verb} in {status.current.period}"  # type: ignore[union-attr]
    if status.benchmark in (BenchmarkStatus.BETTER, BenchmarkStatus.WORSE):
        title += f", {status.benchmark.value.split()[0]} than the benchmark"
    return title


def _moves(measure: Measure) -> list[Direction]:
    values = [o.actual for o in measure.observations]
    return [
        direction_of_travel(a, b, measure.unit, measure.decimals)
        for a, b in zip(values, values[1:], strict=False)
    ]


def benchmark_sentence(status: MeasureStatus) -> str:
    """How the latest figure compares with its benchmark."""
    m, current = status.measure, status.current
    if (
        current is None
        or status.benchmark is BenchmarkStatus.NOT_AVAILABLE
        or current.benchmark is None
    ):
        return ""
    label = f" ({m.benchmark_label}" if m.benchmark_label else " ("
    return (
        f"{status.benchmark.value.capitalize()} the benchmark{label}"
        f"{': ' if m.benchmark_label else ''}{value_text(m, current.benchmark)} in {current.period})."
    )


def target_sentence(status: MeasureStatus) -> str:
    """How the latest figure stands against the target, where one is set."""
    m = status.measure
    if status.target in (TargetStatus.NO_TARGET, TargetStatus.NOT_AVAILABLE) or m.target is None:
        return ""
    target = format_value(m.target, m.unit, m.decimals)
    words = {
        TargetStatus.MET: "Target met",
        TargetStatus.NEAR: "Near the target",
        TargetStatus.MISSED: "Target missed",
    }
    return f"{words[status.target]}: the target is {target}."


def status_sentences(status: MeasureStatus) -> str:
    """Every status statement for a measure, in reading order."""
    parts = (
        change_sentence(status),
        year_sentence(status),
        benchmark_sentence(status),
        target_sentence(status),
    )
    return " ".join(p for p in parts if p)


def chart_alt(chart: Chart, value: Callable[[float], str], periods: bool = True) -> str:
    """Alt text for ``chart`` written from the same facts as its title: the kind of chart, the
    periods (``periods``: its categories are periods) and the title itself, then the shape of its
    first series (highest and lowest, and on a line the last change), ``value`` writing each
    figure as printed.

    The title is repeated, not reworded, so the two can never disagree; the shape carries no
    verb of its own."""
    categories = chart.categories
    if chart.kind is ChartKind.RANKING:
        opening = f"Bar chart ranking {len(categories)} areas, 1st is best: {chart.title}."
    else:
        kind = "Line chart" if chart.kind is ChartKind.LINE else "Bar chart"
        span = f", {categories[0]} to {categories[-1]}" if periods else ""
        opening = f"{kind} ({chart.y_label.lower()}){span}: {chart.title}."
    points = [
        (c, v) for c, v in zip(categories, chart.series[0].values, strict=True) if v is not None
    ]
    if not points:
        return f"{opening} No figures are recorded."

    def at(point: tuple[str, float]) -> str:
        return f"{value(point[1])} in {point[0]}" if periods else f"{point[0]} {value(point[1])}"

    high, low = max(points, key=lambda p: p[1]), min(points, key=lambda p: p[1])
    if value(high[1]) == value(low[1]):
        parts = [f"{value(high[1])} throughout"]
    elif chart.kind is ChartKind.LINE and len(points) == 2:
        parts = [f"from {at(points[0])} to {at(points[1])}"]
    else:
        parts = [f"highest {at(high)}", f"lowest {at(low)}"]
        if chart.kind is ChartKind.LINE:
            parts.append(f"latest {at(points[-1])}, after {at(points[-2])}")
    if chart.kind is ChartKind.BARS and len(chart.series) > 1:
        parts[0] = f"{chart.series[0].name} {parts[0]}"
    parts += [f"{label.lower()} {value(v)}" for label, v in chart.reference_lines]
    for other in chart.series[1:]:
        latest = [(c, v) for c, v in zip(categories, other.values, strict=True) if v is not None]
        if latest:
            parts.append(f"{other.name} {at(latest[-1])}")
    shape = "; ".join(parts)
    return f"{opening} {shape[0].upper()}{shape[1:]}."
