"""Fitting a chart's labels inside its image: the look's sizes, the plot area, period labels,
the value axis title, keys above the plot and labels beside the lines.

Every step here needs to know how big text is once drawn. matplotlib measures text and places
ticks without drawing (``get_tightbbox`` and ``get_window_extent`` with the canvas's renderer
update the ticks first), so nothing is drawn until ``chart_drawing`` paints the image once.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox, ScaledTranslation

from safecity_reports.charts.text_size import measured_as_drawn
from safecity_reports.layout.document import Series
from safecity_reports.styles import Styles

PRINT_WIDTH_INCHES = 16 / 2.54
"""How wide the documents print a chart."""
TEXT_POINTS = 9.0
"""Tick labels, axis titles and direct labels."""


def measure(figure: Figure) -> RendererBase:
    """The renderer that measures ``figure``'s text (the canvas's own, with its cache of sizes),
    told each font's height metrics once (``font_height_metrics``), and measuring each text as
    the chart's PDF draws it (``charts.text_size``), not as Agg would draw it.

    Full layout draws (``draw_without_rendering``) between the steps were most of a chart's time
    and changed no pixel: 350 charts drawn both ways were identical.
    """
    renderer: RendererBase = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    if FONT_HEIGHT_HOOK not in vars(renderer):
        dpi = float(renderer.dpi)  # type: ignore[attr-defined]
        setattr(renderer, FONT_HEIGHT_HOOK, lambda prop: font_height_metrics(prop, dpi))
        setattr(renderer, TEXT_SIZE_HOOK, measured_as_drawn(getattr(renderer, TEXT_SIZE_HOOK), dpi))
    return renderer


TEXT_SIZE_HOOK = "get_text_width_height_descent"
"""The renderer's method that measures a text: the fitting's renderer is given the PDF's."""


FONT_HEIGHT_HOOK = "_get_font_height_metrics"
"""The renderer's method that matplotlib's text layout (``Text._get_layout``) asks for a font's
ascent, descent and line gap before reading them from the font itself. Without it (Agg has
none) every measure of every text read the font's OS/2 and head tables anew, a tenth of a
chart's time; told here, they are read once per font and size. Should matplotlib stop asking,
the text is measured as before, only slower."""


def font_height_metrics(
    prop: FontProperties, dpi: float
) -> tuple[float, float, float] | tuple[None, None, None]:
    """The ascent, descent and line gap of the font ``prop`` finds, at its size and ``dpi``, in
    pixels, as matplotlib's text layout reads them from the font (its OS/2 table, else its hhea
    table; neither: None, and matplotlib measures the text instead).

    Asked about a hundred times a chart, it finds the font once for each kind of text: finding
    it (``findfont``) took most of its time. The key holds what the font is found by, and the
    number of fonts known, which grows when the styles' fonts are registered."""
    key = (
        tuple(prop.get_family()),
        prop.get_style(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_file(),
        len(font_manager.fontManager.ttflist),
    )
    file = _FONT_FILES.get(key)
    if file is None:
        file = _FONT_FILES[key] = str(font_manager.findfont(prop))
    return _font_height_metrics(file, prop.get_size_in_points(), dpi)


_FONT_FILES: dict[tuple[object, ...], str] = {}
"""The font file found for each kind of text (``font_height_metrics``'s key)."""


@functools.lru_cache(maxsize=256)
def _font_height_metrics(
    file: str, size: float, dpi: float
) -> tuple[float, float, float] | tuple[None, None, None]:
    font = font_manager.get_font(file)
    tables: list[tuple[Mapping[str, Any] | None, str, str, str]] = [
        (font.get_sfnt_table("OS/2"), "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
        (font.get_sfnt_table("hhea"), "lineGap", "ascent", "descent"),
    ]
    for table, gap, ascent, descent in tables:
        if table is not None:
            head = font.get_sfnt_table("head")
            assert head is not None
            scale = 1 / head["unitsPerEm"] * size * dpi / 72
            return table[ascent] * scale, -table[descent] * scale, table[gap] * scale
    return None, None, None


@dataclass(frozen=True)
class Look:
    """The report's styles at the image's scale."""

    styles: Styles
    scale: float
    """Image points per printed point."""

    @classmethod
    def of(cls, styles: Styles) -> Look:
        return cls(styles, styles.chart_size[0] / PRINT_WIDTH_INCHES)

    def pt(self, points: float) -> float:
        return points * self.scale

    def rc(self) -> dict[str, object]:
        """What we change in the afcharts style: the font, print sizes and the report's colours."""
        palette = self.styles.palette
        size = self.pt(TEXT_POINTS)
        return {
            # the font files' own name: the styles' family is the name Word documents give
            # then matplotlib's own, for a character it lacks (``charts.glyphs``)
            "font.family": [font_family(self.styles.font_regular), "DejaVu Sans"],
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
            # opaque white, as afcharts leaves it: Word's picture needs no alpha channel
            "figure.facecolor": "white",
            "savefig.transparent": False,
            "text.parse_math": False,  # "$" and "%" in labels are text, not mathtext
            "svg.hashsalt": "safecity",
            # Type 3 fonts hold only the glyphs drawn: Type 42 subsetting of a font with
            # large layout tables (Liberation Sans) took half a second a chart
            "pdf.fonttype": 3,
        }

    def series_colours(self, count: int) -> list[str]:
        """One series in primary; two as the duo palette; more in the categorical order."""
        palette = self.styles.palette
        if count <= 1:
            return [palette.primary]
        if count == 2:
            return [palette.primary, palette.secondary]
        return list(self.styles.chart_categorical[:count])

    def report_colours(self) -> list[str]:
        """The series colours across a report, in the order series are met: our own in primary,
        the next (the benchmark) in secondary, then the categorical palette; the target's colour
        (``target_colour``) is kept out of it."""
        palette = self.styles.palette
        first = [palette.primary, palette.secondary]
        rest = [c for c in self.styles.chart_categorical if c not in first]
        return first + [c for c in rest if c != self.target_colour()]

    def target_colour(self) -> str:
        """A target's line: the categorical palette's third colour (dark pink), never a
        series's, so a target is told from the figures and the limits by colour and dashes."""
        categorical = self.styles.chart_categorical
        return categorical[2] if len(categorical) > 2 else self.styles.palette.neutral

    def colours_for(self, series: Sequence[Series]) -> list[str]:
        """Each series's colour: its place in the report's colours where the layout gave one
        (two in one chart never share one), else by its place in the chart."""
        if not series or any(s.colour is None for s in series):
            return self.series_colours(len(series))
        order = self.report_colours()
        chosen: list[str] = []
        for s in series:
            colour = order[s.colour % len(order)]  # type: ignore[operator]
            while colour in chosen and len(chosen) < len(order):
                colour = order[(order.index(colour) + 1) % len(order)]
            chosen.append(colour)
        return chosen

    def label_colour(self, colour: str) -> str:
        """``colour`` for text if it is readable on white (4.5:1), otherwise the text colour."""
        return colour if contrast(colour, "#FFFFFF") >= 4.5 else self.styles.palette.text


@functools.cache
def font_family(file: Path) -> str:
    """The family name inside the TrueType ``file``, as matplotlib finds it once registered."""
    return str(font_manager.FontProperties(fname=str(file)).get_name())


def contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def wrap(text: str, width: int) -> str:
    """Break ``text`` onto two lines at the space nearest its middle if it is longer than
    ``width``; never start the second line with a dash ("Oct 2012 -" / "Sep 2013"), nor break
    inside brackets ("2012/13" / "(12 months)")."""
    if len(text) <= width:
        return text
    spaces, depth = [], 0
    for i, c in enumerate(text):
        depth += (c == "(") - (c == ")")
        if c == " " and depth <= 0 and text[i + 1 : i + 2] not in "-–":
            spaces.append(i)
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "\n" + text[cut + 1 :]


def layout(figure: Figure, axes: Axes, pad_points: float = 3.0, rounds: int = 4) -> RendererBase:
    """Size the plot area so every label (direct labels included) fits inside the image.

    Labels beside lines and on bars move with the plot's size, so the fit is repeated (up to
    ``rounds`` times) until it settles."""
    renderer = measure(figure)
    width, height = figure.bbox.width, figure.bbox.height
    pad = pad_points / 72 * figure.dpi
    placed = tuple(axes.get_position().bounds)
    for _ in range(rounds):
        tight = axes.get_tightbbox(renderer)
        box = axes.get_window_extent(renderer)
        assert tight is not None
        left = box.x0 - tight.x0 + pad
        right = tight.x1 - box.x1 + pad
        bottom = box.y0 - tight.y0 + pad
        top = tight.y1 - box.y1 + pad
        position = (
            left / width,
            bottom / height,
            1 - (left + right) / width,
            1 - (bottom + top) / height,
        )
        if all(
            abs(a - b) * size < 0.01
            for a, b, size in zip(position, placed, (width, height, width, height), strict=True)
        ):  # settled: another round would move nothing by a hundredth of a pixel
            break
        axes.set_position(position)
        placed = position
    return renderer


def as_fitted(axes: Axes) -> None:
    """Keep ``axes`` as the fitting left it while it is drawn: an axis with no title of its own
    (its text empty) and no offset above its numbers does not measure its tick labels again.

    matplotlib's draw measures every tick label of an axis twice before drawing it: to place
    the axis title beside them, and to place the offset text (the "x1e6" of a scale) below
    them. Neither is drawn when it is empty, so the measures change no mark on the page; the
    tick labels themselves are laid out and drawn as before. An axis with a title (a ranking's
    or a funnel's) keeps its measures, for its title's place."""
    for axis in (axes.xaxis, axes.yaxis):
        if axis.label.get_text() or axis.get_offset_text().get_text():
            continue
        # the empty title's place fixed: matplotlib stops placing it beside the tick labels
        axis.set_label_coords(*axis.label.get_position(), transform=axis.label.get_transform())
        # the minor ticks to be drawn: none made for it where none is (``charts.minor_ticks``)
        for tick in (*axis.majorTicks, *axis.get_minor_ticks()):
            tick.label1.set_in_layout(False)
            tick.label2.set_in_layout(False)


def choose_period_labels(
    figure: Figure,
    axes: Axes,
    categories: Sequence[str],
    look: Look,
    places: Sequence[float] = (),
) -> None:
    """Period labels, at ``places`` (by default one step apart), as they are if they fit, else
    on two lines, else every second (or third...) label counted back from the latest, which is
    always shown."""
    renderer = measure(figure)
    count = len(categories)
    ticks = list(places) or list(range(count))
    gap = look.pt(6) / 72 * figure.dpi
    attempts = [(False, 1)] + [(True, step) for step in range(1, count + 1)]
    for wrapped, step in attempts:
        labels = [
            (wrap(c, 8) if wrapped else c) if (count - 1 - i) % step == 0 else ""
            for i, c in enumerate(categories)
        ]
        axes.set_xticks(ticks, labels=labels)
        boxes = [t.get_window_extent(renderer) for t in axes.get_xticklabels() if t.get_text()]
        if all(b.x0 - a.x1 >= gap for a, b in zip(boxes, boxes[1:], strict=False)):
            return


def axis_title(
    figure: Figure, axes: Axes, text: str, look: Look, clear: Sequence[Text] = ()
) -> float:
    """Put the value axis title above the plot, level with the tick labels' left edge (as the
    Analysis Function and ONS do): read horizontally, not rotated, and above any of ``clear``
    (value labels) that rise over the plot. Returns its height in points."""
    renderer = measure(figure)
    tick_boxes = [t.get_window_extent(renderer) for t in axes.get_yticklabels() if t.get_text()]
    axes_box = axes.get_window_extent(renderer)
    left = min((b.x0 for b in tick_boxes), default=axes_box.x0) - axes_box.x0
    rise = max([0.0, *(t.get_window_extent(renderer).y1 - axes_box.y1 for t in clear)])
    above = rise * 72 / figure.dpi + look.pt(12)
    title = axes.annotate(
        text,
        (0, 1),
        xycoords="axes fraction",
        xytext=(left * 72 / figure.dpi, above),
        textcoords="offset points",
        ha="left",
        va="bottom",
        color=look.styles.palette.text,
        annotation_clip=False,
    )
    return float(title.get_window_extent(renderer).height * 72 / figure.dpi + above)


def legend_above(
    figure: Figure, axes: Axes, title_top: float, look: Look, handles: Sequence[Artist] = ()
) -> None:
    """A key in one row above the plot (and ``title_top`` points above it, over the axis title),
    in drawing order: the series' bars, or ``handles``."""
    renderer = measure(figure)
    tick_boxes = [t.get_window_extent(renderer) for t in axes.get_yticklabels() if t.get_text()]
    axes_box = axes.get_window_extent(renderer)
    left = min((b.x0 for b in tick_boxes), default=axes_box.x0) - axes_box.x0
    shift = ScaledTranslation(
        left / figure.dpi, (title_top + look.pt(6)) / 72, figure.dpi_scale_trans
    )
    axes.legend(
        loc="lower left",
        bbox_to_anchor=(0, 1),
        bbox_transform=axes.transAxes + shift,
        handles=list(handles) or None,
        ncols=len(handles) or len(axes.containers),
        borderaxespad=0,
        borderpad=0,
        handlelength=2.6 if handles else 1.2,
        handleheight=1.0,
        columnspacing=1.5,
        frameon=False,
    )


def end_label(axes: Axes, x: float, text: str, value: float, colour: str, look: Look) -> Annotation:
    """A label just right of the latest period at the height of ``value``."""
    return axes.annotate(
        text,
        (x, value),
        xytext=(look.pt(7), 0),
        textcoords="offset points",
        ha="left",
        va="center",
        color=colour,
        fontweight="bold",
        linespacing=1.15,
        annotation_clip=False,
    )


def spread(labels: list[Annotation], renderer: object, look: Look, *, vertical: bool) -> None:
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
