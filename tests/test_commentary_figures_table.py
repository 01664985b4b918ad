"""Tables for ``reading/commentary/figures``: a figure quoted with its period (a date, a span,
a quarter, the previous quarter, the same period last year) and the two figures of 'rose from
... to ...', each with its whole message. Expected values are worked out by hand from the
figures of ``test_commentary_table`` (total crime 25.40 in 2015/16 Q2, 28.06 and 29.92 in Q1 and
Q2 of 2016/17; serious sexual offences 0.61, 0.62, 0.71; re-offending 33.8% in Oct 2012 - Sep
2013, 35.0% in 2013 and 38.0% in Jul 2016 - Jun 2017): a figure agrees when it is the
workbook's as printed, rounded or cut short to the places typed. The mutation run of
docs/mutation.md found the gaps."""

from __future__ import annotations

import pytest

from safecity_reports.core.model import NOT_AVAILABLE, Unit
from test_commentary_table import CRIME, Q2, REOFFEND, SEXUAL, _measure, said

NO_FIGURE = _measure("1.2a", "Total Crime - Rate per 1,000", Unit.RATE_PER_1000, 2,
                     {"2016/17 Q1": NOT_AVAILABLE, Q2: 29.92})  # fmt: skip

WAS = "but the workbook's figure for"

FIGURES = [
    ("Re-offending rose from 31.8% in Oct 2012 - Sep 2013 to 38% in Jul 2016 - Jun 2017.",
     (REOFFEND,), [f"says '31.8% in Oct 2012 - Sep 2013', {WAS} Oct 2012 - Sep 2013 is 33.8%"]),
    ("Re-offending rose from 33.8% in Oct 2012 - Sep 2013 to 39% in Jul 2016 - Jun 2017.",
     (REOFFEND,), [f"says '39% in Jul 2016 - Jun 2017', {WAS} Jul 2016 - Jun 2017 is 38%"]),
    ("The re-offending rate was 36.5 per cent in Jan 2013 - Dec 2013.", (REOFFEND,),
     [f"says '36.5 per cent in Jan 2013 - Dec 2013', {WAS} Jan 2013 - Dec 2013 is 35%"]),
    ("Total crime was 25.4 in 2015/16 Q2.", (CRIME,), []),
    ("Total crime was 26.4 in 2015/16 Q2.", (CRIME,), [f"says '26.4 in 2015/16 Q2', {WAS} 2015/16 Q2 is 25.4"]),
    ("Total crime was 26.4 per 1,000 in 2015/16 Q2.", (CRIME,),
     [f"says '26.4 per 1,000 in 2015/16 Q2', {WAS} 2015/16 Q2 is 25.4"]),
    ("Total crime was 29 in the previous quarter.", (CRIME,),
     [f"says '29 in the previous quarter', {WAS} 2016/17 Q1 is 28.06"]),
    ("Total crime was 28.06 in the previous quarter.", (CRIME,), []),
    ("Total crime was 28 in the previous quarter.", (CRIME,), []),  # to the places typed
    ("Total crime was 26 in the same period last year.", (CRIME,),
     [f"says '26 in the same period last year', {WAS} 2015/16 Q2 is 25.4"]),
    ("Total crime was 25 in the same period last year.", (CRIME,), []),
    ("Total crime was 26 in 2014/15 Q2.", (CRIME,), []),  # no figure for that period
    ("Total crime was 26 in the previous quarter.", (NO_FIGURE,), []),  # marked not available
    ("Patrols numbered 12 in May and total crime was 26.4 in 2015/16 Q2.", (CRIME,),
     [f"says '26.4 in 2015/16 Q2', {WAS} 2015/16 Q2 is 25.4"]),  # a figure of no measure first
    ("Total crime was 26% in 2015/16 Q2.", (CRIME,), []),  # another unit: not its figure
    ("Total crime was £26 in 2015/16 Q2.", (CRIME,), []),  # money is no rate
    ("Total crime and sexual offences were 26 in 2015/16 Q2.", (CRIME, SEXUAL), []),  # two named
    ("Serious sexual offences were 0.7 in 2015/16 Q2.", (CRIME, SEXUAL),
     [f"says '0.7 in 2015/16 Q2', {WAS} 2015/16 Q2 is 0.61"]),
    # 'from ... to ...': the comparison's figure (the previous one unless another is named) and
    # the latest, a figure with its own period read with it
    ("Total crime rose from 27 to 29.92.", (CRIME,), [f"says 'from 27 to 29.92', {WAS} 2016/17 Q1 is 28.06"]),
    ("Total crime rose from 28.06 to 31.", (CRIME,), [f"says 'from 28.06 to 31', {WAS} 2016/17 Q2 is 29.92"]),
    ("Total crime rose from 28.06 to 30.", (CRIME,), []),
    ("Total crime rose from 28 to 29.9.", (CRIME,), []),
    ("Total crime rose from 25 to 29.92 on the same period last year.", (CRIME,), []),
    ("Total crime rose from 26 to 29.92 on the same period last year.", (CRIME,),
     [f"says 'from 26 to 29.92', {WAS} 2015/16 Q2 is 25.4"]),
    ("Total crime rose from 25.4 in 2015/16 Q2 to 29 in 2016/17 Q2.", (CRIME,), []),
    ("Total crime rose from 26 in 2015/16 Q2 to 29.92.", (CRIME,),
     [f"says '26 in 2015/16 Q2', {WAS} 2015/16 Q2 is 25.4"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "measures", "messages"), FIGURES)
def test_a_figure_against_the_workbooks_for_its_period(text, measures, messages):
    label = "-".join(dict.fromkeys((measures[0].id, measures[-1].id)))
    assert said(text, *measures) == [f"The commentary on {label} {m}" for m in messages]
