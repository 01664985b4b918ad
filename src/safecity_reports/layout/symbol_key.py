"""The key to the symbols a table prints for what is missing ([x], [z], [c]: ``core.symbols``),
printed once: under the first table that uses any of them, naming every one the report uses."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from safecity_reports.core.symbols import MEANINGS
from safecity_reports.layout.document import (
    Block,
    KeepTogether,
    Paragraph,
    ParagraphStyle,
    Table,
    plain,
)


def _tables(blocks: Iterable[Block]) -> Iterator[Table]:
    for block in blocks:
        if isinstance(block, Table):
            yield block
        elif isinstance(block, KeepTogether):
            yield from _tables(block.blocks)


def symbols_in(table: Table) -> set[str]:
    """The symbols some cell of ``table`` prints."""
    text = " ".join(s.text for row in (*table.header, *table.rows) for c in row for s in c.spans)
    return {symbol for symbol in MEANINGS if symbol in text}


def key_text(used: Iterable[str]) -> str:
    """'Symbols: [x] not available; [z] not applicable.'"""
    chosen = [f"{symbol} {meaning}" for symbol, meaning in MEANINGS.items() if symbol in used]
    return f"Symbols: {'; '.join(chosen)}."


def with_symbol_key(blocks: list[Block]) -> list[Block]:
    """``blocks`` with the key to every symbol their tables use, once, after the first block
    whose table uses one; unchanged where no table uses a symbol."""
    used = set().union(*(symbols_in(t) for t in _tables(blocks)))
    if not used:
        return blocks
    key = Paragraph(plain(key_text(used)), ParagraphStyle.NOTE)
    for index, block in enumerate(blocks):
        if any(symbols_in(t) for t in _tables([block])):
            if isinstance(block, KeepTogether):  # the key stays with its table
                return [
                    *blocks[:index],
                    replace(block, blocks=(*block.blocks, key)),
                    *blocks[index + 1 :],
                ]
            return [*blocks[: index + 1], key, *blocks[index + 1 :]]
    return blocks
