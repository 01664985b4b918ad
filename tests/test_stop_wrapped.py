"""A stop that arrives while Python makes a class (a dataclass's fields, as a module is imported)
comes back wrapped in a RuntimeError; the command line still takes it as the stop it is (found by
the slow kill test: SIGTERM 0.1 s into a run printed a traceback and exited 1)."""

from __future__ import annotations

import signal
import subprocess
import sys

from safecity_reports.cli import _stop_within
from safecity_reports.run.signals import Stopped


def _wrapped_stop() -> BaseException:
    class Stops:
        def __set_name__(self, owner: type, name: str) -> None:
            raise Stopped(signal.SIGTERM)

    try:
        type("Made", (), {"field": Stops()})
    except BaseException as exc:  # noqa: BLE001 - what Python raises is the point
        return exc
    raise AssertionError("making the class did not raise")


def test_a_stop_wrapped_by_python_is_found() -> None:
    wrapped = _wrapped_stop()
    assert isinstance(wrapped, RuntimeError)  # Python's wrapping, as in the kill test
    found = _stop_within(wrapped)
    assert isinstance(found, Stopped)


def test_an_error_with_no_stop_behind_it_is_not_a_stop() -> None:
    try:
        try:
            raise ValueError("inner")
        except ValueError as inner:
            raise RuntimeError("outer") from inner
    except RuntimeError as exc:
        assert _stop_within(exc) is None


PROGRAM = """
import signal, sys
import safecity_reports.build as build
from safecity_reports.run.signals import Stopped

def made(*args, **kwargs):
    class Stops:
        def __set_name__(self, owner, name):
            raise Stopped(signal.SIGTERM)
    type("Made", (), {"field": Stops()})

build.build_report = made
import safecity_reports.cli as cli
cli.build_report = made
sys.argv = ["make-report", "inputs/q2.xlsx", "-o", sys.argv[1], "-q"]
cli.main(prog_name="make-report")
"""


def test_the_command_line_says_it_was_stopped(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(tmp_path / "out")], capture_output=True, text=True
    )
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().startswith("Error: stopped by SIGTERM"), done.stderr


OPENPYXL_PROGRAM = """
import signal, sys
from openpyxl.descriptors.base import _convert
import safecity_reports.reading.workbook as workbook
from safecity_reports.run.signals import Stopped

class Arrives:  # the signal arrives as openpyxl converts a cell's attribute
    def __int__(self):
        raise Stopped(signal.SIGTERM)

def load_workbook(*args, **kwargs):
    _convert(int, Arrives())  # openpyxl's own check: a bare except, then TypeError

workbook.load_workbook = load_workbook
import safecity_reports.cli as cli
# --no-cache: an unchanged run of q2 is answered from the run cache, without reading it
sys.argv = ["make-report", "inputs/q2.xlsx", "-o", sys.argv[1], "-q", "--no-cache"]
cli.main(prog_name="make-report")
"""


def test_a_stop_that_openpyxl_turns_into_its_own_error_is_a_stop(tmp_path) -> None:
    """openpyxl's type checks catch everything and raise TypeError: SIGTERM as the workbook was
    read said 'q2.xlsx cannot be read as a workbook', exit 1 (found by the kill test)."""
    done = subprocess.run(
        [sys.executable, "-c", OPENPYXL_PROGRAM, str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert "cannot be read" not in done.stderr
    assert done.stderr.strip().startswith("Error: stopped by SIGTERM"), done.stderr
    assert not (tmp_path / "out").exists()
