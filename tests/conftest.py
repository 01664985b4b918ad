"""Shared fixtures: a valid workbook to spoil, and a way to run ``make-report`` in-process."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl.workbook.workbook import Workbook

from fixtures.workbooks import save, valid_workbook
from safecity_reports.cli import main


@pytest.fixture
def workbook() -> Workbook:
    """A fresh valid workbook (no errors, no warnings) to change."""
    return valid_workbook()


@pytest.fixture
def saved(tmp_path: Path) -> Callable[[Workbook], Path]:
    """Save a workbook as ``q2.xlsx`` in the test's folder."""
    return lambda wb: save(wb, tmp_path)


@pytest.fixture
def make_report() -> Callable[..., Result]:
    """Run ``make-report`` with the given arguments."""
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args])


def problem_lines(output: str) -> list[str]:
    """The output's problem lines as ``where: message``, without their Error:/Warning: labels."""
    return [re.sub(r"^(?:(?:Error|Warning): )+", "", line) for line in output.splitlines()]
