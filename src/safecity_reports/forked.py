"""What a forked process sends back to its parent when it fails."""

from __future__ import annotations

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
