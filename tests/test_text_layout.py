"""Each text's layout kept for the chart process (``charts.text_layout``): charts drawn with the
kept layouts are the same to the byte as laid out by matplotlib alone, and two texts set
differently never share a layout."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.backends.backend_pdf import RendererPdf
from matplotlib.figure import Figure
from matplotlib.text import Text

from chart_bytes import drawn_with_and_without
from safecity_reports.charts import text_layout


@pytest.fixture
def matplotlib_alone() -> Iterator[None]:
    text_layout.uninstall()
    try:
        yield
    finally:
        assert text_layout.install()


def test_installed_when_charts_are_drawn() -> None:
    assert hasattr(Text._get_layout, "original")


def test_charts_the_same_to_the_byte_as_laid_out_by_matplotlib_alone(tmp_path: Path) -> None:
    kept, alone = drawn_with_and_without(text_layout, tmp_path)
    assert kept == alone


def _text(**changes: object) -> tuple[Text, RendererAgg]:
    figure = Figure(figsize=(4, 3), dpi=changes.pop("dpi", 100))  # type: ignore[arg-type]
    canvas = FigureCanvasAgg(figure)
    settings: dict[str, object] = {"fontsize": 9, "ha": "left", "va": "baseline"}
    settings.update(changes)
    text = figure.text(0.2, 0.3, str(settings.pop("s", "2015/16 Q3\nSouthampton")), **settings)
    return text, canvas.get_renderer()


CHANGES: list[dict[str, object]] = [
    {},
    {"s": "2015/16 Q4\nSouthampton"},
    {"fontsize": 8.5},
    {"fontweight": "bold"},
    {"fontstyle": "italic"},
    {"family": "DejaVu Serif"},
    {"ha": "center"},
    {"ha": "right"},
    {"va": "center"},
    {"va": "top"},
    {"rotation": 90},
    {"rotation": 90, "rotation_mode": "anchor"},
    {"linespacing": 1.15},
    {"multialignment": "right"},
    {"dpi": 200},
]


def test_texts_set_differently_never_share_a_layout() -> None:
    keys = [text_layout.layout_key(*_text(**change)) for change in CHANGES]
    assert None not in keys
    assert len(set(keys)) == len(keys)


def test_the_renderer_is_in_the_key() -> None:
    text, agg = _text()
    pdf = RendererPdf(None, 72, 4, 3)  # type: ignore[arg-type]
    assert text_layout.layout_key(text, agg) != text_layout.layout_key(text, pdf)


def test_a_wrapped_text_is_laid_out_afresh() -> None:
    text, renderer = _text(wrap=True)
    assert text_layout.layout_key(text, renderer) is None


@pytest.mark.parametrize("change", CHANGES, ids=str)
def test_a_kept_layout_is_matplotlibs(change: dict[str, object]) -> None:
    text, renderer = _text(**change)
    original = Text._get_layout.original  # type: ignore[attr-defined]
    for _ in range(2):  # made, then kept
        box, lines, corner = text._get_layout(renderer)
        own_box, own_lines, own_corner = original(text, renderer)
        assert np.array_equal(box.get_points(), own_box.get_points())
        assert lines == own_lines
        assert corner == own_corner


def test_a_kept_box_cannot_be_moved_by_a_caller() -> None:
    text, renderer = _text()
    box, _, _ = text._get_layout(renderer)
    first = box.get_points().copy()
    box.x0 += 50
    again, _, _ = text._get_layout(renderer)
    assert np.array_equal(again.get_points(), first)


def test_installing_twice_wraps_once(matplotlib_alone: None) -> None:
    assert text_layout.install()
    wrapped = Text._get_layout
    assert text_layout.install()
    assert Text._get_layout is wrapped
    assert not hasattr(wrapped.original, "original")  # type: ignore[attr-defined]


def test_the_pdfs_and_svgs_renderers_are_told_apart() -> None:
    from matplotlib.backends.backend_mixed import MixedModeRenderer
    from matplotlib.backends.backend_svg import RendererSVG

    text, _ = _text()
    figure = text.figure
    pdf = MixedModeRenderer(figure, 4, 3, 72, RendererPdf(None, 72, 4, 3))  # type: ignore[arg-type]
    svg = MixedModeRenderer(figure, 4, 3, 72, RendererSVG(4, 3, io.StringIO()))
    assert text_layout.layout_key(text, pdf) != text_layout.layout_key(text, svg)
