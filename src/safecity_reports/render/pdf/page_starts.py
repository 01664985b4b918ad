"""Which of the document's blocks the PDF starts a page with, and the room it left on the page
before: Word starts those blocks on a new page too (issue 25).

Where the PDF carries a block over to the next page (a heading with what it heads, a chart with
its title, a short table), Word's keep-with-next should do the same, but LibreOffice does not
always keep a long chain of paragraphs together in a long document: in q2 it left a measure's
heading alone at the foot of a page, and a chart's title and panel a page before the chart.
The PDF's first pass records each such break (``PageStarts``), and Word breaks there.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.platypus import CondPageBreak, Flowable
from reportlab.platypus.doctemplate import ActionFlowable


def tag_block(
    flowables: Iterable[Flowable], place: tuple[int, ...], seen: set[int] | None = None
) -> None:
    """Mark ``flowables`` (and what each holds, kept together) as drawing the block at
    ``place``: its place among the document's blocks, then among the blocks of each group kept
    together it lies in. Called inside out, each time with the place in the group above, so a
    place already marked is put after ``place``. A part of a flowable split over pages is a
    new flowable, left unmarked."""
    seen = set() if seen is None else seen
    for flowable in flowables:
        if id(flowable) in seen:
            continue
        seen.add(id(flowable))
        flowable.block_place = place + getattr(flowable, "block_place", ())
        for inner in (getattr(flowable, "_content", None), getattr(flowable, "parts", None)):
            if inner:
                tag_block(inner, place, seen)


class PageStarts:
    """Follows the flowables as they are drawn: each page whose first flowable starts a block
    (is marked, and another block's was drawn last) is a page that block starts."""

    def __init__(self) -> None:
        self.starts: dict[tuple[int, ...], float] = {}
        """For each block the PDF starts a page with (not continuing one from the page before),
        by its place (``tag_block``), the room, in points, left at the foot of the page before."""
        self._page = 0
        self._block: tuple[int, ...] | None = None
        self._room = 0.0

    def page_ended(self, room: float) -> None:
        """The current page is full: ``room`` points were left at its foot."""
        self._room = room

    def drawn(self, page: int, flowable: Flowable) -> None:
        if isinstance(flowable, (ActionFlowable, CondPageBreak)):
            return  # takes no room on the page
        block = getattr(flowable, "block_place", None)
        if page != self._page:
            if page > 1 and block is not None and block != self._block:
                self.starts[block] = self._room
            self._page = page
        if block is not None:
            self._block = block
