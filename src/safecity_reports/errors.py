"""The errors the tool raises on purpose. Anything else is a bug and shows a traceback."""

from __future__ import annotations

from dataclasses import dataclass


class ReportError(Exception):
    """Base of every expected failure: the CLI prints ``Error: <message>`` and exits non-zero."""

    exit_code = 1


class UsageError(ReportError):
    """The command was called wrongly (a missing file, an output folder that cannot be used)."""

    exit_code = 2


class ProcessEnded(ReportError):
    """A process the run forked (drawing the charts, writing Word) ended before its work was
    done: killed, or out of memory. Nothing was written."""

    exit_code = 2

    def __init__(self, doing: str, how: str = "") -> None:
        super().__init__(
            f"the process {doing} ended before it finished{how} (was it killed, or out of"
            " memory?); the report there before is left as it was: run make-report again"
        )


class WorkbookError(ReportError):
    """The workbook cannot be read at all (not a workbook, encrypted, damaged, unsafe)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the workbook, found by reading or validating it."""

    where: str
    """File, sheet and cell, e.g. ``q2.xlsx, sheet Measures, cell E7``."""
    message: str
    """What is wrong, with the bad value and what is accepted."""
    severity: str = "error"
    """``error`` (the report cannot be made) or ``warning`` (legal but suspicious)."""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class ValidationFailed(ReportError):
    """The workbook was read but holds errors (or warnings, under ``--strict``)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = sum(p.severity == "error" for p in problems)
        warnings = len(problems) - errors
        lines = [f"{p.severity.capitalize()}: {p}" for p in problems]
        summary = f"{errors} error(s), {warnings} warning(s)"
        super().__init__("\n".join([*lines, summary]))
