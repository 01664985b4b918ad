"""Chart images kept from earlier runs, so a re-run does not draw an unchanged chart again.

The images live in the user's cache folder (``platformdirs.user_cache_dir``: ``$XDG_CACHE_HOME``
or ``~/.cache`` on Linux, ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows, then
``safecity-reports/charts``), never beside the workbook. An image is named by a digest of
everything it is drawn from (see ``charts.chart_file_name``), so a changed figure, style or
drawing code simply misses. Entries are written whole (to a temporary file, then renamed): the
chart's PDF drawing first, then its PNG for Word (made by the Word document, ``run.word_pictures``,
when the chart process leaves it out). An entry that is not a whole, intact PNG (each chunk
carries the CRC-32 of its bytes, checked on every read), or whose PDF is not whole, is removed,
so it is drawn again.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

import platformdirs

from safecity_reports.files import remove_leftovers
from safecity_reports.png import is_whole_png

APP_FOLDER = "safecity-reports"
STALE_SECONDS = 3600
"""Age after which a half-written image in the cache is removed."""


def default_folder() -> Path:
    """Where chart images are cached: ``charts`` in the user's cache folder for this tool, as
    ``platformdirs`` gives it for the system; on Linux under ``$XDG_CACHE_HOME`` if it is set to
    an absolute path (the XDG spec says to ignore a relative one), else under ``~/.cache``."""
    root = Path(platformdirs.user_cache_dir(APP_FOLDER, appauthor=False))
    if not root.is_absolute():
        root = Path.home() / ".cache" / APP_FOLDER
    return root / "charts"


class ImageCache:
    """A folder of PNG images by name."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_folder()
        self._usable: bool | None = None

    def open(self) -> bool:
        """Make the folder if need be; False (and the cache unused) if it cannot be written,
        such as on a read-only home folder: a report is still made, only without the cache."""
        if self._usable is None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._usable = os.access(self.folder, os.W_OK)
            except OSError:
                self._usable = False
            if self._usable:
                remove_leftovers(self.folder)
                self._remove_stale_partial_images()
        return self._usable

    def _remove_stale_partial_images(self) -> None:
        """Remove images left half-written (``.chart-...`` temporary files) by a run that was
        killed while drawing, once they are an hour old: a run still drawing has no older ones."""
        limit = time.time() - STALE_SECONDS
        for partial in self.folder.glob(".chart-*.png"):
            with contextlib.suppress(OSError):  # gone already, or not ours to remove
                if partial.stat().st_mtime < limit:
                    partial.unlink()

    def get(self, name: str, picture: bool = True) -> Path | None:
        """The path of the cached image ``name``, or None if it is missing, unreadable or not a
        whole PNG, or its PDF drawing is not whole. A damaged entry is removed (it will be drawn
        again): a run drawing it must not find the damaged file in its place and take it for
        drawn. With ``picture=False`` the chart's PDF drawing is enough (its PNG is made from it
        by whoever needs it)."""
        if not self.open():
            return None
        path = self.folder / name
        vector = path.with_suffix(".pdf")
        if not is_whole_pdf(vector):
            # the chart's vector drawing, written before its PNG, is gone or damaged: the PNG
            # (never left without its PDF) is removed first, then the PDF
            for damaged in (path, vector):
                with contextlib.suppress(OSError):
                    damaged.unlink()
            return None
        if not picture:
            return path
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if is_whole_png(data):
            return path
        with contextlib.suppress(OSError):
            path.unlink()
        return None


def is_whole_pdf(path: Path) -> bool:
    """Whether the file at ``path`` starts as a PDF and ends with its end-of-file marker: a
    truncated or emptied drawing does not."""
    try:
        with open(path, "rb") as file:
            if file.read(5) != b"%PDF-":
                return False
            file.seek(0, os.SEEK_END)
            file.seek(max(0, file.tell() - 64))
            return b"%%EOF" in file.read()
    except OSError:
        return False
