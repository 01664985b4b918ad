"""The few flowables the PDF renderer adds to reportlab's, one per kind of block.

Each that draws content carries the ``Slot`` of its structure element (``pdf_tags``) and wraps
what it draws in that element's marked content, so the tags follow our layout, not the page.
Parts of a split flowable keep their slot; rules and backgrounds are drawn as artifacts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle as TextStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, ListFlowable
from reportlab.platypus import Image as ImageFlowable
from reportlab.platypus import Paragraph as ParagraphFlowable
from reportlab.platypus import Table as TableFlowable
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import LIIndenter
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from safecity_reports.layout.document import Heading
from safecity_reports.render.breaking import FEWEST_ROWS
from safecity_reports.render.pdf.images import register_png
from safecity_reports.render.pdf.tags import LAYOUT, REPEATED, Mark, Slot, marked

PARSED_LIMIT = 50_000
"""Parsed paragraphs kept (``parsed``) before the store is emptied: a few MB."""
_parsed: dict[tuple[TextStyle, str], list[Any]] = {}


def parsed(text: str, style: TextStyle) -> list[Any] | None:
    """The fragments reportlab's parser makes of ``text`` in ``style``, a fresh copy of them,
    parsed once for each text and style: a report's cells repeat their words ('In line',
    'up, worse') and the PDF is laid out twice. None when the markup makes more than fragments
    (a bullet or a style of its own), which reportlab then parses as usual."""
    key = (style, text)
    frags = _parsed.get(key)
    if frags is None:
        parser = ParaParser()
        parser.caseSensitive = 1
        made_style, frags, bullet = parser.parse(cleanBlockQuotedText(text), style)
        if frags is None or bullet or made_style is not style:
            return None
        textTransformFrags(frags, style)
        if len(_parsed) >= PARSED_LIMIT:
            _parsed.clear()
        _parsed[key] = frags
    return [frag.clone() for frag in frags]


LINES_LIMIT = 300_000
"""Paragraphs' lines kept (``TaggedParagraph.breakLines``) before the store is emptied."""
_lines: dict[tuple[TextStyle, str, tuple[float, ...]], tuple[Any, dict[str, Any]]] = {}
_BROKEN = ("_width_max", "_splitLongWordCount", "_hyphenations", "height")
"""What reportlab's ``breakLines`` sets on a paragraph besides the lines it returns."""


def forget_lines() -> None:
    """Let go of the paragraphs' lines kept (``TaggedParagraph.breakLines``): once the PDF is
    drawn nothing asks for them again, and at 3,000 measures they hold about 120 MB that the
    Word document, written next in the same process there, can use."""
    _lines.clear()


def counting(canvas: Canvas) -> bool:
    """Whether ``canvas`` is the first pass's, which counts pages and keeps nothing drawn: what
    the flowables draw there is skipped (a third of that pass's time), never how they fit."""
    return getattr(canvas, "counting", False)


MIN_TABLE_START = 60.0
"""Points of a table (its header and a row or two) that must fit below its heading and caption."""


class TaggedParagraph(ParagraphFlowable):
    """A paragraph drawn into its slot; drawn again (a repeated table header) it is an artifact.

    ``label`` is the slot of the bullet drawn beside it when it is a list item's body.
    """

    def __init__(
        self,
        text: Any,
        style: TextStyle,
        *args: Any,
        slot: Mark = None,
        label: Slot | None = None,
        **kw: Any,
    ):
        self._key: tuple[TextStyle, str] | None = None
        """(style, text) where the paragraph is made from them alone: its lines are then
        those of every paragraph of the same text, style and width."""
        if isinstance(text, str) and not args and not kw:
            kw["frags"] = parsed(text, style)
            if kw["frags"] is not None:
                self._key = (style, text)
        super().__init__(text, style, *args, **kw)
        self.slot = slot
        self.label = label
        self._drawn = False
        self._wrapped: tuple[float, int] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # A paragraph's lines depend on its width alone, and reportlab asks again and again (a
        # table's cell is wrapped to size its row, to split the table, and to draw it; a kept
        # group wraps its parts, then the frame each): the lines of the last width are kept.
        # (A part made by split starts with no lines of its own, hence the check on them.)
        lines = self.__dict__.get("blPara")
        if lines is None or self._wrapped != (availWidth, id(lines)):
            super().wrap(availWidth, availHeight)
            self._wrapped = (availWidth, id(self.blPara))
        return self.width, self.height

    def breakLines(self, width: Any) -> Any:  # noqa: N802
        # The lines of a text in a style at a width are the same wherever it is set: in the
        # table cells and sentences a report repeats, and in each of the PDF's passes (the
        # first runs again after thin pages are closed up). They are broken once and shared;
        # drawing them only reads them (a split, which changes its words, breaks its own).
        if self._key is None or not isinstance(width, (list, tuple)):
            return super().breakLines(width)
        key = (*self._key, tuple(width))
        found = _lines.get(key)
        if found is None:
            lines = super().breakLines(width)
            if len(_lines) >= LINES_LIMIT:
                _lines.clear()
            found = _lines[key] = (lines, {name: self.__dict__[name] for name in _BROKEN})
        lines, state = found
        self.__dict__.update(state)
        self._shared = True
        return lines

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if "blPara" not in self.__dict__:
            self.wrap(availWidth, availHeight)
        if self.__dict__.get("_shared"):
            # reportlab's split changes the words of the lines it splits: a paragraph split
            # breaks lines of its own, not the ones other paragraphs share
            self._shared = False
            self.blPara = ParagraphFlowable.breakLines(self, self._wrapWidths)
            self._wrapped = (self.width, id(self.blPara))
        parts = super().split(availWidth, availHeight)
        for n, part in enumerate(parts):
            part.slot = self.slot
            part.label = self.label if n == 0 else None
        return parts

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802,N803
        if counting(canvas):
            return
        mark = REPEATED if self._drawn and isinstance(self.slot, Slot) else self.slot
        self._drawn = True
        with marked(canvas, mark):
            super().drawOn(canvas, x, y, _sW)


class HeadingFlowable(TaggedParagraph):
    """A heading that leaves a destination and an outline entry where it is drawn."""

    def __init__(
        self, markup: str, style: TextStyle, heading: Heading, outline_level: int, slot: Slot
    ):
        super().__init__(markup, style, slot=slot)
        self.anchor = heading.anchor
        self.outline_title = heading.text
        self.outline_level = outline_level

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
    """A chart's picture, drawn into its Figure element (which carries the alt text)."""

    def __init__(self, path: Path, width: float, height: float, slot: Slot):
        super().__init__(str(path), width=width, height=height)
        self.path = path
        self.slot = slot
        self.promised = False
        """Its image will be a chart's PDF drawing beside ``path``, there or not yet."""
        # Its size is known: reportlab would otherwise open the image to measure it.
        self.drawWidth = self.imageWidth = width
        self.drawHeight = self.imageHeight = height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802,N803
        with marked(canvas, self.slot):
            super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        # On a tagged canvas the PDF is finished by pikepdf, which puts the pixels in.
        deferred = getattr(self.canv, "structure", None) is not None
        if not register_png(self.canv, self.path, deferred, self.promised):
            super().draw()  # decoded by reportlab
            return
        # registered: found by the name, never read
        self.canv.drawImage(self.path.name, 0, 0, self.drawWidth, self.drawHeight, mask=None)


class TaggedTable(TableFlowable):
    """A table whose backgrounds and rules are artifacts; its cells' paragraphs tag themselves."""

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802,N803
        if not counting(canvas):
            super().drawOn(canvas, x, y, _sW)

    def _drawBkgrnd(self) -> None:  # noqa: N802 - reportlab's name
        with marked(self.canv, LAYOUT):
            super()._drawBkgrnd()

    def _drawLines(self) -> None:  # noqa: N802 - reportlab's name
        with marked(self.canv, LAYOUT):
            super()._drawLines()

    def _drawCell(self, cellval: Any, *args: Any) -> None:  # noqa: N802 - reportlab's name
        if isinstance(cellval, (list, tuple, Flowable)):
            super()._drawCell(cellval, *args)
        else:
            # A grid position no cell of the layout fills: reportlab draws it as an empty string.
            with marked(self.canv, LAYOUT):
                super()._drawCell(cellval, *args)


class TaggedListFlowable(ListFlowable):
    """A bullet list whose bullets are drawn into their items' Lbl elements."""

    def _makeLIIndenter(self, flowable: Flowable, bullet: Any, params: Any = None) -> LIIndenter:  # noqa: N802
        made = super()._makeLIIndenter(flowable, bullet, params)
        return TaggedLIIndenter(
            made._flowable,
            made._leftIndent,
            made._rightIndent,
            made._bullet,
            spaceBefore=made.__dict__.get("spaceBefore"),
            spaceAfter=made.__dict__.get("spaceAfter"),
        )


class TaggedLIIndenter(LIIndenter):
    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        return [
            TaggedLIIndenter(part._flowable, part._leftIndent, part._rightIndent, part._bullet)
            for part in super().split(aW, aH)
        ]

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802,N803
        if self._bullet:
            with marked(canv, getattr(self._flowable, "label", None) or LAYOUT):
                self._bullet.drawOn(self, canv, x, y, 0)
        inner = max(0, _sW - self._leftIndent - self._rightIndent)
        self._flowable.drawOn(canv, x + self._leftIndent, y, inner)


class ReportTable(TaggedTable):
    """A table whose rows never split, and which breaks inside a row span only when it must.

    Reportlab will not break a table inside a ``row_span``; a group of rows taller than a whole
    frame (a priority with very many measures) would then stop the build, so such a group may
    break between its rows, the spanning cell's text staying on the first page.
    """

    def __init__(self, *args: object, frame_height: float = float("inf"), **kw: object):
        super().__init__(*args, **kw)
        self.frame_height = frame_height
        self.reserved = 0.0
        """Height above the table on every page it reaches (its caption): not the table's room."""

    def reserve(self, height: float) -> None:
        self.reserved = height

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(aW, aH)
        if parts or getattr(self, "splitInRow", 0):
            return parts
        # A row taller than a whole page can never be kept whole: split inside it rather
        # than stop the build (a key action of several thousand characters, say).
        room = self.frame_height - sum(self._rowHeights[: self.repeatRows])
        if any((height or 0) > room for height in self._rowHeights[self.repeatRows :]):
            self.splitInRow = 1
            return super().split(aW, aH)
        return parts

    def onSplit(self, T: TableFlowable, byRow: int = 1) -> None:  # noqa: N802,N803
        # Reportlab makes the parts with our class but without our arguments.
        T.frame_height = self.frame_height
        T.reserved = self.reserved

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
        room = self.frame_height - self.reserved - header_height
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
    who turns the page still knows what the table is; it is tagged as an artifact.
    """

    def __init__(
        self,
        caption: ParagraphFlowable,
        table: Flowable,
        continued: ParagraphFlowable | None = None,
        index: int | None = None,
    ):
        super().__init__()
        self.caption = caption
        self.table = table
        self.continued = continued
        self.index = index
        """The table's place among the document's tables (from 0), for Word to break where
        the PDF does; None for a part that must not be counted."""
        self.spaceBefore = caption.getSpaceBefore()
        self.spaceAfter = table.getSpaceAfter()
        self._caption_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        _, height = self.caption.wrap(availWidth, availHeight)
        self._caption_height = height + self.caption.getSpaceAfter()
        # A row span is kept whole only if it fits on a page under the caption (a group of
        # rows a little shorter than a page, under a caption, could otherwise never be drawn).
        reserved = self._caption_height
        if self.continued is not None:
            _, continued = self.continued.wrap(availWidth, availHeight)
            reserved = max(reserved, continued + self.continued.getSpaceAfter())
        reserve = getattr(self.table, "reserve", None)
        if reserve is not None:
            reserve(reserved)
        _, table_height = self.table.wrap(availWidth, availHeight - self._caption_height)
        self.width, self.height = availWidth, self._caption_height + table_height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        frame = getattr(self, "_frame", None)
        at_top = frame is None or frame._atTop
        parts = self._without_orphans(availWidth, availHeight - self._caption_height, at_top)
        if not parts:
            return []
        first, *rest = parts
        if rest and self.continued is not None:
            rest[0] = CaptionedTable(self.continued, rest[0], self.continued, self.index)
        return [CaptionedTable(self.caption, first, self.continued, self.index), *rest]

    def body_rows(self) -> int | None:
        """The rows of the table's body this part draws; None for a long table's window."""
        values = getattr(self.table, "_cellvalues", None)
        if values is None:
            return None
        return len(values) - int(getattr(self.table, "repeatRows", 0) or 0)

    def breaks_in(self, width: float, room: float) -> bool:
        """Whether the table can start in ``room`` below other text on a page: split there
        with at least ``FEWEST_ROWS`` rows on each side of the break."""
        self.wrap(width, room)
        return bool(self._without_orphans(width, room - self._caption_height, at_top=False))

    def _without_orphans(self, width: float, room: float, at_top: bool) -> list[Flowable]:
        """The table split to fit ``room`` with at least ``FEWEST_ROWS`` rows on each side of
        the break (fewer rows moved on, or the whole table where it cannot be); split anyway
        ``at_top`` of a page."""
        parts = self.table.split(width, room)
        if len(parts) != 2 or not all(hasattr(p, "_cellvalues") for p in parts):
            return parts  # a long table's window, or no split
        if at_top:
            return parts
        head = int(getattr(self.table, "repeatRows", 0) or 0)
        first, rest = parts
        before, after = len(first._cellvalues) - head, len(rest._cellvalues) - head
        if after < FEWEST_ROWS:
            moved = FEWEST_ROWS - after
            if before - moved < FEWEST_ROWS:
                return []
            first.wrap(width, room)
            parts = self.table.split(width, room - sum(first._rowHeights[-moved:]) - 0.5)
            before = len(parts[0]._cellvalues) - head if parts else 0
        return parts if before >= FEWEST_ROWS else []

    def start_height(self, width: float, room: float) -> float | None:
        """The height of the caption, the header and the first ``FEWEST_ROWS`` rows (the least
        of the table a page may start with); None for a long table's window, which is placed
        by its own rules."""
        self.wrap(width, room)
        heights = getattr(self.table, "_rowHeights", None)
        if heights is None or not hasattr(self.table, "_cellvalues"):
            return None
        head = int(getattr(self.table, "repeatRows", 0) or 0)
        rows = heights[: head + FEWEST_ROWS]
        if None in rows:  # reportlab leaves rows beyond the room unmeasured
            return None
        return self._caption_height + sum(rows) + self.spaceBefore

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802,N803
        if not counting(canvas):
            super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        self.caption.drawOn(self.canv, 0, self.height - self.caption.height)
        self.table.drawOn(self.canv, 0, 0)


class KeepWithNext(KeepTogether):
    """Reportlab's grouping of a ``keepWithNext`` flowable (a heading) with what follows it.

    Reportlab starts a new page whenever the group does not fit in the space left, which pushes
    a heading over a long table to the next page and leaves a gap. When the group is taller
    than any page, it starts here provided the heading and the start of what follows fit.
    """

    def __init__(self, flowables: list[Flowable], maxHeight: float | None = None) -> None:  # noqa: N803
        super().__init__(flowables, maxHeight)
        _starts_as(self, flowables)

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = getattr(self, "_frame", None)
        full_height = frame._height if frame is not None else aH
        *lead, last = self._content
        # a table breaks as Word breaks it: it starts under its heading where its caption,
        # header and first rows fit, rather than leaving the rest of the page empty
        start = last.start_height(aW, aH) if isinstance(last, CaptionedTable) else None
        if full_height >= self._H and start is None:
            return super().split(aW, aH)
        lead_height = sum(f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in lead)
        if (
            start is not None
            and full_height >= self._H
            and lead_height + start <= aH
            and not last.breaks_in(aW, aH - lead_height)
        ):
            # its first rows would fit, but the table cannot break here with enough rows on
            # each side (a short table of tall rows): it moves whole, and its heading with it
            return super().split(aW, aH)
        return [CondPageBreak(lead_height + (start or MIN_TABLE_START)), *self._content]


class HeadedGroup(KeepTogether):
    """A heading (or a chain of them) and the group kept together that it heads: reportlab
    never puts a group kept together into a heading's ``keepWithNext`` (it is a container), so
    the heading was left alone at the foot of a page when the group did not fit under it.

    The whole moves to the next page where it does not fit here but fits on a page; a group
    taller than a page starts here where the heading and its first part fit, else on the next.
    """

    def __init__(self, lead: list[Flowable], group: list[Flowable], parts: list[Flowable]):
        super().__init__([*lead, *group])
        _starts_as(self, lead)
        self._lead = len(lead)
        self._parts = [*lead, *parts]
        """The same with the group's own groups kept whole (a chart with its title): what
        flows on where the whole is taller than a page."""

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = getattr(self, "_frame", None)
        full_height = frame._height if frame is not None else aH
        if full_height >= self._H:
            return super().split(aW, aH)
        first = self._parts[: self._lead + 1]
        *lead, opening = first
        height = opening.wrap(aW, aH)[1]
        if opening.split(aW, max(MIN_TABLE_START, 1.0)):  # it can break: a few lines will do
            height = min(height, MIN_TABLE_START)
        need = height + sum(
            f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in lead
        )
        return [CondPageBreak(need), *self._parts]


def _starts_as(group: Flowable, flowables: list[Flowable]) -> None:
    """``group`` draws first what the first of ``flowables`` draws: the same block of the
    document (``render/pdf/page_starts``)."""
    if flowables and hasattr(flowables[0], "block_place"):
        group.block_place = flowables[0].block_place


class LazyStory(list):  # type: ignore[type-arg]
    """The story as reportlab's ``build`` consumes it, made from ``flowables`` as it goes.

    ``build`` takes the flowables from the front of a list (and puts split parts back there);
    with every flowable of a report of thousands of measures made first, the story held
    hundreds of megabytes. This list holds the next ``ahead`` at most: it asks for more whenever
    reportlab asks how many are left, and everything it hands out comes from what it holds.
    """

    def __init__(self, flowables: Iterable[Flowable], ahead: int = 64):
        super().__init__()
        self._source: Iterator[Flowable] | None = iter(flowables)
        self._ahead = ahead

    def __len__(self) -> int:
        while self._source is not None and super().__len__() < self._ahead:
            try:
                self.append(next(self._source))
            except StopIteration:
                self._source = None
        return super().__len__()


class ThinPageBreak(ActionFlowable):
    """A page break the layout lets close (``layout.thin_pages``): it starts a new page only
    where the page it would end is not thin (``ReportTemplate.handle_thinBreak``). An action,
    not a flowable of no height: that, at the foot of a full page, went onto the next one, and
    a page break after it left that page blank."""

    def __init__(self, place: int) -> None:
        super().__init__(("thinBreak", place))
