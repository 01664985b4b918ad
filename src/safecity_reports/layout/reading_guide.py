"""'How to read this report': what the front page counts, what the summary's columns hold, and
the key to the arrows where the summary prints them."""

from __future__ import annotations

from safecity_reports.core.model import CompareWith, Report
from safecity_reports.core.status import (
    Direction,
    MeasureStatus,
)
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
from safecity_reports.layout.glance import counted_statuses, counter_sentence
from safecity_reports.layout.narrative import ARROWS, testing_paragraph
from safecity_reports.layout.spc_chart import xmr_guide
from safecity_reports.layout.summary_columns import (
    DATED_TARGET_MEANING,
    DATED_TARGET_STATUSES,
    HEADERS,
    chosen_columns,
)

KEY_ANCHOR = "how-to-read"


def reading_guide(report: Report, statuses: dict[str, MeasureStatus]) -> list[Block]:
    """'How to read this report': what the front page counts, what each of the summary's
    columns holds (one sentence each), and the arrows where the summary prints them."""
    made = counted_statuses(report, statuses)
    bases = {s.basis for s in made if s.previous is not None}
    against = (
        "the previous period"
        if bases <= {CompareWith.PREVIOUS_PERIOD}
        else "the same period a year earlier"
        if bases == {CompareWith.SAME_PERIOD_A_YEAR_EARLIER}
        else "the period it is compared with"
    )
    lines: tuple[tuple[Span, ...], ...] = (
        (
            Span(ARROWS[Direction.UP], bold=True),
            Span(f" up: the figure rose since {against}"),
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
    tested = [s for s in statuses.values() if s.test is not None]
    if tested:  # the changes tested against chance have a word of their own
        lines = (
            *lines[:3],
            (
                Span(ARROWS[Direction.SAME], bold=True),
                Span(" no significant change: the figures differ, but chance could explain it"),
            ),
            *lines[3:],
        )
    blocks: list[Block] = [Heading(1, "How to read this report", KEY_ANCHOR)]
    if report.measures:
        blocks.append(Paragraph(plain(counter_sentence(report, statuses))))
    columns = chosen_columns(report.settings.summary_columns)
    compared = any(s.previous is not None and s.current is not None for s in made)

    dated = any(s.target in DATED_TARGET_STATUSES for s in made)

    def meaning(name: str, meaning: str) -> str:
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

    blocks.append(Paragraph(plain("The summary's columns:")))
    blocks.append(
        BulletList(
            tuple(
                (
                    1,
                    (
                        Span(HEADERS.get(c.name, c.name), bold=True),
                        Span(f": {meaning(c.name, c.meaning)}"),
                    ),
                )
                for c in columns
            )
        )
    )
    if compared and any(c.name == "Direction" for c in columns):
        blocks.append(
            Paragraph(
                plain(
                    f"Each measure's latest figure is compared with {against}. The arrow gives "
                    "the direction of travel and the words beside it say whether that is better "
                    "or worse; colour repeats what the words say and is never the only guide."
                )
            )
        )
        blocks.append(Callout(lines))
        if tested:
            source = report.settings.population_source
            blocks.append(Paragraph(plain(testing_paragraph(tested[0], len(tested), source))))
    else:
        blocks.append(
            Paragraph(
                plain(
                    "Colour repeats what the words say and is never the only guide. n/a: not "
                    "applicable, or no figure to judge."
                )
            )
        )
    blocks.extend(Paragraph(plain(t)) for t in (xmr_guide(report), funnel_guide(report)) if t)
    return blocks
