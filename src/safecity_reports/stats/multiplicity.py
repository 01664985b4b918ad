"""Many tests at once: Benjamini and Hochberg's false discovery rate (issue 23).

A report that tests a dozen changes a period will find one 'significant' by chance alone now
and then. Controlling the false discovery rate (Benjamini and Hochberg, 1995, "Controlling the
false discovery rate: a practical and powerful approach to multiple testing", *J R Stat Soc B*
57:289-300) keeps the expected share of chance findings among those called significant at the
tests' level; it is what Jones, Ohlssen and Spiegelhalter (2008, *J Clin Epidemiol* 61:232-240)
recommend when comparing many providers at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import checks
from .distributions import benjamini_hochberg


def false_discovery_rate(p_values: Sequence[float]) -> list[float]:
    """Benjamini and Hochberg's adjusted p-values, in the order given: the ``i``-th smallest of
    ``m`` p-values becomes ``min over j >= i of p_(j) x m / j`` (at most 1), as R's
    ``p.adjust(p, "BH")`` and scipy's ``false_discovery_control`` give them. A change is
    significant at level ``a`` with the false discovery rate controlled at ``a`` exactly when its
    adjusted p-value is below ``a``. No p-values give none; one is returned as it is.

    Raises ``ValueError`` for a p-value that is missing or outside [0, 1].
    """
    values = [checks.number(f"p-value {i + 1}", p) for i, p in enumerate(p_values)]
    for i, p in enumerate(values):
        if not 0 <= p <= 1:
            raise ValueError(f"p-value {i + 1} must be between 0 and 1, got {p_values[i]}")
    if len(values) < 2:
        return values
    return benjamini_hochberg(values)
