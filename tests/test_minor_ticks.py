"""An axis's minor tick made only when asked for (``charts.minor_ticks``): charts drawn with it
are the same to the byte as drawn by matplotlib alone, none of them makes a minor tick, and a
figure that does draw minor ticks, set before and after they are made, is drawn the same."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib as mpl
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.spines import Spine

from chart_bytes import charts, drawn_with_and_without
from safecity_reports.charts import drawing, minor_ticks
from safecity_reports.styles import load_styles


def test_installed_when_charts_are_drawn() -> None:
    assert isinstance(vars(Axis)["minorTicks"], minor_ticks.DeferredTickList)
    assert all(hasattr(getattr(owner, name), "original") for owner, name in minor_ticks.WRAPPERS)


def test_charts_the_same_to_the_byte_as_drawn_by_matplotlib_alone(tmp_path: Path) -> None:
    kept, alone = drawn_with_and_without(minor_ticks, tmp_path)
    assert kept == alone


def test_no_chart_makes_a_minor_tick(tmp_path: Path) -> None:
    painter = drawing.Painter(load_styles(), raster=False)
    for number, chart in enumerate(charts()):
        painter.paint(chart, tmp_path / f"{number}.png")
        for axis in (painter.figure.axes[0].xaxis, painter.figure.axes[0].yaxis):
            assert "minorTicks" not in vars(axis)
            assert minor_ticks.PENDING in vars(axis)


def _with_minor_ticks(when: str) -> bytes:
    """A figure drawing minor ticks, turned on and set before or after they are first made; the
    axes made under settings that are gone when the ticks are drawn."""
    with mpl.rc_context({"pdf.compression": 0}):
        with mpl.rc_context({"xtick.minor.size": 9, "ytick.minor.width": 3, "xtick.minor.pad": 9}):
            figure = Figure(figsize=(4, 3), dpi=100)
            FigureCanvasAgg(figure)
            axes = figure.add_axes((0.2, 0.2, 0.7, 0.7))
        axes.plot([0, 1, 2], [10, 2000, 30])
        axes.tick_params(axis="y", which="minor", length=7, color="red")
        if when == "made first":
            assert len(axes.xaxis.minorTicks) == 1  # made, the settings replayed
        axes.minorticks_on()
        axes.tick_params(axis="x", which="both", colors="blue", labelsize=6)
        axes.yaxis.set_clip_path(None)
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        axes.get_tightbbox(renderer)
        pdf = io.BytesIO()
        figure.savefig(pdf, format="pdf", metadata={"CreationDate": None})
        return pdf.getvalue()


def test_minor_ticks_drawn_as_matplotlib_draws_them() -> None:
    deferred = [_with_minor_ticks("drawn"), _with_minor_ticks("made first")]
    minor_ticks.uninstall()
    try:
        alone = [_with_minor_ticks("drawn"), _with_minor_ticks("made first")]
    finally:
        assert minor_ticks.install()
    assert deferred == alone
    assert b"1 0 0 RG" in alone[0]  # a red minor tick: minor ticks are drawn


def test_a_made_tick_is_matplotlibs_and_reset_ticks_forgets_the_calls() -> None:
    def made() -> list[object]:
        figure = Figure()
        axes = figure.add_axes((0.1, 0.1, 0.8, 0.8))
        axes.tick_params(which="minor", length=9, labelcolor="green")
        axes.xaxis.reset_ticks() if made.reset else None  # type: ignore[attr-defined]
        tick = axes.xaxis.minorTicks[0]
        return [
            tick._size,  # type: ignore[attr-defined]
            tick.label1.get_color(),
            tick.tick1line.get_markersize(),
            tick.get_clip_box() is not None,
            tick.gridline.get_clip_box() is not None,
        ]

    answers = {}
    for reset in (False, True):
        made.reset = reset  # type: ignore[attr-defined]
        answers["deferred", reset] = made()
        minor_ticks.uninstall()
        try:
            answers["alone", reset] = made()
        finally:
            assert minor_ticks.install()
    assert answers["deferred", False] == answers["alone", False]
    assert answers["deferred", True] == answers["alone", True]
    assert answers["alone", False] == [9, "green", 9.0, True, True]


def test_a_spine_sees_no_minor_tick_while_none_is_made() -> None:
    figure = Figure()
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.1, 0.1, 0.8, 0.8))
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    spine: Spine = axes.spines["bottom"]
    before = spine.get_window_extent(renderer).get_points().copy()
    assert "minorTicks" not in vars(axes.xaxis)
    axes.xaxis.minorTicks  # noqa: B018  (made)
    assert (spine.get_window_extent(renderer).get_points() == before).all()


def test_a_tick_asked_anything_else_while_written_down_is_made_then() -> None:
    def padding(figure: Figure) -> list[object]:
        axes = figure.add_axes((0.1, 0.1, 0.8, 0.8))
        axes.tick_params(which="minor", length=9, pad=5)
        axis = axes.xaxis
        setattr(axis, minor_ticks.RECORDING, True)  # as within a clipping or a setting
        try:
            first = axis.minorTicks[0]
            answer = first.get_tick_padding()  # not one of the calls written down
            first.set_clip_path(None)
        finally:
            delattr(axis, minor_ticks.RECORDING)
        tick = axis.minorTicks[0]
        box = tick.get_clip_box()
        return [
            answer,
            tick._size,  # type: ignore[attr-defined]
            tick._base_pad,  # type: ignore[attr-defined]
            box is not None,
            tick.get_clip_path(),
            vars(axis).get(minor_ticks.PENDING),
        ]

    made = padding(Figure())
    minor_ticks.uninstall()
    try:
        alone = padding(Figure())
    finally:
        assert minor_ticks.install()
    assert made == alone == [9.0, 9, 5, True, None, None]


def test_the_same_settings_are_one_dict() -> None:
    """Settings written down unchanged since the last are the same dict (a copied figure then
    holds one, not six); changed, a new one."""
    first = minor_ticks._settings()  # noqa: SLF001
    assert minor_ticks._settings() is first  # noqa: SLF001
    with mpl.rc_context({"lines.linewidth": 7.5}):
        changed = minor_ticks._settings()  # noqa: SLF001
        assert changed is not first
        assert changed["lines.linewidth"] == 7.5
    assert minor_ticks._settings() == first  # noqa: SLF001
