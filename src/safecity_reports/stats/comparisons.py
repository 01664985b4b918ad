"""Significance tests for a change between two periods: counts over exposures, and proportions.

Both tests are exact and conditional (they hold the total fixed), so they stay valid for the small
numbers a community safety partnership sees, where normal approximations do not. Both give the
two-sided p-value by the same rule: the probability, under no change, of every outcome no more
likely than the one observed (the "minimum likelihood" rule, scipy's default for ``binomtest``
and ``fisher_exact``, and R's for ``binom.test`` and ``fisher.test``).
"""

from __future__ import annotations

from . import checks
from .distributions import binomial_test, fisher_test

# scipy.special (half a second to import) is imported by the test that needs it, when it is
# made; not scipy.stats, half a second more (``distributions``).


def _whole(name: str, value: object) -> int:
    result = checks.count(name, value)
    if result != int(result):
        raise ValueError(f"{name} must be a whole number, got {value}")
    return int(result)


def compare_counts(
    count_before: int, exposure_before: float, count_after: int, exposure_after: float
) -> float:
    """Two-sided p-value for a change in the rate of events between two periods.

    Method: the exact conditional test for two Poisson rates (Przyborowski and Wilenski, 1940;
    Armitage and Berry section 5.3). Given the total ``n = count_before + count_after``, the count
    after is binomial with ``p = exposure_after / (exposure_before + exposure_after)`` when the
    rate has not changed; the p-value is the binomial probability of every count after no more
    likely than the one observed (``scipy.stats.binomtest``'s two-sided default). Exposures are
    populations, person-years or period lengths, in the same unit. No events at all gives 1.

    Raises ``ValueError`` for a negative, fractional or missing count, or an exposure of zero or
    less.
    """
    before = _whole("count_before", count_before)
    after = _whole("count_after", count_after)
    exposure_b = checks.denominator("exposure_before", exposure_before)
    exposure_a = checks.denominator("exposure_after", exposure_after)
    if before + after == 0:
        return 1.0
    share = exposure_a / (exposure_b + exposure_a)
    return binomial_test(after, before + after, share)


def compare_proportions(x1: int, n1: int, x2: int, n2: int) -> float:
    """Two-sided p-value for a difference between the proportions ``x1/n1`` and ``x2/n2``.

    Method: Fisher's exact test of the 2x2 table ``[[x1, n1 - x1], [x2, n2 - x2]]``
    (``scipy.stats.fisher_exact``): given both sample sizes and the total number of cases, ``x1``
    is hypergeometric when the proportions are equal; the p-value is the probability of every
    table no more likely than the one observed. Chosen over the score (chi-squared) test because
    it needs no large-sample approximation, and it holds the total fixed as :func:`compare_counts`
    does; it is a little conservative, so a change it calls significant is one.

    Raises ``ValueError`` for a negative, fractional or missing number, a sample size of zero or
    less, or a numerator larger than its sample size.
    """
    size1 = _whole("n1", checks.denominator("n1", n1))
    size2 = _whole("n2", checks.denominator("n2", n2))
    cases1 = _whole("x1", checks.part_of("x1", x1, "n1", size1))
    cases2 = _whole("x2", checks.part_of("x2", x2, "n2", size2))
    return fisher_test(cases1, size1, cases2, size2)
