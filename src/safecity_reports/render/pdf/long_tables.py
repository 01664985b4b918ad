"""Long tables laid out a window of rows at a time, so their cost grows with their length.

reportlab splits a table at a page's end by making a new table of every row left, which it
measures again along with all its spans and style commands: a table of n rows over p pages
costs n x p. The summary of a report of thousands of measures (a row each) made the PDF's time
per measure grow with the number of measures. A ``LongTable`` keeps the rows itself and gives
reportlab a table of the next ``WINDOW`` rows only (the header rows first, spans and rules cut
to the window); what is left after a page is again a ``LongTable`` of the rows not yet drawn.
reportlab still chooses every page break (it never breaks inside a short row span), and the
same cell paragraphs are drawn, so the tags are as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, TableStyle

from safecity_reports.render.pdf.flowables import ReportTable

WINDOW = 40
"""Rows given to reportlab at a time: more than a page holds (a window that fits whole on a page
is doubled). reportlab measures every row of a row span that runs on past the page, so a bigger
window costs more to measure a page."""


@dataclass(frozen=True)
class TableSpec:
    """Everything a table of the report is made from, header rows first."""

    grid: list[list[Any]]
    header_rows: int
    col_widths: list[float]
    commands: list[tuple[Any, ...]]
    """Style commands for the whole table or its header rows only (they hold for any window)."""
    spans: list[tuple[int, int, int, int]]
    """(first column, first row, last column, last row) of each cell spanning several."""
    rules_above: list[tuple[int, float, str]]
    """(row, width, colour) of each rule drawn above a row (a new group of rows)."""
    frame_height: float
    space_after: float
    row_commands: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    """(row, command without its cells) of each style command for one whole row."""
    cell_commands: list[tuple[int, int, tuple[Any, ...]]] = field(default_factory=list)
    """(row, column, command without its cells) of each style command for one cell."""

    @property
    def rows(self) -> int:
        return len(self.grid)


def make_table(spec: TableSpec, start: int | None = None, end: int | None = None) -> ReportTable:
    """The table of the header rows and the rows from ``start`` up to ``end`` (default: all)."""
    header = spec.header_rows
    start = header if start is None else start
    end = spec.rows if end is None else end

    def row(r: int) -> int:  # a grid row's place in this table
        return r if r < header else header + r - start

    commands = list(spec.commands)
    for c0, r0, c1, r1 in spec.spans:
        if r1 < header:  # a header cell: in every table
            commands.append(("SPAN", (c0, r0), (c1, r1)))
            continue
        first, last = max(r0, start), min(r1, end - 1)
        if first <= last and (first < last or c0 < c1):
            commands.append(("SPAN", (c0, row(first)), (c1, row(last))))
    for r, (name, *values) in spec.row_commands:
        if start <= r < end or r < header:
            commands.append((name, (0, row(r)), (-1, row(r)), *values))
    for r, c, (name, *values) in spec.cell_commands:
        if start <= r < end or r < header:
            commands.append((name, (c, row(r)), (c, row(r)), *values))
    for r, width, colour in spec.rules_above:
        if start < r < end:  # not above the first row: the header's rule is there
            commands.append(
                ("LINEABOVE", (0, row(r)), (-1, row(r)), width, colors.HexColor(colour))
            )
    table = ReportTable(
        spec.grid[:header] + spec.grid[start:end],
        colWidths=spec.col_widths,
        repeatRows=header,
        hAlign="LEFT",
        splitInRow=0,
        frame_height=spec.frame_height,
    )
    table.setStyle(TableStyle(commands))
    table.spaceAfter = spec.space_after
    return table


def table_flowable(spec: TableSpec) -> Flowable:
    """A ``ReportTable`` of every row, or a ``LongTable`` if there are more than ``WINDOW``."""
    if spec.rows - spec.header_rows <= WINDOW:
        return make_table(spec)
    return LongTable(spec, spec.header_rows)


class LongTable(Flowable):
    """The rows of ``spec`` from ``start`` on, given to reportlab ``window`` at a time."""

    def __init__(self, spec: TableSpec, start: int, window: int = WINDOW):
        super().__init__()
        self.spec = spec
        self.start = start
        self._measured: tuple[tuple[float, float], tuple[float, float]] | None = None
        self.reserved = 0.0
        self._window(window)

    def reserve(self, height: float) -> None:
        """Height above the table on every page (``ReportTable.reserve``)."""
        self.reserved = height
        self.table.reserve(height)

    def _window(self, size: int) -> None:
        self.size = size
        self.end = min(self.start + size, self.spec.rows)
        self.table = make_table(self.spec, self.start, self.end)
        self.table.reserve(self.reserved)
        self.spaceAfter = self.spec.space_after if self.end == self.spec.rows else 0

    def _measure(self, width: float, height: float) -> tuple[float, float]:
        """The window's size in this space (reportlab measures a table anew at every call)."""
        if self._measured is None or self._measured[0] != (width, height):
            self._measured = ((width, height), self.table.wrap(width, height))
        return self._measured[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        width, height = self._measure(availWidth, availHeight)
        if self.end < self.spec.rows:  # more rows follow this window: it never fits whole
            height = max(height, availHeight + 1)
        self.width, self.height = width, height
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        # A window that fits whole on the page is doubled, so that no second window (with a
        # header of its own) starts on the same page.
        while (
            self.end < self.spec.rows and self._measure(availWidth, availHeight)[1] <= availHeight
        ):
            self._window(self.size * 2)
            self._measured = None
        if self.end == self.spec.rows:
            return list(self.table.split(availWidth, availHeight))
        parts = self.table.split(availWidth, availHeight)
        if not parts:
            return []
        first, *rest = parts
        header = self.spec.header_rows
        drawn = len(first._cellvalues) - header
        left = sum(len(part._cellvalues) - header for part in rest)
        if drawn + left != self.end - self.start:
            # A row taller than a page was split inside it: the rest of the window goes on as
            # reportlab made it, and the next window after it (under a header of its own: a
            # price paid only for a cell longer than a page, in a table this long).
            return [first, *rest, self._rest(self.end)]
        return [first, self._rest(self.start + drawn)]

    def _rest(self, start: int) -> LongTable:
        rest = LongTable(self.spec, start)
        rest.reserve(self.reserved)
        return rest

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802,N803
        self.table.drawOn(canvas, x, y, _sW)
