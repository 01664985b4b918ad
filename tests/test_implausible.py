"""Issue 21 item 5: a figure the workbook's checks call implausible (a jump of more than half in
one comparison) is a concern on the Exceptions page, asking the board to check it. The reader
finds it (``reading.timeliness.implausible_figures``) and carries it on the ``Report`` as plain
data; ``core.verdicts`` reads it, never the reader."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from consistency import problems
from safecity_reports.core.model import Implausible, Unit
from safecity_reports.core.verdicts import Concern, judge
from safecity_reports.layout.exceptions import concern_words
from safecity_reports.layout.report import build_document
from safecity_reports.reading.timeliness import implausible_figures
from test_verdicts import LOW, measure, report

FLAG = Implausible("1.1", "2016/17 Q2", "", "it rose by 150% from 10 in 2016/17 Q1")


def _words(document) -> str:
    return repr(document)


# (first, second, unit) -> the reason the reader gives, or None for no flag
JUMPS = [
    (10.0, 25.0, Unit.PERCENTAGE, "it rose by 150% from 10% in 2016/17 Q1"),
    (40.0, 10.0, Unit.PERCENTAGE, "it fell by 75% from 40% in 2016/17 Q1"),
    (10.0, 15.0, Unit.PERCENTAGE, None),  # exactly half: not a jump
    (10.0, 15.1, Unit.PERCENTAGE, "it rose by 51% from 10% in 2016/17 Q1"),
    (0.0, 15.0, Unit.PERCENTAGE, None),  # nothing before: no share to rise by
    (1.0, 9.0, Unit.RANK, None),  # a rank moves as it will
    (None, 9.0, Unit.PERCENTAGE, None),  # nothing to compare with
]


@pytest.mark.parametrize(("first", "second", "unit", "reason"), JUMPS)
def test_the_reader_flags_a_jump_of_more_than_half(first, second, unit, reason):
    r = report(measure(first, second, LOW, unit=unit))
    expected = () if reason is None else (Implausible("1.1", "2016/17 Q2", "", reason),)
    assert implausible_figures(r) == expected


def test_a_flagged_figure_is_a_concern_listed_first_with_its_reason():
    m = measure(10.0, 25.0, LOW)
    v = judge(report(m, implausible=(FLAG,))).of("1.1")
    assert v.implausible == FLAG.reason
    assert v.concerns[0] is Concern.IMPLAUSIBLE
    r = report(m, implausible=(FLAG,))
    assert concern_words(r, v, Concern.IMPLAUSIBLE) == (
        "the figure for 2016/17 Q2 looks implausible (it rose by 150% from 10 in 2016/17 Q1):"
        " check it"
    )


@pytest.mark.parametrize(
    "flag",
    [
        replace(FLAG, measure_id="1.2"),  # another measure's
        replace(FLAG, period="2016/17 Q1"),  # an earlier figure's, not the latest
        replace(FLAG, area="North"),  # an area's, not the partnership's
    ],
)
def test_only_the_flag_of_this_measures_latest_figure_counts(flag):
    v = judge(report(measure(10.0, 25.0, LOW), implausible=(flag,))).of("1.1")
    assert v.implausible == "" and Concern.IMPLAUSIBLE not in v.concerns


def test_without_flags_no_figure_is_called_implausible():
    v = judge(report(measure(10.0, 25.0, LOW))).of("1.1")  # a report not read from a workbook
    assert Concern.IMPLAUSIBLE not in v.concerns


def test_the_exceptions_page_says_it_and_agrees_with_the_verdicts():
    r = report(measure(10.0, 25.0, LOW))
    r = replace(r, implausible=implausible_figures(r))
    verdicts = judge(r)
    document = build_document(r, verdicts, date(2016, 10, 1))
    assert (
        "the figure for 2016/17 Q2 looks implausible (it rose by 150% from 10% in 2016/17 Q1):"
        " check it" in _words(document)
    )
    assert problems(r) == []
