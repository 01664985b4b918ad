"""matplotlib's PDF backend, which draws every chart, imported with what a chart uses.

``savefig(format="pdf")`` imports the backend at its first call: imported here instead, in the
chart process before it forks its workers, it is imported once and its pages are shared, not
imported again in every worker.

The backend imports fontTools' subsetter at once, for fonts embedded as TrueType (Type 42).
Charts embed theirs as Type 3 (``Look.rc``), which never use it: it is left to be loaded when
first used (``importlib.util.LazyLoader``), saving a chart process 80 ms of CPU and 13 MB.

Each of its streams (a chart's drawing, and each glyph of its Type 3 fonts: about thirty
streams a chart) is deflated as it is written, a dozen small pieces a stream, each through
zlib; setting zlib up for a stream takes longer than deflating a glyph. The backend is given
``StreamDeflater`` instead: a stream's pieces are kept and deflated at once by zlib-ng (which
the PNG writer uses too) when the stream ends, in two thirds of the time (179 -> 119 ms a
hundred charts, under the profiler), to about the same size; they inflate to the same bytes
(a test draws charts both ways). Where the backend no longer deflates with
``zlib.compressobj``, it is left as it is.
"""

from __future__ import annotations

import importlib.util
import sys
import types
import zlib

from zlib_ng import zlib_ng

DEFERRED = "fontTools.subset"
"""Loaded only when something reads from it."""


def defer(name: str) -> None:
    """Put the module ``name`` in ``sys.modules`` unloaded: it is loaded when first used. A
    module already imported, or not installed, is left as it is."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)  # imports its package
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    package, _, child = name.rpartition(".")
    setattr(sys.modules[package], child, module)


class StreamDeflater:
    """``zlib.compressobj(level)`` as the PDF backend's streams use it (``compress`` each piece,
    then ``flush``): the pieces kept, and deflated together by zlib-ng at the ``flush``."""

    def __init__(self, level: int = zlib.Z_DEFAULT_COMPRESSION) -> None:
        self.level = level
        self.pieces: list[bytes] = []

    def compress(self, data: bytes) -> bytes:
        self.pieces.append(data)
        return b""

    def flush(self) -> bytes:
        whole = b"".join(self.pieces)
        self.pieces.clear()
        return zlib_ng.compress(whole, self.level)


defer(DEFERRED)

from matplotlib.backends import backend_pdf  # noqa: E402

if getattr(backend_pdf, "zlib", None) is zlib:
    backend_pdf.zlib = types.SimpleNamespace(  # type: ignore[assignment]
        **{
            **{name: getattr(zlib, name) for name in dir(zlib) if not name.startswith("__")},
            "compressobj": StreamDeflater,
        }
    )
