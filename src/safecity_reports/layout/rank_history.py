"""A measure's rank in each of its comparison groups over the years: a table with a row a group
and a column a period, and, from three periods, a chart of the ranks with 1st at the top.
Read from the verdict's rank histories (``core.groups.rank_history``), never worked out here."""

from __future__ import annotations

from safecity_reports.core.formatting import ordinal
from safecity_reports.core.groups import DEFAULT_GROUP_NAME, GroupStanding
from safecity_reports.core.model import Measure
from safecity_reports.core.periods import Period
from safecity_reports.core.verdicts import Verdict
from safecity_reports.layout.document import (
    Align,
    Block,
    Cell,
    Chart,
    ChartKind,
    FigureBlock,
    KeepTogether,
    Paragraph,
    Series,
    Span,
    Table,
    plain,
)
from safecity_reports.layout.narrative import chart_alt
from safecity_reports.layout.summary_columns import rank_text

RANK_AXIS = "Position (1st at the top)"
FEWEST_CHARTED = 3
"""Periods of ranks from which the history is drawn as well as tabled."""


def _named(name: str) -> str:
    return name or DEFAULT_GROUP_NAME


def _rank_cell(standing: GroupStanding | None) -> Cell:
    if standing is None or standing.rank is None:
        return Cell(plain("-"), Align.RIGHT)
    size = f" of {standing.size}" if standing.size else ""
    return Cell(plain(f"{ordinal(standing.rank)}{size}"), Align.RIGHT)


def _group_cell(group: str, history: tuple[GroupStanding, ...]) -> Cell:
    """The group's name, with which end rank 1 is, where every period says the same."""
    ends = {s.rank_one_is_lowest for s in history}
    said = rank_text(history[-1])
    end = said[said.index("(") :] if len(ends) == 1 and "(" in said else ""
    return Cell(plain(f"{_named(group)} {end}".strip()), row_header=True)


def _span(periods: list[Period]) -> str:
    return f"{periods[0]} to {periods[-1]}" if len(periods) > 1 else str(periods[0])


def rank_history_blocks(verdict: Verdict, name: str, source: str = "") -> list[Block]:
    """The table (and chart) of ``verdict``'s rank in each group over the periods; ``name`` is
    what the caption and the chart's title call the measure."""
    histories = verdict.rank_histories
    if not histories:
        return []
    periods = sorted({s.period for _, history in histories for s in history})
    by_period = [{s.period: s for s in history} for _, history in histories]
    table = Table(
        caption=f"{name}: rank in {'each comparison group' if len(histories) > 1 else 'its comparison group'},"
        f" {_span(periods)}",
        header=((Cell(plain("Group")), *(Cell(plain(p.label), Align.RIGHT) for p in periods)),),
        rows=tuple(
            (
                _group_cell(group, history),
                *(_rank_cell(found.get(p)) for p in periods),
            )
            for (group, history), found in zip(histories, by_period, strict=True)
        ),
        widths=(2.5, *(1.4 for _ in periods)),
    )
    if len(periods) < FEWEST_CHARTED:
        return [table]
    figure = _chart(verdict.measure, histories, by_period, periods, name, source)
    # the chart under its title, as every chart of the report, then its table
    return [KeepTogether((Paragraph((Span(figure.chart.title, bold=True),)), figure)), table]


def _chart(
    measure: Measure,
    histories: tuple[tuple[str, tuple[GroupStanding, ...]], ...],
    by_period: list[dict[Period, GroupStanding]],
    periods: list[Period],
    name: str,
    source: str,
) -> FigureBlock:
    series = tuple(
        Series(
            _named(group),
            tuple(
                float(s.rank) if (s := found.get(p)) is not None and s.rank is not None else None
                for p in periods
            ),
        )
        for (group, _), found in zip(histories, by_period, strict=True)
    )
    chart = Chart(
        ChartKind.LINE,
        f"{name}: rank in {'each comparison group' if len(histories) > 1 else _named(histories[0][0])},"
        f" {_span(periods)}",
        tuple(p.label for p in periods),
        series,
        RANK_AXIS,
        decimals=0,
        inverted=True,
    )
    alt = chart_alt(chart, lambda v: ordinal(round(v)))
    caption = f"{measure.id} {name}: rank by period" + (f". Source: {source}" if source else "")
    return FigureBlock(chart, alt, caption)
