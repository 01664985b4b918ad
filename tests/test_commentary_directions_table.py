"""Tables for ``reading/commentary/directions``: which period a clause compares with (the same
period last year, the previous one, a quarter, a month or a period by its label), and the
direction it claims held to the workbook's figures for that period, a period the workbook has
no figure for left alone. Expected values are worked out by hand from the figures of
``test_commentary_table`` (total crime 25.40 in 2015/16 Q2, 28.06 in Q1 and 29.92 in Q2 of
2016/17; offenders managed 140 and 138), never produced by the code under test; the mutation
run of docs/mutation.md found the gaps."""

from __future__ import annotations

import pytest

from safecity_reports.core.model import (
    NOT_AVAILABLE,
    Commentary,
    Frequency,
    KeyAction,
    Location,
    Measure,
    Observation,
    Polarity,
    Priority,
    Report,
    Run,
    Settings,
    TextBlock,
    Unit,
)
from safecity_reports.core.periods import parse_period
from safecity_reports.reading.commentary import check_commentary
from safecity_reports.reading.commentary.directions import Direction, claim, comparison
from test_commentary_table import COUNT, CRIME, Q2, SEXUAL, _measure, said

UP, DOWN, SAME = Direction.UP, Direction.DOWN, Direction.SAME


def _crime(figures):
    return _measure("1.2a", "Total Crime - Rate per 1,000", Unit.RATE_PER_1000, 2, figures)


NO_Q1 = _crime({"2015/16 Q2": 25.4, Q2: 29.92})
ONLY_Q2 = _crime({Q2: 29.92})
ONLY_Q1 = _crime({"2016/17 Q1": 28.06})
NO_FIGURES = _crime({})
NOT_AVAILABLE_Q1 = _crime({"2016/17 Q1": NOT_AVAILABLE, Q2: 29.92})
COUNT_ONLY_Q2 = _measure("1.1c", "Offenders managed - Count", Unit.COUNT, 0, {Q2: 138})


COMPARISONS = [
    ("Crime rose compared to the same period last year", "year"),
    ("Crime rose compared with the same quarter of the previous year", "year"),
    ("Crime rose on the previous quarter", "previous"),
    ("Crime rose since 2015/16 Q2", "2015/16 Q2"),
    ("Crime rose compared to Q1", "Q1"),
    ("Crime rose compared with quarter 3", "Q3"),
    ("Crime rose compared to Nov 2015", "Nov 2015"),
    ("Crime rose than in November", "month November"),
    ("Crime rose on the previous quarter and since 2015/16 Q2", None),  # two: none judged
    ("Crime rose", None),
]


@pytest.mark.parametrize(("clause", "against"), COMPARISONS)
def test_the_one_period_a_clause_compares_with(clause, against):
    found = comparison(clause)
    assert (found and found[0]) == against


CLAIMS = [
    ("Crime rose on the previous quarter", {UP}, "rose on the previous quarter"),
    ("Crime has not fallen since Q1", {UP, SAME}, "fallen since Q1"),
    ("Crime was stable compared to Q1", {SAME}, "stable compared to Q1"),
    ("Crime has gone down on the previous quarter", {DOWN}, "down on the previous quarter"),
    ("Crime has not been stable since Q1", None, None),  # 'not stable' says too little
    ("Crime fell broadly since Q1", {DOWN}, "fell broadly since Q1"),
    ("Crime has broadly fallen since Q1", None, None),  # hedged
    ("Crime could fall since Q1", None, None),  # hypothetical
    ("Crime rose significantly since Q1", None, None),  # left to the significance check
    ("Crime rose and fell since Q1", None, None),  # two directions
]


@pytest.mark.parametrize(("clause", "allowed", "words"), CLAIMS)
def test_the_direction_a_clause_claims(clause, allowed, words):
    found = claim(clause)
    assert (found and (set(found.allowed), found.words)) == ((allowed, words) if allowed else None)


FALL = "says 'fell compared to {}', but "

DIRECTIONS = [
    # a quarter named by its number: the latest such quarter before the current one
    ("Total crime fell compared to Q2.", (CRIME,),
     [FALL.format("Q2") + "the figures are 25.4 (2015/16 Q2) and 29.92 (2016/17 Q2): an increase"]),
    ("Total crime rose compared to Q2.", (CRIME,), []),
    ("Total crime fell compared to Q3.", (CRIME,), []),  # no figure for 2015/16 Q3
    ("Total crime fell compared to 2014/15 Q2.", (CRIME,), []),  # nor for 2014/15 Q2
    # no figure for the previous quarter: held to the page's figures, and says so
    ("Total crime fell compared to the previous quarter.", (NO_Q1,),
     [FALL.format("the previous quarter") + "the workbook has no figure for 2016/17 Q1, and the "
      "page's figures are 25.4 (2015/16 Q2) and 29.92 (2016/17 Q2): an increase"]),
    ("Total crime fell compared to 2015/16 Q4.", (NO_Q1,), []),  # a period named: not judged
    ("Total crime fell compared to the same period last year.", (ONLY_Q2,), []),  # nothing before
    ("Total crime fell compared to the previous quarter.", (ONLY_Q1,), []),  # no current figure
    ("Total crime fell compared to the previous quarter.", (NO_FIGURES,), []),  # no figure at all
    # the measure named before the words of direction is the one judged
    ("Total crime fell compared to the previous quarter, unlike offenders managed.",
     (CRIME, COUNT), [FALL.format("the previous quarter") + "the figures are 28.06 (2016/17 Q1) "
                      "and 29.92 (2016/17 Q2): an increase"]),
    ("Total crime fell compared to the previous quarter.", (NOT_AVAILABLE_Q1,), []),
    # two measures named: judged only when both can be, and both moved the same way
    ("Total crime and offenders managed fell compared to the previous quarter.",
     (CRIME, COUNT_ONLY_Q2), []),
    ("Total crime and offenders managed fell compared to the previous quarter.",
     (CRIME, COUNT), []),  # one rose, one fell
    # none named: the page's measures, each with its id
    ("Both fell compared to the previous quarter.", (CRIME, SEXUAL),
     [FALL.format("the previous quarter") + "1.2a: the figures are 28.06 (2016/17 Q1) and 29.92 "
      "(2016/17 Q2); 1.3: the figures are 0.62 (2016/17 Q1) and 0.71 (2016/17 Q2): an increase"]),
]  # fmt: skip


AGAINST_Q1 = "this quarter against Q1', but the figures are "
CRIME_ROSE = f"{AGAINST_Q1}28.06 (2016/17 Q1) and 29.92 (2016/17 Q2): an increase"
COUNT_FELL = f"{AGAINST_Q1}140 (2016/17 Q1) and 138 (2016/17 Q2): a fall"

WORDS = [
    # 'up' and 'down' are directions after a verb, whatever follows them
    *[(f"Total crime {verb} down this quarter against Q1.", (CRIME,), [f"says 'down {CRIME_ROSE}"])
      for verb in ("is", "are", "was", "were", "has been", "has gone", "went", "is going")],
    ("Total crime is up this quarter against Q1.", (CRIME,), []),
    ("Offenders managed are up this quarter against Q1.", (COUNT,), [f"says 'up {COUNT_FELL}"]),
    ("Offenders managed have risen this quarter against Q1.", (COUNT,),
     [f"says 'risen {COUNT_FELL}"]),
    ("Total crime fell this quarter against Q1.", (CRIME,), [f"says 'fell {CRIME_ROSE}"]),
    ("Total crime was unchanged this quarter against Q1.", (CRIME,),
     [f"says 'unchanged {CRIME_ROSE}"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "measures", "messages"), DIRECTIONS + WORDS)
def test_a_direction_against_the_period_it_names(text, measures, messages):
    label = "-".join(dict.fromkeys((measures[0].id, measures[-1].id)))
    assert said(text, *measures) == [f"The commentary on {label} {m}" for m in messages]


def _report(period, measure):
    where = Location("Commentary", "B2")
    return Report(
        Settings("Safe City", "Report", parse_period(period)),
        (Priority("1", "Crime", (KeyAction("1.1", "1", "A", "P", measures=(measure,)),)),),
        (),
        source_name="q.xlsx",
    ), where


def _on_page(period, measure, text):
    from dataclasses import replace

    report, where = _report(period, measure)
    page = Commentary(("1.1",), (TextBlock((Run(text),), where=where),), where)
    return [p.message for p in check_commentary(replace(report, commentary=(page,)))]


ASB = Measure("1.1a", "1.1", "ASB incidents - Count", Unit.COUNT, Polarity.LOW_IS_GOOD,
              Frequency.MONTHLY, 0, tuple(Observation(parse_period(p), v)
                                          for p, v in {"Nov 2025": 413, "Dec 2025": 498}.items()))  # fmt: skip


def test_a_month_named_alone_is_the_latest_such_month():
    assert _on_page("Dec 2025", ASB, "ASB incidents fell compared to November.") == [
        "The commentary on 1.1 says 'fell compared to November', but the figures are 413 "
        "(Nov 2025) and 498 (Dec 2025): an increase"
    ]
    assert _on_page("Dec 2025", ASB, "ASB incidents rose compared to November.") == []


def test_a_period_with_no_same_period_a_year_before_is_not_judged():
    # five months: no earlier run of five months ends exactly a year before
    spans = {"Nov 2015 - Mar 2016": 10.0, "Apr 2016 - Aug 2016": 12.0}
    odd = Measure("1.1a", "1.1", "ASB incidents - Count", Unit.COUNT, Polarity.LOW_IS_GOOD,
                  Frequency.MONTHLY, 0,
                  tuple(Observation(parse_period(p), v) for p, v in spans.items()))  # fmt: skip
    text = "ASB incidents fell compared to the same period last year."
    assert _on_page("Apr 2016 - Aug 2016", odd, text) == []
