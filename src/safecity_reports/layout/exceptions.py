"""The exceptions page: what the board should look at first (issue 14).

Every measure with a concern: a significant deterioration, a special cause of concern on its
SPC chart, a target its process will consistently miss, a position beyond its comparison
group's range on the bad side, or a figure that is late or missing; then the measures with a
significant improvement or a special cause of improvement. Each links to its page.
"""

from __future__ import annotations

from safecity_reports.core.model import NotAvailable, Report
from safecity_reports.core.status import Judgement, MeasureStatus
from safecity_reports.core.variation import spc_chart
from safecity_reports.layout.document import Block, BulletList, Heading, Paragraph, Span, plain
from safecity_reports.layout.summary_columns import facts_for, side_judgement
from safecity_reports.reading.timeliness import overdue
from safecity_reports.stats import Assurance, Signal

ANCHOR = "exceptions"


def exceptions(report: Report, status: MeasureStatus) -> tuple[list[str], list[str]]:
    """The concerns and the improvements of one measure, in words."""
    m, period = status.measure, report.settings.period
    concerns: list[str] = []
    good: list[str] = []
    if status.test is not None and status.test.significant:
        if status.judgement is Judgement.WORSENING:
            concerns.append("a significant change for the worse")
        elif status.judgement is Judgement.IMPROVING:
            good.append("a significant change for the better")
    found = spc_chart(m, period)
    if found is not None:
        chart = found[1]
        if chart.latest.signal is Signal.CONCERN:
            concerns.append("special cause of concern on its SPC chart")
        elif chart.latest.signal is Signal.IMPROVEMENT:
            good.append("special cause of improvement on its SPC chart")
        if chart.assurance is Assurance.CONSISTENTLY_MISSED:
            concerns.append("its target will be consistently missed unless something changes")
    standing = facts_for(report, m, status).standing
    if standing is not None and standing.position is not None:
        meaning = side_judgement(standing.position, m.polarity)
        if meaning == "worse":
            concerns.append("outside its comparison group's range, on the worse side")
    if m.observations:
        if status.current is None or isinstance(status.current.actual, NotAvailable):
            concerns.append(f"no figure for {period}")
        elif status.late and overdue(m, status):
            concerns.append(
                f"late: no figure for {period}; the latest is for {status.current.period}"
            )
    return concerns, good


def exceptions_blocks(
    report: Report, statuses: dict[str, MeasureStatus], anchors: dict[str, str]
) -> list[Block]:
    """The page's heading, its two lists (or a sentence saying there is nothing to list)."""
    concerns: list[tuple[int, tuple[Span, ...]]] = []
    good: list[tuple[int, tuple[Span, ...]]] = []
    for m in report.measures:
        bad, better = exceptions(report, statuses[m.id])
        link = Span(f"{m.id} {m.name.rstrip('.')}", bold=True, link=anchors.get(m.id, ""))
        if bad:
            concerns.append((1, (link, Span(": " + "; ".join(bad) + f" (see {m.id})."))))
        if better:
            good.append((1, (link, Span(": " + "; ".join(better) + f" (see {m.id})."))))
    blocks: list[Block] = [
        Heading(1, "Exceptions", ANCHOR),
        Paragraph(
            plain(
                "The measures the board may want to look at first. A change counts here only"
                " when it is more than chance (see How to read this report)."
            )
        ),
        Heading(2, "Measures of concern", f"{ANCHOR}-concern"),
    ]
    blocks.append(BulletList(tuple(concerns)) if concerns else Paragraph(plain("None.")))
    blocks.append(Heading(2, "Measures with a significant improvement", f"{ANCHOR}-improvement"))
    blocks.append(BulletList(tuple(good)) if good else Paragraph(plain("None.")))
    return blocks
