"""check against the blind set: commentary sentences over q2 and the examples, labelled by hand
before check read them (tests/data/commentary_blind.csv, read by tests/commentary_blind.py).

At the first run, before the fixes of issue 23 item 6, check found 11 of the 50 errors with one
false alarm (precision 0.92, recall 0.22); the README gives today's figures.
"""

from __future__ import annotations

import pytest

from commentary_blind import labelled, rows, scores, warnings

ROWS = rows()


def test_the_blind_set_is_at_least_sixty_sentences_about_a_third_of_them_true():
    assert len(ROWS) >= 60
    true = sum(not r.error for r in ROWS)
    assert len(ROWS) / 4 <= true <= len(ROWS) / 2
    assert {r.workbook for r in ROWS} >= {"q2.xlsx", "comparative-crime.xlsx", "monthly-spc.xlsx"}
    assert len({r.sentence for r in ROWS}) == len(ROWS)


def test_check_finds_at_least_nine_errors_in_ten_with_no_false_alarm():
    found = scores(ROWS)
    assert found.false_alarms == ()
    assert found.recall >= 0.9, [r.sentence for r in found.misses]
    assert found.precision == 1.0


@pytest.mark.parametrize(
    "kind",
    sorted({r.kind for r in ROWS if r.error} - {"relative"}),
)
def test_every_kind_of_error_the_issue_names_is_found(kind):
    """Each class of miss the issue lists is found wherever the blind set has one ('relative'
    keeps its one known miss: 'rose by 85% in December' names no period to compare with)."""
    assert scores([r for r in ROWS if r.kind == kind]).recall == 1.0


def test_the_scores_count_a_miss_and_a_false_alarm():
    kept = [r for r in ROWS if labelled(r) is not None]  # a change no longer tested is left out
    wrong = [r for r in kept if r.error][:1]
    right = [r for r in kept if not r.error][:1]
    flipped = [type(r)(**{**r.__dict__, "error": not r.error}) for r in wrong + right]
    found = scores(flipped)
    assert (found.hits, len(found.misses), len(found.false_alarms), found.right) == (0, 1, 1, 0)
    assert (found.precision, found.recall) == (0.0, 0.0)
    assert warnings(wrong[0]) and not warnings(right[0])


def test_a_significance_label_follows_the_reports_own_verdict():
    [row] = [r for r in ROWS if r.verdict == "1.3=not significant" and r.error]
    # q2 states no population (issue 23 item 2), so the report tests no change of 1.3: the
    # row, labelled against a test q2 once made, is left out rather than scored
    assert labelled(row) is None
    untested = type(row)(**{**row.__dict__, "verdict": "2.2a=significant"})  # not tested
    assert labelled(untested) is None
