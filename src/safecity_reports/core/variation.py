"""A measure's series judged by statistical process control (NHS England's Making Data Count):
whether its latest point is common-cause or special-cause variation, and whether it will meet
its target (issue 14). Pure: the limits and rules are ``stats.xmr``'s."""

from __future__ import annotations

from safecity_reports.core.coverage import comparable, follows, missing_between
from safecity_reports.core.model import FigureKind, Measure, Observation, Polarity, TargetKind
from safecity_reports.core.periods import Period
from safecity_reports.core.series import in_order
from safecity_reports.stats import XmRChart, xmr
from safecity_reports.stats.spc import FEWEST_TO_JUDGE

_IMPROVEMENT = {
    Polarity.HIGH_IS_GOOD: "increase",
    Polarity.LOW_IS_GOOD: "decrease",
    Polarity.NO_PREFERENCE: "neutral",
}


def _number(o: Observation) -> bool:
    return isinstance(o.actual, int | float) and not isinstance(o.actual, bool)


def spc_series(measure: Measure, reporting: Period) -> list[Observation]:
    """The partnership's figures, up to the reporting period, that an XmR chart may join: the
    latest figure, if it is a number, and the numbers before it covering the same length of
    time. A missing period, or one whose figure is not a number, breaks the moving range, not
    the chart (``spc_breaks``); a figure of another length, or a gap longer than five years
    (most likely a mistyped year), ends the run."""
    series = [
        o for o in in_order(measure.observations) if not o.area and o.period.end <= reporting.end
    ]
    run: list[Observation] = []
    for o in reversed(series):
        if not _number(o):
            if not run:
                break  # the latest figure is not a number: there is no chart to draw
            continue  # a figure that is not a number: a gap in the chart
        if run and not follows(o.period, run[-1].period, measure.kind):
            if not comparable(o.period, run[-1].period, measure.kind):
                break
            if not missing_between(o.period, run[-1].period):
                break  # the same period twice, overlapping spans, or too long a gap
        run.append(o)
    return run[::-1]


def spc_breaks(series: list[Observation], measure: Measure) -> tuple[int, ...]:
    """The indices of the figures of ``series`` (``spc_series``) that do not follow the one
    before them: a period is missing between, so the moving range across it is not a
    period's variation."""
    return tuple(
        i
        for i in range(1, len(series))
        if not follows(series[i - 1].period, series[i].period, measure.kind)
    )


def hidden_periods(series: list[Observation], measure: Measure) -> tuple[Period, ...]:
    """The periods inside ``series`` that have no figure to draw (none recorded, or one that
    is not a number), oldest first."""
    return tuple(
        period
        for i in spc_breaks(series, measure)
        for period in missing_between(series[i - 1].period, series[i].period) or ()
    )


def spc_chart(measure: Measure, reporting: Period) -> tuple[list[Observation], XmRChart] | None:
    """The XmR chart of ``measure``'s series, where it has at least 6 like figures and they are
    figures for the period (a year-to-date or rolling series is not independent point to
    point); None otherwise. A missing period breaks its moving range, not the chart."""
    if measure.kind not in (FigureKind.FOR_THE_PERIOD, FigureKind.SNAPSHOT):
        return None
    series = spc_series(measure, reporting)
    if len(series) < FEWEST_TO_JUDGE:
        return None
    breaks = spc_breaks(series, measure)
    if len(breaks) == len(series) - 1:
        return None  # no two figures in a row: no moving range at all
    target = measure.target if measure.target_kind is TargetKind.REACH else None
    chart = xmr(
        [float(o.actual) for o in series],  # type: ignore[arg-type]
        _IMPROVEMENT[measure.polarity],
        target=target,
        breaks=breaks,
    )
    return series, chart
