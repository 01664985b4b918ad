"""A painter removes the temporary files killed runs left in a charts folder once, with the
first chart it writes there, not again with each chart (each time reading a folder that holds
thousands of charts at scale)."""

from __future__ import annotations

from pathlib import Path

import pytest

from safecity_reports import files
from safecity_reports.charts.drawing import Painter
from safecity_reports.layout.document import Chart, ChartKind, Series
from safecity_reports.styles import load_styles

STYLES = load_styles()


def _chart(number: int) -> Chart:
    return Chart(
        ChartKind.BARS,
        f"Chart {number}",
        ("Red", "Amber", "Green"),
        (Series("2016/17 Q2", (2.0, 7.0, 30.0 + number)),),
        "Number of measures",
    )


def _leftover(folder: Path) -> Path:
    """A temporary file a killed run (a process that no longer runs) left behind."""
    path = folder / f".chart-x{files.TEMP_MARK}999999999-abcdefgh.pdf"
    path.write_bytes(b"half a chart")
    return path


def test_leftovers_removed_with_the_first_chart_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tidied: list[Path] = []
    remove = files.remove_leftovers

    def counting(folder: Path) -> list[Path]:
        tidied.append(folder)
        return remove(folder)

    monkeypatch.setattr(files, "remove_leftovers", counting)
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    old = _leftover(first)
    painter = Painter(STYLES, raster=True, svg=True)
    for number in range(3):
        painter.paint(_chart(number), first / f"{number}.png")
    assert not old.exists()
    assert tidied == [first]
    painter.paint(_chart(3), second / "3.png")
    assert tidied == [first, second]
    for number in range(3):  # each chart whole: its SVG, its PDF and its PNG
        for suffix in (".svg", ".pdf", ".png"):
            assert (first / f"{number}{suffix}").stat().st_size > 0
    assert not [p for p in first.iterdir() if p.name.startswith(".")]


def test_a_new_painter_tidies_again(tmp_path: Path) -> None:
    Painter(STYLES, raster=False).paint(_chart(0), tmp_path / "0.png")
    old = _leftover(tmp_path)
    Painter(STYLES, raster=False).paint(_chart(1), tmp_path / "1.png")
    assert not old.exists()
