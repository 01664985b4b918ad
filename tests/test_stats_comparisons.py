"""The significance tests agree with hand calculations from the binomial and hypergeometric
distributions (math.comb only, no scipy), on cases small enough to check on paper."""

from __future__ import annotations

from math import comb

import pytest

from safecity_reports.stats import compare_counts, compare_proportions


def _binomial(k: int, n: int, p: float) -> float:
    return comb(n, k) * p**k * (1 - p) ** (n - k)


def _two_sided(probabilities: list[float], observed: int) -> float:
    """Sum of the probabilities of outcomes no more likely than the observed one."""
    limit = probabilities[observed] * (1 + 1e-7)
    return sum(p for p in probabilities if p <= limit)


@pytest.mark.parametrize(
    ("before", "exposure_before", "after", "exposure_after", "expected"),
    [
        # 0 then 3 over equal periods: n = 3, p = 1/2; P = 1/8 each for 0 and 3 -> 2/8
        (0, 1, 3, 1, 0.25),
        # 3 then 3 over equal periods: the most likely split, every outcome counts -> 1
        (3, 1, 3, 1, 1.0),
        # 1 then 5 over equal periods: n = 6; P(5) = P(1) = 6/64, P(0) = P(6) = 1/64 -> 14/64
        (1, 1, 5, 1, 14 / 64),
        # 2 then 2, but the second period twice as long: p = 2/3, n = 4
        (2, 1, 2, 2, _two_sided([_binomial(k, 4, 2 / 3) for k in range(5)], 2)),
        # 10 then 2 per 1,000 and 1,500 people: p = 0.6, n = 12
        (10, 1000, 2, 1500, _two_sided([_binomial(k, 12, 0.6) for k in range(13)], 2)),
        # no events at all: nothing has changed
        (0, 5, 0, 5, 1.0),
    ],
)
def test_compare_counts_is_the_exact_conditional_binomial_test(
    before: int, exposure_before: float, after: int, exposure_after: float, expected: float
) -> None:
    assert compare_counts(before, exposure_before, after, exposure_after) == pytest.approx(
        expected, rel=1e-9
    )


def test_compare_counts_is_symmetric_in_the_two_periods() -> None:
    assert compare_counts(10, 1000, 2, 1500) == pytest.approx(compare_counts(2, 1500, 10, 1000))


def _hypergeometric(k: int, n1: int, n2: int, total_cases: int) -> float:
    return comb(n1, k) * comb(n2, total_cases - k) / comb(n1 + n2, total_cases)


@pytest.mark.parametrize(
    ("x1", "n1", "x2", "n2", "expected"),
    [
        # 3 of 3 against 0 of 3: 3 cases among 6; P(x1 = 3) = P(x1 = 0) = 1/20 -> 2/20
        (3, 3, 0, 3, 0.1),
        # 1 of 3 against 2 of 3: P(x1=1) = P(x1=2) = 9/20, the most likely tables -> 1
        (1, 3, 2, 3, 1.0),
        # 1 of 4 against 4 of 5: 5 cases among 9
        (1, 4, 4, 5, _two_sided([_hypergeometric(k, 4, 5, 5) for k in range(5)], 1)),
        # 7 of 10 against 2 of 8: 9 cases among 18, x1 from 1 to 9
        (
            7,
            10,
            2,
            8,
            _two_sided([_hypergeometric(k, 10, 8, 9) if k >= 1 else 0.0 for k in range(10)], 7),
        ),
    ],
)
def test_compare_proportions_is_fishers_exact_test(
    x1: int, n1: int, x2: int, n2: int, expected: float
) -> None:
    assert compare_proportions(x1, n1, x2, n2) == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: compare_counts(-1, 1, 3, 1), "count_before must be zero or more, got -1"),
        (lambda: compare_counts(1.5, 1, 3, 1), "count_before must be a whole number, got 1.5"),
        (lambda: compare_counts(1, 0, 3, 1), "exposure_before must be more than zero, got 0"),
        (lambda: compare_counts(1, 1, 3, -2), "exposure_after must be more than zero, got -2"),
        (lambda: compare_counts(1, 1, None, 1), "count_after is missing"),
        (lambda: compare_proportions(4, 3, 1, 3), r"x1 \(4\) cannot be more than n1 \(3\)"),
        (lambda: compare_proportions(1, 3, -1, 3), "x2 must be zero or more, got -1"),
        (lambda: compare_proportions(1, 0, 1, 3), "n1 must be more than zero, got 0"),
        (lambda: compare_proportions(1, 3.5, 1, 3), "n1 must be a whole number, got 3.5"),
    ],
)
def test_impossible_inputs_are_refused_with_a_plain_message(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()
