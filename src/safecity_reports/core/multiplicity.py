"""How many changes the period tests, and the optional allowance for their number (issue 23).

A report that tests a dozen changes a period will now and then call one 'significant' by chance
alone. How to read this report says how many were tested and what that means; where Settings'
Multiple testing asks for the false discovery rate, the verdicts are judged on Benjamini and
Hochberg's adjusted p-values across those tests (``stats.multiplicity``), computed here once, so
that every page, table and count reads the same verdict. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from safecity_reports.core.model import MultipleTesting
from safecity_reports.core.significance import ChangeTest
from safecity_reports.core.status import Direction, MeasureStatus, tested
from safecity_reports.stats.multiplicity import false_discovery_rate


def year_said_apart(status: MeasureStatus) -> bool:
    """Whether the change from a year earlier is tested and said apart from the latest change
    (it compares other figures): a test of its own."""
    return (
        status.year_test is not None
        and status.year_ago is not status.previous
        and status.year_direction is not Direction.NOT_AVAILABLE
    )


def period_tests(statuses: Sequence[MeasureStatus]) -> list[ChangeTest]:
    """Every change tested that the report prints: each latest change, then each change from a
    year earlier where it is said apart. These are the tests How to read counts and the false
    discovery rate is controlled across."""
    found = [s.test for s in statuses if s.test is not None]
    found += [s.year_test for s in statuses if s.year_test is not None and year_said_apart(s)]
    return found


def adjusted(statuses: Sequence[MeasureStatus], method: MultipleTesting) -> list[MeasureStatus]:
    """``statuses`` in the same order, with every test of ``period_tests`` given its adjusted
    p-value (Benjamini and Hochberg's, across all of them) and the verdicts judged on it: a
    change significant on its own test but not once adjusted is NOT_SIGNIFICANT. The change from
    a year earlier that is the latest change itself shares its verdict. Unchanged where
    ``method`` is NONE or nothing was tested."""
    tests = period_tests(statuses)
    if method is MultipleTesting.NONE or not tests:
        return list(statuses)
    adjusted_p = iter(false_discovery_rate([t.p_value for t in tests]))
    family = len(tests)
    latest = [
        None
        if s.test is None
        else replace(s.test, adjusted_p_value=next(adjusted_p), family=family)
        for s in statuses
    ]
    out = []
    for status, test in zip(statuses, latest, strict=True):
        year = status.year_test
        if year is not None and year_said_apart(status):
            year = replace(year, adjusted_p_value=next(adjusted_p), family=family)
        elif year is not None and status.year_ago is status.previous:
            year = test  # the same comparison: the same verdict
        out.append(
            replace(
                status,
                test=test,
                year_test=year,
                judgement=tested(status.direction, status.judgement, test),
                year_judgement=tested(status.year_direction, status.year_judgement, year),
            )
        )
    return out
