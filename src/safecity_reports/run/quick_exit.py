"""Ending the ``make-report`` process without the interpreter's teardown.

When a run is over, Python's exit runs the ``atexit`` handlers (which end child processes,
flush logs and remove temporary folders), then tears the interpreter down: it clears every
module and frees every object one by one. After a report that teardown took 0.12 to 0.18 s of
q2's run of about 2 s (6 Dec 2026, the machine shared), all of it after the documents were
written and nothing of it needed: the system takes the process's memory back at once. So the
program (never the library, nor a command run inside another program, as the tests run it)
flushes its output, runs the ``atexit`` handlers as Python would, and leaves with ``os._exit``.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from typing import NoReturn


def exit_quickly(code: int) -> NoReturn:
    """Leave the process with ``code``: its output flushed and its ``atexit`` handlers run, as
    ``sys.exit`` would, but not torn down. Where Python does not offer to run the handlers
    (another implementation), ``sys.exit``."""
    run_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_handlers is None:
        sys.exit(code)
    run_handlers()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a reader gone (| head) has nothing to lose
            stream.flush()
    os._exit(code)
