"""No page under a third full unless its section ends there (issue 25): where a measure's page
runs a few lines onto a page of its own, the next measure follows on that page instead of
starting a new one.

Whether a page is thin is known only once a renderer has laid the pages out: the PDF's first
pass measures how full the page each break ends is, and the same document, without those
breaks, is then drawn by both renderers, so that Word breaks its pages where the PDF does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from safecity_reports.layout.document import Document, Heading, PageBreak

THIN = 1 / 3
"""A page less full than this (a share of its text area) is thin."""
MARGIN = 0.07
"""Pages up to this much fuller than ``THIN`` in the PDF are closed up too: Word, as LibreOffice
lays it out, can set a page's lines a little differently and leave the same page just under a
third full (q2's page 10 was 36% full in the PDF and 32% in Word before Word took the PDF's page
measures; both are 35% now)."""


def close_thin_pages(document: Document, fills: Sequence[float]) -> Document:
    """``document`` without each page break that ends a thin page and starts another measure's
    page (a level-2 heading) in the same orientation; ``fills`` says how full the page each
    break ends is, in order (the PDF's first pass). A break before a priority or a front-matter
    section (a level-1 heading), or one that turns the page, is kept."""
    blocks = list(document.blocks)
    breaks = [i for i, b in enumerate(blocks) if isinstance(b, PageBreak)]
    if len(breaks) != len(fills):  # measured from another document: change nothing
        return document
    landscape = False
    dropped: set[int] = set()
    for index, fill in zip(breaks, fills, strict=True):
        block = blocks[index]
        assert isinstance(block, PageBreak)
        turns = block.landscape != landscape
        landscape = block.landscape
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        measure = isinstance(after, Heading) and after.level == 2
        if fill < THIN + MARGIN and measure and not turns:
            dropped.add(index)
    if not dropped:
        return document
    return replace(document, blocks=tuple(b for i, b in enumerate(blocks) if i not in dropped))
