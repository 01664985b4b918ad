"""Main points: three to six plain sentences under the report's title, the things a board member
wants first, each written from the report's verdicts (``core.verdicts``) and linking to the page
that says it at length. No sentence without a verdict behind it.

In order: the changes tested and found significant (for the worse, then the better, largest
first), targets missed or off track, red ratings, special causes of concern, positions outside
the comparison group's range on the worse side, and late or missing figures; then, where fewer
than three were found, what the comparisons found overall.
"""

from __future__ import annotations

from safecity_reports.core.formatting import format_value
from safecity_reports.core.model import RatingLevel, Report, Unit
from safecity_reports.core.ratings import rating_name
from safecity_reports.core.status import Direction, TargetStatus
from safecity_reports.core.verdicts import Change, Concern, Improvement, Verdict, Verdicts
from safecity_reports.layout.document import Block, BulletList, Heading, Span, Spans
from safecity_reports.layout.names import heading
from safecity_reports.layout.narrative import value_text
from safecity_reports.layout.summary_columns import change_target_words

ANCHOR = "main-points"
FEWEST = 3
MOST = 6
LISTED = 4
"""The most measures a main point names one by one; more are counted instead."""

EXCEPTIONS_ANCHOR = "exceptions"
"""The Exceptions page (``exceptions.ANCHOR``), where every concern is listed."""


def _who(v: Verdict) -> str:
    name = heading(v.measure)
    return f"{v.area}, {name}" if v.area else name


def _named(v: Verdict, anchors: dict[str, str]) -> Span:
    return Span(_who(v), bold=True, link=anchors.get(v.measure.id, ""))


def _size(v: Verdict) -> float:
    """How large the change is against its earlier figure, for putting the largest first."""
    before, after = v.status.previous, v.status.current
    try:
        old, new = float(before.actual), float(after.actual)  # type: ignore[union-attr, arg-type]
    except (TypeError, ValueError, AttributeError):
        return 0.0
    return abs(new - old) / abs(old) if old else abs(new - old)


def significant_point(v: Verdict, anchors: dict[str, str]) -> Spans:
    """'**1.1a ...** rose significantly, from 413 in Nov 2025 to 498 in Dec 2025, which is
    worse.'"""
    s = v.status
    assert s.previous is not None and s.current is not None
    went = "rose" if s.direction is Direction.UP else "fell"
    meaning = "worse" if v.change is Change.WORSE else "better"
    return (
        _named(v, anchors),
        Span(
            f" {went} significantly, from {value_text(v.measure, s.previous.actual)} in"
            f" {s.previous.period} to {value_text(v.measure, s.current.actual)} in"
            f" {s.current.period}, which is {meaning}."
        ),
    )


def _target(v: Verdict, concern: Concern, anchors: dict[str, str]) -> Spans:
    m = v.measure
    figure = value_text(m, v.status.current.actual) if v.status.current else ""
    target = value_text(m, m.target) if m.target is not None else ""
    said = {
        Concern.TARGET_MISSED: f" missed its target: {figure} against {target}."
        if target
        else " missed its target.",
        Concern.TARGET_OFF_TRACK: f" is off track for its target of {target} ({figure})."
        if target
        else f" is off track for its target, {change_target_words(m)} ({figure}).",
        Concern.ABOVE_YEAR_TARGET: f" is already above the whole year's target of {target},"
        f" at {figure} so far.",
    }[concern]
    return (_named(v, anchors), Span(said))


def _listed(verdicts: list[Verdict], anchors: dict[str, str]) -> tuple[Span, ...]:
    """'1.1 A, 1.2 B and 1.3 C', each name a link."""
    spans: list[Span] = []
    for index, v in enumerate(verdicts):
        if index:
            spans.append(Span(" and " if index == len(verdicts) - 1 else ", "))
        spans.append(_named(v, anchors))
    return tuple(spans)


Said = frozenset[tuple[str, str, Concern | Improvement]]
"""What a main point states: (measure id, area, the concern or improvement) of each verdict it
names with its reason."""


def _of(verdicts: list[Verdict], reason: Concern | Improvement) -> Said:
    return frozenset((v.measure.id, v.area, reason) for v in verdicts)


def main_points(report: Report, verdicts: Verdicts, anchors: dict[str, str]) -> tuple[Spans, ...]:
    """The main points, most important first: at most six, at least three where the verdicts
    give three things to say."""
    return tuple(spans for spans, _ in stated_points(report, verdicts, anchors))


def stated_points(
    report: Report, verdicts: Verdicts, anchors: dict[str, str]
) -> tuple[tuple[Spans, Said], ...]:
    """The main points, each with the concerns and improvements it states (``Said``)."""
    counted = list(verdicts.counted())
    names = report.settings.rating_names
    period = report.settings.period
    points: list[tuple[Spans, Said]] = [(p, frozenset()) for p in _awaited(verdicts, period)]
    worse = sorted((v for v in counted if v.change is Change.WORSE), key=_size, reverse=True)
    better = sorted((v for v in counted if v.change is Change.BETTER), key=_size, reverse=True)
    points += [
        (significant_point(v, anchors), _of([v], Concern.SIGNIFICANTLY_WORSE)) for v in worse[:2]
    ]
    points += [
        (significant_point(v, anchors), _of([v], Improvement.SIGNIFICANTLY_BETTER))
        for v in better[:1]
    ]
    for v in counted:
        for concern in v.concerns:
            if concern in (
                Concern.TARGET_MISSED,
                Concern.TARGET_OFF_TRACK,
                Concern.ABOVE_YEAR_TARGET,
            ):
                points.append((_target(v, concern, anchors), _of([v], concern)))
    for action in report.actions:
        for figure, status in verdicts.key_figures.get(action.id, ()):
            if status is TargetStatus.MISSED:
                share = 100 * figure.value / (figure.out_of or 1)
                spans: Spans = (
                    Span(
                        f"{action.id} {(action.heading or action.text).rstrip('.')}",
                        bold=True,
                        link=anchors.get(action.id, ""),
                    ),
                    Span(
                        f": {figure.label[:1].lower()}{figure.label[1:]} missed its target,"
                        f" {format_value(share, Unit.PERCENTAGE, 1)} against"
                        f" {format_value(figure.target or 0, Unit.PERCENTAGE, 0)}."
                    ),
                )
                points.append((spans, frozenset()))  # an action's, not a measure's, verdict
    red = [v for v in counted if v.rated is RatingLevel.RED]
    if red:
        word = rating_name(RatingLevel.RED, names)
        points.append(
            (
                (
                    *_listed(red, anchors),
                    Span(f" {'is' if len(red) == 1 else 'are'} rated {word} for {period}."),
                ),
                _of(red, Concern.RED),
            )
        )
    spc = [v for v in counted if Concern.SPECIAL_CAUSE_CONCERN in v.concerns]
    if spc:
        points.append(
            (
                (
                    *_listed(spc, anchors),
                    Span(
                        f" {'shows' if len(spc) == 1 else 'show'} a special cause of concern on"
                        f" {'its' if len(spc) == 1 else 'their'} SPC chart."
                    ),
                ),
                _of(spc, Concern.SPECIAL_CAUSE_CONCERN),
            )
        )
    outside = [v for v in counted if Concern.WORSE_THAN_GROUP in v.concerns]
    if outside:
        points.append(
            (
                (
                    *_listed(outside, anchors),
                    Span(
                        f" {'is' if len(outside) == 1 else 'are'} outside the comparison group's"
                        " range, on the worse side."
                    ),
                ),
                _of(outside, Concern.WORSE_THAN_GROUP),
            )
        )
    late = [v for v in counted if {Concern.LATE, Concern.MISSING} & set(v.concerns)]
    if len(late) > LISTED:  # a list too long to read: the count, and where the list is
        noun = "area figure" if any(v.area for v in late) else "measure"
        points.append(
            (
                (
                    Span(f"{len(late)} {noun}s have no figure for {period}; "),
                    Span("Exceptions", link=EXCEPTIONS_ANCHOR),
                    Span(" lists them."),
                ),
                frozenset(),  # counted, not named
            )
        )
    elif late:
        points.append(
            (
                (
                    *_listed(late, anchors),
                    Span(f" {'has' if len(late) == 1 else 'have'} no figure for {period}."),
                ),
                frozenset(
                    (v.measure.id, v.area, c)
                    for v in late
                    for c in v.concerns
                    if c in (Concern.LATE, Concern.MISSING)
                ),
            )
        )
    points = points[:MOST]
    if len(points) < FEWEST:
        overall = _overall(counted, verdicts.tested_any)[: FEWEST - len(points)]
        points += [(p, frozenset()) for p in overall]
    return tuple(points)


TESTED_WORDS = "could be tested against chance;"
"""In the point that says how many comparisons could be tested (``states_tests``)."""


def states_tests(blocks: list[Block]) -> bool:
    """Whether the main points (``main_points_blocks``) say how many comparisons could be tested
    against chance: the sentence under them then does not say it again."""
    return any(
        TESTED_WORDS in span.text
        for block in blocks
        if isinstance(block, BulletList)
        for _, point in block.items
        for span in point
    )


def _overall(counted: list[Verdict], tested_any: bool) -> list[Spans]:
    """What the comparisons found overall, for a report with little to single out."""
    changes = [v.change for v in counted]
    said: list[Spans] = []
    compared = [c for c in changes if c not in (Change.NO_FIGURE, Change.NO_COMPARISON)]
    if tested_any:
        significant = sum(c in (Change.BETTER, Change.WORSE) for c in compared)
        tested = sum(v.tested for v in counted if v.change in compared)
        said.append(
            (
                Span(
                    f"{_count(tested, 'comparison')} of {len(compared)} {TESTED_WORDS}"
                    f" {_none(significant)} found significant."
                ),
            )
        )
    elif compared:
        better = changes.count(Change.BETTER_UNTESTED)
        worse = changes.count(Change.WORSE_UNTESTED)
        said.append(
            (
                Span(
                    f"Of {_count(len(compared), 'figure')} compared, {better or 'none'} moved"
                    f" the better way and {worse or 'none'} the worse way; none could be tested"
                    " against chance."
                ),
            )
        )
    said += _areas(counted)
    if not compared and any(c is Change.NO_COMPARISON for c in changes):
        said.append((Span("No figure has an earlier figure to compare it with."),))
    concerned = sum(bool(v.concerns) for v in counted)
    noun = "area figure" if any(v.area for v in counted) else "measure"
    said.append(
        (
            Span(
                f"{_count(concerned, noun)} {'has' if concerned == 1 else 'have'} a"
                " concern listed under "
            ),
            Span("Exceptions", link=EXCEPTIONS_ANCHOR),
            Span("."),
        )
        if concerned
        else (
            Span(f"No {noun} has a concern listed under "),
            Span("Exceptions", link=EXCEPTIONS_ANCHOR),
            Span("."),
        )
    )
    return said


_WORSE = (Change.WORSE, Change.WORSE_UNTESTED)
_BETTER = (Change.BETTER, Change.BETTER_UNTESTED)


def _areas(counted: list[Verdict]) -> list[Spans]:
    """Which area has the most figures that moved the worse way, and which the better, where
    the figures are each area's and one area stands out."""
    areas = list(dict.fromkeys(v.area for v in counted if v.area))
    if len(areas) < 2:
        return []
    said: list[Spans] = []
    for kinds, way in ((_WORSE, "worse"), (_BETTER, "better")):
        tally = {a: sum(v.area == a and v.change in kinds for v in counted) for a in areas}
        most = max(tally.values())
        leaders = [a for a, n in tally.items() if n == most]
        if most and len(leaders) == 1:
            area = leaders[0]
            of = sum(v.area == area and v.has_figure for v in counted)
            said.append(
                (Span(f"{area} has the most figures that moved the {way} way ({most} of {of})."),)
            )
    return said


def _awaited(verdicts: Verdicts, period: object) -> list[Spans]:
    """A draft's first point: whose figures for the period are still to come."""
    awaited = verdicts.awaited
    if not awaited:
        return []
    whose = [f"{agency} ({n})" for agency, n in awaited]
    named = whose[0] if len(whose) == 1 else f"{', '.join(whose[:-1])} and {whose[-1]}"
    total = sum(n for _, n in awaited)
    return [
        (
            Span(
                f"This is a draft: {total} figure{'' if total == 1 else 's'} for {period}"
                f" {'is' if total == 1 else 'are'} still awaited from {named}.",
                bold=True,
            ),
        )
    ]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}".capitalize() if n else f"No {noun}s"


def _none(n: int) -> str:
    return "none was" if not n else f"{n} {'was' if n == 1 else 'were'}"


def main_points_blocks(
    report: Report, verdicts: Verdicts, anchors: dict[str, str], exceptions: bool = True
) -> list[Block]:
    """The heading and the list, or nothing for a report with no measures. Without an
    Exceptions section (``exceptions`` False), no point sends the reader to it."""
    if not report.measures:
        return []
    points = main_points(report, verdicts, anchors)
    if not exceptions:
        points = tuple(p for p in points if all(s.link != EXCEPTIONS_ANCHOR for s in p))
    if not points:
        return []
    return [Heading(2, "Main points", ANCHOR), BulletList(tuple((1, p) for p in points))]
