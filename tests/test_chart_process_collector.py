"""The chart process imports matplotlib with the garbage collector held off, then freezes what
the import made (``run.chart_process._draw_what_is_sent``): no collection walks it as it is
made, and the collector is on again for the drawing."""

from __future__ import annotations

import subprocess
import sys

PROGRAM = """
import gc, multiprocessing, sys
from safecity_reports.run import chart_process
from safecity_reports.styles import load_styles

ours, theirs = multiprocessing.Pipe()
theirs.close()  # nothing is sent: the process returns once matplotlib is imported
styles = load_styles()
assert "matplotlib" not in sys.modules
collections = []
# each collection, with how many objects were frozen then (none until the import is done)
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(gc.get_freeze_count()))
chart_process._draw_what_is_sent(ours, styles, None)
assert "matplotlib.figure" in sys.modules
before = [frozen for frozen in collections if frozen == 0]
assert not before, f"{len(before)} collections while matplotlib was imported"
assert gc.isenabled(), "the collector is on again"
assert gc.get_freeze_count() > 50_000, gc.get_freeze_count()
"""


def test_matplotlib_is_imported_without_collections_and_frozen() -> None:
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
