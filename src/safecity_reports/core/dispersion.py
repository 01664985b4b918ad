"""How much more a measure's own figures vary than chance (overdispersion, issue 23): the series
of like periods behind the latest figure, and the factor its tests and intervals are widened by.
Pure: the estimate is ``stats.dispersion``'s."""

from __future__ import annotations

from safecity_reports.core.coverage import comparable, follows
from safecity_reports.core.model import FigureKind, Measure, Observation, Unit
from safecity_reports.core.series import in_order
from safecity_reports.core.significance import events
from safecity_reports.stats import Dispersion, dispersion
from safecity_reports.stats.overdispersion import NONE


def like_series(measure: Measure, current: Observation) -> list[Observation]:
    """The figures of ``current``'s area, up to and including it, that cover the same length of
    time (and, year to date, the same part of the year): the like periods whose spread shows
    how much the figure varies. Rolling 12-month figures overlap month to month, so only those
    a whole number of years apart are like."""
    found = [
        o
        for o in in_order(measure.observations)
        if o.area == current.area
        and o.period.end <= current.period.end
        and comparable(o.period, current.period, measure.kind)
    ]
    if measure.kind is FigureKind.ROLLING_12_MONTHS:
        found = [o for o in found if o.period.end.month == current.period.end.month]
    return found


def series_dispersion(
    measure: Measure, current: Observation | None, population: float | None
) -> Dispersion:
    """The extra variation of ``current``'s like periods (``like_series``) whose events are
    known: quasi-Poisson for rates and counts, quasi-binomial for percentages, or from the moving
    range where at least 12 follow one another. ``stats.overdispersion.NONE`` (the test assumes
    Poisson variation) where there is no current figure or too few like periods."""
    if current is None or events(measure, current, population) is None:
        return NONE
    known = [
        (o, found)
        for o in like_series(measure, current)
        if (found := events(measure, o, population)) is not None
    ]
    proportions = measure.unit is Unit.PERCENTAGE
    if proportions:
        known = [(o, e) for o, e in known if e.count <= e.exposure]
    consecutive = all(
        follows(a.period, b.period, measure.kind)
        for (a, _), (b, _) in zip(known, known[1:], strict=False)
    )
    return dispersion(
        [e.count for _, e in known],
        [e.exposure for _, e in known],
        proportions=proportions,
        consecutive=consecutive,
    )
