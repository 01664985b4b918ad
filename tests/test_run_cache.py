"""An unchanged re-run is answered from the run cache before the workbook is read: the same
documents, the same warnings and the same manifest, with nothing heavy imported; any change to
what the run is made from misses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from safecity_reports.build import build_report
from safecity_reports.errors import Problem
from safecity_reports.run import pipeline
from safecity_reports.run.document_cache import DocumentCache
from safecity_reports.run.run_cache import RunCache, RunRecord, run_key
from safecity_reports.styles import load_styles

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2016, 10, 31)
HEAVY = ("scipy", "numpy", "matplotlib", "reportlab", "openpyxl", "docx", "pikepdf", "pypdfium2")


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home / "safecity-reports"


@pytest.fixture
def counted(monkeypatch):
    """Count how often a document is actually rendered."""
    calls = []
    real = pipeline._renderer

    def renderer(fmt):
        draw = real(fmt)

        def counting(*args, **kwargs):
            calls.append(fmt)
            return draw(*args, **kwargs)

        return counting

    monkeypatch.setattr(pipeline, "_renderer", renderer)
    return calls


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "in" / "q2.xlsx"
    path.parent.mkdir()
    shutil.copyfile(ROOT / "inputs" / "q2.xlsx", path)
    return path


def test_an_unchanged_rerun_imports_nothing_heavy_and_says_the_same(workbook, tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "safecity_reports.cli", str(workbook), "-o", str(tmp_path)]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    again = subprocess.run(
        [sys.executable, "-X", "importtime", *command[1:]],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {
        line.split("|")[-1].strip().split(".")[0]
        for line in again.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "safecity_reports" in imported  # the import times were read
    assert not imported & set(HEAVY)
    assert "Warning: q2.xlsx, sheet Measures, cell K8" in first.stderr
    said = [line for line in again.stderr.splitlines() if not line.startswith("import time:")]
    assert said == first.stderr.splitlines()  # the warnings, word for word
    assert again.stdout == first.stdout


def test_the_cached_run_gives_the_warnings_documents_and_manifest_again(
    workbook, tmp_path, cache_home, counted
):
    first = build_report(workbook, tmp_path / "a", today=DAY)
    again = build_report(workbook, tmp_path / "b", today=DAY)
    assert counted == ["pdf"]  # made once (Word is written in a forked process, not counted)
    assert not first.copied and again.copied
    assert again.warnings == first.warnings and first.warnings
    for name in ("q2.docx", "q2.pdf"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    made = [json.loads((tmp_path / folder / "q2.manifest.json").read_text()) for folder in "ab"]
    for manifest in made:
        del manifest["made"]
    assert made[0] == made[1]
    assert len(list((cache_home / "runs").iterdir())) == 1


def test_what_the_run_is_made_from_is_in_the_key(workbook, tmp_path):
    styles = load_styles()
    content = workbook.read_bytes()
    base = ("q2.xlsx", content, styles, ("docx", "pdf"), False, DAY)
    key = run_key(*base)
    assert run_key(*base) == key
    assert run_key("q2.xlsx", content, styles, ("pdf", "docx"), False, DAY) == key
    changed = [
        ("q3.xlsx", content, styles, ("docx", "pdf"), False, DAY),
        ("q2.xlsx", content + b"\0", styles, ("docx", "pdf"), False, DAY),
        ("q2.xlsx", content, replace(styles, chart_dpi=151), ("docx", "pdf"), False, DAY),
        ("q2.xlsx", content, styles, ("pdf",), False, DAY),
        ("q2.xlsx", content, styles, ("docx", "pdf"), True, DAY),
        ("q2.xlsx", content, styles, ("docx", "pdf"), False, date(2016, 11, 1)),
    ]
    assert len({run_key(*args) for args in changed} | {key}) == len(changed) + 1


def test_a_changed_styles_file_misses(workbook, tmp_path, cache_home, counted):
    folder = tmp_path / "mystyles"
    shutil.copytree(ROOT / "src" / "safecity_reports" / "styles" / "default", folder)
    build_report(workbook, tmp_path / "a", formats=("pdf",), today=DAY, styles_folder=folder)
    text = (folder / "style.toml").read_text(encoding="utf-8")
    assert "\ndpi = 300\n" in text
    (folder / "style.toml").write_text(text.replace("\ndpi = 300\n", "\ndpi = 299\n"), "utf-8")
    again = build_report(
        workbook, tmp_path / "b", formats=("pdf",), today=DAY, styles_folder=folder
    )
    assert counted == ["pdf", "pdf"] and not again.copied


def test_a_damaged_record_is_made_again(workbook, tmp_path, cache_home, counted):
    build_report(workbook, tmp_path / "a", formats=("docx",), today=DAY)
    (record,) = (cache_home / "runs").iterdir()
    record.write_bytes(record.read_bytes()[:-10])
    again = build_report(workbook, tmp_path / "b", formats=("docx",), today=DAY)
    # the document cache still answers, once the workbook is read and laid out
    assert counted == ["docx"] and again.copied and again.warnings
    assert RunCache().get(record.name) is not None  # recorded whole again


def test_a_record_whose_documents_have_gone_is_a_miss(tmp_path):
    runs = RunCache(tmp_path / "runs", DocumentCache(tmp_path / "documents"))
    warning = Problem("q2.xlsx, sheet Data, cell C4", "odd", "warning")
    runs.put("k.json", RunRecord({"pdf": "gone.pdf"}, (warning,), {"workbook": "q2.xlsx"}, {}))
    assert runs.get("k.json") is None
    runs.documents.put_data("gone.pdf", b"%PDF-1.7\n%%EOF\n")
    record, documents = runs.get("k.json")  # type: ignore[misc]
    assert record.warnings == (warning,) and documents == {"pdf": b"%PDF-1.7\n%%EOF\n"}


def test_no_cache_leaves_the_run_cache_alone(workbook, tmp_path, cache_home, counted):
    build_report(workbook, tmp_path / "a", formats=("pdf",), today=DAY)
    again = build_report(workbook, tmp_path / "a", formats=("pdf",), today=DAY, use_cache=False)
    assert counted == ["pdf", "pdf"] and not again.copied
