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
_OF = re.compile(r"^(?P<figure>\d+(?:st|nd|rd|th)) of (?P<size>\d+)$")
"""A rank with the size of its group: '10th of 15'."""


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


def _plain_text(cell: Cell) -> str | None:
    """A plain figure's text (one span, no verdict's tone), or None."""
    spans = cell.spans
    return spans[0].text if len(spans) == 1 and not spans[0].tone else None


def _shared_note(table: Table, column: int) -> str:
    """The bracketed note every row's cell in ``column`` ends with, in its last span; or ''."""
    notes = set()
    for row in table.rows:
        text = _plain_text(row[column])
        # only a plain figure's note: never words that carry a verdict (a travel's tone)
        found = _NOTE.match(text) if text is not None else None
        if found is None:
            return ""
        if not re.search("[A-Za-z]", found["note"]):  # a figure ('(+7.1%)'), not a note
            return ""
        notes.add(found["note"])
    return notes.pop() if len(notes) == 1 else ""


def _shared_size(table: Table, column: int) -> str:
    """The 'of 15' every row's rank in ``column`` ends with ('10th of 15'), or ''."""
    sizes = set()
    for row in table.rows:
        text = _plain_text(row[column])
        found = _OF.match(text) if text is not None else None
        if found is None:
            return ""
        sizes.add(found["size"])
    return sizes.pop() if len(sizes) == 1 else ""


def _strip(cell: Cell, pattern: re.Pattern[str]) -> Cell:
    last = cell.spans[-1]
    found = pattern.match(last.text)
    assert found is not None
    return replace(cell, spans=(*cell.spans[:-1], replace(last, text=found["figure"])))


def tidied(table: Table, owner: str) -> tuple[Table, tuple[Paragraph, ...]]:
    """``table`` without its empty columns and with each repeated note once in its header;
    and the notes to print under it (anchored under ``owner``). A rank's 'of 15' that every
    row repeats goes into its column's note too ('Rank: out of 15; 1 = lowest')."""
    if len(table.rows) < 2 or not _plain_cells(table):
        return table, ()
    for column in range(len(table.widths) - 1, 0, -1):  # never the column that heads the rows
        if all(row[column].text.strip() in EMPTY for row in table.rows):
            table = _without(table, column)
    notes: list[Paragraph] = []
    for column in range(1, len(table.widths)):
        said = []
        note = _shared_note(table, column)
        if note:
            table = _strip_column(table, column, _NOTE)
        size = _shared_size(table, column)
        if size:
            table = _strip_column(table, column, _OF)
            said.append(f"out of {size}")
        if note:
            said.append(note)
        if not said:
            continue
        number = len(notes) + 1
        head = table.header[-1][column]
        marked = replace(head, spans=(*head.spans, Span(" "), note_mark(owner, number, True)))
        header = (
            *table.header[:-1],
            (*table.header[-1][:column], marked, *table.header[-1][column + 1 :]),
        )
        table = replace(table, header=header)
        notes.append(note_paragraph(owner, number, f"{head.text}: {'; '.join(said)}."))
    return table, tuple(notes)


def _strip_column(table: Table, column: int, pattern: re.Pattern[str]) -> Table:
    rows = tuple(
        (*row[:column], _strip(row[column], pattern), *row[column + 1 :]) for row in table.rows
    )
    return replace(table, rows=rows)


def owner(caption: str) -> str:
    """The anchor a table's notes are numbered under, from its caption."""
    return "table-" + re.sub(r"[^0-9A-Za-z]+", "-", caption).strip("-").lower()


def tidy_tables(blocks: list[Block]) -> list[Block]:
    """``blocks`` with every table of measures (its first column headed 'Measure', perhaps with
    the unit every row shares: 'Measure (rate per 1,000 population)') tidied, its
    notes straight after it."""
    out: list[Block] = []
    for block in blocks:
        if (
            isinstance(block, Table)
            and block.header
            and block.header[-1][0].text.startswith("Measure")
        ):
            table, notes = tidied(block, owner(block.caption))
            out += [table, *notes]
        else:
            out.append(block)
    return out
