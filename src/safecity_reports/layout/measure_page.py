"""The blocks of one page of a priority's section: polarity panel, status, chart, table, commentary."""

from __future__ import annotations

from dataclasses import replace

from safecity_reports.core import symbols
from safecity_reports.core.areas import in_area
from safecity_reports.core.formatting import Typed, fewest_decimals, format_value, ordinal
from safecity_reports.core.groups import group_key
from safecity_reports.core.model import (
    FigureKind,
    Frequency,
    KeyAction,
    Measure,
    Pair,
    Ranking,
    Report,
    TextBlock,
    Unit,
)
from safecity_reports.core.series import figure_at
from safecity_reports.core.significance import interval, level_words
from safecity_reports.core.status import MeasureStatus, group_position, ranked
from safecity_reports.core.verdicts import Verdicts
from safecity_reports.layout.areas import areas_chart, measure_by_area
from safecity_reports.layout.chart_targets import target_lines
from safecity_reports.layout.document import (
    Align,
    Block,
    BulletList,
    Callout,
    Cell,
    Chart,
    ChartKind,
    FigureBlock,
    Heading,
    KeepTogether,
    Paragraph,
    ParagraphStyle,
    Series,
    Span,
    Table,
    plain,
)
from safecity_reports.layout.funnel_chart import funnel_figure, funnel_sentence
from safecity_reports.layout.key_figures import figures_blocks
from safecity_reports.layout.names import (
    commentary_heading,
    common_head,
    distinct_names,
    full_name,
    parts_apart,
)
from safecity_reports.layout.narrative import (
    NOT_STATED_NOTE,
    active_title,
    chart_alt,
    polarity_lines,
    short_name,
    status_sentences,
    value_text,
)
from safecity_reports.layout.notes import note_mark, note_paragraph
from safecity_reports.layout.pages import Page
from safecity_reports.layout.rank_history import RANK_AXIS, rank_history_blocks
from safecity_reports.layout.spc_chart import variation_sentence, xmr_figure
from safecity_reports.layout.standing import group_sentence, rating_paragraph
from safecity_reports.layout.time_charts import (
    baseline_lines,
    time_axis,
    two_figure_chart,
    year_to_date_chart,
)
from safecity_reports.layout.units import axis_label, named, ranked_by_label


def commentary_blocks(blocks: tuple[TextBlock, ...]) -> list[Block]:
    """Paragraphs and bullet lists from commentary, consecutive bullets gathered into one list."""
    out: list[Block] = []
    bullets: list[tuple[int, tuple[Span, ...]]] = []
    for block in blocks:
        spans = tuple(Span(run.text, bold=run.bold) for run in block.runs)
        if block.level:
            bullets.append((block.level, spans))
            continue
        if bullets:
            out.append(BulletList(tuple(bullets)))
            bullets = []
        out.append(Paragraph(spans))
    if bullets:
        out.append(BulletList(tuple(bullets)))
    return out


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _benchmark_name(measure: Measure) -> str:
    return measure.benchmark_label or "Benchmark"


"""A position's value axis over time: drawn downwards, so that an improving rank rises."""


def series_chart(measure: Measure, status: MeasureStatus, name: str = "") -> FigureBlock | None:
    """Actuals against benchmark over the periods, or a pair's two counts as bars; ``name`` is
    what the title calls the measure (by default its short name)."""
    observations = measure.observations
    if measure.unit is Unit.PAIR:
        pairs = [o for o in observations if isinstance(o.actual, Pair)]
        if not pairs:
            return None
        first, second = _pair_names(measure)
        chart = Chart(
            ChartKind.BARS,
            f"{name or short_name(measure)}: {first.lower()} and {second.lower()} by "
            f"{_noun(measure)}",
            tuple(o.period.label for o in pairs),
            (
                Series(first, tuple(o.actual.first for o in pairs)),  # type: ignore[union-attr]
                Series(second, tuple(o.actual.second for o in pairs)),  # type: ignore[union-attr]
            ),
            axis_label(measure),
        )
        return FigureBlock(chart, _alt(chart, measure), _caption(measure))
    axis, caption = axis_label(measure), _caption(measure)
    by_year = year_to_date_chart(measure, status, axis, caption, name)
    if by_year is not None:  # its categories are months into the year: its own alt text
        return by_year
    pair = two_figure_chart(measure, status, axis, caption, _benchmark_name(measure), name)
    if pair is not None:  # alt text from the chart's own title and shape, as every chart
        return replace(pair, alt=_alt(pair.chart, measure))
    if sum(_number(o.actual) is not None for o in observations) < 2:
        return None
    places = time_axis(observations, measure.kind)
    figures = places.figures
    series = [Series("Actual", tuple(None if o is None else _number(o.actual) for o in figures))]
    benchmarks = tuple(None if o is None else _number(o.benchmark) for o in figures)
    if any(v is not None for v in benchmarks):
        series.append(Series(_benchmark_name(measure), benchmarks))
    rank = measure.unit is Unit.RANK
    limits = tuple(
        None
        if o is None
        else interval(measure, o, status.population, status.confidence, status.dispersion.phi)
        for o in figures
    )
    chart = Chart(
        ChartKind.LINE,
        active_title(status, name),
        places.labels,
        tuple(series),
        RANK_AXIS if rank else axis_label(measure),
        reference_lines=baseline_lines(measure, status) + target_lines(measure),
        percent=measure.unit is Unit.PERCENTAGE,
        decimals=measure.decimals,
        inverted=rank,
        intervals=limits if any(limits) else (),
        interval_name=f"{level_words(status.confidence)} confidence interval"
        if any(limits)
        else "",
        times=places.times,
        lines=places.lines,
        apart=places.apart,
    )
    return FigureBlock(chart, _alt(chart, measure), _caption(measure))


def _alt(chart: Chart, measure: Measure) -> str:
    return chart_alt(chart, lambda v: value_text(measure, v))


def _noun(measure: Measure) -> str:
    frequency = measure.frequency.value if measure.frequency else ""
    return {"Quarterly": "quarter", "Monthly": "month"}.get(frequency, "period")


def _pair_names(measure: Measure) -> tuple[str, str]:
    tail = measure.name.rsplit(" - ", 1)[-1]
    if "/" in tail:
        first, second = (part.strip() for part in tail.split("/", 1))
        return first, second
    return "First", "Second"


def _caption(measure: Measure) -> str:
    return f"Source: {measure.source}" if measure.source else ""


def interval_row(
    measure: Measure, population: float | None, confidence: float, phi: float = 1.0
) -> tuple[Cell, ...] | None:
    """A period table's row of confidence intervals ('29.25 to 30.61'), where the events behind
    at least one figure are known; [x] where they are not for a period. The limits are worked
    out, so they print with all of the measure's decimals."""
    limits = [interval(measure, o, population, confidence, phi) for o in measure.observations]
    if not any(limits):
        return None
    return (
        Cell(plain(f"{level_words(confidence)} confidence interval"), row_header=True),
    ) + tuple(
        Cell(
            plain(
                f"{value_text(measure, Typed(pair[0], measure.decimals))} to "
                f"{value_text(measure, Typed(pair[1], measure.decimals))}"
                if pair
                else symbols.NOT_AVAILABLE
            ),
            Align.RIGHT,
        )
        for pair in limits
    )


def period_table(
    measure: Measure, population: float | None = None, confidence: float = 0.95, phi: float = 1.0
) -> Table | None:
    """The table of periods: a row of actuals (and of benchmarks, of the profiled targets on the
    way to a dated target, and of confidence intervals where the events behind the figures are
    known) under one header row that names each period
    in full ("2016/17 Q2"), so that no header cell spans several columns and each column's header
    says on its own which period it is."""
    observations = measure.observations
    if not observations:
        return None
    numbers = {
        note: i + 1 for i, note in enumerate(dict.fromkeys(o.note for o in observations if o.note))
    }
    marked: set[str] = set()

    def period_cell(label: str, note: str) -> Cell:
        if not note:
            return Cell(plain(label), Align.RIGHT)
        mark = note_mark(measure.id, numbers[note], first=note not in marked)
        marked.add(note)
        return Cell((Span(f"{label} "), mark), Align.RIGHT)

    header = [
        (Cell(plain("Period"), row_header=True),)
        + tuple(period_cell(str(o.period), o.note) for o in observations)
    ]
    rows = [
        (Cell(plain("Actual"), row_header=True),)
        + tuple(
            Cell(plain(value_text(measure, o.actual) or "–"), Align.RIGHT) for o in observations
        )
    ]
    if any(o.benchmark is not None for o in observations):
        rows.append(
            (Cell(plain(_benchmark_name(measure)), row_header=True),)
            + tuple(
                Cell(plain(value_text(measure, o.benchmark) or "–"), Align.RIGHT)
                for o in observations
            )
        )
    dated = measure.target is not None and measure.target_due is not None
    if dated and any(o.profiled_target is not None for o in observations):
        rows.append(
            (Cell(plain("Profiled target"), row_header=True),)
            + tuple(
                Cell(
                    plain(value_text(measure, o.profiled_target) or symbols.NOT_AVAILABLE),
                    Align.RIGHT,
                )
                for o in observations
            )
        )
    intervals = interval_row(measure, population, confidence, phi)
    if intervals is not None:
        rows.append(intervals)
    first, last = observations[0].period, observations[-1].period
    span = str(first) if first == last else f"{first} to {last}"
    caption = f"{full_name(measure)}, {span}"
    if len(observations) > WIDEST_PERIOD_ROW:
        return _periods_down(caption, (*header, *rows))
    widths = (2.2,) + (1.1,) * len(observations)
    return Table(caption, tuple(header), tuple(rows), widths)


WIDEST_PERIOD_ROW = 8
"""Periods a table gives across the page; a longer series (three years of months) has a row
per period instead, or its columns would be too narrow to read."""


def _periods_down(caption: str, across: tuple[tuple[Cell, ...], ...]) -> Table:
    """The table of periods turned on its side: a row per period, headed by the period, and a
    column for each of the across table's rows (actual, benchmark, interval)."""
    columns = list(zip(*across, strict=True))
    header = tuple(
        replace(cell, row_header=False, align=Align.LEFT if n == 0 else Align.RIGHT)
        for n, cell in enumerate(columns[0])
    )
    rows = tuple(
        (replace(cells[0], row_header=True, align=Align.LEFT), *cells[1:]) for cells in columns[1:]
    )
    widths = (2.2,) + tuple(2.6 if "interval" in c.text else 1.6 for c in header[1:])
    return Table(caption, (header,), rows, widths)


def _notes(measure: Measure) -> list[Block]:
    notes = list(dict.fromkeys(o.note for o in measure.observations if o.note))
    blocks: list[Block] = [note_paragraph(measure.id, i + 1, note) for i, note in enumerate(notes)]
    if measure.notes:
        blocks.append(Paragraph(plain(measure.notes), ParagraphStyle.NOTE))
    if measure.kind is FigureKind.NOT_STATED:
        blocks.append(Paragraph(plain(NOT_STATED_NOTE), ParagraphStyle.NOTE))
    return blocks


def ranking_decimals(measure: Measure, ranking: Ranking) -> int:
    """The decimal places a ranking's values print with: the measure's own. A rank measure's
    figure is a position, so its ranking's values (what the areas are ranked by) take as few
    places, up to two, as show every value."""
    if measure.unit is Unit.RANK:
        values = [area.value for area in ranking.areas]
        return max(measure.decimals, fewest_decimals(values, most=2))
    return measure.decimals


def ranking_value_text(measure: Measure, value: float, decimals: int) -> str:
    """A ranking's value as the table, sentence, alt text and chart print it: with ``%`` or
    ``£`` as the measure's figures are, a plain number for rank and pair measures."""
    unit = measure.unit if measure.unit in (Unit.PERCENTAGE, Unit.MONEY) else Unit.COUNT
    return format_value(value, unit, decimals)


def ranking_blocks(measure: Measure, ranking: Ranking, name: str = "") -> list[Block]:
    """A comparison group's ranking as a bar chart (1st at the top) and a table, with the own
    area named; ``name`` is what the chart's title calls the measure."""
    positions = ranked(ranking, measure.polarity)
    decimals = ranking_decimals(measure, ranking)

    def shown(value: float) -> str:
        return ranking_value_text(measure, value, decimals)

    names = tuple(area.area for _, area in positions)
    own = next((i for i, (_, area) in enumerate(positions) if area.is_own_area), None)
    lines = tuple(
        (label, value)
        for label, value in (
            ("Group average", ranking.group_average),
            ("Lower limit", ranking.lower_limit),
            ("Upper limit", ranking.upper_limit),
        )
        if value is not None
    )
    chart = Chart(
        ChartKind.RANKING,
        f"{name or short_name(measure)}: {positions[own][1].area if own is not None else 'our area'} "
        f"is {ordinal(positions[own][0]) if own is not None else 'shown'} of {len(positions)} similar areas",
        names,
        (Series(str(ranking.period), tuple(area.value for _, area in positions)),),
        ranked_by_label(measure) if measure.unit is Unit.RANK else axis_label(measure),
        highlight=own,
        reference_lines=lines,
        percent=measure.unit is Unit.PERCENTAGE,
        decimals=decimals,
    )
    own_text = ""
    if own is not None:
        position, area = positions[own]
        own_text = (
            f" {area.area} is {ordinal(position)} of {len(positions)} with {shown(area.value)}."
        )
        on_funnel = funnel_sentence(measure, ranking)
        where = group_position(ranking)
        if on_funnel:
            own_text += f" {on_funnel}"
        elif where is not None:
            own_text += f" It is {where.value}."
    alt = chart_alt(chart, shown, periods=False)
    table = Table(
        f"{full_name(measure)}: {ranking.group_name or 'comparison group'}, {ranking.period}",
        (
            (
                Cell(plain("Position"), Align.RIGHT),
                Cell(plain("Area")),
                Cell(plain("Value"), Align.RIGHT),
            ),
        ),
        tuple(
            (
                Cell(plain(ordinal(position)), Align.RIGHT),
                Cell(
                    (
                        Span(
                            area.area + (" (our area)" if area.is_own_area else ""),
                            bold=area.is_own_area,
                        ),
                    ),
                    row_header=True,
                ),
                Cell(plain(shown(area.value)), Align.RIGHT),
            )
            for position, area in positions
        ),
        (1.0, 3.0, 1.2),
    )
    lead: list[Block] = (
        [Paragraph(plain(own_text.strip()), ParagraphStyle.LEAD)] if own_text else []
    )
    figures = [titled(FigureBlock(chart, alt, _caption(measure)))]
    funnel = funnel_figure(measure, ranking, _caption(measure), name)
    if funnel is not None:
        figures.append(titled(funnel))
    return [*lead, *figures, table]


def _latest_of_each_group(rankings: list[Ranking]) -> list[Ranking]:
    """The latest ranking of each comparison group, in the order the groups first appear."""
    latest: dict[str, Ranking] = {}
    for ranking in rankings:
        key = group_key(ranking.group_name)
        if key not in latest or latest[key].period < ranking.period:
            latest[key] = ranking
    return list(latest.values())


def measure_blocks(
    measure: Measure,
    verdicts: Verdicts,
    report: Report,
    in_group: bool,
    with_chart: bool = True,
    name: str = "",
) -> list[Block]:
    """Everything about one measure, except the page's commentary; ``name`` is what its chart's
    title calls it (one no other measure on the page shares)."""
    blocks: list[Block] = []
    heading = (
        Heading(3, f"{measure.id} {named(measure)}", f"measure-{measure.id}") if in_group else None
    )
    reporting = report.settings.period
    facts = verdicts.of(measure.id)  # read, never judged again here
    status = facts.status
    rankings = [r for r in report.rankings if r.measure_id == measure.id]
    own_figures = [o for o in measure.observations if not o.area]
    lead: list[Block] = []
    if own_figures or rankings:
        lead += [
            Callout(polarity_lines(measure)),
            Paragraph(
                plain(
                    " ".join(
                        s
                        for s in (
                            status_sentences(status, verdicts.tested_any),
                            variation_sentence(measure, facts.xmr),
                        )
                        if s
                    )
                ),
                ParagraphStyle.LEAD,
            ),
        ]
    for standing in facts.standings:  # a full group's ranking says it with its chart
        sentence = group_sentence(measure, standing) if not standing.from_full_group else ""
        if sentence:
            lead.append(Paragraph(plain(sentence), ParagraphStyle.LEAD))
    if facts.rating is not None:
        lead.append(
            Paragraph(
                rating_paragraph(facts.rating, reporting, report.settings.rating_names),
                ParagraphStyle.LEAD,
            )
        )
    by_area = measure_by_area(report, verdicts, measure)
    if not lead and by_area is None:
        lead.append(
            Paragraph(plain("No figures are recorded for this measure."), ParagraphStyle.LEAD)
        )
    # a short area table stays with its heading
    opening: list[Block] = [b for b in (heading, *lead, by_area) if b is not None]
    compared = areas_chart(report, verdicts, measure) if by_area is not None else None
    if compared is not None:  # Pages for every measure: the areas side by side
        opening.append(titled(compared))
    measure = in_area(measure)  # the partnership's own figures from here on
    charted = compared is not None  # its caption carries the source
    ranking_tables: list[Block] = []
    for ranking in _latest_of_each_group(rankings):
        # its lead sentence and chart join the opening; its table follows
        *chart_blocks, ranking_table = ranking_blocks(measure, ranking, name)
        opening.extend(chart_blocks)
        ranking_tables.append(ranking_table)
        charted = True
    if (
        not rankings
        and with_chart
        and (
            figure := xmr_figure(measure, facts.xmr, axis_label(measure), _caption(measure), name)
            or series_chart(measure, status, name)
        )
    ):
        opening.append(titled(figure))
        charted = True
    # the heading, panel, sentence and chart start a new page together rather than split
    blocks.append(KeepTogether(tuple(opening)))
    blocks.extend(ranking_tables)
    blocks.extend(rank_history_blocks(facts, name or short_name(measure), measure.source))
    table = period_table(measure, status.population, status.confidence, status.dispersion.phi)
    if table is not None:
        blocks.append(table)
    blocks.extend(_notes(measure))
    if measure.source and not charted:
        # a chart's caption carries the source; otherwise the table needs its own
        blocks.append(Paragraph(plain(f"Source: {measure.source}"), ParagraphStyle.NOTE))
    return blocks


def titled(figure: FigureBlock) -> KeepTogether:
    """A chart with its active title printed above it as text."""
    return KeepTogether((Paragraph((Span(figure.chart.title, bold=True),)), figure))


def survey_chart(measures: tuple[Measure, ...]) -> FigureBlock | None:
    """Measures of one survey that share a page (day and night) as grouped bars per survey."""
    units = {m.unit for m in measures}
    if (
        len(measures) < 2
        or len(units) != 1
        or any(m.frequency is not Frequency.BIENNIAL for m in measures)
    ):
        return None
    periods = sorted({o.period for m in measures for o in m.observations})
    if len(periods) > 6:
        return None
    names = parts_apart(tuple(m.name for m in measures)) or tuple(short_name(m) for m in measures)
    series = tuple(
        Series(
            name.capitalize(),
            tuple(
                _number(found.actual) if (found := figure_at(m.observations, p)) else None
                for p in periods
            ),
        )
        for name, m in zip(names, measures, strict=True)
    )
    first = measures[0]
    chart = Chart(
        ChartKind.BARS,
        f"{common_head(tuple(full_name(m) for m in measures)) or short_name(first)}: "
        + " and ".join(s.name.lower() for s in series)
        + " by survey",
        tuple(p.label for p in periods),
        series,
        axis_label(first),
        percent=first.unit is Unit.PERCENTAGE,
        decimals=first.decimals,
    )
    return FigureBlock(chart, _alt(chart, first), _caption(first))


def _sourced(blocks: list[Block], source: str) -> list[Block]:
    """``blocks`` with ``source`` under every chart that has none (nothing where the workbook
    names no source: the report never names a source nobody gave)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, FigureBlock) and not block.caption and source:
            block = replace(block, caption=source)
        elif isinstance(block, KeepTogether):
            block = KeepTogether(tuple(_sourced(list(block.blocks), source)))
        out.append(block)
    return out


def _source_of(block: Block) -> str:
    """The source line a block prints: a chart's caption, or a note 'Source: ...'; '' if none."""
    if isinstance(block, FigureBlock):
        return block.caption
    if isinstance(block, Paragraph) and block.style is ParagraphStyle.NOTE:
        text = "".join(s.text for s in block.spans)
        return text if text.startswith("Source: ") else ""
    return ""


def _sourced_blocks(blocks: list[Block]) -> list[Block]:
    found: list[Block] = []
    for block in blocks:
        if _source_of(block):
            found.append(block)
        elif isinstance(block, KeepTogether):
            found.extend(_sourced_blocks(list(block.blocks)))
    return found


def _source_once(blocks: list[Block]) -> list[Block]:
    """``blocks`` with a source line said once for what shares it (issue 25 item 4): a chart or
    table followed on the page by another of the same source leaves the line to that one."""
    carriers = _sourced_blocks(blocks)
    shared = {
        id(block)
        for block, following in zip(carriers, carriers[1:], strict=False)
        if _source_of(block) == _source_of(following)
    }

    def walk(items: list[Block]) -> list[Block]:
        out: list[Block] = []
        for block in items:
            if id(block) in shared:
                if isinstance(block, Paragraph):
                    continue
                if isinstance(block, Table | FigureBlock):  # the carriers of a source line
                    block = replace(block, caption="")
            elif isinstance(block, KeepTogether):
                block = KeepTogether(tuple(walk(list(block.blocks))))
            out.append(block)
        return out

    return walk(blocks)


def action_intro(action: KeyAction) -> list[Block]:
    """'Key action: ... Lead: ...', with only what the workbook states: nothing for a measure
    listed under a theme, no 'Lead:' where no agency leads."""
    spans = (
        *((Span("Key action: ", bold=True), Span(f"{action.text} ")) if action.text else ()),
        *((Span("Lead: ", bold=True), Span(action.lead_agency)) if action.lead_agency else ()),
    )
    return [Paragraph(spans, ParagraphStyle.NOTE)] if spans else []


def page_blocks(page: Page, verdicts: Verdicts, report: Report) -> list[Block]:
    """The blocks of one page, after its heading."""
    action = page.action
    blocks: list[Block] = [*action_intro(action)]
    survey = survey_chart(page.measures)
    if survey is not None:
        blocks.append(titled(survey))
    names = distinct_names(
        tuple(short_name(m) for m in page.measures), tuple(m.name for m in page.measures)
    )
    for measure, name in zip(page.measures, names, strict=True):
        blocks.extend(
            measure_blocks(measure, verdicts, report, len(page.measures) > 1, survey is None, name)
        )
    if not page.measures or page.measures[0] == action.measures[0]:
        # an action's key figures go on its (first) page, whether or not it has measures
        figures = tuple(f for f in report.figures if f.action_id == action.id)
        blocks.extend(
            titled(b) if isinstance(b, FigureBlock) else b
            for b in figures_blocks(figures, action.source)
        )
    # the source under the charts, once for those that share it (issue 25 item 4)
    blocks = _source_once(_sourced(blocks, f"Source: {action.source}" if action.source else ""))
    if page.commentary:
        blocks.append(Heading(3, commentary_heading(page), f"{page.anchor}-commentary"))
        blocks.extend(commentary_blocks(page.commentary))
    if not page.measures and action.source:
        blocks.append(Paragraph(plain(f"Source: {action.source}"), ParagraphStyle.NOTE))
    return blocks
