"""``make-report check`` and ``template`` as a data officer meets them.

One tiny workbook per problem, each checked for its exact message line.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import problem_lines
from fixtures.workbooks import add_row, column_of, set_cell, set_setting
from safecity_reports.cli import main


def bad_polarity(wb):
    set_cell(wb, "Measures", 2, "Polarity", "Hgh is good")


def bad_unit(wb):
    set_cell(wb, "Measures", 2, "Unit", "percent")


def bad_decimals(wb):
    set_cell(wb, "Measures", 2, "Decimals", 1.5)


def missing_sheet(wb):
    del wb["Data"]


def missing_column(wb):
    wb["Measures"].cell(row=1, column=column_of("Measures", "Name")).value = "Nme"


def not_a_number(wb):
    set_cell(wb, "Data", 2, "Actual", "about 58")


def excel_error(wb):
    set_cell(wb, "Data", 2, "Actual", "#DIV/0!")


def formula_without_value(wb):
    set_cell(wb, "Data", 2, "Actual", "=C3-2")


def blank_actual(wb):
    set_cell(wb, "Data", 2, "Actual", None)


def bad_period(wb):
    set_cell(wb, "Data", 2, "Period", "2016/17 Q5")


def not_a_pair(wb):
    set_cell(wb, "Measures", 3, "Unit", "Pair of counts")
    set_cell(wb, "Data", 4, "Actual", 11)


def blank_setting(wb):
    set_setting(wb, "Partnership", None)


def bad_date(wb):
    set_setting(wb, "Report date", "31st Sept")


def unknown_priority(wb):
    set_cell(wb, "Key actions", 2, "Priority", 5)


def unknown_action(wb):
    set_cell(wb, "Measures", 2, "Action", "1.9")


def unknown_measure(wb):
    set_cell(wb, "Data", 2, "Measure", "1.1b")


def unknown_page(wb):
    set_cell(wb, "Commentary", 3, "Page", "1.4")


def bad_range(wb):
    set_cell(wb, "Commentary", 3, "Page", "1.2c-a")


def unknown_ranking(wb):
    for row in (2, 3, 4):
        set_cell(wb, "Rankings", row, "Measure", "1.22")


def unknown_figure(wb):
    set_cell(wb, "Key figures", 2, "Action", "1.33")


def unknown_agency(wb):
    set_cell(wb, "Key actions", 2, "Lead agency", "SCCC")


def duplicate_action(wb):
    set_cell(wb, "Key actions", 4, "Action", "1.2")


def duplicate_period(wb):
    set_cell(wb, "Data", 3, "Period", "2016/17 Q1")


def no_own_area(wb):
    set_cell(wb, "Rankings", 3, "Own area", None)


def two_own_areas(wb):
    set_cell(wb, "Rankings", 2, "Own area", "yes")


def bad_own_area(wb):
    set_cell(wb, "Rankings", 2, "Own area", "Yse")


def profile_not_a_number(wb):
    set_cell(wb, "Data", 3, "Profiled target", "about 62")


def over_100(wb):
    set_cell(wb, "Data", 3, "Actual", 160)


def benchmark_over_100(wb):
    set_cell(wb, "Data", 3, "Benchmark", 151)


def benchmark_below_0(wb):
    set_cell(wb, "Data", 2, "Benchmark", -1)


ERRORS = [
    (
        profile_not_a_number,
        "sheet Data, cell I3",
        "Profiled target 'about 62' is not a number; type a number such as 28.06 (or 58% for a"
        " percentage), or leave it blank",
    ),
    (
        bad_polarity,
        "sheet Measures, cell E2",
        "Polarity 'Hgh is good' is not one of: High is good, "
        "Low is good, No preferred direction (did you mean 'High is good'?); type one of them,"
        " or leave it blank",
    ),
    (
        bad_unit,
        "sheet Measures, cell D2",
        "Unit 'percent' is not one of: Percentage, Rate per 1,000, "
        "Rate per 10,000, Count, Rank, Pair of counts, Pounds (did you mean 'Percentage'?);"
        " type one of them, or a unit of your own in words, such as 'Days' (or leave it blank"
        " for a measure with no figures)",
    ),
    (
        bad_decimals,
        "sheet Measures, cell G2",
        "Decimals '1.5' is not one of: 0, 1, 2, 3; type one of them, or leave it blank for a"
        " measure with no figures",
    ),
    (
        missing_sheet,
        None,
        "There is no sheet named 'Data'; the sheets are Instructions, Settings, "
        "Agencies, Priorities, Key actions, Measures, Commentary, Rankings, Group limits, "
        "Key figures, Group position, Ratings, Lists",
    ),
    (
        missing_column,
        "sheet Measures, row 1",
        "There is no column headed 'Name': correct the header 'Nme'",
    ),
    (
        not_a_number,
        "sheet Data, cell C2",
        "Actual 'about 58' is not a number; type a number such as 28.06 (or 58% for a percentage),"
        " or n/a, -, or a note such as 'not yet available'",
    ),
    (
        excel_error,
        "sheet Data, cell C2",
        "Actual is the Excel error #DIV/0!: correct the formula in Excel, or type the figure",
    ),
    (
        formula_without_value,
        "sheet Data, cell C2",
        "Actual has a formula (=C3-2) but no saved "
        "result: open the workbook in Excel and save it, then check it again",
    ),
    (
        blank_actual,
        "sheet Data, cell C2",
        "Actual is blank. The partnership's figure. A percentage "
        "as 58 (or 58%); 'n/a' or '-' if not available; 'NYA', 'not yet available',"
        " 'no new data' or 'awaiting data' (or words like them) if still to come.",
    ),
    (
        bad_period,
        "sheet Data, cell B2",
        "Period '2016/17 Q5' is not a period label; use a "
        "financial-year quarter such as '2016/17 Q2', a financial year such as '2015/16', a "
        "calendar year such as '2016', a month such as 'Sep 2016', or a span of months such as "
        "'Oct 2013 - Sep 2014'",
    ),
    (
        not_a_pair,
        "sheet Data, cell C4",
        "Actual '11' is not a pair of counts; type both counts with a slash, e.g. '11 / 2', or"
        " n/a, -, or a note such as 'not yet available'",
    ),
    (
        blank_setting,
        "sheet Settings, cell B2",
        "Partnership is blank. The partnership's name, e.g. 'Southampton Safe City Partnership'.",
    ),
    (
        bad_date,
        "sheet Settings, cell B6",
        "Report date '31st Sept' is not a date; type a date such as 31/10/2016 or 31 October"
        " 2016, or a month such as December 2016, or leave it blank for the day the report is"
        " made",
    ),
    (
        unknown_priority,
        "sheet Key actions, cell B2",
        "Priority '5' is not on the Priorities sheet (it lists 1)",
    ),
    (
        unknown_action,
        "sheet Measures, cell B2",
        "Action '1.9' is not on the Key actions sheet (did you mean '1.3'?)",
    ),
    (
        unknown_measure,
        "sheet Data, cell A2",
        "Measure '1.1b' is not on the Measures sheet (did you mean '1.1a'?)",
    ),
    (
        unknown_page,
        "sheet Commentary, cell A3",
        "Page '1.4' is not a measure on the Measures "
        "sheet or an action on the Key actions sheet (did you mean '1.3'?)",
    ),
    (
        bad_range,
        "sheet Commentary, cell A3",
        "Page '1.2c-a' is not a range: give the first and last measure, e.g. 1.2a-c",
    ),
    (
        unknown_ranking,
        "sheet Rankings, cell A2",
        "Measure '1.22' is not on the Measures sheet (did you mean '1.2'?)",
    ),
    (
        unknown_figure,
        "sheet Key figures, cell A2",
        "Action '1.33' is not on the Key actions sheet (did you mean '1.3'?)",
    ),
    (
        unknown_agency,
        "sheet Key actions, cell D2",
        "Lead agency 'SCCC' is not on the Agencies sheet (did you mean 'SCC'?): type one of SCC or"
        " Hampshire Constabulary, or leave it blank if the report names no lead agency",
    ),
    (
        duplicate_action,
        "sheet Key actions, cell A4",
        "Action '1.2' is defined twice (also at sheet Key actions, cell A3); give each its own id",
    ),
    (
        duplicate_period,
        "sheet Data, cell B3",
        "Measure 1.1a has two rows for 2016/17 Q1 (the other at sheet Data, cell B2); delete one",
    ),
    (
        no_own_area,
        "sheet Rankings, cell A2",
        "The 1.2 ranking for 2015/16 has no own area: mark "
        "exactly one area Yes in the Own area column",
    ),
    (
        two_own_areas,
        "sheet Rankings, cell A2",
        "The 1.2 ranking for 2015/16 has 2 own areas "
        "(Luton, Testshire): mark exactly one area Yes in the Own area column",
    ),
    (
        bad_own_area,
        "sheet Rankings, cell E2",
        "Own area 'Yse' is not one of: Yes, No (did you mean 'Yes'?); type one of them, or leave"
        " it blank",
    ),
    (
        over_100,
        "sheet Data, cell C3",
        "Actual '160' is over 100, but the measure is a percentage (a share of 100): type a"
        " percentage from 0 to 100, e.g. 58 for 58%, or n/a",
    ),
    (
        benchmark_over_100,
        "sheet Data, cell D3",
        "Benchmark '151' is over 100, but the measure is a percentage (a share of 100): type a"
        " percentage from 0 to 100, e.g. 58 for 58%, or n/a",
    ),
    (
        benchmark_below_0,
        "sheet Data, cell D2",
        "Benchmark '-1' is below zero, but the measure is a percentage: type a figure of 0 or"
        " more, or n/a",
    ),
]


def _located(where, message):
    return f"q2.xlsx, {where}: {message}" if where else f"q2.xlsx: {message}"


@pytest.mark.parametrize(("spoil", "where", "message"), ERRORS, ids=[e[0].__name__ for e in ERRORS])
def test_check_reports_each_error_with_its_cell_and_value(
    workbook, saved, make_report, spoil, where, message
):
    spoil(workbook)
    result = make_report("check", saved(workbook))
    assert result.exit_code == 1, result.output
    assert _located(where, message) in problem_lines(result.output)
    assert "Error: " in result.output
    assert "Traceback" not in result.output


def out_of_order(wb):
    set_cell(wb, "Data", 2, "Period", "2016/17 Q2")
    set_cell(wb, "Data", 3, "Period", "2016/17 Q1")


def after_period(wb):
    add_row(wb, "Data", {"Measure": "1.1a", "Period": "2016/17 Q3", "Actual": 61, "Benchmark": 52})


def no_commentary(wb):
    # a page of its own needs commentary (a row of a compact table does not)
    set_setting(wb, "Layout", "Pages for every measure")
    set_cell(wb, "Commentary", 2, "Page", "1.3")


def empty_action(wb):
    set_cell(wb, "Commentary", 4, "Page", "1.2")


def benchmark_gap(wb):
    set_cell(wb, "Data", 2, "Benchmark", None)


def rank_mismatch(wb):
    set_cell(wb, "Data", 4, "Actual", 3)


def similar_sources(wb):
    set_cell(wb, "Measures", 3, "Source", "Safe Citty Survey")


def unknown_setting(wb):
    wb["Settings"].cell(row=20, column=1).value = "Reportng date"
    wb["Settings"].cell(row=20, column=2).value = "1/1/2017"


def unused_limits(wb):
    set_cell(wb, "Group limits", 2, "Period", "2014/15")


def id_that_lost_its_zero(wb):
    for number in range(4, 10):
        add_row(
            wb,
            "Key actions",
            {
                "Action": float(f"1.{number}"),
                "Priority": 1,
                "Key action": "x",
                "Lead agency": "SCC",
            },
        )
        add_row(wb, "Commentary", {"Page": f"1.{number}", "Text": "t"})
    add_row(
        wb, "Key actions", {"Action": 1.1, "Priority": 1, "Key action": "x", "Lead agency": "SCC"}
    )


def _dated_target(wb, due="2016/17 Q4", target=65):
    """1.1a (people who feel safe, 58% then 60%) with a target of 65% due at ``due``."""
    set_cell(wb, "Measures", 2, "Target", target)
    set_cell(wb, "Measures", 2, "Target date", due)


def profile_without_target(wb):
    set_cell(wb, "Data", 3, "Profiled target", 62)


def profile_of_a_change_target(wb):
    _dated_target(wb, target="Increase")
    set_cell(wb, "Data", 3, "Profiled target", 62)


def profile_without_a_date(wb):
    _dated_target(wb, due=None)
    set_cell(wb, "Data", 3, "Profiled target", 62)


def profile_at_the_date(wb):
    _dated_target(wb, due="2016/17 Q2")
    set_cell(wb, "Data", 3, "Profiled target", 62)


def profile_after_the_date(wb):
    _dated_target(wb, due="2016/17 Q1")
    set_cell(wb, "Data", 3, "Profiled target", 62)


WARNINGS = [
    (
        profile_without_target,
        "sheet Data, cell I3",
        "Measure 1.1a has no Target, so its profiled target for 2016/17 Q2, 62, is ignored; type"
        " the target it leads to in Target and Target date on the Measures sheet, or clear the"
        " cell",
    ),
    (
        profile_of_a_change_target,
        "sheet Data, cell I3",
        "Measure 1.1a's target is 'Increase on last year', judged against last year's figure,"
        " so its profiled target for 2016/17 Q2, 62, is ignored; clear the cell",
    ),
    (
        profile_without_a_date,
        "sheet Data, cell I3",
        "Measure 1.1a's Target 65 has no Target date, so it applies to every period and its"
        " profiled target for 2016/17 Q2, 62, is ignored; type the period the target is due by"
        " in Target date on the Measures sheet, or clear the cell",
    ),
    (
        profile_at_the_date,
        "sheet Data, cell I3",
        "Measure 1.1a's profiled target for 2016/17 Q2, 62, differs from its Target 65, due by"
        " the end of 2016/17 Q2; 2016/17 Q2 ends then, so its figure is judged against the"
        " Target itself and the profiled target is ignored: type 65, or clear the cell",
    ),
    (
        profile_after_the_date,
        "sheet Data, cell I3",
        "Measure 1.1a's profiled target for 2016/17 Q2, 62, is for a period after its Target 65"
        " was due (by the end of 2016/17 Q1), so it is ignored; check the period, or clear the"
        " cell",
    ),
    (
        out_of_order,
        "sheet Data, cell B3",
        "Period 2016/17 Q1 of measure 1.1a comes after 2016/17 "
        "Q2 on the Data sheet but is earlier; the report sorts them by date, so check the periods "
        "are right",
    ),
    (
        after_period,
        "sheet Data, cell B5",
        "Period 2016/17 Q3 of measure 1.1a ends after the "
        "reporting period 2016/17 Q2; check the period or the Settings sheet",
    ),
    (
        no_commentary,
        "sheet Measures, cell A2",
        "Measure 1.1a has figures but no commentary; add a row for it on the Commentary sheet",
    ),
    (
        empty_action,
        "sheet Key actions, cell A4",
        "Key action 1.3 has no measure and no "
        "commentary, so its page would be empty; add a measure or a Commentary row for it",
    ),
    (
        benchmark_gap,
        "sheet Data, cell D2",
        "Measure 1.1a has a benchmark for some periods but "
        "none for 2016/17 Q1; type the benchmark, or n/a where it is not available",
    ),
    (
        rank_mismatch,
        "sheet Data, cell C4",
        "Measure 1.2's latest figure is 3, but Testshire is "
        "position 2 of 3 in its 2015/16 ranking (Low is good); "
        "check the figure or the Rankings sheet",
    ),
    (
        similar_sources,
        "sheet Measures, cell K3",
        "Source 'Safe Citty Survey' of measure 1.2 is "
        "nearly the same as 'Safe City Survey' (measure 1.1a); if they are the same source, spell "
        "them the same",
    ),
    (
        unknown_setting,
        "sheet Settings, cell A20",
        "'Reportng date' is not a setting, so it is "
        "ignored; the settings are Partnership, Report title, Reporting period, Comparison period, "
        "Report date, Published by, Contact, Next update, Footnote, Compare with, Summary columns,"
        " Area pages, Layout, Population, Population source, Rank 1 is, Confidence or Multiple"
        " testing"
        " (did you mean 'Report date'?)",
    ),
    (
        unused_limits,
        "sheet Group limits, cell A2",
        "There is no ranking for 1.2 2014/15 on the Rankings sheet, so these limits are not used",
    ),
    (
        id_that_lost_its_zero,
        "sheet Key actions, cell A11",
        "Action 1.1 was typed as a number, so "
        "Excel may have turned 1.10 into 1.1: format the column as Text and type the ids again",
    ),
]


@pytest.mark.parametrize(
    ("spoil", "where", "message"), WARNINGS, ids=[w[0].__name__ for w in WARNINGS]
)
def test_check_warns_and_strict_fails(workbook, saved, make_report, spoil, where, message):
    spoil(workbook)
    path = saved(workbook)
    lenient = make_report("check", path)
    strict = make_report("check", "--strict", path)
    expected = _located(where, message)
    if spoil is id_that_lost_its_zero:  # the repeated id is an error as well as the warning
        assert lenient.exit_code == 1
    else:
        assert lenient.exit_code == 0, lenient.output
        assert f"Warning: {expected}" in lenient.output.splitlines()
    assert expected in problem_lines(lenient.output)
    assert strict.exit_code == 1
    assert expected in problem_lines(strict.output)


@pytest.mark.parametrize(
    ("due", "profile"),
    [("2016/17 Q4", 62), ("2016/17 Q2", 65), ("2016/17 Q2", "65%")],
    ids=["before the date", "the Target itself at the date", "typed as a percentage"],
)
def test_a_profiled_target_the_report_can_use_checks_clean(
    workbook, saved, make_report, due, profile
):
    _dated_target(workbook, due=due)
    set_cell(workbook, "Data", 3, "Profiled target", profile)
    result = make_report("check", saved(workbook))
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("no errors, 0 warning(s)")


def test_a_valid_workbook_checks_clean(workbook, saved, make_report):
    result = make_report("check", saved(workbook))
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("no errors, 0 warning(s)")


def test_check_lists_every_error_at_once(workbook, saved, make_report):
    bad_polarity(workbook)
    unknown_agency(workbook)
    not_a_number(workbook)
    result = make_report("check", saved(workbook))
    assert result.exit_code == 1
    assert "3 error(s)" in result.output


def test_check_never_changes_the_workbook(workbook, saved, make_report):
    bad_polarity(workbook)
    path = saved(workbook)
    old = os.stat(path).st_mtime_ns - 10_000_000_000
    os.utime(path, ns=(old, old))
    before = path.read_bytes()
    make_report("check", path)
    make_report("check", "--strict", path)
    assert path.read_bytes() == before
    assert os.stat(path).st_mtime_ns == old


def _xls(folder: Path) -> Path:
    path = folder / "q2.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    return path


def _csv(folder: Path) -> Path:
    path = folder / "q2.csv"
    path.write_text("Measure,Period,Actual\n1.2a,2016/17 Q2,29.92\n")
    return path


def _ods(folder: Path) -> Path:
    path = folder / "q2.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


def _encrypted(folder: Path) -> Path:
    path = folder / "q2.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    return path


def _not_a_workbook(folder: Path) -> Path:
    path = folder / "q2.xlsx"
    path.write_text("hello")
    return path


def _damaged(folder: Path) -> Path:
    path = folder / "q2.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(40))
    return path


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (
            _xls,
            "q2.xls: This is an Excel 97-2003 .xls file: open it in Excel and save it as .xlsx "
            "(Excel Workbook)",
        ),
        (
            _csv,
            "q2.csv: This is a CSV file, which holds one sheet without formats: copy its "
            "figures into the template (make-report template) and save that as .xlsx",
        ),
        (
            _ods,
            "q2.ods: This is an OpenDocument spreadsheet (.ods): save it as Excel 2007-365 (.xlsx)",
        ),
        (
            _encrypted,
            "q2.xlsx is password-protected: open it in Excel, remove the password "
            "(File > Info > Protect Workbook) and save it",
        ),
        (_not_a_workbook, "q2.xlsx is not an Excel workbook (.xlsx)"),
        (
            _damaged,
            "q2.xlsx is damaged (not a complete .xlsx file): open it in Excel and save it again",
        ),
    ],
    ids=lambda v: v.__name__.strip("_") if callable(v) else "",
)
def test_files_that_are_not_workbooks_fail_plainly(tmp_path, make_report, make_file, message):
    result = make_report("check", make_file(tmp_path))
    assert result.exit_code == 1
    assert f"Error: {message}" in result.output.splitlines()


def test_a_missing_file_or_a_folder_is_a_usage_error(tmp_path, make_report):
    missing = make_report("check", tmp_path / "nowhere.xlsx")
    folder = make_report("check", tmp_path)
    no_argument = make_report("check")
    assert (missing.exit_code, folder.exit_code, no_argument.exit_code) == (2, 2, 2)
    assert f"Error: {tmp_path / 'nowhere.xlsx'}: there is no such file" in missing.output
    assert f"Error: {tmp_path} is a folder, not a workbook" in folder.output


def test_the_template_round_trips(tmp_path, make_report):
    path = tmp_path / "t.xlsx"
    assert make_report("template", path).exit_code == 0
    blank = make_report("check", path)
    # A blank template is well formed: only the required settings are missing.
    assert blank.exit_code == 1
    assert problem_lines(blank.output)[:3] == [
        "t.xlsx, sheet Settings, cell B2: Partnership is blank. The partnership's name, e.g. "
        "'Southampton Safe City Partnership'.",
        "t.xlsx, sheet Settings, cell B3: Report title is blank. The report's title, e.g. "
        "'Performance report'.",
        "t.xlsx, sheet Settings, cell B4: Reporting period is blank. "
        "The period this report covers, e.g. '2016/17 Q2'.",
    ]
    assert "3 error(s), 0 warning(s)" in blank.output


def test_the_template_with_its_settings_checks_clean(tmp_path, make_report):
    from openpyxl import load_workbook

    path = tmp_path / "t.xlsx"
    make_report("template", path)
    wb = load_workbook(path)
    for name, value in (("Partnership", "P"), ("Report title", "T"), ("Reporting period", "2016")):
        set_setting(wb, name, value)
    wb.save(path)
    result = make_report("check", path)
    assert result.exit_code == 0, result.output


def test_template_will_not_overwrite_without_force(tmp_path, make_report):
    path = tmp_path / "t.xlsx"
    path.write_bytes(b"mine")
    refused = make_report("template", path)
    assert refused.exit_code == 2
    assert path.read_bytes() == b"mine"
    forced = make_report("template", "--force", path)
    assert forced.exit_code == 0
    assert path.read_bytes() != b"mine"
    assert make_report("template", tmp_path / "t.xls").exit_code == 2


def _commands(group: click.Group):
    for name, command in group.commands.items():
        yield name, command
        if isinstance(command, click.Group):
            yield from _commands(command)


def test_every_command_and_option_has_help():
    assert main.help
    for name, command in _commands(main):
        assert command.help, f"command {name} has no help"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"option {param.opts} of {name} has no help"


def _streams(path, *options):
    result = CliRunner().invoke(main, ["check", *options, str(path)])
    return result.exit_code, result.stdout.splitlines(), result.stderr.splitlines()


def test_check_writes_warnings_to_stderr_and_its_summary_to_stdout(workbook, saved):
    profile_without_target(workbook)
    path = saved(workbook)
    code, out, err = _streams(path)
    assert code == 0
    assert out == [f"{path}: no errors, 1 warning(s)"]
    assert [line.split(": ")[0] for line in err] == ["Warning"]


def test_check_quiet_prints_no_warnings_only_its_summary(workbook, saved):
    profile_without_target(workbook)
    path = saved(workbook)
    assert _streams(path, "-q") == (0, [f"{path}: no errors, 1 warning(s)"], [])


def test_check_quiet_prints_the_errors_and_their_summary(workbook, saved):
    profile_without_target(workbook)
    not_a_number(workbook)
    code, out, err = _streams(saved(workbook), "--quiet")
    assert (code, out) == (1, [])
    assert len(err) == 2
    assert err[0].startswith("Error: q2.xlsx, sheet Data, cell C2: Actual 'about 58'")
    assert err[1] == "1 error(s), 1 warning(s)"


def test_check_quiet_and_strict_prints_the_warnings_that_fail_it(workbook, saved):
    profile_without_target(workbook)
    code, out, err = _streams(saved(workbook), "-q", "--strict")
    assert (code, out) == (1, [])
    assert err[0].startswith("Warning: q2.xlsx, sheet Data, cell I3: Measure 1.1a has no Target")
    assert err[-1] == "0 error(s), 1 warning(s)"
