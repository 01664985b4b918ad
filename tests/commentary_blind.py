"""The blind set of commentary sentences (``tests/data/commentary_blind.csv``) read by ``check``.

Each row is one sentence an officer might type on one commentary page of q2 or an example
workbook, labelled by hand (an error or not, and of which kind) before ``check`` ever read it.
``warnings`` puts the sentence on that page of the workbook, alone, and says what ``check``
warned; ``scores`` counts the hits, misses and false alarms.

A sentence about significance is right or wrong by the report's own test, which other work may
change (overdispersion, counts the workbook states). Such a row names the verdict it was
labelled against ('1.3=not significant'); where the report's verdict is now the other one, the
label is turned over, and where the change is no longer tested the row is left out.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path

from safecity_reports.core.model import Commentary, Location, Report, Run, TextBlock
from safecity_reports.core.verdicts import Change, Verdicts, judge
from safecity_reports.reading.commentary import check_commentary
from safecity_reports.reading.workbook import read

ROOT = Path(__file__).resolve().parents[1]
BLIND_SET = ROOT / "tests" / "data" / "commentary_blind.csv"
_WORKBOOKS = {"q2.xlsx": ROOT / "inputs" / "q2.xlsx"}


@dataclass(frozen=True)
class Row:
    """One labelled sentence of the blind set."""

    workbook: str
    """The workbook's file name (q2.xlsx, or one of inputs/examples)."""
    page: tuple[str, ...]
    """The ids the commentary page covers, as the workbook's Commentary sheet names them."""
    report_date: date | None
    """The report's date where the row gives one (the workbooks leave it blank); else the
    workbook's own."""
    error: bool
    """Whether the sentence is wrong about the workbook (the label)."""
    kind: str
    """What kind of error, or of sentence, it is."""
    verdict: str
    """For a sentence about significance, the report's verdict it was labelled against
    ('1.3=not significant'); '' for others."""
    sentence: str
    """The words."""


def rows() -> list[Row]:
    """Every row of the blind set, in file order."""
    with BLIND_SET.open(newline="", encoding="utf-8") as handle:
        return [
            Row(
                r["workbook"],
                tuple(r["page"].split(",")),
                date.fromisoformat(r["report_date"]) if r["report_date"] else None,
                r["error"] == "yes",
                r["kind"],
                r["verdict"],
                r["sentence"],
            )
            for r in csv.DictReader(handle)
        ]


@cache
def _report(workbook: str) -> Report:
    path = _WORKBOOKS.get(workbook, ROOT / "inputs" / "examples" / workbook)
    return read(path).report


@cache
def _verdicts(workbook: str) -> Verdicts:
    return judge(_report(workbook))


def warnings(row: Row) -> list[str]:
    """What ``check`` says of the row's sentence on its page, alone."""
    report = _report(row.workbook)
    where = Location("Commentary", "B2")
    page = Commentary(row.page, (TextBlock((Run(row.sentence),), where=where),), where)
    settings = report.settings
    if row.report_date is not None:
        settings = replace(settings, report_date=row.report_date)
    return [
        p.message for p in check_commentary(replace(report, settings=settings, commentary=(page,)))
    ]


_SIGNIFICANT = {Change.BETTER: "significant", Change.WORSE: "significant"}
_NOT = {Change.NOT_SIGNIFICANT: "not significant", Change.NO_CHANGE: "not significant"}


def labelled(row: Row) -> Row | None:
    """The row with its label as the report's verdicts stand today: turned over where the
    verdict it assumed is now the other one, None where the change is no longer tested."""
    if not row.verdict:
        return row
    measure, assumed = row.verdict.split("=")
    change = _verdicts(row.workbook).own[measure].change
    now = _SIGNIFICANT.get(change) or _NOT.get(change)
    if now is None:
        return None
    return row if now == assumed else replace(row, error=not row.error)


@dataclass(frozen=True)
class Scores:
    """How ``check`` did on the blind set."""

    hits: int
    """Errors it warned about."""
    misses: tuple[Row, ...]
    """Errors it did not warn about."""
    false_alarms: tuple[Row, ...]
    """Sentences without an error that it warned about."""
    right: int
    """Sentences without an error it left alone."""

    @property
    def precision(self) -> float:
        flagged = self.hits + len(self.false_alarms)
        return self.hits / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        errors = self.hits + len(self.misses)
        return self.hits / errors if errors else 1.0


def scores(chosen: list[Row] | None = None) -> Scores:
    """Precision and recall of ``check`` over ``chosen`` (the whole blind set by default)."""
    hits, right = 0, 0
    misses: list[Row] = []
    alarms: list[Row] = []
    for given in rows() if chosen is None else chosen:
        row = labelled(given)
        if row is None:
            continue
        warned = bool(warnings(row))
        if row.error and warned:
            hits += 1
        elif row.error:
            misses.append(row)
        elif warned:
            alarms.append(row)
        else:
            right += 1
    return Scores(hits, tuple(misses), tuple(alarms), right)


if __name__ == "__main__":  # PYTHONPATH=src:tests python tests/commentary_blind.py
    found = scores()
    for row in found.misses:
        print(f"missed ({row.kind}): {row.sentence}")
    for row in found.false_alarms:
        print(f"false alarm ({row.kind}): {row.sentence} -> {warnings(row)}")
    print(
        f"{found.hits} of {found.hits + len(found.misses)} errors found, "
        f"{len(found.false_alarms)} false alarm(s): precision {found.precision:.2f}, "
        f"recall {found.recall:.2f}"
    )
