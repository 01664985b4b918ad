"""Exceptions said in the main points, for a short report whose Exceptions would only repeat
them (issue 25): where every concern is already named with its reason in a main point, the
Exceptions section and the main point sending the reader to it are left out; a main point
names the measures with an improvement instead, and one sentence says what the report could
not look for.

Nothing is judged here: the concerns and improvements are the verdicts of ``core.verdicts``, and
which of them a main point states is what ``main_points.stated_points`` says it states.
"""

from __future__ import annotations

from safecity_reports.core.model import Report
from safecity_reports.core.status import TargetStatus
from safecity_reports.core.verdicts import Concern, Improvement, Verdict, Verdicts
from safecity_reports.layout.document import Block, BulletList, Heading, Paragraph, Span, Spans
from safecity_reports.layout.exceptions import improvement_words, not_looked_for_briefly
from safecity_reports.layout.main_points import (
    ANCHOR,
    EXCEPTIONS_ANCHOR,
    LISTED,
    MOST,
    significant_point,
    stated_points,
)
from safecity_reports.layout.names import heading


def _named(v: Verdict, anchors: dict[str, str]) -> Span:
    return Span(heading(v.measure), bold=True, link=anchors.get(v.measure.id, ""))


def _listed(found: list[Verdict], anchors: dict[str, str]) -> list[Span]:
    spans: list[Span] = []
    for index, v in enumerate(found):
        if index:
            spans.append(Span(" and " if index == len(found) - 1 else ", "))
        spans.append(_named(v, anchors))
    return spans


def _improvement_points(
    verdicts: list[Verdict],
    said: set[tuple[str, str, Concern | Improvement]],
    anchors: dict[str, str],
) -> list[Spans] | None:
    """A main point for each kind of improvement not yet said: the measures with it, each name
    a link; None where a kind has too many to name."""
    points: list[Spans] = []
    for kind in Improvement:
        found = [
            v
            for v in verdicts
            if kind in v.improvements and (v.measure.id, v.area, kind) not in said
        ]
        if not found:
            continue
        if len(found) > LISTED:
            return None
        one = len(found) == 1
        if kind is Improvement.BETTER_THAN_GROUP:
            points.append(
                (
                    *_listed(found, anchors),
                    Span(
                        f" {'is' if one else 'are'} outside the comparison group's range, on the"
                        " better side."
                    ),
                )
            )
        elif kind is Improvement.SPECIAL_CAUSE_IMPROVEMENT:
            points.append(
                (
                    *_listed(found, anchors),
                    Span(
                        f" {'shows' if one else 'show'} a special cause of improvement on"
                        f" {'its' if one else 'their'} SPC chart."
                    ),
                )
            )
        elif kind is Improvement.SIGNIFICANTLY_BETTER:  # as the main points say it
            points += [significant_point(v, anchors) for v in found]
        else:  # better than its baseline, with its figures
            points += [
                (_named(v, anchors), Span(f" is {improvement_words(v, kind)}.")) for v in found
            ]
    return points


def folded_main_points(
    report: Report, verdicts: Verdicts, anchors: dict[str, str], chance: bool = True
) -> list[Block] | None:
    """The main points with the Exceptions said in them (see the module), or None where the
    Exceptions section is needed: some concern is not named with its reason in a main point
    (or is an action's key figure, or an area's), or the points would be too many. Without
    ``chance``, the front page says elsewhere why changes could not be tested against chance."""
    counted = list(verdicts.counted())
    if verdicts.areas or any(v.area for v in counted):
        return None
    figures = [s for a in report.actions for _, s in verdicts.key_figures.get(a.id, ())]
    if TargetStatus.MISSED in figures:  # an action's concern, said under Exceptions
        return None
    stated = stated_points(report, verdicts, anchors)
    said = {key for _, keys in stated for key in keys}
    concerns = {(v.measure.id, v.area, c) for v in counted for c in v.concerns}
    if not concerns <= said:
        return None
    improvements = _improvement_points(counted, said, anchors)
    if improvements is None:
        return None
    # the point sending the reader to Exceptions goes with the section
    points = [p for p, _ in stated if all(s.link != EXCEPTIONS_ANCHOR for s in p)]
    points += improvements
    nothing = [
        kind
        for kind, found in (
            ("a concern", concerns),
            ("an improvement", [i for v in counted for i in v.improvements]),
        )
        if not found
    ]
    if nothing:
        points.append(
            (Span(f"No measure has {' or '.join(nothing)} of the kinds this report looks for."),)
        )
    if len(points) > MOST:
        return None
    blocks: list[Block] = [Heading(2, "Main points", ANCHOR)]
    if points:
        blocks.append(BulletList(tuple((1, p) for p in points)))
    gaps = not_looked_for_briefly(report, verdicts, chance)
    if gaps:
        blocks.append(Paragraph((Span(gaps),)))
    return blocks
