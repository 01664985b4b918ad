"""The compact layout: measures with only one or two figures and no commentary share one table
per priority instead of a page each (Settings' Layout; 'Tables only' puts every measure there).

A page of its own for a measure with two annual figures repeats the same two numbers in a
sentence, a chart and a table. In the table each such measure is one row: its previous and
current figures, the change and its meaning, what is compared, the group's facts where the
workbook gives them, and notes saying everything the page's sentences would have said beyond
the comparison (why nothing is compared, the baseline, the benchmark, the target). The
commentary of the pages it replaces follows the table.
"""

from __future__ import annotations

from dataclasses import replace

from safecity_reports.core.compact import fits_a_table
from safecity_reports.core.groups import group_phrase
from safecity_reports.core.model import (
    CompareWith,
    FigureKind,
    Measure,
    PageLayout,
    Report,
)
from safecity_reports.core.status import Direction, MeasureStatus
from safecity_reports.core.verdicts import Verdicts
from safecity_reports.layout.document import (
    Align,
    Block,
    Cell,
    Heading,
    Paragraph,
    ParagraphStyle,
    Span,
    Spans,
    Table,
    plain,
)
from safecity_reports.layout.measure_page import commentary_blocks
from safecity_reports.layout.names import commentary_heading, shared_tail
from safecity_reports.layout.narrative import (
    NOT_STATED_NOTE,
    baseline_sentence,
    benchmark_sentence,
    change_sentence,
    late_sentence,
    target_sentence,
    travel_spans,
    value_text,
    year_sentence,
)
from safecity_reports.layout.pages import Page
from safecity_reports.layout.printed_change import printed_note, printed_spans
from safecity_reports.layout.summary_columns import (
    COLUMNS,
    HEADERS,
    NO_FIGURE,
    NOT_APPLICABLE,
    change_spans,
    facts_for,
)
from safecity_reports.layout.table_notes import owner, tidied
from safecity_reports.layout.units import named

COMPACT_HEADERS = {"Distance from group average": "Distance"}
"""Shorter headers in the table than in the summary, where the note under the table says what
they mean ('the distance is from the group average, in per cent of it')."""
GROUP_COLUMNS = ("Group position", "Distance from group average", "Rank")
"""The summary's group columns, shown in the table where any of its measures has group facts."""


def in_table(page: Page, report: Report) -> bool:
    """Whether the page's measures go into their priority's table rather than onto a page.

    Never for a narrative action, a measure with a full comparison group (its chart is the
    point), figures for several areas, or an action's key figures. Automatic: only a page with
    no commentary whose every measure has one or two figures of the partnership's own; Tables
    only: every other page, its commentary printed after the table.
    """
    layout = report.settings.layout
    if layout is PageLayout.PAGES or not page.measures:
        return False
    if any(f.action_id == page.action.id for f in report.figures):
        return False
    if layout is PageLayout.AUTOMATIC and page.commentary:
        return False
    return all(fits_a_table(report, measure) for measure in page.measures)


def _notes(status: MeasureStatus, mark_untested: bool = False) -> str:
    """What the page's sentences say beyond the previous and current figures and the change,
    worded as the row's Travel is (``mark_untested``: some change in the report was tested)."""
    parts = [late_sentence(status)]
    if status.previous is None or status.direction is Direction.NOT_AVAILABLE:
        parts.append(change_sentence(status, mark_untested))  # why nothing is compared
    parts += [
        year_sentence(status, mark_untested),
        baseline_sentence(status),
        benchmark_sentence(status),
        target_sentence(status),
    ]
    parts.append(printed_note(status))
    measure = status.measure
    if measure.kind is FigureKind.NOT_STATED:
        parts.append(NOT_STATED_NOTE)
    # both figures' notes, each with its period: the previous figure's is not the current one's
    for observation in (status.previous, status.current):
        if observation is not None and observation.note:
            parts.append(f"{observation.period}: {observation.note.rstrip('.')}.")
    if measure.notes:
        parts.append(measure.notes.rstrip(".") + ".")
    return " ".join(p for p in parts if p)


def _periods(statuses: list[MeasureStatus]) -> tuple[str, str] | None:
    """The previous and current periods where every row compares the same two; else None."""
    pairs = {
        (s.previous.period.label, s.current.period.label)
        for s in statuses
        if s.previous is not None and s.current is not None
    }
    everyone = all(s.previous is not None and s.current is not None for s in statuses)
    return next(iter(pairs)) if everyone and len(pairs) == 1 else None


def _figure(measure: Measure, status: MeasureStatus, which: str, dated: bool) -> str:
    observation = status.previous if which == "previous" else status.current
    if observation is None:
        return NO_FIGURE
    text = value_text(measure, observation.actual)
    return f"{text} ({observation.period})" if dated else text


def _basis(status: MeasureStatus) -> str:
    if status.previous is None:
        return "not compared"
    if status.basis is CompareWith.SAME_PERIOD_A_YEAR_EARLIER:
        return "same period a year earlier"
    return "previous period"


NO_BREAK = "\u00a0"
"""The space a line never breaks at (both renderers' columns keep such a word whole)."""


ONE_LINE_NAME = 6.0
"""The measure's column's share against 1 for each figure's column, where the figures' cells
are kept on one line (the renderers widen those to their words and the names take the rest)."""


def _one_line(spans: Spans) -> Spans:
    """``spans`` that no renderer breaks across lines: '+3.12 (+17.4%)', '▲ up, worse' each
    read at a glance on one line of its row, the column as wide as it needs (``render/columns``
    gives a column its longest word)."""
    return tuple(replace(s, text=s.text.replace(" ", NO_BREAK)) for s in spans)


def _in_header(unit: str) -> str:
    """A unit as the header's words in brackets say it: 'Rate per 1,000' -> 'rate per 1,000';
    an abbreviation ('ASB incidents') as typed."""
    return unit if unit[1:2].isupper() else unit[:1].lower() + unit[1:]


def compact_table(
    measures: tuple[Measure, ...], verdicts: Verdicts, report: Report, title: str
) -> Table:
    """One row per measure: previous, current, change, direction, basis, group facts, notes."""
    rows_status = [verdicts.of(m.id).status for m in measures]
    periods = _periods(rows_status)
    grouped = [
        COLUMNS[name] for name in GROUP_COLUMNS if any(verdicts.of(m.id).standing for m in measures)
    ]
    # a unit every name ends with is said once, in the header: one line a row, not three
    names = [named(m) for m in measures]
    tail = shared_tail(names)
    if tail:
        names = [name[: name.rindex(" - ")].strip() for name in names]
    header = (
        Cell(plain(f"Measure ({_in_header(tail)})" if tail else "Measure")),
        Cell(plain(periods[0] if periods else "Previous"), Align.RIGHT),
        Cell(plain(periods[1] if periods else "Current"), Align.RIGHT),
        Cell(plain("Change"), Align.RIGHT),
        Cell(plain("Travel")),
        *(() if periods else (Cell(plain("Compared with")),)),
        *(
            Cell(plain(COMPACT_HEADERS.get(c.name, HEADERS.get(c.name, c.name))), c.align)
            for c in grouped
        ),
        Cell(plain("Notes")),
    )
    notes = [_notes(s, verdicts.tested_any) for s in rows_status]
    noted = any(notes)  # a Notes column only where some measure has something to note
    if not noted:
        header = header[:-1]
    # the figures' cells on one line where no Notes or Compared with column needs the width
    whole = _one_line if periods and not noted else (lambda spans: spans)
    rows = []
    for measure, name, status, note in zip(measures, names, rows_status, notes, strict=True):
        facts = facts_for(report, verdicts.of(measure.id), verdicts.tested_any)
        before, after = status.previous, status.current
        change = (
            change_spans(measure, before.actual, after.actual)
            if before is not None and after is not None
            else plain(NO_FIGURE)
        ) + printed_spans(status)
        rows.append(
            (
                Cell(plain(f"{measure.id} {name}"), row_header=True),
                Cell(plain(_figure(measure, status, "previous", not periods)), Align.RIGHT),
                Cell(plain(_figure(measure, status, "current", not periods)), Align.RIGHT),
                Cell(whole(change), Align.RIGHT),
                Cell(
                    whole(
                        travel_spans(
                            status.direction,
                            status.judgement,
                            status.test is not None,
                            verdicts.tested_any,
                        )
                    )
                ),
                *(() if periods else (Cell(plain(_basis(status))),)),
                *(
                    Cell(
                        whole(c.cell(facts)) if c.name == "Group position" else c.cell(facts),
                        c.align,
                    )
                    for c in grouped
                ),
                *((Cell(plain(note or NOT_APPLICABLE)),) if noted else ()),
            )
        )
    widths = (
        (3.8, 1.6, 1.6, 1.7, 1.6)
        + (() if periods else (1.6,))
        + tuple(c.width for c in grouped)
        + ((3.6,) if noted else ())
    )
    if whole is _one_line:  # the figures' columns as wide as their cells, the names the rest
        widths = (ONE_LINE_NAME,) + (1.0,) * (len(widths) - 1)
    return Table(title, (header,), tuple(rows), widths)


def compact_blocks(
    label: str,
    anchor: str,
    pages: tuple[Page, ...],
    verdicts: Verdicts,
    report: Report,
    heading: bool = True,
) -> list[Block]:
    """The heading (where ``heading``: else the priority's heading heads the table, and holds
    ``anchor``), the table of the pages' measures, their sources and their commentary."""
    measures = tuple(m for page in pages for m in page.measures)
    period = report.settings.period
    caption = f"{label}, {period}"
    # its repeated notes said once, under it (table_notes)
    table, notes = tidied(compact_table(measures, verdicts, report, caption), owner(caption))
    # a header's '[note 1]' on one line, never '[note' over '1]'
    header = tuple(
        tuple(
            replace(cell, spans=(*cell.spans[:-1], *_one_line(cell.spans[-1:])))
            if cell.spans and cell.spans[-1].link
            else cell
            for cell in row
        )
        for row in table.header
    )
    table = replace(table, header=header)
    blocks: list[Block] = [*([Heading(2, label, anchor)] if heading else []), table, *notes]
    standings = [standing for m in measures if (standing := verdicts.of(m.id).standing) is not None]
    groups = list(dict.fromkeys((group_phrase(s), str(s.period)) for s in standings))
    if groups:
        against = "; ".join(f"{name}, {when}" for name, when in groups)
        blocks.append(
            Paragraph(
                plain(
                    f"Group position, distance and rank are against {against}. The position"
                    " is against the group's normal range; the distance is from the group"
                    " average, in per cent of it."
                ),
                ParagraphStyle.NOTE,
            )
        )
    sources = list(dict.fromkeys(m.source for m in measures if m.source))
    if sources:
        blocks.append(
            Paragraph(
                plain(f"Source{'s' if len(sources) > 1 else ''}: {'; '.join(sources)}."),
                ParagraphStyle.NOTE,
            )
        )
    for page in pages:
        if page.commentary:
            level = 3 if heading else 2  # under the table's heading, or the priority's
            blocks.append(Heading(level, commentary_heading(page), f"{page.anchor}-commentary"))
            action = page.action
            if action.text:
                lead = (Span("Lead: ", bold=True), Span(action.lead_agency))
                blocks.append(
                    Paragraph(
                        (
                            Span("Key action: ", bold=True),
                            Span(f"{action.text} "),
                            *(lead if action.lead_agency else ()),
                        ),
                        ParagraphStyle.NOTE,
                    )
                )
            blocks.extend(commentary_blocks(page.commentary))
    return blocks
