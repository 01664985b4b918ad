"""A chart's blank figure (its plot area and first ticks) copied from one pickled once, not
made anew for every chart.

matplotlib makes a plot area and its ticks one setting at a time (each line, text, marker and
transform checked and set, the settings read for each): a fifth of a chart's time. The
unpickler makes the same objects with the same values in C, in about half that time
(``charts.drawing.Painter.copied``).

One thing matplotlib's own pickling gets wrong, and it matters here. A transform keeps the
transforms made from it (its parents, which it tells when it changes) keyed by their ids. It
pickles them with those keys and unpickles them with the same keys (``TransformNode.__getstate__``
and ``__setstate__``): in a copy, each parent is keyed by the id of the object it was copied
from, not by its own. Once that object is gone, a transform made later at its freed address
(as the next chart's are) and made from the same child takes that key, putting out the parent
kept under it, which then never hears that the child changed, and draws from its old values:
one chart in six hundred had the labels of its value axis drawn 11 points to the left of
their place, half out of the picture. Here a transform is pickled with its parents as a list, and unpickled with
each keyed by its own id, as matplotlib keys a parent it is given (``set_children``). This
module only pickles and unpickles; matplotlib's classes are left as they are.
"""

from __future__ import annotations

import copyreg
import io
import pickle
import weakref
from collections.abc import Callable
from typing import Any

from matplotlib.figure import Figure
from matplotlib.transforms import TransformNode

UNPICKLABLE = (pickle.PicklingError, TypeError, AttributeError)
"""What pickling a figure raises where it holds something pickle cannot copy."""
PARENTS = "_parents"
"""A transform's parents by id (``TransformNode``), each a weak reference."""


def pickled(figure: Figure) -> bytes:
    """``figure`` pickled for ``copied``: as matplotlib pickles it, each transform's parents
    kept as a list, not by id."""
    buffer = io.BytesIO()
    _Pickler(buffer, pickle.HIGHEST_PROTOCOL).dump(figure)
    return buffer.getvalue()


def copied(data: bytes) -> Figure:
    """A new figure from ``pickled``'s bytes: the same objects with the same values."""
    figure = pickle.loads(data)  # noqa: S301 - bytes this process pickled
    if not isinstance(figure, Figure):
        raise TypeError(f"not a pickled figure: {type(figure).__name__}")
    return figure


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: object) -> Any:
        """How a transform is pickled (anything else as pickle does): made by ``__new__`` as
        the default protocol makes it, its state set by ``_restored``."""
        if not isinstance(obj, TransformNode):
            return NotImplemented
        state = dict(vars(obj))
        alive = (reference() for reference in state.pop(PARENTS).values())
        state[PARENTS] = [parent for parent in alive if parent is not None]
        new = copyreg.__newobj__  # type: ignore[attr-defined]
        return new, (type(obj),), state, None, None, _restored


def _restored(node: TransformNode, state: dict[str, Any]) -> None:
    """``node``'s state, each of its parents kept by its own id, with a weak reference whose
    callback drops it from this dict once the parent is gone (as ``set_children`` keeps it)."""
    parents: dict[int, weakref.ref[TransformNode]] = {}
    for parent in state.pop(PARENTS):
        key = id(parent)
        parents[key] = weakref.ref(parent, _dropping(parents, key))
    node.__dict__.update(state)
    node.__dict__[PARENTS] = parents


def _dropping(
    parents: dict[int, weakref.ref[TransformNode]], key: int
) -> Callable[[weakref.ref[TransformNode]], None]:
    def drop(_: weakref.ref[TransformNode]) -> None:
        parents.pop(key, None)

    return drop
