"""A chart's small streams written once for the chart process, and copied after.

Each glyph a chart's PDF draws is a stream of its own (its Type 3 program: about forty a chart,
a few hundred bytes each), written by ``PdfFile.outputStream``: a stream object made, the bytes
deflated, its header worked out and written. The same glyph's stream is the same bytes in every
chart but for the object's number in front (``7 0 obj``), so each small stream's bytes after
its number are kept, keyed by its content and the deflate level, and written again with the
next chart's number, recorded in the file's table where matplotlib records it. The same bytes,
so the same charts to the byte (a test draws charts with and without).

``PdfFile.outputStream`` and its table of objects (``xrefTable``, ``recordXref``) are
matplotlib's own, not its public API: should they go or change, ``install`` leaves the backend
as it is; a stream written otherwise than as its number then its bytes is never kept.
"""

from __future__ import annotations

import inspect
import io
from collections.abc import Callable, Mapping
from typing import Any

import matplotlib as mpl
from matplotlib.backends import backend_pdf

from safecity_reports.charts import text_size
from safecity_reports.charts.wrapped import unwrap

SMALL = 2048
"""Streams of at most this many bytes are kept (glyphs' programs; a chart's drawing is not)."""
LEVEL = "pdf.compression"
"""The setting the backend deflates its streams at."""

# the settings, read by any name
_RC: Mapping[str, Any] = mpl.rcParams  # type: ignore[assignment]

_kept: dict[tuple[bytes, object], bytes] = {}
"""Each small stream's bytes after its object number, by its content and deflate level."""


def _kept_streams(original: Callable[..., None]) -> Callable[..., None]:
    """``PdfFile.outputStream``: a small stream written before written again from its bytes."""

    def outputStream(self: Any, ref: Any, data: Any, *, extra: Any = None) -> None:
        if (
            extra is not None
            or type(data) is not bytes
            or len(data) > SMALL
            or self.currentstream is not None
        ):
            original(self, ref, data, extra=extra)
            return
        key = (data, _RC[LEVEL])
        start = b"%d 0 obj\n" % ref.id
        file = self.fh
        tail = _kept.get(key)
        if tail is not None:
            self.recordXref(ref.id)
            file.write(start + tail)
            return
        place = file.tell()
        self.fh = written = io.BytesIO()
        try:
            original(self, ref, data)
        finally:
            self.fh = file
        whole = written.getvalue()
        file.write(whole)
        self.xrefTable[ref.id][0] = place - self.tell_base  # where it is in the file itself
        if whole.startswith(start):
            text_size.remember(_kept, key, whole[len(start) :])

    outputStream.original = original  # type: ignore[attr-defined]
    return outputStream


def install() -> bool:
    """Write small streams once from now on, in this process; False (and nothing changed)
    where the backend's file has no ``outputStream`` taking a reference, data and extras, or
    no table of objects."""
    pdf_file = backend_pdf.PdfFile
    current = getattr(pdf_file, "outputStream", None)
    if current is None or hasattr(current, "original"):
        return current is not None
    if list(inspect.signature(current).parameters) != ["self", "ref", "data", "extra"]:
        return False
    if not hasattr(pdf_file, "recordXref"):
        return False
    pdf_file.outputStream = _kept_streams(current)  # type: ignore[method-assign]
    return True


def uninstall() -> None:
    """Write every stream as matplotlib does (for tests comparing the two)."""
    unwrap(backend_pdf.PdfFile, "outputStream")
    _kept.clear()


install()
