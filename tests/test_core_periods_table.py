"""Period labels (``core.periods``), as tables: a month written with a full stop, a
non-breaking space, a financial year in four digits, over a century, and one whose two years
are not consecutive, worked out by hand from the accepted forms the module's docstring lists
(issue 21: the verdicts tested as tables).
"""

from __future__ import annotations

from datetime import date

import pytest

from safecity_reports.core.periods import PeriodKind, parse_period

# (label, first day, last day, kind, canonical label)
LABELS = [
    ("Sep. 2016", date(2016, 9, 1), date(2016, 9, 30), PeriodKind.MONTH, "Sep 2016"),
    ("Sept. 2016", date(2016, 9, 1), date(2016, 9, 30), PeriodKind.MONTH, "Sep 2016"),
    ("feb. 2016", date(2016, 2, 1), date(2016, 2, 29), PeriodKind.MONTH, "Feb 2016"),
    (
        "Oct. 2013 - Sep. 2014",
        date(2013, 10, 1),
        date(2014, 9, 30),
        PeriodKind.MONTH_SPAN,
        "Oct 2013 - Sep 2014",
    ),
    ("2016/17\u00a0Q2", date(2016, 7, 1), date(2016, 9, 30), PeriodKind.QUARTER, "2016/17 Q2"),
    ("2016/17 Q4", date(2017, 1, 1), date(2017, 3, 31), PeriodKind.QUARTER, "2016/17 Q4"),
    ("2016/2017", date(2016, 4, 1), date(2017, 3, 31), PeriodKind.FINANCIAL_YEAR, "2016/17"),
    ("2099/00", date(2099, 4, 1), date(2100, 3, 31), PeriodKind.FINANCIAL_YEAR, "2099/00"),
    ("2016", date(2016, 1, 1), date(2016, 12, 31), PeriodKind.CALENDAR_YEAR, "2016"),
]


@pytest.mark.parametrize(("label", "start", "end", "kind", "canonical"), LABELS)
def test_a_label_as_a_period(label, start, end, kind, canonical):
    period = parse_period(label)
    assert (period.start, period.end, period.kind, period.label) == (start, end, kind, canonical)


@pytest.mark.parametrize(
    "label",
    [
        "2016/18",
        "2016/16",
        "2016/2018",
        "2016/0017",
        "2016/18 Q1",
        "Sepp 2016",
        "Sep 2016 - Aug 2016",
    ],
)
def test_a_financial_year_of_years_not_consecutive_and_other_bad_labels_are_refused(label):
    with pytest.raises(ValueError, match="is not a period label; use a financial-year quarter"):
        parse_period(label)
