"""A chart's numbers written into its PDF as matplotlib writes them, without its slow way there.

matplotlib's PDF backend writes every number of a chart (each point of each path, each text's
place: some 1,300 a chart) through ``backend_pdf.pdfRepr``, which asks each whether it has a
``pdfRepr`` method of its own (an attribute missing, an exception raised and caught inside
Python) and checks a float is finite with numpy's ``isfinite`` (a ufunc call): 1.4 us a float, a
sixth of it the formatting. Here a float (Python's or numpy's ``float64``) and an int are
written straight away, by the same formatting, and everything else is given to matplotlib's
own: the same bytes (a test draws charts with and without it, and compares numbers one by one),
0.4 us a float.

``pdfRepr`` is matplotlib's own, not its public API: should it go, or take other parameters,
``install`` leaves the backend as it is.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from typing import Any

import numpy as np
from matplotlib.backends import backend_pdf

NAME = "pdfRepr"


def written(original: Callable[[Any], bytes]) -> Callable[[Any], bytes]:
    """``original`` (``pdfRepr``), writing floats and ints itself."""

    def pdfRepr(  # noqa: N802 - matplotlib's name, looked up by the backend
        obj: Any,
        _float: type = float,
        _float64: type = np.float64,
        _int: type = int,
        _finite: Callable[[float], bool] = math.isfinite,
    ) -> bytes:
        kind = type(obj)
        if kind is _float64 or kind is _float:
            if not _finite(obj):
                raise ValueError("Can only output finite numbers in PDF")
            return (b"%.10f" % obj).rstrip(b"0").rstrip(b".")
        if kind is _int:  # not a bool: its type is bool
            return b"%d" % obj
        return original(obj)

    pdfRepr.original = original  # type: ignore[attr-defined]
    return pdfRepr


def install() -> bool:
    """Write numbers this way from now on, in this process; False (and nothing changed) where
    the backend has no ``pdfRepr`` taking one object."""
    current = getattr(backend_pdf, NAME, None)
    if current is None or hasattr(current, "original"):
        return current is not None
    if list(inspect.signature(current).parameters) != ["obj"]:
        return False
    setattr(backend_pdf, NAME, written(current))
    return True


def uninstall() -> None:
    """Write numbers as matplotlib does (for tests comparing the two)."""
    current = getattr(backend_pdf, NAME, None)
    if current is not None and hasattr(current, "original"):
        setattr(backend_pdf, NAME, current.original)


install()
