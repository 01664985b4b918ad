"""A measure's XmR (SPC) chart and what it says, for its page (issue 14).

Drawn instead of the plain line chart where the measure is monthly and has a run of at least
``FEWEST_POINTS`` like figures: enough for the limits to mean something, and not the quarterly
pages, whose short series stay plain line charts. The limits and the rules are
``core.variation.spc_chart``'s (NHS England's Making Data Count).
"""

from __future__ import annotations

from safecity_reports.core.coverage import missing_between
from safecity_reports.core.model import Measure, Observation, Unit
from safecity_reports.core.variation import hidden_periods
from safecity_reports.core.verdicts import Verdicts
from safecity_reports.core.xmr_page import FEWEST_POINTS, PageXmR
from safecity_reports.layout.document import Chart, ChartKind, FigureBlock, Mark, Series
from safecity_reports.layout.narrative import short_name, value_text
from safecity_reports.stats import Signal, XmRChart
from safecity_reports.stats.spc import FEWEST_FOR_FIRM_LIMITS, rule_words

_MARKS = {
    Signal.COMMON_CAUSE: Mark.COMMON_CAUSE,
    Signal.IMPROVEMENT: Mark.IMPROVEMENT,
    Signal.CONCERN: Mark.CONCERN,
    Signal.NEUTRAL: Mark.NEUTRAL,
}
_SPECIAL = {
    Signal.IMPROVEMENT: "special cause of improvement",
    Signal.CONCERN: "special cause of concern",
    Signal.NEUTRAL: "special cause variation",
}
_NON_NEGATIVE = (Unit.COUNT, Unit.PERCENTAGE, Unit.RATE_PER_1000, Unit.RATE_PER_10000, Unit.MONEY)


def _lower_shown(measure: Measure, chart: XmRChart) -> bool:
    """A lower limit below zero is not drawn for a figure that cannot be negative."""
    return not (measure.unit in _NON_NEGATIVE and chart.lower < 0)


def variation_sentence(measure: Measure, found: PageXmR | None) -> str:
    """What the XmR chart (``Verdict.xmr``) says of the latest figure, and of the target where
    it judges one: 'Special cause of concern: the latest figure (Dec 2025, 612) is above the
    upper limit of normal variation.' Empty where the page has no XmR chart."""
    if found is None:
        return ""
    series, chart = found
    latest, point = series[-1], chart.latest
    figure = f"the latest figure ({latest.period}, {value_text(measure, latest.actual)})"
    if point.signal is Signal.COMMON_CAUSE or point.rule is None or point.side is None:
        words = [
            f"Common cause variation: {figure} is within the limits of normal variation, "
            "with no sign of real change."
        ]
    else:
        special = _SPECIAL[point.signal]  # type: ignore[index]
        words = [
            f"{special[0].upper()}{special[1:]}: {figure} is {rule_words(point.rule, point.side)}."
        ]
    earlier = sum(p.signal not in (Signal.COMMON_CAUSE, None) for p in chart.points[:-1])
    if earlier:
        words.append(
            f"{earlier} earlier {'figure shows' if earlier == 1 else 'figures show'} "
            "special cause variation (marked on the chart)."
        )
    if chart.trial_limits:
        words.append(
            f"The limits are trial limits: with fewer than {FEWEST_FOR_FIRM_LIMITS} figures "
            "they may move as more arrive."
        )
    hidden = hidden_periods(series, measure)
    if hidden:
        words.append(
            f"There is no figure for {_listed([str(p) for p in hidden])}: the chart leaves a gap,"
            " and the limits and runs are not worked out across it."
        )
    if chart.assurance_description:
        words.append(chart.assurance_description)
    return " ".join(words)


def xmr_title(measure: Measure, series: list[Observation], chart: XmRChart, name: str) -> str:
    """'ASB incidents: special cause of concern in Dec 2025 (trial limits)'."""
    signal = chart.latest.signal
    words = (
        "common cause variation"
        if signal is None
        else _SPECIAL.get(signal, "common cause variation")
    )
    title = f"{name or short_name(measure)}: {words} in {series[-1].period}"
    return title + (" (trial limits)" if chart.trial_limits else "")


def xmr_figure(
    measure: Measure,
    found: PageXmR | None,
    axis: str,
    caption: str,
    name: str = "",
) -> FigureBlock | None:
    """The measure's XmR chart (``Verdict.xmr``) with its mean, limits (and the target it is
    judged against) and a mark per point; None where the page keeps its plain line chart. No
    error bars: the limits already show how far the figures vary by chance, and the two would be
    read as one."""
    if found is None:
        return None
    series, chart = found
    lines: list[tuple[str, float]] = [("Mean", chart.mean), ("Upper limit", chart.upper)]
    if _lower_shown(measure, chart):
        lines.append(("Lower limit", chart.lower))
    if chart.assurance is not None and chart.target is not None:
        lines.append(("Target", chart.target))
    labels: list[str] = []
    values: list[float | None] = []
    marks: list[Mark] = []
    for i, (o, point) in enumerate(zip(series, chart.points, strict=True)):
        if i in chart.breaks:  # a gap: its months drawn empty, the line broken
            gap = missing_between(series[i - 1].period, o.period) or ()
            labels += [p.label for p in gap]
            values += [None] * len(gap)
            marks += [Mark.COMMON_CAUSE] * len(gap)
        labels.append(o.period.label)
        values.append(point.value)
        marks.append(_MARKS[point.signal])  # type: ignore[index]
    spec = Chart(
        ChartKind.XMR,
        xmr_title(measure, series, chart, name),
        tuple(labels),
        (Series("Actual", tuple(values)),),
        axis,
        reference_lines=tuple(lines),
        percent=measure.unit is Unit.PERCENTAGE,
        decimals=measure.decimals,
        marks=tuple(marks),
        trial=chart.trial_limits,
    )
    return FigureBlock(spec, xmr_alt(measure, spec, chart), caption)


def xmr_alt(measure: Measure, spec: Chart, chart: XmRChart) -> str:
    """What the chart shows and what its limits mean, written from the chart's own facts."""

    def v(value: float) -> str:
        return value_text(measure, value)

    cats = spec.categories
    opening = (
        f"XmR chart ({spec.y_label.lower()}), {cats[0]} to {cats[-1]}: {spec.title}. "
        f"{len(chart.points)} figures; mean {v(chart.mean)}; upper limit {v(chart.upper)}; "
    )
    opening += (
        f"lower limit {v(chart.lower)}."
        if _lower_shown(measure, chart)
        else "no lower limit (it would be below zero)."
    )
    parts = [opening]
    if any(name == "Target" for name, _ in spec.reference_lines):
        parts.append(f"Target {v(chart.target)}.")  # type: ignore[arg-type]
    parts.append(
        "The limits show the range the figures vary within by chance alone; a figure outside "
        "them, or a run or trend, is a special cause."
    )
    for mark, words in (
        (Mark.CONCERN, "Special cause of concern"),
        (Mark.IMPROVEMENT, "Special cause of improvement"),
        (Mark.NEUTRAL, "Special cause"),
    ):
        at = [c for c, m in zip(cats, spec.marks, strict=True) if m is mark]
        if at:
            parts.append(f"{words} in {_listed(at)}.")
    if all(m is Mark.COMMON_CAUSE for m in spec.marks):
        parts.append("Every figure is common cause variation.")
    gaps = [c for c, value in zip(cats, spec.series[0].values, strict=True) if value is None]
    if gaps:
        parts.append(f"No figure for {_listed(gaps)}: the line breaks there.")
    parts.append(f"Latest {v(chart.latest.value)} in {cats[-1]}.")
    return " ".join(parts)


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def xmr_guide(verdicts: Verdicts) -> str:
    """How to read the report's XmR charts, for How to read this report; empty without one."""
    if not any(v.xmr is not None for v in verdicts.own.values()):
        return ""
    return (
        f"Monthly measures with at least {FEWEST_POINTS} figures in a row are drawn as XmR "
        "(statistical process control) charts, as NHS England's Making Data Count guidance draws "
        "them. The solid line is the average (mean); the dashed lines are the upper and lower "
        "limits of normal variation, worked out from how much the figures usually change from one "
        "month to the next. A figure outside the limits, 7 or more figures in a row on one side "
        "of the mean, 7 or more each higher (or lower) than the one before, or 2 of 3 in a row "
        "close to a limit is a special cause: something has probably changed. Special causes are "
        "drawn as squares (concern), diamonds (improvement) or crosses (a measure with no better "
        "direction); every other figure is common cause variation, the ups and downs chance alone "
        f"gives. With fewer than {FEWEST_FOR_FIRM_LIMITS} figures the limits are trial limits. "
        "Where a target is set, the report says whether the figures, as they vary now, will meet "
        "it every month, miss it every month, or meet it in some months only."
    )
