"""Cells read as Excel shows them: a literal % is text, Excel's % scales, a hidden scale is named."""

from __future__ import annotations

import pytest

from conftest import convert_with_libreoffice, needs_libreoffice
from fixtures.workbooks import add_row, set_cell
from safecity_reports.reading.formats import disagreement, is_percent, shown
from safecity_reports.reading.workbook import read_workbook


@pytest.mark.parametrize(
    ("number_format", "value", "percent"),
    [
        ("0%", 0.7, True),
        ("0.0%", 0.705, True),
        ('0"%"', 70, False),
        ('0.0"%"', 70, False),
        ("0\\%", 70, False),
        ('"Rate: "0.0%', 0.7, True),
        ('[Red]0"%"', 70, False),
        ("0%;-0%", -0.2, True),
        ('0;0"%"', -5, False),  # the negative section has only a typed %
        ('0"%";0%', -0.05, True),
        ("General", 70, False),
        ("@", 70, False),
        ("dd/mm/yyyy", 40000, False),
        ("_(0_);(0)", 5, False),
        ("* 0%", 0.5, True),
    ],
)
def test_a_percent_scales_only_when_it_is_excels(number_format, value, percent):
    assert is_percent(number_format, value) is percent


@pytest.mark.parametrize(
    ("number_format", "value", "read", "expected"),
    [
        ("0%", 0.7, 70, None),
        ('0"%"', 70, 70, None),
        ("0.0", 58.44, 58.44, None),  # fewer decimals shown is not another figure
        ("0", 58.4, 58.4, None),
        ("General", 58.4, 58.4, None),
        ("#,##0", 1234, 1234, None),
        ('#,##0,"k"', 7000, 7000, "7"),
        ("0.0,,", 2500000, 2500000, "2.5"),
        ("0,.0", 7500, 7500, "7.5"),
        ("0%", 0.7, 0.7, "70%"),  # a reader that did not scale would print 0.7
        ('0"%"', 70, 7000, "70%"),  # one that scaled a typed % would print 7,000
        ("0.00;(0.00)", -3, -3, None),
        ("dd/mm/yyyy", 40000, 40000, None),
    ],
)
def test_a_figure_excel_shows_otherwise_is_found(number_format, value, read, expected):
    assert disagreement(number_format, value, read) == expected


def test_what_a_section_shows():
    seen = shown('#,##0.00,"k";[Red]-#,##0.00,"k"', -1500)
    assert (seen.percent, seen.percent_sign, seen.thousands, seen.decimals) == (
        False,
        False,
        1,
        2,
    )
    assert shown("0.0E+00", 5) is None


def _read(saved, wb):
    report, problems = read_workbook(saved(wb))
    return report, [str(p) for p in problems]


def test_a_target_with_a_typed_percent_is_the_figure_shown(workbook, saved):
    coordinate = set_cell(workbook, "Measures", 2, "Target", 70)
    workbook["Measures"][coordinate].number_format = '0"%"'
    report, problems = _read(saved, workbook)
    assert problems == []
    assert report.measures[0].target == 70


@pytest.mark.parametrize("number_format", ['0"%"', "0\\%", '0.0"%"', '0" %"'])
def test_data_figures_with_a_typed_percent_are_read_as_shown(workbook, saved, number_format):
    for header in ("Actual", "Benchmark"):
        coordinate = set_cell(workbook, "Data", 3, header, 61)
        workbook["Data"][coordinate].number_format = number_format
    report, problems = _read(saved, workbook)
    assert problems == []
    latest = report.measures[0].observations[-1]
    assert (latest.actual, latest.benchmark) == (61, 61)


def test_a_key_figure_target_with_a_typed_percent(workbook, saved):
    row = add_row(
        workbook,
        "Key figures",
        {"Action": "1.3", "Figure": "Sales", "Value": 3, "Unit": "Count", "Out of": 14},
    )
    coordinate = set_cell(workbook, "Key figures", row, "Target", 70)
    workbook["Key figures"][coordinate].number_format = '0"%"'
    report, problems = _read(saved, workbook)
    assert problems == []
    assert report.figures[-1].target == 70


def test_a_figure_shown_in_thousands_is_named_by_its_own_cell(workbook, saved):
    coordinate = set_cell(workbook, "Data", 4, "Actual", 2000)
    workbook["Data"][coordinate].number_format = '#,##0,"k"'
    report, problems = _read(saved, workbook)
    assert coordinate == "C4"
    assert problems == [
        "q2.xlsx, sheet Data, cell C4: Actual shows as 2 in Excel (number format '#,##0,\"k\"'),"
        " but the cell holds 2000, so the report would print 2000: give the cell a plain number"
        " format (0 or 0.0) and type the figure it should show"
    ]
    assert report.measures[1].observations[-1].actual == 2000


@needs_libreoffice
def test_a_typed_percent_saved_by_an_office_suite_is_read_as_shown(workbook, tmp_path):
    """LibreOffice writes 0"%" back as 0\\%; both are text, and 0% stays Excel's percent."""
    for row, number_format, value in ((2, "0%", 0.58), (3, '0"%"', 61)):
        coordinate = set_cell(workbook, "Data", row, "Actual", value)
        workbook["Data"][coordinate].number_format = number_format
    source = tmp_path / "source"
    source.mkdir()
    workbook.save(source / "q2.xlsx")
    resaved = convert_with_libreoffice(source / "q2.xlsx", "xlsx", tmp_path)
    report, problems = read_workbook(resaved)
    assert problems == []
    assert [o.actual for o in report.measures[0].observations] == [58, 61]
