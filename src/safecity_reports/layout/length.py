"""How much of a page the blocks take, roughly: what the layout needs to decide the report's length
from its content (contents only past a few pages, the guide and Exceptions on the front page when
they fit), the same for both documents, which then break their pages each by its own measure.

The estimate is in points of an A4 portrait page's text area, from the default styles' sizes
(10 pt body, 9 pt tables and notes); it errs on the long side, so that what it says fits does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from math import ceil

from safecity_reports.layout.document import (
    Block,
    BulletList,
    Callout,
    Contents,
    FigureBlock,
    Heading,
    KeepTogether,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Spans,
    Table,
)

PAGE_HEIGHT = 714.0
"""The height of an A4 portrait page's text area, in points (the PDF's frame)."""
PAGE_WIDTH = 482.0
"""Its width, in points."""
CHART_HEIGHT = 2.8 * 72 + 40
"""A chart with its caption: the default styles' chart height and two lines."""

_CHAR = {10.0: 4.75, 9.0: 4.3}
"""The average width of a character of Liberation Sans at a size, in points (a little wide)."""
_HEADING = {1: 18 * 1.25 + 18 * 0.8 + 6, 2: 14 * 1.25 + 14 * 0.8 + 6, 3: 11 * 1.25 + 11 * 0.8 + 4}
"""A heading's height with the space before and after it, by level (one line)."""


def _text(spans: Spans) -> str:
    return "".join(s.text for s in spans)


_BREAKS = re.compile(r"[ \t\r\n]+")
"""Where a line may break: not at a no-break space (as ``render/columns``)."""


def _lines(text: str, width: float, size: float) -> int:
    """Lines ``text`` takes when set ``width`` points wide at ``size`` points."""
    per_line = max(1, int(width / _CHAR[size]))
    words = [w for w in _BREAKS.split(text) if w]
    lines, used = 1, 0
    for word in words:
        need = len(word) + (1 if used else 0)
        if used + need > per_line and used:
            lines += 1 + (len(word) - 1) // per_line
            used = len(word) % per_line or per_line
        else:
            used += need
    return lines


def _paragraph(
    text: str, width: float = PAGE_WIDTH, size: float = 10.0, after: float = 6.0
) -> float:
    return _lines(text, width, size) * size * 1.35 + after


def _table(table: Table) -> float:
    total = sum(table.widths) or 1.0
    widths = _widened([PAGE_WIDTH * w / total - 8 for w in table.widths], table)

    def row_height(row: tuple) -> float:  # type: ignore[type-arg]
        lines, column = 1, 0
        for cell in row:
            width = sum(widths[column : column + cell.col_span])
            lines = max(lines, _lines(cell.text, max(width, 20.0), 9.0))
            column += cell.col_span
        return lines * 9 * 1.25 + 8

    caption = _paragraph(table.caption, size=10.0)
    return caption + sum(row_height(r) for r in (*table.header, *table.rows)) + 8


def _widened(widths: list[float], table: Table) -> list[float]:
    """``widths`` with no column narrower than its longest word (a cell's words kept on one line
    by no-break spaces are one word), taken from the others in proportion to their room, as
    ``render/columns`` sets them; as they are where the words do not fit side by side."""
    needs = [0.0] * len(widths)
    for row in (*table.header, *table.rows):
        column = 0
        for cell in row:
            if cell.col_span == 1 and column < len(needs):
                longest = max((len(w) for w in _BREAKS.split(cell.text)), default=0)
                needs[column] = max(needs[column], longest * _CHAR[9.0])
            column += cell.col_span
    if sum(needs) > sum(widths):
        return widths
    lacking = sum(max(0.0, n - w) for w, n in zip(widths, needs, strict=True))
    room = [max(0.0, w - n) for w, n in zip(widths, needs, strict=True)]
    spare = sum(room) or 1.0
    return [
        max(w, n) - lacking * free / spare for w, n, free in zip(widths, needs, room, strict=True)
    ]


def height(block: Block) -> float:
    """The points ``block`` takes down an A4 portrait page (an estimate)."""
    match block:
        case Heading(cover=True):
            return 24 * 1.25 * 2
        case Heading():
            lines = _lines(block.text, PAGE_WIDTH, 10.0 if block.level == 3 else 9.0)
            return _HEADING[min(block.level, 3)] * (1 + 0.7 * (lines - 1) * (block.level < 3))
        case Paragraph():
            size = 9.0 if block.style is ParagraphStyle.NOTE else 10.0
            if block.style is ParagraphStyle.SUBTITLE:
                return 2 * 16 * 1.3
            return _paragraph(_text(block.spans), size=size)
        case BulletList():
            return sum(
                _paragraph(_text(s), PAGE_WIDTH - 18 * level, after=2.0) for level, s in block.items
            )
        case Callout():
            return sum(_paragraph(_text(s), PAGE_WIDTH - 20) for s in block.lines) + 12
        case Table():
            return _table(block)
        case FigureBlock():
            return CHART_HEIGHT
        case Contents():
            return sum(_paragraph(text, PAGE_WIDTH - 60) for _, text, _ in block.entries)
        case KeepTogether():
            return sum(height(b) for b in block.blocks)
        case PageBreak():
            return 0.0
    return 0.0  # pragma: no cover - a new block type


SCALE = 0.88
"""What the documents take of the sums above (measured on the examples' PDFs)."""


def pages(blocks: Sequence[Block]) -> float:
    """The pages ``blocks`` fill, set one after another with no break (an estimate)."""
    return SCALE * sum(height(b) for b in blocks) / PAGE_HEIGHT


def whole_pages(blocks: Sequence[Block]) -> int:
    """The pages ``blocks`` take, each ``PageBreak`` starting a new one (an estimate)."""
    count, used = 0, 0.0
    for block in (*blocks, PageBreak()):
        if isinstance(block, PageBreak):
            count += max(1, ceil(used / PAGE_HEIGHT)) if used else 0
            used = 0.0
        else:
            used += SCALE * height(block)
    return count


def more_pages_than(parts: Iterable[Sequence[Block]], limit: int) -> bool:
    """Whether ``parts``, each starting a new page, take more than ``limit`` pages in all
    (``whole_pages`` summed), measured only as far as it takes to know: a long report is known
    to be long after its first pages (at 3,000 measures, measuring it all was a fifth of the
    layout)."""
    count = 0
    for part in parts:
        used = 0.0
        for block in (*part, PageBreak()):
            if isinstance(block, PageBreak):
                count += max(1, ceil(used / PAGE_HEIGHT)) if used else 0
                used = 0.0
            else:
                used += SCALE * height(block)
            if count + ceil(used / PAGE_HEIGHT) > limit:
                return True
    return False


OPENING_ROWS = 3
"""The rows a table starts a page with, at least, under its caption and header (both renderers
carry a table whose first rows do not fit on to the next page: ``render/breaking``)."""


def opening(blocks: Sequence[Block]) -> float | None:
    """The pages the start of ``blocks`` must have together where they open with headings and
    a table: the headings, the table's caption, header and first rows (an estimate); None where
    they open otherwise."""
    headings = 0.0
    for block in blocks:
        if isinstance(block, Heading):
            headings += height(block)
            continue
        if not isinstance(block, Table) or len(block.rows) <= OPENING_ROWS:
            return None
        start = replace(block, rows=block.rows[:OPENING_ROWS], row_groups=())
        return SCALE * (headings + _table(start)) / PAGE_HEIGHT
    return None
