"""Issue 21: ``core.xmr_page.page_xmr`` as a table: a measure's page draws an XmR chart only
for monthly figures for the period, with at least 12 like figures one after the other up to
the reporting period. The expected counts are worked out by hand from the months listed."""

from __future__ import annotations

import pytest

from safecity_reports.core.model import FigureKind, Frequency, Measure, Observation, Polarity, Unit
from safecity_reports.core.periods import parse_period
from safecity_reports.core.xmr_page import page_xmr

MONTHS = [
    f"{month} {year}"
    for year, months in ((2015, ("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")),
                         (2016, ("Jan Feb Mar Apr May Jun Jul Aug Sep")))
    for month in months.split()
]  # fmt: skip
"""Jan 2015 to Sep 2016: 21 months, the last nine of 2016."""


def _measure(labels, frequency=Frequency.MONTHLY, kind=FigureKind.FOR_THE_PERIOD) -> Measure:
    observations = tuple(
        Observation(parse_period(label), float(index + 1)) for index, label in enumerate(labels)
    )
    return Measure(
        "1.1", "1", "Test", Unit.COUNT, Polarity.LOW_IS_GOOD, frequency, 0, observations,
        kind=kind,
    )  # fmt: skip


MONTHLY, QUARTERLY = Frequency.MONTHLY, Frequency.QUARTERLY
YTD, SNAPSHOT = FigureKind.YEAR_TO_DATE, FigureKind.SNAPSHOT

# (the months with a figure, frequency, what each covers, reporting period) ->
#   (first and last month the chart joins, how many) or None for no XmR chart
ROWS = [
    (MONTHS[-12:], MONTHLY, FigureKind.FOR_THE_PERIOD, "Sep 2016", ("Oct 2015", "Sep 2016", 12)),
    (MONTHS[-11:], MONTHLY, FigureKind.FOR_THE_PERIOD, "Sep 2016", None),  # one short of 12
    (MONTHS[-13:], MONTHLY, FigureKind.FOR_THE_PERIOD, "Sep 2016", ("Sep 2015", "Sep 2016", 13)),
    (MONTHS, MONTHLY, SNAPSHOT, "Sep 2016", ("Jan 2015", "Sep 2016", 21)),
    # reported on Jun 2016: the figures after it are not joined (Jan 2015 to Jun 2016: 18)
    (MONTHS, MONTHLY, FigureKind.FOR_THE_PERIOD, "Jun 2016", ("Jan 2015", "Jun 2016", 18)),
    # reported on Dec 2015: Jan to Dec 2015 is exactly 12
    (MONTHS, MONTHLY, FigureKind.FOR_THE_PERIOD, "Dec 2015", ("Jan 2015", "Dec 2015", 12)),
    (MONTHS, MONTHLY, FigureKind.FOR_THE_PERIOD, "Nov 2015", None),  # 11 months
    (MONTHS[-12:], QUARTERLY, FigureKind.FOR_THE_PERIOD, "Sep 2016", None),  # not monthly
    (MONTHS[-12:], MONTHLY, YTD, "Sep 2016", None),  # no XmR of a year to date
    (MONTHS[-4:], MONTHLY, FigureKind.FOR_THE_PERIOD, "Sep 2016", None),  # too few to judge
    # a missing month (Mar 2016) breaks the moving range, not the chart (issue 23): 20 figures
    (
        [m for m in MONTHS if m != "Mar 2016"],
        MONTHLY,
        FigureKind.FOR_THE_PERIOD,
        "Sep 2016",
        ("Jan 2015", "Sep 2016", 20),
    ),
    # 11 figures across a gap are still too few for the page
    (
        [m for m in MONTHS[-12:] if m != "Mar 2016"],
        MONTHLY,
        FigureKind.FOR_THE_PERIOD,
        "Sep 2016",
        None,
    ),  # fmt: skip
]


@pytest.mark.parametrize(("labels", "frequency", "kind", "reporting", "expected"), ROWS)
def test_page_xmr(labels, frequency, kind, reporting, expected):
    found = page_xmr(_measure(labels, frequency, kind), parse_period(reporting))
    if expected is None:
        assert found is None
        return
    assert found is not None
    joined, chart = found
    first, last, count = expected
    assert (joined[0].period.label, joined[-1].period.label, len(joined)) == (first, last, count)
    assert len(chart.points) == count
    # the figures are 1, 2, 3 ... in month order: the chart's values are those it joins
    assert [p.value for p in chart.points] == [o.actual for o in joined]
