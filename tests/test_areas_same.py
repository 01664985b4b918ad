"""An area's series is judged and checked as the partnership's (issue 24, item 1): every
single-partnership example workbook, and q2, read again with every figure, group fact and rating
given for an Area, gives that area the partnership's verdicts and `check` the same warnings
(naming the area). A second run gives the area its own baseline and target as Data rows (Row is
Baseline / Target) instead of the Measures sheet's: again the same outcomes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from tests.fixtures.examples import EXAMPLES as GROUP_EXAMPLES
from tests.fixtures.period_examples import EXAMPLES as PERIOD_EXAMPLES
from tests.fixtures.workbooks import add_row

from safecity_reports.core.verdicts import Concern, Improvement, Verdict, judge
from safecity_reports.reading.load import load_report

AREA = "Northam"
Q2 = Path(__file__).resolve().parents[1] / "inputs" / "q2.xlsx"
SINGLE = {
    **{n: b for n, b in PERIOD_EXAMPLES.items()},
    **{n: b for n, b in GROUP_EXAMPLES.items() if n != "commissioner-overview.xlsx"},
    "q2.xlsx": lambda: load_workbook(Q2),
}


def _header(ws, name: str) -> int | None:
    return next(
        (c.column for c in ws[1] if str(c.value or "").strip().casefold() == name.casefold()), None
    )


def _column(ws, name: str) -> int:
    """The column headed ``name``, added at the end of row 1 where the sheet has none."""
    found = _header(ws, name)
    if found is None:
        found = ws.max_column + 1
        ws.cell(1, found, name)
    return found


def _rows(ws, key: str):
    first = _header(ws, key)
    return [r for r in range(2, ws.max_row + 1) if ws.cell(r, first).value not in (None, "")]


def _settings(wb: Workbook, area_pages: bool) -> None:
    """No partnership population (it is the partnership's, not an area's); Area pages as
    asked (an area's XmR chart is drawn on its page, so read only with area pages)."""
    ws = wb["Settings"]
    for row in range(1, ws.max_row + 1):
        if str(ws.cell(row, 1).value or "").strip().casefold() in ("population", "area pages"):
            ws.cell(row, 1).value = None
            ws.cell(row, 2).value = None
    if area_pages:
        ws.cell(ws.max_row + 1, 1, "Area pages")
        ws.cell(ws.max_row, 2, "Yes")


def _in_area(wb: Workbook, facts_as_rows: bool) -> None:
    """Every figure, group fact and rating given for ``AREA``; with ``facts_as_rows`` the
    Measures sheet's baselines and targets moved to the area's Baseline and Target rows."""
    for sheet, key in (("Data", "Measure"), ("Group position", "Measure"), ("Ratings", "Subject")):
        if sheet not in wb.sheetnames:
            continue
        ws = wb[sheet]
        area = _column(ws, "Area")
        for row in _rows(ws, key):
            ws.cell(row, area, AREA)
    if not facts_as_rows:
        return
    ws = wb["Measures"]
    for row in _rows(ws, "Measure"):
        cells = {
            h: _header(ws, h) for h in ("Measure", "Baseline period", "Baseline", "Target date")
        }
        cells["Target"] = _header(ws, "Target")
        value = {h: (ws.cell(row, c).value if c else None) for h, c in cells.items()}
        measure = value["Measure"]
        if value["Baseline"] is not None and value["Baseline period"] is not None:
            add_row(
                wb,
                "Data",
                {
                    "Measure": measure,
                    "Period": value["Baseline period"],
                    "Actual": value["Baseline"],
                    "Area": AREA,
                    "Row is": "Baseline",
                },
            )
            ws.cell(row, cells["Baseline"]).value = None
            ws.cell(row, cells["Baseline period"]).value = None
        dated = value["Target date"] is not None
        if isinstance(value["Target"], int | float) and dated:
            add_row(
                wb,
                "Data",
                {
                    "Measure": measure,
                    "Period": value["Target date"],
                    "Actual": value["Target"],
                    "Area": AREA,
                    "Row is": "Target",
                },
            )
            ws.cell(row, cells["Target"]).value = None
            ws.cell(row, cells["Target date"]).value = None


def _read(wb: Workbook, path: Path):
    wb.save(path)
    report, problems = load_report(path)
    assert [p for p in problems if p.severity == "error"] == []
    return report, [p.message for p in problems]


GROUPED = (Concern.WORSE_THAN_GROUP, Improvement.BETTER_THAN_GROUP)


def _outcome(v: Verdict, ranked: bool) -> dict:
    """What the report says of a series; for a measure with a full group (Rankings, the
    partnership's own area), nothing of the group, which no other area has."""
    s = v.status
    return {
        "change": v.change,
        "concerns": tuple(c for c in v.concerns if not (ranked and c in GROUPED)),
        "improvements": tuple(i for i in v.improvements if not (ranked and i in GROUPED)),
        "target": s.target,
        "baseline": (s.baseline_direction, s.baseline_judgement),
        "compared": (s.previous, s.current)
        if s.current is None
        else (s.previous and s.previous.period, s.current.period, s.current.actual),
        "late": (s.late, v.overdue),
        "rated": v.rated,
        "group": None if ranked else (v.group_side, v.standing and v.standing.rank),
        "implausible": v.implausible,
        "baseline fact": v.measure.baseline,
        "target fact": (v.measure.target, v.measure.target_due),
    }


def _same_warnings(area: list[str]) -> list[str]:
    """The area's warnings as they would read for the partnership."""
    named = [re.sub(rf"(Measure [^ ']+) \({AREA}\)", r"\1", m) for m in area]
    # a placeholder is listed with its measure, period, area and cell
    return [m.replace(f" for {AREA}", "").replace(f", {AREA}, ", ", ") for m in named]


@pytest.mark.parametrize("facts_as_rows", (False, True), ids=("measures-sheet", "data-rows"))
@pytest.mark.parametrize("name", sorted(SINGLE))
def test_an_areas_series_is_judged_and_checked_as_the_partnerships(name, facts_as_rows, tmp_path):
    build = SINGLE[name]
    plain_book, area_book = build(), build()
    for wb in (plain_book, area_book):
        _settings(wb, area_pages=True)
    _in_area(area_book, facts_as_rows)
    own, own_warnings = _read(plain_book, tmp_path / "own.xlsx")
    moved, area_warnings = _read(area_book, tmp_path / "area.xlsx")
    own_verdicts, area_verdicts = judge(own), judge(moved)
    assert area_verdicts.areas == (AREA,) and area_verdicts.per_area
    ranked = {r.measure_id for r in own.rankings}  # a full group is the partnership's own
    compared = 0
    for measure in own.measures:
        mine = own_verdicts.of(measure.id)
        theirs = area_verdicts.by_area.get((measure.id, AREA))
        if theirs is None:  # no figure, fact or rating: the partnership's has none either
            assert not mine.measure_has_figures and mine.rating is None
            continue
        assert _outcome(theirs, measure.id in ranked) == _outcome(mine, measure.id in ranked), (
            measure.id
        )
        compared += 1
    assert compared
    # the same warnings, each naming the area, but for two that are not about a series: the
    # commentary's checks read the partnership's page, and a measure with an area's figures
    # has a page of its own (not a row of a table), so it asks for commentary
    others = ("The commentary on", "has figures but no commentary")
    assert sorted(
        m
        for m in _same_warnings(area_warnings)
        if not m.startswith(others[0]) and others[1] not in m
    ) == sorted(m for m in own_warnings if not m.startswith(others[0]) and others[1] not in m)
