"""A measure's series judged by statistical process control (NHS England's Making Data Count):
whether its latest point is common-cause or special-cause variation, and whether it will meet
its target (issue 14). Pure: the limits and rules are ``stats.xmr``'s."""

from __future__ import annotations

from safecity_reports.core.coverage import follows
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


def spc_series(measure: Measure, reporting: Period) -> list[Observation]:
    """The partnership's figures, up to the reporting period, that an XmR chart may join: a
    run of numbers covering the same length of time as the latest, one after the other (a
    missing month ends the run: a moving range across a gap is not a month's variation)."""
    series = [
        o for o in in_order(measure.observations) if not o.area and o.period.end <= reporting.end
    ]
    run: list[Observation] = []
    for o in reversed(series):
        if not isinstance(o.actual, int | float) or isinstance(o.actual, bool):
            break
        if run and not follows(o.period, run[-1].period, measure.kind):
            break
        run.append(o)
    return run[::-1]


def spc_chart(measure: Measure, reporting: Period) -> tuple[list[Observation], XmRChart] | None:
    """The XmR chart of ``measure``'s series, where it has at least 6 like figures and they are
    figures for the period (a year-to-date or rolling series is not independent point to
    point); None otherwise."""
    if measure.kind not in (FigureKind.FOR_THE_PERIOD, FigureKind.SNAPSHOT):
        return None
    series = spc_series(measure, reporting)
    if len(series) < FEWEST_TO_JUDGE:
        return None
    target = measure.target if measure.target_kind is TargetKind.REACH else None
    chart = xmr(
        [float(o.actual) for o in series],  # type: ignore[arg-type]
        _IMPROVEMENT[measure.polarity],
        target=target,
    )
    return series, chart
