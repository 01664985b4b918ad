"""An axis's ticks placed and labels measured once for each tight box
(``charts.axis_measures``): charts drawn with it are the same to the byte as drawn by
matplotlib alone, and a tight box found with it is matplotlib's."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from chart_bytes import drawn_with_and_without
from safecity_reports.charts import axis_measures


def test_installed_when_charts_are_drawn() -> None:
    assert all(hasattr(getattr(*key), "original") for key in axis_measures.METHODS)


def test_charts_the_same_to_the_byte_as_drawn_by_matplotlib_alone(tmp_path: Path) -> None:
    kept, alone = drawn_with_and_without(axis_measures, tmp_path)
    assert kept == alone


def _axes(title: str) -> tuple[Figure, object]:
    figure = Figure(figsize=(4, 3), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.2, 0.2, 0.7, 0.7))
    axes.plot([0, 1, 2], [10, 2000, 30])
    axes.set_xlabel(title)
    axes.set_ylabel(title)
    return figure, axes


def test_a_tight_box_is_matplotlibs() -> None:
    boxes = {}
    for shared in (True, False):
        if not shared:
            axis_measures.uninstall()
        try:
            for title in ("", "Incidents per 1,000 population"):
                figure, axes = _axes(title)
                renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
                boxes[shared, title] = [
                    axes.xaxis.get_tightbbox(renderer).get_points(),
                    axes.yaxis.get_tightbbox(renderer).get_points(),
                    axes.get_tightbbox(renderer).get_points(),
                    axes.xaxis.label.get_position(),
                    axes.yaxis.label.get_position(),
                ]
        finally:
            assert axis_measures.install()
    for title in ("", "Incidents per 1,000 population"):
        for ours, theirs in zip(boxes[True, title], boxes[False, title], strict=True):
            assert np.array_equal(ours, theirs)


def test_nothing_is_kept_between_tight_boxes() -> None:
    figure, axes = _axes("")
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    before = axes.yaxis.get_tightbbox(renderer).get_points().copy()
    assert axis_measures.MEMO not in vars(axes.yaxis)
    axes.get_tightbbox(renderer)  # the plot's: its axes keep their answers only while it lasts
    assert axis_measures.MEMO not in vars(axes.yaxis)
    assert axis_measures.MEMO not in vars(axes.xaxis)
    axes.set_ylim(0, 100_000)  # wider tick labels
    after = axes.yaxis.get_tightbbox(renderer).get_points()
    assert after[0][0] < before[0][0]
