"""The program leaves without the interpreter's teardown (``run.quick_exit``), and loses nothing
by it: its output is all there, through a pipe too, its exit code is kept and its ``atexit``
handlers run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROGRAM = """
import atexit, sys
atexit.register(lambda: print("the handlers ran", flush=True))
sys.stdout.write("written, not flushed: ")
from safecity_reports.cli import main
main(prog_name="make-report")
"""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROGRAM, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_the_output_and_the_handlers_are_not_lost() -> None:
    ran = _run("--version")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("written, not flushed: make-report, version")
    assert ran.stdout.endswith("the handlers ran\n")


def test_a_report_leaves_with_its_documents_written(tmp_path: Path) -> None:
    ran = _run("inputs/q2.xlsx", "-o", str(tmp_path), "--format", "pdf", "--no-cache")
    assert ran.returncode == 0, ran.stderr
    assert f"Wrote {tmp_path / 'q2.pdf'}" in ran.stdout
    assert (tmp_path / "q2.pdf").stat().st_size > 10_000
    assert "Warning: q2.xlsx" in ran.stderr
    assert ran.stdout.endswith("the handlers ran\n")


def test_a_failure_keeps_its_exit_code(tmp_path: Path) -> None:
    ran = _run("inputs/q2.xlsx", "-o", str(tmp_path), "--strict")
    assert ran.returncode == 1
    assert "Warning: q2.xlsx" in ran.stdout + ran.stderr
