"""'How to read this report': what the front page counts, what the summary's columns hold, and
the key to the arrows where the summary prints them."""

from __future__ import annotations

from dataclasses import replace

from safecity_reports.core.counts import uses_partnership_population
from safecity_reports.core.model import CompareWith, Report, Unit
from safecity_reports.core.status import Direction, Judgement
from safecity_reports.core.verdicts import Change, Verdicts
from safecity_reports.layout.chance import multiplicity_paragraph, overdispersion_paragraph
from safecity_reports.layout.document import (
    Block,
    BulletList,
    Callout,
    Heading,
    Paragraph,
    Span,
    Tone,
    plain,
)
from safecity_reports.layout.funnel_chart import funnel_guide
from safecity_reports.layout.glance import counter_sentence
from safecity_reports.layout.narrative import ARROWS, testing_paragraph
from safecity_reports.layout.spc_chart import xmr_guide
from safecity_reports.layout.summary_columns import (
    COLUMNS,
    DATED_TARGET_MEANING,
    DATED_TARGET_STATUSES,
    chosen_columns,
    column_header,
)

KEY_ANCHOR = "how-to-read"


def reading_guide(
    report: Report, verdicts: Verdicts, summary: bool = True, counts_table: bool = True
) -> list[Block]:
    """'How to read this report': what the front page counts, what each of the summary's
    columns holds (one sentence each), the arrows where the summary prints them, and what
    'significant' means where some change was tested against chance. Without ``summary`` (every
    measure is in its priority's table), the columns are the tables'. Without ``counts_table``
    (the front page gives its counts in words, which say what they count), no sentence on
    it."""
    made = [v.status for v in verdicts.counted()]
    bases = {s.basis for s in made if s.previous is not None}
    against = (
        "the previous period"
        if bases <= {CompareWith.PREVIOUS_PERIOD}
        else "the same period a year earlier"
        if bases == {CompareWith.SAME_PERIOD_A_YEAR_EARLIER}
        else "the period it is compared with"
    )
    # the key holds every arrow and word the summary prints, and only those
    directions = {s.direction for s in made}
    judged = {s.judgement for s in made}
    moves = [
        (Direction.UP, "up: the figure rose"),
        (Direction.DOWN, "down: the figure fell"),
    ]
    printed = [(d, words) for d, words in moves if d in directions]
    lines: tuple[tuple[Span, ...], ...] = tuple(
        (
            Span(ARROWS[d], bold=True),
            Span(f" {words} since {against}" if index == 0 else f" {words}"),
        )
        for index, (d, words) in enumerate(printed)
    )
    if Direction.SAME in directions:
        lines += (
            (
                Span(ARROWS[Direction.SAME], bold=True),
                Span(" no change: the figure is the same as printed"),
            ),
        )
    if judged & {Judgement.IMPROVING, Judgement.WORSENING}:
        lines += (
            (
                Span("better", bold=True, tone=Tone.GOOD),
                Span(" or "),
                Span("worse", bold=True, tone=Tone.BAD),
                Span(
                    ": whether the change is good or bad news for that measure, given its"
                    " preferred direction"
                ),
            ),
        )
    if Judgement.LITTLE_CHANGE in judged:
        lines += (
            (
                Span("little change", bold=True),
                Span(": the figure moved by less than the measure's stated 'little change'"),
            ),
        )
    tested = [s for s in made if s.test is not None]
    found = {v.change for v in verdicts.counted()}
    # the words of changes tested against chance, each only where the summary prints it
    words = (
        (
            {Change.BETTER, Change.WORSE},
            "(significant)",
            ": the change was tested against chance, and chance would not explain it",
        ),
        (
            {Change.NOT_SIGNIFICANT},
            "no significant change",
            ": the change was tested, and chance could explain it",
        ),
        (
            {Change.BETTER_UNTESTED, Change.WORSE_UNTESTED} if tested else set(),
            "(not tested)",
            ": the workbook gives no counts to test the change against chance",
        ),
    )
    lines = (
        *lines,
        *((Span(word, bold=True), Span(meant)) for kinds, word, meant in words if kinds & found),
    )
    blocks: list[Block] = [Heading(1, "How to read this report", KEY_ANCHOR)]
    if report.measures and counts_table:
        blocks.append(Paragraph(plain(counter_sentence(report, verdicts))))
    # without a summary, the priorities' own tables: their group columns are explained under
    # each table, their figures headed by their periods; the change and travel are explained here
    columns = (
        chosen_columns(report.settings.summary_columns)
        if summary
        else (COLUMNS["Change"], COLUMNS["Direction"])
    )
    compared = any(s.previous is not None and s.current is not None for s in made)

    dated = any(s.target in DATED_TARGET_STATUSES for s in made)

    units = {s.measure.unit for s in made if s.previous is not None and s.current is not None}

    def meaning(name: str, meaning: str) -> str:
        if name == "Change" and units and Unit.PERCENTAGE not in units:  # only what it uses
            return meaning.replace(" (in points for a percentage)", "")
        if name == "Change" and units == {Unit.PERCENTAGE}:
            return "the current figure less the previous one, in points."
        if name == "Target status" and dated:
            return meaning.removesuffix(".") + DATED_TARGET_MEANING
        if name != "Direction" or compared:
            return meaning
        rated = any(r.direction is not None for r in report.ratings)
        return (
            "the direction of travel its rater gave the measure, marked 'as rated'; this report "
            "holds no figures to compare."
            if rated
            else "whether the figure went up or down; no measure in this report has an earlier "
            "figure to compare with."
        )

    # without a summary, a table per priority with measures
    several = sum(any(a.measures for a in p.actions) for p in report.priorities) > 1
    tables = "tables'" if several else "table's"
    blocks.append(
        Paragraph(
            plain(
                "The summary's columns:"
                if summary
                else f"The {tables} columns, after each measure's earlier and latest figures:"
            )
        )
    )
    blocks.append(
        BulletList(
            tuple(
                (
                    1,
                    (
                        Span(column_header(c, report.settings), bold=True),
                        Span(f": {meaning(c.name, c.meaning)}"),
                    ),
                )
                for c in columns
            )
        )
    )
    # what is compared with what is the front page's; Travel's bullet says what it gives
    blocks.append(
        Paragraph(plain("Colour repeats what the words say and is never the only guide."))
    )
    if compared and any(c.name == "Direction" for c in columns):
        blocks.append(Callout(lines))
    if tested:  # Exceptions refers to this paragraph: "see How to read this report: chance"
        source, first = report.settings.population_source, tested[0]
        if not any(uses_partnership_population(s.measure) for s in tested):
            first = replace(first, population=None)  # no tested rate is per head of residents
        blocks.append(Paragraph(plain(testing_paragraph(first, len(tested), source))))
        blocks.extend(
            Paragraph(plain(t))
            for t in (overdispersion_paragraph(made), multiplicity_paragraph(made))
            if t
        )
    blocks.extend(Paragraph(plain(t)) for t in (xmr_guide(verdicts), funnel_guide(report)) if t)
    return blocks
