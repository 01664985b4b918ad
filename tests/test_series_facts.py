"""A series' own baseline and target, typed as Data rows (Row is Baseline / Target), for an area
or for the partnership: read, judged, and every way of typing one wrongly said, cell by cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fixtures.workbooks import add_row, valid_workbook

from safecity_reports.core.areas import in_area
from safecity_reports.core.model import Baseline
from safecity_reports.core.periods import parse_period
from safecity_reports.core.status import TargetStatus
from safecity_reports.core.verdicts import judge
from safecity_reports.reading.load import load_report
from safecity_reports.reading.workbook import read_workbook

AREA_FIGURES = [
    {"Measure": "1.1a", "Period": "2016/17 Q1", "Actual": 40, "Area": "Northam"},
    {"Measure": "1.1a", "Period": "2016/17 Q2", "Actual": 44, "Area": "Northam"},
    {"Measure": "1.1a", "Period": "2016/17 Q1", "Actual": 70, "Area": "Southby"},
    {"Measure": "1.1a", "Period": "2016/17 Q2", "Actual": 71, "Area": "Southby"},
]


def _workbook(*rows):
    wb = valid_workbook()
    for row in (*AREA_FIGURES, *rows):
        add_row(wb, "Data", row)
    return wb


def _load(tmp_path: Path, wb):
    path = tmp_path / "facts.xlsx"
    wb.save(path)
    return load_report(path)


def _messages(tmp_path, wb, severity):
    path = tmp_path / "facts.xlsx"
    wb.save(path)
    _, problems = read_workbook(path)
    if severity == "warning":
        problems = load_report(path)[1]
    return [(p.where.split(", ", 1)[1], p.message) for p in problems if p.severity == severity]


BASELINE = {"Measure": "1.1a", "Period": "2015/16 Q2", "Actual": 50, "Row is": "Baseline"}
TARGET = {"Measure": "1.1a", "Period": "2016/17", "Actual": 55, "Row is": "Target"}


def test_each_area_is_judged_against_its_own_baseline_and_target(tmp_path):
    wb = _workbook(
        {**BASELINE, "Area": "Northam"},
        {**TARGET, "Area": "Northam"},
        {**BASELINE, "Actual": 65, "Area": "Southby"},
        {**TARGET, "Actual": 75, "Area": "Southby"},
    )
    report, problems = _load(tmp_path, wb)
    assert problems == []
    (measure,) = [m for m in report.measures if m.id == "1.1a"]
    northam = in_area(measure, "Northam")
    assert northam.baseline == Baseline(parse_period("2015/16 Q2"), 50.0)
    assert (northam.target, northam.target_due) == (55.0, parse_period("2016/17"))
    assert [o.actual for o in northam.observations] == [40.0, 44.0]
    assert in_area(measure).baseline is None  # the partnership has none of its own
    verdicts = judge(report)
    # 44% is below Northam's baseline of 50%: worse (high is good); Southby's 71% above 65%
    assert str(verdicts.of("1.1a", "Northam").improvements) == "()"
    assert [c.value for c in verdicts.of("1.1a", "Northam").concerns] == ["worse than its baseline"]
    assert [i.value for i in verdicts.of("1.1a", "Southby").improvements] == [
        "better than its baseline"
    ]
    assert verdicts.of("1.1a", "Southby").status.target is TargetStatus.NOT_YET_DUE


def test_the_partnerships_own_baseline_may_be_a_data_row(tmp_path):
    report, problems = _load(tmp_path, _workbook(BASELINE))
    assert problems == []
    (measure,) = [m for m in report.measures if m.id == "1.1a"]
    assert in_area(measure).baseline == Baseline(parse_period("2015/16 Q2"), 50.0)
    assert in_area(measure, "Northam").baseline is None


@pytest.mark.parametrize(
    ("rows", "expected"),
    (
        (
            ({**BASELINE, "Area": "Northam"}, {**BASELINE, "Area": "Northam", "Actual": 51}),
            "Measure 1.1a has two Baseline rows for Northam (the other at sheet Data, cell J9);"
            " delete one",
        ),
        (
            ({**TARGET, "Actual": "n/a"},),
            "A Target row's Actual must be a number: 'n/a' is not; type the target, or delete"
            " the row",
        ),
        (
            ({**BASELINE, "Row is": "Basline"},),
            "Row is 'Basline' is not one of: Actual, Baseline, Target",
        ),
    ),
    ids=("twice", "not-a-number", "misspelt"),
)
def test_a_baseline_or_target_row_typed_wrongly_is_an_error(tmp_path, rows, expected):
    errors = _messages(tmp_path, _workbook(*rows), "error")
    assert len(errors) == 1 and errors[0][1].startswith(expected)


def test_the_partnerships_baseline_given_twice_is_an_error(tmp_path):
    wb = _workbook(BASELINE)
    from tests.fixtures.workbooks import set_cell

    set_cell(wb, "Measures", 2, "Baseline period", "2015/16 Q1")
    set_cell(wb, "Measures", 2, "Baseline", 49)
    errors = _messages(tmp_path, wb, "error")
    assert errors == [
        (
            "sheet Data, cell J9",
            "Measure 1.1a's baseline is given on the Measures sheet too (sheet Measures, cell"
            " A2); give the partnership's baseline in one place",
        )
    ]


def test_what_a_baseline_or_target_row_cannot_use_is_warned_about(tmp_path):
    wb = _workbook(
        {**BASELINE, "Area": "Northam", "Benchmark": 49},
        {**TARGET, "Area": "Northam"},
    )
    warnings = _messages(tmp_path, wb, "warning")
    assert (
        "sheet Data, cell D9",
        "Benchmark is not used on a Baseline row (the report prints only its Actual, as the"
        " baseline): clear the cell, or give it on a row of figures",
    ) in warnings
    assert (
        "sheet Data, cell J9",
        "Measure 1.1a has its own baseline for Northam but not for Southby, so they have no"
        " baseline: add a Baseline row for each",
    ) in warnings
    assert any(m.startswith("Measure 1.1a has its own target for Northam") for _, m in warnings)


def test_a_target_row_on_a_change_target_is_said_to_be_ignored(tmp_path):
    wb = _workbook({**TARGET, "Area": "Northam"}, {**TARGET, "Area": "Southby"})
    from tests.fixtures.workbooks import set_cell

    set_cell(wb, "Measures", 2, "Target", "Reduction")
    warnings = _messages(tmp_path, wb, "warning")
    assert (
        "sheet Data, cell J9",
        "Measure 1.1a's target is 'Reduce on last year', judged against last year's figure,"
        " so its Target row for Northam is ignored: delete the row, or change the Target type"
        " on the Measures sheet",
    ) in warnings


def test_an_area_with_no_figure_of_a_measure_others_have_is_warned_about(tmp_path):
    wb = _workbook({"Measure": "1.2", "Period": "2015/16", "Actual": 3, "Area": "Eastwick"})
    warnings = [m for _, m in _messages(tmp_path, wb, "warning")]
    assert (
        "Measure 1.1a has figures for 2 areas but none for Eastwick, so the report gives no"
        " figure of it for Eastwick: add its figures, or NYA where they are not yet available"
    ) in warnings
