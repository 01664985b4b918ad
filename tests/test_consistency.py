"""Issue 21: one set of verdicts behind the front page, the summary, Exceptions and the pages,
checked from the laid-out document of q2, every example and generated reports of mixed shapes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tests.fixtures.verdict_reports import generated_report

from consistency import problems
from safecity_reports.reading.load import load_report
from safecity_reports.reading.timeliness import implausible_figures

ROOT = Path(__file__).resolve().parents[1]
WORKBOOKS = [ROOT / "inputs" / "q2.xlsx", *sorted((ROOT / "inputs" / "examples").glob("*.xlsx"))]


def _checked(report):
    """The report with the figures the reader's checks call implausible, as ``load_report``
    gives it."""
    return replace(report, implausible=implausible_figures(report))


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.stem)
def test_every_example_agrees_with_itself(path):
    report, _ = load_report(path)
    assert problems(report) == []


@pytest.mark.parametrize("seed", range(40))
def test_generated_reports_agree_with_themselves(seed):
    assert problems(_checked(generated_report(seed))) == []


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(40, 240))
def test_two_hundred_more_generated_reports_agree_with_themselves(seed):
    assert problems(_checked(generated_report(seed))) == []
