"""Time each stage of one report in this process: ``python -m benchmarks.stages WORKBOOK FOLDER``.

Prints one JSON object: for each stage (read, validate, status, charts, word, pdf) its wall time
in seconds, its CPU time in seconds (this process's and its workers', which a loaded machine
moves far less than the wall time) and its peak memory in MB. A stage's peak is the high-water
mark of this process's resident memory during the stage (reset before it through /proc/self/clear_refs), or of the
largest chart worker, whichever is more. Charts are drawn as make-report draws them (in workers,
no cache); the two documents are written one after the other, so each is timed alone.
"""

from __future__ import annotations

import contextlib
import json
import resource
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any


def _reset_peak() -> None:
    with contextlib.suppress(OSError):  # not Linux, or not allowed: peaks then only ever grow
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended, user and system."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_stages(workbook: Path, folder: Path) -> dict[str, dict[str, float]]:
    """Make the report from ``workbook`` into ``folder`` stage by stage, timing each."""
    from safecity_reports.core.verdicts import judge
    from safecity_reports.layout.report import build_document
    from safecity_reports.reading.validate import validate
    from safecity_reports.reading.workbook import read
    from safecity_reports.render.docx.document import write_docx
    from safecity_reports.render.pdf.document import write_pdf
    from safecity_reports.run.chart_jobs import draw_charts
    from safecity_reports.styles import load_styles

    results: dict[str, dict[str, float]] = {}
    state: dict[str, Any] = {"styles": load_styles()}

    def stage(name: str, work: Callable[[], None]) -> None:
        _reset_peak()
        before = _children_peak_mb()
        started, cpu = time.perf_counter(), _cpu_seconds()
        work()
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
        children = _children_peak_mb()
        peak = max(_peak_mb(), children if children > before else 0.0)
        results[name] = {"seconds": seconds, "cpu": cpu, "peak_mb": peak}

    def read_() -> None:
        state["reading"] = read(workbook)

    def validate_() -> None:
        reading = state["reading"]
        problems = validate(reading.report, reading.skipped_ids)
        errors = [p for p in (*reading.problems, *problems) if p.severity == "error"]
        if errors:
            raise SystemExit(f"{workbook}: {errors[0]}")

    def status_() -> None:  # the status of each measure, and the document laid out from it
        report = state["reading"].report
        state["document"] = build_document(report, judge(report), date(2016, 11, 1))

    def charts_() -> None:
        state["images"] = draw_charts(state["document"].charts, state["styles"], folder / "charts")

    stage("read", read_)
    stage("validate", validate_)
    stage("status", status_)
    stage("charts", charts_)
    stage(
        "word",
        lambda: write_docx(state["document"], state["images"], folder / "r.docx", state["styles"]),
    )
    stage(
        "pdf",
        lambda: write_pdf(state["document"], state["images"], folder / "r.pdf", state["styles"]),
    )
    return results


if __name__ == "__main__":
    print(json.dumps(run_stages(Path(sys.argv[1]), Path(sys.argv[2]))))
