"""Comparison groups in either form, ratings and chosen summary columns, as read and checked."""

from __future__ import annotations

import pytest
from tests.fixtures.workbooks import add_row, save, set_setting, valid_workbook

from safecity_reports.core.groups import from_ranking, group_standing
from safecity_reports.core.model import GroupSide, PageLayout, Polarity, RatingLevel
from safecity_reports.reading.validate import validate
from safecity_reports.reading.workbook import read


def _read(tmp_path, change):
    wb = valid_workbook()
    change(wb)
    reading = read(save(wb, tmp_path))
    problems = reading.problems + validate(reading.report, reading.skipped_ids)
    return reading.report, [(p.severity, p.message) for p in problems]


def test_a_workbook_without_the_new_sheets_reads_as_before(tmp_path):
    report, problems = _read(
        tmp_path, lambda wb: [wb.remove(wb[s]) for s in ("Group position", "Ratings")]
    )
    assert problems == []
    assert report.group_facts == () and report.ratings == ()
    assert report.settings.summary_columns == ()


def test_the_full_group_gives_rank_average_distance_and_position(tmp_path):
    report, problems = _read(tmp_path, lambda wb: None)
    ranking = report.rankings[0]
    standing = from_ranking(ranking, Polarity.LOW_IS_GOOD)
    assert (standing.rank, standing.size, standing.rank_one_is_lowest) == (2, 3, True)
    assert standing.average == 72  # as given on Group limits
    assert standing.distance == pytest.approx((70 - 72) / 72 * 100)
    assert standing.position is GroupSide.IN_LINE
    assert standing.from_full_group


def test_typed_facts_stand_only_where_there_is_no_full_group(tmp_path):
    def change(wb):
        add_row(
            wb,
            "Group position",
            {
                "Measure": "1.1a",
                "Period": "2016/17 Q2",
                "Group": "Most Similar Group",
                "Group size": 15,
                "Rank": 10,
                "Position": "Above",
                "Distance from average": 12.5,
            },
        )

    report, problems = _read(tmp_path, change)
    assert problems == []
    standing = group_standing(report, "1.1a", Polarity.HIGH_IS_GOOD, report.settings.period)
    assert (standing.rank, standing.size, standing.position) == (10, 15, GroupSide.ABOVE)
    assert not standing.from_full_group


def test_a_group_of_one_is_refused(tmp_path):
    def change(wb):
        ws = wb["Rankings"]
        ws.delete_rows(2, ws.max_row)
        add_row(
            wb,
            "Rankings",
            {
                "Measure": "1.2",
                "Period": "2015/16",
                "Area": "Testshire",
                "Value": 70,
                "Own area": "Yes",
            },
        )

    _, problems = _read(tmp_path, change)
    assert any(
        s == "error" and "lists one area (Testshire), and a group of one cannot be ranked" in m
        for s, m in problems
    )


def test_a_typed_group_size_of_one_is_refused(tmp_path):
    def change(wb):
        add_row(
            wb,
            "Group position",
            {"Measure": "1.1a", "Period": "2016/17 Q2", "Group size": 1, "Rank": 1},
        )

    _, problems = _read(tmp_path, change)
    assert (
        "error",
        "Group size '1' is a group of one area, which cannot be compared: type how"
        " many areas the group has, your own included (e.g. 15)",
    ) in problems


def test_typed_facts_that_disagree_with_the_full_group_warn(tmp_path):
    def change(wb):
        add_row(
            wb,
            "Group position",
            {
                "Measure": "1.2",
                "Period": "2015/16",
                "Group size": 3,
                "Rank": 1,
                "Rank 1 is": "Highest",
                "Position": "Above",
                "Distance from average": -2.8,
            },
        )

    _, problems = _read(tmp_path, change)
    warnings = [m for s, m in problems if s == "warning"]
    assert any(
        m.startswith("Rank 1 but the figures on the Rankings sheet put it 2 of 3 (1 = highest)")
        for m in warnings
    )
    assert any(
        m.startswith("Position Above but the Rankings and Group limits sheets put it In line")
        for m in warnings
    )
    assert not any(m.startswith("Distance") for m in warnings)  # -2.78% is -2.8%
    assert not any(m.startswith("Group size") for m in warnings)


def test_ratings_are_read_and_checked(tmp_path):
    def change(wb):
        add_row(
            wb,
            "Ratings",
            {
                "Subject": "1.1a",
                "Period": "2016/17 Q2",
                "Rating": "amber",
                "Rated by": "Lead officer",
                "Direction": "Worsening",
            },
        )
        add_row(wb, "Ratings", {"Subject": "9.9", "Period": "2016/17 Q2", "Rating": "Green"})
        add_row(wb, "Ratings", {"Subject": "1.3", "Period": "2016/17 Q2", "Rating": "Purple"})

    report, problems = _read(tmp_path, change)
    assert [r.level for r in report.ratings] == [RatingLevel.AMBER, RatingLevel.GREEN]
    messages = [m for _, m in problems]
    assert any(
        m.startswith("Rating 'Purple' is not one of: Red, Amber, Green, Grey, Not rated")
        for m in messages
    )
    assert any(m.startswith("Subject '9.9' is not a measure") for m in messages)
    # 58 to 60, high is good: the figures say improving
    assert (
        "warning",
        "Direction 'Worsening' for 1.1a (2016/17 Q2), but its figures went from"
        " 2016/17 Q1 to 2016/17 Q2 as 'Improving'; the report prints the figures'"
        " direction",
    ) in problems


@pytest.mark.parametrize(
    ("typed", "columns", "problem"),
    [
        ("Current, rank,  Rating", ("Current", "Rank", "Rating"), None),
        ("Current, Rnak", ("Current",), "Summary columns 'Rnak' is not one of"),
        (
            "Current, Baseline, change since baseline",
            ("Current", "Baseline", "Change since baseline"),
            None,
        ),
    ],
)
def test_summary_columns_are_read_from_settings(tmp_path, typed, columns, problem):
    report, problems = _read(tmp_path, lambda wb: set_setting(wb, "Summary columns", typed))
    assert report.settings.summary_columns == columns
    found = [m for _, m in problems if m.startswith("Summary columns")]
    assert found[0].startswith(problem) if problem else found == []


def test_data_rows_for_other_areas_do_not_count_as_duplicates(tmp_path):
    def change(wb):
        for area in ("North", "South"):
            add_row(
                wb, "Data", {"Measure": "1.1a", "Period": "2016/17 Q2", "Actual": 40, "Area": area}
            )

    report, problems = _read(tmp_path, change)
    assert problems == [] or all("two rows" not in m for _, m in problems)
    assert [o.area for o in report.measures[0].observations].count("North") == 1


@pytest.mark.parametrize(
    ("typed", "layout", "problem"),
    [
        ("tables only", PageLayout.TABLES, None),
        ("", PageLayout.AUTOMATIC, None),
        ("Compact", PageLayout.AUTOMATIC, "Layout 'Compact' is not one of: Automatic,"),
    ],
)
def test_the_layout_is_read_from_settings(tmp_path, typed, layout, problem):
    report, problems = _read(tmp_path, lambda wb: set_setting(wb, "Layout", typed))
    assert report.settings.layout is layout
    found = [m for _, m in problems if m.startswith("Layout")]
    assert found[0].startswith(problem) if problem else found == []
