"""Whether a measure's latest figure is late: the one rule behind the page's, the warnings' and
the Exceptions page's "late"."""

from __future__ import annotations

from datetime import date, timedelta

from safecity_reports.core.coverage import covered, months_between
from safecity_reports.core.model import Measure
from safecity_reports.core.status import MeasureStatus


def overdue(measure: Measure, status: MeasureStatus, as_of: date | None = None) -> bool:
    """Whether a newer figure should exist by the end of the reporting period: the next one is
    due as long after the latest as the latest came after the one before (or, for a single
    figure, as long as it covers). An annual figure for 2015/16 is not overdue in 2016/17 Q2.
    A measure whose frequency the workbook does not state is never overdue: when the next
    figure is due would be a guess.

    Nor is a figure overdue before its period has ended and the measure's stated lag has
    passed by ``as_of`` (the Report date; None: the reporting period's last day): the figure
    for 2016/17 is not late in a report of December 2016, nor, with a lag of 3 months, in a
    report of May 2017."""
    if measure.frequency is None:
        return False
    assert status.current is not None and status.reporting is not None
    current = status.current.period
    earlier = [o.period for o in measure.observations if o.period < current]
    step = (
        months_between(earlier[-1], current)
        if earlier
        else max(1, covered(current, measure.kind).months)
    )
    due = current.end.year * 12 + current.end.month + step
    if due > status.reporting.end.year * 12 + status.reporting.end.month:
        return False
    # the month in which the due figure's period has ended and its lag passed: it is late
    # only from the first day of the month after that
    published = due + measure.lag_months
    day = as_of or status.reporting.end
    return published < day.year * 12 + day.month or (
        published == day.year * 12 + day.month and _last_day(day)
    )


def _last_day(day: date) -> bool:
    """Whether ``day`` is its month's last day."""
    return (day + timedelta(days=1)).month != day.month
