"""A stop that arrives while an extension module is imported is raised when the import ends, never
inside it: pikepdf's nanobind aborts the process (exit -6, a C++ traceback) if an exception is
raised while it creates its enums. Seen in the slow kill test: SIGHUP at 1.3 s of a loaded run."""

from __future__ import annotations

import os
import signal

import pytest

from safecity_reports.run.signals import Stopped, held, stopped_by_signals


def test_a_signal_inside_held_is_raised_at_its_end():
    reached = []
    with pytest.raises(Stopped) as stop, stopped_by_signals():
        with held():
            os.kill(os.getpid(), signal.SIGTERM)
            reached.append("the block ran to its end")
        reached.append("never: the stop is raised as the block ends")
    assert reached == ["the block ran to its end"]
    assert stop.value.name == "SIGTERM"


def test_held_blocks_nest_and_the_first_signal_wins():
    reached = []
    with pytest.raises(Stopped) as stop, stopped_by_signals(), held():
        with held():
            os.kill(os.getpid(), signal.SIGHUP)
        reached.append("the outer block goes on")
        os.kill(os.getpid(), signal.SIGTERM)
    assert reached == ["the outer block goes on"]
    assert stop.value.name == "SIGHUP"


def test_without_a_signal_held_changes_nothing():
    with stopped_by_signals(), held():
        value = 42
    assert value == 42
    with pytest.raises(Stopped), stopped_by_signals():  # and a stop after it is raised at once
        os.kill(os.getpid(), signal.SIGTERM)
