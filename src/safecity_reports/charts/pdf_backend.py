"""matplotlib's PDF backend, which draws every chart, imported with what a chart uses.

``savefig(format="pdf")`` imports the backend at its first call: imported here instead, in the
chart process before it forks its workers, it is imported once and its pages are shared, not
imported again in every worker.

The backend imports fontTools' subsetter at once, for fonts embedded as TrueType (Type 42).
Charts embed theirs as Type 3 (``Look.rc``), which never use it: it is left to be loaded when
first used (``importlib.util.LazyLoader``), saving a chart process 80 ms of CPU and 13 MB.
"""

from __future__ import annotations

import importlib.util
import sys

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


defer(DEFERRED)

from matplotlib.backends import backend_pdf  # noqa: E402, F401
