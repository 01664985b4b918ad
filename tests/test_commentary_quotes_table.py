"""Tables for ``reading/commentary/quotes``: a figure the text gives for the page's measure in
the present tense against the latest figure as the page prints it (total crime 29.92 per
1,000; alcohol completions 38%; offenders managed 138), with the whole message. Expected values
are written out by hand, never produced by the code under test; the mutation run of
docs/mutation.md found the gaps."""

from __future__ import annotations

import pytest

from safecity_reports.core.model import NOT_AVAILABLE, Unit
from test_commentary_table import ALCOHOL, COUNT, CRIME, Q2, SEXUAL, _measure, said

NO_FIGURES = _measure("1.2a", "Total Crime - Rate per 1,000", Unit.RATE_PER_1000, 2, {})
NOT_YET = _measure("1.2a", "Total Crime - Rate per 1,000", Unit.RATE_PER_1000, 2,
                   {"2016/17 Q1": 28.06, Q2: NOT_AVAILABLE})  # fmt: skip
LATEST = "but the workbook's latest figure is"

QUOTES = [
    ("The rate is now 0.13.", (CRIME,), [f"says 'The rate is now 0.13', {LATEST} 29.92 (2016/17 Q2)"]),
    ("The rate is now 29.92.", (CRIME,), []),
    ("The rate is 30.", (CRIME,), []),  # rounded to the places typed
    ("The rate is 29.", (CRIME,), []),  # or cut short
    ("The rate is 29.92%.", (CRIME,), []),  # a percentage is not this rate
    ("Last quarter the rate is 28.06.", (CRIME,), []),  # another period
    ("The rate stands at 31 per 1,000 residents.", (CRIME,),
     [f"says 'The rate stands at 31', {LATEST} 29.92 (2016/17 Q2)"]),
    ("The rate remains at 31 compared to 28.06.", (CRIME,),
     [f"says 'The rate remains at 31', {LATEST} 29.92 (2016/17 Q2)"]),
    ("The proportion is 40%.", (ALCOHOL,), [f"says 'The proportion is 40%', {LATEST} 38% (2016/17 Q2)"]),
    ("The proportion is 38 per cent.", (ALCOHOL,), []),
    ("The proportion is 40.", (ALCOHOL,), []),  # a percentage without '%' is not read
    ("Offenders managed are 150.", (COUNT,), [f"says 'Offenders managed are 150', {LATEST} 138 (2016/17 Q2)"]),
    ("The number is currently at 150, which is lower.", (COUNT,),
     [f"says 'The number is currently at 150', {LATEST} 138 (2016/17 Q2)"]),
    ("After a long and difficult year for everyone involved in the work, the rate is now 0.13.",
     (CRIME,), [f"says 'everyone involved in the work, the rate is now 0.13', {LATEST} 29.92 (2016/17 Q2)"]),
    ("Across all of the wards of the city this year, the rate is now 0.13.", (CRIME,),
     [f"says 'e wards of the city this year, the rate is now 0.13', {LATEST} 29.92 (2016/17 Q2)"]),
    ("The rate is now 0.13.", (NO_FIGURES,), []),  # no latest figure
    ("The rate is now 0.13.", (NOT_YET,), []),  # the latest marked not available
    ("The rate is now 0.13.", (CRIME, SEXUAL), []),  # which rate?
    ("Total crime is 0.13.", (CRIME, SEXUAL), [f"says 'Total crime is 0.13', {LATEST} 29.92 (2016/17 Q2)"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "measures", "messages"), QUOTES)
def test_a_figure_quoted_as_the_latest(text, measures, messages):
    label = "-".join(dict.fromkeys((measures[0].id, measures[-1].id)))
    assert said(text, *measures) == [f"The commentary on {label} {m}" for m in messages]
