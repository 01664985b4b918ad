"""The front page's counts: how many measures of each priority stand where, by what is judged.

What is counted follows the summary's columns: ratings where the summary shows them, else
positions against the comparison group, else target status, else the direction of travel (as
always). The table's title says which.
"""

from __future__ import annotations

from collections.abc import Callable

from safecity_reports.core.areas import area_names, has_own_figures
from safecity_reports.core.model import Measure, NotAvailable, RatingLevel, Report
from safecity_reports.core.ratings import rating_name
from safecity_reports.core.status import (
    Judgement,
    MeasureStatus,
    TargetStatus,
    comparison_period,
    measure_status,
)
from safecity_reports.layout.document import Align, Cell, Span, Table, plain
from safecity_reports.layout.summary_columns import (
    DATED_TARGET_STATUSES,
    Facts,
    facts_for,
    side_judgement,
)
from safecity_reports.layout.themes import grouping_word

Counter = tuple[str, tuple[str, ...], Callable[[Facts], str]]
"""(what the title says is counted, the column words, which word a measure falls under)."""


def _direction(report: Report, statuses: dict[str, MeasureStatus]) -> Counter:
    """Better, worse, no change, not judged, and a column of its own for measures with no
    figure for the reporting period (never counted as current)."""
    period = report.settings.period
    found = {s.judgement for s in statuses.values()}
    little = Judgement.LITTLE_CHANGE in found
    # a change that could be chance is counted with no change (issue 14)
    significant = " significant" if Judgement.NOT_SIGNIFICANT in found else ""
    same = f"Little or no{significant} change" if little else f"No{significant} change"
    missing = f"No figure for {period}"

    def word(f: Facts) -> str:
        status = f.status
        if not status.up_to_date or (
            status.current is not None and isinstance(status.current.actual, NotAvailable)
        ):
            return missing
        return {
            Judgement.IMPROVING: "Better",
            Judgement.WORSENING: "Worse",
            Judgement.NO_CHANGE: same,
            Judgement.LITTLE_CHANGE: same,
            Judgement.NOT_SIGNIFICANT: same,
        }.get(status.judgement, "Not judged")

    return ("direction of travel", ("Better", "Worse", same, "Not judged", missing), word)


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


def _target(report: Report, statuses: dict[str, MeasureStatus]) -> Counter:
    """Met, near and missed, then the words of a dated target (on track, off track, not yet
    due, past its date) that some measure's figure is judged by, and no target or figure."""
    found = {s.target for s in counted_statuses(report, statuses)}
    words = tuple(
        word
        for status, word in _TARGET_COLUMNS.items()
        if status not in DATED_TARGET_STATUSES or status in found
    )
    return (
        _TARGET_WHAT,
        (*words, _NO_TARGET),
        lambda f: _TARGET_COLUMNS.get(f.status.target, _NO_TARGET),
    )


def _position(f: Facts) -> str:
    if f.standing is None or f.standing.position is None:
        return "No position"
    meaning = side_judgement(f.standing.position, f.measure.polarity)
    return {"better": "Better than group", "worse": "Worse than group"}.get(meaning, "In line")


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
        lambda f: (
            rating_name(f.rating.level, names)
            if f.rating and f.rating.level in rated
            else not_rated
        ),
    )


COUNTER_MEANINGS = {
    "direction of travel": "whether each figure changed for the better or the worse since the"
    " figure it is compared with",
    _TARGET_WHAT: "whether each figure met its target, came near it or missed it",
    _GROUP[0]: "whether each figure is better or worse than its comparison group's normal range,"
    " or in line with it",
    _RATING_WHAT: "the rating each measure was given",
}
"""What each front-page count judges, for 'How to read this report'."""


def counter_sentence(report: Report, statuses: dict[str, MeasureStatus]) -> str:
    """One sentence on what the front page counts and under which words."""
    what, words, _ = counter_for(report, statuses)
    listed = ", ".join(words[:-1]) + f" or {words[-1]}"
    meaning = COUNTER_MEANINGS[what]
    if what == _TARGET_WHAT and any(_TARGET_COLUMNS[s] in words for s in DATED_TARGET_STATUSES):
        meaning += ", or, before the target's date, whether it is on or off track"
    return (
        f"The table on the front page counts each {grouping_word(report).lower()}'s measures"
        f" by {what}: {meaning} ({listed})."
    )


def counted_statuses(report: Report, statuses: dict[str, MeasureStatus]) -> list[MeasureStatus]:
    """The statuses the front page and the summary print: the partnership's, or each area's
    where it has no figures of its own."""
    areas = area_names(report) if not has_own_figures(report) else ()
    if not areas:
        return list(statuses.values())
    reporting, comparison = report.settings.period, comparison_period(report.settings)
    basis = report.settings.compare_with
    return [
        measure_status(m, reporting, comparison, basis, area=area)
        for m in report.measures
        for area in areas
    ]


def counter_for(report: Report, statuses: dict[str, MeasureStatus]) -> Counter:
    """What the front page counts, chosen from the summary's columns."""
    columns = report.settings.summary_columns
    if "Rating" in columns and report.ratings:
        return _rating(report)
    if "Group position" in columns and (report.rankings or report.group_facts):
        return _GROUP
    if "Target status" in columns:
        return _target(report, statuses)
    return _direction(report, statuses)


def at_a_glance(report: Report, statuses: dict[str, MeasureStatus]) -> Table:
    """How many measures of each priority fall under each word of what is counted."""
    what, words, word_of = counter_for(report, statuses)
    # a rating's column is headed by its name on its colour
    fills = (
        {
            rating_name(level, report.settings.rating_names): level
            for level in (*_RATED, RatingLevel.GREY)
        }
        if what == _RATING_WHAT
        else {}
    )
    header = (Cell(plain(grouping_word(report))),) + tuple(
        Cell(plain(w), Align.RIGHT, fill=fills.get(w)) for w in words
    )
    rows = []
    totals = [0] * len(words)

    areas = area_names(report) if not has_own_figures(report) else ()
    reporting, comparison = report.settings.period, comparison_period(report.settings)
    basis = report.settings.compare_with

    def count(measures: list[Measure]) -> list[int]:
        if areas:  # every area's figures for each measure it has them for
            found = [
                word_of(
                    facts_for(
                        report, m, measure_status(m, reporting, comparison, basis, area=area), area
                    )
                )
                for m in measures
                for area in areas
                if any(o.area == area for o in m.observations)
                or any(r.area == area and r.subject == m.id for r in report.ratings)
            ]
        else:
            found = [word_of(facts_for(report, m, statuses[m.id])) for m in measures]
        return [found.count(w) for w in words]

    for priority in report.priorities:
        counts = count([m for a in priority.actions for m in a.measures])
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        rows.append(
            (Cell(plain(priority.name), row_header=True),)
            + tuple(Cell(plain(str(c)), Align.RIGHT) for c in counts)
        )
    rows.append(
        (Cell((Span("All" if areas else "All measures", bold=True),), row_header=True),)
        + tuple(Cell((Span(str(t), bold=True),), Align.RIGHT) for t in totals)
    )
    return Table(
        f"{'Figures for each area' if areas else 'Measures'} by {what}, {report.settings.period}",
        (header,),
        tuple(rows),
        (5.0,) + (1.2,) * len(words),
    )
