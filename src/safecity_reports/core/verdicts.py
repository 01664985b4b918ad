"""Every verdict of the report, judged once: for each measure, for the partnership and for each
area, what changed and whether it was tested, where it stands against its target, its rating,
its group and its baseline, what its SPC chart says, whether it is late, and why a verdict
could not be made. The front page, the main points, the summary, Exceptions and the pages all
read these; none of them judges again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TypeVar

from safecity_reports.core.areas import area_names, has_own_figures, in_area
from safecity_reports.core.groups import GroupStanding, group_names, group_standings, rank_history
from safecity_reports.core.lateness import overdue
from safecity_reports.core.model import (
    Figure,
    FigureKind,
    GroupSide,
    Measure,
    MultipleTesting,
    NotAvailable,
    Polarity,
    Rating,
    RatingLevel,
    Report,
    TargetKind,
)
from safecity_reports.core.multiplicity import adjusted
from safecity_reports.core.publication import as_of
from safecity_reports.core.ratings import rating_for
from safecity_reports.core.status import (
    Direction,
    Judgement,
    MeasureStatus,
    TargetStatus,
    comparison_period,
    measure_status,
)
from safecity_reports.core.targets import against_target, is_limit
from safecity_reports.core.xmr_page import PageXmR, page_xmr
from safecity_reports.stats import Assurance, Signal


class Change(Enum):
    """What the comparison of the latest figure with the one before says, in one word."""

    BETTER = "better, significant"
    """A change tested against chance, significant, for the better."""
    WORSE = "worse, significant"
    """A change tested against chance, significant, for the worse."""
    NOT_SIGNIFICANT = "no significant change"
    """A change tested against chance that chance could explain."""
    BETTER_UNTESTED = "better, not tested"
    """A change for the better that could not be tested against chance."""
    WORSE_UNTESTED = "worse, not tested"
    """A change for the worse that could not be tested against chance."""
    LITTLE_CHANGE = "little change"
    """A change smaller than the measure's stated 'little change'."""
    NO_CHANGE = "no change"
    """The same figure as printed."""
    NOT_JUDGED = "not judged"
    """A rise or fall of a measure with no preferred direction."""
    NO_COMPARISON = "nothing to compare with"
    """A figure for the reporting period, but no earlier figure it can be compared with."""
    AWAITING = "awaiting"
    """The reporting period's figure is still to come from the agency that leads it (a draft
    made while an agency is late: the cell is blank)."""
    NO_FIGURE = "no figure"
    """No figure for the reporting period (late, missing or not available)."""


class Concern(Enum):
    """A reason the board may want to look at a measure first."""

    SIGNIFICANTLY_WORSE = "significantly worse"
    SPECIAL_CAUSE_CONCERN = "special cause of concern"
    TARGET_CONSISTENTLY_MISSED = "target will be consistently missed"
    TARGET_MISSED = "target missed"
    TARGET_OFF_TRACK = "target off track"
    ABOVE_YEAR_TARGET = "already beyond the whole year's target"
    RED = "rated red"
    AMBER = "rated amber"
    WORSE_THAN_GROUP = "outside its group's range, on the worse side"
    WORSE_THAN_BASELINE = "worse than its baseline"
    LATE = "late"
    MISSING = "no figure"
    IMPLAUSIBLE = "figure looks implausible"


class Improvement(Enum):
    """A reason for good news about a measure."""

    SIGNIFICANTLY_BETTER = "significantly better"
    SPECIAL_CAUSE_IMPROVEMENT = "special cause of improvement"
    BETTER_THAN_GROUP = "outside its group's range, on the better side"
    BETTER_THAN_BASELINE = "better than its baseline"


_TARGET_CONCERNS = {
    TargetStatus.MISSED: Concern.TARGET_MISSED,
    TargetStatus.OFF_TRACK: Concern.TARGET_OFF_TRACK,
}
_RATING_CONCERNS = {RatingLevel.RED: Concern.RED, RatingLevel.AMBER: Concern.AMBER}


def side_judgement(side: GroupSide, polarity: Polarity) -> str:
    """'better' or 'worse' for a position outside the group's range, '' where not judged."""
    if side is GroupSide.IN_LINE or polarity is Polarity.NO_PREFERENCE:
        return ""
    return "better" if (side is GroupSide.ABOVE) == (polarity is Polarity.HIGH_IS_GOOD) else "worse"


@dataclass(frozen=True)
class Verdict:
    """Everything the report says about one measure for one area (or the partnership)."""

    measure: Measure
    """The measure as the series judged holds it (``areas.in_area``): only ``area``'s figures,
    with its own baseline and target where it gives them."""
    area: str
    """The area judged; '' for the partnership itself."""
    status: MeasureStatus
    """The comparisons, target status, baseline change and tests of ``area``'s figures."""
    standing: GroupStanding | None
    """The area's standing in its (first) comparison group, where the workbook gives one: the
    group whose range the concerns and the summary's Group position read."""
    rating: Rating | None
    """The rating of the measure (or else of its action) for the period, where given."""
    group_size: int | None
    """The size of the measure's latest full group, for a rank's 'of 15'."""
    xmr: PageXmR | None
    """The XmR chart the measure's page draws (the partnership's figures), with the figures it
    joins; None where the page draws none."""
    overdue: bool
    """Whether the latest figure is older than the reporting period and a newer one is due."""
    implausible: str = ""
    """Why the workbook's checks call the latest figure implausible ('it rose by 80% from 10
    in 2016/17 Q1'); '' where they do not."""
    standings: tuple[GroupStanding, ...] = ()
    """The area's standing in each comparison group that ranks it ('London boroughs', 'Most
    similar group'), by the groups' names; ``standing`` is the first."""
    rank_histories: tuple[tuple[str, tuple[GroupStanding, ...]], ...] = ()
    """(group name, its standing in every period that gives a rank, oldest first) for each
    group that ranks the area in more than one period."""

    @property
    def spc_signal(self) -> Signal | None:
        """What the XmR chart on the measure's page says of the latest figure; None where the
        page draws no XmR chart."""
        return None if self.xmr is None else self.xmr[1].latest.signal

    @property
    def spc_assurance(self) -> Assurance | None:
        """Whether the process on that chart will meet its target; None where not judged."""
        return None if self.xmr is None else self.xmr[1].assurance

    @property
    def has_figure(self) -> bool:
        """Whether there is a figure (a number) for the reporting period."""
        current = self.status.current
        return (
            current is not None
            and self.status.up_to_date
            and not isinstance(current.actual, NotAvailable)
        )

    @property
    def awaited_from(self) -> str:
        """The agency whose figure for the reporting period is still to come; '' where none is
        awaited."""
        current = self.status.current
        if current is None or not self.status.up_to_date:
            return ""
        actual = current.actual
        return actual.awaiting if isinstance(actual, NotAvailable) else ""

    @property
    def tested(self) -> bool:
        """Whether the change was tested against chance."""
        return self.status.test is not None

    @property
    def change(self) -> Change:
        """The comparison's verdict in one word (``Change``)."""
        if not self.has_figure:
            return Change.AWAITING if self.awaited_from else Change.NO_FIGURE
        status = self.status
        judged = status.judgement
        if status.direction is Direction.NOT_AVAILABLE:
            return Change.NO_COMPARISON
        if judged is Judgement.IMPROVING:
            return Change.BETTER if self.tested else Change.BETTER_UNTESTED
        if judged is Judgement.WORSENING:
            return Change.WORSE if self.tested else Change.WORSE_UNTESTED
        return {
            Judgement.NOT_SIGNIFICANT: Change.NOT_SIGNIFICANT,
            Judgement.LITTLE_CHANGE: Change.LITTLE_CHANGE,
            Judgement.NO_CHANGE: Change.NO_CHANGE,
        }.get(judged, Change.NOT_JUDGED)

    @property
    def group_side(self) -> str:
        """'better', 'worse' or '' for the area's position against its group's range."""
        if self.standing is None or self.standing.position is None:
            return ""
        return side_judgement(self.standing.position, self.measure.polarity)

    @property
    def beyond_year_target(self) -> bool:
        """A year-to-date figure already beyond the whole year's level to keep to (or its
        target to stay under), before the year ends: the year cannot end within it."""
        m, status = self.measure, self.status
        current = status.current
        if (
            m.kind is not FigureKind.YEAR_TO_DATE
            or m.target is None
            or m.target_due is None
            or current is None
            or not isinstance(current.actual, int | float)
            or current.period.end >= m.target_due.end
            or status.target is not TargetStatus.OFF_TRACK
        ):
            return False
        low = (
            m.target_kind is TargetKind.STAY_BELOW
            if is_limit(m.target_kind)
            else m.polarity is Polarity.LOW_IS_GOOD
        )
        return low and current.actual > m.target

    @property
    def concerns(self) -> tuple[Concern, ...]:
        """Every reason the board may want to look at this measure first, in the order the
        Exceptions page gives them."""
        found: list[Concern] = []
        if self.implausible:  # first: the other verdicts rest on that figure
            found.append(Concern.IMPLAUSIBLE)
        if self.change is Change.WORSE:
            found.append(Concern.SIGNIFICANTLY_WORSE)
        if self.spc_signal is Signal.CONCERN:
            found.append(Concern.SPECIAL_CAUSE_CONCERN)
        if self.spc_assurance is Assurance.CONSISTENTLY_MISSED:
            found.append(Concern.TARGET_CONSISTENTLY_MISSED)
        if self.beyond_year_target:
            found.append(Concern.ABOVE_YEAR_TARGET)
        elif self.has_figure and self.status.target in _TARGET_CONCERNS:
            found.append(_TARGET_CONCERNS[self.status.target])
        if self.rated in _RATING_CONCERNS:
            found.append(_RATING_CONCERNS[self.rated])
        if self.group_side == "worse":
            found.append(Concern.WORSE_THAN_GROUP)
        if self.has_figure and self.status.baseline_judgement is Judgement.WORSENING:
            found.append(Concern.WORSE_THAN_BASELINE)
        if self.measure_has_figures and not self.has_figure and not self.awaited_from:
            # an awaited figure is the draft's gap, said apart (front page, main points)
            current = self.status.current
            if current is not None and not isinstance(current.actual, NotAvailable):
                if self.overdue:
                    found.append(Concern.LATE)
            else:
                found.append(Concern.MISSING)
        return tuple(found)

    @property
    def improvements(self) -> tuple[Improvement, ...]:
        """Every reason for good news about this measure."""
        found: list[Improvement] = []
        if self.change is Change.BETTER:
            found.append(Improvement.SIGNIFICANTLY_BETTER)
        if self.spc_signal is Signal.IMPROVEMENT:
            found.append(Improvement.SPECIAL_CAUSE_IMPROVEMENT)
        if self.group_side == "better":
            found.append(Improvement.BETTER_THAN_GROUP)
        if self.has_figure and self.status.baseline_judgement is Judgement.IMPROVING:
            found.append(Improvement.BETTER_THAN_BASELINE)
        return tuple(found)

    @property
    def rated(self) -> RatingLevel | None:
        """The level the measure was rated for the reporting period itself; None where it was
        not (an older rating is printed with its period, but is no verdict on this one)."""
        rating = self.rating
        return (
            rating.level if rating is not None and rating.period == self.status.reporting else None
        )

    @property
    def measure_has_figures(self) -> bool:
        """Whether the workbook has any figure of this measure for this area."""
        return bool(self.measure.observations)


@dataclass(frozen=True)
class Verdicts:
    """The report's verdicts, judged once (``judge``)."""

    own: dict[str, Verdict]
    """The partnership's own verdict of every measure, by measure id, in report order."""
    by_area: dict[tuple[str, str], Verdict]
    """Each area's verdict of every measure it has figures, facts or a rating for, by
    (measure id, area), in the order of the areas and then of the report."""
    areas: tuple[str, ...]
    """The areas other than the partnership, in the order the workbook names them."""
    per_area: bool
    """True where the partnership has no figures of its own, so the front page, the summary
    and Exceptions give each area's verdicts; False: the partnership's."""
    key_figures: dict[str, tuple[tuple[Figure, TargetStatus], ...]] = field(default_factory=dict)
    """The key figures judged against a target, with their status, by action id."""

    def of(self, measure_id: str, area: str = "") -> Verdict:
        """The verdict of one measure for ``area`` ('' the partnership)."""
        return self.own[measure_id] if not area else self.by_area[(measure_id, area)]

    @property
    def statuses(self) -> dict[str, MeasureStatus]:
        """The partnership's status of every measure, by id."""
        return {key: v.status for key, v in self.own.items()}

    def counted(self) -> tuple[Verdict, ...]:
        """The verdicts the front page counts and Exceptions lists: the partnership's, or each
        area's where it has no figures of its own."""
        if not self.per_area:
            return tuple(self.own.values())
        return tuple(self.by_area.values())

    def counted_for(self, measure_ids: set[str]) -> tuple[Verdict, ...]:
        """``counted`` for the measures of ``measure_ids`` only."""
        return tuple(v for v in self.counted() if v.measure.id in measure_ids)

    @property
    def awaited(self) -> tuple[tuple[str, int], ...]:
        """Each agency whose figures for the reporting period are still to come, with how many,
        in the order first met."""
        agencies = [v.awaited_from for v in self.counted() if v.awaited_from]
        return tuple((a, agencies.count(a)) for a in dict.fromkeys(agencies))

    @property
    def tested_any(self) -> bool:
        """Whether any change counted was tested against chance."""
        return any(v.tested for v in self.counted())


def key_figure_target(figure: Figure) -> TargetStatus | None:
    """A key figure's share (its value out of its 'out of') against the share it should reach
    (a target is a percentage to reach); None without a target or an 'out of'."""
    if figure.target is None or not figure.out_of:
        return None
    share = 100 * figure.value / figure.out_of
    return against_target(share, figure.target, None, Polarity.HIGH_IS_GOOD, decimals=1)


def _concerns_area(report: Report, measure: Measure, area: str) -> bool:
    return (
        any(o.area == area for o in measure.observations)
        or any(f.area == area for f in measure.series_facts)
        or any(f.area == area and f.measure_id == measure.id for f in report.group_facts)
        or any(r.area == area and r.subject == measure.id for r in report.ratings)
    )


def verdict(report: Report, measure: Measure, area: str = "") -> Verdict:
    """The verdict of one measure for ``area`` ('' the partnership itself): the same judgement
    of whichever series, ``area``'s figures with its own baseline and target."""
    settings = report.settings
    reporting = settings.period
    measure = in_area(measure, area)
    status = measure_status(
        measure,
        reporting,
        comparison_period(settings),
        settings.compare_with,
        population=settings.population if not area else None,
        confidence=settings.confidence,
    )
    rating = rating_for(report, measure.id, reporting, area) or rating_for(
        report, measure.action_id, reporting, area
    )
    rankings = [r for r in report.rankings if r.measure_id == measure.id]
    size = len(max(rankings, key=lambda r: r.period).areas) if rankings else None
    standings = group_standings(report, measure.id, measure.polarity, reporting, area)
    # an area's series has a page, and so a chart, only where Settings ask for area pages
    chart = page_xmr(measure, reporting) if not area or settings.area_pages else None
    late = status.late and overdue(measure, status, as_of(report.settings))
    current = status.current
    flagged = (
        ""
        if current is None
        else next(
            (
                f.reason
                for f in report.implausible
                if (f.measure_id, f.period, f.area) == (measure.id, current.period.label, area)
            ),
            "",
        )
    )
    return Verdict(
        measure=measure,
        area=area,
        status=status,
        standing=standings[0] if standings else None,
        rating=rating,
        group_size=size,
        xmr=chart,
        overdue=late,
        implausible=flagged,
        standings=standings,
        rank_histories=tuple(
            (name, history)
            for name in group_names(report, measure.id, area)
            if len(
                history := rank_history(report, measure.id, measure.polarity, reporting, name, area)
            )
            > 1
        ),
    )


Key = TypeVar("Key")


def _adjusted(found: dict[Key, Verdict], method: MultipleTesting) -> dict[Key, Verdict]:
    """``found`` with its statuses adjusted for the number of their tests (``adjusted``)."""
    statuses = adjusted([v.status for v in found.values()], method)
    return {key: replace(v, status=s) for (key, v), s in zip(found.items(), statuses, strict=True)}


def judge(report: Report) -> Verdicts:
    """Every verdict of the report: the partnership's of every measure, and each area's of
    every measure it has figures, facts or a rating for."""
    own = {m.id: verdict(report, m) for m in report.measures}
    areas = area_names(report)
    by_area = {
        (m.id, area): verdict(report, m, area)
        for area in areas
        for m in report.measures
        if _concerns_area(report, m, area)
    }
    per_area = bool(areas) and not has_own_figures(report)
    # the tests counted are adjusted together where Settings ask (core.multiplicity)
    if per_area:
        by_area = _adjusted(by_area, report.settings.multiple_testing)
    else:
        own = _adjusted(own, report.settings.multiple_testing)
    judged: dict[str, list[tuple[Figure, TargetStatus]]] = {}
    for figure in report.figures:
        status = key_figure_target(figure)
        if status is not None:
            judged.setdefault(figure.action_id, []).append((figure, status))
    figures = {action: tuple(found) for action, found in judged.items()}
    return Verdicts(own, by_area, areas, per_area, figures)
