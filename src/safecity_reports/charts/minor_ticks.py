"""An axis's minor tick made only when something asks for it, not with every chart's axes.

matplotlib makes each axis's first minor tick as the axes is made (``Axes.clear`` clips every
tick to the plot, and ``Axes.__init__`` sets the minor ticks' sides), then applies to it each
setting given for the minor ticks: two ticks a chart (a fifth of the ticks a chart makes), each
three lines and two texts, that no chart draws (they have no minor locator: matplotlib asks
for none of them).

Here, while an axis's minor ticks have not been asked for, what matplotlib would do to its
first minor tick is written down instead (``Deferred``): the settings in force and the minor
ticks' keywords when it would have been made, then each call on it (clipping, settings) with
the settings in force at that call. Asked for (by anything at all: the descriptor
``minorTicks`` is matplotlib's own, made to replay first), the tick is made and the calls
replayed in that order, each under the settings of its time: the tick matplotlib would have
made. The count asked for by ``_update_ticks`` when there are no minor ticks to draw (none) is
answered without making one, and a spine looking for the drawn ones among the minor ticks is
given none while none is made. The same charts to the byte (a test draws charts with and
without, and a chart with minor ticks drawn).

``Axis.minorTicks``, ``set_clip_path``, ``set_tick_params``, ``get_minor_ticks``,
``reset_ticks`` and ``Spine.get_window_extent`` are matplotlib's own (the lazy tick list is not
its public API): should any go, or change what it takes, ``install`` leaves the axis as it is;
should clipping or settings ask the first minor tick anything else, it is made then.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import matplotlib as mpl
from matplotlib import axis as maxis
from matplotlib.spines import Spine

from safecity_reports.charts.wrapped import unwrap

PENDING = "_safecity_minor_pending"
"""The attribute an axis holds its ``Deferred`` minor tick under until it is made."""
METHODS: dict[tuple[type, str], list[str]] = {
    (maxis.Axis, "set_clip_path"): ["self", "path", "transform"],
    (maxis.Axis, "set_tick_params"): ["self", "which", "reset", "kwargs"],
    (maxis.Axis, "get_minor_ticks"): ["self", "numticks"],
    (maxis.Axis, "reset_ticks"): ["self"],
    (maxis.Axis, "_get_tick"): ["self", "major"],
    (Spine, "get_window_extent"): ["self", "renderer"],
}
"""The methods wrapped or called, with the parameters they must take for the wrapping to
hold."""

# the settings, read by any name
_RC: Any = mpl.rcParams


def _settings() -> dict[str, Any]:
    """Every setting's value as it stands, unchecked: read from the dict beneath, not through
    ``RcParams``' sorted iteration and checked reads (``dict.copy`` takes that way: a
    millisecond, against about ten microseconds). The same settings as last time are the same
    dict (none is changed once written down): a chart's figure copied from a pickled one
    (``charts.figure_copies``) then unpickles one dict of settings for its six (the pickled
    blank figure 77 -> 61 KB)."""
    now = dict(dict.items(_RC))
    last = _last_settings[0] if _last_settings else None
    try:
        if last is not None and last == now:
            return last
    except ValueError:  # a value that cannot be compared (an array): kept as it is
        pass
    _last_settings[:] = [now]
    return now


_last_settings: list[dict[str, Any]] = []
"""The settings ``_settings`` last gave."""


@dataclass
class Deferred:
    """What matplotlib would have done to an axis's first minor tick, not yet made."""

    settings: dict[str, Any]
    """Every setting when the tick would have been made."""
    keywords: dict[str, Any]
    """The axis's minor tick keywords then (``_minor_tick_kw``), which the tick is made with."""
    calls: list[tuple[dict[str, Any], str, tuple[Any, ...], dict[str, Any]]] = field(
        default_factory=list
    )
    """Each call on the tick since: the settings at the call, the method, its arguments."""

    def made(self, axis: maxis.Axis) -> Any:
        """The tick, made and the calls replayed as matplotlib would have done them."""
        with mpl.rc_context():
            _RC._update_raw(self.settings)
            kept = axis._minor_tick_kw  # type: ignore[attr-defined]
            axis._minor_tick_kw = self.keywords  # type: ignore[attr-defined]
            try:
                tick = axis._get_tick(major=False)  # type: ignore[attr-defined]
            finally:
                axis._minor_tick_kw = kept  # type: ignore[attr-defined]
            for settings, method, args, kwargs in self.calls:
                _RC._update_raw(settings)
                getattr(tick, method)(*args, **kwargs)
        return tick


class _Recorder:
    """Stands for an axis's first minor tick during one call of the axis: writes down each call
    it knows (clipping, settings). Asked for anything else, it makes the tick then and there
    (the calls so far replayed) and hands the tick the question, and every call after it."""

    def __init__(self, deferred: Deferred, axis: maxis.Axis) -> None:
        self.deferred = deferred
        self.axis = axis
        self.tick: Any = None

    def _record(self, method: str, *args: Any, **kwargs: Any) -> None:
        if self.tick is not None:
            getattr(self.tick, method)(*args, **kwargs)
        else:
            self.deferred.calls.append((_settings(), method, args, kwargs))

    def set_clip_path(self, *args: Any, **kwargs: Any) -> None:
        self._record("set_clip_path", *args, **kwargs)

    def _apply_params(self, **kwargs: Any) -> None:
        self._record("_apply_params", **kwargs)

    def __getattr__(self, name: str) -> Any:
        if self.tick is None:
            vars(self.axis).pop(PENDING, None)
            self.tick = self.deferred.made(self.axis)
            self.axis.minorTicks = [self.tick]
        return getattr(self.tick, name)


RECORDING = "_safecity_minor_recording"
"""Set on an axis during a call whose only use of the first minor tick is ``_Recorder``'s."""


def _recording(original: Callable[..., Any]) -> Callable[..., Any]:
    """``original``, a method whose only calls on the first minor tick are ``set_clip_path``
    and ``_apply_params``: while the tick is not made, those calls are written down."""

    def method(self: maxis.Axis, *args: Any, **kwargs: Any) -> Any:
        if "minorTicks" in vars(self) or RECORDING in vars(self):
            return original(self, *args, **kwargs)
        setattr(self, RECORDING, True)
        try:
            return original(self, *args, **kwargs)
        finally:
            delattr(self, RECORDING)

    return method


def _counted(original: Callable[..., Any]) -> Callable[..., Any]:
    def get_minor_ticks(self: maxis.Axis, numticks: int | None = None) -> Any:
        if "minorTicks" not in vars(self):
            if numticks is None:
                numticks = len(self.get_minorticklocs())
            if numticks == 0:
                return []  # what ``self.minorTicks[:0]`` is
            vars(self).pop(NONE_DRAWN, None)  # some to draw: made, and read as they are
        return original(self, numticks)

    return get_minor_ticks


def _forgetting(original: Callable[..., Any]) -> Callable[..., Any]:
    def reset_ticks(self: maxis.Axis) -> Any:
        vars(self).pop(PENDING, None)  # matplotlib lets the made tick go
        return original(self)

    return reset_ticks


NONE_DRAWN = "_safecity_minor_none_drawn"
"""Set on an axis while a spine reads its minor ticks to find those drawn, none being made."""


def _spine_extent(original: Callable[..., Any]) -> Callable[..., Any]:
    """``Spine.get_window_extent``, which reads the axis's minor ticks only to find the drawn
    ones among them (``_update_ticks``'s): while none is made, none is drawn, so it is given
    none, and an unmade tick is not made for it. Should ``_update_ticks`` ask for minor ticks
    to draw meanwhile, they are made as matplotlib makes them (``_counted``)."""

    def get_window_extent(self: Spine, renderer: Any = None) -> Any:
        axis = self.axis
        if axis is None or "minorTicks" in vars(axis) or NONE_DRAWN in vars(axis):
            return original(self, renderer)
        setattr(axis, NONE_DRAWN, True)
        try:
            return original(self, renderer)
        finally:
            vars(axis).pop(NONE_DRAWN, None)

    return get_window_extent


class DeferredTickList(maxis._LazyTickList):  # type: ignore[name-defined,misc]
    """matplotlib's lazy minor tick list, read when its first tick would be made: while
    recording, it writes the tick down (the settings and keywords as they are at that moment,
    when matplotlib would make it); otherwise it makes a written-down tick as it was."""

    def __get__(self, instance: Any, owner: Any) -> Any:
        if instance is None:
            return self
        found = vars(instance)
        if NONE_DRAWN in found:
            return []
        if RECORDING in found:
            deferred = found.get(PENDING)
            if deferred is None:
                deferred = Deferred(_settings(), dict(instance._minor_tick_kw))
                found[PENDING] = deferred
            return [_Recorder(deferred, instance)]
        deferred = found.pop(PENDING, None)
        if deferred is None:
            return super().__get__(instance, owner)
        instance.minorTicks = []  # as matplotlib's: asked for again while it is made
        tick = deferred.made(instance)
        instance.minorTicks = [tick]
        return instance.minorTicks


WRAPPERS: dict[tuple[type, str], Callable[[Callable[..., Any]], Callable[..., Any]]] = {
    (maxis.Axis, "set_clip_path"): _recording,
    (maxis.Axis, "set_tick_params"): _recording,
    (maxis.Axis, "get_minor_ticks"): _counted,
    (maxis.Axis, "reset_ticks"): _forgetting,
    (Spine, "get_window_extent"): _spine_extent,
}


def install() -> bool:
    """Write minor ticks down until asked for, from now on, in this process; False (and nothing
    changed) where matplotlib's axis lacks a method or its lazy tick list, or they take other
    parameters."""
    lazy = getattr(maxis, "_LazyTickList", None)
    current = vars(maxis.Axis).get("minorTicks")
    if isinstance(current, DeferredTickList):
        return True
    if lazy is None or type(current) is not lazy or getattr(current, "_major", True):
        return False
    if not hasattr(_RC, "_update_raw"):
        return False
    for (owner, name), parameters in METHODS.items():
        method = getattr(owner, name, None)
        if method is None or hasattr(method, "original"):
            return False
        if list(inspect.signature(method).parameters) != parameters:
            return False
    for (owner, name), wrap in WRAPPERS.items():
        method = getattr(owner, name)
        wrapper = wrap(method)
        wrapper.original = method  # type: ignore[attr-defined]
        setattr(owner, name, wrapper)
    maxis.Axis.minorTicks = DeferredTickList(major=False)  # type: ignore[attr-defined]
    return True


def uninstall() -> None:
    """Make minor ticks as matplotlib does (for tests comparing the two)."""
    for owner, name in WRAPPERS:
        unwrap(owner, name)
    if isinstance(vars(maxis.Axis).get("minorTicks"), DeferredTickList):
        maxis.Axis.minorTicks = maxis._LazyTickList(major=False)  # type: ignore[attr-defined]


install()
