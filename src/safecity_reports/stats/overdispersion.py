"""Overdispersion: how much more a series of counts varies than Poisson (or binomial) chance,
and the tests and intervals widened by it.

Recorded crime and most counts a partnership reports vary more from period to period than the
Poisson model behind the exact tests allows. Following the quasi-likelihood approach (McCullagh
and Nelder, *Generalized linear models*, 2nd edn, 1989, section 4.5; R's ``quasipoisson``), the
extra variation is a factor ``phi`` on the variance, estimated from the measure's own series of
like periods, and floored at 1 (a series that varies less than chance is not taken to make a
test sharper). The test's normal deviate is divided by ``sqrt(phi)`` (as Spiegelhalter, 2005,
divides a funnel's z-scores) and an interval is worked out on ``count / phi`` effective events
(Kish's effective sample size), so that at ``phi = 1`` both are the exact methods unchanged.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from . import checks
from .distributions import normal_isf, normal_sf

FEWEST_FOR_DISPERSION = 5
"""Fewer like periods than this are too few to estimate the extra variation: the test assumes
Poisson (or binomial) variation."""
FEWEST_FOR_MOVING_RANGE = 12
"""From this many consecutive like periods the extra variation is estimated from the moving
range (as an SPC chart's limits are), which a trend or a shift does not inflate."""
D2 = 1.128
"""The mean moving range of two normal values, in standard deviations (the SPC constant d2)."""

QUASI_POISSON = "quasi-Poisson"
QUASI_BINOMIAL = "quasi-binomial"
MOVING_RANGE = "moving range"


@dataclass(frozen=True)
class Dispersion:
    """How much more a series varies than chance, and how it was estimated."""

    phi: float
    """The factor the variance is widened by: the estimate, floored at 1; 1 where not
    estimated."""
    estimate: float | None
    """The estimate before the floor; None where the series is too short."""
    method: str | None
    """``"moving range"``, ``"quasi-Poisson"`` or ``"quasi-binomial"``; None where the series
    is too short to estimate it (the test assumes Poisson or binomial variation)."""
    periods: int
    """How many like periods the estimate rests on."""

    @property
    def widened(self) -> bool:
        """Whether the series varies more than chance, so tests and intervals are widened."""
        return self.phi > 1


NONE = Dispersion(1.0, None, None, 0)
"""No estimate: the test assumes Poisson (or binomial) variation."""


def _pairs(counts: Sequence[float], exposures: Sequence[float]) -> tuple[list[float], list[float]]:
    if len(counts) != len(exposures):
        raise ValueError(
            f"counts and exposures must pair up: {len(counts)} counts, {len(exposures)} exposures"
        )
    xs = [checks.count(f"count {i + 1}", c) for i, c in enumerate(counts)]
    ns = [checks.denominator(f"exposure {i + 1}", n) for i, n in enumerate(exposures)]
    return xs, ns


def _residuals(xs: list[float], ns: list[float], proportions: bool) -> list[float] | None:
    """Each period's Pearson residual against the series' pooled rate (or proportion); None
    where the pooled rate leaves no variation to measure (no events, or every case)."""
    pooled = sum(xs) / sum(ns)
    if pooled == 0 or (proportions and pooled >= 1):
        return None
    spread = pooled * (1 - pooled) if proportions else pooled
    return [(x - n * pooled) / math.sqrt(n * spread) for x, n in zip(xs, ns, strict=True)]


def dispersion(
    counts: Sequence[float],
    exposures: Sequence[float],
    proportions: bool = False,
    consecutive: bool = True,
) -> Dispersion:
    """The extra variation of a series of like periods (oldest first; ``consecutive`` where
    each follows the one before, with no period missing between).

    Each period's Pearson residual is ``(x - n p) / sqrt(n p)`` (``n p (1 - p)`` for
    proportions) with ``p`` the series' pooled rate. From ``FEWEST_FOR_MOVING_RANGE``
    consecutive periods the estimate is ``(mean moving range of the residuals / 1.128) ** 2``, as an SPC chart
    estimates its sigma, so that a real change of level does not count as noise; from
    ``FEWEST_FOR_DISPERSION`` it is the quasi-likelihood estimate, the sum of squared residuals
    over ``periods - 1``; below that there is none (``phi = 1``). A series with no events (or,
    for proportions, with every case) has none either.

    Raises ``ValueError`` for lists of different lengths, a negative or missing count, an
    exposure of zero or less, or (``proportions``) a count above its exposure.
    """
    xs, ns = _pairs(counts, exposures)
    if proportions:
        for i, (x, n) in enumerate(zip(counts, ns, strict=True)):
            checks.part_of(f"count {i + 1}", x, f"exposure {i + 1}", n)
    periods = len(xs)
    if periods < FEWEST_FOR_DISPERSION:
        return Dispersion(1.0, None, None, periods)
    residuals = _residuals(xs, ns, proportions)
    if residuals is None:
        return Dispersion(1.0, None, None, periods)
    if consecutive and periods >= FEWEST_FOR_MOVING_RANGE:
        ranges = [abs(b - a) for a, b in zip(residuals, residuals[1:], strict=False)]
        estimate = (sum(ranges) / len(ranges) / D2) ** 2
        method = MOVING_RANGE
    else:
        estimate = sum(r * r for r in residuals) / (periods - 1)
        method = QUASI_BINOMIAL if proportions else QUASI_POISSON
    return Dispersion(max(1.0, estimate), estimate, method, periods)


def widened_p_value(p_value: float, phi: float) -> float:
    """The two-sided ``p_value`` of a test made under Poisson (or binomial) variation, widened
    for a variance ``phi`` times as large: its normal deviate ``z`` (``p = 2 P(Z > z)``) becomes
    ``z / sqrt(phi)``. At ``phi = 1`` the p-value is returned unchanged.

    Raises ``ValueError`` for a p-value outside [0, 1] or a ``phi`` below 1.
    """
    p = checks.number("p_value", p_value)
    if not 0 <= p <= 1:
        raise ValueError(f"p_value must be between 0 and 1, got {p_value}")
    factor = checks.phi(phi)
    if factor == 1:
        return p
    return 2 * normal_sf(normal_isf(p / 2) / math.sqrt(factor))
