"""The distribution functions the tests and limits need, from ``scipy.special``, not ``scipy.stats``.

``scipy.stats`` takes a second to import (0.5 s more than ``scipy.special``, which it imports),
and a workbook with one change to test imported it before its charts could be sent: the
report's serial path. Each function here gives what ``scipy.stats`` gives for the arguments
the statistics pass, to the last bit: it calls the special function that the ``scipy.stats``
distribution calls, with the same answers at the edges of its range (a test compares the two
over wide grids of arguments). ``binomial_test``, ``fisher_test`` and ``benjamini_hochberg``
follow ``scipy.stats``'s ``binomtest``, ``fisher_exact`` and ``false_discovery_control`` line by
line (scipy, BSD-3-Clause licence).

The binomial's and hypergeometric's functions are scipy's own (``scipy.special._ufuncs``'s
``_binom_pmf``, ``_hypergeom_pmf`` and their cdfs and sfs: Boost's, which ``scipy.stats``'s
``binom`` and ``hypergeom`` call), not its public API: where they are missing (another scipy),
the distributions are ``scipy.stats``'s own, imported then.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

FISHER_EPSILON = 1e-14
"""Tables within this relative difference of the most likely one's probability count as that
likely (``scipy.stats.fisher_exact``'s ``epsilon``)."""
RELATIVE_ERROR = 1 + 1e-7
"""How much more likely than the observed count another count may be and still count as no more
likely (``scipy.stats.binomtest``'s ``rerr``): rounding must not split equal probabilities."""

Discrete = tuple[Callable[..., float], Callable[..., float], Callable[..., float]]
"""A discrete distribution's probability, cumulative and survival functions, each of k and
the distribution's parameters."""


def normal_sf(x: float) -> float:
    """P(Z > x) for a standard normal Z (``scipy.stats.norm.sf``)."""
    from scipy.special import ndtr

    if math.isnan(x):
        return math.nan
    return float(ndtr(-x))


def normal_isf(q: float) -> float:
    """The z with P(Z > z) = ``q`` (``scipy.stats.norm.isf``): +inf at 0, -inf at 1."""
    from scipy.special import ndtri

    if not 0 <= q <= 1:
        return math.nan
    if q == 0:
        return math.inf
    if q == 1:
        return -math.inf
    return float(-ndtri(q))


def chi2_sf(x: float, df: float) -> float:
    """P(X > x) for X chi-squared with ``df`` degrees of freedom (``scipy.stats.chi2.sf``)."""
    from scipy.special import chdtrc

    if not df > 0 or math.isnan(x):
        return math.nan
    if x <= 0:
        return 1.0
    return float(chdtrc(df, x))


def chi2_ppf(q: float, df: float) -> float:
    """The x with P(X <= x) = ``q`` for X chi-squared with ``df`` degrees of freedom
    (``scipy.stats.chi2.ppf``): 0 at 0, +inf at 1."""
    from scipy.special import gammaincinv

    if not df > 0 or not 0 <= q <= 1:
        return math.nan
    if q == 0:
        return 0.0
    if q == 1:
        return math.inf
    return float(2 * gammaincinv(df / 2, q))


def binomial_test(k: int, n: int, p: float) -> float:
    """The two-sided p-value of ``k`` successes in ``n`` trials of probability ``p``: the
    probability of every count no more likely than ``k`` (``scipy.stats.binomtest(k, n,
    p).pvalue``). Raises ``ValueError`` for a ``k`` outside 0 to ``n``, an ``n`` below 1 or a
    ``p`` outside 0 to 1."""
    if not 0 <= k <= n or n < 1 or not 0 <= p <= 1:
        raise ValueError(f"no binomial test of {k} in {n} at {p}")
    pmf, cdf, sf = _binomial()
    d = pmf(k, n, p)
    if k == p * n:
        return 1.0
    if k < p * n:
        ix = _search(lambda x: -pmf(x, n, p), -d * RELATIVE_ERROR, math.ceil(p * n), n)
        # the counts above the mode no more likely than k; ix itself only if exactly as likely
        y = n - ix + int(d * RELATIVE_ERROR == pmf(ix, n, p))
        value = cdf(k, n, p) + sf(n - y, n, p)
    else:
        ix = _search(lambda x: pmf(x, n, p), d * RELATIVE_ERROR, 0, math.floor(p * n))
        y = ix + 1  # the counts from 0 up to the mode no more likely than k
        value = cdf(y - 1, n, p) + sf(k - 1, n, p)
    return min(1.0, value)


def fisher_test(x1: int, n1: int, x2: int, n2: int) -> float:
    """The two-sided p-value of Fisher's exact test of the table ``[[x1, n1 - x1], [x2, n2 -
    x2]]``: the probability of every table with these margins no more likely than it
    (``scipy.stats.fisher_exact(table).pvalue``). Raises ``ValueError`` for a negative cell."""
    a, b, c, d = x1, n1 - x1, x2, n2 - x2
    if min(a, b, c, d) < 0:
        raise ValueError(f"no Fisher's test of {x1} in {n1} against {x2} in {n2}")
    if 0 in (a + c, b + d, a + b, c + d):  # an empty row or column: every table is this one
        return 1.0
    rows, draws, total = a + b, a + c, a + b + c + d
    hyper_pmf, hyper_cdf, hyper_sf = _hyper()

    def pmf(x: float) -> float:
        return hyper_pmf(x, rows, draws, total)

    def cdf(x: float) -> float:
        return hyper_cdf(x, rows, draws, total)

    def sf(x: float) -> float:
        return hyper_sf(x, rows, draws, total)

    gamma = 1 + FISHER_EPSILON
    mode = int((draws + 1) * (rows + 1) / (total + 2))
    exact, most = pmf(a), pmf(mode)
    if _relative_difference(exact, most) <= FISHER_EPSILON:
        return 1.0
    if a < mode:
        lower = cdf(a)
        if pmf(draws) > exact * gamma:
            return lower
        guess = _search(lambda x: -pmf(x), -exact * gamma, mode, draws)
        value = lower + sf(guess)
    else:
        upper = sf(a - 1)
        if pmf(0) > exact * gamma:
            return upper
        guess = _search(pmf, exact * gamma, 0, mode)
        value = upper + cdf(guess)
    return min(value, 1.0)


def benjamini_hochberg(p_values: list[float]) -> list[float]:
    """Benjamini and Hochberg's adjusted p-values of ``p_values`` (each from 0 to 1), in their
    order (``scipy.stats.false_discovery_control(p_values, method="bh")``): the ``i``-th
    smallest of ``m`` times ``m / i``, then the smallest of it and every larger one's, at most
    1. Tied p-values get the same answer whatever order they are taken in."""
    m = len(p_values)
    if m <= 1:
        return list(p_values)
    order = sorted(range(m), key=p_values.__getitem__)
    scaled = [p_values[j] * (m / float(rank)) for rank, j in enumerate(order, start=1)]
    for rank in range(m - 2, -1, -1):
        scaled[rank] = min(scaled[rank], scaled[rank + 1])
    adjusted = [0.0] * m
    for rank, j in enumerate(order):
        adjusted[j] = min(max(scaled[rank], 0.0), 1.0)
    return adjusted


def _relative_difference(first: float, second: float) -> float:
    """|first - second| / max(first, second), NaN where both are 0 (as numpy divides)."""
    largest = max(first, second)
    return abs(first - second) / largest if largest else math.nan


def _search(a: Callable[[int], float], d: float, lo: int, hi: int) -> int:
    """The i from ``lo`` to ``hi`` with a(i) <= d < a(i + 1), ``a`` ascending there (scipy's
    ``_binary_search_for_binom_tst``)."""
    while lo < hi:
        mid = lo + (hi - lo) // 2
        value = a(mid)
        if value < d:
            lo = mid + 1
        elif value > d:
            hi = mid - 1
        else:
            return mid
    return lo if a(lo) <= d else lo - 1


@functools.cache
def _binomial() -> Discrete:
    """The binomial's functions of (k, n, p), as ``scipy.stats.binom`` gives them."""
    ufuncs = _scipys_own("_binom_pmf", "_binom_cdf", "_binom_sf")
    if ufuncs is None:  # pragma: no cover - another scipy
        return _from_scipy_stats()
    return _discrete(ufuncs, lambda n, _p: (0, n))


@functools.cache
def _hyper() -> Discrete:
    """The hypergeometric's functions of (k, good, draws, total): k successes in ``draws``
    from ``total`` of which ``good`` are successes, as ``scipy.stats.hypergeom(total, good,
    draws)`` gives them."""
    ufuncs = _scipys_own("_hypergeom_pmf", "_hypergeom_cdf", "_hypergeom_sf")
    if ufuncs is None:  # pragma: no cover - another scipy
        return _hyper_from_scipy_stats()
    return _discrete(
        ufuncs, lambda good, draws, total: (max(draws - (total - good), 0), min(good, draws))
    )


def _scipys_own(*names: str) -> tuple[Callable[..., float], ...] | None:
    """scipy's own special functions ``names`` (``scipy.special._ufuncs``), or None where this
    scipy lacks one."""
    try:
        from scipy.special import _ufuncs as special
    except ImportError:  # pragma: no cover - another scipy
        return None
    if not all(hasattr(special, name) for name in names):  # pragma: no cover - the same
        return None
    return tuple(getattr(special, name) for name in names)


def _discrete(
    ufuncs: tuple[Callable[..., float], ...], support: Callable[..., tuple[float, float]]
) -> Discrete:
    """The probability, cumulative and survival functions of (k, parameters...) from the
    special functions ``ufuncs`` of the same arguments, answered at and beyond the ends of
    ``support(parameters...)`` and kept within 0 and 1 as ``scipy.stats``'s discrete
    distributions answer (``rv_discrete.pmf``, ``cdf`` and ``sf``) for whole ``k``."""
    ufunc_pmf, ufunc_cdf, ufunc_sf = ufuncs

    def pmf(k: float, *parameters: float) -> float:
        low, high = support(*parameters)
        if not low <= k <= high or k != math.floor(k):
            return 0.0
        return _clipped(ufunc_pmf(float(k), *map(float, parameters)))

    def cdf(k: float, *parameters: float) -> float:
        low, high = support(*parameters)
        if k >= high:
            return 1.0
        if k < low:
            return 0.0
        return _clipped(ufunc_cdf(float(math.floor(k)), *map(float, parameters)))

    def sf(k: float, *parameters: float) -> float:
        low, high = support(*parameters)
        if k < low:
            return 1.0
        if k >= high:
            return 0.0
        return _clipped(ufunc_sf(float(math.floor(k)), *map(float, parameters)))

    return pmf, cdf, sf


def _clipped(value: float) -> float:
    """``value`` kept within 0 and 1, as ``scipy.stats``'s discrete distributions keep it."""
    return min(max(float(value), 0.0), 1.0)


def _from_scipy_stats() -> Discrete:
    from scipy.stats import binom

    return (
        lambda k, n, p: float(binom.pmf(k, n, p)),
        lambda k, n, p: float(binom.cdf(k, n, p)),
        lambda k, n, p: float(binom.sf(k, n, p)),
    )


def _hyper_from_scipy_stats() -> Discrete:
    from scipy.stats import hypergeom

    return (
        lambda k, good, draws, total: float(hypergeom.pmf(k, total, good, draws)),
        lambda k, good, draws, total: float(hypergeom.cdf(k, total, good, draws)),
        lambda k, good, draws, total: float(hypergeom.sf(k, total, good, draws)),
    )
