"""Two runs with no cache make the same PDF, but for the dates it was made: its charts are drawn
in a temporary folder each time, and were once named in the PDF by that folder's path."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from safecity_reports.build import build_report

EXAMPLE = Path(__file__).parent.parent / "inputs" / "examples" / "late-figures.xlsx"


def _pages(pdf: Path) -> list[tuple[bytes, list[str]]]:
    with pikepdf.open(pdf) as document:
        return [
            (page.obj.Contents.read_bytes(), sorted(page.Resources.get("/XObject", {}).keys()))
            for page in document.pages
        ]


def test_two_runs_with_no_cache_draw_the_same_pages(tmp_path):
    made = [
        build_report(EXAMPLE, tmp_path / name, formats=("pdf",), use_cache=False).written[0]
        for name in ("one", "two")
    ]
    first, second = (_pages(path) for path in made)
    assert any(names for _, names in first)  # it has charts
    assert first == second
