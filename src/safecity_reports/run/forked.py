"""What a forked process sends back to its parent when it fails."""

from __future__ import annotations

import multiprocessing
import os
import traceback
from multiprocessing.connection import Connection


def send_failure(connection: Connection, exc: BaseException, doing: str) -> None:
    """Send ``exc`` whole (its traceback added as a note), to be raised by the parent; one that
    cannot be pickled is sent as a ``RuntimeError`` saying that ``doing`` failed."""
    exc.add_note("".join(traceback.format_exception(exc)))
    try:
        connection.send(exc)
    except Exception:
        connection.send(RuntimeError(f"{doing} failed: {exc!r}"))


def fork_available() -> bool:
    """Whether processes can be forked here: not on Windows, nor when ``SAFECITY_REPORTS_FORK``
    is ``0`` (how the tests and CI run the path Windows takes on Linux)."""
    if os.environ.get("SAFECITY_REPORTS_FORK", "1").strip() == "0":
        return False
    return "fork" in multiprocessing.get_all_start_methods()
