"""The benchmark's workbooks: in our template's format, valid, and like a real partnership's."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the project folder: benchmarks/

from benchmarks.generate import make_workbook, write_workbook  # noqa: E402

from safecity_reports.reading.load import load_report  # noqa: E402


def test_a_small_benchmark_workbook_is_valid_with_no_warnings(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "bench.xlsx", measures=30)
    report, warnings = load_report(path, strict=True)
    assert warnings == []
    measures = report.measures
    assert len(measures) == 30
    assert all(5 <= len(m.observations) <= 8 for m in measures)
    assert any(m.benchmark_label for m in measures)
    assert len(report.rankings) >= 1
    levels = {block.level for c in report.commentary for block in c.blocks}
    assert {0, 1} <= levels, "commentary has paragraphs and bullets"
    assert report.figures, "some actions are reported by key figures"


def test_the_same_size_and_seed_give_the_same_workbook() -> None:
    def rows(measures: int, seed: int) -> list[tuple[object, ...]]:
        wb = make_workbook(measures, seed)
        return [row for ws in wb for row in ws.iter_rows(values_only=True)]

    assert rows(7, 1) == rows(7, 1)
    assert rows(7, 1) != rows(7, 2)
