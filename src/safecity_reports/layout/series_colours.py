"""One colour per series across the report (issue 25 item 5): a series keeps its colour on every
page. Each series name gets a place in the report's series colours in the order the charts meet
it, our own figures ('Actual') always the first; the charts draw each place in its colour
(``charts.fitting.Look.colours_for``). An XmR chart, a ranking and a funnel colour by meaning,
not by series, and are left alone."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from safecity_reports.layout.document import Block, ChartKind, FigureBlock, KeepTogether

OWN = "Actual"
"""The partnership's own series: always the first colour."""
_BY_SERIES = (ChartKind.LINE, ChartKind.BARS)


def _figures(blocks: Iterable[Block]) -> Iterator[FigureBlock]:
    for block in blocks:
        if isinstance(block, FigureBlock):
            yield block
        elif isinstance(block, KeepTogether):
            yield from _figures(block.blocks)


def colour_places(blocks: Iterable[Block]) -> dict[str, int]:
    """Each series name's place in the report's colours, in the order the charts meet it."""
    places = {OWN: 0}
    for figure in _figures(blocks):
        if figure.chart.kind in _BY_SERIES:
            for series in figure.chart.series:
                places.setdefault(series.name, len(places))
    return places


def with_series_colours(blocks: list[Block]) -> list[Block]:
    """``blocks`` with every line and bar chart's series given its place in the colours."""
    places = colour_places(blocks)

    def coloured(block: Block) -> Block:
        if isinstance(block, FigureBlock) and block.chart.kind in _BY_SERIES:
            series = tuple(replace(s, colour=places[s.name]) for s in block.chart.series)
            return replace(block, chart=replace(block.chart, series=series))
        if isinstance(block, KeepTogether):
            return KeepTogether(tuple(coloured(b) for b in block.blocks))
        return block

    return [coloured(block) for block in blocks]
