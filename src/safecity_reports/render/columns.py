"""Table column widths from their content, for both renderers: no word is broken inside a cell.

The layout gives a table's columns relative widths (``Table.widths``), and the text width is
shared out in those proportions, except that no column is made narrower than the longest word
its cells print, with the cell's padding (a word being what lies between spaces: reportlab
breaks a line only there, and Word and LibreOffice only there or after a hyphen, unless a word
is wider than its column, which they then cut). A column too narrow for its longest word takes
the width it lacks from the columns with room to spare, in proportion to their room.

Only where the longest words of all the columns together are wider than the text can a word be
broken: then the columns with the longest words are cut to one width, as wide as the room left
allows, so that only words longer than that break (a web address in a cell, say), and every
other column keeps its longest word whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from safecity_reports.layout.document import Spans, Table
from safecity_reports.layout.grid import table_grid
from safecity_reports.render.metrics import text_width

_BREAKS = re.compile(r"[ \t\r\n]+")
"""Where a line may break: spaces and line breaks, not the no-break spaces."""
SAFETY = 1.0
"""Points added to each column's longest word, for the renderers' own rounding."""


@dataclass(frozen=True)
class CellFonts:
    """How the table's text prints: its faces, its size and the cells' padding (points)."""

    regular: Path
    bold: Path
    size: float
    padding: float
    """Space between a cell's text and its left edge, and as much at its right."""


def column_widths(table: Table, available: float, fonts: CellFonts) -> list[float]:
    """The width in points of each of ``table``'s columns, filling ``available`` points: the
    layout's proportions, widened where a column's longest word needs more."""
    total = sum(table.widths) or 1
    shares = [available * width / total for width in table.widths]
    return _widen(shares, word_widths(table, fonts), available)


def word_widths(table: Table, fonts: CellFonts) -> list[float]:
    """Each column's need in points: the width of the longest word of its cells, with their
    padding and ``SAFETY``. A cell spanning columns asks the width of its longest word of
    them together, shared in their proportions."""
    columns = len(table.widths)
    needs = [0.0] * columns
    spanning: list[tuple[int, int, float]] = []
    measured: dict[tuple[str, bool], float] = {}
    for row in table_grid(table):
        for place in row:
            bold = place.header or place.cell.row_header
            need = _longest_word(place.cell.spans, bold, fonts, measured)
            if not need:
                continue
            need += 2 * fonts.padding + SAFETY
            if place.cell.col_span == 1:
                needs[place.column] = max(needs[place.column], need)
            else:
                spanning.append((place.column, place.last_column + 1, need))
    for first, end, need in spanning:
        weights = table.widths[first:end]
        have = sum(needs[first:end])
        if have < need:
            extra = need - have
            for offset, weight in enumerate(weights):
                needs[first + offset] += extra * weight / (sum(weights) or 1)
    return needs


def _longest_word(
    spans: Spans, bold: bool, fonts: CellFonts, measured: dict[tuple[str, bool], float]
) -> float:
    """The width in points of the widest word of ``spans`` (a word may run across spans in
    different faces)."""
    longest, word = 0.0, 0.0
    for span in spans:
        face = bold or span.bold or span.tone is not None
        pieces = _BREAKS.split(span.text)
        for index, piece in enumerate(pieces):
            if index:  # a break: the word so far is whole
                longest, word = max(longest, word), 0.0
            if piece:
                key = (piece, face)
                if key not in measured:
                    font = fonts.bold if face else fonts.regular
                    measured[key] = text_width(piece, font, fonts.size)
                word += measured[key]
    return max(longest, word)


def _widen(shares: list[float], needs: list[float], available: float) -> list[float]:
    """``shares`` with each column at least its need, the width it lacks taken from the others
    in proportion to their room; where the needs exceed ``available``, the widest needs are
    cut to one width so that the columns fill it."""
    if sum(needs) > available:
        return _cut(needs, available)
    lacking = sum(max(0.0, need - share) for share, need in zip(shares, needs, strict=True))
    if not lacking:
        return shares
    room = [max(0.0, share - need) for share, need in zip(shares, needs, strict=True)]
    spare = sum(room)
    return [
        max(share, need) - lacking * free / spare
        for share, need, free in zip(shares, needs, room, strict=True)
    ]


def _cut(needs: list[float], available: float) -> list[float]:
    """Widths filling ``available`` that keep every need at or below one width whole and cut
    the needs above it to that width (the widest words break, the fewest columns are cut)."""
    ordered = sorted(needs)
    kept = 0.0
    for index, need in enumerate(ordered):
        cap = (available - kept) / (len(ordered) - index)
        if need > cap:
            return [min(n, cap) for n in needs]
        kept += need
    return list(needs)  # pragma: no cover - only reached when the needs fit
