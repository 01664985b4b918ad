"""The false discovery rate (issue 23): Benjamini and Hochberg's published example, and the
Settings choice that judges a period's changes with it, computed once in ``core``.

Benjamini and Hochberg (1995, *J R Stat Soc B* 57:289-300, section 4) adjust the 15 p-values of
Neuhaus et al.'s thrombolysis trial: at 0.05 their procedure rejects the four smallest (p up to
0.0095), where Bonferroni's rejects three. The adjusted p-values are R's ``p.adjust(p, "BH")``
(R 4.2.2), printed to 15 significant figures.
"""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from tests.fixtures.period_examples import EXAMPLES as PERIOD_EXAMPLES

from fixtures.workbooks import save, set_setting
from safecity_reports.core.model import MultipleTesting
from safecity_reports.core.multiplicity import adjusted, period_tests
from safecity_reports.core.status import Judgement
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.chance import method_sentence, multiplicity_paragraph
from safecity_reports.reading.workbook import read_workbook
from safecity_reports.stats.multiplicity import false_discovery_rate

NEUHAUS = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459]
NEUHAUS += [0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0000]
R_BH = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571428571429, 0.0638571428571429]
R_BH += [0.0645, 0.0765, 0.486, 0.581181818181818, 0.714875, 0.753230769230769]
R_BH += [0.813214285714286, 1]


def test_benjamini_and_hochbergs_example() -> None:
    found = false_discovery_rate(NEUHAUS)
    assert found == pytest.approx(R_BH, rel=1e-12)
    assert [q < 0.05 for q in found] == [True] * 4 + [False] * 11  # the paper's four
    assert sum(p < 0.05 / 15 for p in NEUHAUS) == 3  # Bonferroni's three


def test_the_order_given_is_kept_and_ties_share_their_value() -> None:
    # R: p.adjust(c(0.2, 0.01, 0.04, 0.03, 0.5), "BH")
    found = false_discovery_rate([0.2, 0.01, 0.04, 0.03, 0.5])
    assert found == pytest.approx([0.25, 0.05, 0.0666666666666667, 0.0666666666666667, 0.5])
    assert false_discovery_rate([]) == [] and false_discovery_rate([0.03]) == [0.03]
    assert false_discovery_rate(list(reversed(NEUHAUS))) == pytest.approx(R_BH[::-1])


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ([0.2, 1.5], "p-value 2 must be between 0 and 1, got 1.5"),
        ([-0.1, 0.3], "p-value 1 must be between 0 and 1, got -0.1"),
        ([0.2, None], "p-value 2 is missing: a number is needed"),
    ],
)
def test_impossible_p_values_are_refused(values: list, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$".replace("(", r"\(")):
        false_discovery_rate(values)


# --- the Settings choice, on a workbook example ---------------------------------------------


def _monthly(tmp_path, choice: str | None, name: str = "monthly-spc.xlsx"):
    wb: Workbook = PERIOD_EXAMPLES[name]()
    if choice is not None:
        set_setting(wb, "Multiple testing", choice)
    report, _ = read_workbook(save(wb, tmp_path, name))
    return report


def test_the_setting_is_read_and_blank_or_missing_is_none(tmp_path) -> None:
    assert _monthly(tmp_path, None).settings.multiple_testing is MultipleTesting.NONE
    assert _monthly(tmp_path, "None").settings.multiple_testing is MultipleTesting.NONE
    chosen = _monthly(tmp_path, "false discovery rate").settings.multiple_testing
    assert chosen is MultipleTesting.FALSE_DISCOVERY_RATE
    # a workbook made before the row existed
    wb = PERIOD_EXAMPLES["monthly-spc.xlsx"]()
    ws = wb["Settings"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Multiple testing")
    ws.delete_rows(row)
    report, problems = read_workbook(save(wb, tmp_path, "old.xlsx"))
    assert report.settings.multiple_testing is MultipleTesting.NONE and not problems


def test_an_unknown_choice_is_one_line_naming_the_cell_and_the_choices(
    workbook, saved, make_report
) -> None:
    set_setting(workbook, "Multiple testing", "Bonferroni")
    path = saved(workbook)
    result = make_report("report", path, "-o", path.parent / "out")
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert (
        "Error: q2.xlsx, sheet Settings, cell B19: Multiple testing 'Bonferroni' is not one of:"
        " None, False discovery rate; type one of them, or leave it blank"
    ) in result.output.splitlines()
    assert not (path.parent / "out").exists() or not any((path.parent / "out").iterdir())


def test_the_false_discovery_rate_is_judged_once_across_the_periods_tests(tmp_path) -> None:
    plain = judge(_monthly(tmp_path, None))
    fdr = judge(_monthly(tmp_path, "False discovery rate"))
    before = [v.status for v in plain.counted()]
    after = [v.status for v in fdr.counted()]
    tests = period_tests(after)
    assert len(tests) == 9 and all(t.family == 9 for t in tests)
    expected = false_discovery_rate([t.p_value for t in period_tests(before)])
    assert [t.adjusted_p_value for t in tests] == pytest.approx(expected, rel=1e-12)
    # the example's two changes significant on their own, 1.1a's latest (p 0.007) and from a
    # year earlier (p 0.012), are not at a false discovery rate of 5% (both 0.053)
    lost = [t for t in tests if t.lost_to_adjustment]
    assert len(lost) == 2 and all(
        t.adjusted_p_value == pytest.approx(0.0527, abs=1e-4) for t in lost
    )
    for b, a in zip(before, after, strict=True):
        if a.measure.id == "1.1a":
            assert {b.judgement, b.year_judgement} <= {Judgement.IMPROVING, Judgement.WORSENING}
            assert a.judgement is a.year_judgement is Judgement.NOT_SIGNIFICANT
        else:
            assert (a.judgement, a.year_judgement) == (b.judgement, b.year_judgement)
    # every verdict the report counts reads the adjusted status
    assert fdr.of("1.1a").status is after[[s.measure.id for s in after].index("1.1a")]
    assert fdr.of("1.1a").change is not plain.of("1.1a").change


def test_old_workbooks_are_judged_and_worded_as_before(tmp_path) -> None:
    report = _monthly(tmp_path, None)
    statuses = [v.status for v in judge(report).counted()]
    assert adjusted(statuses, MultipleTesting.NONE) == statuses
    assert all(t.adjusted_p_value is None for t in period_tests(statuses))
    words = multiplicity_paragraph(statuses)
    assert "false discovery" not in words and words.endswith("not on its own.")
    assert all("false discovery" not in method_sentence(s) for s in statuses)


def test_the_words_say_how_many_tests_and_which_verdicts_changed(tmp_path) -> None:
    statuses = [v.status for v in judge(_monthly(tmp_path, "False discovery rate")).counted()]
    words = multiplicity_paragraph(statuses)
    assert words.startswith("9 changes were tested against chance this period.")
    assert "false discovery rate controlled across this period's tests" in words
    assert "no more than about 1 in 20 of the changes it calls significant is chance" in words
    assert words.endswith(
        "2 changes significant on their own test are not once they are adjusted, and the"
        " measure's page says so."
    )
    beside = {s.measure.id: method_sentence(s) for s in statuses}
    assert beside["1.1a"].endswith(
        "Both changes would count as significant on their own test, but not once the number of"
        " this period's tests (9) is allowed for, as the Settings ask (the false discovery"
        " rate): they are reported as no significant change."
    )
    assert all("false discovery" not in s for m, s in beside.items() if m != "1.1a")


def test_one_verdict_changed_is_said_beside_it(tmp_path) -> None:
    # force-year-to-date: 3 tests; p = 0.037 alone, 0.056 adjusted
    report = _monthly(tmp_path, "False discovery rate", "force-year-to-date.xlsx")
    statuses = [v.status for v in judge(report).counted()]
    changed = [s for s in statuses if any(t.lost_to_adjustment for t in period_tests([s]))]
    assert len(changed) == 1
    assert method_sentence(changed[0]).endswith(
        "would count as significant on its own test, but not once the number of this period's"
        " tests (3) is allowed for, as the Settings ask (the false discovery rate): it is"
        " reported as no significant change."
    )
    assert multiplicity_paragraph(statuses).endswith(
        "1 change significant on its own test is not once it is adjusted, and the measure's"
        " page says so."
    )


def test_a_year_test_that_is_the_latest_change_shares_its_verdict(tmp_path) -> None:
    # monthly-spc's 2.3a compares with the same month a year earlier: one test, counted once
    fdr = judge(_monthly(tmp_path, "False discovery rate"))
    status = fdr.of("2.3a").status
    assert status.year_ago is status.previous and status.test is not None
    assert status.year_test is status.test and status.test.family == 9
    assert len(period_tests([status])) == 1


def test_with_one_test_the_adjustment_is_the_test_itself(tmp_path) -> None:
    report = _monthly(tmp_path, "False discovery rate", "late-figures.xlsx")
    statuses = [v.status for v in judge(report).counted()]
    (test,) = period_tests(statuses)
    assert test.adjusted_p_value == test.p_value and test.family == 1
    assert multiplicity_paragraph(statuses).endswith(
        "The Settings ask for the false discovery rate across the period's tests; with one test"
        " it is that test's own verdict."
    )


# (p-values, adjusted): the edges of what is accepted, and the smallest case the adjustment
# changes (two tests: the smaller p-value doubled, the larger kept)
EDGES = [
    ([0.0, 1.0], [0.0, 1.0]),
    ([1.0], [1.0]),
    ([0.0], [0.0]),
    ([0.01, 0.04], [0.02, 0.04]),
    ([0.04, 0.01], [0.04, 0.02]),
    ([0.03, 0.02, 0.01], [0.03, 0.03, 0.03]),
]


@pytest.mark.parametrize(("values", "expected"), EDGES)
def test_the_edges_of_the_adjustment(values: list, expected: list) -> None:
    assert false_discovery_rate(values) == pytest.approx(expected, abs=1e-15)
