"""Issue 21's mutation run over the rest of ``core/``: the cases of ``core/targets`` and
``core/coverage`` that no table held (each row kills a mutant that survived; docs/mutation.md).
Expected values are worked out by hand from the rule each function's docstring states."""

from __future__ import annotations

import pytest

from safecity_reports.core.coverage import length_words
from safecity_reports.core.model import (
    FigureKind,
    Frequency,
    Measure,
    NotAvailable,
    Observation,
    Polarity,
    TargetKind,
    Unit,
)
from safecity_reports.core.periods import parse_period
from safecity_reports.core.targets import TargetStatus, target_status

Q2, Q2_LAST_YEAR, YEAR = (parse_period(p) for p in ("2016/17 Q2", "2015/16 Q2", "2016/17"))


def _measure(kind: TargetKind, target: float | None = None, **kwargs) -> Measure:
    return Measure(
        "2.1", "2.1", "Figure", Unit.COUNT, Polarity.LOW_IS_GOOD, Frequency.QUARTERLY, 0, (),
        target=target, target_kind=kind, **kwargs,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "before", "after", "status"),
    [
        # a change on last year wants a strict change: the same figure as printed is missed
        (TargetKind.INCREASE_ON_LAST_YEAR, 40.0, 40.0, TargetStatus.MISSED),
        (TargetKind.INCREASE_ON_LAST_YEAR, 40.0, 40.4, TargetStatus.MISSED),  # 40 as printed
        (TargetKind.INCREASE_ON_LAST_YEAR, 40.0, 41.0, TargetStatus.MET),
        (TargetKind.REDUCE_ON_LAST_YEAR, 40.0, 40.0, TargetStatus.MISSED),
        (TargetKind.REDUCE_ON_LAST_YEAR, 40.0, 39.0, TargetStatus.MET),
    ],
)
def test_a_change_on_last_year_is_strict(kind, before, after, status):
    m = _measure(kind)
    current, year_ago = Observation(Q2, after), Observation(Q2_LAST_YEAR, before)
    assert target_status(m, current, year_ago) is status


@pytest.mark.parametrize("current", [None, Observation(Q2, NotAvailable("NYA"))])
def test_no_figure_is_not_available_against_any_target(current):
    assert target_status(_measure(TargetKind.REACH, 30.0), current, None) is (
        TargetStatus.NOT_AVAILABLE
    )


def test_a_change_on_last_year_due_at_the_years_end_is_not_yet_due_for_a_quarter():
    # a quarter's figure (not a year to date) before the target's date cannot be judged
    m = _measure(TargetKind.REDUCE_ON_LAST_YEAR, target_due=YEAR)
    current, year_ago = Observation(Q2, 30.0), Observation(Q2_LAST_YEAR, 40.0)
    assert target_status(m, current, year_ago) is TargetStatus.NOT_YET_DUE


@pytest.mark.parametrize(
    ("label", "kind", "words"),
    [
        ("2016/17 Q2", FigureKind.SNAPSHOT, "a date"),
        ("Sep 2016", FigureKind.FOR_THE_PERIOD, "1 month"),
        ("2016/17 Q2", FigureKind.FOR_THE_PERIOD, "3 months"),
        ("2016/17", FigureKind.FOR_THE_PERIOD, "12 months"),
    ],
)
def test_length_words(label, kind, words):
    assert length_words(parse_period(label), kind) == words
