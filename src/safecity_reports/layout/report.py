"""The whole report laid out once: front matter, the summary table, and a section per priority."""

from __future__ import annotations

from datetime import date

from safecity_reports.core.model import KeyAction, Measure, Report, Unit
from safecity_reports.core.status import Direction, Judgement, MeasureStatus, comparison_period
from safecity_reports.layout.document import (
    Align,
    Block,
    Callout,
    Cell,
    Contents,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Span,
    Table,
    Tone,
    plain,
)
from safecity_reports.layout.measure_page import page_blocks
from safecity_reports.layout.names import shared_title
from safecity_reports.layout.narrative import ARROWS, travel_spans, value_text
from safecity_reports.layout.pages import Page, plan_pages

SUMMARY_ANCHOR = "summary"
KEY_ANCHOR = "how-to-read"


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _key() -> list[Block]:
    lines = (
        (
            Span(ARROWS[Direction.UP], bold=True),
            Span(" up: the figure rose since the previous period"),
        ),
        (Span(ARROWS[Direction.DOWN], bold=True), Span(" down: the figure fell")),
        (
            Span(ARROWS[Direction.SAME], bold=True),
            Span(" no change: the figure is the same as printed"),
        ),
        (
            Span("better", bold=True, tone=Tone.GOOD),
            Span(" or "),
            Span("worse", bold=True, tone=Tone.BAD),
            Span(
                ": whether the change is good or bad news for that measure, given its preferred direction"
            ),
        ),
        (Span("n/a: no figure to compare, or no measure for the action"),),
    )
    return [
        Heading(1, "How to read this report", KEY_ANCHOR),
        Paragraph(
            plain(
                "Each measure shows its latest figure against the previous period. The arrow gives the "
                "direction of travel and the words beside it say whether that is better or worse; "
                "colour repeats what the words say and is never the only guide."
            )
        ),
        Callout(lines),
    ]


_GLANCE = (
    ("Better", Judgement.IMPROVING),
    ("Worse", Judgement.WORSENING),
    ("No change", Judgement.NO_CHANGE),
    ("Not judged", Judgement.NOT_JUDGED),
)


def at_a_glance(report: Report, statuses: dict[str, MeasureStatus]) -> Table:
    """How many measures of each priority got better or worse since the comparison period."""
    header = (Cell(plain("Priority")),) + tuple(Cell(plain(w), Align.RIGHT) for w, _ in _GLANCE)
    rows = []
    totals = [0] * len(_GLANCE)
    for priority in report.priorities:
        counts = [
            sum(statuses[m.id].judgement is j for a in priority.actions for m in a.measures)
            for _, j in _GLANCE
        ]
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        rows.append(
            (Cell(plain(priority.name), row_header=True),)
            + tuple(Cell(plain(str(c)), Align.RIGHT) for c in counts)
        )
    rows.append(
        (Cell((Span("All measures", bold=True),), row_header=True),)
        + tuple(Cell((Span(str(t), bold=True),), Align.RIGHT) for t in totals)
    )
    return Table(
        f"Measures by direction of travel, {report.settings.period}",
        (header,),
        tuple(rows),
        (5.0, 1.2, 1.2, 1.2, 1.2),
    )


def _measure_label(measure: Measure, status: MeasureStatus) -> str:
    if status.stated_otherwise and status.previous and status.current:
        periods = f"{status.previous.period} to {status.current.period}"
        frequency = measure.frequency.value
        return f"{measure.name} ({frequency}: {periods})"
    return measure.name


def _summary_value(measure: Measure, observation: object, report: Report) -> str:
    if observation is None:
        return ""
    text = value_text(measure, observation.actual)  # type: ignore[attr-defined]
    rankings = [r for r in report.rankings if r.measure_id == measure.id]
    if measure.unit is Unit.RANK and rankings and text and text != "n/a":
        text += f" of {len(max(rankings, key=lambda r: r.period).areas)}"
    return text


def _summary_rows(
    report: Report, statuses: dict[str, MeasureStatus], anchors: dict[str, str]
) -> tuple[tuple[tuple[Cell, ...], ...], tuple[int, ...]]:
    rows: list[tuple[Cell, ...]] = []
    starts: list[int] = []
    for priority in report.priorities:
        starts.append(len(rows))
        span = sum(max(1, len(a.measures)) for a in priority.actions)
        for index, action in enumerate(priority.actions):
            lines = _action_rows(action, report, statuses, anchors)
            if index == 0 and lines:
                lines[0] = (Cell(plain(priority.name), row_span=span, row_header=True), *lines[0])
            rows.extend(lines)
    return tuple(rows), tuple(starts[1:])


def _action_rows(
    action: KeyAction, report: Report, statuses: dict[str, MeasureStatus], anchors: dict[str, str]
) -> list[tuple[Cell, ...]]:
    link = anchors.get(action.measures[0].id if action.measures else action.id, "")
    text = Cell((Span(action.text),), row_span=max(1, len(action.measures)))
    agency = Cell(plain(action.lead_agency), row_span=max(1, len(action.measures)))
    if not action.measures:
        return [
            (
                Cell((Span(action.id, link=link),)),
                text,
                agency,
                Cell(plain("n/a")),
                Cell(plain("")),
                Cell(plain("")),
                Cell(plain("")),
            )
        ]
    rows = []
    for index, measure in enumerate(action.measures):
        status = statuses[measure.id]
        cells = [Cell((Span(measure.id, link=anchors.get(measure.id, "")),))]
        if index == 0:
            cells += [text, agency]
        cells += [
            Cell(plain(_measure_label(measure, status))),
            Cell(plain(_summary_value(measure, status.previous, report)), Align.RIGHT),
            Cell(plain(_summary_value(measure, status.current, report)), Align.RIGHT),
            Cell(travel_spans(status.direction, status.judgement)),
        ]
        rows.append(tuple(cells))
    return rows


def summary_table(
    report: Report, statuses: dict[str, MeasureStatus], anchors: dict[str, str]
) -> Table:
    """The summary: priority, action, lead agency, measure, previous, current and travel."""
    header = tuple(
        Cell(plain(text), Align.RIGHT if text in ("Previous", "Current") else Align.LEFT)
        for text in (
            "Priority",
            "Action",
            "Key action",
            "Lead agency",
            "Measure",
            "Previous",
            "Current",
            "Travel",
        )
    )
    rows, groups = _summary_rows(report, statuses, anchors)
    return Table(
        f"Summary of performance, {report.settings.period}",
        (header,),
        rows,
        (1.8, 0.95, 4.4, 1.9, 4.2, 1.4, 1.4, 1.85),
        row_groups=groups,
    )


def _page_title(page: Page) -> str:
    if not page.measures:
        return page.action.heading or page.action.text
    return shared_title(tuple(m.name for m in page.measures))


def build_document(report: Report, statuses: dict[str, MeasureStatus], today: date) -> Document:
    """Lay out the report: every fact of the workbook, in the order a board member reads it."""
    settings = report.settings
    plan = plan_pages(report)
    anchors = {}
    for _, pages in plan:
        for page in pages:
            for key in [m.id for m in page.measures] or [page.action.id]:
                anchors[key] = page.anchor

    comparison = comparison_period(settings)
    report_date = settings.report_date or today
    # the period is printed once: not again after a title that holds it
    dated = str(settings.period) in settings.title
    front: list[Block] = [
        Heading(1, settings.partnership, "cover", cover=True),
        Paragraph(
            plain(settings.title if dated else f"{settings.title}: {settings.period}"),
            ParagraphStyle.SUBTITLE,
        ),
        Paragraph(
            plain(
                f"Published {_long_date(report_date)}"
                + (f" by {settings.author}" if settings.author else "")
            )
        ),
        Paragraph(
            plain(
                f"Comparisons are between {comparison} and {settings.period} unless stated otherwise."
            ),
            ParagraphStyle.LEAD,
        ),
    ]
    front += [Paragraph(plain(note), ParagraphStyle.NOTE) for note in settings.footnotes]
    if report.measures:
        front.append(at_a_glance(report, statuses))

    entries: list[tuple[int, str, str]] = [
        (1, "How to read this report", KEY_ANCHOR),
        (1, "Summary", SUMMARY_ANCHOR),
    ]
    body: list[Block] = []
    for priority, pages in plan:
        anchor = f"priority-{priority.id}"
        title = f"Priority {priority.id}: {priority.name}"
        entries.append((1, title, anchor))
        body.append(PageBreak())
        body.append(Heading(1, title, anchor))
        for index, page in enumerate(pages):
            heading = f"{page.label} {_page_title(page)}"
            entries.append((2, heading, page.anchor))
            if index:
                body.append(PageBreak())
            body.append(Heading(2, heading, page.anchor))
            body.extend(page_blocks(page, statuses, report))

    blocks: list[Block] = [
        *front,
        *_key(),
        PageBreak(),
        Heading(1, "Contents", "contents"),
        Contents(tuple(entries)),
        PageBreak(landscape=True),
        Heading(1, "Summary", SUMMARY_ANCHOR),
        summary_table(report, statuses, anchors),
        *body,
    ]
    # the first priority's page break returns to portrait after the landscape summary
    first_break = blocks.index(body[0]) if body else -1
    if first_break >= 0:
        blocks[first_break] = PageBreak(landscape=False)
    running_head = f"{settings.partnership} | {settings.title}"
    running_head += "" if dated else f" | {settings.period}"
    return Document(
        title=f"{settings.partnership}: {settings.title}"
        + ("" if dated else f", {settings.period}"),
        subject=f"Performance against the partnership's priorities, {settings.period}",
        author=settings.author or settings.partnership,
        language="en-GB",
        running_head=running_head,
        blocks=tuple(blocks),
    )
