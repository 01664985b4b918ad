"""A whole quarter without a portal (issue 16): next, returns, filled in and saved by
LibreOffice, status before and after, collect with its refusals, the report with its revisions
annex and manifest, and diff."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import Result
from openpyxl import load_workbook

from conftest import needs_libreoffice

Q2 = Path(__file__).resolve().parents[1] / "inputs" / "q2.xlsx"


def fill(path: Path, target: Path, figures: dict, sign: dict, reasons=(), texts=(), extra=()):
    """Fill a return as an agency would: figures by (measure, period), the sign-off, reasons
    for revisions, commentary by page; ``extra`` adds Data rows (which a return may not)."""
    wb = load_workbook(path)
    data = wb["Data"]
    for row in data.iter_rows(min_row=2):
        key = (row[0].value, row[1].value)
        if key in figures:
            row[2].value = figures[key]
    for values in extra:
        data.append(values)
    for row, values in enumerate(reasons, start=2):
        for column, value in enumerate(values, start=1):
            wb["Revision reasons"].cell(row, column, value)
    commentary = wb["Commentary"]
    for row in commentary.iter_rows(min_row=2):
        if row[0].value in dict(texts):
            row[1].value = dict(texts)[row[0].value]
    cover = wb["Return"]
    for row in cover.iter_rows():
        if row[0].value in sign:
            row[1].value = sign[row[0].value]
    wb.save(target)


def through_libreoffice(sources: list[Path], folder: Path, profile: Path) -> None:
    """Open and save each file with LibreOffice Calc as .xlsx into ``folder``."""
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(folder),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )


def lines(result: Result) -> list[str]:
    return result.output.splitlines()


Q3 = "2016/17 Q3"
SIGNED = {
    "Name": "Jo Bloggs",
    "Role": "Performance Manager",
    "Date": "18/01/2017",
    "Figures are": "Final",
    "Accuracy": "Checked against the crime system.",
}


@needs_libreoffice
def test_a_whole_quarter(tmp_path: Path, make_report: Callable[..., Result]) -> None:
    q3 = tmp_path / "q3.xlsx"
    result = make_report("next", Q2, "-o", q3)
    assert result.exit_code == 0, result.output
    assert lines(result) == [
        f"Wrote {q3}: reporting period 2016/17 Q3",
        "Empty rows added for 19 figure(s); last period's commentary (59 row(s)) moved to the"
        " Commentary archive sheet",
        "No row for 1.1a: its next figure is for 2017/18, after 2016/17 Q3",
        "No row for 1.1b: its next figure is for 2017/18, after 2016/17 Q3",
    ]
    # every figure still to fill in is named with the agency it awaits; a draft can be made
    check = make_report("check", q3)
    assert check.exit_code == 0
    awaited = [line for line in lines(check) if "Actual is blank" in line]
    assert len(awaited) == 19
    assert awaited[0] == (
        "Warning: q3.xlsx, sheet Data, cell C65: Actual is blank: the report shows 1.2a's figure"
        " for 2016/17 Q3 as awaiting Hampshire Constabulary; type it when Hampshire"
        " Constabulary's return is in (with --strict, a figure still awaited is an error)"
    )
    assert [line.split(",")[2].split(":")[0] for line in awaited] == [
        f" cell C{row}" for row in range(65, 84)
    ]
    assert "as awaiting Youth Offending Service" in awaited[-1]
    strict = make_report("check", q3, "--strict")
    assert strict.exit_code == 1
    wb = load_workbook(q3)
    assert [wb["Settings"][f"B{r}"].value for r in (4, 5, 6)] == [Q3, None, None]
    assert wb["Commentary"].max_row == 1
    assert wb["Commentary archive"]["A2"].value == "2016/17 Q2"
    # q2's Data sheet has Count and Denominator columns since issue 14
    assert [c.value for c in wb["Data"][65]] == ["1.2a", Q3, None, None, None, None, None]
    assert [c.value for c in wb["Data"][78]][:2] == ["4.1", "Jan 2014 - Dec 2014"]

    sent = tmp_path / "returns"
    result = make_report("returns", q3, "-o", sent, "--due", "2017-01-20")
    assert result.exit_code == 0, result.output
    assert lines(result) == [
        f"Wrote {sent / 'scc.xlsx'}: SCC, 3 figure(s) asked for",
        f"Wrote {sent / 'hampshire-constabulary.xlsx'}: Hampshire Constabulary, 7 figure(s)"
        " asked for",
        f"Wrote {sent / 'hampshire-fire-and-rescue-service.xlsx'}: Hampshire Fire and Rescue"
        " Service, 0 figure(s) asked for",
        f"Wrote {sent / 'integrated-commissioning-unit.xlsx'}: Integrated Commissioning Unit,"
        " 3 figure(s) asked for",
        f"Wrote {sent / 'national-probation-service.xlsx'}: National Probation Service,"
        " 0 figure(s) asked for",
        f"Wrote {sent / 'youth-offending-service.xlsx'}: Youth Offending Service, 6 figure(s)"
        " asked for",
    ]
    police = load_workbook(sent / "hampshire-constabulary.xlsx")
    assert police.sheetnames[0] == "Return"
    assert police["Return details"].sheet_state == "hidden"
    assert all(ws.protection.sheet for ws in police.worksheets)
    data = police["Data"]
    assert [(r[0].value, r[1].value) for r in data.iter_rows(min_row=2)][:2] == [
        ("1.2a", "2015/16 Q2"),
        ("1.2a", "2015/16 Q3"),
    ]
    assert data["C2"].protection.locked and data["A6"].protection.locked
    assert [r[0].value for r in data.iter_rows(min_row=2) if not r[2].protection.locked] == [
        "1.2a",
        "1.2b",
        "1.2c",
        "1.3",
        "1.4",
        "1.6",
        "2.4",
    ]

    before = make_report("status", q3, "--today", "2017-01-10")
    assert before.exit_code == 0, before.output
    assert lines(before)[:8] == [
        "Southampton Safe City Partnership: returns for 2016/17 Q3 (as of 10 January 2017)",
        "",
        "SCC: missing; still empty: 2.3, 3.4a, 3.4b",
        "Hampshire Constabulary: missing; still empty: 1.2a, 1.2b, 1.2c, 1.3, 1.4, 1.6, 2.4",
        "Hampshire Fire and Rescue Service: missing",
        "Integrated Commissioning Unit: missing; still empty: 2.2a, 2.2b, 2.2c",
        "National Probation Service: missing",
        "Youth Offending Service: missing; still empty: 4.1, 4.2a, 4.2b, 4.3, 4.4, 4.5",
    ]

    filled, back = tmp_path / "filled", tmp_path / "in"
    filled.mkdir()
    back.mkdir()
    police_q3 = dict.fromkeys(
        [(m, Q3) for m in ("1.2a", "1.2b", "1.2c", "1.3", "1.4", "1.6", "2.4")], 1.5
    )
    police_q3[("1.2a", "2016/17 Q2")] = 30.1
    fill(
        sent / "hampshire-constabulary.xlsx",
        filled / "hampshire-constabulary.xlsx",
        police_q3,
        SIGNED,
        reasons=[("1.2a", "2016/17 Q2", "Late recorded crimes added")],
        texts=[("1.2a-c", "Crime rose in the quarter.")],
    )
    yos = {(m, Q3): 3 for m in ("4.2a", "4.2b", "4.4", "4.5")}
    yos |= {("4.3", Q3): "2 / 1", ("4.1", "Jan 2014 - Dec 2014"): 38.1}
    fill(
        sent / "youth-offending-service.xlsx",
        filled / "youth-offending-service.xlsx",
        yos,
        SIGNED | {"Name": "Sam Lee", "Figures are": "Provisional"},
    )
    icu = {(m, Q3): 40 for m in ("2.2a", "2.2b", "2.2c")}
    fill(
        sent / "integrated-commissioning-unit.xlsx",
        filled / "integrated-commissioning-unit.xlsx",
        icu,
        SIGNED | {"Name": "Ann Roe"},
        extra=[("2.3", Q3, 1.2)],
    )
    scc = {(m, Q3): 20 for m in ("2.3", "3.4a", "3.4b")}
    fill(sent / "scc.xlsx", filled / "scc.xlsx", scc, SIGNED | {"Name": "Kim Poe"})
    shutil.copy(filled / "scc.xlsx", filled / "scc-again.xlsx")
    through_libreoffice(sorted(filled.iterdir()), back, tmp_path / "lo-profile")

    saved = load_workbook(back / "hampshire-constabulary.xlsx")
    assert all(ws.protection.sheet for ws in saved.worksheets)
    assert saved["Return details"].sheet_state == "hidden"
    assert not saved["Data"]["C28"].protection.locked
    assert any(dv.prompt for dv in saved["Data"].data_validations.dataValidation)
    assert any(dv.type == "list" for dv in saved["Measures"].data_validations.dataValidation)

    after = make_report("status", q3, back, "--today", "2017-01-23")
    assert after.exit_code == 1
    assert lines(after) == [
        "Error: scc-again.xlsx, scc.xlsx are all returns for SCC: keep one",
    ]
    (back / "scc-again.xlsx").rename(tmp_path / "scc-again.xlsx")
    after = make_report("status", q3, back, "--today", "2017-01-23")
    assert lines(after)[:8] == [
        "Southampton Safe City Partnership: returns for 2016/17 Q3, due 20 January 2017"
        " (as of 23 January 2017)",
        "",
        "SCC: returned; in scc.xlsx; signed off by Kim Poe on 18/01/2017",
        "Hampshire Constabulary: returned; in hampshire-constabulary.xlsx; signed off by"
        " Jo Bloggs on 18/01/2017",
        "Hampshire Fire and Rescue Service: late",
        "Integrated Commissioning Unit: returned; in integrated-commissioning-unit.xlsx;"
        " signed off by Ann Roe on 18/01/2017",
        "National Probation Service: late",
        "Youth Offending Service: provisional; in youth-offending-service.xlsx; signed off by"
        " Sam Lee on 18/01/2017",
    ]
    assert lines(after)[8:17] == [
        "",
        "To: Hampshire Fire and Rescue Service",
        "Subject: Southampton Safe City Partnership: 2016/17 Q3 return",
        "",
        "Hello,",
        "",
        "Your 2016/17 Q3 return was due on 20 January 2017 and has not reached us yet.",
        "",
        "Please fill in the commentary on your actions on the return we sent, sign it off and"
        " send it back.",
    ]

    merged = tmp_path / "q3-merged.xlsx"
    twice = [*sorted(back.glob("*.xlsx")), tmp_path / "scc-again.xlsx"]
    refused = make_report("collect", q3, *twice, "-o", merged)
    assert refused.exit_code == 1
    assert lines(refused) == [
        "Error: scc.xlsx, scc-again.xlsx: 2 returns for SCC (measures 1.1a, 1.1b, 2.3, 3.4a,"
        " 3.4b): keep the one to collect and take the others out of the list",
        "Error: integrated-commissioning-unit.xlsx, sheet Data, cell A11: Measure 2.3 is led by"
        " SCC, not Integrated Commissioning Unit: a return may change only its own agency's rows",
        "2 error(s), 0 warning(s)",
    ]
    assert not merged.exists()

    # the unit sends its return again without the stray row
    fill(
        sent / "integrated-commissioning-unit.xlsx",
        filled / "integrated-commissioning-unit.xlsx",
        icu,
        SIGNED | {"Name": "Ann Roe"},
    )
    through_libreoffice(
        [filled / "integrated-commissioning-unit.xlsx"], back, tmp_path / "lo-profile"
    )
    result = make_report("collect", q3, *sorted(back.glob("*.xlsx")), "-o", merged)
    assert result.exit_code == 0, result.output
    assert lines(result) == [
        "Collected hampshire-constabulary.xlsx (Hampshire Constabulary): 9 value(s)",
        "Collected integrated-commissioning-unit.xlsx (Integrated Commissioning Unit): 3 value(s)",
        "Collected scc.xlsx (SCC): 3 value(s)",
        "Collected youth-offending-service.xlsx (Youth Offending Service): 6 value(s)",
        "Revised 1.2a 2016/17 Q2 Actual 29.92 -> 30.1 by Hampshire Constabulary: Late recorded"
        " crimes added",
        "Warning: youth-offending-service.xlsx: Youth Offending Service signed its figures off"
        " as provisional",
        f"Wrote {merged}",
        "q3-merged.xlsx passes check: make-report " + str(merged),
    ]
    wb = load_workbook(merged)
    revisions = [[c.value for c in row] for row in wb["Revisions"].iter_rows()]
    assert revisions[1] == [
        "1.2a",
        "2016/17 Q2",
        "Actual",
        "29.92",
        "30.1",
        "Hampshire Constabulary",
        "Jo Bloggs",
        "18/01/2017",
        "Late recorded crimes added",
        "hampshire-constabulary.xlsx",
        Q3,
    ]
    origins = {(r[2].value, r[3].value): r for r in wb["Origins"].iter_rows(min_row=2)}
    origin = [c.value for c in origins[("1.2a", Q3)]]
    police_sha = (
        __import__("hashlib")
        .sha256((back / "hampshire-constabulary.xlsx").read_bytes())
        .hexdigest()
    )
    assert origin == [
        "Data",
        "C65",
        "1.2a",
        Q3,
        "Actual",
        "Hampshire Constabulary",
        "hampshire-constabulary.xlsx",
        police_sha,
        "Data",
        "C28",
        "Jo Bloggs",
        "18/01/2017",
        "Final",
        Q3,
        1.5,
    ]
    assert load_workbook(q3)["Data"]["C65"].value is None  # the input is never changed

    out = tmp_path / "out"
    report = make_report(merged, "-o", out, "-q")
    assert report.exit_code == 0, report.output
    document = docx.Document(str(out / "q3-merged.docx"))
    annex = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    assert annex == [
        ["Measure", "Period", "Was", "Now", "Revised by", "Reason"],
        [
            "1.2a Total Crime - Rate per 1,000",
            "2016/17 Q2",
            "29.92",
            "30.1",
            "Hampshire Constabulary, Jo Bloggs, 18/01/2017",
            "Late recorded crimes added",
        ],
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Annex: revised figures" in text
    assert "Provisional figure: Youth Offending Service may still revise it." in text
    manifest = json.loads((out / "q3-merged.manifest.json").read_text())
    assert manifest["workbook"] == "q3-merged.xlsx"
    assert manifest["period"] == Q3 and manifest["revisions"] == 1
    assert len(manifest["sha256"]) == 64 and manifest["version"]
    figure = next(f for f in manifest["figures"] if f["measure"] == "1.2a" and f["period"] == Q3)
    assert figure == {
        "measure": "1.2a",
        "period": Q3,
        "column": "Actual",
        "value": "1.5",
        "agency": "Hampshire Constabulary",
        "file": "hampshire-constabulary.xlsx",
        "sha256": police_sha,
        "sheet": "Data",
        "row": 65,
        "cell": "C28",
        "figures_are": "Final",
        "signed_by": "Jo Bloggs",
    }

    changes = make_report("diff", q3, merged, "--json")
    assert changes.exit_code == 0
    found = json.loads(changes.output)
    assert found[0] == {
        "sheet": "Data",
        "record": "1.2a 2016/17 Q2",
        "column": "Actual",
        "old": "29.92",
        "new": "30.1",
        "kind": "changed",
    }
    assert len([c for c in found if c["sheet"] == "Data"]) == 20
    readable = make_report("diff", q3, merged)
    assert lines(readable)[:2] == [
        f"{len(found)} change(s) from q3.xlsx to q3-merged.xlsx:",
        "Data 1.2a 2016/17 Q2 Actual: 29.92 -> 30.1",
    ]


@pytest.fixture
def quarter(tmp_path: Path, make_report: Callable[..., Result]) -> tuple[Path, Path]:
    """The Q3 workbook and its returns."""
    q3 = tmp_path / "q3.xlsx"
    assert make_report("next", Q2, "-o", q3).exit_code == 0
    assert make_report("returns", q3, "-o", tmp_path / "returns").exit_code == 0
    return q3, tmp_path / "returns"


def _other_partnership(tmp_path: Path, make_report: Callable[..., Result]) -> Path:
    wb = load_workbook(Q2)
    wb["Settings"]["B2"] = "Portsmouth Community Safety Partnership"
    wb.save(tmp_path / "portsmouth.xlsx")
    assert (
        make_report("next", tmp_path / "portsmouth.xlsx", "-o", tmp_path / "p3.xlsx").exit_code == 0
    )
    assert make_report("returns", tmp_path / "p3.xlsx", "-o", tmp_path / "p").exit_code == 0
    return tmp_path / "p" / "scc.xlsx"


def test_bad_input_gets_one_line_a_non_zero_exit_and_nothing_written(
    tmp_path: Path, make_report: Callable[..., Result], quarter: tuple[Path, Path]
) -> None:
    q3, sent = quarter
    merged = tmp_path / "merged.xlsx"
    stray = _other_partnership(tmp_path, make_report)
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes((sent / "scc.xlsx").read_bytes()[:3000])
    ods = tmp_path / "scc.ods"
    ods.write_bytes(b"PK\x03\x04 an OpenDocument spreadsheet")
    cases = [
        (
            stray,
            "Error: scc.xlsx: this file is a return for Portsmouth Community Safety"
            " Partnership, not for Southampton Safe City Partnership: it belongs to another workbook",
        ),
        (
            damaged,
            "Error: damaged.xlsx: this file is damaged (not a complete .xlsx file): open it in"
            " Excel and save it again",
        ),
        (
            ods,
            "Error: scc.ods: this file is an OpenDocument .ods file, which the tool cannot read:"
            " open it and save it as an Excel Workbook (.xlsx): File > Save As, file type"
            " 'Excel 2007-365 (.xlsx)' in LibreOffice or 'Excel Workbook (*.xlsx)' in Excel",
        ),
        (
            q3,
            "Error: q3.xlsx: this file is not a return made by 'make-report returns' (it has no"
            " 'Return details' sheet): send the agency the return made for it, and collect that",
        ),
    ]
    for path, message in cases:
        result = make_report("collect", q3, path, "-o", merged)
        assert (result.exit_code, lines(result)) == (1, [message, "1 error(s), 0 warning(s)"])
        assert not merged.exists()

    nobody = make_report("returns", q3, "-o", tmp_path / "r2", "--agency", "Hampshire Polise")
    assert nobody.exit_code == 2
    assert lines(nobody) == [
        "Error: agency 'Hampshire Polise' matches none of the agencies of Southampton Safe City"
        " Partnership (did you mean 'Hampshire Constabulary'?)"
    ]
    assert not (tmp_path / "r2").exists()
    again = make_report("returns", q3, "-o", sent)
    assert again.exit_code == 2
    assert lines(again)[0].startswith(f"Error: {sent} already holds scc.xlsx, ")

    not_q = make_report("next", Q2, "-o", tmp_path / "x.xlsx", "--period", "2016/17 Q1")
    assert (not_q.exit_code, lines(not_q)) == (
        2,
        ["Error: --period '2016/17 Q1' is not after the workbook's reporting period '2016/17 Q2'"],
    )
    assert not (tmp_path / "x.xlsx").exists()
    status = make_report("status", q3, tmp_path, "--today", "2017-01-01")
    assert status.exit_code == 1
    assert "Error: damaged.xlsx: " in status.output
    diff = make_report("diff", q3, ods)
    assert diff.exit_code == 1 and lines(diff)[0].startswith("Error: scc.ods is an OpenDocument")


def test_a_fixed_benchmark_is_carried_into_the_new_row(tmp_path: Path) -> None:
    from safecity_reports.cycle.next import next_workbook

    wb = load_workbook(Q2)
    for row in wb["Data"].iter_rows(min_row=2):
        if row[0].value == "1.2a":
            row[3].value = 24.2
    wb.save(tmp_path / "fixed.xlsx")
    result = next_workbook(tmp_path / "fixed.xlsx", tmp_path / "next.xlsx")
    assert result.carried == ("1.2a",)
    assert [c.value for c in load_workbook(tmp_path / "next.xlsx")["Data"][65]] == [
        "1.2a",
        "2016/17 Q3",
        None,
        24.2,
        None,
        None,
        None,
    ]


@pytest.mark.parametrize("command", ["next", "returns", "collect", "status", "diff"])
def test_each_cycle_command_has_help_with_an_example(
    command: str, make_report: Callable[..., Result]
) -> None:
    result = make_report(command, "--help")
    assert result.exit_code == 0
    assert f"make-report {command} " in result.output


def test_returns_name_the_measures_no_agency_is_asked_for(
    tmp_path: Path, make_report: Callable[..., Result]
) -> None:
    wb = load_workbook(Q2)
    actions = wb["Key actions"]
    for row in actions.iter_rows(min_row=2):
        if row[0].value == "1.3":  # 1.3 leads 1.3 only
            row[3].value = None
    wb.save(tmp_path / "unled.xlsx")
    result = make_report("returns", tmp_path / "unled.xlsx", "-o", tmp_path / "r")
    assert result.exit_code == 0
    assert (
        lines(result)[-1]
        == "No return asks for 1.3: no lead agency holds it; fill in its figures yourself"
    )
    # the quarter's status lists what is still empty among them, as the coordinator's own
    q3 = tmp_path / "q3.xlsx"
    assert make_report("next", tmp_path / "unled.xlsx", "-o", q3).exit_code == 0
    status = make_report("status", q3, "--today", "2017-01-10")
    assert "No lead agency (yours to fill in): still empty: 1.3" in lines(status)


def test_returns_refuse_a_workbook_whose_measures_no_agency_leads(
    make_report: Callable[..., Result], tmp_path: Path
) -> None:
    themes = Q2.parent / "examples" / "year-end-comparative.xlsx"
    result = make_report("returns", themes, "-o", tmp_path / "r")
    assert (result.exit_code, lines(result)) == (
        2,
        [
            "Error: no measure in year-end-comparative.xlsx has a lead agency, so there is no"
            " return to write: fill in its figures yourself, or give a measure an Action whose"
            " Lead agency (on the Key actions sheet) is the agency to ask"
        ],
    )
    assert not (tmp_path / "r").exists()
