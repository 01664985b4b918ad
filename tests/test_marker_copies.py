"""A named marker copied without a deep copy (``charts.marker_copies``): charts drawn with it are
the same to the byte as drawn by matplotlib alone, and each marker copied is the deep copy's
equal, sharing nothing that can be changed in place but the paths matplotlib's own markers
share."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest
from matplotlib.lines import Line2D
from matplotlib.markers import TICKDOWN, TICKLEFT, MarkerStyle
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Affine2D

from chart_bytes import drawn_with_and_without
from safecity_reports.charts import marker_copies


def test_installed_when_charts_are_drawn() -> None:
    assert hasattr(getattr(MarkerStyle, marker_copies.METHOD), "original")


def test_charts_the_same_to_the_byte_as_drawn_by_matplotlib_alone(tmp_path: Path) -> None:
    kept, alone = drawn_with_and_without(marker_copies, tmp_path)
    assert kept == alone


def _values(marker: MarkerStyle) -> dict[str, object]:
    """What a marker draws with: its name, styles, path and transforms by value."""
    values: dict[str, object] = {}
    for name, value in vars(marker).items():
        if isinstance(value, MplPath):
            value = (value.vertices.tolist(), None if value.codes is None else value.codes.tolist())
        elif hasattr(value, "get_matrix"):
            value = value.get_matrix().tolist()
        elif name == "_marker_function":
            value = value.__func__.__name__
        values[name] = value
    return values


@pytest.mark.parametrize("name", [TICKDOWN, TICKLEFT, "o", "s", "D", "^", "|", "*", "X"])
def test_a_copy_is_the_deep_copys_equal(name: object) -> None:
    marker = MarkerStyle(name, "left")
    ours = MarkerStyle(marker=marker)
    marker_copies.uninstall()
    try:
        theirs = MarkerStyle(marker=marker)
    finally:
        assert marker_copies.install()
    before = _values(marker)
    assert _values(ours) == _values(theirs) == before
    assert ours._marker_function.__self__ is ours  # type: ignore[attr-defined]
    for transform in ("_transform", "_alt_transform"):  # nothing changeable shared
        if type(getattr(marker, transform)) is Affine2D:
            assert getattr(ours, transform) is not getattr(marker, transform)
            getattr(ours, transform).rotate_deg(30)
    assert _values(marker) == before


def test_other_markers_deep_copied_as_matplotlib_does() -> None:
    turned = MarkerStyle("o", transform=Affine2D().rotate_deg(10))
    path = MarkerStyle(MplPath(np.array([[0.0, 0.0], [1.0, 1.0]])))
    for marker in (turned, path):
        ours = MarkerStyle(marker=marker)
        assert ours._path is not marker._path  # type: ignore[attr-defined]
        assert _values(ours) == _values(marker)


def test_a_tick_line_copies_its_marker_as_before() -> None:
    first = Line2D([0], [0], marker=TICKDOWN, markersize=5)
    second = Line2D([0], [0])
    second.update_from(first)
    assert _values(second._marker) == _values(copy.deepcopy(first._marker))  # type: ignore[attr-defined]
