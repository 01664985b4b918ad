"""A comparison group as a funnel plot: each area's rate against the group's, allowing for its
population (issue 14). Pure: the limits and the judgement are ``stats``' (PHEindicatormethods'
methods for crude rates, widened by Spiegelhalter's random-effects adjustment where the areas
spread more than chance allows, issue 23).

A funnel needs every area's events (Count) and population on the Rankings sheet, for a measure
that is a rate; the group's rate is then all the events over all the population, and an area is
above or below it only where chance alone would not explain the difference (99.8%), with 95% as
a warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from safecity_reports.core.model import GroupSide, Ranking, Unit
from safecity_reports.core.significance import MULTIPLIERS
from safecity_reports.stats import (
    FunnelPosition,
    GroupDispersion,
    funnel_limits,
    funnel_position,
    group_dispersion,
    group_rate,
)
from safecity_reports.stats.funnel import INNER, OUTER

FEWEST_AREAS = 3
"""A funnel of fewer areas says nothing a ranking does not."""
CURVE_STEPS = 80
"""Populations at which the limit curves are worked out, spread over the areas' range."""

SIDES = {"above": GroupSide.ABOVE, "in line": GroupSide.IN_LINE, "below": GroupSide.BELOW}


@dataclass(frozen=True)
class Funnel:
    """A comparison group's rates, its rate and the own area's position on the funnel."""

    multiplier: float
    """What the rates are per: 1,000 or 10,000."""
    group_rate: float
    """All the events over all the population, times ``multiplier``."""
    areas: tuple[str, ...]
    """The areas, as listed."""
    counts: tuple[float, ...]
    """Each area's events."""
    populations: tuple[float, ...]
    """Each area's population."""
    own: int | None
    """The own area's index, if it is in the group."""
    position: FunnelPosition | None
    """The own area's position, if it is in the group."""
    dispersion: GroupDispersion | None = None
    """How much more the areas spread than chance allows (Spiegelhalter, 2005); where they
    spread more than chance allows (``dispersion.adjusted``) the lines are widened by its
    ``tau2`` and every position is judged against the widened lines."""
    positions: tuple[FunnelPosition, ...] = ()
    """Every area's position, judged against the lines the plot draws, in the areas' order."""

    @property
    def tau2(self) -> float:
        """The between-area variance the lines are widened by; 0 where they are not."""
        return 0.0 if self.dispersion is None else self.dispersion.tau2

    @property
    def rates(self) -> tuple[float, ...]:
        """Each area's rate: its events over its population, times ``multiplier``."""
        return tuple(
            c / p * self.multiplier for c, p in zip(self.counts, self.populations, strict=True)
        )

    @property
    def side(self) -> GroupSide | None:
        """The own area's position as a group side (judged at 99.8%)."""
        return None if self.position is None else SIDES[self.position.position]

    def curves(self) -> tuple[tuple[float, ...], dict[float, tuple[tuple[float, ...], ...]]]:
        """Populations spread over the areas' range (a little beyond it) and, for 95% and
        99.8%, the lower and upper limits at each (widened where the group is overdispersed)."""
        low, high = min(self.populations) * 0.9, max(self.populations) * 1.1
        step = (high / low) ** (1 / (CURVE_STEPS - 1))  # evenly on a log scale: the funnel's neck
        xs = tuple(low * step**i for i in range(CURVE_STEPS))
        out: dict[float, tuple[tuple[float, ...], ...]] = {}
        for level in (INNER, OUTER):
            pairs = [
                funnel_limits(self.group_rate, x, self.multiplier, level, self.tau2) for x in xs
            ]
            out[level] = (tuple(p[0] for p in pairs), tuple(p[1] for p in pairs))
        return xs, out


def funnel_of(ranking: Ranking, unit: Unit) -> Funnel | None:
    """The ranking's funnel, where the measure is a rate and every area gives its events and a
    population above zero; None otherwise."""
    multiplier = MULTIPLIERS.get(unit)
    if unit is Unit.PERCENTAGE or multiplier is None or len(ranking.areas) < FEWEST_AREAS:
        return None
    if any(
        a.count is None or a.population is None or a.population <= 0 or a.count < 0
        for a in ranking.areas
    ):
        return None
    counts = tuple(float(a.count) for a in ranking.areas)  # type: ignore[arg-type]
    populations = tuple(float(a.population) for a in ranking.areas)  # type: ignore[arg-type]
    rate = group_rate(counts, populations, multiplier)
    spread = group_dispersion(counts, populations, multiplier)
    positions = tuple(
        funnel_position(c, n, rate, multiplier, spread.tau2)
        for c, n in zip(counts, populations, strict=True)
    )
    own = next((i for i, a in enumerate(ranking.areas) if a.is_own_area), None)
    return Funnel(
        multiplier,
        rate,
        tuple(a.area for a in ranking.areas),
        counts,
        populations,
        own,
        None if own is None else positions[own],
        spread,
        positions,
    )
