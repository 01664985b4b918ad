"""Where a table's cells sit on its full grid of rows and columns, worked out once for both
renderers: each cell takes the first place in its row that a span from above does not cover."""

from __future__ import annotations

from dataclasses import dataclass

from safecity_reports.errors import ReportError
from safecity_reports.layout.document import Cell, Table


@dataclass(frozen=True)
class PlacedCell:
    """A cell at its place on the grid (rows counted from the first header row)."""

    cell: Cell
    row: int
    column: int
    header: bool
    """Whether the cell is in one of the table's header rows."""

    @property
    def last_row(self) -> int:
        return self.row + self.cell.row_span - 1

    @property
    def last_column(self) -> int:
        return self.column + self.cell.col_span - 1

    @property
    def spans_several(self) -> bool:
        return self.cell.row_span > 1 or self.cell.col_span > 1


class TableShapeError(ReportError, ValueError):
    """A cell's span runs past the table's columns or rows. A ``ReportError`` (as the PDF
    renderer raised) and a ``ValueError`` (as the Word renderer raised), so callers of either
    see what they saw before the grid was shared."""


def table_grid(table: Table) -> tuple[tuple[PlacedCell, ...], ...]:
    """The cells of ``table`` (header rows, then body rows) placed on its grid, row by row in
    reading order; places covered by a span from a cell before are left out.

    Raises ``TableShapeError`` naming the cell whose span does not fit the table's columns
    (``len(table.widths)``) and rows.
    """
    columns = len(table.widths)
    rows = (*table.header, *table.rows)
    covered: set[tuple[int, int]] = set()
    placed: list[tuple[PlacedCell, ...]] = []
    for r, cells in enumerate(rows):
        row: list[PlacedCell] = []
        c = 0
        for cell in cells:
            while (r, c) in covered:
                c += 1
            here = PlacedCell(cell, r, c, header=r < len(table.header))
            if here.last_column >= columns or here.last_row >= len(rows):
                raise TableShapeError(
                    f"table {table.caption!r}: the cell {cell.text!r} in row {r + 1} does not fit"
                    f" the table's {columns} columns and {len(rows)} rows"
                )
            covered.update(
                (rr, cc)
                for rr in range(r, here.last_row + 1)
                for cc in range(c, here.last_column + 1)
            )
            row.append(here)
            c = here.last_column + 1
        placed.append(tuple(row))
    return tuple(placed)
