"""Issue 21: ``core.lateness.overdue`` as a table. The next figure is due as long after the
latest as the latest came after the one before it (a single figure: as long as it covers, at
least a month); a figure is overdue when that month has ended by the reporting period's end.
Each expected value is worked out by hand in the row's comment (months counted as year * 12 +
month)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from safecity_reports.core.lateness import overdue
from safecity_reports.core.model import FigureKind, Frequency, Measure, Observation, Polarity, Unit
from safecity_reports.core.periods import parse_period

FOR_PERIOD, SNAPSHOT = FigureKind.FOR_THE_PERIOD, FigureKind.SNAPSHOT


def _measure(labels: tuple[str, ...], kind: FigureKind) -> Measure:
    observations = tuple(Observation(parse_period(label), 10.0) for label in labels)
    return Measure(
        "1.1", "1", "Test", Unit.COUNT, Polarity.LOW_IS_GOOD, Frequency.QUARTERLY, 0,
        observations, kind=kind,
    )  # fmt: skip


# (the measure's figures, what each covers, the latest, the reporting period, overdue)
ROWS = [
    # Q4 ends Mar 16, Q1 Jun 16: a step of 3, next due Sep 16; Q2 ends Sep 16: due by then
    (("2015/16 Q4", "2016/17 Q1"), FOR_PERIOD, "2016/17 Q1", "2016/17 Q2", True),
    # the same reported on Q1 (ends Jun 16): Sep 16 is not yet
    (("2015/16 Q4", "2016/17 Q1"), FOR_PERIOD, "2016/17 Q1", "2016/17 Q1", False),
    # annual: 2015/16 ends Mar 16 a year after 2014/15; next due Mar 17, after Sep 16
    (("2014/15", "2015/16"), FOR_PERIOD, "2015/16", "2016/17 Q2", False),
    # the same reported on Q4 (ends Mar 17): due exactly then
    (("2014/15", "2015/16"), FOR_PERIOD, "2015/16", "2016/17 Q4", True),
    # the step is from the figure just before the latest (Q4 to Q1: 3), not an older one
    (
        ("2015/16 Q2", "2015/16 Q3", "2015/16 Q4", "2016/17 Q1"),
        FOR_PERIOD,
        "2016/17 Q1",
        "2016/17 Q2",
        True,
    ),  # fmt: skip
    # a figure after the latest does not set the step (Q1 to Q2 would be 3, due Sep; the
    # step from 2014/15 to Q1 is 15 months, due Sep 17)
    (("2014/15", "2016/17 Q1", "2016/17 Q2"), FOR_PERIOD, "2016/17 Q1", "2016/17 Q2", False),
    # a single monthly figure: a step of its month, Aug 16 + 1 = Sep 16, due by Q2's end
    (("Aug 2016",), FOR_PERIOD, "Aug 2016", "2016/17 Q2", True),
    # a single snapshot covers no month: at least one, Sep 16 + 1 = Oct 16, after Q2's end
    (("Sep 2016",), SNAPSHOT, "Sep 2016", "2016/17 Q2", False),
    # a single quarter: a step of 3, Jun 16 + 3 = Sep 16
    (("2016/17 Q1",), FOR_PERIOD, "2016/17 Q1", "2016/17 Q2", True),
    (("2016/17 Q1",), FOR_PERIOD, "2016/17 Q1", "Jul 2016 - Aug 2016", False),
    # across a new year: Nov 16 to Dec 16 is 1, due Jan 17
    (("Nov 2016", "Dec 2016"), FOR_PERIOD, "Dec 2016", "Jan 2017", True),
    (("Nov 2016", "Dec 2016"), FOR_PERIOD, "Dec 2016", "Dec 2016", False),
    # a year late: due Jan 17 against Jan 18
    (("Nov 2016", "Dec 2016"), FOR_PERIOD, "Dec 2016", "Jan 2018", True),
]


@pytest.mark.parametrize(("labels", "kind", "latest", "reporting", "expected"), ROWS)
def test_overdue(labels, kind, latest, reporting, expected):
    measure = _measure(labels, kind)
    current = next(o for o in measure.observations if o.period.label == latest)
    status = SimpleNamespace(current=current, reporting=parse_period(reporting))
    assert overdue(measure, status) is expected  # type: ignore[arg-type]
