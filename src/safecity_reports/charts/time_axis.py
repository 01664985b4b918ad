"""A line chart's time axis, drawn: where each figure goes along the bottom, which figures a
line joins, and a figure of another length drawn apart as a bar across the time it covers. The
layout decides all of it (``Chart.times``, ``lines``, ``apart``); this only draws it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from matplotlib.axes import Axes

from safecity_reports.charts.fitting import Look
from safecity_reports.layout.document import Chart

LineStyle = str | tuple[float, tuple[float, ...]]
"""A matplotlib line style: a name, or an offset and a dash pattern."""


@dataclass(frozen=True)
class Pen:
    """How a line chart draws one series: its colour, line style and marker, and its layer."""

    colour: str
    linestyle: LineStyle
    marker: str
    zorder: float

    def plot(
        self, axes: Axes, xs: Sequence[float], ys: Sequence[float], look: Look, line: bool = True
    ) -> None:
        """The points (and, with ``line``, the line through them) at ``xs``, ``ys``."""
        axes.plot(
            xs,
            ys,
            color=self.colour,
            linestyle=self.linestyle if line else "none",
            marker=self.marker,
            markersize=look.pt(6 if self.marker == "o" else 5.5),
            markeredgecolor="white",
            markeredgewidth=look.pt(0.8),
            zorder=self.zorder,
            clip_on=False,
        )


def places(chart: Chart) -> list[float]:
    """Where each category goes along a line chart's bottom: one step apart, or on a time axis
    at the middle of the time its figures cover."""
    if chart.times:
        return [(start + end) / 2 for start, end in chart.times]
    return [float(i) for i in range(len(chart.categories))]


def time_limits(chart: Chart, xs: Sequence[float]) -> tuple[float, float]:
    """The x axis's ends: a little before the first place (or the start of the first bar across
    a stretch of time) to the latest place, or the end of a bar that reaches past it."""
    count = len(xs)
    if not chart.times:
        margin = 0.12 if count <= 2 else 0.25
        return -margin, max(count - 1, margin)
    places = sorted(xs)
    margin = 0.25 * min((b - a for a, b in pairwise(places) if b > a), default=1.0)
    left = min([places[0] - margin, *(chart.times[i][0] - margin / 2 for i in chart.apart)])
    right = max([places[-1], *(chart.times[i][1] for i in chart.apart)])
    return left, right


def named_on_the_bar(chart: Chart) -> list[int]:
    """The figures drawn apart whose stretch of time overlaps another's (a year's figure beside
    its own quarters): named at their bar's end, as a reference line is, since their names on
    the axis would fall among the others'."""
    times = chart.times
    return [
        i
        for i in chart.apart
        if any(
            j != i and times[j][0] < times[i][1] and times[i][0] < times[j][1]
            for j in range(len(times))
        )
    ]


def runs(chart: Chart) -> list[tuple[int, ...]]:
    """The runs of categories the lines join: all of them in one, or on a time axis the
    layout's ``lines``."""
    if chart.times:
        return list(chart.lines)
    return [tuple(range(len(chart.categories)))]


def alone(chart: Chart) -> list[int]:
    """On a time axis, the categories whose figures no line joins to another, or that are drawn
    apart from the lines."""
    if not chart.times:
        return []
    joined = {i for run in chart.lines for i in run}
    return [i for i in range(len(chart.categories)) if i not in joined or i in chart.apart]


def stretch(
    axes: Axes, time: tuple[float, float], value: float, pen: Pen, look: Look, *, marked: bool
) -> None:
    """A figure drawn apart as a bar across the time it covers (``marked``: with its point at
    the middle), so that a year's figure reads as the year's and not as one more point in the
    line."""
    start, end = time
    inset = min(0.15, (end - start) / 4)  # two stretches side by side stay apart
    axes.plot(
        [start + inset, end - inset],
        [value, value],
        color=pen.colour,
        linestyle=pen.linestyle,
        linewidth=look.pt(2),
        solid_capstyle="butt",
        marker="|",
        markersize=look.pt(7),
        markeredgewidth=look.pt(1.5),
        zorder=pen.zorder,
        clip_on=False,
    )
    if marked:
        pen.plot(axes, [(start + end) / 2], [value], look, line=False)
