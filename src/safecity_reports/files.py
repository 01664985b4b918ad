"""Writing output files so that a failed run never leaves a half-written one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from safecity_reports.errors import UsageError


@contextlib.contextmanager
def replace_atomically(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(f"cannot write {path}: the folder {folder} does not exist")
    if path.is_dir():
        raise UsageError(f"cannot write {path}: it is a folder; move it or choose another folder")
    if path.is_file() and not path.stat().st_mode & 0o222:
        # replacing would succeed on Linux, but the user marked the old report read-only
        raise UsageError(
            f"cannot write {path}: it is read-only; make it writable or choose another folder"
        )
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=folder)
    except OSError as exc:
        raise UsageError(f"cannot write to {folder}: {exc.strerror}") from None
    os.close(handle)
    tmp = Path(name)
    # mkstemp makes the file private (0600); a report is for sharing, so use the user's umask
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        yield tmp
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise UsageError(
                f"cannot write {path}: {exc.strerror} (is it open in another program, "
                "or read-only?)"
            ) from None
    finally:
        tmp.unlink(missing_ok=True)
