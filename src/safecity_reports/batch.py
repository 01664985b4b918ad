"""Many partnerships in one run (``make-report batch``): the report of every workbook in a
folder, on all cores, each in a process of a pool; one workbook refused never stops the others.

Each report is made as ``make-report`` makes it (``build.build_report``, with its caches), but
one step after another inside its process: the pool already keeps every core busy, so a report
forks no chart process of its own.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from safecity_reports.build import build_report
from safecity_reports.errors import ReportError, UsageError, ValidationFailed
from safecity_reports.files import os_error_message
from safecity_reports.run.signals import Stopped

if TYPE_CHECKING:
    from safecity_reports.core.tally import Tally

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
"""The workbooks a batch makes reports from."""
OVERVIEW = "partnerships-overview"
"""The overview's file name (without its extension) in the output folder."""


@dataclass(frozen=True)
class Outcome:
    """What became of one workbook."""

    workbook: Path
    written: tuple[Path, ...] = ()
    """The documents written; () when refused."""
    warnings: int = 0
    """How many warnings its workbook has."""
    tally: Tally | None = None
    """Its report's verdicts counted; None when refused."""
    refused: str = ""
    """Why no report was made, in the words ``make-report`` would use; '' when one was."""
    copied: bool = False
    """True when nothing had changed since its last run, so its documents were copied."""

    @property
    def made(self) -> bool:
        return not self.refused


def workbooks_in(folder: Path) -> tuple[Path, ...]:
    """The workbooks in ``folder`` (not its subfolders), by name; Excel's lock files ("~$...")
    and hidden files are left out. Raises ``UsageError`` for a folder that is missing or has
    no workbook, or two workbooks whose reports would have the same name."""
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder; give the folder that holds the workbooks")
    found = sorted(
        (
            p
            for p in folder.iterdir()
            if p.suffix.lower() in WORKBOOK_SUFFIXES
            and not p.name.startswith(("~$", "."))
            and p.is_file()
        ),
        key=lambda p: p.name.lower(),
    )
    if not found:
        raise UsageError(f"{folder} holds no workbook (.xlsx or .xlsm)")
    stems: dict[str, Path] = {}
    for path in found:
        other = stems.setdefault(path.stem.lower(), path)
        if other is not path:
            raise UsageError(
                f"{other.name} and {path.name} would make reports of the same name; rename one"
            )
    if OVERVIEW in stems:
        raise UsageError(
            f"{stems[OVERVIEW].name} has the overview's name ({OVERVIEW}); rename the workbook"
        )
    return tuple(found)


def _refusal(exc: ReportError) -> str:
    """The error as one line: a failed check's errors joined, else the message."""
    if isinstance(exc, ValidationFailed):
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        errors = [line for line in lines if line.startswith("Error")] or lines
        more = len(errors) - 1
        first = errors[0].removeprefix("Error:").strip() if errors else str(exc)
        return first + (f" (and {more} more problem{'s' if more != 1 else ''})" if more else "")
    return str(exc)


def _start_worker(reports: int) -> None:
    # Ctrl-C reaches every process of the terminal's group: the batch decides, and stops its
    # workers itself. A report in a worker is made one step after another (no forks), and the
    # caches keep every report of the batch (a document each format, a record each report).
    from safecity_reports.run.document_cache import keep_at_least

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ["SAFECITY_REPORTS_FORK"] = "0"
    keep_at_least(4 * reports)


def make_one(
    workbook: Path,
    output: Path,
    formats: Sequence[str],
    strict: bool,
    use_cache: bool,
    styles_folder: Path | None,
    today: date | None,
) -> Outcome:
    """Make one workbook's report; its refusal, not an exception, when it cannot be made."""
    try:
        result = build_report(
            workbook,
            output,
            formats=formats,
            strict=strict,
            use_cache=use_cache,
            styles_folder=styles_folder,
            today=today,
        )
    except ReportError as exc:
        return Outcome(workbook, refused=_refusal(exc))
    except Stopped:
        raise
    except Exception as exc:  # a fault of ours in one report must not stop the others
        return Outcome(
            workbook, refused=f"the report could not be made ({type(exc).__name__}: {exc})"
        )
    return Outcome(
        workbook, result.written, len(result.warnings), result.tally, copied=result.copied
    )


def make_all(
    workbooks: Sequence[Path],
    output: Path,
    formats: Sequence[str],
    strict: bool = False,
    use_cache: bool = True,
    styles_folder: Path | None = None,
    jobs: int | None = None,
    today: date | None = None,
    done: Callable[[Outcome], None] = lambda outcome: None,
) -> tuple[Outcome, ...]:
    """Make every workbook's report into ``output``, ``jobs`` at a time (default: one a core),
    calling ``done`` with each outcome as it comes; the outcomes in ``workbooks``' order.

    A stop (Ctrl-C, SIGTERM, SIGHUP: ``Stopped``) ends the reports being made, each leaving
    its documents as they were, and is raised again."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(workbooks)))
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(len(workbooks),)
    )
    futures: dict[Future[Outcome], Path] = {}
    outcomes: dict[Path, Outcome] = {}
    try:
        for workbook in workbooks:
            args = (workbook, output, tuple(formats), strict, use_cache, styles_folder, today)
            futures[pool.submit(make_one, *args)] = workbook
        for future in as_completed(futures):
            outcome = _outcome(future, futures[future])
            outcomes[outcome.workbook] = outcome
            done(outcome)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()
    return tuple(outcomes[w] for w in workbooks)


def _outcome(future: Future[Outcome], workbook: Path) -> Outcome:
    try:
        return future.result()
    except BrokenProcessPool:  # its process died (killed, or out of memory)
        return Outcome(workbook, refused="the process making its report ended without a word")


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the pool now: queued reports never start, those being made are stopped (SIGTERM:
    each cleans up as a stopped ``make-report`` does)."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(10)


def write_overview(
    outcomes: Sequence[Outcome],
    folder: Path,
    output: Path,
    formats: Sequence[str],
    styles_folder: Path | None = None,
    today: date | None = None,
) -> tuple[Path, ...]:
    """Write the overview of ``outcomes`` into ``output``: a workbook, and a document in each
    of ``formats``; the paths written. Raises ``UsageError`` where they cannot be written."""
    from safecity_reports.cycle.overview_book import write_overview_workbook
    from safecity_reports.layout.batch_overview import Entry, overview_document
    from safecity_reports.run.pipeline import Execution
    from safecity_reports.styles import load_styles

    styles = load_styles(styles_folder)
    entries = [Entry(o.workbook.name, o.tally, o.refused) for o in outcomes]
    document = overview_document(
        entries, folder.name or str(folder), today or date.today(), styles.language
    )
    targets = {fmt: output / f"{OVERVIEW}.{fmt}" for fmt in formats}
    book = output / f"{OVERVIEW}.xlsx"
    try:
        output.mkdir(parents=True, exist_ok=True)
        with Execution(styles, use_cache=False) as execution:
            execution.write(document, targets)
        write_overview_workbook(entries, book)
    except OSError as exc:
        raise UsageError(os_error_message(exc, output)) from None
    return (*targets.values(), book)
