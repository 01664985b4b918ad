"""The whole job, top to bottom: read -> validate -> status -> lay out -> charts -> write.

Charts are drawn once for both documents (on every core, and only those not cached from an
earlier run); the Word document is written in a forked process while this one writes the PDF.
"""

from __future__ import annotations

import gc
import multiprocessing
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from .chart_process import ChartProcess
from .document_cache import DocumentCache, document_key
from .errors import Problem, UsageError
from .files import replace_atomically
from .forked import send_failure
from .progress import QUIET, Progress

if TYPE_CHECKING:
    from .document import Chart, Document
    from .styles import Styles

FORMATS = ("docx", "pdf")
ONE_AT_A_TIME_ABOVE = 1000
"""Charts above which the two documents are written one after the other in this process, not
side by side: each holds the whole report in memory, and a forked process also copies every
page of this one's memory that it reads. Together they passed 1 GB at 3,000 measures."""


@dataclass(frozen=True)
class BuildResult:
    """What a run wrote and what it warned about."""

    written: tuple[Path, ...]
    warnings: tuple[Problem, ...]


def _targets(workbook: Path, output: Path, formats: Sequence[str]) -> dict[str, Path]:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown format {unknown[0]!r}; use one of: {', '.join(FORMATS)}")
    if output.exists() and not output.is_dir():
        raise UsageError(f"the output folder {output} is a file, not a folder")
    targets = {fmt: output / f"{workbook.stem}.{fmt}" for fmt in formats}
    for path in targets.values():
        if path.resolve() == workbook.resolve():
            raise UsageError(
                f"writing {path} would overwrite the input workbook; choose another folder"
            )
    return targets


def build_report(
    workbook: Path,
    output: Path,
    formats: Sequence[str] = FORMATS,
    strict: bool = False,
    use_cache: bool = True,
    styles_folder: Path | None = None,
    progress: Progress = QUIET,
    today: date | None = None,
) -> BuildResult:
    """Make the report from ``workbook`` into ``output`` as ``<stem>.docx`` and/or ``<stem>.pdf``.

    Raises ``ValidationFailed`` if the workbook has errors (or warnings, when ``strict``),
    ``UsageError`` for an unusable output folder or styles; nothing is written then.
    """
    from .layout import build_document
    from .status import report_status
    from .styles import DEFAULT_FOLDER, load_styles
    from .validate import load_report

    workbook, output = Path(workbook), Path(output)
    targets = _targets(workbook, output, formats)
    styles = load_styles(styles_folder or DEFAULT_FOLDER)

    # matplotlib is imported in a forked process while this one reads the workbook.
    chart_process = ChartProcess.start(styles)
    try:
        progress.stage(f"Reading {workbook.name}")
        report, warnings = load_report(workbook, strict=strict)
        progress.stage("Working out status")
        statuses = report_status(report)
        document = build_document(report, statuses, today or date.today())
        # The report lives to the end of the run: the garbage collector need not walk it again
        # and again (in a report of thousands of measures that was a tenth of the time), nor
        # touch its pages in the processes forked from this one.
        gc.freeze()

        output.mkdir(parents=True, exist_ok=True)
        documents = DocumentCache() if use_cache else None
        if documents is not None and _copy_cached(document, styles, targets, documents):
            progress.stage("Done: nothing has changed since the last run, so the report was copied")
            return BuildResult(tuple(targets.values()), tuple(warnings))
        with tempfile.TemporaryDirectory(prefix="safecity-charts-") as folder:
            _draw_and_write(
                document, targets, styles, Path(folder), use_cache, chart_process, progress
            )
    finally:
        gc.unfreeze()
        if chart_process is not None:
            chart_process.stop()
    if documents is not None:
        for fmt, path in targets.items():
            documents.put(document_key(document, styles, fmt), path)
    progress.stage("Done")
    return BuildResult(tuple(targets.values()), tuple(warnings))


def _draw_and_write(
    document: Document,
    targets: Mapping[str, Path],
    styles: Styles,
    folder: Path,
    use_cache: bool,
    chart_process: ChartProcess | None,
    progress: Progress,
) -> None:
    """Draw the charts not cached and write the documents.

    With a chart process the documents do not wait for the drawing to end: the Word process is
    forked and the PDF's first pass (which needs no picture) laid out while the charts are drawn,
    and each document waits only for a chart it reaches before it is drawn.
    """
    from .cache import ImageCache
    from .chart_process import PendingImages
    from .charts import draw_jobs, plan_charts

    cache = ImageCache() if use_cache else None
    images, to_draw = plan_charts(document.charts, styles, folder, cache)
    names = " and ".join(path.name for path in targets.values())
    if chart_process is None or not to_draw:
        if to_draw:
            progress.stage(f"Drawing {len(to_draw)} charts")
        for done, _index in enumerate(draw_jobs(to_draw, styles), start=1):
            progress.count(done, len(to_draw))
        progress.stage(f"Writing {names}")
        _write_documents(document, images, targets, styles)
        return
    progress.stage(f"Drawing {len(to_draw)} charts and writing {names}")
    if "docx" in targets:
        from . import render_docx  # noqa: F401 - imported now, so the Word process has it
    drawing = chart_process.draw(to_draw)
    _write_documents(
        document,
        PendingImages(images, drawing.check),
        targets,
        styles,
        # After the Word process is forked (a process is not forked while it runs threads):
        before_pdf=lambda: drawing.follow(progress.count),
    )
    drawing.wait()


def _copy_cached(
    document: Document, styles: Styles, targets: Mapping[str, Path], documents: DocumentCache
) -> bool:
    """Copy every target from the cache if all of them are there; False (nothing copied) if not."""
    cached = {fmt: documents.get(document_key(document, styles, fmt)) for fmt in targets}
    if any(path is None for path in cached.values()):
        return False
    for fmt, path in targets.items():
        with replace_atomically(path) as tmp:
            shutil.copyfile(cached[fmt], tmp)  # type: ignore[arg-type]
    return True


def _write_documents(
    document: Document,
    images: Mapping[Chart, Path],
    targets: Mapping[str, Path],
    styles: Styles,
    before_pdf: Callable[[], None] | None = None,
) -> None:
    """Write each target; with both formats (and fork, and a report of at most
    ``ONE_AT_A_TIME_ABOVE`` charts), the Word document in a child process while this one writes
    the PDF. ``before_pdf`` is called once the child is forked, before the PDF's first pass.
    Each file is written whole or, on any failure, not at all."""
    from .render_pdf import count_pages

    pending = dict(targets)
    child = None
    side_by_side = len(images) <= ONE_AT_A_TIME_ABOVE
    if len(pending) > 1 and side_by_side and "fork" in multiprocessing.get_all_start_methods():
        path = pending.pop("docx")
        child = _Child("docx", path, document, images, styles)
    try:
        if before_pdf is not None:
            before_pdf()
        pages = count_pages(document, styles) if "pdf" in pending else None
        for fmt in sorted(pending, key=lambda fmt: fmt != "pdf"):  # the PDF first: it is begun
            with replace_atomically(pending[fmt]) as tmp:
                options = {"pages": pages} if fmt == "pdf" else {}
                _renderer(fmt)(document, images, tmp, styles, **options)
    except BaseException:
        if child is not None:
            child.abandon()
        raise
    if child is not None:
        child.finish()


class _Child:
    """A document written in a forked process, into a temporary file moved into place here."""

    def __init__(
        self,
        fmt: str,
        path: Path,
        document: Document,
        images: Mapping[Chart, Path],
        styles: Styles,
    ) -> None:
        self.replacing = replace_atomically(path)
        tmp = self.replacing.__enter__()
        self.result, sender = multiprocessing.Pipe(duplex=False)
        context = multiprocessing.get_context("fork")
        # Forked, the child shares the document and images as they are: nothing is pickled.
        self.process = context.Process(
            target=_write_in_child, args=(sender, fmt, document, images, tmp, styles)
        )
        self.process.start()
        sender.close()

    def finish(self) -> None:
        """Wait for the child; move its file into place, or raise what it raised."""
        try:
            outcome = self.result.recv() if self.result.poll(None) else None
        except EOFError:
            outcome = None
        self.process.join()
        if outcome is None and self.process.exitcode != 0:
            outcome = RuntimeError(
                f"writing a document stopped (exit code {self.process.exitcode})"
            )
        if outcome is not None:
            self.replacing.__exit__(type(outcome), outcome, None)
            raise outcome
        self.replacing.__exit__(None, None, None)

    def abandon(self) -> None:
        self.process.terminate()
        self.process.join()
        self.replacing.__exit__(RuntimeError, RuntimeError("abandoned"), None)


def _write_in_child(
    sender: Connection,
    fmt: str,
    document: Document,
    images: Mapping[Chart, Path],
    tmp: Path,
    styles: Styles,
) -> None:
    try:
        _renderer(fmt)(document, images, tmp, styles)
    except BaseException as exc:
        send_failure(sender, exc, f"writing the {fmt} document")
    else:
        sender.send(None)
    finally:
        sender.close()


def _renderer(fmt: str):  # type: ignore[no-untyped-def]
    if fmt == "docx":
        from .render_docx import write_docx

        return write_docx
    from .render_pdf import write_pdf

    return write_pdf
