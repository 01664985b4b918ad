"""Writing output files so that a failed or killed run never leaves a half-written one, nor a
pair of documents from two different runs.

Every file is written to a hidden temporary file beside it, named
``.<stem>.safecity-<pid>-<random><suffix>``, and moved into place with ``os.replace``. The
name says which process made it, so the next run can remove what a killed run left behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

from safecity_reports.errors import UsageError

TEMP_MARK = ".safecity-"
"""In the name of every temporary file we make, followed by the pid of the process making it."""
STALE_SECONDS = 3600
"""Age after which a temporary file is taken as left behind even if its pid is running again."""
_TEMP_NAME = re.compile(r"^\..*\.safecity-(\d+)-[A-Za-z0-9_]{8}(\.\w+)?$")
STOP_SIGNALS = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
"""The signals that stop a run: Ctrl-C, SIGTERM and SIGHUP."""

ADVICE = {
    errno.ENOSPC: "the disk is full; free some space or choose another folder with -o",
    errno.EDQUOT: "the disk quota is used up; free some space or choose another folder with -o",
    errno.EROFS: "the disk is read-only; choose another folder with -o",
    errno.EACCES: "permission denied; choose a folder you may write to with -o",
    errno.EPERM: "permission denied; choose a folder you may write to with -o",
    errno.ENOTDIR: "part of the path is a file, not a folder; choose another folder with -o",
    errno.ENAMETOOLONG: "the name is too long; choose a shorter folder or workbook name",
    errno.EFBIG: "the file is larger than this system lets a program write (a limit on file"
    " size); free some space, raise the limit or choose another folder with -o",
}


def os_error_message(exc: OSError, path: Path | None = None) -> str:
    """One line for an operating-system failure writing ``path`` (or the file the error names,
    unless that is one of our temporary files): where, what happened, and what to do."""
    named = exc.filename if isinstance(exc.filename, str | os.PathLike) else None
    where = named if named is not None and TEMP_MARK not in str(named) else path
    advice = ADVICE.get(exc.errno or 0, f"{exc.strerror or exc}; check the folder and try again")
    return f"cannot write {where}: {advice}" if where is not None else f"cannot write: {advice}"


def temporary_file(path: Path) -> Path:
    """Make an empty temporary file beside ``path``, readable as the user's umask allows.

    Raises ``OSError`` if the folder cannot be written."""
    stem = path.stem[:80]  # a long name must not make its temporary file's name too long
    prefix = f".{stem}{TEMP_MARK}{os.getpid()}-"
    handle, name = tempfile.mkstemp(prefix=prefix, suffix=path.suffix, dir=path.parent)
    os.close(handle)
    # mkstemp makes the file private (0600); a report is for sharing, so use the user's umask
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(name, 0o666 & ~umask)
    return Path(name)


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files of runs that were killed: ours by name, whose process is no
    longer running, or that are older than ``STALE_SECONDS`` (its pid may have been reused).
    Returns what was removed; a file that cannot be removed is left."""
    removed: list[Path] = []
    limit = time.time() - STALE_SECONDS
    try:
        names = [entry for entry in os.scandir(folder) if entry.name.startswith(".")]
    except OSError:
        return removed
    for entry in names:
        match = _TEMP_NAME.match(entry.name)
        if match is None:
            continue
        pid = int(match.group(1))
        with contextlib.suppress(OSError):
            if pid == os.getpid() or (_running(pid) and entry.stat().st_mtime >= limit):
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: running
        return True
    return True


def _check_target(path: Path) -> None:
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


def _replace_message(path: Path, exc: OSError) -> str:
    if isinstance(exc, PermissionError):  # Windows will not replace a file open in Word
        return (
            f"cannot write {path}: {exc.strerror} (is it open in another program, or read-only?); "
            f"close {path.name} in Word, or choose another folder"
        )
    return os_error_message(exc, path)


@contextlib.contextmanager
def replace_together(targets: Mapping[str, Path], tidy: bool = True) -> Iterator[dict[str, Path]]:
    """Yield a temporary path for each target (key -> path); if the block succeeds, move them
    all into place together, else remove them.

    Every target is checked before anything is written. The moves are made holding a lock on
    the output folder (where the system has one), so two runs into one folder cannot leave a
    pair half of one and half of the other, and with the signals that stop a run held back. If
    a move fails, the files already moved are put back as they were, and ``UsageError`` says
    which file could not be written and what to do. Raises ``UsageError`` for an unusable
    target or a folder in which no file can be made.

    With ``tidy`` (the default) the temporary files of killed runs are first removed from each
    target's folder (``remove_leftovers``, which reads the whole folder); a caller writing many
    files into one folder tidies it with the first only."""
    paths = {key: Path(path) for key, path in targets.items()}
    for path in paths.values():
        _check_target(path)
    temps: dict[str, Path] = {}
    try:
        for key, path in paths.items():
            if tidy:
                remove_leftovers(path.parent)
            try:
                temps[key] = temporary_file(path)
            except OSError as exc:
                raise UsageError(os_error_message(exc, path.parent)) from None
        yield dict(temps)
        with signals_held(), _folder_lock(next(iter(paths.values())).parent):
            _move_all([(temps[key], paths[key]) for key in paths])
    finally:
        for tmp in temps.values():
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)


@contextlib.contextmanager
def replace_atomically(path: Path, tidy: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds.
    Fails, and tidies the folder, as ``replace_together`` does."""
    with replace_together({"file": path}, tidy) as temps:
        yield temps["file"]


def _move_all(moves: list[tuple[Path, Path]]) -> None:
    """Move each (temporary, target); on a failure put every moved target back as it was."""
    done: list[tuple[Path, Path | None]] = []  # (target, its old content kept aside, or None)
    try:
        for tmp, path in moves:
            old = _keep_aside(path) if len(moves) > 1 else None
            try:
                os.replace(tmp, path)
            except OSError as exc:
                if old is not None:
                    old.unlink(missing_ok=True)
                raise UsageError(_replace_message(path, exc)) from None
            done.append((path, old))
    except BaseException:
        for path, old in reversed(done):
            with contextlib.suppress(OSError):
                if old is None:
                    path.unlink()
                else:
                    os.replace(old, path)
        raise
    finally:
        for _path, old in done:
            if old is not None:
                with contextlib.suppress(OSError):
                    old.unlink(missing_ok=True)


def _keep_aside(path: Path) -> Path | None:
    """A hidden copy of ``path`` as it is now (a hard link where the disk allows), or None if
    there is no such file."""
    if not path.is_file():
        return None
    aside = temporary_file(path)
    try:
        aside.unlink()
        os.link(path, aside)
    except OSError:
        shutil.copy2(path, aside)
    return aside


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold back the stop signals (``STOP_SIGNALS``) for the block; one that arrives meanwhile
    is let in as it ends. For moments a stop must not split: the documents moved into place (the
    pair stays whole), a process forked (the run's handler, which raises, must never run in a
    child that has not yet set its own: it carried one child on as a copy of its parent)."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows, which has neither signals nor fork
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on ``folder`` held by one run at a time (``flock`` on the folder
    itself, so nothing is left in it); where there is no ``flock`` (Windows), no lock."""
    try:
        import fcntl

        handle = os.open(folder, os.O_RDONLY)
    except (ImportError, OSError):
        yield
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock
