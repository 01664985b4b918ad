"""The whole report laid out once: front matter, the summary table, and a section per priority."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from safecity_reports.core import symbols
from safecity_reports.core.model import CompareWith, KeyAction, Measure, Priority, Report
from safecity_reports.core.ratings import rating_for
from safecity_reports.core.status import MeasureStatus, comparison_period
from safecity_reports.core.targets import TargetStatus
from safecity_reports.core.verdicts import Verdicts
from safecity_reports.layout.area_pages import area_sections
from safecity_reports.layout.compact import compact_blocks, in_table
from safecity_reports.layout.document import (
    Align,
    Block,
    Cell,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Span,
    Table,
    plain,
)
from safecity_reports.layout.exceptions import ANCHOR as EXCEPTIONS_ANCHOR
from safecity_reports.layout.exceptions import exceptions_blocks
from safecity_reports.layout.folded import folded_main_points
from safecity_reports.layout.front_matter import assemble, front_matter, wants_contents
from safecity_reports.layout.glance import (
    at_a_glance,
    counting_sentence,
    counts_in_words,
    testing_words,
)
from safecity_reports.layout.main_points import main_points_blocks, states_tests
from safecity_reports.layout.measure_page import page_blocks
from safecity_reports.layout.names import full_name, shared_title, table_title
from safecity_reports.layout.overview import area_notes, overview_table
from safecity_reports.layout.pages import Page, plan_pages
from safecity_reports.layout.publication import publication_blocks
from safecity_reports.layout.rated_only import short, with_rating_columns
from safecity_reports.layout.reading_guide import KEY_ANCHOR, reading_guide
from safecity_reports.layout.revisions import revisions_annex
from safecity_reports.layout.series_colours import with_series_colours
from safecity_reports.layout.summary_columns import (
    SummaryColumn,
    chosen_columns,
    column_header,
    facts_for,
    rating_fill,
    rating_spans,
)
from safecity_reports.layout.symbol_key import with_symbol_key
from safecity_reports.layout.table_notes import tidy_tables
from safecity_reports.layout.themes import stated_columns
from safecity_reports.layout.units import named
from safecity_reports.styles import load_styles

SUMMARY_ANCHOR = "summary"


def comparison_statement(report: Report, verdicts: Verdicts) -> str:
    """The front page's sentence on what is compared with what, from the comparisons the
    pages actually make: never a comparison that no page makes."""
    period = report.settings.period
    if not any(m.observations for m in report.measures) and report.ratings:
        return (
            f"This report gives each measure's rating for {period} as its rater gave it;"
            " it holds no figures to compare."
        )
    current = [v.status for v in verdicts.counted() if v.status.up_to_date]
    compared = [s for s in current if s.previous is not None and s.current is not None]
    if not current:
        return (
            f"No measure has a figure for {period}, so this report makes no comparisons for"
            " it; each page gives the latest figure it has, with its period."
        )
    if not compared:
        return (
            f"No measure has an earlier figure to compare with its figure for {period}, so this"
            " report makes no comparisons."
        )
    bases = {s.basis for s in compared}
    previous = f"between {comparison_period(report.settings)} and {period}"
    if bases == {CompareWith.PREVIOUS_PERIOD}:
        return f"Comparisons are {previous} unless stated otherwise."
    if bases == {CompareWith.SAME_PERIOD_A_YEAR_EARLIER}:
        return (
            f"Each figure for {period} is compared with the same period a year earlier"
            " unless stated otherwise."
        )
    return (
        f"Comparisons are {previous}, and for year-to-date and rolling 12-month figures with"
        " the same period a year earlier, unless stated otherwise."
    )


def _measure_label(measure: Measure, status: MeasureStatus) -> str:
    if status.late and status.previous is None and status.current:
        return f"{named(measure)} (latest figure: {status.current.period})"
    if status.stated_otherwise and status.previous and status.current:
        periods = f"{status.previous.period} to {status.current.period}"
        if measure.frequency is None:
            return f"{named(measure)} ({periods})"
        return f"{named(measure)} ({measure.frequency.value}: {periods})"
    return named(measure)


NO_MEASURE = symbols.NOT_APPLICABLE
"""What a figure column of an action without a measure says: there is no figure to give."""


def missed_key_figures(verdicts: Verdicts, action_id: str) -> str:
    """'; a key figure missed its target' after 'no measure' in the row's verdict column, where
    the action's page shows one (so that the summary never reads as though there were nothing
    to say)."""
    missed = [
        f for f, status in verdicts.key_figures.get(action_id, ()) if status is TargetStatus.MISSED
    ]
    if not missed:
        return ""
    if len(missed) == 1:
        return "; a key figure missed its target"
    return f"; {len(missed)} key figures missed their targets"


def _priority_rows(
    priority: Priority,
    report: Report,
    verdicts: Verdicts,
    anchors: dict[str, str],
    columns: tuple[SummaryColumn, ...],
    stated: tuple[bool, bool],
) -> tuple[tuple[tuple[Cell, ...], ...], tuple[int, ...]]:
    """A priority's rows, a row per measure (per action where it has none), and the rows that
    start a new action. Every cell is filled in: an action's text and lead agency repeat on
    each of its measures' rows, as a reader moving along any one row needs them."""
    rows: list[tuple[Cell, ...]] = []
    starts: list[int] = []
    for action in priority.actions:
        starts.append(len(rows))
        rows.extend(_action_rows(action, report, verdicts, anchors, columns, stated))
    return tuple(rows), tuple(starts[1:])


def _action_rows(
    action: KeyAction,
    report: Report,
    verdicts: Verdicts,
    anchors: dict[str, str],
    columns: tuple[SummaryColumn, ...],
    stated: tuple[bool, bool],
) -> list[tuple[Cell, ...]]:
    link = anchors.get(action.measures[0].id if action.measures else action.id, "")
    text = Cell(plain(f"{action.id} {action.text}" if action.text else "no key action"))
    agency = Cell(plain(action.lead_agency or "not given"))
    # a column no action states (measures under themes) is left out, never filled with '-'
    said = tuple(c for c, shown in zip((text, agency), stated, strict=True) if shown)
    if not action.measures:
        rating = rating_for(report, action.id, report.settings.period)
        # a key figure that missed its target is said where the row's verdict is
        missed = missed_key_figures(verdicts, action.id)
        named = {c.name: c for c in columns}
        judged = named.get("Target status") or named.get("Direction") or columns[-1]
        return [
            (
                Cell(
                    (
                        Span(action.id, link=link),
                        Span(f" {action.text}"),
                    ),
                    row_header=True,
                ),
                *said,
                *(
                    Cell(
                        rating_spans(rating, report.settings.period, report.settings.rating_names),
                        fill=rating_fill(rating),
                    )
                    if column.name == "Rating"
                    else Cell(
                        plain(NO_MEASURE + (missed if column is judged else "")), column.align
                    )
                    for column in columns
                ),
            )
        ]
    rows = []
    for measure in action.measures:
        verdict = verdicts.of(measure.id)
        status = verdict.status
        facts = facts_for(report, verdict, verdicts.tested_any)
        name = Cell(
            (
                Span(measure.id, link=_elsewhere(anchors.get(measure.id, ""))),
                Span(f" {_measure_label(measure, status)}"),
            ),
            row_header=True,
        )
        cells = [name, *said]
        cells += [column.cell_for(facts) for column in columns]
        rows.append(tuple(cells))
    return rows


def summary_tables(
    report: Report,
    verdicts: Verdicts,
    anchors: dict[str, str],
    tabled: frozenset[str] = frozenset(),
) -> tuple[Table, ...]:
    """The summary, a table per priority named in its caption: the measure (the action, where it
    has none) heads each row, then the key action, its lead agency and the columns Settings
    choose (previous, current and travel by default).

    No cell spans several rows or columns and none is empty, so the table reads the same cell
    by cell as it looks: a priority spanning its rows was heard only on its first row, and was
    the row header of measures it did not name.

    A priority in ``tabled`` (its every measure in its own table) has none here: a table is
    never printed twice."""
    columns = chosen_columns(report.settings.summary_columns)
    stated = stated_columns(report)
    fixed = tuple(
        (text, width)
        for text, width, shown in (
            ("Measure", 5.0 if stated[0] else 7.0, True),
            ("Key action", 4.6, stated[0]),
            ("Lead agency", 2.0, stated[1]),
        )
        if shown
    )
    header = tuple(Cell(plain(text), Align.LEFT) for text, _ in fixed) + tuple(
        Cell(plain(column_header(c, report.settings)), c.align) for c in columns
    )
    tables = []
    for number, priority in enumerate(report.priorities, start=1):
        if priority.id in tabled:
            continue
        rows, groups = _priority_rows(priority, report, verdicts, anchors, columns, stated)
        if not rows:
            continue
        group = (
            priority.name
            if priority.implied
            else f"Priority {priority.id or number}, {priority.name}"
        )
        tables.append(
            Table(
                f"Summary of performance, {report.settings.period}: {group}",
                (header,),
                rows,
                tuple(width for _, width in fixed) + tuple(c.width for c in columns),
                row_groups=groups,
            )
        )
    return tuple(tables)


def _summary(
    report: Report, verdicts: Verdicts, anchors: dict[str, str], tabled: frozenset[str]
) -> list[Block]:
    """The summary table; with several areas, a table per area too (instead of the summary,
    where the partnership itself has no figures). Empty where every priority is in its own
    table."""
    if not verdicts.areas:
        return [*summary_tables(report, verdicts, anchors, tabled)]
    overview = overview_table(report, verdicts, anchors)
    areas = [*([overview] if overview else []), *area_notes(report, verdicts)]
    if verdicts.per_area:
        pages = " and each area has pages of its own" if report.settings.area_pages else ""
        return [
            Paragraph(
                plain(
                    "The figures are for each area: this summary gives every measure for every"
                    f" area, each measure's page compares the areas{pages}."
                )
            ),
            *areas,
        ]
    return [
        *summary_tables(report, verdicts, anchors, tabled),
        Heading(1, "Areas", "areas"),
        *areas,
    ]


def _elsewhere(anchor: str) -> str:
    """A summary row's link: none to the summary itself."""
    return "" if anchor == SUMMARY_ANCHOR else anchor


def _light(page: Page, report: Report) -> bool:
    """A page of measures with no figures of their own and no full group (rated only, or with
    typed group facts only): short, so it follows the page before without a page break."""
    ranked = {r.measure_id for r in report.rankings}
    return bool(page.measures) and all(
        m.id not in ranked and not any(not o.area for o in m.observations) for m in page.measures
    )


def _page_title(page: Page) -> str:
    if not page.measures:
        return page.action.heading or page.action.text
    return shared_title(tuple(full_name(m) for m in page.measures))


def _table_anchor(priority_id: str) -> str:
    return f"table-{priority_id}" if priority_id else "table"


def _table_title(pages: tuple[Page, ...]) -> str:
    """'Measures 1.1 to 1.4b in one table' (or the one measure's name)."""
    return table_title([m for p in pages for m in p.measures])


def _priorities(
    plan: tuple[tuple[Priority, tuple[Page, ...]], ...],
    tabled: set[str],
    verdicts: Verdicts,
    report: Report,
    merged: bool,
) -> tuple[list[tuple[int, str, str]], list[Block]]:
    """Each priority's contents entries and blocks: its heading, its table, its pages. Where
    ``merged`` (a short report, with no contents), a priority that is only its table has no
    second heading: its own heads the table, whose caption says what a second would (issue 25),
    and the commentary after the table is headed a level up."""
    entries: list[tuple[int, str, str]] = []
    body: list[Block] = []
    for priority, pages in plan:
        if not pages:  # every measure said in full in the summary
            continue
        table = tuple(page for page in pages if page.label in tabled)
        pages = tuple(page for page in pages if page.label not in tabled)
        alone = merged and bool(table) and not pages
        anchor = _table_anchor(priority.id) if alone else f"priority-{priority.id}"
        title = priority.name if priority.implied else f"Priority {priority.id}: {priority.name}"
        entries.append((1, title, anchor))
        body.append(PageBreak())
        body.append(Heading(1, title, anchor))
        if table:
            label = _table_title(table)
            if not alone:
                entries.append((2, label, _table_anchor(priority.id)))
            body.extend(
                compact_blocks(
                    label, _table_anchor(priority.id), table, verdicts, report, heading=not alone
                )
            )
        for index, page in enumerate(pages):
            heading = f"{page.label} {_page_title(page)}"
            entries.append((2, heading, page.anchor))
            if index or table:
                previous = pages[index - 1] if index else None
                if not (previous and _light(page, report) and _light(previous, report)):
                    body.append(PageBreak())
            body.append(Heading(2, heading, page.anchor))
            body.extend(page_blocks(page, verdicts, report))
    return entries, body


def build_document(
    report: Report,
    verdicts: Verdicts,
    today: date,
    language: str | None = None,
    rating_names: Mapping[str, str] | None = None,
) -> Document:
    """Lay out the report: every fact of the workbook, in the order a board member reads it,
    every verdict read from ``verdicts`` (``core.verdicts.judge``), none judged again.

    ``language`` is the tag the documents declare (the styles' ``[document] language``); None
    takes the default styles' language. ``rating_names`` gives the name printed for each
    Ratings sheet word (the styles' ``[ratings]``, such as "Red": "Off track"); None takes
    the default styles' names.
    """
    if rating_names is None:
        rating_names = load_styles().rating_names
    named = tuple((word, name) for word, name in rating_names.items() if word != name)
    report = replace(report, settings=replace(report.settings, rating_names=named))
    report = with_rating_columns(report)
    settings = report.settings
    brief = short(report)  # ratings only: the front page and the summary, no pages
    plan = () if brief else plan_pages(report)
    tabled = {page.label for _, pages in plan for page in pages if in_table(page, report)}
    anchors = {}
    for priority, pages in plan:
        for page in pages:
            anchor = _table_anchor(priority.id) if page.label in tabled else page.anchor
            for key in [m.id for m in page.measures] or [page.action.id]:
                anchors[key] = anchor
    for measure in report.measures:  # a measure with no page is said in full in the summary
        anchors.setdefault(measure.id, SUMMARY_ANCHOR)

    # a priority whose every measure is in its own table has no summary table too
    tabled_priorities = frozenset(
        priority.id
        for priority, pages in plan
        if pages and all(page.label in tabled for page in pages)
    )
    summary = _summary(report, verdicts, anchors, tabled_priorities)

    # the period is printed once: not again after a title that holds it
    dated = str(settings.period) in settings.title
    cover: list[Block] = [
        Heading(1, settings.partnership, "cover", cover=True),
        Paragraph(
            plain(settings.title if dated else f"{settings.title}: {settings.period}"),
            ParagraphStyle.SUBTITLE,
        ),
        *publication_blocks(settings, today),
    ]
    points = main_points_blocks(report, verdicts, anchors, exceptions=not brief)
    after: list[Block] = [
        Paragraph(plain(comparison_statement(report, verdicts)), ParagraphStyle.LEAD)
    ]
    after += [Paragraph(plain(note), ParagraphStyle.NOTE) for note in settings.footnotes]
    # a one-row table of counts adds nothing to the same counts in words (issue 25)
    tests_said = states_tests(points)  # not said again under them
    counted = counts_in_words(report, verdicts, tests_said) if report.measures else ""
    if counted:
        after.append(Paragraph(plain(counted)))
    elif report.measures:
        sentence = counting_sentence(report, verdicts, bool(summary), tests_said)
        after.append(Paragraph(plain(sentence)))
        after.append(at_a_glance(report, verdicts))
    front = [*cover, *points, *after]

    entries: list[tuple[int, str, str]] = [
        (1, "How to read this report", KEY_ANCHOR),
        *([(1, "Exceptions", EXCEPTIONS_ANCHOR)] if report.measures else []),
        *([(1, "Summary", SUMMARY_ANCHOR)] if summary else []),
    ]
    body_entries, body = _priorities(plan, tabled, verdicts, report, merged=False)
    area_entries, area_blocks = area_sections(report, verdicts)
    body += area_blocks
    annex_entries, annex = revisions_annex(report)
    guide = reading_guide(report, verdicts, summary=bool(summary), counts_table=not counted)
    summary_part = [Heading(1, "Summary", SUMMARY_ANCHOR), *summary] if summary else []
    if brief:  # nothing to list or turn to: the guide and the summary follow the front page
        blocks = front_matter(front, (guide, tidy_tables(summary_part)), None, [])
    else:
        exceptions = exceptions_blocks(report, verdicts, anchors) if report.measures else []
        no_contents = not wants_contents([*front, *guide, *exceptions], summary_part, body)
        # a short report whose Exceptions would only repeat its main points says them there
        folded = (
            folded_main_points(
                report, verdicts, anchors, chance=not (counted and testing_words(report, verdicts))
            )
            if exceptions and no_contents
            else None
        )
        if folded is not None:
            front = [*cover, *folded, *after]
            exceptions = []
            entries = [e for e in entries if e[2] != EXCEPTIONS_ANCHOR]
        # no contents: a priority that is only its table has no second heading
        if no_contents and any(
            pages and set(p.label for p in pages) <= tabled for _, pages in plan
        ):
            body_entries, merged = _priorities(plan, tabled, verdicts, report, merged=True)
            body = merged + area_blocks
        entries += [*body_entries, *area_entries, *annex_entries]
        blocks = assemble(
            front,
            (guide, exceptions),
            tidy_tables(summary_part),
            tidy_tables(body) + annex,
            tuple(entries),
        )
    running_head = f"{settings.partnership} | {settings.title}"
    running_head += "" if dated else f" | {settings.period}"
    return Document(
        title=f"{settings.partnership}: {settings.title}"
        + ("" if dated else f", {settings.period}"),
        subject=f"Performance against the partnership's priorities, {settings.period}",
        author=settings.author or settings.partnership,
        language=language or load_styles().language,
        running_head=running_head,
        blocks=tuple(with_series_colours(with_symbol_key(blocks))),
    )
