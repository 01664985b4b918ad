"""Tables of measures as short as their content (issue 25): a column empty on every row is left
out, and a note that every row of a column repeats ('10th of 15 (1 = lowest)') is printed once,
as a '[note N]' in the column's header with the note under the table."""

from __future__ import annotations

import re
from dataclasses import replace

from safecity_reports.layout.document import Block, Cell, Paragraph, Span, Table
from safecity_reports.layout.notes import note_mark, note_paragraph

EMPTY = frozenset({"", "n/a", "none", "[x]", "[z]"})
"""What a cell says when it holds nothing: a column of only these on every row is left out."""
_NOTE = re.compile(r"^(?P<figure>.*\S)\s+\((?P<note>[^()]+)\)$")
"""A cell's text ending in a bracketed note."""


def _plain_cells(table: Table) -> bool:
    """Whether no cell spans rows or columns (so that columns can be taken out)."""
    return all(
        c.row_span == c.col_span == 1 for row in (*table.header, *table.rows) for c in row
    ) and all(len(row) == len(table.widths) for row in (*table.header, *table.rows))


def _without(table: Table, column: int) -> Table:
    def drop(row: tuple[Cell, ...]) -> tuple[Cell, ...]:
        return row[:column] + row[column + 1 :]

    return replace(
        table,
        header=tuple(drop(r) for r in table.header),
        rows=tuple(drop(r) for r in table.rows),
        widths=table.widths[:column] + table.widths[column + 1 :],
    )


def _shared_note(table: Table, column: int) -> str:
    """The bracketed note every row's cell in ``column`` ends with, in its last span; or ''."""
    notes = set()
    for row in table.rows:
        spans = row[column].spans
        # only a plain figure's note: never words that carry a verdict (a travel's tone)
        found = _NOTE.match(spans[0].text) if len(spans) == 1 and not spans[0].tone else None
        if found is None:
            return ""
        if not re.search("[A-Za-z]", found["note"]):  # a figure ('(+7.1%)'), not a note
            return ""
        notes.add(found["note"])
    return notes.pop() if len(notes) == 1 else ""


def _strip_note(cell: Cell) -> Cell:
    last = cell.spans[-1]
    found = _NOTE.match(last.text)
    assert found is not None
    return replace(cell, spans=(*cell.spans[:-1], replace(last, text=found["figure"])))


def tidied(table: Table, owner: str) -> tuple[Table, tuple[Paragraph, ...]]:
    """``table`` without its empty columns and with each repeated note once in its header;
    and the notes to print under it (anchored under ``owner``)."""
    if len(table.rows) < 2 or not _plain_cells(table):
        return table, ()
    for column in range(len(table.widths) - 1, 0, -1):  # never the column that heads the rows
        if all(row[column].text.strip() in EMPTY for row in table.rows):
            table = _without(table, column)
    notes: list[Paragraph] = []
    for column in range(1, len(table.widths)):
        note = _shared_note(table, column)
        if not note:
            continue
        number = len(notes) + 1
        head = table.header[-1][column]
        marked = replace(head, spans=(*head.spans, Span(" "), note_mark(owner, number, True)))
        header = (
            *table.header[:-1],
            (*table.header[-1][:column], marked, *table.header[-1][column + 1 :]),
        )
        rows = tuple(
            (*row[:column], _strip_note(row[column]), *row[column + 1 :]) for row in table.rows
        )
        table = replace(table, header=header, rows=rows)
        notes.append(note_paragraph(owner, number, f"{head.text}: {note}."))
    return table, tuple(notes)


def _owner(caption: str) -> str:
    return "table-" + re.sub(r"[^0-9A-Za-z]+", "-", caption).strip("-").lower()


def tidy_tables(blocks: list[Block]) -> list[Block]:
    """``blocks`` with every table of measures (its first column headed 'Measure') tidied, its
    notes straight after it."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table) and block.header and block.header[-1][0].text == "Measure":
            table, notes = tidied(block, _owner(block.caption))
            out += [table, *notes]
        else:
            out.append(block)
    return out
