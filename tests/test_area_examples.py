"""The examples of issue 24 print every fact their workbooks hold (item 5): the Commissioner's
overview of five districts, each with its own baseline, year-to-date figures and target, and a
borough's page with five years of ranks in two comparison groups, where what the report does
not print yet is named by `check`. Area pages and "Pages for every measure" change an area
report (item 2).
"""

from __future__ import annotations

from datetime import date

import pytest
from tests.fixtures.examples import (
    AREA_NOTES,
    BASELINE_PERIODS,
    BOROUGH_MEASURES,
    DISTRICTS,
    GROUPS,
    INDICATORS,
    SHARED_TARGETS,
    YEARS,
    borough_groups,
    commissioner_overview,
)
from tests.fixtures.workbooks import add_row, set_setting

from safecity_reports.core.formatting import format_value, ordinal
from safecity_reports.core.model import Unit
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.document import FigureBlock, Heading, Paragraph, Table
from safecity_reports.layout.report import build_document
from safecity_reports.reading.load import load_report


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(getattr(block, "blocks", ()))


def _made(tmp_path, wb):
    path = tmp_path / "example.xlsx"
    wb.save(path)
    report, problems = load_report(path)
    document = build_document(report, judge(report), date(2017, 2, 1))
    return report, problems, list(_walk(document.blocks))


def _text(blocks) -> str:
    """Every word the document prints: paragraphs, headings and table cells."""
    parts = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            parts.append(getattr(block, "text", "") or "".join(s.text for s in block.spans))
        elif isinstance(block, Table):
            parts += [c.text for row in (*block.header, *block.rows) for c in row]
            parts.append(block.caption)
    return "\n".join(parts)


def _overview(blocks) -> dict[tuple[str, str], list[str]]:
    """The overview's rows by (measure id, area), each as its cells' text."""
    table = next(
        b for b in blocks if isinstance(b, Table) and b.caption.startswith("Every measure for")
    )
    rows = {}
    for row in table.rows:
        cells = [c.text for c in row]
        rows[(cells[0].split()[0], cells[1])] = cells
    return rows


def _shown(value, unit: str) -> str:
    return format_value(value, Unit.PERCENTAGE if unit == "Percentage" else Unit.COUNT, 0)


def test_the_commissioners_overview_prints_every_districts_every_figure(tmp_path):
    _, problems, blocks = _made(tmp_path, commissioner_overview())
    assert problems == []
    rows = _overview(blocks)
    header = next(
        b for b in blocks if isinstance(b, Table) and b.caption.startswith("Every measure for")
    ).header[0]
    assert [c.text for c in header] == [
        "Measure",
        "Area",
        "Baseline",
        "Since baseline",
        "2016/17 Q2",  # last quarter's year to date, given though not compared
        "Current",
        "Travel",
        "Target",
        "Target status",
    ]
    listed = 0
    for mid, _, unit, _, kind, *by_district in INDICATORS:
        for district, (baseline, q2, q3, target) in zip(DISTRICTS, by_district, strict=True):
            cells = rows[(mid, district)]
            assert cells[2] == f"{_shown(baseline, unit)} ({BASELINE_PERIODS[kind]})"
            assert cells[4] == _shown(q2, unit) and cells[5] == _shown(q3, unit)
            shared = SHARED_TARGETS.get(mid)
            assert cells[7] == _shown(target if target is not None else shared, unit)
            assert "none" not in cells and "no figure" not in cells
            listed += 4
    assert listed == 6 * 5 * 4
    text = _text(blocks)
    for (mid, district, period), note in AREA_NOTES.items():
        assert f"{mid}, {district}, {period}: {note}" in text


def test_a_districts_row_judges_its_own_baseline_and_target(tmp_path):
    _, _, blocks = _made(tmp_path, commissioner_overview())
    brackley = _overview(blocks)[("1.1", "Brackley")]
    # 4,790 against its own baseline 4,655 (the same nine months of 2015/16), and against an
    # even share (9 of 12 months) of its own year-end target 6,100: 4,575
    assert brackley[3] == "+135 (+2.9%), ▲ up, worse"
    assert brackley[8] == "Off track (even share 4,575)"
    kirkfield = _overview(blocks)[("1.1", "Kirkfield")]
    assert kirkfield[8] == "On track (even share 3,825)"


def test_a_previous_quarters_figure_in_the_current_column_names_its_period(tmp_path):
    wb = commissioner_overview()
    ws = wb["Data"]
    for row in range(2, ws.max_row + 1):  # Wakemoor's burglary figure for Q3 is late
        values = [ws.cell(row, c).value for c in range(1, 7)]
        if values[0] == "1.2" and values[1] == "2016/17 Q3" and values[5] == "Wakemoor":
            ws.delete_rows(row)
            break
    # with its first quarter's figure too, the next after the second's was due by December
    add_row(
        wb, "Data", {"Measure": "1.2", "Period": "2016/17 Q1", "Actual": 41, "Area": "Wakemoor"}
    )
    _, problems, blocks = _made(tmp_path, wb)
    assert ("1.2", "Wakemoor (latest figure: 2016/17 Q2)") in _overview(blocks)
    assert any(
        "Measure 1.2 (Wakemoor) has no figure for the reporting period 2016/17 Q3" in p.message
        for p in problems
    )


def _with(setting: str, value: str):
    wb = commissioner_overview()
    set_setting(wb, setting, value)
    return wb


def test_area_pages_give_each_area_its_summary_and_measure_pages_with_charts(tmp_path):
    _, _, plain = _made(tmp_path, commissioner_overview())
    _, _, paged = _made(tmp_path, _with("Area pages", "Yes"))
    headings = [b.text for b in paged if isinstance(b, Heading) and b.level == 1]
    assert [h for h in headings if h.startswith("Area: ")] == [f"Area: {d}" for d in DISTRICTS]
    assert not any(
        b.text.startswith("Area: ") for b in plain if isinstance(b, Heading) and b.level == 1
    )
    charts = [b.chart.title for b in paged if isinstance(b, FigureBlock)]
    assert len(charts) == len([b for b in plain if isinstance(b, FigureBlock)]) + 5 * 6
    assert "All recorded crime in Brackley, 2016/17 Q2 to 2016/17 Q3" in charts
    tables = [b.caption for b in paged if isinstance(b, Table)]
    assert "Brackley: every measure, 2016/17 Q3" in tables
    assert "Wakemoor: Domestic burglary, 2016/17 Q2 to 2016/17 Q3" in tables


def test_pages_for_every_measure_compare_the_areas_in_a_chart(tmp_path):
    _, _, plain = _made(tmp_path, commissioner_overview())
    _, _, pages = _made(tmp_path, _with("Layout", "Pages for every measure"))
    before = {b.chart.title for b in plain if isinstance(b, FigureBlock)}
    after = {b.chart for b in pages if isinstance(b, FigureBlock)}
    added = [c for c in after if c.title not in before]
    assert len(added) == 6
    crime = next(c for c in added if c.title == "All recorded crime by area, 2016/17 Q3")
    assert crime.categories == DISTRICTS
    assert crime.series[0].values == tuple(float(d[2]) for d in INDICATORS[0][5:])


def test_the_boroughs_page_prints_each_years_figure_and_every_rank_in_both_groups(tmp_path):
    _, problems, blocks = _made(tmp_path, borough_groups())
    text = _text(blocks)
    for _, _, decimals, rates, *_ in BOROUGH_MEASURES:
        for rate in rates:
            assert format_value(rate, Unit.COUNT, decimals) in text
    assert not [p for p in problems if "group" in p.message.lower()]
    histories = [b for b in blocks if isinstance(b, Table) and "rank in each" in b.caption]
    assert len(histories) == len(BOROUGH_MEASURES)
    for table, (_, _, _, _, *ranks) in zip(histories, BOROUGH_MEASURES, strict=True):
        assert [c.text for c in table.header[0][1:]] == list(YEARS)
        for row, (group, size), group_ranks in zip(table.rows, GROUPS, ranks, strict=True):
            assert row[0].text.startswith(group)
            assert [c.text.split(" ")[0] for c in row[1:]] == [ordinal(r) for r in group_ranks]
            assert all(c.text.endswith(f"of {size}") for c in row[1:])
        (first, size), (second, other_size) = GROUPS
        latest = (ranks[0][-1], ranks[1][-1])
        assert f"In the {first} ({size} areas), {YEARS[-1]}: {ordinal(latest[0])} of {size}" in text
        assert (
            f"In the {second} ({other_size} areas), {YEARS[-1]}: {ordinal(latest[1])} of"
            f" {other_size}" in text
        )


@pytest.mark.parametrize("group", ("Most similar group", "London boroughs"))
def test_the_group_printed_does_not_depend_on_the_order_of_the_rows(tmp_path, group):
    wb = borough_groups()
    ws = wb["Group position"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    rows.sort(key=lambda r: r[3] != group)  # this group's rows first
    for index, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            ws.cell(index, column).value = value
    _, _, blocks = _made(tmp_path, wb)
    assert "21st of 32 (1 = lowest)" in _text(blocks)
