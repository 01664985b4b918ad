"""A measure's target: a level to reach or keep to, or a change on last year, perhaps by a date.

Before its date a target is never "met": a figure is on or off track against the profiled target
the partnership typed for its period (the Data sheet's Profiled target), else a year-to-date
figure against an even share of the target for the months so far; any other figure's target is
not yet due.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from safecity_reports.core.coverage import covered
from safecity_reports.core.formatting import rounded
from safecity_reports.core.model import (
    FigureKind,
    Measure,
    NotAvailable,
    Observation,
    Pair,
    Polarity,
    TargetKind,
    Value,
)


class TargetStatus(Enum):
    """The partnership's figure against the measure's target (green, amber, red)."""

    MET = "met"
    NEAR = "near"
    MISSED = "missed"
    ON_TRACK = "on track"
    OFF_TRACK = "off track"
    NOT_YET_DUE = "not yet due"
    PAST_DUE = "past its date"
    NO_TARGET = "no target"
    NOT_AVAILABLE = "not available"


def exact(x: float) -> Decimal:
    # The number as typed, so that 1.1 short of 0.9 is exactly 0.2 and not 0.2000000001.
    return Decimal(repr(float(x)))


def against_target(
    actual: Value | None,
    target: float | None,
    tolerance: float | None,
    polarity: Polarity,
    *,
    decimals: int | None = None,
) -> TargetStatus:
    """The actual figure against a target: MET, NEAR (amber) or MISSED.

    At or beyond the target in the good direction is MET; short of it by no more than
    ``tolerance`` (None means 0) is NEAR; further short is MISSED. With no preferred
    direction, within ``tolerance`` either side is MET and anything else MISSED. No target
    gives NO_TARGET; no figure, a not-available figure or a pair gives NOT_AVAILABLE.
    Given ``decimals``, the actual figure is taken as printed to that many places.
    """
    if target is None:
        return TargetStatus.NO_TARGET
    if actual is None or isinstance(actual, NotAvailable | Pair):
        return TargetStatus.NOT_AVAILABLE
    value = exact(actual if decimals is None else rounded(actual, decimals))
    allowed = exact(tolerance or 0.0)
    if polarity is Polarity.NO_PREFERENCE:
        return TargetStatus.MET if abs(value - exact(target)) <= allowed else TargetStatus.MISSED
    shortfall = exact(target) - value
    if polarity is Polarity.LOW_IS_GOOD:
        shortfall = -shortfall
    if shortfall <= 0:
        return TargetStatus.MET
    return TargetStatus.NEAR if shortfall <= allowed else TargetStatus.MISSED


_LEVELS = {
    TargetKind.STAY_BELOW: Polarity.LOW_IS_GOOD,
    TargetKind.STAY_ABOVE: Polarity.HIGH_IS_GOOD,
}


def is_limit(kind: TargetKind) -> bool:
    """Whether a target of ``kind`` is a level to keep to (stay below or above) in every
    period up to its date, rather than a level to reach by it or a change on last year."""
    return kind in _LEVELS


_ON_TRACK = {
    TargetStatus.MET: TargetStatus.ON_TRACK,
    TargetStatus.NEAR: TargetStatus.ON_TRACK,
    TargetStatus.MISSED: TargetStatus.OFF_TRACK,
}


def share_of_target(measure: Measure, current: Observation) -> float | None:
    """The part of a year-to-date target due by ``current``'s period: the target times the
    months covered so far over the months the target covers (9/12 of it at Q3). None where
    ``current`` counts from the start of another year than the target's (its share of that
    year's target is not known)."""
    if measure.target is None or measure.target_due is None:
        return None
    so_far = covered(current.period, FigureKind.YEAR_TO_DATE)
    whole = covered(measure.target_due, FigureKind.YEAR_TO_DATE)
    if so_far.start != whole.start or not whole.months:
        return None
    return measure.target * so_far.months / whole.months


@dataclass(frozen=True)
class InterimTarget:
    """What a figure is judged against, on or off track, before its target's date."""

    value: float
    """The figure due by the period judged, as the report prints it (to the measure's
    decimals), so that the judgement and the printed figures agree."""
    profiled: bool
    """True: the partnership's profiled target for the period (the Data sheet's Profiled
    target); False: an even share of the target for the months so far."""


def interim_target(measure: Measure, current: Observation | None) -> InterimTarget | None:
    """The figure ``current`` is judged against before its target's date, where there is one.

    The profiled target typed on ``current``'s row comes first, for a figure of any kind; else a
    year-to-date figure is held to an even share of a target to reach. None where the target
    has no date or is due by ``current``'s period, is a change on last year (judged against last
    year's figure, not a level), where there is no target, and where neither applies (a level to
    stay below or above applies as it stands; any other figure's target is not yet due).
    """
    due = measure.target_due
    if (
        current is None
        or measure.target is None
        or due is None
        or current.period.end >= due.end
        or measure.target_kind in (TargetKind.REDUCE_ON_LAST_YEAR, TargetKind.INCREASE_ON_LAST_YEAR)
    ):
        return None
    if current.profiled_target is not None:
        return InterimTarget(rounded(current.profiled_target, measure.decimals), True)
    if measure.kind is not FigureKind.YEAR_TO_DATE or measure.target_kind in _LEVELS:
        return None
    share = share_of_target(measure, current)
    return None if share is None else InterimTarget(rounded(share, measure.decimals), False)


def _change_on_last_year(
    measure: Measure, current: Value, year_ago: Observation | None
) -> TargetStatus:
    if year_ago is None or not isinstance(year_ago.actual, float | int):
        return TargetStatus.NOT_AVAILABLE
    before = rounded(year_ago.actual, measure.decimals)
    after = rounded(float(current), measure.decimals)  # type: ignore[arg-type]
    wanted = (
        after < before if measure.target_kind is TargetKind.REDUCE_ON_LAST_YEAR else after > before
    )
    return TargetStatus.MET if wanted else TargetStatus.MISSED


def target_status(
    measure: Measure, current: Observation | None, year_ago: Observation | None
) -> TargetStatus:
    """``current`` against the measure's target, of whatever kind and date.

    A level to reach is judged by the polarity; a level to stay below or above by the level
    alone; a change on last year against ``year_ago``. A target with a date is judged as met
    or missed only for the period ending on that date: before it, a figure is ON_TRACK or
    OFF_TRACK against its ``interim_target`` (a profiled target, or a year-to-date figure's
    even share of the year), a change on last year's year-to-date figure against last year's
    same point, a level to stay below or above against the level, and anything else is
    NOT_YET_DUE; after it, PAST_DUE.
    """
    kind = measure.target_kind
    changes = kind in (TargetKind.REDUCE_ON_LAST_YEAR, TargetKind.INCREASE_ON_LAST_YEAR)
    if measure.target is None and not changes:
        return TargetStatus.NO_TARGET
    if current is None or isinstance(current.actual, NotAvailable | Pair):
        return TargetStatus.NOT_AVAILABLE
    due = measure.target_due
    if due is not None and current.period.end > due.end:
        return TargetStatus.PAST_DUE
    before_due = due is not None and current.period.end < due.end
    if changes:
        status = _change_on_last_year(measure, current.actual, year_ago)
        if before_due and measure.kind is not FigureKind.YEAR_TO_DATE:
            return TargetStatus.NOT_YET_DUE
        return _ON_TRACK.get(status, status) if before_due else status
    polarity = _LEVELS.get(kind, measure.polarity)
    interim = interim_target(measure, current)
    if interim is not None:
        status = against_target(
            current.actual, interim.value, None, polarity, decimals=measure.decimals
        )
        return _ON_TRACK.get(status, status)
    if not before_due or kind in _LEVELS:
        status = against_target(
            current.actual, measure.target, measure.tolerance, polarity, decimals=measure.decimals
        )
        # a level to keep to applies in every period up to its date, and is on or off track
        # until then: never met before the date
        return _ON_TRACK.get(status, status) if before_due else status
    return TargetStatus.NOT_YET_DUE
