"""A box's edges read as numpy reads them (``charts.box_edges``)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.transforms import Affine2D, Bbox, BboxBase, TransformedBbox

from chart_bytes import drawn_with_and_without
from safecity_reports.charts import box_edges, drawing  # noqa: F401 - installs it

EDGE = st.sampled_from([0.0, -0.0, 1.0, -1.0, math.nan, math.inf, -math.inf]) | st.floats()


def _numpy_edges(points: np.ndarray) -> list[float]:
    return [
        np.min(points[:, 0]),
        np.max(points[:, 0]),
        np.min(points[:, 1]),
        np.max(points[:, 1]),
    ]


def _same(a: object, b: object) -> bool:
    """The same number, the same type: NaN as NaN, -0.0 told from 0.0."""
    return type(a) is type(b) and (
        (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))  # type: ignore[arg-type]
    )


def test_installed() -> None:
    assert set(box_edges.ORIGINALS) == {"xmin", "xmax", "ymin", "ymax"}
    assert box_edges.install()


@given(EDGE, EDGE, EDGE, EDGE)
def test_each_edge_as_numpy_gives_it(x0: float, y0: float, x1: float, y1: float) -> None:
    box = Bbox([[x0, y0], [x1, y1]])
    found = [box.xmin, box.xmax, box.ymin, box.ymax]
    expected = _numpy_edges(box.get_points())
    assert all(_same(a, b) for a, b in zip(found, expected, strict=True)), (found, expected)


def test_a_transformed_box_reads_its_transformed_corners() -> None:
    box = TransformedBbox(Bbox([[1.0, 2.0], [3.0, -4.0]]), Affine2D().scale(-2.0, 1.5))
    assert [box.xmin, box.xmax, box.ymin, box.ymax] == _numpy_edges(box.get_points())
    assert isinstance(vars(BboxBase)["xmin"], property)


def test_charts_the_same_to_the_byte_as_drawn_by_matplotlib_alone(tmp_path: Path) -> None:
    kept, alone = drawn_with_and_without(box_edges, tmp_path)
    assert kept == alone
