"""The report's content, laid out once as plain blocks that the Word and PDF renderers only draw.

``layout`` turns the model and its computed status into a ``Document``; ``charts`` draws each
``Chart`` to an image; ``render_docx`` and ``render_pdf`` draw the same blocks in their own way.
Nothing here knows about python-docx, reportlab or matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from safecity_reports.core.model import RatingLevel


class Tone(Enum):
    """What a coloured mark means to the reader; renderers map it to a palette colour."""

    GOOD = "good"
    BAD = "bad"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Span:
    """A stretch of text with one format."""

    text: str
    bold: bool = False
    tone: Tone | None = None
    """Colour the text by what it means (an arrow that is good or bad news)."""
    link: str = ""
    """An anchor to link to: a ``Heading``'s, or a span's ``anchor`` (a note and its mark)."""
    anchor: str = ""
    """Where links to this span land (a note, or the mark in the text that refers to it)."""
    fill: RatingLevel | None = None
    """Draw the text on this rating's colour (renderers take it from the styles, with black
    or white text, whichever contrasts more)."""


Spans = tuple[Span, ...]

DECORATIVE_MARKS = "\u25b2\u25bc\u25ba"
"""Marks the layout prints only beside words that say the same (the travel arrows: "▲ up,
worse"): both renderers draw them and keep them from screen readers, which would otherwise read
"black up-pointing triangle, up, worse"."""


def plain(text: str) -> Spans:
    """Spans holding one unformatted run of text."""
    return (Span(text),)


@dataclass(frozen=True)
class Heading:
    """A heading; its anchor is what links and the outline point at."""

    level: int
    """1 for a priority or front-matter section, 2 for a page, 3 within a page."""
    text: str
    anchor: str
    cover: bool = False
    """The report's title on its cover: drawn in the title style, a level-1 heading to readers."""


class ParagraphStyle(Enum):
    """The kinds of paragraph the report uses."""

    BODY = "body"
    LEAD = "lead"
    """A larger opening statement (the comparison statement, a status summary)."""
    NOTE = "note"
    """Footnotes and the source line: smaller, grey."""
    TITLE = "title"
    SUBTITLE = "subtitle"


@dataclass(frozen=True)
class Paragraph:
    spans: Spans
    style: ParagraphStyle = ParagraphStyle.BODY
    note: str = ""
    """A footnote's id (its anchor): the PDF tags the paragraph as a Note with this /ID."""


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[int, Spans], ...]
    """(level, text) per item; level 1 is a bullet, 2 a sub-bullet."""


class Align(Enum):
    LEFT = "left"
    RIGHT = "right"
    CENTRE = "centre"


@dataclass(frozen=True)
class Cell:
    spans: Spans
    align: Align = Align.LEFT
    row_span: int = 1
    """Rows this cell covers (the summary's priority cell); the covered cells are omitted."""
    col_span: int = 1
    """Columns this cell covers; the covered cells are omitted."""
    row_header: bool = False
    """A cell that heads its row (for screen readers)."""
    fill: RatingLevel | None = None
    """Fill the cell with this rating's colour, its text black or white to contrast with it."""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class Table:
    """A table with header rows that repeat on every page."""

    caption: str
    """A title that makes the table usable on its own."""
    header: tuple[tuple[Cell, ...], ...]
    """Header rows; the first may group columns with ``col_span``."""
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    """Relative column widths."""
    row_groups: tuple[int, ...] = ()
    """Row indexes that start a new group (e.g. a new priority): drawn with a stronger rule."""


@dataclass(frozen=True)
class Series:
    """One line or set of bars in a chart."""

    name: str
    values: tuple[float | None, ...]
    """One value per category; None where not available."""
    colour: int | None = None
    """Its place in the report's series colours (``layout.series_colours``: a series keeps its
    colour on every page); None: by its place in the chart."""


class ChartKind(Enum):
    LINE = "line"
    """Series over periods (actuals against benchmark)."""
    RANKING = "ranking"
    """Areas as bars, sorted, with the own area highlighted."""
    BARS = "bars"
    """Categories as bars (counts such as RAG ratings, paired survey results)."""
    XMR = "xmr"
    """An XmR (SPC) chart: one series over periods with its mean and process limits as
    reference lines and a mark per point (``marks``); ``trial`` for trial limits."""
    FUNNEL = "funnel"
    """A funnel plot: each area's rate (the series, one value per area in ``categories``)
    against its population (``x_values``), the group's rate as a reference line and the limits
    as ``curves`` over ``curve_x``; the own area is ``highlight``."""


class Mark(Enum):
    """What one point of an XmR chart says, for the measure's polarity."""

    COMMON_CAUSE = "common cause"
    IMPROVEMENT = "improvement"
    CONCERN = "concern"
    NEUTRAL = "neutral"
    """Special cause on a measure with no better direction."""


@dataclass(frozen=True)
class Chart:
    """What a chart shows; ``charts`` draws it. Equal charts are drawn once."""

    kind: ChartKind
    title: str
    """An active title that says what the chart shows."""
    categories: tuple[str, ...]
    """Periods (line) or area/category names (bars)."""
    series: tuple[Series, ...]
    y_label: str
    """The value axis label, with units."""
    highlight: int | None = None
    """The category to pick out (the own area in a ranking)."""
    reference_lines: tuple[tuple[str, float], ...] = ()
    """Labelled horizontal (or, for rankings, vertical) lines: group average and limits."""
    percent: bool = False
    """Whether values are percentages (axis formatted with %)."""
    decimals: int | None = None
    """Decimal places for the values printed on the chart, as in the tables; None: as few as
    show every value."""
    inverted: bool = False
    """Whether the value axis runs downwards (a position over time: 1st at the top, so a rank
    that improves is a line that rises)."""
    intervals: tuple[tuple[float, float] | None, ...] = ()
    """A line or XmR chart's confidence interval per value of its first series (None where not
    known); empty where none is known: drawn as error bars on a line chart."""
    interval_name: str = ""
    """What the error bars are, for the chart's key: '95% confidence interval'."""
    times: tuple[tuple[float, float], ...] = ()
    """A line chart on a time axis: the stretch of time each category's figures cover, (start,
    end) in months from the start of the earliest; each is drawn at its middle. Empty: the
    categories are evenly spaced, each period straight after the one before."""
    lines: tuple[tuple[int, ...], ...] = ()
    """On a time axis, the runs of categories that the lines join (figures of one length, one
    after the other); a figure in none is drawn on its own."""
    apart: tuple[int, ...] = ()
    """On a time axis, the categories whose figures cover another length of time than the
    latest's (a year among quarters): each drawn as a bar across its stretch of ``times``."""
    marks: tuple[Mark, ...] = ()
    """An XmR chart's mark per point of its series."""
    trial: bool = False
    """An XmR chart's limits are trial limits (fewer than 13 points)."""
    x_values: tuple[float, ...] = ()
    """A funnel plot's population per area."""
    curve_x: tuple[float, ...] = ()
    """A funnel plot's populations at which its curves are given."""
    curves: tuple[Series, ...] = ()
    """A funnel plot's limit curves, one value per ``curve_x`` (95% and 99.8%, lower and upper)."""


@dataclass(frozen=True)
class FigureBlock:
    """A chart in the document."""

    chart: Chart
    alt: str
    """Alt text written from the data, the same in both documents."""
    caption: str
    """Printed under the chart: measure, periods and source."""


@dataclass(frozen=True)
class Callout:
    """A boxed panel of short lines (the polarity panel, the key)."""

    lines: tuple[Spans, ...]


@dataclass(frozen=True)
class PageBreak:
    """Start a new page; ``landscape`` sets the orientation from here until the next break."""

    landscape: bool = False


@dataclass(frozen=True)
class Contents:
    """The contents list: each entry links to its heading."""

    entries: tuple[tuple[int, str, str], ...]
    """(level, text, anchor) per entry."""


@dataclass(frozen=True)
class KeepTogether:
    """Blocks that must not be split across pages (a heading with what follows it)."""

    blocks: tuple[Block, ...]


Block = (
    Heading
    | Paragraph
    | BulletList
    | Table
    | FigureBlock
    | Callout
    | PageBreak
    | Contents
    | KeepTogether
)


@dataclass(frozen=True)
class Document:
    """The whole report, ready to draw."""

    title: str
    subject: str
    author: str
    language: str
    """A BCP 47 tag: ``en-GB``."""
    running_head: str
    """Partnership, title and period, for the page header."""
    blocks: tuple[Block, ...] = field(default=())

    @property
    def charts(self) -> tuple[Chart, ...]:
        """Every distinct chart, in document order."""
        seen: dict[Chart, None] = {}

        def visit(blocks: tuple[Block, ...]) -> None:
            for block in blocks:
                if isinstance(block, FigureBlock):
                    seen.setdefault(block.chart)
                elif isinstance(block, KeepTogether):
                    visit(block.blocks)

        visit(self.blocks)
        return tuple(seen)
