"""The summary's columns: each one a small function of what is known about one measure.

Settings' ``Summary columns`` chooses them; with none chosen the summary shows Previous, Current
and Direction, as it always has. A column prints words beside every colour, and [z] where the
report has nothing to say.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from safecity_reports.core import symbols
from safecity_reports.core.coverage import comparable
from safecity_reports.core.formatting import (
    change_places,
    format_number,
    format_value,
    ordinal,
    rounded,
)
from safecity_reports.core.groups import DISTANCE_DECIMALS, GroupStanding
from safecity_reports.core.model import (
    DEFAULT_SUMMARY_COLUMNS,
    Measure,
    NotAvailable,
    Observation,
    Pair,
    Rating,
    RatingLevel,
    Report,
    Settings,
    TargetKind,
    Unit,
)
from safecity_reports.core.periods import Period
from safecity_reports.core.ratings import RatingNames, rating_name
from safecity_reports.core.series import figure_at
from safecity_reports.core.status import (
    Direction,
    MeasureStatus,
    TargetStatus,
    comparison_period,
)
from safecity_reports.core.targets import interim_target
from safecity_reports.core.verdicts import Verdict, side_judgement
from safecity_reports.layout.document import Align, Cell, Span, Spans, Tone, plain
from safecity_reports.layout.narrative import travel_spans, value_text
from safecity_reports.layout.printed_change import printed_spans

NOT_APPLICABLE = symbols.NOT_APPLICABLE


@dataclass(frozen=True)
class Facts:
    """What one row of the summary may show about a measure: its verdict, read, never judged
    again here."""

    measure: Measure
    status: MeasureStatus
    standing: GroupStanding | None
    """The area's standing in its comparison group, where the workbook gives one."""
    rating: Rating | None
    """The rating of the measure (or else of its action), where given."""
    reporting: Period
    """The reporting period."""
    group_size: int | None = None
    """The size of the measure's latest full group, for a rank measure's 'of 15'."""
    rating_names: RatingNames = ()
    """The names the styles give the ratings (``Settings.rating_names``)."""
    mark_untested: bool = False
    """Whether a change not tested against chance says so ('up, worse (not tested)'): where
    the report tests some of its changes, so that the two are never read alike."""
    standings: tuple[GroupStanding, ...] = ()
    """The standing in every comparison group that ranks it, ``standing`` first."""
    earlier: Observation | None = None
    """The figure for the report's comparison period (the quarter before, by default), whether
    or not it is compared: a year to date of fewer months is given, but not compared."""


def facts_for(report: Report, verdict: Verdict, mark_untested: bool = False) -> Facts:
    """Everything the summary's columns may need about one verdict (a measure, for an area)."""
    return Facts(
        verdict.measure,
        verdict.status,
        verdict.standing,
        verdict.rating,
        report.settings.period,
        verdict.group_size,
        report.settings.rating_names,
        mark_untested,
        standings=verdict.standings,
        earlier=figure_at(verdict.measure.observations, comparison_period(report.settings)),
    )


NO_FIGURE = symbols.NOT_AVAILABLE
"""What a figure column says where the workbook has no figure for the period."""


def _figure(facts: Facts, observation: Observation | None) -> Spans:
    if observation is None:
        return plain(NO_FIGURE)
    text = value_text(facts.measure, observation.actual) or NO_FIGURE
    # 'of 15' follows a position only, never a placeholder such as n/a or 'awaiting <agency>'
    if (
        facts.measure.unit is Unit.RANK
        and facts.group_size
        and isinstance(observation.actual, int | float)
    ):
        text += f" of {facts.group_size}"
    return plain(text)


def _number(value: object, measure: Measure) -> float | None:
    if isinstance(value, NotAvailable | Pair) or value is None:
        return None
    return rounded(float(value), measure.decimals)  # type: ignore[arg-type]


def _change(facts: Facts) -> Spans:
    before, after = facts.status.previous, facts.status.current
    if before is None or after is None:
        return plain(NO_FIGURE)
    return change_spans(facts.measure, before.actual, after.actual) + printed_spans(facts.status)


def change_spans(m: Measure, before: object, after: object) -> Spans:
    """The change from ``before`` to ``after`` as printed: '-512 (-4.3%)', '+2.0 points', or
    [z] for a rank, [x] where either is not a figure."""
    old, new = _number(before, m), _number(after, m)
    if m.unit is Unit.RANK:
        return plain(NOT_APPLICABLE)
    if old is None or new is None:
        return plain(NO_FIGURE)
    difference = new - old
    places = change_places(before, after, m.decimals)  # type: ignore[arg-type]
    sign = "+" if rounded(difference, places) > 0 else ""
    text = f"{sign}{format_number(difference, places)}"
    if m.unit is Unit.PERCENTAGE:
        return plain(f"{text} points")
    if m.unit is Unit.MONEY:
        text = f"{sign}£{format_number(abs(difference), places)}"
        text = f"-{text}" if rounded(difference, places) < 0 else text
    if old:
        percent = difference / abs(old) * 100
        text += f" ({'+' if rounded(percent, 1) > 0 else ''}{format_number(percent, 1)}%)"
    return plain(text)


_RATED = {
    "Improving": "improving",
    "Worsening": "worsening",
    "No change": "no change",
}


def _direction(facts: Facts) -> Spans:
    status = facts.status
    if status.direction is Direction.NOT_AVAILABLE and facts.rating and facts.rating.direction:
        word = _RATED.get(facts.rating.direction.value)
        if word:
            return plain(f"{word.capitalize()} (as rated)")
    return travel_spans(
        status.direction, status.judgement, status.test is not None, facts.mark_untested
    )


def _baseline(facts: Facts) -> Spans:
    baseline = facts.measure.baseline
    if baseline is None:
        return plain(NOT_APPLICABLE)
    m = facts.measure
    return plain(f"{format_value(baseline.value, m.unit, m.decimals)} ({baseline.period})")


def _since_baseline(facts: Facts) -> Spans:
    """The change from the baseline to the current figure, with its meaning in words; [z]
    where there is no baseline; 'not comparable' where it covers another length of time."""
    status, baseline = facts.status, facts.measure.baseline
    if baseline is None or status.current is None:
        return plain(NOT_APPLICABLE)
    if not comparable(baseline.period, status.current.period, facts.measure.kind):
        return plain("not comparable")  # the page's sentences say the two lengths of time
    if status.baseline_direction is Direction.NOT_AVAILABLE:
        return plain(NOT_APPLICABLE)
    change = change_spans(facts.measure, baseline.value, status.current.actual)
    if change in (plain(NOT_APPLICABLE), plain(NO_FIGURE)):
        return change
    return (
        change + (Span(", "),) + travel_spans(status.baseline_direction, status.baseline_judgement)
    )


_CHANGE_TARGETS = {
    TargetKind.REDUCE_ON_LAST_YEAR: "reduction on last year",
    TargetKind.INCREASE_ON_LAST_YEAR: "increase on last year",
}


def change_target_words(measure: Measure) -> str:
    """'a reduction on last year' for a target that is a change; '' for any other."""
    words = _CHANGE_TARGETS.get(measure.target_kind, "")
    if not words:
        return ""
    return f"{'an' if words[0] in 'aeiou' else 'a'} {words}"


def _target(facts: Facts) -> Spans:
    """The target's level as set (the judgement beside it says what the figure was held to
    before the target's date), or the change on last year it asks for."""
    m = facts.measure
    if m.target_kind in _CHANGE_TARGETS:  # not 'none': the target is a change
        return plain(_CHANGE_TARGETS[m.target_kind])
    if m.target is None:
        return plain(NOT_APPLICABLE)
    return plain(format_value(m.target, m.unit, m.decimals))


_TARGET_WORDS = {
    TargetStatus.MET: ("Met", Tone.GOOD),
    TargetStatus.NEAR: ("Near", Tone.NEUTRAL),
    TargetStatus.MISSED: ("Missed", Tone.BAD),
    TargetStatus.ON_TRACK: ("On track", Tone.GOOD),
    TargetStatus.OFF_TRACK: ("Off track", Tone.BAD),
    TargetStatus.NOT_YET_DUE: ("Not yet due", None),
    TargetStatus.PAST_DUE: ("Past its date", None),
    TargetStatus.NO_TARGET: ("No target", None),
    TargetStatus.NOT_AVAILABLE: (NO_FIGURE, None),
}
DATED_TARGET_STATUSES = frozenset(
    (
        TargetStatus.ON_TRACK,
        TargetStatus.OFF_TRACK,
        TargetStatus.NOT_YET_DUE,
        TargetStatus.PAST_DUE,
    )
)
"""What a target with a date says of a figure before or after that date."""
DATED_TARGET_MEANING = (
    "; before a target's date, whether the figure is on or off track against the profiled"
    " target for its period or, where none is given, an even share of the target (the figure in"
    " brackets), or that the target is not yet due; past its date: the target was for an"
    " earlier period."
)
"""What Target status holds besides met, near and missed, said where a dated target is judged."""


def _target_status(facts: Facts) -> Spans:
    """The judgement in words, with the figure it was made against where that is not the
    target itself: 'On track (profile 29,450)', 'Off track (even share 28,500)'."""
    word, tone = _TARGET_WORDS[facts.status.target]
    spans: Spans = (Span(word, bold=tone is not None, tone=tone),)
    interim = interim_target(facts.measure, facts.status.current)
    if facts.status.target in (TargetStatus.ON_TRACK, TargetStatus.OFF_TRACK) and interim:
        m = facts.measure
        what = "profile" if interim.profiled else "even share"
        spans += (Span(f" ({what} {format_value(interim.value, m.unit, m.decimals)})"),)
    return spans


def _position(facts: Facts) -> Spans:
    standing = facts.standing
    if standing is None or standing.position is None:
        return plain(NOT_APPLICABLE)
    meaning = side_judgement(standing.position, facts.measure.polarity)
    tone = {"better": Tone.GOOD, "worse": Tone.BAD}.get(meaning, Tone.NEUTRAL)
    words = standing.position.value + (f", {meaning}" if meaning else "")
    return (Span(words, bold=bool(meaning), tone=tone),)


def distance_text(distance: float) -> str:
    """'+12.5%', '-3.0%', or '0.0%' for a distance that rounds to nothing."""
    sign = "+" if rounded(distance, DISTANCE_DECIMALS) > 0 else ""
    return f"{sign}{format_number(distance, DISTANCE_DECIMALS)}%"


def _distance(facts: Facts) -> Spans:
    standing = facts.standing
    if standing is None or standing.distance is None:
        return plain(NOT_APPLICABLE)
    return plain(distance_text(standing.distance))


def rank_text(standing: GroupStanding) -> str:
    """'10th of 15 (1 = lowest)', or '10th (1 = lowest)' where the size is not known; '10th of
    15' where the workbook does not say which end rank 1 is, and '10th of 15 (rank 1 = lowest,
    assumed)' where that is Settings' default rather than the row's word."""
    if standing.rank is None:
        return NOT_APPLICABLE
    return _place(standing) + _end(standing)


def _place(standing: GroupStanding) -> str:
    """'10th of 15', or '10th' where the size is not known."""
    size = f" of {standing.size}" if standing.size else ""
    return f"{ordinal(standing.rank)}{size}" if standing.rank is not None else NOT_APPLICABLE


def _end(standing: GroupStanding) -> str:
    """' (1 = lowest)', ' (rank 1 = lowest, assumed)', or nothing where it is not known."""
    if standing.rank_one_is_lowest is None:
        return ""
    end = "lowest" if standing.rank_one_is_lowest else "highest"
    return f" (rank 1 = {end}, assumed)" if standing.rank_one_assumed else f" (1 = {end})"


def several_ranks_text(standings: Sequence[GroupStanding]) -> str:
    """Each group's rank, named: 'London boroughs: 21st of 32; Most similar group: 8th of 15
    (1 = lowest)', which end rank 1 is said once where every group counts from the same end."""
    ends = {_end(s) for s in standings}
    if len(ends) == 1:
        return "; ".join(f"{s.group_name}: {_place(s)}" for s in standings) + ends.pop()
    return "; ".join(f"{s.group_name}: {rank_text(s)}" for s in standings)


def _rank(facts: Facts) -> Spans:
    ranked = [s for s in facts.standings if s.rank is not None]
    if len(ranked) > 1:
        return plain(several_ranks_text(ranked))
    return plain(rank_text(facts.standing) if facts.standing else NOT_APPLICABLE)


def rating_spans(rating: Rating | None, reporting: Period, names: RatingNames = ()) -> Spans:
    """'Amber' (or the name the styles give it, bold), with the period rated where it is not
    the reporting period; the cell takes the rating's colour (``rating_fill``). A measure no
    one rated is 'Not rated' (or its name), in plain text on no colour."""
    if rating is None:
        return plain(rating_name(RatingLevel.NOT_RATED, names))
    spans: Spans = (Span(rating_name(rating.level, names), bold=True),)
    if rating.period != reporting:
        spans += (Span(f" ({rating.period})"),)
    return spans


def rating_fill(rating: Rating | None) -> RatingLevel | None:
    """The rating whose colour a cell showing ``rating`` is filled with; None for none given."""
    return rating.level if rating is not None else None


def _rating(facts: Facts) -> Spans:
    return rating_spans(facts.rating, facts.reporting, facts.rating_names)


@dataclass(frozen=True)
class SummaryColumn:
    """One column the summary may show."""

    name: str
    """Its header, as typed in Settings' Summary columns."""
    cell: Callable[[Facts], Spans]
    """What it prints for one measure."""
    align: Align = Align.LEFT
    width: float = 1.5
    meaning: str = ""
    """What the column holds, for 'How to read this report': the words after its header."""
    fill: Callable[[Facts], RatingLevel | None] = lambda facts: None
    """The rating whose colour the cell is filled with, if any."""

    def cell_for(self, facts: Facts) -> Cell:
        """The column's cell for one measure."""
        return Cell(self.cell(facts), self.align, fill=self.fill(facts))


COLUMNS = {
    c.name: c
    for c in (
        SummaryColumn(
            "Previous",
            lambda f: _figure(f, f.status.previous),
            Align.RIGHT,
            1.4,
            "the figure the current one is compared with.",
        ),
        SummaryColumn(
            "Current",
            lambda f: _figure(f, f.status.current),
            Align.RIGHT,
            1.4,
            "the measure's latest figure up to the period of this report.",
        ),
        SummaryColumn(
            "Change",
            _change,
            Align.RIGHT,
            1.6,
            "the current figure less the previous one (in points for a percentage), and that "
            "change as a per cent of the previous figure.",
        ),
        SummaryColumn(
            "Direction",
            _direction,
            Align.LEFT,
            1.85,
            "whether the figure went up or down, and whether that is better or worse (see the "
            "arrows below).",
        ),
        SummaryColumn(
            "Baseline",
            _baseline,
            Align.RIGHT,
            1.5,
            "the figure progress is judged from, with its period, or none.",
        ),
        SummaryColumn(
            "Change since baseline",
            _since_baseline,
            Align.LEFT,
            2.0,
            "the current figure against the baseline, where both cover the same length of "
            "time, and whether that is better or worse.",
        ),
        SummaryColumn(
            "Target", _target, Align.RIGHT, 1.5, "the target set for the measure, or none."
        ),
        SummaryColumn(
            "Target status",
            _target_status,
            Align.LEFT,
            1.9,  # 'Off track (even share 3,900)' on two lines
            "whether the current figure met its target, fell short by no more than the "
            "tolerance allowed (near), or missed it.",
        ),
        SummaryColumn(
            "Group position",
            _position,
            Align.LEFT,
            1.6,
            "whether the figure is above, within or below the normal range of its comparison "
            "group, and whether that is better or worse for the measure.",
        ),
        SummaryColumn(
            "Distance from group average",
            _distance,
            Align.RIGHT,
            1.5,
            "how far the figure is above (+) or below (-) the group's average, as a per cent "
            "of that average.",
        ),
        SummaryColumn(
            "Rank",
            _rank,
            Align.RIGHT,
            1.7,
            "the area's place in its comparison group, and, where the source says, whether"
            " 1st is the lowest or the highest figure.",
        ),
        SummaryColumn(
            "Previous period",
            lambda f: _figure(f, f.earlier),
            Align.RIGHT,
            1.4,
            "the figure for the period before this report's (headed with its period), whether"
            " or not it is compared: a year to date of fewer months is given, not compared.",
        ),
        SummaryColumn(
            "Rating",
            _rating,
            Align.LEFT,
            1.3,
            "the rating the measure's rater gave it, in words as well as colour, with the "
            "period rated where it is not the period of this report.",
            lambda f: rating_fill(f.rating),
        ),
    )
}
"""Every column the summary can print, by the name typed in Settings' Summary columns."""

HEADERS = {
    "Direction": "Travel",
    "Distance from group average": "Distance from average",
    "Change since baseline": "Since baseline",
}
"""Shorter headers where the name as typed is long (Travel is today's header)."""


def column_header(column: SummaryColumn, settings: Settings) -> str:
    """The column's header: its short name, or for Previous period the period itself."""
    if column.name == "Previous period":
        return str(comparison_period(settings))
    return HEADERS.get(column.name, column.name)


def chosen_columns(names: tuple[str, ...]) -> tuple[SummaryColumn, ...]:
    """The columns chosen (the default where none are), in the order chosen."""
    return tuple(COLUMNS[n] for n in (names or DEFAULT_SUMMARY_COLUMNS) if n in COLUMNS)
