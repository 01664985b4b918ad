"""Tables for ``stats/checks`` and the package's public names: every check at its boundary,
with the whole message a caller sees (naming the argument, the bad value and what is
accepted). The mutation run of docs/mutation.md found the gaps."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

import safecity_reports.stats as stats
from safecity_reports.stats import checks

ACCEPTED = [
    (checks.number, ("x", 0), 0.0),
    (checks.number, ("x", -2.5), -2.5),
    (checks.number, ("x", Fraction(1, 4)), 0.25),
    (checks.count, ("n", 0), 0.0),
    (checks.count, ("n", 3), 3.0),
    (checks.denominator, ("d", 0.001), 0.001),
    (checks.part_of, ("x", 5, "n", 5.0), 5.0),
    (checks.part_of, ("x", 0, "n", 5.0), 0.0),
    (checks.confidence, (0.95,), 0.95),
    (checks.confidence, (0.001,), 0.001),
    (checks.multiplier, (1000,), 1000.0),
    (checks.phi, (1,), 1.0),
    (checks.phi, (2.5,), 2.5),
]


@pytest.mark.parametrize(("check", "args", "value"), ACCEPTED)
def test_a_good_number_comes_back_as_a_float(check, args, value):
    result = check(*args)
    assert result == value and type(result) is float


REFUSED = [
    (checks.number, ("x", None), "x is missing: a number is needed"),
    (checks.number, ("x", True), "x must be a number, got True"),
    (checks.number, ("x", "3"), "x must be a number, got '3'"),
    (checks.number, ("x", math.nan), "x is missing (NaN): a number is needed"),
    (checks.number, ("x", math.inf), "x must be finite, got inf"),
    (checks.number, ("x", -math.inf), "x must be finite, got -inf"),
    (checks.count, ("n", -1), "n must be zero or more, got -1"),
    (checks.count, ("n", -0.5), "n must be zero or more, got -0.5"),
    (checks.denominator, ("d", 0), "d must be more than zero, got 0"),
    (checks.denominator, ("d", -3), "d must be more than zero, got -3"),
    (checks.part_of, ("x", 6, "n", 5.0), "x (6) cannot be more than n (5)"),
    (checks.part_of, ("x", 5.5, "n", 5.0), "x (5.5) cannot be more than n (5)"),
    (checks.part_of, ("x", -1, "n", 5.0), "x must be zero or more, got -1"),
    (checks.confidence, (0,), "confidence must be between 0 and 1 (e.g. 0.95 for 95%), got 0"),
    (checks.confidence, (1,), "confidence must be between 0 and 1 (e.g. 0.95 for 95%), got 1"),
    (checks.confidence, (95,), "confidence must be between 0 and 1 (e.g. 0.95 for 95%), got 95"),
    (checks.confidence, (None,), "confidence is missing: a number is needed"),
    (checks.multiplier, (0,), "multiplier must be more than zero, got 0"),
    (checks.phi, (0.99,), "phi must be 1 or more (it is floored at 1), got 0.99"),
    (checks.phi, ("2",), "phi must be a number, got '2'"),
]


@pytest.mark.parametrize(("check", "args", "message"), REFUSED)
def test_a_bad_number_is_refused_in_plain_words(check, args, message):
    with pytest.raises(ValueError) as raised:
        check(*args)
    assert str(raised.value) == message


PUBLIC = {
    "Assurance", "Dispersion", "FunnelPosition", "GroupDispersion", "Point", "Rule", "Signal",
    "XmRChart", "byars_interval", "compare_counts", "compare_proportions", "dispersion",
    "exact_count_interval", "funnel_limits", "funnel_position", "group_dispersion", "group_rate",
    "proportion_interval", "rate_interval", "find_special_causes", "widened_p_value", "xmr",
}  # fmt: skip


def test_the_packages_public_names():
    assert set(stats.__all__) == PUBLIC
    names: dict[str, object] = {}
    exec("from safecity_reports.stats import *", names)
    assert set(names) >= PUBLIC
