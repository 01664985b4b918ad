"""The execution layer's one door: charts drawn and documents written, as fast as the machine allows.

    with Execution(styles, use_cache=True, progress=progress) as execution:   # matplotlib imports
        ...read the workbook and lay the report out...                        # meanwhile
        execution.write(document, {"docx": path, "pdf": path})

Behind it: a forked process imports matplotlib while the workbook is read, then draws the charts
(with workers forked from it) while the documents are written, Word in a forked process and the
PDF here, each waiting only for a chart it reaches before it is drawn; an unchanged report is
copied from the document cache. Where processes cannot be forked (Windows, or
``SAFECITY_REPORTS_FORK=0``) everything is done in this process, one step after another, with
the same result.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import tempfile
from collections.abc import Callable, Mapping
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from safecity_reports.errors import ProcessEnded, UsageError
from safecity_reports.files import replace_together
from safecity_reports.run import memory
from safecity_reports.run.chart_process import ChartProcess, PendingImages
from safecity_reports.run.collector import held_off
from safecity_reports.run.document_cache import DocumentCache, document_keys
from safecity_reports.run.forked import (
    die_with_parent,
    fork_available,
    send_failure,
    start_held,
    yield_to_the_charts,
)
from safecity_reports.run.progress import QUIET, Progress
from safecity_reports.run.signals import held, stopped_by_signals

if TYPE_CHECKING:
    from safecity_reports.layout.document import Chart, Document
    from safecity_reports.render.pdf.document import PageCount
    from safecity_reports.styles import Styles


class Execution:
    """Charts and documents for one run; a context manager, so its processes always end.

    Within it SIGTERM and SIGHUP stop the run as Ctrl-C does (``run.signals.Stopped``, a
    ``KeyboardInterrupt``), and the processes it forks end with it even if it is killed."""

    def __init__(self, styles: Styles, use_cache: bool = True, progress: Progress = QUIET):
        self.styles = styles
        self.use_cache = use_cache
        self.progress = progress
        self.chart_process: ChartProcess | None = None
        self.document_keys: dict[str, str] = {}
        """Each format's key in the document cache, once ``write`` has written it."""
        self._signals = contextlib.ExitStack()

    def __enter__(self) -> Execution:
        self._signals.enter_context(stopped_by_signals())
        # matplotlib is imported in a forked process while this one reads the workbook.
        if fork_available():
            self.chart_process = ChartProcess.start(self.styles)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if self.chart_process is not None:
                self.chart_process.stop()
        finally:
            self._signals.close()

    def expect_charts(self, count: int) -> None:
        """About ``count`` charts will be drawn (the workbook's measures, once it is read): the
        chart process makes no more of their plot areas ahead than that."""
        if self.chart_process is not None:
            self.chart_process.expect(count)

    def write(
        self,
        document: Document,
        targets: Mapping[str, Path],
        checks: Callable[[], None] = lambda: None,
    ) -> bool:
        """Write each target (format -> path) from ``document``: all of them or none, each
        whole (see ``files.replace_together``).

        ``checks`` (the workbook's, which raise if it has errors) is called once, after the
        charts are sent to be drawn and before any document is written or copied: the charts
        are drawn while the workbook is checked. True if an unchanged report was copied from
        the cache instead of made. A cache that fails (a damaged entry, a full or read-only
        disk) is passed by: the report is made without it. Raises what ``checks`` raises,
        ``UsageError`` for a target that cannot be written, ``OSError`` for a failure writing
        the documents themselves.
        """
        checks = _once(checks)
        documents = DocumentCache() if self.use_cache else None
        # Without the cache no key is needed: at 3,000 measures one took a third of a second.
        keys = document_keys(document, self.styles, targets) if documents is not None else {}
        self.document_keys = keys
        with replace_together(targets) as temps:
            cached = {fmt: documents.get(key) for fmt, key in keys.items()} if documents else {}
            if documents is not None and all(data is not None for data in cached.values()):
                checks()
                for fmt, data in cached.items():
                    temps[fmt].write_bytes(data)  # type: ignore[arg-type]
                return True
            names = " and ".join(path.name for path in targets.values())
            self._make(document, temps, names, checks)
            if documents is not None:  # what this run made, never what is in the folder now
                for fmt, tmp in temps.items():
                    documents.put(keys[fmt], tmp)
        return False

    def _make(
        self, document: Document, temps: Mapping[str, Path], names: str, checks: Callable[[], None]
    ) -> None:
        # The report lives to the end of the run: the garbage collector need not walk it again
        # and again (in a report of thousands of measures that was a tenth of the time), nor
        # touch its pages in the processes forked from this one.
        gc.freeze()
        try:
            # A run stopped (Ctrl-C, SIGTERM) while the chart process still writes into the
            # folder ends that process before the folder is removed: removing it under the
            # process's feet failed with "Directory not empty", and that error, not the stop,
            # was what the user saw (found by the slow kill test).
            with tempfile.TemporaryDirectory(
                prefix="safecity-charts-", ignore_cleanup_errors=True
            ) as folder:
                try:
                    self._draw_or_retry(document, temps, names, Path(folder), checks)
                except BaseException:
                    self._stop_charts()
                    raise
        finally:
            gc.unfreeze()

    def _draw_or_retry(
        self,
        document: Document,
        temps: Mapping[str, Path],
        names: str,
        folder: Path,
        checks: Callable[[], None],
    ) -> None:
        try:
            self._draw_and_write(document, temps, names, folder, self.use_cache, checks)
        except (OSError, UsageError):
            if not self.use_cache:
                raise
            # The chart cache may be full or broken: make the report without it. A failure of
            # the output itself fails again, and is raised then.
            self._stop_charts()
            self._draw_and_write(document, temps, names, folder, False, checks)

    def _stop_charts(self) -> None:
        if self.chart_process is not None:
            self.chart_process.stop()
            self.chart_process = None

    def _draw_and_write(
        self,
        document: Document,
        temps: Mapping[str, Path],
        names: str,
        folder: Path,
        cache: bool,
        checks: Callable[[], None],
    ) -> None:
        _draw_and_write(
            document,
            temps,
            names,
            self.styles,
            folder,
            cache,
            self.chart_process,
            self.progress,
            idle=self._stop_charts,
            checks=checks,
        )


def _draw_and_write(
    document: Document,
    targets: Mapping[str, Path],
    names: str,
    styles: Styles,
    folder: Path,
    use_cache: bool,
    chart_process: ChartProcess | None,
    progress: Progress,
    idle: Callable[[], None] | None = None,
    checks: Callable[[], None] = lambda: None,
) -> None:
    """Draw the charts not cached and write the documents into ``targets`` (temporary files,
    moved into place by the caller); ``names`` are the documents' names, for the progress.
    ``idle`` is called where the chart process has nothing to draw (every chart cached): it
    ends the process, which would otherwise go on importing matplotlib beside the documents.
    ``checks`` is called before any document is begun, after the charts are sent to the chart
    process when there is one.

    With a chart process the documents do not wait for the drawing to end: the Word process is
    forked and the PDF's first pass (which needs no picture) laid out while the charts are drawn,
    and each document waits only for a chart it reaches before it is drawn.
    """
    from safecity_reports.run.chart_jobs import draw_jobs, plan_charts
    from safecity_reports.run.image_cache import ImageCache

    cache = ImageCache() if use_cache else None
    svg = "html" in targets  # the web page's charts: drawn only when it is asked for
    # Each chart is drawn as a PDF (and SVG) only: Word makes the PNGs it needs itself, as it
    # reaches them (``run.word_pictures``), on the other core; a PDF alone needs none.
    images, to_draw = plan_charts(document.charts, styles, folder, cache, svg, raster=False)
    if chart_process is not None and not to_draw and idle is not None:
        idle()
    if chart_process is None or not to_draw:
        checks()
        if "docx" in targets:
            from safecity_reports.charts import raster  # noqa: F401 - for the Word process
        if to_draw:
            progress.stage(f"Drawing {len(to_draw)} charts")
        drawn = draw_jobs(to_draw, styles, svg=svg, raster=False)
        for done, _index in enumerate(drawn, start=1):
            progress.count(done, len(to_draw))
        progress.stage(f"Writing {names}")
        _write_documents(document, images, targets, styles, scratch=folder)
        return
    progress.stage(f"Drawing {len(to_draw)} charts and writing {names}")
    # The charts first: what the Word process needs is imported while they are drawn, before
    # it is forked (so it has them: pdfium and the PNG writer for its pictures, python-docx).
    drawing = chart_process.draw(to_draw, svg, raster=False)
    checks()
    if "docx" in targets:
        from safecity_reports.charts import raster  # noqa: F401
        from safecity_reports.render.docx import document as render_docx  # noqa: F401
    _write_documents(
        document,
        # a chart is drawn once its PDF is there (written after its SVG)
        PendingImages(images, drawing.check, drawn=lambda path: path.with_suffix(".pdf")),
        targets,
        styles,
        # After the Word process is forked (a process is not forked while it runs threads):
        before_pdf=lambda: drawing.follow(progress.count),
        scratch=folder,
    )
    drawing.wait()


def _once(call: Callable[[], None]) -> Callable[[], None]:
    """``call``, made until it has once returned, however often it is called: a run that retries
    without the cache checks the workbook once, and again if the checks themselves failed."""
    made: list[bool] = []

    def once() -> None:
        if not made:
            call()
            made.append(True)

    return once


ABANDON_SECONDS = 5.0
"""How long a child writing a document is given to end when stopped, before it is killed."""


def _write_documents(
    document: Document,
    images: Mapping[Chart, Path],
    targets: Mapping[str, Path],
    styles: Styles,
    before_pdf: Callable[[], None] | None = None,
    scratch: Path | None = None,
) -> None:
    """Write each target; with both formats (and fork, and the memory for a report of its size:
    ``run.memory``), the Word document in a child process while this one writes the PDF.
    ``before_pdf`` is called once the child is forked, before the PDF is drawn. ``scratch`` is
    the run's own folder of charts, removed at its end (``run.word_pictures``).
    The targets are temporary files: the caller moves them into place, or removes them."""
    with held():  # pikepdf's import cannot be interrupted
        from safecity_reports.render.pdf.document import count_pages

    pending = dict(targets)
    child = None
    pages = None
    if "docx" in pending or "pdf" in pending:
        # The PDF's first pass (it needs no picture) before the Word process is forked: the
        # pages it closed up as thin are closed in the document both draw, and Word's contents
        # (a TOC field) show the page of each heading it finds.
        with held_off():  # it makes what the PDF then draws: walked once, not as it grows
            document, pages = count_pages(document, styles).closed_up(document)
    word = (
        {
            "pages": pages.anchor_pages,
            "table_parts": pages.table_parts,
            "page_starts": pages.page_starts,
        }
        if pages is not None
        else {}
    )
    if (
        "docx" in pending
        and len(pending) > 1
        and fork_available()
        and memory.side_by_side(len(images))
    ):
        pictures = _images_for("docx", images, styles, scratch)
        child = _Child("docx", pending.pop("docx"), document, pictures, styles, word)
    try:
        if before_pdf is not None:
            before_pdf()
        # the PDF first: it is begun; the web page last: it waits for every chart
        order = sorted(pending, key=lambda fmt: (fmt != "pdf", fmt == "html"))
        for fmt in order:
            options = _pdf_options(images, pages) if fmt == "pdf" else word if fmt == "docx" else {}
            # the PDF's pages with the collector held off too (``run.collector``); where nothing
            # is written after it here, its garbage is left for the process's end
            last = fmt == order[-1]
            with held_off(last) if fmt == "pdf" else contextlib.nullcontext():
                _renderer(fmt)(
                    document,
                    _images_for(fmt, images, styles, scratch),
                    pending[fmt],
                    styles,
                    **options,
                )
    except BaseException:
        if child is not None:
            child.abandon()
        raise
    if child is not None:
        child.finish()


YIELD_FROM_CHARTS = 50
"""The charts from which Word's process lets the chart process go first (``yield_to_the_charts``).
In a shorter report Word's share is a larger part of the run, and what it left undone when the
last chart was drawn then took longer alone than the charts had gained: q2 (20 charts) 1.03x
the wall time, 30 measures 0.99x; 100 measures 0.90x, 300 0.90x, 1,000 0.92x."""


class _Child:
    """A document written in a forked process (into a temporary file the caller moves)."""

    def __init__(
        self,
        fmt: str,
        path: Path,
        document: Document,
        images: Mapping[Chart, Path],
        styles: Styles,
        options: Mapping[str, object],
    ) -> None:
        self.result, sender = multiprocessing.Pipe(duplex=False)
        context = multiprocessing.get_context("fork")
        # Forked, the child shares the document and images as they are: nothing is pickled.
        self.process = context.Process(
            target=_write_in_child,
            args=(sender, fmt, document, images, path, styles, os.getpid(), options),
        )
        start_held(self.process)
        sender.close()

    def finish(self) -> None:
        """Wait for the child; raise what it raised."""
        try:
            outcome = self.result.recv() if self.result.poll(None) else None
        except EOFError:
            outcome = None
        self.process.join()
        if outcome is None and self.process.exitcode != 0:
            outcome = ProcessEnded("writing a document", f" (exit code {self.process.exitcode})")
        if outcome is not None:
            raise outcome

    def abandon(self) -> None:
        self.process.terminate()
        self.process.join(ABANDON_SECONDS)
        if self.process.exitcode is None:
            # a SIGTERM that reached the child before it took the default action back (it
            # is forked with the parent's handlers) was kept, and the child then waited for
            # charts that will never come: killed, as it would be had its parent died
            self.process.kill()
            self.process.join()


def _write_in_child(
    sender: Connection,
    fmt: str,
    document: Document,
    images: Mapping[Chart, Path],
    tmp: Path,
    styles: Styles,
    parent: int,
    options: Mapping[str, object],
) -> None:
    die_with_parent(parent)
    if len(images) >= YIELD_FROM_CHARTS:  # the charts, which both documents wait for, go first
        yield_to_the_charts()
    try:
        _renderer(fmt)(document, images, tmp, styles, **options)
    except BaseException as exc:
        send_failure(sender, exc, f"writing the {fmt} document")
    else:
        sender.send(None)
    finally:
        sender.close()


def _pdf_options(images: Mapping[Chart, Path], pages: PageCount | None) -> dict[str, object]:
    """The PDF's pages (its first pass), and, with charts still being drawn, what waits for
    one: the PDF then makes its pages without waiting for any chart, and waits for each as
    it puts its drawing in (``render.pdf.document.write_pdf``)."""
    drawing = images.wait_for if isinstance(images, PendingImages) else None
    return {"pages": pages, "drawing": drawing}


def _images_for(
    fmt: str, images: Mapping[Chart, Path], styles: Styles, scratch: Path | None = None
) -> Mapping[Chart, Path]:
    """The charts' images as the ``fmt`` document takes them: Word's pictures made from the
    charts' PDF drawings where they are not there yet (in ``scratch``, the run's own folder, not
    written); the PDF takes the drawings themselves, where each is or will be; the web page the
    SVGs written before them, once drawn."""
    if fmt == "pdf" and isinstance(images, PendingImages):
        return images.paths
    if fmt != "docx":
        return images
    from safecity_reports.run.word_pictures import WordPictures

    return WordPictures(images, styles, scratch)


def _renderer(fmt: str):  # type: ignore[no-untyped-def]
    if fmt == "html":
        from safecity_reports.render.html import write_html

        return write_html
    if fmt == "docx":
        from safecity_reports.render.docx.document import write_docx

        return write_docx
    with held():  # pikepdf's import cannot be interrupted
        from safecity_reports.render.pdf.document import write_pdf

    return write_pdf
