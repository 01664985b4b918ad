"""An axis's ticks placed and their labels measured once for each tight box, not twice.

The fitting asks for the plot's tight box three times or so a chart (``fitting.layout``), and
matplotlib's tight box of an axis (``Axis.get_tightbbox``) places its ticks and measures their
labels twice: once to place the axis title beside them (``_update_label_position``, through
``_get_tick_boxes_siblings``, which measures the axis itself when no other axis is aligned with
it), then again, unchanged, for the box itself. Only the axis title moves between the two,
and neither the ticks nor their labels depend on it. So within one tight box, the second time
the same axis places its ticks and measures their labels it is given the answers of the first:
the same boxes, so the same charts to the byte (a test draws charts with and without it).

The same holds for the whole plot's tight box (``Axes.get_tightbbox``, which the fitting asks
for): after its axes' tight boxes, each visible spine's box (``Spine.get_window_extent``)
places and measures the ticks of its axis again, to pad for them. Nothing in a plot's tight
box moves a tick (the limits and the plot's place are settled before its first measure: its
autoscaling and aspect come first), so each axis keeps its answers for the whole of it.

``Axis._update_ticks`` and ``Axis._get_ticklabel_bboxes`` are matplotlib's own, not its public
API: should either go, or change what it takes, ``install`` leaves the axis (and the plot) as it
is.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from matplotlib.axes import Axes
from matplotlib.axis import Axis

from safecity_reports.charts.wrapped import unwrap

MEMO = "_safecity_measured"
"""The attribute an axis holds its answers under while its tight box is worked out."""
METHODS: dict[tuple[type, str], list[str]] = {
    (Axis, "get_tightbbox"): ["self", "renderer", "for_layout_only"],
    (Axis, "_update_ticks"): ["self"],
    (Axis, "_get_ticklabel_bboxes"): ["self", "ticks", "renderer"],
    (Axes, "get_tightbbox"): [
        "self",
        "renderer",
        "call_axes_locator",
        "bbox_extra_artists",
        "for_layout_only",
    ],
}
"""The methods wrapped, with the parameters they must take for the wrapping to hold."""


def _tight_box(original: Callable[..., Any]) -> Callable[..., Any]:
    def get_tightbbox(self: Axis, renderer: Any = None, *, for_layout_only: bool = False) -> Any:
        if MEMO in vars(self):  # asked again while working it out: no answers shared
            return original(self, renderer, for_layout_only=for_layout_only)
        setattr(self, MEMO, {})
        try:
            return original(self, renderer, for_layout_only=for_layout_only)
        finally:
            delattr(self, MEMO)

    return get_tightbbox


def _plot_tight_box(original: Callable[..., Any]) -> Callable[..., Any]:
    def get_tightbbox(self: Axes, *args: Any, **kwargs: Any) -> Any:
        started = [axis for axis in self._axis_map.values() if MEMO not in vars(axis)]
        for axis in started:
            setattr(axis, MEMO, {})
        try:
            return original(self, *args, **kwargs)
        finally:
            for axis in started:
                delattr(axis, MEMO)

    return get_tightbbox


def _ticks(original: Callable[..., Any]) -> Callable[..., Any]:
    def _update_ticks(self: Axis) -> Any:
        memo = vars(self).get(MEMO)
        if memo is None:
            return original(self)
        if "ticks" not in memo:
            memo["ticks"] = original(self)
        return list(memo["ticks"])

    return _update_ticks


def _label_boxes(original: Callable[..., Any]) -> Callable[..., Any]:
    def _get_ticklabel_bboxes(self: Axis, ticks: Any, renderer: Any) -> Any:
        memo = vars(self).get(MEMO)
        if memo is None:
            return original(self, ticks, renderer)
        key = (tuple(map(id, ticks)), id(renderer))
        if memo.get("boxes key") != key:
            memo["boxes key"], memo["boxes"] = key, original(self, ticks, renderer)
        first, second = memo["boxes"]
        return [box.frozen() for box in first], [box.frozen() for box in second]

    return _get_ticklabel_bboxes


WRAPPERS: dict[tuple[type, str], Callable[[Callable[..., Any]], Callable[..., Any]]] = {
    (Axis, "get_tightbbox"): _tight_box,
    (Axis, "_update_ticks"): _ticks,
    (Axis, "_get_ticklabel_bboxes"): _label_boxes,
    (Axes, "get_tightbbox"): _plot_tight_box,
}


def install() -> bool:
    """Share an axis's measures within each tight box from now on, in this process; False (and
    nothing changed) where matplotlib's axis or plot lacks one of the methods, or takes other
    parameters."""
    current = {key: getattr(key[0], key[1], None) for key in METHODS}
    if all(hasattr(method, "original") for method in current.values()):
        return True
    for key, parameters in METHODS.items():
        method = current[key]
        if method is None or hasattr(method, "original"):
            return False
        if list(inspect.signature(method).parameters) != parameters:
            return False
    for (owner, name), method in current.items():
        wrapper = WRAPPERS[owner, name](method)  # type: ignore[arg-type]
        wrapper.original = method  # type: ignore[attr-defined]
        setattr(owner, name, wrapper)
    return True


def uninstall() -> None:
    """Measure as matplotlib does (for tests comparing the two)."""
    for owner, name in METHODS:
        unwrap(owner, name)


install()
