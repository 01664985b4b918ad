"""Word's pictures of the charts, made where the Word document is written.

The chart process draws each chart once, as a PDF (``charts.drawing``), and leaves out the PNG
that only Word needs: rasterising it took a fifth of a chart's time, on the chart process, which
is what the documents wait for. The Word document, written in a process of its own on the other
core, rasterises each chart as it reaches it (``charts.raster``), while the chart process draws
the next ones; a report of the PDF alone never rasterises at all.

A PNG already there (from the image cache, or drawn with its picture) is used if it is whole;
one that is missing or damaged is made again from its PDF, beside it, whole or not at all. In
the run's own folder (``scratch``: no cache, which no later run reads) a PNG made is handed to
Word and never written: writing it and removing it with the folder took a twentieth of Word's
time (300 measures: 1.4 ms a chart of its 25 ms, the disk shared).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from safecity_reports.layout.document import Chart
from safecity_reports.png import is_whole_png
from safecity_reports.styles import Styles


class WordPictures(Mapping[Chart, Path]):
    """Each chart's PNG, made from its PDF drawing the first time it is asked for unless a
    whole one is there; ``images`` gives where each chart is once drawn (a ``PendingImages``
    waits for it)."""

    def __init__(
        self, images: Mapping[Chart, Path], styles: Styles, scratch: Path | None = None
    ) -> None:
        self.images = images
        self.styles = styles
        self.scratch = scratch
        """The run's own folder, removed at its end: a PNG to be made there is not written."""
        self.ready: set[Path] = set()
        self.tidied: set[Path] = set()
        """The folders a picture has been made in: each is tidied of killed runs' temporary
        files with its first picture only (it reads the whole folder, thousands of charts)."""

    def __getitem__(self, chart: Chart) -> Path:
        path = self.images[chart]
        if path not in self.ready:
            if not _whole_png(path):
                from safecity_reports.charts.raster import rasterise

                folder = path.parent
                tidy = folder not in self.tidied
                self.tidied.add(folder)
                rasterise(path, self.styles, self._title(chart), tidy)
            self.ready.add(path)
        return path

    def picture(self, chart: Chart) -> tuple[Path, Callable[[], bytes]]:
        """Where the chart's PNG is (in ``scratch``: would be), once its PDF drawing is there,
        and how to get its bytes: outside ``scratch`` as ``self[chart]`` gives it, then read;
        in it made from the drawing and never written, unless a whole one is there."""
        path = self.images[chart]  # waits for the drawing
        if self.scratch is None or path.parent != self.scratch:
            return path, lambda: self[chart].read_bytes()
        return path, lambda: self._made(chart, path)

    def _made(self, chart: Chart, path: Path) -> bytes:
        from safecity_reports.charts.raster import png_of, vector_path

        try:
            found = path.read_bytes()
        except OSError:
            found = b""
        if is_whole_png(found):
            return found
        return png_of(vector_path(path).read_bytes(), self.styles, self._title(chart))

    def _title(self, chart: Chart) -> str:
        from safecity_reports.charts.glyphs import printable_chart

        return printable_chart(chart, self.styles).title

    def __iter__(self) -> Iterator[Chart]:
        return iter(self.images)

    def __len__(self) -> int:
        return len(self.images)


def _whole_png(path: Path) -> bool:
    try:
        return is_whole_png(path.read_bytes())
    except OSError:
        return False
