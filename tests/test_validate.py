"""Cross-record checks on a report, without any workbook."""

from __future__ import annotations

from dataclasses import replace

import pytest

from safecity_reports.core.model import (
    NOT_AVAILABLE,
    Commentary,
    Frequency,
    KeyAction,
    Location,
    Measure,
    Observation,
    Polarity,
    Priority,
    RankedArea,
    Ranking,
    Report,
    Settings,
    Unit,
)
from safecity_reports.core.periods import parse_period
from safecity_reports.errors import ValidationFailed
from safecity_reports.reading.load import load_report
from safecity_reports.reading.messages import did_you_mean, id_sort_key
from safecity_reports.reading.validate import validate

Q1, Q2 = parse_period("2016/17 Q1"), parse_period("2016/17 Q2")


def _report(
    *observations, benchmark_label="", rankings=(), unit=Unit.COUNT, polarity=Polarity.LOW_IS_GOOD
):
    measure = Measure(
        "1.1",
        "1.1",
        "Crime",
        unit,
        polarity,
        Frequency.QUARTERLY,
        0,
        tuple(observations),
        benchmark_label,
        where=Location("Measures", "A2"),
    )
    action = KeyAction(
        "1.1", "1", "Act", "SCC", measures=(measure,), where=Location("Key actions", "A2")
    )
    return Report(
        Settings("P", "T", Q2),
        (Priority("1", "Reduce crime", (action,)),),
        commentary=(Commentary(("1.1",), ()),),
        rankings=tuple(rankings),
        agencies=("SCC",),
        source_name="q2.xlsx",
    )


def _obs(period, actual, benchmark=None, row=2):
    return Observation(period, actual, benchmark, where=Location("Data", f"B{row}"))


def _messages(report):
    return [(p.severity, p.message) for p in validate(report)]


def test_a_clean_report_has_no_problems():
    assert validate(_report(_obs(Q1, 1.0), _obs(Q2, 1.2, row=3))) == []


def test_an_explicit_na_benchmark_lines_up_but_a_blank_does_not():
    lined_up = _report(_obs(Q1, 1.0, 5.0), _obs(Q2, 1.2, NOT_AVAILABLE, row=3))
    gap = _report(_obs(Q1, 1.0, 5.0), _obs(Q2, 1.2, None, row=3))
    assert validate(lined_up) == []
    assert [p.severity for p in validate(gap)] == ["warning"]


def _ranking(values, own, period=Q2):
    return Ranking(
        "1.1", period, tuple(RankedArea(f"Area {i}", v, i == own) for i, v in enumerate(values))
    )


@pytest.mark.parametrize(
    ("polarity", "values", "own", "expected"),
    [
        (Polarity.LOW_IS_GOOD, [65, 67, 109], 2, 3),
        (Polarity.HIGH_IS_GOOD, [65, 67, 109], 2, 1),
        (Polarity.LOW_IS_GOOD, [70, 70, 60], 1, 2),  # tied areas share a position
        (Polarity.NO_PREFERENCE, [3, 1, 2], 0, 3),
    ],
)
def test_a_rank_figure_is_checked_against_the_own_areas_position(polarity, values, own, expected):
    ranking = _ranking(values, own)

    def report(figure):
        return _report(_obs(Q2, figure), unit=Unit.RANK, polarity=polarity, rankings=(ranking,))

    assert _messages(report(float(expected))) == []
    assert _messages(report(float(expected + 1))) == [
        (
            "warning",
            f"Measure 1.1's latest figure is {expected + 1}, but Area {own} is position"
            f" {expected} of 3 in its {Q2.label} ranking ({polarity.value}); check the figure"
            " or the Rankings sheet",
        )
    ]


def test_a_rank_measure_is_checked_against_its_latest_ranking():
    older = _ranking([1, 2, 3], 0, Q1)
    latest = _ranking([1, 2, 3], 2, Q2)
    agrees = _report(_obs(Q2, 3.0), unit=Unit.RANK, rankings=[older, latest])
    disagrees = _report(_obs(Q2, 1.0), unit=Unit.RANK, rankings=[older, latest])
    assert validate(agrees) == []
    assert [p.severity for p in validate(disagrees)] == ["warning"]


def test_a_ranking_needs_exactly_one_own_area():
    report = _report(_obs(Q2, 1.0), rankings=[_ranking([1, 2], own=-1)])
    assert _messages(report) == [
        (
            "error",
            "The 1.1 ranking for 2016/17 Q2 has no own area: mark exactly one area Yes in "
            "the Own area column",
        )
    ]


def test_skipped_ids_are_not_reported_again():
    report = _report(_obs(Q2, 1.0))
    report = replace(report, commentary=(*report.commentary, Commentary(("1.1b",), ())))
    assert [p.severity for p in validate(report)] == ["error"]
    assert validate(report, skipped_ids={"1.1b"}) == []


def test_ids_sort_numerically():
    ids = ["1.10", "1.2", "1.1", "1.2b", "1.2a", "10.1", "2.1"]
    assert sorted(ids, key=id_sort_key) == ["1.1", "1.2", "1.2a", "1.2b", "1.10", "2.1", "10.1"]


@pytest.mark.parametrize(
    ("value", "choices", "hint"),
    [
        ("1.2d", ["1.2a", "1.3"], " (did you mean '1.2a'?)"),
        ("9", ["1", "2"], " (it lists 1, 2)"),
        (
            "1.1",
            ["1.10", "1.2"],
            " (did you mean '1.10'? Excel drops the last 0 of a number: "
            "format the cell as Text and type it again)",
        ),
        ("x", [], " (it lists none)"),
    ],
)
def test_did_you_mean(value, choices, hint):
    assert did_you_mean(value, choices) == hint


def test_load_report_puts_errors_first_and_strict_fails_on_warnings(saved, workbook):
    from fixtures.workbooks import set_cell

    set_cell(workbook, "Data", 3, "Actual", 95)  # a warning
    path = saved(workbook)
    report, warnings = load_report(path)
    assert report.settings.period == Q2
    assert [p.severity for p in warnings] == ["warning"]  # a jump from 58
    with pytest.raises(ValidationFailed) as strict:
        load_report(path, strict=True)
    assert strict.value.problems == warnings
    set_cell(workbook, "Key actions", 2, "Lead agency", "Nobody")  # an error
    with pytest.raises(ValidationFailed) as failed:
        load_report(saved(workbook))
    assert [p.severity for p in failed.value.problems] == ["error", "warning"]


@pytest.mark.parametrize(
    ("layout", "warned"),
    [("Pages for every measure", True), ("Automatic", False), ("Tables only", False)],
)
def test_a_measure_in_a_compact_table_needs_no_commentary(tmp_path, layout, warned):
    from fixtures.workbooks import save, set_cell, set_setting, valid_workbook

    wb = valid_workbook()
    set_setting(wb, "Layout", layout)
    set_cell(wb, "Commentary", 2, "Page", "1.3")  # 1.1a's commentary now names another page
    _, warnings = load_report(save(wb, tmp_path))
    found = [w for w in warnings if "has figures but no commentary" in w.message]
    assert bool(found) is warned
