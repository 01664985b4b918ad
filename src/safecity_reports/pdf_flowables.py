"""The few flowables the PDF renderer adds to reportlab's, one per kind of block.

Each carries a ``structure_role`` (H1, Table, Figure...) so that a later pass can wrap what it
draws in marked content without guessing what a flowable stands for.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle as TextStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether
from reportlab.platypus import Image as ImageFlowable
from reportlab.platypus import Paragraph as ParagraphFlowable
from reportlab.platypus import Table as TableFlowable

from .document import Heading

MIN_TABLE_START = 60.0
"""Points of a table (its header and a row or two) that must fit below its heading and caption."""


class HeadingFlowable(ParagraphFlowable):
    """A heading that leaves a destination and an outline entry where it is drawn."""

    def __init__(self, markup: str, style: TextStyle, heading: Heading, outline_level: int):
        super().__init__(markup, style)
        self.anchor = heading.anchor
        self.outline_title = heading.text
        self.outline_level = outline_level
        self.structure_role = f"H{heading.level}"

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        # A heading moves to the next page whole (and Paragraph.split would call our __init__).
        return []

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.anchor, 0, self.height)
        self.canv.addOutlineEntry(
            self.outline_title, self.anchor, level=self.outline_level, closed=True
        )
        super().draw()


class FigureImage(ImageFlowable):
    """A chart's picture, carrying the alt text that tagging will attach to it."""

    def __init__(self, path: Path, width: float, height: float, alt: str):
        super().__init__(str(path), width=width, height=height)
        self.alt = alt
        self.structure_role = "Figure"


class ReportTable(TableFlowable):
    """A table whose rows never split, and which breaks inside a row span only when it must.

    Reportlab will not break a table inside a ``row_span``; a group of rows taller than a whole
    frame (a priority with very many measures) would then stop the build, so such a group may
    break between its rows, the spanning cell's text staying on the first page.
    """

    def __init__(self, *args: object, frame_height: float = float("inf"), **kw: object):
        super().__init__(*args, **kw)
        self.frame_height = frame_height
        self.structure_role = "Table"

    def onSplit(self, T: TableFlowable, byRow: int = 1) -> None:  # noqa: N802,N803
        # Reportlab makes the parts with our class but without our arguments.
        T.frame_height = self.frame_height

    def _getFirstPossibleSplitRowPosition(  # noqa: N802 - reportlab's name
        self,
        availHeight: float,
        ignoreSpans: int = 0,  # noqa: N803
    ) -> int:
        saved: list[tuple[int, int]] | None
        saved = getattr(self, "_rowSpanCells", None)
        if not saved:
            return super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
        header_height = sum(self._rowHeights[: self.repeatRows])
        room = self.frame_height - header_height
        self._rowSpanCells = [
            cell
            for cell in saved
            if (span := self._spanRanges.get(cell)) is None
            # Reportlab leaves the heights of rows beyond the page unmeasured (None).
            or sum(h or 0 for h in self._rowHeights[span[1] : span[3] + 1]) <= room
        ]
        try:
            return super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
        finally:
            self._rowSpanCells = saved


class CaptionedTable(Flowable):
    """A table with its caption above it; the caption goes with the first part of a split.

    Every later part is headed by ``continued`` (the caption marked as continued), so a reader
    who turns the page still knows what the table is; tagging will treat it as an artifact.
    """

    def __init__(
        self,
        caption: ParagraphFlowable,
        table: ReportTable,
        continued: ParagraphFlowable | None = None,
    ):
        super().__init__()
        self.caption = caption
        self.table = table
        self.continued = continued
        self.structure_role = "Table"
        self.spaceBefore = caption.getSpaceBefore()
        self.spaceAfter = table.getSpaceAfter()
        self._caption_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        _, height = self.caption.wrap(availWidth, availHeight)
        self._caption_height = height + self.caption.getSpaceAfter()
        _, table_height = self.table.wrap(availWidth, availHeight - self._caption_height)
        self.width, self.height = availWidth, self._caption_height + table_height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        parts = self.table.split(availWidth, availHeight - self._caption_height)
        if not parts:
            return []
        first, *rest = parts
        if rest and self.continued is not None:
            rest[0] = CaptionedTable(self.continued, rest[0], self.continued)
        return [CaptionedTable(self.caption, first, self.continued), *rest]

    def draw(self) -> None:
        self.caption.drawOn(self.canv, 0, self.height - self.caption.height)
        self.table.drawOn(self.canv, 0, 0)


class KeepWithNext(KeepTogether):
    """Reportlab's grouping of a ``keepWithNext`` flowable (a heading) with what follows it.

    Reportlab starts a new page whenever the group does not fit in the space left, which pushes
    a heading over a long table to the next page and leaves a gap. When the group is taller
    than any page, it starts here provided the heading and the start of what follows fit.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = getattr(self, "_frame", None)
        full_height = frame._height if frame is not None else aH
        if full_height >= self._H:
            return super().split(aW, aH)
        *lead, _ = self._content
        lead_height = sum(f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in lead)
        return [CondPageBreak(lead_height + MIN_TABLE_START), *self._content]
