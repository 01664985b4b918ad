"""The page of an action with no measure: its key figures as a table (pounds with their total),
and counts such as RAG ratings as a bar chart."""

from __future__ import annotations

from safecity_reports.core import symbols
from safecity_reports.core.formatting import format_number, format_value
from safecity_reports.core.model import Figure, Unit
from safecity_reports.core.verdicts import key_figure_target
from safecity_reports.layout.document import (
    Align,
    Block,
    Cell,
    Chart,
    ChartKind,
    FigureBlock,
    Series,
    Span,
    Table,
    plain,
)
from safecity_reports.layout.narrative import chart_alt

NOT_APPLICABLE = symbols.NOT_APPLICABLE
"""What a key figure's cell says where the figure has no such part (no 'out of', no total)."""


def _figure_target(figure: Figure) -> str:
    """'70%, missed': a key figure's share against the share it should reach."""
    if figure.target is None:
        return NOT_APPLICABLE
    text = format_value(figure.target, Unit.PERCENTAGE, 0)
    verdict = key_figure_target(figure)
    return text if verdict is None else f"{text}, {verdict.value}"


def figures_blocks(figures: tuple[Figure, ...], source: str = "") -> list[Block]:
    """A narrative action's key figures: a table (pounds with their total), and a chart of counts
    with an active title, alt text and ``source`` below it."""
    if not figures:
        return []
    shares = any(f.out_of for f in figures)
    header = [Cell(plain("Figure")), Cell(plain("Value"), Align.RIGHT)]
    if shares:
        header += [Cell(plain("Out of"), Align.RIGHT), Cell(plain("Share"), Align.RIGHT)]
    if any(f.target is not None for f in figures):
        header.append(Cell(plain("Target"), Align.RIGHT))
    rows = []
    for f in figures:
        row = [
            Cell(plain(f.label), row_header=True),
            Cell(plain(format_value(f.value, f.unit, 0)), Align.RIGHT),
        ]
        if shares:
            share = (
                format_value(100 * f.value / f.out_of, Unit.PERCENTAGE, 1)
                if f.out_of
                else NOT_APPLICABLE
            )
            out_of = format_value(f.out_of, f.unit, 0) if f.out_of else NOT_APPLICABLE
            row += [
                Cell(plain(out_of), Align.RIGHT),
                Cell(plain(share), Align.RIGHT),
            ]
        if len(header) > len(row):
            row.append(Cell(plain(_figure_target(f)), Align.RIGHT))
        rows.append(tuple(row))
    money = [f for f in figures if f.unit is Unit.MONEY]
    if len(money) > 1 and len(money) == len(figures):
        total = sum(f.value for f in money)
        rows.append(
            (
                Cell((Span("Total", bold=True),), row_header=True),
                Cell((Span(format_value(total, Unit.MONEY, 0), bold=True),), Align.RIGHT),
                *(Cell(plain(NOT_APPLICABLE), Align.RIGHT) for _ in header[2:]),
            )
        )
    widths = (4.0,) + (1.2,) * (len(header) - 1)
    blocks: list[Block] = [
        Table(
            f"Key figures for action {figures[0].action_id}", (tuple(header),), tuple(rows), widths
        )
    ]
    counts = [f for f in figures if f.unit is Unit.COUNT and not f.out_of]
    if len(counts) >= 2 and len(counts) == len(figures):
        action = figures[0].action_id
        largest = sorted(counts, key=lambda f: -f.value)[:3]
        title = f"Action {action}: " + ", ".join(
            f"{f.label} {format_number(f.value, 0)}" for f in largest
        )
        chart = Chart(
            ChartKind.BARS,
            title,
            tuple(f.label for f in counts),
            (Series("Number", tuple(f.value for f in counts)),),
            "Number",
        )
        alt = chart_alt(chart, lambda v: format_number(v, 0), periods=False)
        blocks.insert(0, FigureBlock(chart, alt, f"Source: {source}" if source else ""))
    return blocks
