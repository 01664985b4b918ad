"""Issue 26's speed targets, judged from one benchmark run (``benchmarks.run``).

The targets are ratios measured in the same run where they can be (to the floor, to
LibreOffice), since a shared machine's load moves every time; two are times and sizes. Each is
judged only where the run measured what it needs: a run without q2, the peer or 3,000 measures
says so, and judges nothing it did not measure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

Q2 = "inputs/q2.xlsx"

BEFORE_300_CPU = 62.35
"""Seconds of CPU of ``make-report --no-cache`` at 300 measures before the round's features
(commit 2b030a1, 6 Dec 2026, docs/performance.md "Session 8's figures"): what "no slower" is
measured against. CPU, not wall time: that day's machine was loaded (load average 4.5 to 18.7)."""


class Timed(Protocol):
    seconds: float
    cpu: float
    peak_mb: float


class Measured(Protocol):
    """A workbook's row of the run (``benchmarks.run.Row``)."""

    name: str
    measures: int
    cold: Timed | None
    warm: Timed | None
    peer: float | None


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    """What the run measured, in words; empty where it measured nothing this target needs."""
    met: bool | None
    """None where the run did not measure it."""

    @property
    def said(self) -> str:
        if self.met is None:
            return "not measured in this run"
        return "met" if self.met else "**not met**"


Judge = Callable[[Measured, float], tuple[str, bool]]
"""A target's test of a row that has every figure it reads, given the run's floor: what it
measured, in words, and whether the target is met."""


def _to_floor(row: Measured, floor: float) -> tuple[str, bool]:
    assert row.cold is not None
    ratio = row.cold.seconds / floor
    return f"{ratio:.2f}x ({row.cold.seconds:.2f} s against {floor:.2f} s)", ratio <= 2


def _to_peer(row: Measured, floor: float) -> tuple[str, bool]:
    assert row.cold is not None and row.peer is not None
    ratio = row.cold.seconds / row.peer
    return f"{ratio:.2f}x ({row.cold.seconds:.2f} s against {row.peer:.2f} s)", ratio <= 0.5


def _rerun(row: Measured, floor: float) -> tuple[str, bool]:
    assert row.warm is not None
    ratio = row.warm.seconds / floor
    return f"{ratio:.2f}x ({row.warm.seconds:.2f} s)", ratio <= 1.5


def _peak(row: Measured, floor: float) -> tuple[str, bool]:
    assert row.cold is not None
    return f"{row.cold.peak_mb:.0f} MB", row.cold.peak_mb < 250


def _no_slower(row: Measured, floor: float) -> tuple[str, bool]:
    assert row.cold is not None
    said = f"{row.cold.cpu:.1f} s of CPU (before: {BEFORE_300_CPU:.1f} s), {row.cold.seconds:.1f} s"
    return said, row.cold.cpu <= BEFORE_300_CPU


def _under_120(row: Measured, floor: float) -> tuple[str, bool]:
    assert row.cold is not None
    return f"{row.cold.seconds:.1f} s", row.cold.seconds < 120


TARGETS: tuple[tuple[str, Callable[[Measured], bool], Judge], ...] = (
    ("q2 with no cache at most 2x the floor", lambda row: row.name == Q2, _to_floor),
    (
        "q2 with no cache at most half of LibreOffice's conversion of our .docx",
        lambda row: row.name == Q2 and bool(row.peer),
        _to_peer,
    ),
    ("q2 re-run unchanged at most 1.5x the floor", lambda row: row.name == Q2, _rerun),
    ("q2's peak memory under 250 MB", lambda row: row.name == Q2, _peak),
    (
        "300 measures no slower than before this round's features",
        lambda row: row.name != Q2 and row.measures == 300,
        _no_slower,
    ),
    (
        "3,000 measures under 120 s",
        lambda row: row.name != Q2 and row.measures == 3000,
        _under_120,
    ),
)
"""Each target: its words, which row it reads (a row of the run without the figures it needs
is not judged), and its test."""


def judged(rows: Sequence[Measured], floor: float) -> list[Verdict]:
    """Each target, judged from ``rows`` (one per workbook) and the ``floor`` of the same run."""
    verdicts = []
    for target, reads, judge in TARGETS:
        row = next((row for row in rows if reads(row)), None)
        if row is None or row.cold is None or row.warm is None:
            verdicts.append(Verdict(target, "", None))
        else:
            verdicts.append(Verdict(target, *judge(row, floor)))
    return verdicts


def markdown(verdicts: Sequence[Verdict]) -> list[str]:
    """The verdicts as a markdown table's lines."""
    lines = ["| target | measured | |", "| --- | --- | --- |"]
    lines += [f"| {v.target} | {v.measured or '-'} | {v.said} |" for v in verdicts]
    return lines
