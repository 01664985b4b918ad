"""A stop sent to a process as it is forked waits for the child's own handlers (``signals_held``).

A forked child starts with its parent's signal handlers; the run's handler raises, and raised in
a child that had not yet taken its own, it carried the child on as a copy of its parent (once a
second pytest summary). Held back while forking, the signal reaches the child only after
``die_with_parent`` has set the system's default, so the child simply ends.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from safecity_reports.files import signals_held
from safecity_reports.run.forked import die_with_parent, fork_available

pytestmark = pytest.mark.skipif(
    not fork_available() or not hasattr(signal, "pthread_sigmask"), reason="needs fork"
)


class ParentHandlerRan(Exception):
    pass


def _raise(signum: int, frame: object) -> None:
    raise ParentHandlerRan


def _child(parent: int) -> None:
    time.sleep(0.3)  # the stop arrives now, before the child has taken its own handlers
    die_with_parent(parent)
    time.sleep(10)  # ended by the stop, at once, as the system's default


def _start_and_stop(hold: bool) -> int | None:
    # (Not held, the stop is already waiting when the child returns from fork, and the parent's
    # handler raises there, before multiprocessing's guard: the child goes on as this test
    # run. Hence no test of that case.)
    context = multiprocessing.get_context("fork")
    before = signal.signal(signal.SIGTERM, _raise)
    try:
        process = context.Process(target=_child, args=(os.getpid(),))
        if hold:
            with signals_held():
                process.start()
        else:
            process.start()
        assert process.pid is not None
        os.kill(process.pid, signal.SIGTERM)
        process.join(5)
        if process.exitcode is None:
            process.kill()
            process.join()
        return process.exitcode
    finally:
        signal.signal(signal.SIGTERM, before)


def test_a_stop_as_a_child_is_forked_ends_it_by_its_own_handler():
    assert _start_and_stop(hold=True) == -signal.SIGTERM


def test_the_parents_own_signals_are_let_in_after_the_fork():
    before = signal.pthread_sigmask(signal.SIG_BLOCK, set())
    with signals_held():
        assert signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, set())
    assert signal.pthread_sigmask(signal.SIG_BLOCK, set()) == before


def _stopped_as_forked(monkeypatch, make) -> list[multiprocessing.process.BaseProcess]:
    """Make a forked process (``make``) with a SIGTERM sent to this process while the fork holds
    the stop signals back: the stop is raised as the fork ends, inside the constructor. Returns
    the processes still alive after it."""
    from multiprocessing.process import BaseProcess

    from safecity_reports.run.signals import Stopped, stopped_by_signals

    start = BaseProcess.start

    def start_then_stopped(self: BaseProcess) -> None:
        start(self)
        os.kill(os.getpid(), signal.SIGTERM)  # held: it waits for the fork to be done

    monkeypatch.setattr(BaseProcess, "start", start_then_stopped)
    with pytest.raises(Stopped), stopped_by_signals():
        make()
    monkeypatch.setattr(BaseProcess, "start", start)
    left = multiprocessing.active_children()
    for process in left:  # so that a failure leaves nothing for the test run to wait on
        process.kill()
        process.join()
    return left


def test_a_stop_let_in_as_the_chart_process_is_forked_leaves_no_process(monkeypatch):
    # The CI once saw a run stopped by SIGHUP say so and then wait 30 s: the stop, held during
    # the fork, was raised before the run held the new process, which nothing then ended, and
    # Python's exit waits for every process it forked
    from safecity_reports.run.chart_process import ChartProcess
    from safecity_reports.styles import load_styles

    styles = load_styles(None)
    assert _stopped_as_forked(monkeypatch, lambda: ChartProcess(styles, None)) == []


def test_a_stop_let_in_as_the_word_process_is_forked_leaves_no_process(monkeypatch, tmp_path):
    from safecity_reports.api import lay_out, read_workbook
    from safecity_reports.run.pipeline import _Child
    from safecity_reports.styles import load_styles

    styles = load_styles(None)
    report, _warnings = read_workbook(Path(__file__).parent.parent / "inputs" / "q2.xlsx")
    document, _statuses = lay_out(report)

    def make() -> None:
        _Child("docx", tmp_path / "q2.docx", document, {}, styles, {})

    assert _stopped_as_forked(monkeypatch, make) == []
