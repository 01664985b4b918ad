"""Sentences written from the figures: status statements, arrows with their meaning, alt text.

Everything here is worked out from the model and its computed status, so the words can never
disagree with the numbers beside them.
"""

from __future__ import annotations

from collections.abc import Callable

from safecity_reports.core import symbols
from safecity_reports.core.coverage import comparable, describe, follows, length_words
from safecity_reports.core.formatting import format_number, format_value
from safecity_reports.core.model import (
    CompareWith,
    FigureKind,
    Frequency,
    Measure,
    NotAvailable,
    Observation,
    Pair,
    Polarity,
    TargetKind,
    Unit,
    Value,
)
from safecity_reports.core.significance import events, interval, level_words
from safecity_reports.core.status import (
    BenchmarkStatus,
    Direction,
    Judgement,
    MeasureStatus,
    TargetStatus,
    direction_of_travel,
)
from safecity_reports.core.targets import interim_target, is_limit
from safecity_reports.core.untested import Untested
from safecity_reports.layout.chance import method_sentence
from safecity_reports.layout.change_words import meaning_words, travel_words
from safecity_reports.layout.document import Chart, ChartKind, Span, Spans, Tone
from safecity_reports.layout.names import short_name
from safecity_reports.layout.printed_change import printed_sentence
from safecity_reports.layout.units import unit_noun, with_unit

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
    Judgement.LITTLE_CHANGE: Tone.NEUTRAL,
    Judgement.NOT_SIGNIFICANT: Tone.NEUTRAL,
    Judgement.NOT_JUDGED: Tone.NEUTRAL,
}


def travel_spans(
    direction: Direction, judgement: Judgement, tested: bool = False, mark_untested: bool = False
) -> Spans:
    """The arrow, the direction and the verdict on it: '▲ up, worse (significant)', '▼ down, no
    significant change', '▲ up, worse (not tested)' (with ``mark_untested``), '▲ up, little
    change'. The direction is a fact and is always printed; whether it is better or worse is a
    judgement, and says how it was made. Never colour or glyph alone. The words are
    ``change_words``', as the sentences' are."""
    words = travel_words(direction, judgement, tested, mark_untested)
    if direction is Direction.NOT_AVAILABLE:
        return (Span(symbols.NOT_AVAILABLE),)
    return (Span(ARROWS[direction], bold=True, tone=TONES[judgement]), Span(f" {words}"))


def value_text(measure: Measure, value: Value | None) -> str:
    """A figure as printed for this measure."""
    return format_value(value, measure.unit, measure.decimals)


def polarity_lines(measure: Measure) -> tuple[Spans, ...]:
    """The polarity panel: 'A high number is POOR' / preferred direction / 'a low number is GOOD'."""
    noun = unit_noun(measure)
    if not measure.polarity_stated:
        return (
            (
                Span(
                    f"Which way is good is not stated: the report says whether the {noun} went"
                    " up or down, not whether that is better or worse."
                ),
            ),
        )
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


NOT_STATED_NOTE = (
    "The source does not say what period each figure covers: each is labelled by the period"
    " it was reported for."
)
"""The note under a measure whose figures' coverage is not stated."""


def _at(measure: Measure, observation: Observation) -> str:
    """'29.92 in 2016/17 Q2', with what a year-to-date or rolling figure covers where its
    label does not say: '2,528 in 2013/14 Q3 (April to December 2013)'; '8.77 reported for
    Dec 2016' where what it covers is not stated."""
    if measure.kind is FigureKind.NOT_STATED:
        value = with_unit(measure, value_text(measure, observation.actual))
        return f"{value} reported for {observation.period}"
    covers = describe(observation.period, measure.kind)
    when = f"{observation.period} ({covers})" if covers else str(observation.period)
    return f"{with_unit(measure, value_text(measure, observation.actual))} in {when}"


_MOVES = {Direction.UP: "rose", Direction.DOWN: "fell", Direction.SAME: "was unchanged"}
_RANK_MOVES = {
    Direction.UP: "moved further from 1st",
    Direction.DOWN: "moved nearer 1st",
    Direction.SAME: "was unchanged",
}
"""A position's moves in words that fit its chart, drawn with 1st at the top: a rank number that
falls is a line that rises."""


def move_words(measure: Measure) -> dict[Direction, str]:
    """The verbs for a measure's figures going up, down or staying the same."""
    return _RANK_MOVES if measure.unit is Unit.RANK else _MOVES


UNTESTED = (
    "Whether this change is more than chance cannot be tested: the workbook gives no counts"
    " or population for these figures."
)
"""Said after a change between rates or percentages whose events are not known."""

UNTESTED_WORDS = {
    Untested.NO_COUNTS: UNTESTED,
    Untested.POPULATION_NOT_STATED: (
        "Whether this change is more than chance cannot be tested: the workbook gives no count"
        " behind this rate, and does not say that it is per head of the partnership's"
        " population."
    ),
}
"""Why a change was not tested, in the board's words (``core.untested``)."""


def _untested(status: MeasureStatus) -> str:
    """Why a rise or fall of a rate or percentage was not tested, after it."""
    if (
        status.untested is None
        or status.direction not in (Direction.UP, Direction.DOWN)
        or status.judgement is Judgement.LITTLE_CHANGE
    ):
        return ""
    if status.untested is Untested.NO_EARLIER_COUNT and status.previous is not None:
        # the page gives the later figure's counts: say which figure has none
        return (
            " Whether this change is more than chance cannot be tested: the workbook gives"
            f" no count for the earlier figure ({status.previous.period})."
        )
    return " " + UNTESTED_WORDS.get(status.untested, UNTESTED)


def testing_paragraph(status: MeasureStatus, tested: int, population_source: str) -> str:
    """'How to read this report' on the test, its level and the intervals, said once."""
    level = level_words(status.confidence)
    source = ""
    if status.population is not None:
        source = (
            " Counts behind the rates the workbook gives as per head of the partnership's"
            " residents are worked out from its"
            f" population of {format_number(status.population, 0)}"
            + (f" ({population_source.rstrip('.')})." if population_source else ".")
        )
    return (
        "Where the workbook gives the counts behind a rate or a percentage, or the figure is"
        f" itself a count of events ({tested} of this report's comparisons), the change is"
        f" tested against chance at the {level} level:"
        " rates by the exact test for two Poisson rates, percentages by Fisher's exact test,"
        " counts of events in periods of equal length by the exact test for two Poisson counts."
        " Only a significant change is judged better or worse and marked 'significant';"
        " otherwise the report says 'no significant change'. The other changes cannot be"
        " tested: the report marks them 'not tested'. Confidence intervals are"
        f" {level}: for rates exact (Poisson) below 10 events and Byar's method from 10, for"
        f" percentages Wilson's.{source}"
    )


def interval_sentence(status: MeasureStatus) -> str:
    """The current figure's confidence interval in words, where its events are known: 'The 95%
    confidence interval for 2016/17 Q2 is 29.25 to 30.61: allowing for chance, the underlying
    figure probably lies in this range (about 7,507 events in a population of 250,900).'"""
    m, current = status.measure, status.current
    if current is None or not status.up_to_date:
        return ""
    limits = interval(m, current, status.population, status.confidence, status.dispersion.phi)
    found = events(m, current, status.population)
    if limits is None or found is None:
        return ""
    base = "a cohort" if m.unit is Unit.PERCENTAGE else "a population"
    about = "about " if found.worked_out else ""
    return (
        f"The {level_words(status.confidence)} confidence interval for {current.period} is"
        f" {value_text(m, limits[0])} to {value_text(m, limits[1])}: allowing for chance, the"
        f" underlying figure probably lies in this range ({about}{format_number(found.count, 0)}"
        f" out of {base} of {format_number(found.exposure, 0)})."
    )


def _no_comparison(status: MeasureStatus) -> str:
    """Why the current figure is compared with nothing, in the board's words."""
    m, current, before = status.measure, status.current, status.not_comparable
    assert current is not None
    if before is not None and isinstance(before.actual, int | float | Pair):
        return (
            f"{_at(m, before)} covers {length_words(before.period, m.kind)} and"
            f" {current.period} covers {length_words(current.period, m.kind)}, so they are not"
            " compared."
        )
    # the baseline, where it is compared, follows: never 'no earlier figure' before it
    other = (
        ", other than its baseline"
        if status.baseline_direction is not Direction.NOT_AVAILABLE
        else ""
    )
    if status.basis is CompareWith.SAME_PERIOD_A_YEAR_EARLIER:
        return f"There is no figure for the same period a year earlier to compare with{other}."
    return f"There is no earlier figure to compare with{other}."


def late_sentence(status: MeasureStatus) -> str:
    """'This measure has no figure for 2016/17 Q2; the latest is 46.6% in 2013/14 Q2.'"""
    if not status.late or status.reporting is None or status.current is None:
        return ""
    latest = status.current
    if not isinstance(latest.actual, int | float | Pair):
        return f"This measure has no figure for {status.reporting}."
    return (
        f"This measure has no figure for {status.reporting}; the latest is"
        f" {_at(status.measure, latest)}."
    )


def change_sentence(status: MeasureStatus, mark_untested: bool = False) -> str:
    """'Rose from 28.06 in 2016/17 Q1 to 29.92 in 2016/17 Q2, which is worse (significant).'
    The verdict is worded as the table's Travel is (``change_words``); ``mark_untested``: some
    change in the report was tested, so one that was not says '(not tested)'."""
    m, previous, current = status.measure, status.previous, status.current
    if current is None:
        return "No figure has been recorded for this period."
    if isinstance(current.actual, NotAvailable) and current.actual.typed:
        return f"The figure for {current.period} is not available yet ({current.actual.typed})."
    if not isinstance(current.actual, int | float | Pair):
        return f"No figure is available for {current.period}."
    if previous is None or status.direction is Direction.NOT_AVAILABLE:
        if status.late:
            return _no_comparison(status)
        return f"The latest figure is {_at(m, current)}. {_no_comparison(status)}"
    if status.direction is Direction.SAME:
        sentence = (
            f"Unchanged at {with_unit(m, value_text(m, current.actual))} from {previous.period}"
            f" to {current.period}"
        )
    elif status.judgement is Judgement.NOT_SIGNIFICANT:
        # GSS: a change that is not significant is not described as a rise or a fall
        now = _at(m, current)
        sentence = f"{now[:1].upper()}{now[1:]}, against {_at(m, previous)}"
    else:
        sentence = (
            f"{_MOVES[status.direction].capitalize()} from {_at(m, previous)} to {_at(m, current)}"
        )
    meaning = meaning_words(status.judgement, status.test is not None, mark_untested)
    return f"{sentence}{meaning}.{_untested(status)}"


def year_sentence(status: MeasureStatus, mark_untested: bool = False) -> str:
    """How the figure compares with the same period a year earlier, where the series has it
    and the change sentence has not said it already; its verdict worded as ``change_sentence``'s."""
    m, year_ago = status.measure, status.year_ago
    if (
        year_ago is None
        or year_ago is status.previous
        or status.year_direction is Direction.NOT_AVAILABLE
    ):
        return ""
    words = {
        Direction.UP: "Higher than",
        Direction.DOWN: "Lower than",
        Direction.SAME: "The same as",
    }
    word = words[status.year_direction]
    if status.year_judgement is Judgement.NOT_SIGNIFICANT:
        word = "Compared with"
    meaning = meaning_words(status.year_judgement, status.year_test is not None, mark_untested)
    return f"{word} a year earlier ({_at(m, year_ago)}){meaning}."


def baseline_sentence(status: MeasureStatus) -> str:
    """The baseline and the change since it: 'Baseline (2012/13): 40,861; 2013/14 is 5.2%
    lower, which is better.' A baseline covering a different length of time is printed but
    not compared."""
    m, current, baseline = status.measure, status.current, status.measure.baseline
    if baseline is None:
        return ""
    covers = describe(baseline.period, m.kind)
    label = f"{baseline.period}{', ' + covers if covers else ''}"
    head = f"Baseline ({label}): {value_text(m, baseline.value)}"
    if current is None or not isinstance(current.actual, int | float):
        return head + "."
    if status.baseline_direction is Direction.NOT_AVAILABLE:
        return (
            f"{head}; it covers {length_words(baseline.period, m.kind)} and {current.period}"
            f" covers {length_words(current.period, m.kind)}, so they are not compared."
        )
    if status.baseline_direction is Direction.SAME:
        return f"{head}; {current.period} is the same as the baseline."
    higher = status.baseline_direction is Direction.UP
    size = ""
    if baseline.value:
        percent = abs(current.actual - baseline.value) / abs(baseline.value) * 100
        size = f"{format_number(percent, 1)}% "
    return (
        f"{head}; {current.period} is {size}{'higher' if higher else 'lower'}"
        f"{meaning_words(status.baseline_judgement)}."
    )


_PERIOD_NOUNS = {
    Frequency.MONTHLY: "month",
    Frequency.QUARTERLY: "quarter",
    Frequency.ROLLING_12_MONTHS: "period",
    Frequency.ANNUAL: "year",
    Frequency.BIENNIAL: "survey",
}
_COUNTS = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh"}


_YEAR_WORDS = {
    Direction.UP: "was higher than a year earlier",
    Direction.DOWN: "was lower than a year earlier",
    Direction.SAME: "was the same as a year earlier",
}


def active_title(status: MeasureStatus, name: str = "") -> str:
    """A chart title that tells the story: 'Total Crime rose for the second quarter running'.

    A run counts only changes between figures that cover the same length of time, one
    straight after the other; on the year-earlier basis the title says so. ``name`` is what the
    title calls the measure (one that tells it from the others on its page); by default its
    short name.
    """
    measure = status.measure
    name = name or short_name(measure)
    if status.direction not in _MOVES:
        return f"{name}, {measure.observations[0].period} to {measure.observations[-1].period}"
    if status.judgement is Judgement.LITTLE_CHANGE:
        title = f"{name} changed little in {status.current.period}"  # type: ignore[union-attr]
    elif status.judgement is Judgement.NOT_SIGNIFICANT:
        title = f"{name}: no significant change in {status.current.period}"  # type: ignore[union-attr]
    elif status.basis is CompareWith.SAME_PERIOD_A_YEAR_EARLIER:
        title = f"{name} {_YEAR_WORDS[status.direction]}"
    else:
        moves = _moves(measure, status)
        run = 0  # the latest moves in this direction, each straight after the one before
        while run < len(moves) and moves[-1 - run] is status.direction:
            run += 1
        run = max(run, 1)  # a change across a missing period is one move, not a run
        verb = move_words(measure)[status.direction]
        noun = _PERIOD_NOUNS[measure.frequency] if measure.frequency else "period"
        if status.direction is Direction.SAME:
            title = f"{name} was unchanged in {status.current.period}"  # type: ignore[union-attr]
        elif run >= 2:
            title = f"{name} {verb} for the {_COUNTS.get(run, f'{run}th')} {noun} running"
        else:
            title = f"{name} {verb} in {status.current.period}"  # type: ignore[union-attr]
    if status.benchmark in (BenchmarkStatus.BETTER, BenchmarkStatus.WORSE):
        title += f", {status.benchmark.value.split()[0]} than the benchmark"
    return title


def _moves(measure: Measure, status: MeasureStatus) -> list[Direction | None]:
    """The direction between each figure as long as the current one and the next, up to the
    current one (a year's figure among quarters is passed over); None where the next does not
    ``follow`` on (a period is missing between them)."""
    current = status.current
    if current is None:
        return []
    series = [
        o
        for o in measure.observations
        if o.period <= current.period and comparable(o.period, current.period, measure.kind)
    ]
    moves: list[Direction | None] = []
    for before, after in zip(series, series[1:], strict=False):
        moves.append(
            direction_of_travel(before.actual, after.actual, measure.unit, measure.decimals)
            if follows(before.period, after.period, measure.kind)
            else None
        )
    return moves


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


_TARGET_CHANGES = {
    TargetKind.REDUCE_ON_LAST_YEAR: "a reduction on last year",
    TargetKind.INCREASE_ON_LAST_YEAR: "an increase on last year",
}


def target_text(measure: Measure) -> str:
    """What the target is: '3,115', 'to stay below 50', 'a reduction on last year'."""
    if measure.target_kind in _TARGET_CHANGES:
        return _TARGET_CHANGES[measure.target_kind]
    if measure.target is None:
        return ""
    level = format_value(measure.target, measure.unit, measure.decimals)
    if measure.target_kind is TargetKind.STAY_BELOW:
        return f"to stay below {level}"
    if measure.target_kind is TargetKind.STAY_ABOVE:
        return f"to stay above {level}"
    return level


def target_sentence(status: MeasureStatus) -> str:
    """How the latest figure stands against the target, where one is set; before the
    target's date, on or off track (saying against what: the profiled target for the period,
    or an even share of the target) or not yet due, never met."""
    m, current = status.measure, status.current
    target = target_text(m)
    if status.target in (TargetStatus.NO_TARGET, TargetStatus.NOT_AVAILABLE) or not target:
        return ""
    due = m.target_due
    by = f" by the end of {due}" if due is not None else ""
    if status.target is TargetStatus.NOT_YET_DUE:
        return f"The target is {target}{by}; it is not yet due."
    if status.target is TargetStatus.PAST_DUE:
        return f"The target of {target} was for {due}."
    if status.target in (TargetStatus.ON_TRACK, TargetStatus.OFF_TRACK):
        word = "On track" if status.target is TargetStatus.ON_TRACK else "Off track"
        interim = interim_target(m, current)
        if current is not None and interim is None and is_limit(m.target_kind):
            return f"{word}: {value_text(m, current.actual)} against the target {target}{by}."
        if interim is None or current is None:  # a change on last year, against last year
            return f"{word} for the target of {target}{by}."
        if interim.profiled:
            against = f"the profiled target for {current.period}"
        else:
            covers = describe(current.period, m.kind) or str(current.period)
            against = f"an even share of the target for {covers}"
        return (
            f"{word}: {value_text(m, current.actual)} against"
            f" {format_value(interim.value, m.unit, m.decimals)}, {against} (the target is"
            f" {target}{by})."
        )
    words = {
        TargetStatus.MET: "Target met",
        TargetStatus.NEAR: "Near the target",
        TargetStatus.MISSED: "Target missed",
    }
    return f"{words[status.target]}: the target is {target}{by}."


def status_sentences(status: MeasureStatus, mark_untested: bool = False) -> str:
    """Every status statement for a measure, in reading order (``mark_untested`` as for
    ``change_sentence``)."""
    parts = (
        late_sentence(status),
        change_sentence(status, mark_untested),
        printed_sentence(status),
        interval_sentence(status),
        year_sentence(status, mark_untested),
        method_sentence(status),
        baseline_sentence(status),
        benchmark_sentence(status),
        target_sentence(status),
    )
    return " ".join(p for p in parts if p)


def chart_alt(chart: Chart, value: Callable[[float], str], periods: bool = True) -> str:
    """Alt text for ``chart`` written from the same facts as its title: the kind of chart, the
    periods (``periods``: its categories are periods) and the title itself, then the shape of its
    first series (highest and lowest, and on a line the last change), ``value`` writing each
    figure as printed. On a time axis the shape is that of the figures as long as the latest,
    those of other lengths named apart, as the chart draws them; a period with no figure
    between them is named too.

    The title is repeated, not reworded, so the two can never disagree; the shape carries no
    verb of its own."""
    categories = chart.categories
    if chart.kind is ChartKind.RANKING:
        opening = f"Bar chart ranking {len(categories)} areas, 1st is best: {chart.title}."
    else:
        kind = "Line chart" if chart.kind is ChartKind.LINE else "Bar chart"
        span = f", {categories[0]} to {categories[-1]}" if periods else ""
        opening = f"{kind} ({chart.y_label.lower()}){span}: {chart.title}."
    values = chart.series[0].values
    shown = [i for i, v in enumerate(values) if v is not None]
    if not shown:
        return f"{opening} No figures are recorded."
    apart = [i for i in shown if i in chart.apart]
    if len(apart) == len(shown):  # no figure as long as the latest has a number
        apart = []
    alike = [i for i in shown if i not in apart]
    points = [(categories[i], v) for i in alike if (v := values[i]) is not None]
    missing = [categories[i] for i in range(alike[0], alike[-1]) if values[i] is None]

    def at(point: tuple[str, float]) -> str:
        return f"{value(point[1])} in {point[0]}" if periods else f"{point[0]} {value(point[1])}"

    high, low = max(points, key=lambda p: p[1]), min(points, key=lambda p: p[1])
    # on an axis with 1st at the top (a position) the lowest number is the best place
    top, bottom = ("worst", "best") if chart.inverted else ("highest", "lowest")
    if len(points) == 1:
        parts = [f"latest {at(points[0])}"]
    elif value(high[1]) == value(low[1]):
        parts = [f"{value(high[1])} throughout"]
    elif chart.kind is ChartKind.LINE and len(points) == 2:
        parts = [f"from {at(points[0])} to {at(points[1])}"]
    else:
        parts = [f"{top} {at(high)}", f"{bottom} {at(low)}"]
        if chart.kind is ChartKind.LINE:
            parts.append(f"latest {at(points[-1])}, after {at(points[-2])}")
    if missing:
        parts.append(f"no figure for {', '.join(missing)}")
    if apart:
        they = "it covers" if len(apart) == 1 else "they cover"
        figures = ", ".join(at((categories[i], v)) for i in apart if (v := values[i]) is not None)
        parts.append(f"drawn apart, as {they} another length of time: {figures}")
    if chart.kind is ChartKind.BARS and len(chart.series) > 1:
        parts[0] = f"{chart.series[0].name} {parts[0]}"
    parts += [f"{label.lower()} {value(v)}" for label, v in chart.reference_lines]
    for other in chart.series[1:]:
        latest = [(c, v) for c, v in zip(categories, other.values, strict=True) if v is not None]
        if latest:
            parts.append(f"{other.name} {at(latest[-1])}")
    if chart.intervals:
        name = chart.interval_name or "confidence interval"
        parts.append(f"vertical bars show each figure's {name} where it is known")
    shape = "; ".join(parts)
    return f"{opening} {shape[0].upper()}{shape[1:]}."
