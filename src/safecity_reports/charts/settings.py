"""The charts' matplotlib settings (a style sheet, then the look's own), worked out once for a
painter, not again for every chart.

``matplotlib.style.context`` reads a named style sheet's file, parses and checks each of its
settings and the look's, every time it is entered: half a millisecond a chart, for the same
settings each time. ``Settings`` does that once, keeps the checked values of the settings the
styles name, and puts exactly those values in place for each chart (``applied``), inside
matplotlib's own ``rc_context``, which puts every setting back afterwards as
``style.context`` does. The same settings, so the same charts to the byte (a test draws charts
both ways).

A setting the styles do not name is left as it is (``style.context`` leaves it too), and the
settings a style sheet may not change (matplotlib's blacklist: the backend and the like) are
left out, as ``style.use`` leaves them out.
"""

from __future__ import annotations

import contextlib
import importlib.resources
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import matplotlib as mpl
from matplotlib import style

StyleList = Sequence[str | dict[str, Any]]
"""Style sheets as ``style.context`` takes them: a dotted package style's name
("afcharts.afcharts") or a dict of settings, applied first to last."""

# the settings, read by any name
_RC: dict[str, Any] = mpl.rcParams  # type: ignore[assignment]


def named(styles: StyleList) -> list[str]:
    """The settings ``styles`` set (each once), without those a style may not set."""
    blacklist: set[str] = getattr(style, "_STYLE_BLACKLIST", set())
    names: dict[str, None] = {}
    for entry in styles:
        sheet: Iterable[str]  # the settings' names
        if isinstance(entry, str) and entry in style.library:
            sheet = style.library[entry]
        elif isinstance(entry, str):  # a package's style sheet, as ``style.use`` finds it
            package, _, name = entry.rpartition(".")
            path = importlib.resources.files(package) / f"{name}.mplstyle"
            sheet = mpl.rc_params_from_file(path, use_default_template=False)  # type: ignore[arg-type]
        else:
            sheet = entry
        names.update(dict.fromkeys(key for key in sheet if key not in blacklist))
    return list(names)


class Settings:
    """``styles``' settings as matplotlib checks them, read once; ``applied`` puts them in
    place for a chart."""

    def __init__(self, styles: StyleList) -> None:
        self.styles = list(styles)
        """The style sheets, as given (``style.context`` takes them as they are)."""
        with mpl.rc_context():
            style.use(self.styles)
            self.values = {name: _RC[name] for name in named(self.styles)}
            """Each setting the styles name, with the value ``style.use`` gave it."""

    @contextlib.contextmanager
    def applied(self) -> Iterator[None]:
        """The settings in place until the block ends, then every setting as it was, as
        ``style.context(styles)`` does (within matplotlib's ``rc_context``, which keeps every
        setting but the backend and puts them back), without reading and checking them again.
        The settings as they were are read from the dict beneath ``rcParams``, as
        ``rc_context`` puts them back, not through its sorted, checked reads."""
        update = getattr(_RC, "_update_raw", None)
        if update is None:  # pragma: no cover - an older matplotlib: checked again
            with style.context(self.styles):
                yield
            return
        kept = dict(dict.items(_RC))
        del kept["backend"]
        try:
            update(self.values)
            yield
        finally:
            update(kept)
