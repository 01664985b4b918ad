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

import pytest

from safecity_reports.run.forked import die_with_parent, fork_available, signals_held

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
