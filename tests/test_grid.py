"""Where a table's cells sit on its grid: one answer, used by the Word and PDF renderers alike."""

from __future__ import annotations

import pytest

from safecity_reports.layout.document import Cell, Table, plain
from safecity_reports.layout.grid import TableShapeError, table_grid


def cell(text: str, rows: int = 1, cols: int = 1) -> Cell:
    return Cell(plain(text), row_span=rows, col_span=cols)


# | Year      | 2016/17       |
# | Period    | Q1  | Q2 | Q3 |
# | Priority  | A   | B  | C  |
# |           | D   | E  | F  |
TABLE = Table(
    "spans",
    ((cell("Year"), cell("2016/17", cols=3)), (cell("Period"), cell("Q1"), cell("Q2"), cell("Q3"))),
    (
        (cell("Priority", rows=2), cell("A"), cell("B"), cell("C")),
        (cell("D"), cell("E"), cell("F")),
    ),
    (1.0, 1.0, 1.0, 1.0),
)


def test_cells_take_the_first_place_not_covered_by_a_span() -> None:
    places = [[(p.cell.text, p.row, p.column) for p in row] for row in table_grid(TABLE)]
    assert places == [
        [("Year", 0, 0), ("2016/17", 0, 1)],
        [("Period", 1, 0), ("Q1", 1, 1), ("Q2", 1, 2), ("Q3", 1, 3)],
        [("Priority", 2, 0), ("A", 2, 1), ("B", 2, 2), ("C", 2, 3)],
        [("D", 3, 1), ("E", 3, 2), ("F", 3, 3)],
    ]


def test_header_rows_and_the_extent_of_spans() -> None:
    grid = table_grid(TABLE)
    assert [row[0].header for row in grid] == [True, True, False, False]
    spanning = [(p.cell.text, p.last_row, p.last_column) for row in grid for p in row]
    assert [s for s in spanning if s[0] in ("2016/17", "Priority")] == [
        ("2016/17", 0, 3),
        ("Priority", 3, 0),
    ]
    assert [p.cell.text for row in grid for p in row if p.spans_several] == ["2016/17", "Priority"]


@pytest.mark.parametrize(
    "rows",
    [
        ((cell("a"), cell("b", cols=2)),),  # past the last column
        ((cell("a", rows=2), cell("b")),),  # past the last row
        ((cell("a"), cell("b"), cell("c")),),  # one cell too many
    ],
)
def test_a_span_that_does_not_fit_is_refused(rows) -> None:
    with pytest.raises(TableShapeError, match="does not fit the table's 2 columns and 1 rows"):
        table_grid(Table("bad", (), rows, (1.0, 1.0)))
