"""The front page's counts: how many measures of each priority (or figures of each area)
stand where, by what is judged, read from the report's verdicts (``core.verdicts``).

What is counted follows the summary's columns: ratings where the summary shows them, else
positions against the comparison group, else target status, else the direction of travel (as
always). The table's title says which, and the sentence above it says so where it is not the
direction of travel. A change tested against chance is never counted with one that was not.
"""

from __future__ import annotations

from collections.abc import Callable

from safecity_reports.core.model import RatingLevel, Report
from safecity_reports.core.ratings import rating_name
from safecity_reports.core.status import Direction, TargetStatus
from safecity_reports.core.verdicts import Change, Verdict, Verdicts
from safecity_reports.layout.document import Align, Cell, Span, Table, plain
from safecity_reports.layout.summary_columns import DATED_TARGET_STATUSES
from safecity_reports.layout.themes import grouping_word

Counter = tuple[str, tuple[str, ...], Callable[[Verdict], str]]
"""(what the title says is counted, the column words, which word a measure falls under)."""


DIRECTION_WHAT = "direction of travel"


def _direction(report: Report, verdicts: Verdicts) -> Counter:
    """Better and worse (significant, where some change was tested; not tested, where some was
    not), no significant change, little or no change, not judged, and columns of their own for
    figures still awaited from their agency (where some are) and figures missing for the
    reporting period (never counted as current)."""
    found = {v.change for v in verdicts.counted()}
    tested = verdicts.tested_any
    same = "Little or no change" if Change.LITTLE_CHANGE in found else "No change"
    missing = f"No figure for {report.settings.period}"
    names = {
        Change.BETTER: "Better (significant)",
        Change.WORSE: "Worse (significant)",
        Change.NOT_SIGNIFICANT: "No significant change",
        Change.BETTER_UNTESTED: "Better (not tested)" if tested else "Better",
        Change.WORSE_UNTESTED: "Worse (not tested)" if tested else "Worse",
        Change.LITTLE_CHANGE: same,
        Change.NO_CHANGE: same,
        Change.NOT_JUDGED: "Not judged",
        Change.NO_COMPARISON: "Not judged",
        Change.AWAITING: "Awaited",
        Change.NO_FIGURE: missing,
    }
    shown = {Change.NO_CHANGE, Change.NOT_JUDGED, Change.NO_FIGURE}
    shown |= (
        {Change.BETTER, Change.WORSE, Change.NOT_SIGNIFICANT}
        if tested
        else {Change.BETTER_UNTESTED, Change.WORSE_UNTESTED}
    )
    words = tuple(dict.fromkeys(names[c] for c in names if c in shown or c in found))
    return (DIRECTION_WHAT, words, lambda v: names[v.change])


_TARGET_WHAT = "target status"
_TARGET_COLUMNS = {
    TargetStatus.MET: "Met",
    TargetStatus.NEAR: "Near",
    TargetStatus.MISSED: "Missed",
    TargetStatus.ON_TRACK: "On track",
    TargetStatus.OFF_TRACK: "Off track",
    TargetStatus.NOT_YET_DUE: "Not yet due",
    TargetStatus.PAST_DUE: "Past its date",
}
_NO_TARGET = "No target or figure"


def _target(verdicts: Verdicts) -> Counter:
    """Met, near and missed, then the words of a dated target (on track, off track, not yet
    due, past its date) that some measure's figure is judged by, and no target or figure."""
    found = {v.status.target for v in verdicts.counted()}
    words = tuple(
        word
        for status, word in _TARGET_COLUMNS.items()
        if status not in DATED_TARGET_STATUSES or status in found
    )
    return (
        _TARGET_WHAT,
        (*words, _NO_TARGET),
        lambda v: _TARGET_COLUMNS.get(v.status.target, _NO_TARGET),
    )


def _position(v: Verdict) -> str:
    if v.standing is None or v.standing.position is None:
        return "No position"
    return {"better": "Better than group", "worse": "Worse than group"}.get(v.group_side, "In line")


_GROUP: Counter = (
    "position against their comparison group's range",
    ("Better than group", "In line", "Worse than group", "No position"),
    _position,
)

_RATED = (RatingLevel.RED, RatingLevel.AMBER, RatingLevel.GREEN)
"""The ratings always counted in a column of their own; grey has one when a measure is rated
grey (a rating given, often "no target" or "for information", not the absence of one); the rest
(not rated, none given) are counted as not rated."""
_RATING_WHAT = "rating"


def _rating(report: Report) -> Counter:
    """Red, amber, green (grey where given) and not rated, under the names the styles give."""
    names = report.settings.rating_names
    not_rated = rating_name(RatingLevel.NOT_RATED, names)
    rated: tuple[RatingLevel, ...] = _RATED
    period = report.settings.period
    if any(r.level is RatingLevel.GREY and r.period == period for r in report.ratings):
        rated = (*_RATED, RatingLevel.GREY)
    return (
        _RATING_WHAT,
        (*(rating_name(level, names) for level in rated), not_rated),
        lambda v: (
            rating_name(v.rating.level, names)
            if v.rating and v.rating.level in rated
            else not_rated
        ),
    )


COUNTER_MEANINGS = {
    DIRECTION_WHAT: "whether each figure changed for the better or the worse since the"
    " figure it is compared with",
    _TARGET_WHAT: "whether each figure met its target, came near it or missed it",
    _GROUP[0]: "whether each figure is better or worse than its comparison group's normal range,"
    " or in line with it",
    _RATING_WHAT: "the rating each measure was given",
}
"""What each front-page count judges, for 'How to read this report'."""


def counter_sentence(report: Report, verdicts: Verdicts) -> str:
    """One sentence on what the front page counts and under which words."""
    what, words, _ = counter_for(report, verdicts)
    listed = ", ".join(words[:-1]) + f" or {words[-1]}"
    meaning = COUNTER_MEANINGS[what]
    if what == _TARGET_WHAT and any(_TARGET_COLUMNS[s] in words for s in DATED_TARGET_STATUSES):
        meaning += ", or, before the target's date, whether it is on or off track"
    counted = (
        "each area's figures"
        if verdicts.per_area
        else (f"each {grouping_word(report).lower()}'s measures")
    )
    return f"The table on the front page counts {counted} by {what}: {meaning} ({listed})."


def counting_sentence(
    report: Report, verdicts: Verdicts, summary: bool = True, tests_said: bool = False
) -> str:
    """The front page's sentence on what its table counts and how: by what, whether changes
    were tested against chance, and, where the summary's columns make it count something other
    than the direction of travel, that it does (``summary``: the report has a summary table;
    ``tests_said``: the main points say how many changes could be tested, so this does not)."""
    what, _, _ = counter_for(report, verdicts)
    counted = (
        f"each area's figures for {report.settings.period}"
        if verdicts.per_area
        else f"each {grouping_word(report).lower()}'s measures"
    )
    sentence = f"The table counts {counted} by {what}"
    if what != DIRECTION_WHAT:
        sentence += (
            " (as the summary's columns do)" if summary else ""
        ) + ", not by direction of travel"
    changes = [
        v for v in verdicts.counted() if v.has_figure and v.change is not Change.NO_COMPARISON
    ]
    moved = [v for v in changes if v.status.direction in (Direction.UP, Direction.DOWN)]
    if what != DIRECTION_WHAT or not moved:
        return sentence + "."
    tested = sum(v.tested for v in changes)
    if not tested:
        return (
            sentence + "; no change could be tested against chance (the workbook gives no"
            " counts behind the figures compared), so better and worse say only which way the"
            " figure moved."
        )
    if tests_said:
        return (
            sentence + "; only the changes tested against chance (where the workbook gives the"
            " counts behind both figures) are called significant, the others are counted as"
            " not tested."
        )
    return (
        sentence + f"; {tested} of the {len(changes)} comparisons could be tested against chance"
        " (where the workbook gives the counts behind both figures), and only those are called"
        " significant; the others are counted as not tested."
    )


def counter_for(report: Report, verdicts: Verdicts) -> Counter:
    """What the front page counts, chosen from the summary's columns."""
    columns = report.settings.summary_columns
    if "Rating" in columns and report.ratings:
        return _rating(report)
    if "Group position" in columns and (report.rankings or report.group_facts):
        return _GROUP
    if "Target status" in columns:
        return _target(verdicts)
    return _direction(report, verdicts)


def at_a_glance(report: Report, verdicts: Verdicts) -> Table:
    """How many measures of each priority (figures of each area, where the partnership has
    none of its own) fall under each word of what is counted."""
    what, words, word_of = counter_for(report, verdicts)
    # a rating's column is headed by its name on its colour
    fills = (
        {
            rating_name(level, report.settings.rating_names): level
            for level in (*_RATED, RatingLevel.GREY)
        }
        if what == _RATING_WHAT
        else {}
    )
    first = "Area" if verdicts.per_area else grouping_word(report)
    header = (Cell(plain(first)),) + tuple(
        Cell(plain(w), Align.RIGHT, fill=fills.get(w)) for w in words
    )
    if verdicts.per_area:
        groups = [
            (area, [v for v in verdicts.counted() if v.area == area]) for area in verdicts.areas
        ]
    else:
        groups = [
            (
                priority.name,
                list(verdicts.counted_for({m.id for a in priority.actions for m in a.measures})),
            )
            for priority in report.priorities
        ]
    rows = []
    totals = [0] * len(words)
    for name, found in groups:
        if verdicts.per_area and not found:
            continue
        said = [word_of(v) for v in found]
        counts = [said.count(w) for w in words]
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        rows.append(
            (Cell(plain(name), row_header=True),)
            + tuple(Cell(plain(str(c)), Align.RIGHT) for c in counts)
        )
    if len(rows) != 1:  # one priority's (or area's) row is the total: not printed twice
        rows.append(_total(verdicts, totals))
    return Table(
        f"{'Figures for each area' if verdicts.per_area else 'Measures'} by {what},"
        f" {report.settings.period}",
        (header,),
        tuple(rows),
        (5.0,) + (1.2,) * len(words),
    )


def _total(verdicts: Verdicts, totals: list[int]) -> tuple[Cell, ...]:
    """The table's last row: every priority's (or area's) counts added up."""
    return (
        Cell(
            (Span("All areas" if verdicts.per_area else "All measures", bold=True),),
            row_header=True,
        ),
    ) + tuple(Cell((Span(str(t), bold=True),), Align.RIGHT) for t in totals)


def counts_in_words(report: Report, verdicts: Verdicts, tests_said: bool = False) -> str:
    """The front page's counts in a sentence, where its table would have one row (one priority,
    not figures for each area): a one-row table adds nothing to the words (issue 25). '' where
    the table is printed.

    'Of the 14 measures, 2 are better than their comparison group's normal range, 9 in line and
    3 worse.'; else 'Of the 3 measures, by target status: 1 on track and 2 off track.', each
    count under the table's word, a word no measure falls under left out."""
    if verdicts.per_area or len(report.priorities) != 1:
        return ""
    what, words, word_of = counter_for(report, verdicts)
    said = [word_of(v) for v in verdicts.counted()]
    if not said:
        return ""
    counts = [(said.count(w), w) for w in words if said.count(w)]
    if what == _GROUP[0]:
        return _group_words(len(said), counts)
    rated = what == _RATING_WHAT
    listed = _and([f"{n} {w if rated else w[:1].lower() + w[1:]}" for n, w in counts])
    sentence = f"Of the {_measures(len(said))}, by {what}: {listed}."
    caveat = testing_words(report, verdicts, tests_said)
    return f"{sentence} {caveat}" if caveat else sentence


def testing_words(report: Report, verdicts: Verdicts, tests_said: bool = False) -> str:
    """What the sentence over the table says of testing against chance, as a sentence of its
    own after the counts in words (counted by direction of travel); '' where it says nothing."""
    if counter_for(report, verdicts)[0] != DIRECTION_WHAT:
        return ""
    caveat = counting_sentence(report, verdicts, tests_said=tests_said).partition("; ")[2]
    return f"{caveat[:1].upper()}{caveat[1:]}"


def _measures(n: int) -> str:
    return f"{n} measure{'' if n == 1 else 's'}"


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


_GROUP_WORDS = {
    "Better than group": ("better than their comparison group's normal range", "better"),
    "In line": ("in line with their comparison group's normal range", "in line"),
    "Worse than group": ("worse than their comparison group's normal range", "worse"),
    "No position": ("no position against a comparison group", "no position"),
}
"""Each column word of the group count in a sentence: first (in full), then after it."""


def _group_words(total: int, counts: list[tuple[int, str]]) -> str:
    first, *rest = counts
    n, word = first
    verb = ("has" if n == 1 else "have") if word == "No position" else ("is" if n == 1 else "are")
    parts = [f"{n} {verb} {_GROUP_WORDS[word][0]}"]
    parts += [f"{n} {_GROUP_WORDS[w][1]}" for n, w in rest]
    return f"Of the {_measures(total)}, {_and(parts)}."
