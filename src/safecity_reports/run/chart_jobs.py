"""Drawing each ``Chart`` once: a vector PDF that the PDF places, and a PNG of it for Word;
when the web page is asked for, an SVG of the same figure beside them (``svg=True``; the PNG's
path with ``.svg``), so the Word and PDF documents alone cost nothing more.

Charts found in an ``ImageCache`` from an earlier run are not drawn again; the others are drawn
by ``chart_drawing`` (the only modules importing matplotlib are it and ``chart_layout``), in
forked worker processes, one per core but one (left to the documents), when there are enough
of them to pay for the workers.

matplotlib takes half a second to import. ``ChartProcess`` starts a forked process that imports
it while this one reads the workbook; the charts are then drawn there (and in workers it forks,
which share the import) while this process lays out the PDF's first pass. Without fork, or with
every chart cached, this process draws what it must itself, importing matplotlib only then.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import importlib.util
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from safecity_reports.layout.document import Chart
from safecity_reports.run.collector import OneAtATime
from safecity_reports.run.forked import die_with_parent, fork_available
from safecity_reports.run.image_cache import ImageCache
from safecity_reports.styles import Styles

if TYPE_CHECKING:
    from safecity_reports.charts.drawing import Painter

CHARTS_PER_WORKER = 4
"""Fewer charts than this per core are drawn in this process: a worker costs more than it saves."""

Progress = Callable[[int, int], None]
"""Told (charts drawn, charts to draw) as drawing goes on."""


@functools.cache
def drawing_version() -> str:
    """Changes whenever the drawing code, matplotlib or pdfium (which rasterises the charts)
    changes, so cached images follow it."""
    digest = hashlib.sha256()
    package = Path(__file__).parents[1]
    spec = importlib.util.find_spec("matplotlib")
    files = [*sorted((package / "charts").glob("*.py")), package / "png.py"]
    if spec is not None and spec.origin is not None:
        files.append(Path(spec.origin).parent / "_version.py")
    for file in files:
        digest.update(file.read_bytes() if file.is_file() else file.name.encode())
    with contextlib.suppress(importlib.metadata.PackageNotFoundError):
        digest.update(importlib.metadata.version("pypdfium2").encode())
    return digest.hexdigest()[:16]


def chart_file_name(chart: Chart, styles: Styles) -> str:
    """A file name that is the same for equal charts with equal styles, and differs otherwise."""
    key = repr((chart, styles, drawing_version()))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    return f"chart-{chart.kind.value}-{digest[:16]}.png"


def plan_charts(
    charts: Iterable[Chart],
    styles: Styles,
    folder: Path,
    cache: ImageCache | None = None,
    svg: bool = False,
    raster: bool = True,
) -> tuple[dict[Chart, Path], list[tuple[Chart, Path]]]:
    """Where each distinct chart's image is or will be, and the (chart, path) still to draw.

    A chart whose image is in ``cache`` (with its SVG, when ``svg``) is not drawn; the others
    are drawn into the cache (or into ``folder`` when there is no cache, or it cannot be
    written). Without ``raster`` the charts are drawn without their PNGs (see ``draw_jobs``),
    and a chart whose PDF drawing is cached is not drawn again, with or without its PNG.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = cache.folder if cache is not None and cache.open() else folder
    paths: dict[Chart, Path] = {}
    to_draw: list[tuple[Chart, Path]] = []
    for chart in dict.fromkeys(charts):
        name = chart_file_name(chart, styles)
        found = cache.get(name, picture=raster) if cache is not None else None
        if found is not None and svg and not found.with_suffix(".svg").is_file():
            # drawn for the documents only: drawn again with its SVG, its PNG and PDF removed
            # first (a document waits for the PNG, or the PDF, and reads the SVG once it is
            # there; a PNG is never left without its PDF)
            for drawn in (found, found.with_suffix(".pdf")):
                with contextlib.suppress(OSError):
                    drawn.unlink()
            found = None
        paths[chart] = found if found is not None else target / name
        waited_for = paths[chart] if raster else paths[chart].with_suffix(".pdf")
        if found is None and waited_for.exists():  # a damaged entry that cannot be removed
            paths[chart] = folder / name
        if found is None:
            to_draw.append((chart, paths[chart]))
    return paths, to_draw


def draw_charts(
    charts: Iterable[Chart],
    styles: Styles,
    folder: Path,
    cache: ImageCache | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> dict[Chart, Path]:
    """Draw each distinct chart once, in this process and its workers, and return where each
    chart's image is (see ``plan_charts``). ``workers`` processes draw them (default: one per
    core when there are enough charts to pay for them). Raises ``ValueError`` as ``draw_chart``
    does."""
    paths, to_draw = plan_charts(charts, styles, folder, cache)
    for done, _index in enumerate(draw_jobs(to_draw, styles, workers), start=1):
        if progress is not None:
            progress(done, len(to_draw))
    return paths


def draw_chart(chart: Chart, styles: Styles, path: Path) -> None:
    """Draw ``chart`` as a PNG of ``styles.chart_size`` inches at ``styles.chart_dpi``.

    The file is written whole or not at all. Raises ``ValueError`` for a chart the layout should
    never make (no categories, a series of the wrong length, more than four series).
    """
    from safecity_reports.charts.drawing import Painter

    Painter(styles).paint(chart, Path(path))


def draw_jobs(
    jobs: Sequence[tuple[Chart, Path]],
    styles: Styles,
    workers: int | None = None,
    svg: bool = False,
    raster: bool = True,
    painter: Painter | None = None,
) -> Iterator[int]:
    """Draw each (chart, path), yielding the index of each as it is done (in any order); with
    ``svg``, each chart's SVG too; without ``raster``, only its PDF drawing (and SVG): the
    Word document makes the PNGs it needs (``run.word_pictures``). ``painter``, drawing with
    ``styles``, ``svg`` and ``raster``, draws them where they are drawn in this process (the
    chart process's, with plot areas made ahead)."""
    if not jobs:
        return
    from safecity_reports.charts.drawing import Painter

    if workers is None:
        # One core is left to the documents, written meanwhile (the PDF here, Word in a process
        # of its own): on 2 cores the chart process draws every chart itself. Two workers there
        # took the same CPU time, shared by four processes on two cores, and 65 MB more memory:
        # q2's peak 291 MB, against 224 MB without them. At 300 measures too (6 Dec 2026, load
        # 6.5, pairs in turn): every core drawing took 1.11x the CPU and 1.26x the wall time.
        workers = min((os.cpu_count() or 1) - 1, len(jobs) // CHARTS_PER_WORKER)
    if workers < 2 or not fork_available():
        if painter is None:
            painter = Painter(styles, svg, raster)
        # the spares' garbage is old: collected once they are used
        collector = OneAtATime(old_garbage_after=len(painter.spares))
        for index, (chart, path) in enumerate(jobs):
            _paint_one(painter, collector, chart, path)
            yield index
        return
    # Forked workers start at once, with matplotlib imported and the fonts registered here,
    # and with the jobs as they are: only their numbers go through the pool's pipes.
    global _worker_jobs
    Painter(styles)
    _worker_jobs = jobs
    context = multiprocessing.get_context("fork")
    chunk = max(1, min(8, len(jobs) // (workers * 8)))
    try:
        with context.Pool(
            workers, initializer=_start_worker, initargs=(styles, os.getpid(), svg, raster)
        ) as pool:
            yield from pool.imap_unordered(_paint_in_worker, range(len(jobs)), chunksize=chunk)
    finally:
        _worker_jobs = ()


_worker_painter: Painter | None = None
_worker_collector = OneAtATime()
_worker_jobs: Sequence[tuple[Chart, Path]] = ()


def _start_worker(styles: Styles, parent: int, svg: bool = False, raster: bool = True) -> None:
    from safecity_reports.charts.drawing import Painter

    die_with_parent(parent)
    global _worker_painter
    _worker_painter = Painter(styles, svg, raster)


def _paint_in_worker(index: int) -> int:
    assert _worker_painter is not None
    chart, path = _worker_jobs[index]
    _paint_one(_worker_painter, _worker_collector, chart, path)
    return index


def _paint_one(painter: Painter, collector: OneAtATime, chart: Chart, path: Path) -> None:
    """Draw ``chart`` into ``path`` as one piece of ``collector``'s: its garbage, the plot
    area let go with the rest, collected at its end."""
    with collector.piece():
        painter.paint(chart, path)
        painter.let_go()
