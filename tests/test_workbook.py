"""Reading a workbook as spreadsheet users fill it in: forgiving where it can be."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fixtures.workbooks import add_row, column_of, set_cell, set_setting
from safecity_reports.core.model import NOT_AVAILABLE, Pair, Unit
from safecity_reports.reading.workbook import read_workbook


def _read(saved, wb):
    report, problems = read_workbook(saved(wb))
    return report, [str(p) for p in problems]


def _measure(report, measure_id):
    return next(m for m in report.measures if m.id == measure_id)


@pytest.mark.parametrize(
    ("typed", "number_format", "expected"),
    [
        ("28.06", "General", 28.06),
        (" 12 ", "General", 12.0),
        ("58%", "General", 58.0),
        ("\u00a058\u00a0", "General", 58.0),
        (0.58, "0%", 58.0),
        (0.5825, "0.00%", 58.25),
        (58, "General", 58.0),
    ],
)
def test_numbers_typed_any_way_are_numbers(workbook, saved, typed, number_format, expected):
    coordinate = set_cell(workbook, "Data", 3, "Actual", typed)
    workbook["Data"][coordinate].number_format = number_format
    report, problems = _read(saved, workbook)
    assert problems == []
    assert _measure(report, "1.1a").observations[-1].actual == expected


@pytest.mark.parametrize("word", ["n/a", "N/A", "na", "-", "–", "Not available", " n/a "])
def test_not_available_words(workbook, saved, word):
    set_cell(workbook, "Data", 3, "Actual", word)
    set_cell(workbook, "Data", 3, "Benchmark", word)
    report, problems = _read(saved, workbook)
    assert problems == []
    latest = _measure(report, "1.1a").observations[-1]
    assert (latest.actual, latest.benchmark) == (NOT_AVAILABLE, NOT_AVAILABLE)


@pytest.mark.parametrize(("typed", "pair"), [("11 / 2", Pair(11, 2)), ("0/0", Pair(0, 0))])
def test_pairs_of_counts(workbook, saved, typed, pair):
    set_cell(workbook, "Measures", 3, "Unit", "Pair of counts")
    set_cell(workbook, "Data", 4, "Actual", typed)
    report, problems = _read(saved, workbook)
    assert problems == []
    assert _measure(report, "1.2").observations[0].actual == pair


def test_a_pair_excel_turned_into_a_date_is_explained(workbook, saved):
    set_cell(workbook, "Measures", 3, "Unit", "Pair of counts")
    set_cell(workbook, "Data", 4, "Actual", datetime(2016, 2, 11))
    _, problems = _read(saved, workbook)
    assert problems == [
        "q2.xlsx, sheet Data, cell C4: Actual has become the date 11 Feb in Excel; type the pair "
        "with spaces, e.g. '11 / 2', or format the cell as Text"
    ]


def test_ids_typed_as_numbers(workbook, saved):
    set_cell(workbook, "Key actions", 3, "Action", 1.2)
    set_cell(workbook, "Measures", 3, "Action", 1.2)
    set_cell(workbook, "Measures", 3, "Measure", 1.2)
    set_cell(workbook, "Data", 4, "Measure", 1.2)
    set_cell(workbook, "Priorities", 2, "Priority", 1.0)
    report, problems = _read(saved, workbook)
    assert problems == []
    assert [a.id for a in report.actions] == ["1.1", "1.2", "1.3"]
    assert _measure(report, "1.2").observations[0].actual == 2
    assert report.priorities[0].id == "1"


def test_an_id_keeps_the_decimals_its_cell_shows(workbook, saved):
    coordinate = set_cell(workbook, "Key actions", 4, "Action", 1.1)
    workbook["Key actions"][coordinate].number_format = "0.00"
    set_cell(workbook, "Commentary", 4, "Page", "1.10")
    set_cell(workbook, "Key figures", 2, "Action", "1.10")
    report, problems = _read(saved, workbook)
    assert problems == []
    assert [a.id for a in report.actions] == ["1.1", "1.2", "1.10"]  # numeric order


def test_sheets_and_columns_are_found_by_name_whatever_the_case_order_or_visibility(
    workbook, saved
):
    ws = workbook["Measures"]
    ws.title = "  measures "
    ws.sheet_state = "hidden"
    ws.insert_cols(1)
    ws.cell(row=1, column=1).value = "My own notes"
    ws.cell(row=2, column=1).value = "ignore me"
    ws.move_range("B1:B3", cols=20)  # the Measure column moves to the far right
    ws.cell(row=1, column=column_of("Measures", "Polarity") + 1).value = "POLARITY"
    workbook["Data"].cell(row=1, column=column_of("Data", "Actual")).value = " actual "
    report, problems = _read(saved, workbook)
    assert problems == []
    assert [m.id for m in report.measures] == ["1.1a", "1.2"]
    assert report.measures[0].where.sheet == "  measures "


def test_blank_rows_in_the_middle_are_skipped(workbook, saved):
    ws = workbook["Data"]
    ws.insert_rows(3, amount=2)
    ws.cell(row=3, column=5).value = "   "
    report, problems = _read(saved, workbook)
    assert problems == []
    assert len(_measure(report, "1.1a").observations) == 2


def test_observations_are_sorted_by_period(workbook, saved):
    set_cell(workbook, "Data", 2, "Period", "2016/17 Q2")
    set_cell(workbook, "Data", 3, "Period", "2016/17 Q1")
    report, _ = _read(saved, workbook)
    periods = [o.period.label for o in _measure(report, "1.1a").observations]
    assert periods == ["2016/17 Q1", "2016/17 Q2"]


def test_a_month_excel_turned_into_a_date_is_that_month(workbook, saved):
    set_cell(workbook, "Data", 4, "Period", datetime(2016, 9, 1))
    report, problems = _read(saved, workbook)
    assert _measure(report, "1.2").observations[0].period.label == "Sep 2016"


@pytest.mark.parametrize(
    "typed", [datetime(2016, 10, 31), "31/10/2016", "31 October 2016", "2016-10-31"]
)
def test_report_date_as_a_date_or_text(workbook, saved, typed):
    set_setting(workbook, "Report date", typed)
    set_setting(workbook, "Footnote", "Figures are provisional.")
    report, problems = _read(saved, workbook)
    assert problems == []
    assert report.settings.report_date == date(2016, 10, 31)
    assert report.settings.footnotes == ("Figures are provisional.",)


def test_settings_are_found_whatever_their_case(workbook, saved):
    ws = workbook["Settings"]
    ws.cell(row=2, column=1).value = "  PARTNERSHIP: "
    report, problems = _read(saved, workbook)
    assert problems == []
    assert report.settings.partnership == "Testshire Safe City Partnership"


def test_dropdown_values_are_matched_whatever_their_case(workbook, saved):
    set_cell(workbook, "Measures", 2, "Polarity", " high IS good")
    set_cell(workbook, "Measures", 2, "Unit", "PERCENTAGE")
    set_cell(workbook, "Key actions", 2, "Lead agency", "scc")
    report, problems = _read(saved, workbook)
    assert problems == []
    assert report.actions[0].lead_agency == "SCC"
    assert report.measures[0].unit is Unit.PERCENTAGE


def test_commentary_rows_are_grouped_by_page_and_ranges_expand(workbook, saved):
    add_row(workbook, "Commentary", {"Page": "1.3", "Text": "A second paragraph."})
    add_row(workbook, "Commentary", {"Text": "A third, with the Page left blank."})
    add_row(workbook, "Commentary", {"Page": "1.1a-c", "Text": "Shared page."})
    add_row(workbook, "Commentary", {"Page": "1.1a, 1.2", "Text": "Listed page."})
    report, _ = _read(saved, workbook)
    covers = [c.covers for c in report.commentary]
    assert covers == [("1.1a",), ("1.2",), ("1.3",), ("1.1a", "1.1b", "1.1c"), ("1.1a", "1.2")]
    assert [b.text for b in report.commentary[2].blocks] == [
        "14 test purchases were made.",
        "A second paragraph.",
        "A third, with the Page left blank.",
    ]


def test_rankings_take_their_group_limits(workbook, saved):
    report, _ = _read(saved, workbook)
    (ranking,) = report.rankings
    assert [a.area for a in ranking.areas] == ["Testshire", "Bristol", "Luton"]  # own, then by name
    assert [a.is_own_area for a in ranking.areas] == [True, False, False]
    assert (ranking.group_average, ranking.lower_limit, ranking.upper_limit) == (72, 60, 84)


def test_a_row_with_an_error_is_left_out_but_the_rest_is_read(workbook, saved):
    set_cell(workbook, "Data", 2, "Actual", "lots")
    report, problems = _read(saved, workbook)
    assert len(problems) == 1
    assert [o.period.label for o in _measure(report, "1.1a").observations] == ["2016/17 Q2"]


def test_key_figures(workbook, saved):
    add_row(
        workbook,
        "Key figures",
        {
            "Action": "1.3",
            "Figure": "Sales",
            "Value": "3",
            "Unit": "count",
            "Out of": 14,
            "Target": "70%",
        },
    )
    add_row(
        workbook,
        "Key figures",
        {"Action": "1.3", "Figure": "Levy", "Value": "£106,500", "Unit": "Pounds"},
    )
    report, problems = _read(saved, workbook)
    assert problems == []
    sales, levy = report.figures[1:]
    assert (sales.value, sales.out_of, sales.target, sales.unit) == (3, 14, 70, Unit.COUNT)
    assert (levy.value, levy.unit) == (106500, Unit.MONEY)


def test_optional_sheets_may_be_missing(workbook, saved):
    for name in ("Rankings", "Group limits", "Key figures"):
        del workbook[name]
    report, problems = _read(saved, workbook)
    assert problems == []
    assert report.rankings == () and report.figures == ()


SHEET_LIST = (
    "Instructions, Settings, Agencies, Priorities, Key actions, Measures, Data, Commentary,"
    " {renamed}, Group limits, {figures}, Lists"
)


@pytest.mark.parametrize(
    ("sheet", "renamed"),
    [
        ("Rankings", "Rankings Q2"),
        ("Rankings", "MSG Rankings"),
        ("Rankings", "Ranking"),
        ("Key figures", "Key figures (2016)"),
        ("Key figures", "Key figure"),
        ("Commentary", "Commentary Q2"),
        ("Group limits", "Group limits 2016"),
    ],
)
def test_an_optional_sheet_that_looks_renamed_is_an_error(workbook, saved, sheet, renamed):
    workbook[sheet].title = renamed
    _, problems = _read(saved, workbook)
    titles = ", ".join(ws.title for ws in workbook.worksheets)
    assert problems == [
        f"q2.xlsx: There is no sheet named '{sheet}'; the sheets are {titles}"
        f" (did you mean '{renamed}'? rename it '{sheet}')"
    ]


def test_a_renamed_data_sheet_says_what_to_rename(workbook, saved):
    workbook["Data"].title = "Data 2016-17"
    _, problems = _read(saved, workbook)
    assert problems[0].endswith("(did you mean 'Data 2016-17'? rename it 'Data')")


def test_an_optional_sheet_is_not_mistaken_for_another_known_sheet(workbook, saved):
    """Key actions is not Key figures renamed, nor are extra sheets of other names."""
    del workbook["Key figures"]
    workbook.create_sheet("Notes for the board")
    report, problems = _read(saved, workbook)
    assert problems == []
    assert report.figures == ()


def test_the_instructions_explain_every_optional_column_with_an_example(tmp_path):
    from openpyxl import load_workbook

    from safecity_reports.reading.template import write_template

    path = tmp_path / "blank.xlsx"
    write_template(path)
    sheet = load_workbook(path)["Instructions"]
    text = "\n".join(str(c.value) for c in sheet["A"] if c.value)
    for words in (
        "Figures are",
        "2013/14 Q3 is April to December 2013",
        "Compare with",
        "Baseline period 2012/13",
        "Target date 2013/14",
        "Profiled target 29450 on the 2013/14 Q3 row",
        "Little change",
        "NYA",
        "Layout",
        "Tables only",
    ):
        assert words in text


def _with_dated_target(wb):
    """1.1a (people who feel safe, 58% then 60%) with a target of 65% due at the end of
    2016/17, so that its figure for 2016/17 Q2 is judged before the target's date."""
    set_cell(wb, "Measures", 2, "Target", 65)
    set_cell(wb, "Measures", 2, "Target date", "2016/17")


def test_a_workbook_without_the_profiled_target_column_reads_as_before(workbook, saved, tmp_path):
    """A workbook made before the column existed: the same report, the same sentences."""
    from fixtures.workbooks import save
    from safecity_reports.core.status import TargetStatus, report_status
    from safecity_reports.layout.narrative import status_sentences

    _with_dated_target(workbook)
    with_column, problems = _read(saved, workbook)
    assert problems == []
    workbook["Data"].delete_cols(column_of("Data", "Profiled target"))
    without, _ = read_workbook(save(workbook, tmp_path, "old.xlsx"))
    assert without.measures == with_column.measures
    assert all(o.profiled_target is None for m in without.measures for o in m.observations)
    old, new = report_status(without)["1.1a"], report_status(with_column)["1.1a"]
    assert old.target is new.target is TargetStatus.NOT_YET_DUE  # a quarter's own figure
    assert status_sentences(old) == status_sentences(new)


def test_the_profiled_target_header_is_found_in_any_case_and_spacing(workbook, saved):
    from safecity_reports.core.status import TargetStatus, report_status

    _with_dated_target(workbook)
    workbook["Data"].cell(
        row=1, column=column_of("Data", "Profiled target")
    ).value = " profiled  TARGET "
    set_cell(workbook, "Data", 3, "Profiled target", "58%")
    report, problems = _read(saved, workbook)
    assert problems == []
    assert [o.profiled_target for o in _measure(report, "1.1a").observations] == [None, 58.0]
    assert report_status(report)["1.1a"].target is TargetStatus.ON_TRACK  # 60% against 58%
