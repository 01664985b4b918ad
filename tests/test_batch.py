"""``make-report batch``: every workbook of a folder made, on several processes, a refused one
named with its reason while the others are made, and an overview across them whose counts are
each report's own verdicts (issue 24)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from tests.fixtures.batch_examples import BATCH, SPOILT, SPOILT_FIGURE
from tests.fixtures.verdict_reports import generated_report
from tests.fixtures.workbooks import column_of, set_setting, valid_workbook

from safecity_reports.api import read_workbook
from safecity_reports.batch import OVERVIEW, workbooks_in
from safecity_reports.core.tally import Tally, tally, tally_from_data
from safecity_reports.core.verdicts import Change, Concern, judge
from safecity_reports.errors import UsageError, ValidationFailed

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    return subprocess.run(
        [sys.executable, "-m", "safecity_reports", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=900,
    )


def _district(folder: Path, stem: str, partnership: str) -> Path:
    wb = valid_workbook()
    set_setting(wb, "Partnership", partnership)
    path = folder / f"{stem}.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("seed", range(12))
def test_a_tally_counts_the_verdicts_the_report_counts(seed):
    report = generated_report(seed)
    verdicts = judge(report)
    counted = verdicts.counted()
    counts = tally(report, verdicts)
    assert counts.verdicts == len(counted) == sum(n for _, n in counts.changes)
    for change in Change:
        assert counts.count(change) == sum(1 for v in counted if v.change is change)
    assert len(counts.flagged) == sum(1 for v in counted if v.concerns)
    late = [v for v in counted if {Concern.LATE, Concern.MISSING} & set(v.concerns)]
    assert len(counts.late) == len(late)
    assert counts.awaited == verdicts.awaited
    assert tally_from_data(counts.as_data()) == counts


def test_a_tally_of_another_shape_is_refused():
    with pytest.raises((KeyError, TypeError, ValueError)):
        tally_from_data({"partnership": "A", "changes": "none"})


def test_the_folder_is_checked_before_any_report_is_made(tmp_path):
    with pytest.raises(UsageError, match="is not a folder"):
        workbooks_in(tmp_path / "missing")
    (tmp_path / "notes.txt").write_text("not a workbook")
    (tmp_path / "~$locked.xlsx").write_bytes(b"Excel's lock file")
    with pytest.raises(UsageError, match=r"holds no workbook \(.xlsx or .xlsm\)"):
        workbooks_in(tmp_path)
    a = _district(tmp_path, "a", "A")
    assert workbooks_in(tmp_path) == (a,)
    (tmp_path / "A.xlsm").write_bytes(a.read_bytes())
    with pytest.raises(UsageError) as caught:
        workbooks_in(tmp_path)
    assert str(caught.value) == "A.xlsm and a.xlsx would make reports of the same name; rename one"
    (tmp_path / "A.xlsm").unlink()
    _district(tmp_path, OVERVIEW, "O")
    with pytest.raises(UsageError, match="has the overview's name"):
        workbooks_in(tmp_path)


def test_a_batch_makes_every_report_it_can_and_names_the_one_it_refuses(tmp_path):
    folder = tmp_path / "county"
    folder.mkdir()
    _district(folder, "ashdown", "Ashdown CSP")
    _district(folder, "brackley", "Brackley CSP")
    spoilt = valid_workbook()
    set_setting(spoilt, "Partnership", "Castlemoor CSP")
    spoilt["Data"].cell(row=2, column=column_of("Data", "Actual"), value="about forty")
    spoilt.save(folder / "castlemoor.xlsx")
    before = (folder / "castlemoor.xlsx").read_bytes()
    (folder / "~$ashdown.xlsx").write_bytes(b"Excel's lock file")

    out = tmp_path / "out"
    done = _run("batch", str(folder), "-o", str(out), "--jobs", "2", cwd=tmp_path)

    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    refused = [line for line in done.stderr.splitlines() if line.startswith("Refused")]
    assert len(refused) == 1  # the reader's own message, with its sheet, cell and value
    assert refused[0].startswith("Refused  castlemoor.xlsx: castlemoor.xlsx, sheet Data, cell C2:")
    assert "'about forty' is not a number" in refused[0]
    made = sorted(line for line in done.stdout.splitlines() if line.startswith("Made"))
    assert [line.split(" (")[0] for line in made] == [
        "Made     ashdown.xlsx",
        "Made     brackley.xlsx",
    ]
    assert "2 report(s) made, 1 refused" in done.stdout
    for stem in ("ashdown", "brackley"):
        assert (out / f"{stem}.pdf").stat().st_size > 0
        assert (out / f"{stem}.docx").stat().st_size > 0
    assert not (out / "castlemoor.pdf").exists()
    assert (folder / "castlemoor.xlsx").read_bytes() == before  # the input is never modified

    book = load_workbook(out / f"{OVERVIEW}.xlsx")
    rows = list(book["Partnerships"].iter_rows(values_only=True))
    assert [r[:2] for r in rows[1:]] == [
        ("ashdown.xlsx", "Ashdown CSP"),
        ("brackley.xlsx", "Brackley CSP"),
    ]
    assert [r[0] for r in book["Refused"].iter_rows(min_row=2, values_only=True)] == [
        "castlemoor.xlsx"
    ]
    text = subprocess.run(
        ["pdftotext", "-layout", str(out / f"{OVERVIEW}.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "3 workbooks: 2 reports made, 1 refused." in text
    assert "Ashdown CSP" in text and "Brackley CSP" in text
    assert "castlemoor.xlsx, sheet Data, cell C2" in text
    assert (out / f"{OVERVIEW}.docx").stat().st_size > 0

    again = _run("batch", str(folder), "-o", str(out), "--jobs", "2", cwd=tmp_path)
    assert again.returncode == 1
    assert again.stdout.count("unchanged, copied") == 2  # answered from the run cache
    book_again = load_workbook(out / f"{OVERVIEW}.xlsx")
    assert list(book_again["Partnerships"].iter_rows(values_only=True)) == rows


def test_the_overview_counts_are_each_reports_own(tmp_path):
    """The row the batch prints for a workbook is the tally of the report made from it."""
    from safecity_reports.batch import make_one
    from safecity_reports.reading.load import load_report

    path = _district(tmp_path, "ashdown", "Ashdown CSP")
    outcome = make_one(path, tmp_path / "out", ("pdf",), False, False, None, None)
    report, _ = load_report(path)
    assert isinstance(outcome.tally, Tally)
    assert outcome.tally == tally(report, judge(report))


@pytest.mark.slow
def test_the_example_folder_makes_ten_reports_and_refuses_the_spoilt_one(tmp_path):
    out = tmp_path / "out"
    done = _run("batch", str(ROOT / "inputs/examples/batch"), "-o", str(out), cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert f"Refused  {SPOILT[0]}.xlsx" in done.stderr
    assert f"'{SPOILT_FIGURE}'" in done.stderr
    assert "10 report(s) made, 1 refused" in done.stdout
    assert len(list(out.glob("*.pdf"))) == 11  # ten reports and the overview


@pytest.mark.parametrize("name", sorted(BATCH))
def test_the_saved_batch_folder_is_what_the_script_makes(tmp_path, name):
    """inputs/examples/batch/ holds what scripts/make_examples.py writes; rerun it after a
    change. The spoilt workbook is refused by both, at the same cell."""
    saved_path = ROOT / "inputs/examples/batch" / name
    fresh_path = tmp_path / name
    BATCH[name]().save(fresh_path)
    try:
        saved, _ = read_workbook(saved_path)
    except ValidationFailed as exc:
        with pytest.raises(ValidationFailed) as fresh_failure:
            read_workbook(fresh_path)
        assert str(fresh_failure.value) == str(exc).replace(str(saved_path), str(fresh_path))
        return
    fresh, _ = read_workbook(fresh_path)
    assert saved.measures == fresh.measures
    assert saved.settings == fresh.settings
    assert saved.commentary == fresh.commentary


def test_a_batchs_caches_keep_every_report_of_the_batch(tmp_path, monkeypatch):
    """Beyond ``KEEP`` documents the oldest go, unless a batch asked for more: 50 partnerships'
    re-run must find all 50 reports, not the last dozen."""
    from safecity_reports.run import document_cache
    from safecity_reports.run.document_cache import KEEP, DocumentCache, keep_at_least

    monkeypatch.setattr(document_cache, "_kept", [KEEP])
    cache = DocumentCache(tmp_path / "documents")
    for number in range(KEEP + 6):
        cache.put_data(f"d{number:03d}.pdf", b"%PDF")
    assert len(list(cache.folder.iterdir())) == KEEP
    keep_at_least(KEEP + 20)
    for number in range(KEEP + 10):
        cache.put_data(f"e{number:03d}.pdf", b"%PDF")
    assert len(list(cache.folder.iterdir())) == KEEP + 20
