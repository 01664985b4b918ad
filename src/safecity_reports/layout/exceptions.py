"""The exceptions page: what the board should look at first (issues 14 and 21).

Every concern of every measure (or area's figure) the report counts, each with its reason and
a link to its page: a significant change for the worse, a special cause of concern on its SPC
chart, a target missed, off track or already beyond the year's, a red or amber rating, a
position outside its comparison group's range on the worse side, a figure worse than its
baseline, a figure late or missing; then the improvements likewise. The reasons are the
verdicts of ``core.verdicts``, never worked out again; where a kind of concern could not be
looked for, the page says why.
"""

from __future__ import annotations

from safecity_reports.core.formatting import format_number, format_value
from safecity_reports.core.model import Figure, Report, Unit
from safecity_reports.core.ratings import rating_name
from safecity_reports.core.status import Direction, TargetStatus
from safecity_reports.core.verdicts import Concern, Improvement, Verdict, Verdicts
from safecity_reports.core.xmr_page import FEWEST_POINTS
from safecity_reports.layout.document import Block, BulletList, Heading, Paragraph, Span, plain
from safecity_reports.layout.names import heading
from safecity_reports.layout.narrative import value_text
from safecity_reports.layout.reading_guide import KEY_ANCHOR
from safecity_reports.layout.summary_columns import change_target_words

ANCHOR = "exceptions"


def _figure(v: Verdict) -> str:
    current = v.status.current
    return "" if current is None else value_text(v.measure, current.actual)


def _target(v: Verdict) -> str:
    m = v.measure
    return "" if m.target is None else value_text(m, m.target)


def _baseline(v: Verdict) -> str:
    baseline = v.measure.baseline
    assert baseline is not None
    return f"{value_text(v.measure, baseline.value)} in {baseline.period}"


def concern_words(report: Report, v: Verdict, concern: Concern) -> str:
    """One concern of one verdict in words, with the figures it rests on."""
    period = report.settings.period
    status = v.status
    before = status.previous
    match concern:
        case Concern.SIGNIFICANTLY_WORSE:
            assert before is not None
            return (
                f"significantly worse: {_figure(v)} against {value_text(v.measure, before.actual)}"
                f" in {before.period}"
            )
        case Concern.SPECIAL_CAUSE_CONCERN:
            return "a special cause of concern on its SPC chart"
        case Concern.TARGET_CONSISTENTLY_MISSED:
            return "its SPC chart shows its target will be consistently missed unless something changes"
        case Concern.TARGET_MISSED:
            return f"missed its target ({_figure(v)} against {_target(v) or 'its target'})"
        case Concern.TARGET_OFF_TRACK:
            target = _target(v)
            return (
                f"off track for its target of {target}"
                if target
                else f"off track for its target, {change_target_words(v.measure)}"
            )
        case Concern.ABOVE_YEAR_TARGET:
            return f"already above the whole year's target of {_target(v)} ({_figure(v)} so far)"
        case Concern.RED | Concern.AMBER:
            assert v.rating is not None
            return f"rated {rating_name(v.rating.level, report.settings.rating_names)}"
        case Concern.WORSE_THAN_GROUP:
            return "outside its comparison group's range, on the worse side"
        case Concern.WORSE_THAN_BASELINE:
            return f"worse than its baseline ({_figure(v)} against {_baseline(v)})"
        case Concern.LATE:
            assert status.current is not None
            return f"late: no figure for {period}; the latest is for {status.current.period}"
        case Concern.MISSING:
            return f"no figure for {period}"
        case Concern.IMPLAUSIBLE:
            assert status.current is not None
            return (
                f"the figure for {status.current.period} looks implausible ({v.implausible}):"
                " check it"
            )
    raise AssertionError(concern)  # pragma: no cover (every concern has its words)


def key_figure_words(figure: Figure) -> str:
    """'a key figure missed its target: Respondents in jobs, 20 of 30 (66.7%) against 70%'."""
    assert figure.out_of and figure.target is not None
    share = format_value(100 * figure.value / figure.out_of, Unit.PERCENTAGE, 1)
    return (
        f"a key figure missed its target: {figure.label}, {format_number(figure.value, 0)} of"
        f" {format_number(figure.out_of, 0)} ({share}) against"
        f" {format_value(figure.target, Unit.PERCENTAGE, 0)}"
    )


def improvement_words(v: Verdict, improvement: Improvement) -> str:
    """One improvement of one verdict in words."""
    before = v.status.previous
    match improvement:
        case Improvement.SIGNIFICANTLY_BETTER:
            assert before is not None
            return (
                f"significantly better: {_figure(v)} against"
                f" {value_text(v.measure, before.actual)} in {before.period}"
            )
        case Improvement.SPECIAL_CAUSE_IMPROVEMENT:
            return "a special cause of improvement on its SPC chart"
        case Improvement.BETTER_THAN_GROUP:
            return "outside its comparison group's range, on the better side"
        case Improvement.BETTER_THAN_BASELINE:
            return f"better than its baseline ({_figure(v)} against {_baseline(v)})"
    raise AssertionError(improvement)  # pragma: no cover


def not_looked_for(report: Report, verdicts: Verdicts) -> list[str]:
    """The kinds of concern this report could not look for, each with why, in the board's
    words: never a 'None' where nothing could be judged."""
    return [said for said, _ in _not_looked_for(report, verdicts)]


def not_looked_for_briefly(report: Report, verdicts: Verdicts, chance: bool = True) -> str:
    """The same in one short sentence, for a report whose Exceptions are said in its main
    points: 'This report could not look for missed targets (no measure has one) or ...'; ''
    where it looked for every kind. Not what the front page says already: that no change is
    judged (its sentence on what is compared says so) and, without ``chance``, why changes
    could not be tested against chance (its counts in words say so)."""
    kinds = [
        brief
        for full, brief in _not_looked_for(report, verdicts)
        if brief and (chance or full not in _chance_said(report, verdicts))
    ]
    if not kinds:
        return ""
    listed = kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} or {kinds[-1]}"
    return f"This report could not look for {listed}."


def _chance_said(report: Report, verdicts: Verdicts) -> set[str]:
    """The full words of the kinds about testing against chance."""
    return {full for full, _ in _not_looked_for(report, verdicts) if "against chance" in full}


def _not_looked_for(report: Report, verdicts: Verdicts) -> list[tuple[str, str]]:
    """(in full, briefly) for each kind of concern the report could not look for."""
    counted = verdicts.counted()
    said: list[tuple[str, str]] = []
    if counted and not any(v.measure_has_figures for v in counted):
        said.append(
            (
                "The workbook gives no figures, so no change is judged.",
                "",  # the front page: 'No measure has a figure for ...'
            )
        )
    elif counted and not any(v.status.previous is not None for v in counted):
        said.append(
            (
                "No figure has an earlier figure to compare it with, so no change is judged.",
                "",  # the front page: 'No measure has an earlier figure ...'
            )
        )
    moved = [
        v for v in counted if v.has_figure and v.status.direction in (Direction.UP, Direction.DOWN)
    ]
    if moved and not any(v.tested for v in counted):
        said.append(
            (
                "No change could be tested against chance: the workbook gives no counts behind"
                " the figures compared, so no change is called significant.",
                "significant changes (the workbook gives no counts)",
            )
        )
    elif moved and any(not v.tested for v in moved):
        untested = sum(not v.tested for v in moved)
        said.append(
            (
                f"{untested} of the {len(moved)} changes could not be tested against chance (the"
                " workbook gives no counts for them), so they are not listed as significant.",
                f"whether {untested} of the {len(moved)} changes"
                f" {'is' if untested == 1 else 'are'} significant (the workbook gives no counts"
                f" for {'it' if untested == 1 else 'them'})",
            )
        )
    if not any(v.spc_signal is not None for v in counted):
        said.append(
            (
                "No measure has an SPC chart (monthly figures, at least"
                f" {FEWEST_POINTS} in a row), so none is judged by one.",
                "SPC signals (no measure has an SPC chart)",
            )
        )
    if all(v.status.target is TargetStatus.NO_TARGET for v in counted):
        said.append(("No measure has a target.", "missed targets (no measure has one)"))
    if not report.ratings:
        said.append(("No measure is rated.", "ratings (none is given)"))
    if not report.rankings and not report.group_facts:
        said.append(
            (
                "No measure has a comparison group.",
                "positions against a comparison group (no measure has one)",
            )
        )
    return said


def exceptions_blocks(report: Report, verdicts: Verdicts, anchors: dict[str, str]) -> list[Block]:
    """The page's heading, its two lists (or a sentence saying there is nothing to list), and
    what could not be looked for."""
    concerns: list[tuple[int, tuple[Span, ...]]] = []
    good: list[tuple[int, tuple[Span, ...]]] = []
    for v in verdicts.counted():
        m = v.measure
        who = f"{v.area}: " if v.area else ""
        link = Span(f"{who}{heading(m)}", bold=True, link=anchors.get(m.id, ""))
        bad = [concern_words(report, v, c) for c in v.concerns]
        better = [improvement_words(v, i) for i in v.improvements]
        # a measure is listed once: with a concern, its good news follows the concern
        if bad:
            also = [f"on the other hand, {b}" for b in better]
            concerns.append((1, (link, Span(": " + "; ".join(bad + also) + "."))))
        elif better:
            good.append((1, (link, Span(": " + "; ".join(better) + "."))))
    for action in report.actions:
        missed = [
            f
            for f, status in verdicts.key_figures.get(action.id, ())
            if status is TargetStatus.MISSED
        ]
        if missed:
            title = (action.heading or action.text).rstrip(".")
            link = Span(f"{action.id} {title}", bold=True, link=anchors.get(action.id, ""))
            words = "; ".join(key_figure_words(f) for f in missed)
            concerns.append((1, (link, Span(f": {words}."))))
    intro: tuple[Span, ...] = (
        Span(
            "The measures the board may want to look at first, each with its reasons; each"
            " name links to its page."
        ),
    )
    if verdicts.tested_any:
        intro += (
            Span(
                " A change is called significant only where it was tested against chance and"
                " chance would not explain it (see "
            ),
            Span("How to read this report", link=KEY_ANCHOR),
            Span(": chance)."),
        )
    blocks: list[Block] = [
        Heading(1, "Exceptions", ANCHOR),
        Paragraph(intro),
        Heading(2, "Measures of concern", f"{ANCHOR}-concern"),
    ]
    blocks.append(
        BulletList(tuple(concerns))
        if concerns
        else Paragraph(plain("No measure has a concern of the kinds this report looks for."))
    )
    blocks.append(Heading(2, "Measures with an improvement", f"{ANCHOR}-improvement"))
    blocks.append(
        BulletList(tuple(good))
        if good
        else Paragraph(plain("No measure has an improvement of the kinds this report looks for."))
    )
    missing = not_looked_for(report, verdicts)
    if missing:
        blocks.append(Heading(2, "What this report could not look for", f"{ANCHOR}-not-judged"))
        blocks.append(Paragraph(plain(" ".join(missing))))
    return blocks


def listed(verdicts: Verdicts) -> tuple[tuple[Verdict, Concern | Improvement], ...]:
    """Every entry the Exceptions page lists, as (verdict, reason): for tests."""
    reasons: list[tuple[Verdict, Concern | Improvement]] = []
    for v in verdicts.counted():
        kinds: tuple[Concern | Improvement, ...] = (*v.concerns, *v.improvements)
        reasons.extend((v, reason) for reason in kinds)
    return tuple(reasons)
