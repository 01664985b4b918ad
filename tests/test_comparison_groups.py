"""Several comparison groups for one measure (issue 24 item 3): a London borough's rank among
the 32 boroughs *and* among its 15 most similar areas, five years of each. Neither group is
dropped: each has its rank of N, position and distance; the summary's Rank column names the
group; the rank history is a table row per group and a chart with 1st at the top."""

from __future__ import annotations

from pathlib import Path

from fixtures.workbooks import add_row, set_setting, valid_workbook
from safecity_reports.api import lay_out, read_workbook
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.document import Chart, FigureBlock, KeepTogether, Table

YEARS = ("2012/13", "2013/14", "2014/15", "2015/16", "2016/17")
LONDON = (25, 23, 24, 21, 19)
SIMILAR = (9, 8, 8, 8, 6)


def _borough(tmp_path: Path) -> Path:
    wb = valid_workbook()
    set_setting(wb, "Reporting period", "2016/17 Q4")
    set_setting(wb, "Summary columns", "Current, Rank")
    add_row(
        wb,
        "Measures",
        {
            "Measure": "2.1",
            "Action": "1.2",
            "Name": "Violence with injury: rate per 1,000",
            "Unit": "Rate per 1,000",
            "Polarity": "Low is good",
            "Frequency": "Annual",
            "Decimals": 1,
        },
    )
    for year, london, similar in zip(YEARS, LONDON, SIMILAR, strict=True):
        add_row(wb, "Data", {"Measure": "2.1", "Period": year, "Actual": 9.0 - london / 10})
        add_row(
            wb,
            "Group position",
            {
                "Measure": "2.1",
                "Period": year,
                "Group": "London boroughs",
                "Group size": 32,
                "Rank": london,
                "Rank 1 is": "Lowest",
            },
        )
        add_row(
            wb,
            "Group position",
            {
                "Measure": "2.1",
                "Period": year,
                "Group": "Most similar group",
                "Group size": 15,
                "Rank": similar,
                "Rank 1 is": "Lowest",
                "Position": "In line",
                "Distance from average": -4.2 if year == YEARS[-1] else None,
            },
        )
    path = tmp_path / "borough.xlsx"
    wb.save(path)
    return path


def _flat(blocks):
    for block in blocks:
        if isinstance(block, KeepTogether):
            yield from _flat(block.blocks)
        else:
            yield block


def test_both_groups_are_kept_with_their_ranks_and_history(tmp_path):
    report, warnings = read_workbook(_borough(tmp_path))
    assert not [w for w in warnings if "2.1" in str(w)]
    verdict = judge(report).of("2.1")
    assert [(s.group_name, s.rank, s.size) for s in verdict.standings] == [
        ("London boroughs", 19, 32),
        ("Most similar group", 6, 15),
    ]
    assert verdict.standing is verdict.standings[0]
    histories = dict(verdict.rank_histories)
    assert [s.rank for s in histories["London boroughs"]] == list(LONDON)
    assert [s.rank for s in histories["Most similar group"]] == list(SIMILAR)
    assert [str(s.period) for s in histories["London boroughs"]] == list(YEARS)


def test_the_report_prints_each_group_and_the_rank_history(tmp_path):
    report, _ = read_workbook(_borough(tmp_path))
    document, _ = lay_out(report)
    blocks = list(_flat(document.blocks))
    text = " ".join(
        "".join(s.text for s in getattr(b, "spans", ())) for b in blocks if hasattr(b, "spans")
    )
    assert "In the London boroughs (32 areas), 2016/17: 19th of 32" in text
    assert "In the Most similar group (15 areas), 2016/17: 6th of 15" in text
    assert "4.2% below the group average" in text

    summary_cells = [
        cell.text for b in blocks if isinstance(b, Table) for row in b.rows for cell in row
    ]
    # each group named, which end rank 1 is said once: both count from the lowest
    assert (
        "London boroughs: 19th of 32; Most similar group: 6th of 15 (1 = lowest)" in summary_cells
    )

    history = next(b for b in blocks if isinstance(b, Table) and "rank in each" in b.caption)
    assert [c.text for c in history.header[0]] == ["Group", *YEARS]
    rows = {row[0].text.split(" (")[0]: [c.text for c in row[1:]] for row in history.rows}
    assert [r.split(" ")[0] for r in rows["London boroughs"]] == [
        "25th",
        "23rd",
        "24th",
        "21st",
        "19th",
    ]
    assert [r.split(" ")[0] for r in rows["Most similar group"]] == [
        "9th",
        "8th",
        "8th",
        "8th",
        "6th",
    ]
    charts: list[Chart] = [
        b.chart for b in blocks if isinstance(b, FigureBlock) and "rank in each" in b.chart.title
    ]
    assert len(charts) == 1
    chart = charts[0]
    assert chart.inverted  # 1st at the top
    assert [s.name for s in chart.series] == ["London boroughs", "Most similar group"]
    assert chart.series[0].values == tuple(float(r) for r in LONDON)


def test_two_named_groups_ranked_in_full_for_one_period_are_both_drawn(tmp_path):
    wb = valid_workbook()
    for area, value, own in (("Northam", 60, ""), ("Testshire", 66, "Yes"), ("Leeds", 90, "")):
        add_row(
            wb,
            "Rankings",
            {
                "Measure": "1.2",
                "Period": "2015/16",
                "Area": area,
                "Value": value,
                "Own area": own,
                "Group": "Core cities",
            },
        )
    path = tmp_path / "two.xlsx"
    wb.save(path)
    report, warnings = read_workbook(path)
    assert not [w for w in warnings if "ranked twice" in str(w)]
    verdict = judge(report).of("1.2")
    assert sorted(s.group_name for s in verdict.standings) == ["Core cities", "comparison group"]
    document, _ = lay_out(report)
    rankings = [
        b
        for b in _flat(document.blocks)
        if isinstance(b, FigureBlock) and b.chart.kind.value == "ranking"
    ]
    assert len(rankings) == 2


def test_several_ranks_say_each_end_when_the_groups_count_from_different_ends(tmp_path):
    from dataclasses import replace

    from safecity_reports.layout.summary_columns import several_ranks_text

    report, _ = read_workbook(_borough(tmp_path))
    standings = judge(report).of("2.1").standings
    assert len(standings) == 2
    turned = (standings[0], replace(standings[1], rank_one_is_lowest=False))
    text = several_ranks_text(turned)
    assert text.count("(1 = lowest)") == 1 and text.count("(1 = highest)") == 1
    assert text.startswith(f"{standings[0].group_name}: ")
