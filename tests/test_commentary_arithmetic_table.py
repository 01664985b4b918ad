"""Tables for ``reading/commentary/arithmetic``: shares ('20 out of 30 (60%)') in each of the
four ways they are written, and percentage changes from the text's own figures or the
workbook's, with their whole messages. Expected values are worked out by hand (20 of 30 is
66.7%; 25 to 30 is 20%; 20% to 25% is 5 points or 25%; total crime 28.06 to 29.92 is 6.6%;
alcohol completions 40.3% to 38% are 2.3 points or 5.7%; offenders managed 140 to 138 is 1.4%),
never produced by the code under test; the mutation run of docs/mutation.md found the gaps."""

from __future__ import annotations

import pytest

from safecity_reports.core.model import NOT_AVAILABLE, Pair, Unit
from test_commentary_table import ALCOHOL, COUNT, CRIME, Q2, _measure, said

NO_FIGURE = _measure("1.2a", "Total Crime - Rate per 1,000", Unit.RATE_PER_1000, 2,
                     {"2016/17 Q1": NOT_AVAILABLE, Q2: 29.92})  # fmt: skip
PAIRS = _measure("1.1c", "Offenders managed - Count", Unit.COUNT, 0,
                 {"2016/17 Q1": Pair(11, 2), Q2: Pair(12, 2)})  # fmt: skip

SHARES = [
    ("20 out of 30 young people (60%) completed the course.",
     ["says '20 out of 30 young people (60%)', but 20 out of 30 is 66.7%"]),
    ("20 out of 30 young people (66.7%) completed the course.", []),
    ("20 out of 30 young people (66%) completed the course.", []),  # cut short
    ("60% (20 out of 30) completed the course.",
     ["says '60% (20 out of 30)', but 20 out of 30 is 66.7%"]),
    ("20 young people (60% of 30) completed the course.",
     ["says '20 young people (60% of 30)', but 20 out of 30 is 66.7%"]),
    ("60% of the 30 young people (20) completed the course.",
     ["says '60% of the 30 young people (20)', but 20 out of 30 is 66.7%"]),
    ("30 out of 30 young people (90%) completed the course.",
     ["says '30 out of 30 young people (90%)', but 30 out of 30 is 100.0%"]),  # all of them
    ("1 out of 1 young person (50%) completed the course.",
     ["says '1 out of 1 young person (50%)', but 1 out of 1 is 100.0%"]),
    ("40 out of 30 young people (60%) completed the course.", []),  # more than all: not a share
    ("0 out of 0 young people (60%) completed the course.", []),  # of none
    ("1 out of 3 (33%) and 2 out of 3 (60%) completed.",
     ["says '2 out of 3 (60%)', but 2 out of 3 is 66.7%"]),
    ("40 out of 30 (60%) and 2 out of 3 (60%) completed.",
     ["says '2 out of 3 (60%)', but 2 out of 3 is 66.7%"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "messages"), SHARES)
def test_a_share_is_recomputed(text, messages):
    assert said(text, CRIME) == [f"The commentary on 1.2a {m}" for m in messages]


CHANGES = [
    # the text's own figures ('arrests' name no measure of the page)
    ("Arrests rose from 25 to 30, a 30% increase.", CRIME,
     ["says 'a 30% increase', but from 25 to 30: a change of 20.0%"]),
    ("Arrests rose from 25 to 30, a 20% increase.", CRIME, []),
    ("Arrests rose from 0 to 30, a 20% increase.", CRIME, []),  # no change in per cent from 0
    ("Arrests rose from 25 to 30, up 5 percentage points.", CRIME, []),  # points of no percentage
    ("Completions rose from 20% to 25%, up 25%.", CRIME, []),
    ("Completions rose from 20% to 25%, up 5%.", CRIME, []),  # points written with '%'
    ("Completions rose from 20% to 25%, up 10%.", CRIME,
     ["says 'up 10%', but from 20 to 25: a change of 5.0 percentage points or 25.0%"]),
    ("Completions rose from 20% to 25%, up 5 percentage points.", CRIME, []),
    ("Completions rose from 20% to 25%, up 10 percentage points.", CRIME,
     ["says 'up 10 percentage points', but from 20 to 25: a change of 5.0 percentage points"]),
    ("Completions rose from 1,020% to 1,025%, up 10%.", CRIME,
     ["says 'up 10%', but from 1,020 to 1,025: a change of 5.0 percentage points or 0.5%"]),
    # the workbook's figures
    ("Alcohol completions fell by 4 per cent on the previous quarter.", ALCOHOL,
     ["says 'fell by 4 per cent', but the figures are 40.3% (2016/17 Q1) and 38% (2016/17 Q2): "
      "a change of 2.3 percentage points or 5.7%"]),
    ("Alcohol completions fell by 5.7 percentage points on the previous quarter.", ALCOHOL,
     ["says 'fell by 5.7 percentage points', but the figures are 40.3% (2016/17 Q1) and 38% "
      "(2016/17 Q2): a change of 2.3 percentage points"]),
    ("Total crime is up by 9% on the previous quarter.", CRIME,
     ["says 'up by 9%', but the figures are 28.06 (2016/17 Q1) and 29.92 (2016/17 Q2): a change "
      "of 6.6%"]),
    ("Total crime is 9% higher than the previous quarter.", CRIME,
     ["says '9% higher', but the figures are 28.06 (2016/17 Q1) and 29.92 (2016/17 Q2): a change "
      "of 6.6%"]),
    ("Total crime is about 9% higher than the previous quarter.", CRIME, []),  # hedged
    ("Total crime shows a 9% rise on the previous quarter.", CRIME,
     ["says 'a 9% rise', but the figures are 28.06 (2016/17 Q1) and 29.92 (2016/17 Q2): a change "
      "of 6.6%"]),
    ("Total crime shows a 6.6% rise on the previous quarter.", CRIME, []),
    ("Offenders managed fell 5% on the previous quarter.", COUNT,
     ["says 'fell 5%', but the figures are 140 (2016/17 Q1) and 138 (2016/17 Q2): a change of "
      "1.4%"]),
    ("Offenders managed fell 5% on Q3.", COUNT, []),  # no figure for 2015/16 Q3
    ("Offenders managed fell 5%.", COUNT, []),  # compared with no period
    ("Total crime is up 9% on the previous quarter.", NO_FIGURE, []),  # marked not available
    ("Offenders managed rose 9% on the previous quarter.", PAIRS, []),  # two counts together
]  # fmt: skip


@pytest.mark.parametrize(("text", "measure", "messages"), CHANGES)
def test_a_percentage_change_is_recomputed(text, measure, messages):
    assert said(text, measure) == [f"The commentary on {measure.id} {m}" for m in messages]
