"""Confidence intervals for counts, rates and proportions, as UK official statistics make them.

The methods and their conventions are those of UKHSA's PHEindicatormethods package (``phe_rate``,
``byars_lower``/``byars_upper``, ``phe_proportion``, ``wilson_lower``/``wilson_upper``), which
follows the Fingertips technical guidance; tests reproduce its published figures.
"""

from __future__ import annotations

from statistics import NormalDist

from . import checks
from .distributions import chi2_ppf

# scipy.special (half a second to import) is imported by the interval that needs it, when it is made;
# the normal quantile is the standard library's (Wichura's AS241, as scipy's ``ndtri``: they agree
# to about 1e-15), so a Wilson or Byar's interval imports nothing.

EXACT_BELOW = 10
"""Counts below this use the exact (Poisson) method; from it, Byar's approximation."""


def z_score(confidence: float) -> float:
    """The two-sided normal quantile for ``confidence`` (1.959964 for 0.95, 3.090232 for 0.998)."""
    return NormalDist().inv_cdf(confidence + (1 - confidence) / 2)


def exact_count_interval(count: float, confidence: float = 0.95) -> tuple[float, float]:
    """Exact (Poisson) confidence limits for an observed number of events.

    Method: the chi-squared form of the Poisson limits (Armitage and Berry, *Statistical methods
    in medical research*, 4th edn, 2002): lower ``chi2.ppf(a/2, 2x) / 2``, upper
    ``chi2.ppf(1 - a/2, 2x + 2) / 2`` with ``a = 1 - confidence``. A count of 0 has lower limit
    0 (R's ``qchisq(p, 0)`` is 0). Raises ``ValueError`` for a negative or missing count or a
    confidence outside (0, 1).
    """
    x = checks.count("count", count)
    confidence = checks.confidence(confidence)
    alpha = 1 - confidence
    lower = 0.0 if x == 0 else chi2_ppf(alpha / 2, 2 * x) / 2
    upper = chi2_ppf(1 - alpha / 2, 2 * x + 2) / 2
    return lower, upper


def byars_interval(count: float, confidence: float = 0.95) -> tuple[float | None, float]:
    """Byar's approximate confidence limits for an observed number of events.

    Method: Breslow and Day, *Statistical methods in cancer research* vol. II (1987):
    lower ``x (1 - 1/(9x) - z/(3 sqrt x))**3``, upper
    ``(x+1) (1 - 1/(9(x+1)) + z/(3 sqrt(x+1)))**3``, as ``byars_lower``/``byars_upper``.
    The lower limit is ``None`` where the approximation has none: a count of 0, or a count so small
    for the confidence that the bracket is negative (1 event at 99.8%); PHEindicatormethods'
    figures leave it blank there too. Use :func:`exact_count_interval` for small counts. Raises
    ``ValueError`` for a negative or missing count or a confidence outside (0, 1).
    """
    x = checks.count("count", count)
    z = z_score(checks.confidence(confidence))
    lower = None
    if x > 0:
        bracket = 1 - 1 / (9 * x) - z / (3 * x**0.5)
        lower = x * bracket**3 if bracket >= 0 else None
    upper = (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * (x + 1) ** 0.5)) ** 3
    return lower, upper


def rate_interval(
    count: float,
    denominator: float,
    multiplier: float = 1000,
    confidence: float = 0.95,
    phi: float = 1.0,
) -> tuple[float, float]:
    """Confidence limits for the rate ``count / denominator * multiplier``, as ``(lower, upper)``.

    Method, as PHEindicatormethods' ``phe_rate``: the exact Poisson limits of the count
    (:func:`exact_count_interval`) when it is below 10, Byar's (:func:`byars_interval`) from 10,
    each divided by the denominator and multiplied by ``multiplier`` (1000 gives a rate per 1,000).
    A count of 0 gives lower limit 0. A count may exceed the denominator (a rate, not a
    proportion). With ``phi`` above 1 (a series that varies ``phi`` times as much as Poisson
    chance, ``stats.overdispersion``) the limits are those of ``count / phi`` effective events,
    times ``phi``: the same rate, an interval about ``sqrt(phi)`` times as wide. Raises
    ``ValueError`` for a negative or missing count, a denominator or multiplier of zero or less,
    a confidence outside (0, 1) or a ``phi`` below 1.
    """
    factor = checks.phi(phi)
    x = checks.count("count", count) / factor
    n = checks.denominator("denominator", denominator)
    scale = checks.multiplier(multiplier) / n * factor
    if x < EXACT_BELOW:
        lower, upper = exact_count_interval(x, confidence)
    else:
        byars_lower, upper = byars_interval(x, confidence)
        # from 10 events the bracket is negative only for confidence beyond 1 - 1e-20
        lower = byars_lower if byars_lower is not None else 0.0
    return lower * scale, upper * scale


def proportion_interval(
    numerator: float, denominator: float, confidence: float = 0.95, phi: float = 1.0
) -> tuple[float, float]:
    """Wilson score confidence limits for the proportion ``numerator / denominator``.

    Returns ``(lower, upper)`` as proportions between 0 and 1; multiply both by 100 for per cent
    (``phe_proportion`` with ``multiplier=100``). Method: Wilson (1927), as ``wilson_lower`` /
    ``wilson_upper``: ``(2x + z**2 -/+ z sqrt(z**2 + 4x(1 - x/n))) / (2(n + z**2))``. The numerator
    need not be a whole number (a weighted count). The limits are clipped to [0, 1] (at none or
    all of a cohort rounding can put them a hair outside). With ``phi`` above 1 (overdispersion,
    ``stats.overdispersion``) they are Wilson's for an effective cohort of ``denominator / phi``
    with the same proportion (Kish's design effect). Raises ``ValueError`` for a negative or
    missing numerator, a denominator of zero or less, a numerator larger than the denominator, a
    confidence outside (0, 1) or a ``phi`` below 1.
    """
    whole = checks.denominator("denominator", denominator)
    part = checks.part_of("numerator", numerator, "the denominator", whole)
    factor = checks.phi(phi)
    n, x = whole / factor, part / factor
    z = z_score(checks.confidence(confidence))
    centre = 2 * x + z**2
    spread = z * (z**2 + 4 * x * (1 - x / n)) ** 0.5
    scale = 2 * (n + z**2)
    return max(0.0, (centre - spread) / scale), min(1.0, (centre + spread) / scale)
