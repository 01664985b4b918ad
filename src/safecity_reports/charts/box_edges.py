"""A box's edges read as numpy reads them, without a numpy reduction for each.

matplotlib asks a box for its edges (``Bbox.xmin``, ``xmax``, ``ymin``, ``ymax``) some 700
times a chart, as it measures its texts, ticks and plot for the fitting and the PDF; each is
``np.min`` or ``np.max`` over the box's two corners, a numpy reduction (1.5 us, through
``numpy._core.fromnumeric``) to compare two numbers. Here the two are compared directly, as
numpy's reduction compares them: the later of two equal numbers (so ``-0.0`` or ``0.0`` as numpy
gives it), not a number where either is none (NaN), as the same ``numpy.float64``. The same
charts to the byte (a test draws charts with and without it, and compares the edges of boxes of
every kind of corner with numpy's).

The four edges are matplotlib's public properties of ``BboxBase``; where one is no longer a
property reading ``get_points``, ``install`` leaves them all as they are.
"""

from __future__ import annotations

import inspect
from typing import Any

from matplotlib.transforms import BboxBase

EDGES = {"xmin": (0, "min"), "xmax": (0, "max"), "ymin": (1, "min"), "ymax": (1, "max")}
"""Each edge: the column of the box's corners it is read from, and which of the two it is."""
ORIGINALS: dict[str, property] = {}
"""matplotlib's own properties, while they are replaced."""


def _edge(column: int, lower: bool) -> property:
    """The lower or upper edge read from ``column`` of the box's corners."""

    def edge(self: Any) -> Any:
        points = self.get_points()
        first, second = points[0, column], points[1, column]
        beyond = first < second if lower else first > second
        return first if beyond or first != first else second

    return property(edge)


def install() -> bool:
    """Read the edges this way from now on, in this process; False (and nothing changed)
    where matplotlib's edges are not the properties expected."""
    if ORIGINALS:
        return True
    for name, (column, which) in EDGES.items():
        current = vars(BboxBase).get(name)
        if not isinstance(current, property) or current.fget is None:
            return False
        source = inspect.getsource(current.fget)
        if f"np.{which}(self.get_points()[:, {column}])" not in source:
            return False
    for name, (column, which) in EDGES.items():
        ORIGINALS[name] = vars(BboxBase)[name]
        setattr(BboxBase, name, _edge(column, lower=which == "min"))
    return True


def uninstall() -> None:
    """Read the edges as matplotlib does (for tests comparing the two)."""
    for name, original in ORIGINALS.items():
        setattr(BboxBase, name, original)
    ORIGINALS.clear()


install()
