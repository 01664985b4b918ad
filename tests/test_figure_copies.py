"""Each chart's figure copied from one blank figure pickled once (``charts.figure_copies``):
the same charts to the byte as figures made anew, every transform of a copy told of its
parents by their own ids, and copies that share nothing."""

from __future__ import annotations

import gc
import io
import pickle
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.transforms import Affine2D, TransformNode

from chart_bytes import drawn
from safecity_reports.charts import drawing, figure_copies, minor_ticks
from safecity_reports.styles import load_styles


def test_charts_on_copies_are_the_same_to_the_byte_as_on_figures_made_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every kind of chart (q2's and the SPC example's), PDF and SVG."""
    copied = drawn(tmp_path / "copied")
    monkeypatch.setattr(drawing.Painter, "copied", drawing.Painter.made)
    made = drawn(tmp_path / "made")
    assert copied == made


def _transforms(figure: Figure) -> list[TransformNode]:
    """Every transform reachable from ``figure``."""
    seen: set[int] = set()
    found: list[TransformNode] = []
    waiting: list[object] = [figure]
    while waiting:
        obj = waiting.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, TransformNode):
            found.append(obj)
        waiting.extend(gc.get_referents(obj))
    return found


def _misfiled(figure: Figure) -> int:
    """How many live parents of ``figure``'s transforms are kept under another's id."""
    return sum(
        key != id(reference())
        for node in _transforms(figure)
        for key, reference in node._parents.items()  # noqa: SLF001
        if reference() is not None
    )


def test_a_copys_transforms_know_their_parents_by_their_own_ids() -> None:
    """matplotlib's pickling keys a copy's parents by the ids of the originals (a transform
    later made at a freed address then puts one out, which stops hearing of changes: a chart's
    labels were drawn out of place); a copy here keys each by its own id."""
    painter = drawing.Painter(load_styles(), raster=False)
    original = painter.made()
    copy = figure_copies.copied(figure_copies.pickled(original))
    transforms = _transforms(copy)
    assert len(transforms) > 50
    assert sum(len(node._parents) for node in transforms) > 50  # noqa: SLF001
    assert _misfiled(copy) == 0
    assert _misfiled(original) == 0
    # what this module is for: matplotlib's own copy (the original still alive, so its ids
    # cannot be the copy's)
    assert _misfiled(pickle.loads(pickle.dumps(original))) > 0


def test_a_copied_parent_is_kept_by_its_id_and_dropped_once_gone() -> None:
    """A transform and one made from it, copied as a figure's are: the copy of the child keeps
    the copy of the parent under its id, and drops it once it is gone."""
    child = Affine2D().scale(2)
    parent = child + Affine2D().translate(1, 0)
    buffer = io.BytesIO()
    figure_copies._Pickler(buffer, pickle.HIGHEST_PROTOCOL).dump((child, parent))  # noqa: SLF001
    child_copy, parent_copy = pickle.loads(buffer.getvalue())  # noqa: S301
    assert list(child_copy._parents) == [id(parent_copy)]  # noqa: SLF001
    child_copy.scale(3)  # told to the parent: its matrix follows
    assert parent_copy.get_matrix()[0, 0] == 6
    del parent_copy
    gc.collect()
    assert child_copy._parents == {}  # noqa: SLF001


def test_copies_share_nothing_a_chart_changes() -> None:
    """Two copies of one blank: a tick of one set apart from the other's, their plot areas
    placed apart, one's minor tick written down apart from the other's."""
    painter = drawing.Painter(load_styles(), raster=False)
    first, second = painter.copied(), painter.copied()
    (one,), (other,) = first.axes, second.axes
    assert one is not other and one.figure is first and other.figure is second
    one.xaxis.majorTicks[0].label1.set_fontweight("bold")
    one.set_position((0.3, 0.3, 0.4, 0.4))
    assert other.xaxis.majorTicks[0].label1.get_fontweight() != "bold"
    assert tuple(other.get_position().bounds) == drawing.PLOT_AREA
    pending = [vars(axes.xaxis)[minor_ticks.PENDING] for axes in (one, other)]
    assert pending[0] is not pending[1]
    assert pending[0].calls is not pending[1].calls


def test_copied_refuses_what_is_not_a_figure() -> None:
    with pytest.raises(TypeError, match="not a pickled figure"):
        figure_copies.copied(pickle.dumps([1, 2]))


def test_a_figure_that_cannot_be_pickled_is_made_for_each_chart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copying is only ever a shortcut: where the blank figure cannot be pickled, each chart's
    figure is made anew, and the charts are the same."""
    copied = drawn(tmp_path / "copied")

    def cannot(figure: Figure) -> bytes:
        raise TypeError("cannot pickle '_thread.lock' object")

    monkeypatch.setattr(figure_copies, "pickled", cannot)
    painter = drawing.Painter(load_styles(), raster=False)
    assert painter.blank is None
    assert painter.copied().axes
    assert drawn(tmp_path / "made") == copied
