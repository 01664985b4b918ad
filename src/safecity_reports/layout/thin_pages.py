"""No page under a third full unless its section ends there (issue 25): where a measure's page
runs a few lines onto a page of its own, the next measure follows on that page instead of
starting a new one.

Whether a page is thin is known only once a renderer lays the pages out. The layout says which
page breaks may be closed (``closable_breaks``); the PDF closes each as it comes to it, where
the page the break would end is thin (``is_thin``), and its first pass records which it closed.
The document without those breaks (``without_breaks``) is then drawn by both renderers, so that
Word breaks its pages where the PDF does. Closed as the pages are laid out, a page that only
becomes thin once an earlier one is closed is closed too, in the same pass (a report of 300
measures needed four passes, and still kept a page 3% full).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from typing import TypeVar

from safecity_reports.layout.document import Document, Heading, PageBreak

T = TypeVar("T")

THIN = 1 / 3
"""A page less full than this (a share of its text area) is thin."""
MARGIN = 0.07
"""Pages up to this much fuller than ``THIN`` in the PDF are closed up too: Word, as LibreOffice
lays it out, can set a page's lines a little differently and leave the same page just under a
third full (q2's page 10 was 36% full in the PDF and 32% in Word before Word took the PDF's page
measures; both are 35% now)."""


def is_thin(fill: float) -> bool:
    """Whether a page ``fill`` full (a share of its text area) is to be closed up."""
    return fill < THIN + MARGIN


def closable_breaks(document: Document) -> frozenset[int]:
    """The places (among ``document``'s blocks) of the page breaks that may be closed where the
    page they end is thin: each that starts another measure's page (a level-2 heading) in the
    same orientation. A break before a priority or a front-matter section (a level-1 heading),
    or one that turns the page, is kept."""
    blocks = document.blocks
    landscape = False
    closable = set()
    for index, block in enumerate(blocks):
        if not isinstance(block, PageBreak):
            continue
        turns = block.landscape != landscape
        landscape = block.landscape
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(after, Heading) and after.level == 2 and not turns:
            closable.add(index)
    return frozenset(closable)


def without_breaks(document: Document, closed: Collection[int]) -> Document:
    """``document`` without the page breaks at the places ``closed``."""
    if not closed:
        return document
    gone = set(closed)
    return replace(
        document, blocks=tuple(b for i, b in enumerate(document.blocks) if i not in gone)
    )


def moved_places(
    places: Mapping[tuple[int, ...], T], closed: Collection[int]
) -> dict[tuple[int, ...], T]:
    """``places`` (keyed by a place among the document's blocks, then within groups) as they
    are in the document ``without_breaks(document, closed)``."""
    if not closed:
        return dict(places)
    gone = sorted(closed)

    def moved(place: tuple[int, ...]) -> tuple[int, ...]:
        before = sum(1 for index in gone if index < place[0])
        return (place[0] - before, *place[1:])

    return {moved(place): value for place, value in places.items() if place[0] not in closed}
