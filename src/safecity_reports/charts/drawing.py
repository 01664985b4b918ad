"""Drawing one ``Chart`` with matplotlib: the line, ranking and bar charts, as a one-page PDF of
vector graphics (for the PDF, sharp at any zoom) and, unless the Word document makes it itself,
that same drawing rasterised by pdfium as a PNG beside it (for Word, ``charts.raster``):
matplotlib draws each chart once.

The look starts from the Analysis Function's own style sheet (afcharts) and takes its colours,
font and size from ``Styles``. Figures are drawn with the object-oriented API, their text measured
on the Agg canvas, so no pyplot global state is touched.

Sizes below are in points as printed: the documents place a chart ``PRINT_WIDTH_INCHES`` wide,
and every size is scaled by how much the image shrinks or grows to fit there.
"""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Callable, Sequence
from pathlib import Path

from matplotlib import font_manager, patheffects
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import XAxis, YAxis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Annotation
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

from safecity_reports.charts import (
    axis_measures,  # noqa: F401  (an axis measured once a box)
    box_edges,  # noqa: F401  (a box's edges read without a numpy reduction)
    figure_copies,
    marker_copies,  # noqa: F401  (a tick's markers copied without a deep copy)
    minor_ticks,  # noqa: F401  (minor ticks made only when asked for)
    pdf_backend,  # noqa: F401  (before any chart is drawn)
    pdf_numbers,  # noqa: F401  (numbers written as the backend writes them, sooner)
    pdf_streams,  # noqa: F401  (a glyph's stream written once)
    pdf_text,  # noqa: F401  (the PDF's text work kept)
    text_layout,  # noqa: F401  (texts laid out once)
)
from safecity_reports.charts.fitting import (
    PRINT_WIDTH_INCHES,
    Look,
    as_fitted,
    axis_title,
    choose_period_labels,
    end_label,
    layout,
    legend_above,
    spread,
    wrap,
)
from safecity_reports.charts.glyphs import printable_chart
from safecity_reports.charts.raster import png_of, vector_path
from safecity_reports.charts.settings import Settings
from safecity_reports.charts.time_axis import (
    LineStyle,
    Pen,
    alone,
    named_on_the_bar,
    places,
    runs,
    stretch,
    time_limits,
)
from safecity_reports.core import symbols
from safecity_reports.core.formatting import fewest_decimals, figure_places, format_number
from safecity_reports.files import replace_atomically
from safecity_reports.layout.document import Chart, ChartKind, Mark
from safecity_reports.styles import Palette, Styles

AFCHARTS_STYLE = "afcharts.afcharts"
"""The Analysis Function's matplotlib style sheet, shipped in the afcharts package."""
VALUE_POINTS = 8.5
"""Value labels on bars."""
OWN_AREA_SUFFIX = " (our area)"
"""Added to the own area's name in a ranking, so it is picked out in words and not colour alone."""
NO_DATA = symbols.NOT_AVAILABLE
MAX_SERIES = 4
"""The Analysis Function's limit on colours in one chart."""

PDF_METADATA = {"Creator": None, "Producer": None, "CreationDate": None}
"""Nothing that changes from run to run: equal charts give equal files."""


SVG_METADATA = {"Date": None, "Creator": None}
"""Nothing that changes from run to run (the ids are salted alike by ``Look.rc``)."""


def svg_path(path: Path) -> Path:
    """Where the SVG of the chart whose PNG is ``path`` is written, when one is asked for."""
    return Path(path).with_suffix(".svg")


PLOT_AREA = (0.1, 0.15, 0.8, 0.75)
"""Where a chart's plot area starts, in the figure's fractions, before the fitting moves it."""
SPARE_TICKS = 5
"""Ticks made ahead on each axis of the blank figure every chart's figure is copied from
(``Painter.blank``): what most charts' value axes draw (a tick copied costs half a tick made)."""


class Painter:
    """Draws charts with one look, each on a figure of its own copied from one blank figure
    (``blank``), all on one canvas.

    Reusing the canvas keeps its renderer, and with it matplotlib's cache of text sizes.
    """

    def __init__(self, styles: Styles, svg: bool = False, raster: bool = True) -> None:
        self.styles = styles
        self.svg = svg
        """Whether each chart is also written as SVG (``svg_path``): the web page is asked for."""
        self.raster = raster
        """Whether each chart's PNG is made here too; without it the Word document makes the
        PNGs it needs (``run.word_pictures``), and a report of the PDF alone makes none."""
        self.tidied: set[Path] = set()
        """The folders this painter has written into (``_first_in``)."""
        self.look = Look.of(styles)
        self.style: list[str | dict[str, object]] = [AFCHARTS_STYLE, self.look.rc()]
        self.settings = Settings(self.style)
        """``style``'s settings, read once (``charts.settings``)."""
        _register_fonts(styles)
        with self.settings.applied():
            self.empty = Figure(figsize=styles.chart_size, dpi=styles.chart_dpi)
        self.figure = self.empty
        """The figure of the chart being drawn (or last drawn, until ``let_go``); else
        ``empty``, a figure with no plot area."""
        self.canvas = FigureCanvasAgg(self.empty)
        self.spares: list[Figure] = []
        """Figures made ahead (``make_spare``), all alike, each used by a chart drawn next."""
        self._blank: bytes | None = None

    @property
    def blank(self) -> bytes | None:
        """A figure with its plot area and each axis's first ``SPARE_TICKS`` ticks, as
        ``made`` makes it, pickled once: each chart's figure is a copy (``copied``). None
        where it cannot be pickled (a matplotlib whose figures hold what pickle cannot copy):
        each chart's figure is then made anew, as before, only slower."""
        if self._blank is None:
            try:
                self._blank = figure_copies.pickled(self.made())
            except figure_copies.UNPICKLABLE:
                self._blank = b""
        return self._blank or None

    def made(self) -> Figure:
        """A new figure with its plot area, as matplotlib makes them, and each axis's first
        ``SPARE_TICKS`` ticks."""
        with self.settings.applied():
            figure = Figure(figsize=self.styles.chart_size, dpi=self.styles.chart_dpi)
            axes = figure.add_axes(PLOT_AREA)
            for axis in (axes.xaxis, axes.yaxis):
                axis.get_major_ticks(SPARE_TICKS)
        return figure

    def copied(self) -> Figure:
        """A copy of ``blank`` (``charts.figure_copies``): the figure ``made`` makes, in half
        the time; the same charts to the byte (a test draws them both ways)."""
        blank = self.blank
        return self.made() if blank is None else figure_copies.copied(blank)

    def make_spare(self) -> None:
        """Make the figure of a chart to come ahead of the chart: what ``paint`` would make
        first for any chart, the same to the byte."""
        self.spares.append(self.copied())

    def paint(self, chart: Chart, path: Path) -> None:
        """Draw ``chart``: with ``svg`` (the web page is asked for) an SVG of the figure
        (``svg_path``), then its PDF beside ``path`` (``vector_path``), then, with ``raster``,
        its PNG at ``path``. Each is written whole, in that order: a whole PDF means its SVG is
        there, and a whole PNG its PDF."""
        svg = self.svg
        _check(chart)
        chart = printable_chart(chart, self.styles)
        vector = io.BytesIO()
        with self.settings.applied():
            self.let_go()
            figure = self.figure = self.spares.pop() if self.spares else self.copied()
            figure.set_canvas(self.canvas)  # its renderer, which keeps the sizes of texts
            self.canvas.figure = figure
            (axes,) = figure.axes
            _DRAW[chart.kind](figure, axes, chart, self.look)
            as_fitted(axes)
            figure.savefig(vector, format="pdf", metadata=PDF_METADATA)
            if svg:  # the same figure, laid out once, written by matplotlib's SVG backend
                drawn = io.BytesIO()
                figure.savefig(drawn, format="svg", metadata=SVG_METADATA)
        tidy = self._first_in(Path(path).parent)
        if svg:
            with replace_atomically(svg_path(path), tidy) as tmp:
                tmp.write_bytes(drawn.getvalue())
            tidy = False
        # The PDF places the chart as vector graphics, sharp at any zoom.
        with replace_atomically(vector_path(path), tidy) as tmp:
            tmp.write_bytes(vector.getvalue())
        if self.raster:
            image = png_of(vector.getvalue(), self.styles, chart.title)
            with replace_atomically(path, tidy=False) as tmp:
                tmp.write_bytes(image)

    def let_go(self) -> None:
        """Let go of the chart last drawn (``paint`` does, before drawing the next): its
        figure and everything on it are garbage now, made in the same stretch of the run."""
        self.figure = self.canvas.figure = self.empty

    def _first_in(self, folder: Path) -> bool:
        """Whether this painter writes into ``folder`` for the first time: it then removes the
        temporary files killed runs left there (``files.remove_leftovers``), once, not as it
        writes each of its charts (reading a folder of thousands of charts each time)."""
        if folder in self.tidied:
            return False
        self.tidied.add(folder)
        return True


@functools.cache
def _registered(file: str) -> None:
    if file not in {entry.fname for entry in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(file)


def _register_fonts(styles: Styles) -> None:
    for file in (styles.font_regular, styles.font_bold):
        _registered(str(file))


# --- The three kinds ------------------------------------------------------------------------


def _draw_line(
    figure: Figure, axes: Axes, chart: Chart, look: Look, colours: Sequence[str] = ()
) -> float:
    """The line chart, its series in ``colours`` (by default the look's); returns the height
    of its axis title (for a key above it)."""
    count = len(chart.categories)
    palette = look.styles.palette
    decimals = _value_decimals(chart)
    xs = places(chart)
    # The plot area ends at the latest period, so the labels sit right beside the line ends.
    left, right = time_limits(chart, xs)
    on_bar = named_on_the_bar(chart)
    end_labels: list[Annotation] = []
    markers: list[tuple[LineStyle, str]] = [
        ("-", "o"),
        ((0, (4, 2)), "s"),
        (":", "^"),
        ("-.", "D"),
    ]
    for index, (series, colour) in enumerate(
        zip(chart.series, colours or look.colours_for(chart.series), strict=True)
    ):
        ys = [math.nan if v is None else v for v in series.values]
        linestyle, marker = markers[index]
        pen = Pen(colour, linestyle, marker, 4 + len(chart.series) - index)
        for run in runs(chart):
            pen.plot(axes, [xs[i] for i in run], [ys[i] for i in run], look)
        for i in alone(chart):
            if series.values[i] is None:
                continue
            if i in chart.apart:
                stretch(axes, chart.times[i], ys[i], pen, look, marked=i not in on_bar)
            else:
                pen.plot(axes, [xs[i]], [ys[i]], look)
        last = max((i for i, v in enumerate(series.values) if v is not None), default=None)
        if last is not None:
            value = series.values[last]
            assert value is not None
            text = f"{wrap(series.name, 20)}\n{_figure(value, decimals, chart.percent)}"
            if last < count - 1:  # a series that stops early says when its last value is from
                text += f" ({chart.categories[last]})"
            end_labels.append(end_label(axes, right, text, value, look.label_colour(colour), look))
        for i in on_bar:  # named at its bar's end, as a reference line is
            if (value := series.values[i]) is not None:
                text = f"{wrap(chart.categories[i], 20)}\n{_figure(value, decimals, chart.percent)}"
                end_labels.append(
                    end_label(axes, chart.times[i][1], text, value, look.label_colour(colour), look)
                )
    axes.set_xlim(left, right)
    for name, value, dashed in _reference_lines(chart):
        colour, style = _reference_style(name, dashed, look)
        axes.hlines(
            value, left, right, color=colour, linewidth=look.pt(1.2), linestyle=style, zorder=3
        )
        ref_decimals = max(decimals, min(_decimals([value]), 1))
        text = f"{wrap(name, 20)}\n{_number(value, ref_decimals, chart.percent)}"
        end_labels.append(end_label(axes, right, text, value, look.label_colour(colour), look))
    if chart.intervals:  # the first series' confidence intervals, as error bars
        at = [(i, pair) for i, pair in enumerate(chart.intervals) if pair is not None]
        axes.vlines(
            [xs[i] for i, _ in at],
            [pair[0] for _, pair in at],
            [pair[1] for _, pair in at],
            color=palette.note,
            linewidth=look.pt(0.8),
            zorder=3.5,
        )
    on_axis = [i for i in range(count) if i not in on_bar]
    axes.set_xticks([xs[i] for i in on_axis])
    ticks = _nice_ticks(_values(chart), from_zero=False, percent=chart.percent)
    _value_axis(axes.yaxis, ticks, chart.percent)
    if chart.inverted:  # a position: 1st at the top, so a rank that improves rises
        axes.invert_yaxis()
    axes.spines["bottom"].set_color(palette.rule)
    axes.tick_params(axis="x", colors=palette.rule, labelcolor=palette.text)

    # One round fits the width, which is all the period labels need: no label's width depends
    # on the plot's size.
    renderer = layout(figure, axes, rounds=1)
    choose_period_labels(
        figure, axes, [chart.categories[i] for i in on_axis], look, [xs[i] for i in on_axis]
    )
    title_top = axis_title(figure, axes, chart.y_label, look)
    moved = True
    for _ in range(2):
        layout(figure, axes)
        before = [label.xyann for label in end_labels]
        spread(end_labels, renderer, look, vertical=True)
        moved = _labels_moved(before, end_labels)
        if not moved:
            break  # the labels are where the last layout measured them: it stands
    if moved:
        layout(figure, axes)
    if chart.intervals:  # the error bars' key
        bar = Line2D(
            [],
            [],
            color=palette.note,
            marker="|",
            linestyle="none",
            markersize=look.pt(9),
            label=chart.interval_name or "Confidence interval",
        )
        legend_above(figure, axes, title_top, look, [bar])
        layout(figure, axes)
    return title_top


MARK_STYLE = {
    Mark.CONCERN: ("s", "bad", "Special cause of concern"),
    Mark.IMPROVEMENT: ("D", "good", "Special cause of improvement"),
    Mark.NEUTRAL: ("X", "secondary", "Special cause"),
}
"""An XmR chart's special-cause points: a shape and a colour each, so neither alone tells them
apart."""


def _common_cause_colour(palette: Palette) -> str:
    """An XmR chart's line and common-cause points: grey (the note colour, 7:1 on white), so
    the coloured special causes stand out as NHS England's charts draw them."""
    return palette.note


def _draw_xmr(figure: Figure, axes: Axes, chart: Chart, look: Look) -> None:
    """The line with its mean and limits (as a line chart draws reference lines), each
    special-cause point drawn over it in its own shape and colour, and a key above."""
    palette = look.styles.palette
    title_top = _draw_line(figure, axes, chart, look, (_common_cause_colour(palette),))
    (series,) = chart.series
    handles: list[Artist] = []
    for mark, (marker, colour_name, name) in MARK_STYLE.items():
        at = [i for i, m in enumerate(chart.marks) if m is mark]
        if not at:
            continue
        colour = getattr(palette, colour_name)
        (handle,) = axes.plot(
            at,
            [math.nan if (v := series.values[i]) is None else v for i in at],
            linestyle="none",
            marker=marker,
            markersize=look.pt(8),
            color=colour,
            markeredgecolor="white",
            markeredgewidth=look.pt(0.8),
            zorder=10,
            clip_on=False,
            label=name,
        )
        handles.append(handle)
    (common,) = axes.plot(
        [],
        [],
        linestyle="-",
        marker="o",
        color=_common_cause_colour(palette),
        markersize=look.pt(6),
        markeredgecolor="white",
        label="Common cause",
    )
    handles.append(common)
    if chart.trial:
        handles.append(Line2D([], [], linestyle="none", label="Trial limits (under 13 points)"))
    legend_above(figure, axes, title_top, look, handles)
    layout(figure, axes)


def _draw_funnel(figure: Figure, axes: Axes, chart: Chart, look: Look) -> None:
    """Each area's rate against its population, the group's rate and the funnel's limits; the
    own area picked out in colour, size and a label with its name."""
    palette = look.styles.palette
    (series,) = chart.series
    own = chart.highlight
    decimals = _value_decimals(chart)
    handles: list[Artist] = []
    styles = {"95%": (0, (4, 2)), "99.8%": (0, (1, 1.2))}  # dashed, dotted; the rate solid
    for curve in chart.curves:
        level, _, side = curve.name.partition(" ")
        (line,) = axes.plot(
            chart.curve_x,
            [math.nan if v is None else v for v in curve.values],
            color=palette.neutral,
            linestyle=styles.get(level, ":"),
            linewidth=look.pt(1.3),
            zorder=2,
            label=f"{level} limits",
        )
        if side.startswith("upper"):
            handles.append(line)
    for name, value, _dashed in _reference_lines(chart):
        handles.insert(
            0,
            axes.axhline(
                value,
                color=palette.text,
                linewidth=look.pt(1.2),
                zorder=3,
                label=f"{name}: {_number(value, max(decimals, 1), chart.percent)}",
            ),
        )
    others = [i for i in range(len(chart.categories)) if i != own]
    values = [math.nan if v is None else v for v in series.values]
    axes.scatter(
        [chart.x_values[i] for i in others],
        [values[i] for i in others],
        s=look.pt(5.5) ** 2,
        color=palette.muted,
        edgecolors="white",
        linewidths=look.pt(0.6),
        zorder=4,
        clip_on=False,
    )
    if own is not None:
        axes.scatter(
            [chart.x_values[own]],
            [values[own]],
            s=look.pt(8.5) ** 2,
            marker="D",
            color=palette.primary,
            edgecolors="white",
            linewidths=look.pt(0.8),
            zorder=6,
            clip_on=False,
        )
        axes.annotate(
            f"{chart.categories[own]}{OWN_AREA_SUFFIX}\n"
            f"{_figure(values[own], decimals, chart.percent)}",
            (chart.x_values[own], values[own]),
            xytext=(look.pt(8), look.pt(6)),
            textcoords="offset points",
            ha="left",
            va="bottom",
            fontweight="bold",
            color=look.label_colour(palette.primary),
            path_effects=[patheffects.withStroke(linewidth=look.pt(2.5), foreground="white")],
            annotation_clip=False,
            zorder=7,
        )
    shown = [v for v in values if not math.isnan(v)] + [v for _, v in chart.reference_lines]
    ticks = _nice_ticks(shown, from_zero=False, percent=chart.percent, headroom=0.15)
    _value_axis(axes.yaxis, ticks, chart.percent)
    axes.set_xlim(min(chart.curve_x), max(chart.curve_x))
    axes.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v, 0)))
    axes.set_xlabel("Population", color=palette.text, labelpad=look.pt(4))
    axes.spines["bottom"].set_color(palette.rule)
    axes.tick_params(axis="x", colors=palette.rule, labelcolor=palette.text)
    layout(figure, axes, rounds=1)  # the layout below fits it until it settles
    title_top = axis_title(figure, axes, chart.y_label, look)
    legend_above(figure, axes, title_top, look, handles)
    layout(figure, axes)


def _draw_ranking(figure: Figure, axes: Axes, chart: Chart, look: Look) -> None:
    palette = look.styles.palette
    (series,) = chart.series
    count = len(chart.categories)
    decimals = _value_decimals(chart)
    own = chart.highlight
    colours = [palette.primary if own is None or i == own else palette.muted for i in range(count)]
    lengths = [0.0 if v is None else v for v in series.values]
    axes.barh(range(count), lengths, height=0.7, color=colours, zorder=2)
    halo = [patheffects.withStroke(linewidth=look.pt(2.5), foreground="white")]
    for i, value in enumerate(series.values):
        text = NO_DATA if value is None else _figure(value, decimals, chart.percent)
        axes.annotate(
            text,
            (lengths[i], i),
            xytext=(look.pt(3), 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=look.pt(VALUE_POINTS),
            color=palette.text,
            fontweight="bold" if i == own else "normal",
            path_effects=halo,
            annotation_clip=False,
            zorder=5,
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
        colour, style = _reference_style(name, dashed, look)
        keys.append(
            axes.axvline(
                value,
                color=colour,
                linewidth=look.pt(1.2),
                linestyle=style,
                zorder=4,
                label=f"{name}: {_number(value, max(decimals, 1), chart.percent)}",
            )
        )

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
    layout(figure, axes, rounds=1)  # the layout below fits it until it settles
    if keys:
        legend_above(figure, axes, 0.0, look, keys)
    layout(figure, axes)


def _draw_bars(figure: Figure, axes: Axes, chart: Chart, look: Look) -> None:
    palette = look.styles.palette
    count, k = len(chart.categories), len(chart.series)
    decimals = _value_decimals(chart)
    axes.set_xlim(-0.5, count - 0.5)
    # Bars no wider than an inch printed however few the categories, with a gap between groups.
    slot_inches = PRINT_WIDTH_INCHES * 0.85 / count
    width = min(0.75 / k, 1.0 / slot_inches)
    halo = [patheffects.withStroke(linewidth=look.pt(2.5), foreground="white")]
    for j, (series, colour) in enumerate(
        zip(chart.series, look.colours_for(chart.series), strict=True)
    ):
        xs = [i + (j - (k - 1) / 2) * width for i in range(count)]
        heights = [0.0 if v is None else v for v in series.values]
        axes.bar(xs, heights, width=width * 0.92, color=colour, label=series.name, zorder=2)
        for x, height, value in zip(xs, heights, series.values, strict=True):
            text = NO_DATA if value is None else _figure(value, decimals, chart.percent)
            axes.annotate(
                text,
                (x, max(height, 0)),
                xytext=(0, look.pt(2)),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=look.pt(VALUE_POINTS),
                color=palette.text,
                path_effects=halo,
                annotation_clip=False,
                zorder=5,
            )
    for name, value, dashed in _reference_lines(chart):
        colour, style = _reference_style(name, dashed, look)
        axes.axhline(value, color=colour, linewidth=look.pt(1.2), linestyle=style, zorder=4)
        axes.annotate(
            f"{name}: {_number(value, max(decimals, 1), chart.percent)}",
            (1, value),
            xycoords=("axes fraction", "data"),
            xytext=(0, look.pt(2)),
            textcoords="offset points",
            ha="right",
            va="bottom",
            fontsize=look.pt(VALUE_POINTS),
            path_effects=halo,
            annotation_clip=False,
            zorder=5,
        )
    axes.set_xticks(range(count), labels=[wrap(c, 18) for c in chart.categories])
    axes.tick_params(axis="x", length=0, pad=look.pt(4))
    axes.spines["bottom"].set_color(palette.neutral)
    ticks = _nice_ticks(_values(chart), from_zero=True, percent=chart.percent, headroom=0.15)
    _value_axis(axes.yaxis, ticks, chart.percent)
    layout(figure, axes, rounds=1)  # the layout below fits it until it settles
    title_top = axis_title(figure, axes, chart.y_label, look, clear=axes.texts)
    if k > 1:
        legend_above(figure, axes, title_top, look)
    layout(figure, axes)


_DRAW: dict[ChartKind, Callable[[Figure, Axes, Chart, Look], object]] = {
    ChartKind.LINE: _draw_line,
    ChartKind.RANKING: _draw_ranking,
    ChartKind.BARS: _draw_bars,
    ChartKind.XMR: _draw_xmr,
    ChartKind.FUNNEL: _draw_funnel,
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
    if chart.intervals and len(chart.intervals) != len(chart.categories):
        raise ValueError(f"{where}: {len(chart.intervals)} intervals for {len(chart.categories)}")
    if chart.kind is ChartKind.XMR and len(chart.marks) != len(chart.categories):
        raise ValueError(f"{where}: {len(chart.marks)} marks for {len(chart.categories)} points")
    if chart.kind is ChartKind.FUNNEL and len(chart.x_values) != len(chart.categories):
        raise ValueError(f"{where}: {len(chart.x_values)} populations for the areas")
    if (
        chart.kind in (ChartKind.RANKING, ChartKind.XMR, ChartKind.FUNNEL)
        and len(chart.series) != 1
    ):
        kind = "ranking" if chart.kind is ChartKind.RANKING else f"{chart.kind.value} chart"
        raise ValueError(f"{where}: a {kind} has one series, got {len(chart.series)}")
    if chart.highlight is not None and not 0 <= chart.highlight < len(chart.categories):
        raise ValueError(f"{where}: highlight {chart.highlight} is not a category")


def _series_values(chart: Chart) -> list[float]:
    return [v for s in chart.series for v in s.values if v is not None]


def _values(chart: Chart) -> list[float]:
    """Every value the value axis must show: the series' and the reference lines'."""
    bars = [v for pair in chart.intervals if pair is not None for v in pair]
    return _series_values(chart) + [v for _, v in chart.reference_lines] + bars


def _reference_lines(chart: Chart) -> list[tuple[str, float, bool]]:
    """(name, value, dashed): an average or mean is solid; limits and targets are dashed."""
    lines = chart.reference_lines
    solid = [any(w in n.lower() for w in ("average", "mean")) for n, _ in lines]
    if not any(solid):  # the first line that is not a target or limit (a baseline)
        first = next((i for i, (n, _) in enumerate(lines) if not _is_target(n)), None)
        if first is not None:
            solid[first] = True
    return [(n, v, not s) for (n, v), s in zip(lines, solid, strict=True)]


def _is_target(name: str) -> bool:
    return name.lower().startswith(("target", "limit"))


DASHED: LineStyle = (0, (4, 2))
DOTTED: LineStyle = (0, (1, 1.5))


def _reference_style(name: str, dashed: bool, look: Look) -> tuple[str, LineStyle]:
    """A reference line's colour and dashes, so that no two kinds are drawn alike: a target
    (or a limit to stay within) dashed in its own colour; a control or group limit dotted grey;
    an average, a mean or a baseline solid dark grey (another baseline dashed)."""
    palette = look.styles.palette
    lower = name.lower()
    if _is_target(name):
        return look.target_colour(), DASHED
    if "limit" in lower:
        return palette.note, DOTTED
    return palette.neutral, DASHED if dashed else "-"


def _labels_moved(before: list[tuple[float, float]], labels: Sequence[Annotation]) -> bool:
    """Whether any label's offset changed by more than a hundredth of a point."""
    return any(
        abs(x0 - x1) > 0.01 or abs(y0 - y1) > 0.01
        for (x0, y0), (x1, y1) in zip(before, (label.xyann for label in labels), strict=True)
    )


def _value_decimals(chart: Chart) -> int:
    """The measure's own decimals where the layout gives them, so the chart matches the table."""
    if chart.decimals is not None:
        return chart.decimals
    return _decimals(_series_values(chart))


def _decimals(values: Sequence[float]) -> int:
    """The fewest decimals (up to two) that show every value as given."""
    return fewest_decimals(values, most=2)


def _number(value: float, decimals: int, percent: bool) -> str:
    """A value as the tables and sentences print it (``core.formatting``: half away from zero,
    thousands separated), so a chart can never show 12% beside a table's 13%."""
    return format_number(value, decimals) + ("%" if percent else "")


def _figure(value: float, decimals: int, percent: bool) -> str:
    """A figure beside its point or bar: with the decimals it was typed with, up to
    ``decimals``, as the tables print it (an axis's ticks keep one number of decimals)."""
    return _number(value, figure_places(value, decimals), percent)


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
