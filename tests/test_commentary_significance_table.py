"""Tables for ``reading/commentary/significance``: words of significance held to the report's
own test both ways and in both directions, with their whole messages. Total crime rose from
28.06 to 29.92 per 1,000 and fell from 29.92 to 28.06 (both significant at 250,900 residents,
about 7,040 and 7,507 crimes); it stayed at 29.92 (no change); serious sexual offences rose
from 0.62 to 0.71 (not significant). Expected values are written out by hand, never produced
by the code under test; the mutation run of docs/mutation.md found the gaps."""

from __future__ import annotations

from dataclasses import replace

import pytest

from safecity_reports.core.model import Polarity, Unit
from test_commentary_table import CRIME, Q2, SEXUAL, _measure, said


def _crime(figures):
    return _measure("1.2a", "Total Crime - Rate per 1,000", Unit.RATE_PER_1000, 2, figures)


FALLING = _crime({"2016/17 Q1": 29.92, Q2: 28.06})
FLAT = _crime({"2016/17 Q1": 29.92, Q2: 29.92})

UP = "from 28.06 (2016/17 Q1) to 29.92 (2016/17 Q2)"
DOWN = "from 29.92 (2016/17 Q1) to 28.06 (2016/17 Q2)"

SIGNIFICANCE = [
    # the wrong way
    ("Total crime has fallen significantly.", (CRIME,),
     [f"says 'fallen significantly', but the figures show a significant increase {UP}"]),
    ("Total crime is significantly down.", (CRIME,),
     [f"says 'significantly down', but the figures show a significant increase {UP}"]),
    ("Total crime has risen significantly.", (FALLING,),
     [f"says 'risen significantly', but the figures show a significant fall {DOWN}"]),
    ("Total crime is significantly up on last quarter.", (FALLING,),
     [f"says 'significantly up', but the figures show a significant fall {DOWN}"]),
    ("Total crime has risen significantly compared to Q1.", (FALLING,),
     [f"says 'risen significantly', but the figures show a significant fall {DOWN}"]),
    ("Total crime has risen significantly compared to Q4.", (FALLING,), []),  # not the test's
    # the right way, or no way said
    ("Total crime has fallen significantly.", (FALLING,), []),
    ("Total crime has changed significantly.", (FALLING,), []),
    ("Total crime has risen significantly.", (CRIME, SEXUAL), []),
    # no significant change said where the test finds one
    ("There has been no significant change in total crime.", (CRIME,),
     [f"says 'no significant change', but the report's own test finds a significant increase {UP}"]),
    ("There has been no significant change in total crime.", (FALLING,),
     [f"says 'no significant change', but the report's own test finds a significant fall {DOWN}"]),
    ("Total crime has not fallen significantly.", (FALLING,),
     [f"says 'not fallen significantly', but the report's own test finds a significant fall {DOWN}"]),
    ("Total crime has not risen significantly.", (FALLING,), []),  # true: it fell
    # a significant change said where the test finds none
    ("Serious sexual offences have increased significantly.", (SEXUAL,),
     ["says 'increased significantly', but the report's own test finds no significant change "
      "from 0.62 (2016/17 Q1) to 0.71 (2016/17 Q2)"]),
    ("Total crime has risen significantly.", (FLAT,),
     ["says 'risen significantly', but the report's own test finds no significant change "
      "from 29.92 (2016/17 Q1) to 29.92 (2016/17 Q2)"]),
    ("There is no significant change in total crime.", (FLAT,), []),
    # a comparison with somewhere else is not the change's test
    ("Serious sexual offences are significantly higher than the national average.", (SEXUAL,), []),
    ("Serious sexual offences are significantly higher than the previous quarter.", (SEXUAL,),
     ["says 'significantly higher', but the report's own test finds no significant change "
      "from 0.62 (2016/17 Q1) to 0.71 (2016/17 Q2)"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "measures", "messages"), SIGNIFICANCE)
def test_significance_words_against_the_reports_test(text, measures, messages):
    label = "-".join(dict.fromkeys((measures[0].id, measures[-1].id)))
    assert said(text, *measures) == [f"The commentary on {label} {m}" for m in messages]


def test_a_change_the_report_did_not_test_is_not_judged():
    # no population: no count, so no test, though the figures did not change
    assert said("Total crime has risen significantly.", FLAT, population=None) == []


def test_a_change_of_a_measure_with_no_better_direction_is_not_judged():
    # tested, but the report gives such a change no verdict ("not judged")
    neutral = replace(CRIME, polarity=Polarity.NO_PREFERENCE)
    assert said("Total crime has risen significantly.", neutral) == []
    assert said("There has been no significant change in total crime.", neutral) == []
