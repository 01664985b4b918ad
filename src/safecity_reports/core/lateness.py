"""Whether a measure's latest figure is late: the one rule behind the page's, the warnings' and
the Exceptions page's "late"."""

from __future__ import annotations

from safecity_reports.core.coverage import covered, months_between
from safecity_reports.core.model import Measure
from safecity_reports.core.status import MeasureStatus


def overdue(measure: Measure, status: MeasureStatus) -> bool:
    """Whether a newer figure should exist by the end of the reporting period: the next one is
    due as long after the latest as the latest came after the one before (or, for a single
    figure, as long as it covers). An annual figure for 2015/16 is not overdue in 2016/17 Q2.
    A measure whose frequency the workbook does not state is never overdue: when the next
    figure is due would be a guess."""
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
    return due <= status.reporting.end.year * 12 + status.reporting.end.month
