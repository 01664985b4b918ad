"""Tables for ``reading/commentary/multiples``: each multiple and fraction of change, 'more
than' and hedged, the figures it is held to and the whole message. Expected values are worked
out by hand (youth custody 0.22 a year before, 0.05 last quarter and 0.11 now: a rise of 120%
on the quarter, a fall of 50% on the year; total crime 28.06 to 29.92, a rise of 6.6%), never
produced by the code under test; the mutation run of docs/mutation.md found the gaps."""

from __future__ import annotations

import pytest

from safecity_reports.core.model import NOT_AVAILABLE, Unit
from safecity_reports.reading.commentary.multiples import _MULTIPLE, named_change
from test_commentary_table import CRIME, CUSTODY, Q2, _measure, said


def _custody(figures):
    return _measure(
        "4.5", "Use of Custody (Youth) - Rate per 1,000", Unit.RATE_PER_1000, 2, figures
    )


SAME = _custody({"2016/17 Q1": 0.11, Q2: 0.11})
FROM_NONE = _custody({"2016/17 Q1": 0.0, Q2: 0.11})
NO_FIGURE = _custody({"2016/17 Q1": NOT_AVAILABLE, Q2: 0.11})

NAMED = [
    ("doubled", 1.0), ("halved", -0.5), ("tripled", 2.0), ("trebled", 2.0), ("quadrupled", 3.0),
    ("up by a half", 0.5), ("down by a third", -1 / 3), ("risen by a quarter", 0.25),
    ("fell by one fifth", -0.2), ("grew by a tenth", 0.1), ("cut by a half", -0.5),
    ("increased by a quarter", 0.25), ("dropped by a tenth", -0.1), ("rising by a third", 1 / 3),
]  # fmt: skip


@pytest.mark.parametrize(("words", "change"), NAMED)
def test_the_change_each_word_names(words, change):
    match = _MULTIPLE.search(f"Youth custody {words} since Q1")
    assert named_change(match) == pytest.approx(change)


Q = "since the previous quarter"
YEAR = "on the same period last year"
RISE = "but the figures are 0.05 (2016/17 Q1) and 0.11 (2016/17 Q2): a rise of 120.0%"
FALL = "but the figures are 0.22 (2015/16 Q2) and 0.11 (2016/17 Q2): a fall of 50.0%"

MULTIPLES = [
    (f"Youth custody has doubled {Q}.", (CUSTODY,), []),  # 2.2 times: within a quarter of 2
    (f"Youth custody has tripled {Q}.", (CUSTODY,), [f"says 'tripled {Q}', {RISE}"]),
    ("Youth custody has quadrupled since Q1.", (CUSTODY,), [f"says 'quadrupled since Q1', {RISE}"]),
    ("Youth custody has quadrupled since Q3.", (CUSTODY,), []),  # no figure for 2015/16 Q3
    (f"Youth custody is down by a quarter {YEAR}.", (CUSTODY,),
     [f"says 'down by a quarter {YEAR}', {FALL}"]),
    (f"Youth custody is down by more than a quarter {YEAR}.", (CUSTODY,), []),
    (f"Youth custody is down by about a quarter {YEAR}.", (CUSTODY,), []),  # hedged
    (f"Youth custody has grown by a half {Q}.", (CUSTODY,), [f"says 'grown by a half {Q}', {RISE}"]),
    (f"Youth custody has grown by over a half {Q}.", (CUSTODY,), []),
    (f"Youth custody has risen by one tenth {Q}.", (CUSTODY,),
     [f"says 'risen by one tenth {Q}', {RISE}"]),
    ("Since the previous quarter, youth custody has tripled.", (CUSTODY,),
     [f"says 'Since the previous quarter, youth custody has tripled', {RISE}"]),
    (f"Youth custody has doubled {Q}.", (SAME,),
     [f"says 'doubled {Q}', but the figures are 0.11 (2016/17 Q1) and 0.11 (2016/17 Q2): "
      "no change"]),
    (f"Youth custody has doubled {Q}.", (FROM_NONE,), []),  # no multiple of nothing
    (f"Youth custody has doubled {Q}.", (NO_FIGURE,), []),  # marked not available
    # the measure named before the multiple, else the one the clause names
    (f"The figure has tripled {Q} for youth custody.", (CUSTODY,), [f"says 'tripled {Q}', {RISE}"]),
    (f"Total crime has doubled {Q}, unlike youth custody.", (CUSTODY, CRIME),
     [f"says 'doubled {Q}', but the figures are 28.06 (2016/17 Q1) and 29.92 (2016/17 Q2): a "
      "rise of 6.6%"]),
    (f"Youth custody, unlike total crime, has doubled {Q}.", (CUSTODY, CRIME), []),  # both
]  # fmt: skip


@pytest.mark.parametrize(("text", "measures", "messages"), MULTIPLES)
def test_a_multiple_against_the_figures(text, measures, messages):
    label = "-".join(dict.fromkeys((measures[0].id, measures[-1].id)))
    assert said(text, *measures) == [f"The commentary on {label} {m}" for m in messages]
