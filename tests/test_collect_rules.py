"""The quarter's returns can never put a wrong figure in front of the board (issue 22): each case
found by playing the quarter through, with its exact message or outcome."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from conftest import convert_with_libreoffice, needs_libreoffice
from quarter import (
    ICU,
    POLICE,
    Q3,
    SCC,
    SIGNED,
    YOS,
    data,
    edit,
    figures,
    make_quarter,
    row_of,
    rows,
    run,
)
from test_cycle import through_libreoffice

KEEP = "(a return's sheets and columns may not be renamed, added or deleted)"


@pytest.fixture(scope="module")
def quarter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return make_quarter(tmp_path_factory.mktemp("quarter"))


def _percent(wb: Workbook) -> None:
    cell = wb["Data"].cell(row_of(wb, "2.2a", Q3), 3)
    cell.value, cell.number_format = 0.062, "0.0%"  # typed as 6.2% in Excel or Calc


def test_a_percentage_typed_as_6_2_percent_is_collected_as_6_2(
    tmp_path: Path, quarter: tuple[Path, Path]
) -> None:
    q3, sent = quarter
    back = edit(sent / ICU, tmp_path / ICU, _percent)
    merged = tmp_path / "merged.xlsx"
    result = run("collect", q3, back, "-o", merged)
    assert result.exit_code == 0, result.output
    wb = load_workbook(merged)
    cell = wb["Data"].cell(row_of(wb, "2.2a", Q3), 3)
    assert (cell.value, cell.number_format) == (6.2, "General")
    check = run("check", merged)
    assert check.exit_code == 0
    assert not [line for line in check.output.splitlines() if "cell C71" in line]


def _cell(measure: str, period: str, column: int, value: object) -> Callable[[Workbook], None]:
    def change(wb: Workbook) -> None:
        wb["Data"].cell(row_of(wb, measure, period), column, value)

    return change


def _rename(sheet: str, name: str) -> Callable[[Workbook], None]:
    return lambda wb: setattr(wb[sheet], "title", name)


def _both(*changes: Callable[[Workbook], object]) -> Callable[[Workbook], None]:
    def change(wb: Workbook) -> None:
        for one in changes:
            one(wb)

    return change


REFUSED = [
    (
        "formula",
        _cell("1.2a", Q3, 3, "=C27*0.42"),
        "sheet Data, cell C28: Actual has a formula (=C27*0.42) but no saved result: type the"
        " figure itself (a return's formulas are not collected)",
    ),
    (
        "data-renamed",
        _rename("Data", "Figures"),
        "sheet Figures: sheet 'Figures' is not one of the return's sheets, and its Data sheet is"
        f" missing: give the sheet back its name, Data {KEEP}",
    ),
    (
        "commentary-deleted",
        lambda wb: wb.remove(wb["Commentary"]),
        f"the Commentary sheet is missing: send the agency its return again {KEEP}",
    ),
    (
        "extra-sheet",
        lambda wb: wb.create_sheet("My notes"),
        f"sheet My notes: sheet 'My notes' is not one of the return's sheets: delete it {KEEP}",
    ),
    (
        "column-renamed",
        lambda wb: wb["Data"].cell(1, 4, "Benchmark (MSG)"),
        "sheet Data, cell D1: column 'Benchmark (MSG)' is not one of the return's columns, and"
        f" Benchmark is missing: give the column back its header, Benchmark {KEEP}",
    ),
    (
        "column-added",
        lambda wb: wb["Data"].cell(1, wb["Data"].max_column + 1, "Checked"),
        f"sheet Data, cell L1: column 'Checked' is not one of the return's columns: delete it {KEEP}",
    ),
    (
        "duplicate-row",
        lambda wb: wb["Data"].append(["1.2a", Q3, None, 3.3]),
        "sheet Data, cell A35: 1.2a 2016/17 Q3 is on rows 28 and 35: a return has one row for"
        " each figure; delete row 35",
    ),
    (
        "period-changed",
        _both(_cell("1.2a", Q3, 3, 31), _cell("1.2a", Q3, 2, "2016/17 Q4")),
        "sheet Data, cell B28: Period '2016/17 Q4' is not one of measure 1.2a's rows in the"
        " partnership's workbook: a return may fill in its yellow cells, but not change a"
        " Measure, Period or Area nor add a row; type the period back as it was",
    ),
    (
        "area-typed",
        _both(_cell("1.2a", Q3, 3, 31), _cell("1.2a", Q3, 6, "Portswood")),
        "sheet Data, cell F28: Area 'Portswood' is typed for 1.2a 2016/17 Q3, but the return is"
        " for Southampton Safe City Partnership itself, whose figures have no area: clear the cell",
    ),
    (
        "negative-rate",
        _cell("1.2a", Q3, 3, -4),
        "sheet Data, cell C28: Actual '-4' is below zero, but the measure is a rate: type a"
        " figure of 0 or more, or n/a",
    ),
    (
        "negative-position",
        _cell("1.4", Q3, 3, -2),
        "sheet Data, cell C32: Actual '-2' is below zero, but the measure is a position: type a"
        " figure of 0 or more, or n/a",
    ),
    (
        "negative-count",
        _cell("1.2a", Q3, 7, -12),
        "sheet Data, cell G28: Count '-12' is below zero; type a number of 0 or more",
    ),
]


@pytest.mark.parametrize(
    ("change", "message"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED]
)
def test_a_return_changed_where_it_may_not_be_is_refused_with_one_line(
    tmp_path: Path, quarter: tuple[Path, Path], change: Callable, message: str
) -> None:
    q3, sent = quarter
    back = edit(sent / POLICE, tmp_path / "police.xlsx", change)
    merged = tmp_path / "merged.xlsx"
    result = run("collect", q3, back, "-o", merged)
    sep = ", " if message.startswith("sheet ") else ": "  # a cell, or the whole file
    assert (result.exit_code, result.output.splitlines()) == (
        1,
        [f"Error: police.xlsx{sep}{message}", "1 error(s), 0 warning(s)"],
    )
    assert not merged.exists()


@pytest.mark.parametrize(
    ("measure", "value", "message"),
    [
        ("1.2a", -3, "Actual '-3' is below zero, but the measure is a rate"),
        ("2.2a", -5, "Actual '-5' is below zero, but the measure is a percentage"),
        ("1.4", -2, "Actual '-2' is below zero, but the measure is a position"),
    ],
)
def test_a_negative_figure_is_an_error_naming_its_cell_in_check_and_the_report(
    tmp_path: Path, measure: str, value: float, message: str
) -> None:
    wb = load_workbook(Path(__file__).resolve().parents[1] / "inputs" / "q2.xlsx")
    row = row_of(wb, measure, "2016/17 Q2")
    wb["Data"].cell(row, 3, value)
    wb.save(tmp_path / "negative.xlsx")
    line = f"Error: negative.xlsx, sheet Data, cell C{row}: {message}: type a figure of 0 or more, or n/a"
    for args in (["check"], ["-o", tmp_path / "out"]):
        result = (
            run(*args[:1], tmp_path / "negative.xlsx", *args[1:])
            if args == ["check"]
            else (run(tmp_path / "negative.xlsx", *args))
        )
        assert result.exit_code == 1
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert line in result.output.splitlines()
    assert not (tmp_path / "out").exists()


def test_blanks_never_overwrite_and_collecting_again_changes_nothing(
    tmp_path: Path, quarter: tuple[Path, Path]
) -> None:
    q3, sent = quarter
    police = dict.fromkeys(["1_2a", "1_2b", "1_2c", "1_3", "1_4", "1_6", "2_4"], 1.5)
    revised = _both(figures(**police), _cell("1.2a", "2016/17 Q2", 3, 30.1))
    v2 = edit(sent / POLICE, tmp_path / "police-v2.xlsx", revised)
    first = tmp_path / "m1.xlsx"
    assert run("collect", q3, v2, "-o", first).exit_code == 0

    # the coordinator types a figure the unit's return leaves blank
    wb = load_workbook(first)
    wb["Data"].cell(row_of(wb, "2.2a", Q3), 3, 41)
    wb.save(first)

    unfilled = tmp_path / "police-unfilled.xlsx"
    unfilled.write_bytes((sent / POLICE).read_bytes())
    stale = edit(sent / POLICE, tmp_path / "police-v1.xlsx", figures(**police))
    icu = edit(sent / ICU, tmp_path / "icu.xlsx", figures(**{"2_2b": 40, "2_2c": 40}))
    before = data(first)

    not_returned = run("collect", first, unfilled, "-o", tmp_path / "m2.xlsx")
    assert not_returned.exit_code == 0
    assert not_returned.output.splitlines()[:2] == [
        "Warning: police-unfilled.xlsx: not returned: Hampshire Constabulary's return has no new"
        " figure or commentary and is not signed off, so nothing was collected from it",
        f"Wrote {tmp_path / 'm2.xlsx'}",
    ]
    assert data(tmp_path / "m2.xlsx") == before

    again = run("collect", first, v2, stale, icu, "-o", tmp_path / "m3.xlsx")
    assert again.exit_code == 1  # two returns for one agency
    again = run("collect", first, v2, icu, "-o", tmp_path / "m3.xlsx")
    assert again.exit_code == 0, again.output
    assert again.output.splitlines()[:2] == [
        "Collected police-v2.xlsx (Hampshire Constabulary): 0 value(s)",
        "Collected icu.xlsx (Integrated Commissioning Unit): 2 value(s)",
    ]
    after = data(tmp_path / "m3.xlsx")
    row = row_of(load_workbook(first), "2.2a", Q3)
    assert after[row - 1][2] == 41  # the coordinator's figure is kept
    assert [r for i, r in enumerate(after) if i != row - 1 and r[0] not in ("2.2b", "2.2c")] == [
        r for i, r in enumerate(before) if i != row - 1 and r[0] not in ("2.2b", "2.2c")
    ]
    for sheet in ("Revisions", "Sign-offs"):
        assert rows(tmp_path / "m3.xlsx", sheet) == rows(first, sheet) + (sheet == "Sign-offs")
    assert rows(tmp_path / "m3.xlsx", "Origins") == rows(first, "Origins") + 2

    # an earlier copy of the police return cannot undo the revision
    old = run("collect", tmp_path / "m3.xlsx", stale, "-o", tmp_path / "m4.xlsx")
    assert old.exit_code == 0
    assert not [line for line in old.output.splitlines() if line.startswith("Revised")]
    assert data(tmp_path / "m4.xlsx") == after


def test_a_provisional_figure_can_be_confirmed_as_final(
    tmp_path: Path, quarter: tuple[Path, Path]
) -> None:
    from safecity_reports.cycle.provenance import read_provenance, with_provenance
    from safecity_reports.reading.load import load_report

    q3, sent = quarter
    yos = {"4_2a": 3, "4_2b": 3, "4_3": "2 / 1", "4_4": 3, "4_5": 3}
    provisional = edit(
        sent / YOS, tmp_path / "yos.xlsx", figures(**yos), SIGNED | {"Figures are": "Provisional"}
    )
    first = tmp_path / "m1.xlsx"
    assert run("collect", q3, provisional, "-o", first).exit_code == 0
    assert run("returns", first, "-o", tmp_path / "r2", "--agency", "Youth Offending Service")
    again = load_workbook(tmp_path / "r2" / YOS)
    open_rows = [
        r[0].value for r in again["Data"].iter_rows(min_row=2) if not r[2].protection.locked
    ]
    assert open_rows == ["4.1", "4.2a", "4.2b", "4.3", "4.4", "4.5"]
    final = edit(tmp_path / "r2" / YOS, tmp_path / "yos-final.xlsx", lambda wb: None)
    merged = tmp_path / "m2.xlsx"
    result = run("collect", first, final, "-o", merged)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        "Collected yos-final.xlsx (Youth Offending Service): 5 value(s)",
        "Confirmed 4.2a 2016/17 Q3 Actual as final by Youth Offending Service",
        "Confirmed 4.2b 2016/17 Q3 Actual as final by Youth Offending Service",
    ]
    assert data(merged) == data(first)
    for path, notes in ((first, 5), (merged, 0)):
        report, _ = load_report(path)
        marked = with_provenance(report, read_provenance(path))
        said = [o.note for m in marked.measures for o in m.observations if "Provisional" in o.note]
        assert len(said) == notes


def test_a_value_the_coordinator_changes_after_collect_is_the_coordinators(
    tmp_path: Path, quarter: tuple[Path, Path]
) -> None:
    q3, sent = quarter
    scc = edit(sent / SCC, tmp_path / "scc.xlsx", figures(**{"2_3": 20, "3_4a": 20, "3_4b": 20}))
    merged = tmp_path / "m.xlsx"
    assert run("collect", q3, scc, "-o", merged).exit_code == 0
    wb = load_workbook(merged)
    wb["Data"].cell(row_of(wb, "3.4a", Q3), 3, 22)
    wb.save(merged)
    out = tmp_path / "out"
    report = run(merged, "-o", out, "-q")
    assert report.exit_code == 0, report.output
    manifest = json.loads((out / "m.manifest.json").read_text())
    by = {(f["measure"], f["period"], f["column"]): f for f in manifest["figures"]}
    edited, kept = by[("3.4a", Q3, "Actual")], by[("3.4b", Q3, "Actual")]
    assert (edited["value"], edited["agency"], edited["file"], edited["cell"]) == (
        "22",
        "",
        "m.xlsx",
        "",
    )
    assert (edited["changed_by"], edited["collected_from"]) == ("coordinator", "SCC")
    assert (kept["value"], kept["agency"], kept["file"]) == ("20", "SCC", "scc.xlsx")
    assert "changed_by" not in kept


def test_a_draft_is_made_while_an_agency_is_late_and_strict_refuses_it(
    tmp_path: Path, quarter: tuple[Path, Path]
) -> None:
    import docx

    q3, sent = quarter
    returns = [
        edit(sent / SCC, tmp_path / SCC, figures(**{"2_3": 20, "3_4a": 20, "3_4b": 20})),
        edit(sent / ICU, tmp_path / ICU, _both(_percent, figures(**{"2_2b": 40, "2_2c": 40}))),
        edit(
            sent / YOS,
            tmp_path / YOS,
            figures(**{"4_2a": 3, "4_2b": 3, "4_3": "2 / 1", "4_4": 3, "4_5": 3}),
        ),
    ]
    merged = tmp_path / "draft.xlsx"
    collected = run("collect", q3, *returns, "-o", merged)
    assert collected.exit_code == 0, collected.output
    out = tmp_path / "out"
    result = run(merged, "-o", out)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "as awaiting" in line]
    assert warnings[0] == (
        "Warning: draft.xlsx, sheet Data, cell C65: Actual is blank: the report shows 1.2a's"
        " figure for 2016/17 Q3 as awaiting Hampshire Constabulary; type it when Hampshire"
        " Constabulary's return is in (with --strict, a figure still awaited is an error)"
    )
    assert len(warnings) == 8  # the police's seven, and 4.1's rolling year from the unit
    document = docx.Document(str(out / "draft.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert (
        "The figure for 2016/17 Q3 is not available yet (awaiting Hampshire Constabulary)." in text
    )
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "awaiting Hampshire Constabulary" in cells
    assert "6.2%" in cells  # 2.2a, typed as 6.2%: printed as typed (issue 25 item 3)
    # the front page says whose figures are awaited first, and counts them apart (issue 22, 5)
    assert (
        "This is a draft: 7 figures for 2016/17 Q3 are still awaited from Hampshire"
        " Constabulary (7)." in text
    )
    front = document.tables[0]
    header = [c.text for c in front.rows[0].cells]
    total = [c.text for c in front.rows[-1].cells]
    assert total[header.index("Awaited")] == "7"
    assert not any(c.endswith(" of 15") and c.startswith("awaiting") for c in cells)
    strict = run(merged, "-o", tmp_path / "strict", "--strict")
    assert strict.exit_code == 1
    assert any("as awaiting Hampshire Constabulary" in line for line in strict.output.splitlines())
    assert not (tmp_path / "strict").exists()


def test_next_and_collect_overwrite_an_output_only_with_force(
    tmp_path: Path, quarter: tuple[Path, Path]
) -> None:
    q3, sent = quarter
    existing = tmp_path / "q3-merged.xlsx"
    existing.write_bytes(b"the coordinator's own work")
    scc = edit(sent / SCC, tmp_path / "scc.xlsx", figures(**{"2_3": 20}))
    for args in (
        ("next", q3, "-o", existing),
        ("collect", q3, scc, "-o", existing),
    ):
        refused = run(*args)
        assert (refused.exit_code, refused.output.splitlines()) == (
            2,
            [f"Error: {existing} already exists; name a new file, or use --force to overwrite it"],
        )
        assert existing.read_bytes() == b"the coordinator's own work"
    assert run("collect", q3, scc, "-o", existing, "--force").exit_code == 0
    assert (
        load_workbook(existing)["Data"].cell(row_of(load_workbook(existing), "2.3", Q3), 3).value
        == 20
    )
    assert run("next", q3, "-o", existing, "--force").exit_code == 0


def test_status_names_a_bad_file_on_its_own_line_and_goes_on(
    tmp_path: Path, quarter: tuple[Path, Path]
) -> None:
    q3, sent = quarter
    folder = tmp_path / "in"
    folder.mkdir()
    edit(sent / SCC, folder / SCC, figures(**{"2_3": 20, "3_4a": 20, "3_4b": 20}))
    (folder / "damaged.xlsx").write_bytes((sent / POLICE).read_bytes()[:3000])
    result = run("status", q3, folder, "--today", "2017-01-10")
    assert result.exit_code == 1
    assert result.output.splitlines()[2:5] == [
        "Error: damaged.xlsx: this file is damaged (not a complete .xlsx file): open it in Excel"
        " and save it again",
        "SCC: returned; in scc.xlsx; signed off by Jo Bloggs on 18/01/2017",
        "Hampshire Constabulary: missing; still empty: 1.2a, 1.2b, 1.2c, 1.3, 1.4, 1.6, 2.4",
    ]


def test_the_return_cover_sizes_its_rows_and_prints_on_one_page(
    quarter: tuple[Path, Path],
) -> None:
    _, sent = quarter
    cover = load_workbook(sent / POLICE)["Return"]
    assert cover.sheet_properties.pageSetUpPr.fitToPage
    assert (cover.page_setup.fitToWidth, cover.page_setup.fitToHeight) == (1, 1)
    for row in cover.iter_rows(min_row=2):
        text = row[1].value
        if isinstance(text, str) and len(text) > 70:
            assert row[1].alignment.wrap_text
            assert cover.row_dimensions[row[0].row].height >= 15 * (len(text) // 70 + 1)


@needs_libreoffice
def test_returns_saved_by_libreoffice_calc(tmp_path: Path, quarter: tuple[Path, Path]) -> None:
    q3, sent = quarter
    typed = tmp_path / "typed"
    typed.mkdir()
    edit(sent / ICU, typed / "icu-percent.xlsx", _both(_percent, figures(**{"2_2b": 40})))
    edit(sent / POLICE, typed / "police-formula.xlsx", _cell("1.2a", Q3, 3, "=C27*0.42"))
    edit(sent / POLICE, typed / "police-header.xlsx", lambda wb: wb["Data"].cell(1, 4, "MSG"))
    edit(sent / POLICE, typed / "police-negative.xlsx", _cell("1.2b", Q3, 3, -1.5))
    (typed / "scc-unfilled.xlsx").write_bytes((sent / SCC).read_bytes())
    saved = tmp_path / "saved"
    through_libreoffice(sorted(typed.iterdir()), saved, tmp_path / "lo-profile")

    merged = tmp_path / "m.xlsx"
    percent = run("collect", q3, saved / "icu-percent.xlsx", "-o", merged)
    assert percent.exit_code == 0, percent.output
    wb = load_workbook(merged)
    assert wb["Data"].cell(row_of(wb, "2.2a", Q3), 3).value == 6.2

    # Calc saved the formula's result, the figure the agency saw (its C27 is 2.4's 0.12): that
    # is collected, never the formula's text, which would mean another cell of the workbook
    formula = run("collect", q3, saved / "police-formula.xlsx", "-o", merged, "--force")
    assert formula.exit_code == 0, formula.output
    wb = load_workbook(merged)
    collected = wb["Data"].cell(row_of(wb, "1.2a", Q3), 3)
    assert (collected.data_type, collected.value) == ("n", pytest.approx(0.12 * 0.42))

    refused = {
        "police-header.xlsx": "Error: police-header.xlsx, sheet Data, cell D1: column 'MSG' is"
        " not one of the return's columns, and Benchmark is missing: give the column back its"
        f" header, Benchmark {KEEP}",
        "police-negative.xlsx": "Error: police-negative.xlsx, sheet Data, cell C29: Actual"
        " '-1.5' is below zero, but the measure is a rate: type a figure of 0 or more, or n/a",
    }
    for name, line in refused.items():
        result = run("collect", q3, saved / name, "-o", tmp_path / "no.xlsx")
        assert (result.exit_code, result.output.splitlines()[0]) == (1, line)
        assert not (tmp_path / "no.xlsx").exists()
    unfilled = run("collect", q3, saved / "scc-unfilled.xlsx", "-o", tmp_path / "same.xlsx")
    assert unfilled.output.splitlines()[0] == (
        "Warning: scc-unfilled.xlsx: not returned: SCC's return has no new figure or commentary"
        " and is not signed off, so nothing was collected from it"
    )
    assert data(tmp_path / "same.xlsx") == data(q3)

    # the cover, printed by Calc, is one page that holds all of it
    pdf = convert_with_libreoffice(sent / POLICE, "pdf", tmp_path)
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    second = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    assert "What is asked" in first and "Completeness" in first
    assert "Sign-off" not in second and "Completeness" not in second
