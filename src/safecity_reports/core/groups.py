"""The own area's standing in a comparison group: rank, size, average, distance and position.

Worked out from the full group (every area's figure, the Rankings sheet) wherever it is given,
and taken as typed (the Group position sheet) only where it is not, so a printed rank or
distance is never copied when it can be derived. ``disagreements`` lists where typed facts
contradict the full group, for ``check``.
"""

from __future__ import annotations

from dataclasses import dataclass

from safecity_reports.core.formatting import format_number, rounded
from safecity_reports.core.funnel import funnel_of
from safecity_reports.core.model import GroupFacts, GroupSide, Polarity, Ranking, Report, Unit
from safecity_reports.core.periods import Period
from safecity_reports.core.status import GroupPosition, group_position, ranked

DEFAULT_GROUP_NAME = "comparison group"
"""What a group is called when the workbook gives no name."""

_SIDES = {
    GroupPosition.ABOVE: GroupSide.ABOVE,
    GroupPosition.IN_LINE: GroupSide.IN_LINE,
    GroupPosition.BELOW: GroupSide.BELOW,
}

DISTANCE_DECIMALS = 1
"""Decimal places of a distance from the group average (a percentage)."""


@dataclass(frozen=True)
class GroupStanding:
    """What the report may say about one area in its comparison group for one period."""

    period: Period
    """The period of the group's figures."""
    group_name: str
    """The group's name, or ``DEFAULT_GROUP_NAME``."""
    size: int | None
    """How many areas the group has, the own area included; None where not known."""
    rank: int | None
    """The area's rank; None where not known."""
    rank_one_is_lowest: bool | None
    """Whether rank 1 is the lowest figure; None where the workbook does not say."""
    position: GroupSide | None
    """Against the group's limits; None where no limits are known."""
    distance: float | None
    """The difference from the group average in per cent of the average; None where unknown."""
    average: float | None
    """The group's average figure; None where unknown."""
    from_full_group: bool
    """True when worked out from every area's figure, False when taken as typed."""
    warning: bool = False
    """On a funnel plot: the area's rate differs from the group's at 95% (one to watch)."""
    rank_one_assumed: bool = False
    """True when ``rank_one_is_lowest`` is the Settings' default, not the row's own word: the
    report prints it as assumed."""


def from_ranking(ranking: Ranking, polarity: Polarity, unit: Unit | None = None) -> GroupStanding:
    """The own area's standing worked out from the full group.

    The rank is the position in ``status.ranked`` (lowest first unless high is good); the
    average is the one given, or else the mean of the areas' figures; the distance is the own
    figure's difference from the average in per cent of it (None for an average of 0); the
    position is ``status.group_position`` (None without limits), or, where every area gives its
    events and population for a rate (``unit``), the funnel plot's (``core.funnel``: above or
    below only beyond chance at 99.8%).
    """
    positions = ranked(ranking, polarity)
    own = next(((pos, area) for pos, area in positions if area.is_own_area), None)
    average = ranking.group_average
    if average is None and ranking.areas:
        average = sum(a.value for a in ranking.areas) / len(ranking.areas)
    distance = None
    if own is not None and average:
        distance = (own[1].value - average) / average * 100
    where = group_position(ranking)
    position = _SIDES[where] if where else None
    funnel = funnel_of(ranking, unit) if unit is not None else None
    if funnel is not None and funnel.position is not None:
        position = funnel.side
    return GroupStanding(
        period=ranking.period,
        group_name=ranking.group_name or DEFAULT_GROUP_NAME,
        size=len(ranking.areas),
        rank=own[0] if own else None,
        rank_one_is_lowest=polarity is not Polarity.HIGH_IS_GOOD,
        position=position,
        distance=distance,
        average=average,
        from_full_group=True,
        warning=funnel is not None and funnel.position is not None and funnel.position.warning,
    )


def from_facts(facts: GroupFacts, default_one_is_lowest: bool | None = None) -> GroupStanding:
    """The standing as typed on the Group position sheet. Where the row does not say which end
    rank 1 is, ``default_one_is_lowest`` (Settings' 'Rank 1 is') is taken as assumed; with no
    default the direction stays unknown (None)."""
    one_is_lowest = facts.rank_one_is_lowest
    assumed = one_is_lowest is None and default_one_is_lowest is not None
    return GroupStanding(
        period=facts.period,
        group_name=facts.group_name or DEFAULT_GROUP_NAME,
        size=facts.group_size,
        rank=facts.rank,
        rank_one_is_lowest=default_one_is_lowest if assumed else one_is_lowest,
        position=facts.position,
        distance=facts.distance,
        average=facts.group_average,
        from_full_group=False,
        rank_one_assumed=assumed,
    )


def group_key(name: str) -> str:
    """A group's identity: its name without case or extra spaces ('' for an unnamed group)."""
    return " ".join(name.split()).casefold()


def latest_ranking(
    report: Report, measure_id: str, reporting: Period, group: str | None = None
) -> Ranking | None:
    """The measure's latest full group whose period ends by the reporting period's end (of the
    group named ``group``, where given)."""
    found = [
        r
        for r in report.rankings
        if r.measure_id == measure_id
        and r.period.end <= reporting.end
        and (group is None or group_key(r.group_name) == group_key(group))
    ]
    return max(found, key=lambda r: r.period) if found else None


def group_names(report: Report, measure_id: str, area: str = "") -> tuple[str, ...]:
    """The names of the comparison groups that rank the measure for ``area`` ('' the
    partnership, whose full groups are on the Rankings sheet), each once ('' for an unnamed
    group), in the order of their names: never of the rows, so that sorting a sheet changes
    nothing the report says."""
    names: dict[str, str] = {}
    if not area:
        for r in report.rankings:
            if r.measure_id == measure_id:
                names.setdefault(group_key(r.group_name), r.group_name)
    for f in report.group_facts:
        if f.measure_id == measure_id and f.area == area:
            names.setdefault(group_key(f.group_name), f.group_name)
    return tuple(names[key] for key in sorted(names))


def _typed(
    report: Report, measure_id: str, area: str, group: str, reporting: Period | None
) -> list[GroupFacts]:
    return [
        f
        for f in report.group_facts
        if f.measure_id == measure_id
        and f.area == area
        and group_key(f.group_name) == group_key(group)
        and (reporting is None or f.period.end <= reporting.end)
    ]


def _unit(report: Report, measure_id: str) -> Unit | None:
    return next((m.unit for m in report.measures if m.id == measure_id), None)


def standing_in(
    report: Report,
    measure_id: str,
    polarity: Polarity,
    reporting: Period,
    group: str,
    area: str = "",
) -> GroupStanding | None:
    """The area's latest standing in the group named ``group`` by the reporting period: from
    the full group where given (the partnership's own area), else as typed."""
    ranking = latest_ranking(report, measure_id, reporting, group) if not area else None
    if ranking is not None:
        return from_ranking(ranking, polarity, _unit(report, measure_id))
    typed = _typed(report, measure_id, area, group, reporting)
    latest = max(typed, key=lambda f: f.period) if typed else None
    return from_facts(latest, report.settings.rank_one_is_lowest) if latest else None


def group_standings(
    report: Report, measure_id: str, polarity: Polarity, reporting: Period, area: str = ""
) -> tuple[GroupStanding, ...]:
    """The area's latest standing in each of its comparison groups by the reporting period, in
    the order of the groups' names."""
    found = (
        standing_in(report, measure_id, polarity, reporting, name, area)
        for name in group_names(report, measure_id, area)
    )
    return tuple(s for s in found if s is not None)


def group_standing(
    report: Report, measure_id: str, polarity: Polarity, reporting: Period, area: str = ""
) -> GroupStanding | None:
    """The area's latest standing in its first comparison group by the reporting period: from
    the full group where given.

    The full group (Rankings) is for the partnership's own area; typed facts may be for any
    area. None when the workbook has neither.
    """
    standings = group_standings(report, measure_id, polarity, reporting, area)
    return standings[0] if standings else None


def rank_history(
    report: Report,
    measure_id: str,
    polarity: Polarity,
    reporting: Period,
    group: str,
    area: str = "",
) -> tuple[GroupStanding, ...]:
    """The area's standing in the group named ``group`` in every period by the reporting
    period that gives a rank, oldest first: from the full group where given, else as typed."""
    by_period: dict[Period, GroupStanding] = {}
    for f in _typed(report, measure_id, area, group, reporting):
        by_period[f.period] = from_facts(f, report.settings.rank_one_is_lowest)
    if not area:
        unit = _unit(report, measure_id)
        for r in report.rankings:
            if (
                r.measure_id == measure_id
                and group_key(r.group_name) == group_key(group)
                and r.period.end <= reporting.end
            ):
                by_period[r.period] = from_ranking(r, polarity, unit)
    return tuple(by_period[p] for p in sorted(by_period) if by_period[p].rank is not None)


def group_phrase(standing: GroupStanding) -> str:
    """'the Most Similar Group (15 areas)' (or without the size where it is not known): the size
    beside the name, not inside it ('the London boroughs of 32 areas' read as a group of boroughs
    of areas)."""
    name = standing.group_name
    article = "the " if not name.lower().startswith("the ") else ""
    size = f" ({standing.size} areas)" if standing.size else ""
    return f"{article}{name}{size}"


def disagreements(ranking: Ranking, facts: GroupFacts, polarity: Polarity) -> list[str]:
    """How typed facts contradict the full group for the same measure and period, in words.

    A rank is compared after turning it round where the typed rank counts from the other
    end (a rank that does not say which end is rank 1 disagrees only when it is neither the
    derived rank nor that rank counted from the other end); a distance is compared to one
    decimal place, allowing half a percentage point for figures rounded before it was worked
    out; an average to the group's figures' own precision is not compared (the full group's
    average is the one given or the mean).
    """
    derived = from_ranking(ranking, polarity)
    found = []
    if facts.group_size is not None and facts.group_size != derived.size:
        found.append(f"Group size {facts.group_size} but the Rankings sheet lists {derived.size}")
    if facts.rank is not None and derived.rank is not None and derived.size:
        rank, turned = facts.rank, derived.size + 1 - facts.rank
        if facts.rank_one_is_lowest is None:
            agrees = derived.rank in (rank, turned)
        else:
            agrees = derived.rank == (
                rank if facts.rank_one_is_lowest == derived.rank_one_is_lowest else turned
            )
        if not agrees:
            found.append(
                f"Rank {facts.rank} but the figures on the Rankings sheet put it"
                f" {_rank_words(derived, facts.rank_one_is_lowest)}"
            )
    if None not in (facts.position, derived.position) and facts.position is not derived.position:
        assert facts.position is not None and derived.position is not None
        found.append(
            f"Position {facts.position.value} but the Rankings and Group limits sheets put it"
            f" {derived.position.value}"
        )
    if (
        facts.distance is not None
        and derived.distance is not None
        and abs(rounded(facts.distance, 1) - rounded(derived.distance, 1)) > 0.5
    ):
        found.append(
            f"Distance from average {format_number(facts.distance, 1)}% but the figures"
            f" give {format_number(derived.distance, 1)}%"
        )
    return found


def _rank_words(derived: GroupStanding, one_is_lowest: bool | None) -> str:
    # the derived rank in the convention the typed row uses (the derived one where it has none)
    rank, size = derived.rank or 0, derived.size or 0
    if one_is_lowest is None:
        one_is_lowest = bool(derived.rank_one_is_lowest)
    elif one_is_lowest != derived.rank_one_is_lowest:
        rank = size + 1 - rank
    return f"{rank} of {size} ({'1 = lowest' if one_is_lowest else '1 = highest'})"
