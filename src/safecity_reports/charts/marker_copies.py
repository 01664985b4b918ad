"""A tick line's marker copied from its axis's first tick without a deep copy of everything.

Every tick an axis makes after its first copies the first one's look (``Axis._copy_tick_props``):
each of its three lines copies the first tick's line (``Line2D.update_from``), and with it its
marker, as ``MarkerStyle(marker=other)``, which deep-copies the marker's every attribute
(``copy.deepcopy(marker.__dict__)``): its path, its transform, and, through the method that drew
it, the whole marker a second time. About ten ticks a chart, thirty markers, a fiftieth of a
chart's time.

A named marker (a tick's, a line's: ``_marker`` a name or a number, no transform of the
caller's) is copied here value for value: its names, sizes and styles as they are (none can be
changed in place); its transforms as new transforms of the same matrix (``frozen``: the deep
copy's values, nothing shared that could be changed in place); its paths shared, as every
marker matplotlib makes of one name shares its path (the paths of the names are matplotlib's
own constants, and nothing changes a marker's path once made); the method it was made by bound
to the copy (the deep copy bound it to a copy of the first; it is only called while a marker is
made). The same marker, so the same charts to the byte (a test draws charts with and without).

``MarkerStyle._set_marker`` is matplotlib's own, not its public API: should it go, or change
what it takes, or a marker hold other attributes than these, the marker is copied as
matplotlib copies it.
"""

from __future__ import annotations

import copy
import inspect
import types
from collections.abc import Callable
from typing import Any

from matplotlib.markers import MarkerStyle
from matplotlib.transforms import Affine2D, IdentityTransform

from safecity_reports.charts.wrapped import unwrap

METHOD = "_set_marker"
"""The marker's method that copies another marker (or makes one of a name)."""
ATTRIBUTES = frozenset(
    {
        "_marker_function",
        "_user_transform",
        "_user_capstyle",
        "_user_joinstyle",
        "_fillstyle",
        "_marker",
        "_path",
        "_transform",
        "_alt_path",
        "_alt_transform",
        "_snap_threshold",
        "_joinstyle",
        "_capstyle",
        "_filled",
    }
)
"""What a marker holds (matplotlib 3.10 and 3.11): a marker holding anything else is copied as
matplotlib copies it."""


def _transform(transform: Any) -> Any:
    """A transform of the copy: a new one of the same matrix; none, or the identity, as is."""
    if transform is None or type(transform) is IdentityTransform:
        return transform  # nothing in it to change
    if type(transform) is Affine2D:
        return transform.frozen()  # a new Affine2D of a copy of the matrix
    return copy.deepcopy(transform)


def copied(original: Callable[[MarkerStyle, Any], None]) -> Callable[[MarkerStyle, Any], None]:
    """``original`` (``MarkerStyle._set_marker``), copying a named marker without the deep
    copy."""

    def _set_marker(self: MarkerStyle, marker: Any) -> None:
        state = vars(marker) if type(marker) is MarkerStyle else None
        if (
            state is None
            or state.keys() != ATTRIBUTES
            or not isinstance(state["_marker"], str | int)
            or state["_user_transform"] is not None
        ):
            return original(self, marker)
        kept = dict(state)
        function = kept["_marker_function"]
        if isinstance(function, types.MethodType) and function.__self__ is marker:
            kept["_marker_function"] = types.MethodType(function.__func__, self)
        kept["_transform"] = _transform(kept["_transform"])
        kept["_alt_transform"] = _transform(kept["_alt_transform"])
        self.__dict__ = kept
        return None

    _set_marker.original = original  # type: ignore[attr-defined]
    return _set_marker


def install() -> bool:
    """Copy named markers without the deep copy from now on, in this process; False (and
    nothing changed) where matplotlib's marker has no ``_set_marker`` taking a marker."""
    current = getattr(MarkerStyle, METHOD, None)
    if current is None or hasattr(current, "original"):
        return current is not None
    if list(inspect.signature(current).parameters) != ["self", "marker"]:
        return False
    if vars(MarkerStyle("o")).keys() != ATTRIBUTES:
        return False
    setattr(MarkerStyle, METHOD, copied(current))
    return True


def uninstall() -> None:
    """Copy markers as matplotlib does (for tests comparing the two)."""
    unwrap(MarkerStyle, METHOD)


install()
