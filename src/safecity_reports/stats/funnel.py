"""Funnel plots of rates: each area's rate against the group's, allowing for its population.

The methods are PHEindicatormethods' for crude rates (``calculate_funnel_limits`` and
``assign_funnel_significance`` with ``statistic = "rate"``), as the Fingertips technical guidance
describes them: the funnel's lines are exact Poisson limits, and an area is judged by whether it
lies outside them. Where the areas spread more than chance allows (overdispersion), the lines are
widened by Spiegelhalter's (2005) additive random effect, and the areas are judged against those.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from . import checks
from .distributions import chi2_ppf, chi2_sf, normal_isf

OUTER, INNER = 0.998, 0.95
"""The funnel's outer (judging) and inner (warning) confidence levels."""


def group_rate(
    counts: Sequence[float], denominators: Sequence[float], multiplier: float = 1000
) -> float:
    """The group's average rate: all the events over all the population, times ``multiplier``.

    Raises ``ValueError`` for no areas, lists of different lengths, a negative or missing count,
    or a denominator of zero or less.
    """
    if len(counts) != len(denominators):
        raise ValueError(
            f"counts and denominators must pair up: {len(counts)} counts, "
            f"{len(denominators)} denominators"
        )
    if not counts:
        raise ValueError("a group rate needs at least one area")
    events = sum(checks.count(f"count {i + 1}", c) for i, c in enumerate(counts))
    people = sum(checks.denominator(f"denominator {i + 1}", d) for i, d in enumerate(denominators))
    return events / people * checks.multiplier(multiplier)


def _count_limits(expected: float, confidence: float) -> tuple[float, float]:
    """The counts, as real numbers, at which an area's exact interval just reaches ``expected``.

    Upper: the count ``u`` whose exact lower limit is ``expected``, i.e. ``P(Gamma(u) <= E) =
    a/2``; lower: the count ``l`` whose exact upper limit is ``expected``, i.e.
    ``P(Gamma(l + 1) <= E) = 1 - a/2``, or 0 when no count reaches it. These are PHE's
    ``poisson_funnel`` found directly rather than by its bisection.
    """
    from scipy.optimize import brentq  # imported when a funnel is drawn, not before
    from scipy.special import gammainc

    tail = (1 - confidence) / 2
    if expected == 0:
        return 0.0, 0.0
    top = expected + 20 * math.sqrt(expected) + 50
    upper = brentq(lambda u: gammainc(u, expected) - tail, 1e-12, top, xtol=1e-14, rtol=1e-13)
    if gammainc(1, expected) <= 1 - tail:
        return 0.0, float(upper)
    lower = brentq(lambda c: gammainc(c + 1, expected) - (1 - tail), 0, top, xtol=1e-14, rtol=1e-13)
    return float(lower), float(upper)


WINSORISED = 0.1
"""The share of z-scores at each end set to the next one in before the overdispersion is
estimated (Spiegelhalter, 2005: 10% each tail)."""
OVERDISPERSION_TEST = 0.95
"""The level at which a group's spread must exceed chance before its funnel is widened."""
FEWEST_TO_WIDEN = 10
"""Fewer areas than this are never widened for: among so few, one area standing out cannot be
told apart from a spread of them all, and widening would hide it."""


@dataclass(frozen=True)
class GroupDispersion:
    """How much more a group's areas spread than Poisson chance allows (Spiegelhalter, 2005)."""

    phi: float
    """The mean of the areas' squared winsorised z-scores (1 under chance alone)."""
    areas: int
    """How many areas it rests on."""
    p_value: float
    """The chance of a spread at least this large (``areas x phi`` against chi-squared with
    ``areas - 1`` degrees of freedom) were the areas' rates the same."""
    tau2: float
    """The between-area variance added to each area's own, in the rates' unit squared (per
    1,000 squared ...); 0 where the funnel is not widened."""

    @property
    def adjusted(self) -> bool:
        """Whether the areas spread more than chance allows, so the funnel's lines are widened
        by the additive random effect ``tau2``."""
        return self.tau2 > 0


def _quantile(ordered: list[float], q: float) -> float:
    """The ``q`` quantile (0 <= q < 1) of at least two sorted values, interpolated linearly
    (R's type 7, numpy's)."""
    place = (len(ordered) - 1) * q
    below = math.floor(place)
    return ordered[below] + (place - below) * (ordered[below + 1] - ordered[below])


def z_scores(
    counts: Sequence[float], denominators: Sequence[float], multiplier: float = 1000
) -> list[float]:
    """Each area's z-score against the group's rate, in the areas' order: ``(y - r) / s``
    with ``y`` its rate, ``r`` the group's (:func:`group_rate`) and ``s = sqrt(r x multiplier /
    n)`` the Poisson standard error of a rate at its population ``n`` (Spiegelhalter, 2005,
    *Stat Med*, section 5: the z-scores on the rates' own scale).

    Raises ``ValueError`` as :func:`group_rate` does, and for a group with no events (no
    variation to measure against).
    """
    rate = group_rate(counts, denominators, multiplier)
    if rate == 0:
        raise ValueError("a group with no events has no z-scores")
    scale = checks.multiplier(multiplier)
    return [
        (c / n * scale - rate) / (rate * scale / n) ** 0.5
        for c, n in zip(counts, denominators, strict=True)
    ]


def winsorised(z: Sequence[float], share: float = WINSORISED) -> list[float]:
    """``z`` in the same order, the lowest ``share`` of them set to their ``share`` quantile and
    the highest to their ``1 - share`` quantile (Spiegelhalter's appendix: "set the lowest 100q%
    of z-scores to Z_q, and the highest 100q% to Z_1-q"; quantiles as R's ``quantile`` and
    FunnelPlotR's ``winsorisation`` find them). Needs at least two z-scores and ``0 < share <
    0.5``."""
    ordered = sorted(z)
    low, high = _quantile(ordered, share), _quantile(ordered, 1 - share)
    return [min(max(v, low), high) for v in z]


def group_dispersion(
    counts: Sequence[float], denominators: Sequence[float], multiplier: float = 1000
) -> GroupDispersion:
    """Whether the areas' rates spread more than chance allows, and by how much.

    Method, Spiegelhalter's (2005, "Handling over-dispersion of performance indicators",
    *Qual Saf Health Care* 14:347-351; "Funnel plots for comparing institutional performance",
    *Stat Med* 24:1185-1202), as in NHS England's and PHE's funnel guidance: each area's z-score
    is ``(y - r) / s`` with ``r`` the group's rate and ``s = sqrt(r x multiplier / n)`` the
    Poisson standard error of a rate at population ``n``; they are winsorised, the lowest 10%
    set to their 10th percentile and the highest 10% to their 90th (Spiegelhalter's appendix:
    "set the lowest 100q% of z-scores to Z_q, and the highest 100q% to Z_1-q"; percentiles
    interpolated as R's ``quantile`` does by default); ``phi`` is the mean of their squares.
    Under chance alone ``areas x phi`` is about chi-squared on ``areas - 1`` degrees of freedom;
    where it exceeds that distribution's 95th percentile, in a group of at least
    ``FEWEST_TO_WIDEN`` areas,
    ``tau2 = (areas x phi - (areas - 1)) / (sum w - sum w**2 / sum w)`` with
    ``w = 1 / s**2`` (DerSimonian and Laird's additive random effect), else 0. A group with no
    events has ``phi = 1``, ``tau2 = 0``.

    Raises ``ValueError`` as :func:`group_rate` does.
    """
    rate = group_rate(counts, denominators, multiplier)
    scale = checks.multiplier(multiplier)
    areas = len(counts)
    if rate == 0 or areas < 2:
        return GroupDispersion(1.0, areas, 1.0, 0.0)
    variances = [rate * scale / n for n in denominators]
    z = winsorised(z_scores(counts, denominators, multiplier))
    phi = sum(v * v for v in z) / areas
    p_value = chi2_sf(areas * phi, areas - 1)
    tau2 = 0.0
    if areas >= FEWEST_TO_WIDEN and areas * phi > chi2_ppf(OVERDISPERSION_TEST, areas - 1):
        weights = [1 / v for v in variances]
        total = sum(weights)
        tau2 = (areas * phi - (areas - 1)) / (total - sum(w * w for w in weights) / total)
    return GroupDispersion(phi, areas, p_value, tau2)


def funnel_limits(
    group_rate: float,
    denominator: float,
    multiplier: float = 1000,
    confidence: float = OUTER,
    tau2: float = 0.0,
) -> tuple[float, float]:
    """The funnel's lower and upper control limits, as rates, at a population of ``denominator``.

    Method: the expected count is ``E = group_rate x denominator / multiplier``; the upper limit is
    the count whose exact Poisson lower confidence limit equals ``E``, the lower limit the count
    whose exact upper limit equals ``E`` (0 when even no events would not reach it), each divided
    by the denominator and times ``multiplier``. These are the lines of PHEindicatormethods'
    ``calculate_funnel_limits`` for crude rates (its ``poisson_funnel``), found for any population
    rather than on a grid; counts are treated as continuous so the lines are smooth. At 99.8% they
    lie about 3 standard errors from the group's rate, at 95% about 2.

    With ``tau2`` above 0 (:func:`group_dispersion`: the areas spread more than chance allows)
    the lines are Spiegelhalter's additive random-effects limits ``r +/- z sqrt(s**2 + tau2)``
    (2005, *Stat Med* 24:1185-1202, section 5; *Qual Saf Health Care* 14:347-351, appendix),
    ``s**2 = group_rate x multiplier / denominator`` the Poisson variance of a rate at that
    population and ``z`` the normal deviate of ``confidence``, as FunnelPlotR draws them; where
    that normal line would fall inside the exact line of chance alone (a small population, whose
    Poisson chance is skewed), the exact line is kept, so widening never narrows. The lower
    line stops at 0. (An earlier version stretched the exact lines by
    ``sqrt((s**2 + tau2) / s**2)``, which at small populations widened them far beyond the
    published limits: the Poisson skew was multiplied by the between-area spread.)

    Raises ``ValueError`` for a negative group rate or ``tau2``, a denominator or multiplier of
    zero or less, or a confidence outside (0, 1).
    """
    rate = checks.count("group_rate", group_rate)
    n = checks.denominator("denominator", denominator)
    scale = checks.multiplier(multiplier)
    extra = checks.count("tau2", tau2)
    lower, upper = _count_limits(rate * n / scale, checks.confidence(confidence))
    lower, upper = lower / n * scale, upper / n * scale
    if extra and rate:
        spread = normal_isf((1 - confidence) / 2) * math.sqrt(rate * scale / n + extra)
        lower = max(0.0, min(lower, rate - spread))
        upper = max(upper, rate + spread)
    return lower, upper


@dataclass(frozen=True)
class FunnelPosition:
    """Where an area sits on the funnel plot."""

    position: str
    """``"above"``, ``"in line"`` or ``"below"`` the group's rate: outside the 99.8% lines."""
    warning: bool
    """The area is outside the 95% lines (always so when above or below)."""
    description: str
    """The position in plain English, for a board."""


def funnel_position(
    count: float,
    denominator: float,
    group_rate: float,
    multiplier: float = 1000,
    tau2: float = 0.0,
) -> FunnelPosition:
    """Whether an area's rate is above, in line with or below the group's, allowing for chance.

    Method: the area is above when its rate lies above the funnel's 99.8% upper line at its
    population (:func:`funnel_limits`, with ``tau2`` where the group is overdispersed), below
    when below the lower line, else in line; the warning is the same at 95%. A rate exactly on
    a line is inside it. This is the comparison the funnel plot draws, so the words and the
    drawing cannot disagree; without ``tau2`` it is PHEindicatormethods'
    ``assign_funnel_significance`` for crude rates with the exact interval at every count (its
    Byar's approximation from 10 events can differ only for a point within a hair of a line).

    Raises ``ValueError`` for a negative or missing count, and as :func:`funnel_limits` does.
    """
    rate = (
        checks.count("count", count)
        / checks.denominator("denominator", denominator)
        * checks.multiplier(multiplier)
    )
    low, high = funnel_limits(group_rate, denominator, multiplier, OUTER, tau2)
    warn_low, warn_high = funnel_limits(group_rate, denominator, multiplier, INNER, tau2)
    warning = rate > warn_high or rate < warn_low
    if rate > high:
        position = "above"
        words = "Above the group average: higher than chance alone would explain (99.8% limits)."
    elif rate < low:
        position = "below"
        words = "Below the group average: lower than chance alone would explain (99.8% limits)."
    else:
        position = "in line"
        words = "In line with the group average: the difference could be chance."
        if warning:
            side = "higher" if rate > warn_high else "lower"
            words += f" It is {side} at the 95% level: one to watch."
    return FunnelPosition(position, warning, words)
