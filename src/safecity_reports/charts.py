"""Drawing each ``Chart`` as a PNG image that the Word and PDF documents both place.

The only module that imports matplotlib. The look starts from the Analysis Function's own style
sheet (afcharts) and takes its colours, font and size from ``Styles``. Figures are drawn with the
object-oriented API on the Agg canvas, so no pyplot global state is touched.

Sizes below are in points as printed: the documents place a chart ``PRINT_WIDTH_INCHES`` wide,
and every size is scaled by how much the image shrinks or grows to fit there.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from matplotlib import font_manager, patheffects, style
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import XAxis, YAxis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Annotation, Text
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator
from matplotlib.transforms import Bbox, ScaledTranslation

from .document import Chart, ChartKind
from .files import replace_atomically
from .styles import Styles

AFCHARTS_STYLE = "afcharts.afcharts"
"""The Analysis Function's matplotlib style sheet, shipped in the afcharts package."""
PRINT_WIDTH_INCHES = 16 / 2.54
"""How wide the documents print a chart."""
TEXT_POINTS = 9.0
"""Tick labels, axis titles and direct labels."""
VALUE_POINTS = 8.5
"""Value labels on bars."""
OWN_AREA_SUFFIX = " (our area)"
"""Added to the own area's name in a ranking, so it is picked out in words and not colour alone."""
NO_DATA = "n/a"
MAX_SERIES = 4
"""The Analysis Function's limit on colours in one chart."""


def chart_file_name(chart: Chart, styles: Styles) -> str:
    """A file name that is the same for equal charts with equal styles, and differs otherwise."""
    digest = hashlib.sha256(repr((chart, styles)).encode("utf-8")).hexdigest()
    return f"chart-{chart.kind.value}-{digest[:16]}.png"


def draw_charts(charts: Iterable[Chart], styles: Styles, folder: Path) -> dict[Chart, Path]:
    """Draw each distinct chart once into ``folder`` and return where each chart's image is."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[Chart, Path] = {}
    for chart in charts:
        if chart not in paths:
            path = folder / chart_file_name(chart, styles)
            draw_chart(chart, styles, path)
            paths[chart] = path
    return paths


def draw_chart(chart: Chart, styles: Styles, path: Path) -> None:
    """Draw ``chart`` as a PNG of ``styles.chart_size`` inches at ``styles.chart_dpi``.

    The file is written whole or not at all. Raises ``ValueError`` for a chart the layout should
    never make (no categories, a series of the wrong length, more than four series).
    """
    _check(chart)
    look = _Look.of(styles)
    _register_fonts(styles)
    with style.context([AFCHARTS_STYLE, look.rc()]):
        figure = Figure(figsize=styles.chart_size, dpi=styles.chart_dpi)
        FigureCanvasAgg(figure)
        axes = figure.add_axes((0.1, 0.15, 0.8, 0.75))
        _DRAW[chart.kind](figure, axes, chart, look)
        with replace_atomically(Path(path)) as tmp:
            figure.savefig(
                tmp, format="png", dpi=styles.chart_dpi,
                metadata={"Title": chart.title, "Software": None},
            )


# --- The look -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Look:
    styles: Styles
    scale: float
    """Image points per printed point."""

    @classmethod
    def of(cls, styles: Styles) -> _Look:
        return cls(styles, styles.chart_size[0] / PRINT_WIDTH_INCHES)

    def pt(self, points: float) -> float:
        return points * self.scale

    def rc(self) -> dict[str, object]:
        """What we change in the afcharts style: the font, print sizes and the report's colours."""
        palette = self.styles.palette
        size = self.pt(TEXT_POINTS)
        return {
            "font.family": [self.styles.font_family],
            "font.size": size,
            "axes.labelsize": size,
            "xtick.labelsize": size,
            "ytick.labelsize": size,
            "legend.fontsize": size,
            "text.color": palette.text,
            "axes.labelcolor": palette.text,
            "xtick.labelcolor": palette.text,
            "ytick.labelcolor": palette.text,
            "axes.linewidth": self.pt(0.8),
            "grid.linewidth": self.pt(0.5),
            "xtick.major.size": self.pt(3),
            "ytick.major.size": 0,
            "lines.linewidth": self.pt(2),
            "text.parse_math": False,  # "$" and "%" in labels are text, not mathtext
            "svg.hashsalt": "safecity",
        }

    def series_colours(self, count: int) -> list[str]:
        """One series in primary; two as the duo palette; more in the categorical order."""
        palette = self.styles.palette
        if count <= 1:
            return [palette.primary]
        if count == 2:
            return [palette.primary, palette.secondary]
        return list(self.styles.chart_categorical[:count])

    def label_colour(self, colour: str) -> str:
        """``colour`` for text if it is readable on white (4.5:1), otherwise the text colour."""
        return colour if _contrast(colour, "#FFFFFF") >= 4.5 else self.styles.palette.text


def _register_fonts(styles: Styles) -> None:
    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    for file in (styles.font_regular, styles.font_bold):
        if str(file) not in known:
            font_manager.fontManager.addfont(str(file))


def _contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# --- The three kinds ------------------------------------------------------------------------


def _draw_line(figure: Figure, axes: Axes, chart: Chart, look: _Look) -> None:
    count = len(chart.categories)
    palette = look.styles.palette
    decimals = _decimals(_series_values(chart))
    end_labels: list[Annotation] = []
    markers = [("-", "o"), ((0, (4, 2)), "s"), (":", "^"), ("-.", "D")]
    for index, (series, colour) in enumerate(
        zip(chart.series, look.series_colours(len(chart.series)), strict=True)
    ):
        ys = [math.nan if v is None else v for v in series.values]
        linestyle, marker = markers[index]
        axes.plot(
            range(count), ys, color=colour, linestyle=linestyle, marker=marker,
            markersize=look.pt(6 if marker == "o" else 5.5), markeredgecolor="white",
            markeredgewidth=look.pt(0.8), zorder=4 + len(chart.series) - index, clip_on=False,
        )
        last = max((i for i, v in enumerate(series.values) if v is not None), default=None)
        if last is not None:
            value = series.values[last]
            assert value is not None
            text = f"{_wrap(series.name, 20)}\n{_number(value, decimals, chart.percent)}"
            end_labels.append(
                _end_label(axes, count - 1, text, value, look.label_colour(colour), look)
            )
    # The plot area ends at the latest period, so the labels sit right beside the line ends.
    margin = 0.12 if count <= 2 else 0.25
    axes.set_xlim(-margin, max(count - 1, margin))
    for name, value, dashed in _reference_lines(chart):
        axes.hlines(value, -margin, count - 1, color=palette.neutral, linewidth=look.pt(1.2),
                    linestyle=(0, (4, 2)) if dashed else "-", zorder=3)
        ref_decimals = max(decimals, min(_decimals([value]), 1))
        text = f"{_wrap(name, 20)}\n{_number(value, ref_decimals, chart.percent)}"
        end_labels.append(_end_label(axes, count - 1, text, value, palette.text, look))
    axes.set_xticks(range(count))
    ticks = _nice_ticks(_values(chart), from_zero=False, percent=chart.percent)
    _value_axis(axes.yaxis, ticks, chart.percent)
    axes.spines["bottom"].set_color(palette.rule)
    axes.tick_params(axis="x", colors=palette.rule, labelcolor=palette.text)

    renderer = _layout(figure, axes)
    _choose_period_labels(figure, axes, chart.categories, look)
    _axis_title(figure, axes, chart.y_label, look)
    for _ in range(2):
        _layout(figure, axes)
        _spread(end_labels, renderer, look, vertical=True)
    _layout(figure, axes)


def _draw_ranking(figure: Figure, axes: Axes, chart: Chart, look: _Look) -> None:
    palette = look.styles.palette
    (series,) = chart.series
    count = len(chart.categories)
    decimals = _decimals(_series_values(chart))
    own = chart.highlight
    colours = [
        palette.primary if own is None or i == own else palette.muted for i in range(count)
    ]
    lengths = [0.0 if v is None else v for v in series.values]
    axes.barh(range(count), lengths, height=0.7, color=colours, zorder=2)
    halo = [patheffects.withStroke(linewidth=look.pt(2.5), foreground="white")]
    for i, value in enumerate(series.values):
        text = NO_DATA if value is None else _number(value, decimals, chart.percent)
        axes.annotate(
            text, (lengths[i], i), xytext=(look.pt(3), 0), textcoords="offset points",
            ha="left", va="center", fontsize=look.pt(VALUE_POINTS), color=palette.text,
            fontweight="bold" if i == own else "normal", path_effects=halo,
            annotation_clip=False, zorder=5,
        )
    names = [n + OWN_AREA_SUFFIX if i == own else n for i, n in enumerate(chart.categories)]
    axes.set_yticks(range(count), labels=names)
    if own is not None:
        label = axes.get_yticklabels()[own]
        label.set_fontweight("bold")
        label.set_color(look.label_colour(palette.primary))
    axes.set_ylim(count - 0.5, -0.5)  # position 1 at the top
    if count > 16:  # keep a row per area legible when the group is large
        axes.tick_params(axis="y", labelsize=look.pt(8))

    # Three lines can sit closer together than their names are long, so they are named in a key
    # above the plot (with their values) rather than beside each line.
    keys: list[Line2D] = []
    for name, value, dashed in _reference_lines(chart):
        keys.append(axes.axvline(
            value, color=palette.neutral, linewidth=look.pt(1.2),
            linestyle=(0, (4, 2)) if dashed else "-", zorder=4,
            label=f"{name}: {_number(value, max(decimals, 1), chart.percent)}",
        ))

    ticks = _nice_ticks(_values(chart), from_zero=True, percent=chart.percent)
    _value_axis(axes.xaxis, ticks, chart.percent)
    axes.grid(axis="x")
    axes.grid(axis="y", visible=False)
    axes.set_xlabel(chart.y_label, color=palette.text, labelpad=look.pt(4))
    axes.spines["bottom"].set_visible(False)
    axes.spines["left"].set_visible(True)
    axes.spines["left"].set_color(palette.neutral)
    axes.tick_params(axis="x", length=0)
    axes.tick_params(axis="y", length=0, pad=look.pt(4))
    _layout(figure, axes)
    if keys:
        _legend_above(figure, axes, 0.0, look, keys)
    _layout(figure, axes)
    _layout(figure, axes)


def _draw_bars(figure: Figure, axes: Axes, chart: Chart, look: _Look) -> None:
    palette = look.styles.palette
    count, k = len(chart.categories), len(chart.series)
    decimals = _decimals(_series_values(chart))
    axes.set_xlim(-0.5, count - 0.5)
    # Bars no wider than an inch printed however few the categories, with a gap between groups.
    slot_inches = PRINT_WIDTH_INCHES * 0.85 / count
    width = min(0.75 / k, 1.0 / slot_inches)
    halo = [patheffects.withStroke(linewidth=look.pt(2.5), foreground="white")]
    for j, (series, colour) in enumerate(zip(chart.series, look.series_colours(k), strict=True)):
        xs = [i + (j - (k - 1) / 2) * width for i in range(count)]
        heights = [0.0 if v is None else v for v in series.values]
        axes.bar(xs, heights, width=width * 0.92, color=colour, label=series.name, zorder=2)
        for x, height, value in zip(xs, heights, series.values, strict=True):
            text = NO_DATA if value is None else _number(value, decimals, chart.percent)
            axes.annotate(
                text, (x, max(height, 0)), xytext=(0, look.pt(2)), textcoords="offset points",
                ha="center", va="bottom", fontsize=look.pt(VALUE_POINTS), color=palette.text,
                path_effects=halo, annotation_clip=False, zorder=5,
            )
    for name, value, dashed in _reference_lines(chart):
        axes.axhline(value, color=palette.neutral, linewidth=look.pt(1.2),
                     linestyle=(0, (4, 2)) if dashed else "-", zorder=4)
        axes.annotate(
            f"{name}: {_number(value, max(decimals, 1), chart.percent)}", (1, value),
            xycoords=("axes fraction", "data"), xytext=(0, look.pt(2)),
            textcoords="offset points", ha="right", va="bottom", fontsize=look.pt(VALUE_POINTS),
            path_effects=halo, annotation_clip=False, zorder=5,
        )
    axes.set_xticks(range(count), labels=[_wrap(c, 18) for c in chart.categories])
    axes.tick_params(axis="x", length=0, pad=look.pt(4))
    axes.spines["bottom"].set_color(palette.neutral)
    ticks = _nice_ticks(_values(chart), from_zero=True, percent=chart.percent, headroom=0.15)
    _value_axis(axes.yaxis, ticks, chart.percent)
    _layout(figure, axes)
    title_top = _axis_title(figure, axes, chart.y_label, look, clear=axes.texts)
    if k > 1:
        _legend_above(figure, axes, title_top, look)
    _layout(figure, axes)
    _layout(figure, axes)


_DRAW: dict[ChartKind, Callable[[Figure, Axes, Chart, _Look], None]] = {
    ChartKind.LINE: _draw_line,
    ChartKind.RANKING: _draw_ranking,
    ChartKind.BARS: _draw_bars,
}


# --- Parts shared by the kinds --------------------------------------------------------------


def _check(chart: Chart) -> None:
    where = f"chart {chart.title!r}"
    if not chart.categories or not chart.series:
        raise ValueError(f"{where} has no categories or no series")
    if len(chart.series) > MAX_SERIES:
        raise ValueError(f"{where} has {len(chart.series)} series; at most {MAX_SERIES} are drawn")
    for series in chart.series:
        if len(series.values) != len(chart.categories):
            raise ValueError(
                f"{where}: series {series.name!r} has {len(series.values)} values "
                f"for {len(chart.categories)} categories"
            )
    if chart.kind is ChartKind.RANKING and len(chart.series) != 1:
        raise ValueError(f"{where}: a ranking has one series, got {len(chart.series)}")
    if chart.highlight is not None and not 0 <= chart.highlight < len(chart.categories):
        raise ValueError(f"{where}: highlight {chart.highlight} is not a category")


def _series_values(chart: Chart) -> list[float]:
    return [v for s in chart.series for v in s.values if v is not None]


def _values(chart: Chart) -> list[float]:
    """Every value the value axis must show: the series' and the reference lines'."""
    return _series_values(chart) + [v for _, v in chart.reference_lines]


def _reference_lines(chart: Chart) -> list[tuple[str, float, bool]]:
    """(name, value, dashed): an average or mean is solid; limits and targets are dashed."""
    lines = chart.reference_lines
    solid = [any(w in n.lower() for w in ("average", "mean")) for n, _ in lines]
    if lines and not any(solid):
        solid[0] = True
    return [(n, v, not s) for (n, v), s in zip(lines, solid, strict=True)]


def _decimals(values: Sequence[float]) -> int:
    """The fewest decimals (up to two) that show every value as given."""
    for places in range(3):
        if all(abs(round(v, places) - v) < 1e-9 * max(1.0, abs(v)) for v in values):
            return places
    return 2


def _number(value: float, decimals: int, percent: bool) -> str:
    return f"{value:,.{decimals}f}" + ("%" if percent else "")


def _wrap(text: str, width: int) -> str:
    """Break ``text`` onto two lines at the space nearest its middle if it is longer than
    ``width``; never start the second line with a dash ("Oct 2012 -" / "Sep 2013")."""
    if len(text) <= width:
        return text
    spaces = [i for i, c in enumerate(text) if c == " " and text[i + 1 : i + 2] not in "-–"]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "\n" + text[cut + 1 :]


def _nice_ticks(
    values: Sequence[float], *, from_zero: bool, percent: bool, headroom: float = 0.1
) -> list[float]:
    """Round-number ticks covering ``values`` with some room; from zero for bars; never past
    100% when no value is.

    A line's axis spans at least a fifth of the values' size, so small wobbles are not blown up.
    """
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if from_zero:
        low, high = min(low, 0.0), max(high, 0.0)
        span = (high - low) or 1.0
        high += span * headroom
        low -= span * headroom if low < 0 else 0.0
    else:
        span = max(high - low, 0.2 * max(abs(high), abs(low))) or 1.0
        centre = (high + low) / 2
        floor = 0.0 if low >= 0 else -math.inf
        low = max(min(low, centre - span / 2) - span * headroom, floor)
        high = max(high, centre + span / 2) + span * headroom
    ticks = list(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]).tick_values(low, high))
    bottom = max((t for t in ticks if t <= low + 1e-9), default=ticks[0])
    top = min((t for t in ticks if t >= high - 1e-9), default=ticks[-1])
    if percent and values and max(values) <= 100:
        top = min(top, 100.0)
    return [float(t) for t in ticks if bottom - 1e-9 <= t <= top + 1e-9]


def _value_axis(axis: XAxis | YAxis, ticks: list[float], percent: bool) -> None:
    """Ticks at ``ticks``, the axis ending at the first and last, numbers as in the labels."""
    decimals = _decimals(ticks)
    axis.set_major_locator(FixedLocator(ticks))
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: _number(v, decimals, percent)))
    axis.set_view_interval(ticks[0], ticks[-1], ignore=True)


def _layout(figure: Figure, axes: Axes, pad_points: float = 3.0) -> object:
    """Size the plot area so every label (direct labels included) fits inside the image."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    width, height = figure.bbox.width, figure.bbox.height
    pad = pad_points / 72 * figure.dpi
    for _ in range(3):
        tight = axes.get_tightbbox(renderer)
        box = axes.get_window_extent(renderer)
        assert tight is not None
        left = box.x0 - tight.x0 + pad
        right = tight.x1 - box.x1 + pad
        bottom = box.y0 - tight.y0 + pad
        top = tight.y1 - box.y1 + pad
        axes.set_position(
            (left / width, bottom / height, 1 - (left + right) / width, 1 - (bottom + top) / height)
        )
    figure.canvas.draw()
    return renderer


def _choose_period_labels(
    figure: Figure, axes: Axes, categories: Sequence[str], look: _Look
) -> None:
    """Period labels as they are if they fit, else on two lines, else every second (or third...)
    label counted back from the latest, which is always shown."""
    count = len(categories)
    gap = look.pt(6) / 72 * figure.dpi
    attempts = [(False, 1)] + [(True, step) for step in range(1, count + 1)]
    for wrapped, step in attempts:
        labels = [
            (_wrap(c, 8) if wrapped else c) if (count - 1 - i) % step == 0 else ""
            for i, c in enumerate(categories)
        ]
        axes.set_xticks(range(count), labels=labels)
        figure.canvas.draw()
        boxes = [t.get_window_extent() for t in axes.get_xticklabels() if t.get_text()]
        if all(b.x0 - a.x1 >= gap for a, b in zip(boxes, boxes[1:], strict=False)):
            return


def _axis_title(
    figure: Figure, axes: Axes, text: str, look: _Look, clear: Sequence[Text] = ()
) -> float:
    """Put the value axis title above the plot, level with the tick labels' left edge (as the
    Analysis Function and ONS do): read horizontally, not rotated, and above any of ``clear``
    (value labels) that rise over the plot. Returns its height in points."""
    figure.canvas.draw()
    tick_boxes = [t.get_window_extent() for t in axes.get_yticklabels() if t.get_text()]
    axes_box = axes.get_window_extent()
    left = min((b.x0 for b in tick_boxes), default=axes_box.x0) - axes_box.x0
    rise = max([0.0, *(t.get_window_extent().y1 - axes_box.y1 for t in clear)])
    above = rise * 72 / figure.dpi + look.pt(12)
    title = axes.annotate(
        text, (0, 1), xycoords="axes fraction", xytext=(left * 72 / figure.dpi, above),
        textcoords="offset points", ha="left", va="bottom", color=look.styles.palette.text,
        annotation_clip=False,
    )
    figure.canvas.draw()
    return float(title.get_window_extent().height * 72 / figure.dpi + above)


def _legend_above(
    figure: Figure, axes: Axes, title_top: float, look: _Look, handles: Sequence[Artist] = ()
) -> None:
    """A key in one row above the plot (and ``title_top`` points above it, over the axis title),
    in drawing order: the series' bars, or ``handles``."""
    tick_boxes = [t.get_window_extent() for t in axes.get_yticklabels() if t.get_text()]
    axes_box = axes.get_window_extent()
    left = min((b.x0 for b in tick_boxes), default=axes_box.x0) - axes_box.x0
    shift = ScaledTranslation(
        left / figure.dpi, (title_top + look.pt(6)) / 72, figure.dpi_scale_trans
    )
    axes.legend(
        loc="lower left", bbox_to_anchor=(0, 1), bbox_transform=axes.transAxes + shift,
        handles=list(handles) or None, ncols=len(handles) or len(axes.containers),
        borderaxespad=0, borderpad=0, handlelength=2.6 if handles else 1.2,
        handleheight=1.0, columnspacing=1.5, frameon=False,
    )


def _end_label(
    axes: Axes, x: float, text: str, value: float, colour: str, look: _Look
) -> Annotation:
    """A label just right of the latest period at the height of ``value``."""
    return axes.annotate(
        text, (x, value), xytext=(look.pt(7), 0),
        textcoords="offset points", ha="left", va="center", color=colour,
        fontweight="bold", linespacing=1.15, annotation_clip=False,
    )


def _spread(labels: list[Annotation], renderer: object, look: _Look, *, vertical: bool) -> None:
    """Nudge labels apart along one direction so none overlaps, moving each as little as it can:
    overlapping labels are stacked as a block centred where they wanted to be."""
    if len(labels) < 2:
        return
    axis = 1 if vertical else 0
    for label in labels:  # measure where each wants to be
        x, y = label.xyann
        label.xyann = (x, 0.0) if vertical else (0.0, y)
    boxes: list[Bbox] = [label.get_window_extent(renderer) for label in labels]  # type: ignore[arg-type]
    dpi = labels[0].figure.dpi  # type: ignore[union-attr]
    gap = look.pt(2) / 72 * dpi
    wanted = [(b.y0 + b.y1) / 2 if vertical else (b.x0 + b.x1) / 2 for b in boxes]
    sizes = [b.height if vertical else b.width for b in boxes]
    order = sorted(range(len(labels)), key=lambda i: wanted[i])
    blocks: list[list[int]] = [[i] for i in order]

    def extent(block: list[int]) -> tuple[float, float]:
        total = sum(sizes[i] for i in block) + gap * (len(block) - 1)
        centre = sum(wanted[i] for i in block) / len(block)
        return centre - total / 2, centre + total / 2

    merged = True
    while merged:
        merged = False
        for n in range(len(blocks) - 1):
            if extent(blocks[n])[1] > extent(blocks[n + 1])[0]:
                blocks[n : n + 2] = [blocks[n] + blocks[n + 1]]
                merged = True
                break
    for block in blocks:
        start = extent(block)[0]
        for i in block:
            shift = (start + sizes[i] / 2 - wanted[i]) * 72 / dpi
            x, y = labels[i].xyann
            labels[i].xyann = (x, shift) if axis == 1 else (shift, y)
            start += sizes[i] + gap

