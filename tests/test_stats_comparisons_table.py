"""Tables for ``stats/comparisons``: every refusal with its whole message (naming the argument,
the bad value and what is accepted), and the tests' values at their edges worked out by hand:
no events at all, every case on one side, the share of the exposure. The mutation run of
docs/mutation.md found the gaps."""

from __future__ import annotations

import pytest

from safecity_reports.stats import compare_counts, compare_proportions

REFUSED = [
    (lambda: compare_counts(1.5, 10, 2, 10), "count_before must be a whole number, got 1.5"),
    (lambda: compare_counts(1, 10, 2.5, 10), "count_after must be a whole number, got 2.5"),
    (lambda: compare_counts(-1, 10, 2, 10), "count_before must be zero or more, got -1"),
    (lambda: compare_counts(1, 0, 2, 10), "exposure_before must be more than zero, got 0"),
    (lambda: compare_counts(1, 10, 2, -1), "exposure_after must be more than zero, got -1"),
    (lambda: compare_proportions(1, 0, 1, 5), "n1 must be more than zero, got 0"),
    (lambda: compare_proportions(1, 2.5, 1, 5), "n1 must be a whole number, got 2.5"),
    (lambda: compare_proportions(1, 5, 1, 0), "n2 must be more than zero, got 0"),
    (lambda: compare_proportions(1, 5, 1, 5.5), "n2 must be a whole number, got 5.5"),
    (lambda: compare_proportions(6, 5, 1, 5), "x1 (6) cannot be more than n1 (5)"),
    (lambda: compare_proportions(1.5, 5, 1, 5), "x1 must be a whole number, got 1.5"),
    (lambda: compare_proportions(1, 5, 6, 5), "x2 (6) cannot be more than n2 (5)"),
    (lambda: compare_proportions(1, 5, 0.5, 5), "x2 must be a whole number, got 0.5"),
]


@pytest.mark.parametrize(("call", "message"), REFUSED)
def test_impossible_numbers_are_refused_in_plain_words(call, message):
    with pytest.raises(ValueError) as raised:
        call()
    assert str(raised.value) == message


def test_no_events_at_all_is_no_evidence_of_change():
    assert compare_counts(0, 100, 0, 50) == 1.0


# Given n events in all, the count after is binomial(n, p) with p the share of the exposure
# after; the two-sided p-value adds every outcome no more likely than the one seen.
COUNTS = [
    # 1 event, equal exposures: either outcome has probability 1/2, so p = 1
    ((0, 10, 1, 10), 1.0),
    # 2 events, both after, equal exposures: outcomes 0, 1, 2 have 1/4, 1/2, 1/4: p = 1/2
    ((0, 10, 2, 10), 0.5),
    # 1 event before, exposures 30 and 10: the count after, 0, has probability 3/4, the
    # other outcome 1/4, no more likely: p = 1
    ((1, 30, 0, 10), 1.0),
    # 1 event before with exposures 10 and 30: the count after, 0, has probability 1/4, the
    # other outcome 3/4: p = 1/4
    ((1, 10, 0, 30), 0.25),
    # 3 events after, exposures 10 and 10: 1/8 + 1/8 = 1/4
    ((0, 10, 3, 10), 0.25),
]


@pytest.mark.parametrize(("counts", "p"), COUNTS)
def test_the_exact_test_of_two_counts_by_hand(counts, p):
    assert compare_counts(*counts) == pytest.approx(p)


# Fisher's test of [[x1, n1 - x1], [x2, n2 - x2]]: with 2 of 2 against 0 of 2, the tables with
# the 2 cases split 2-0, 1-1, 0-2 have probabilities 1/6, 4/6, 1/6: p = 1/3
PROPORTIONS = [
    ((2, 2, 0, 2), 1 / 3),
    ((0, 2, 2, 2), 1 / 3),
    ((1, 2, 1, 2), 1.0),
    ((0, 3, 0, 3), 1.0),
]


@pytest.mark.parametrize(("numbers", "p"), PROPORTIONS)
def test_fishers_test_by_hand(numbers, p):
    assert compare_proportions(*numbers) == pytest.approx(p)
