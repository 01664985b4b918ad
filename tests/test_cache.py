"""The chart cache: an unchanged chart is not drawn again, a changed or damaged one is, the cache
lives in the user's cache folder (``$XDG_CACHE_HOME``), and ``--no-cache`` leaves it alone."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from openpyxl.workbook.workbook import Workbook

from safecity_reports.layout.document import Chart, ChartKind, Series
from safecity_reports.png import is_whole_png
from safecity_reports.run.chart_jobs import chart_file_name, draw_charts
from safecity_reports.run.image_cache import ImageCache, default_folder
from safecity_reports.styles import load_styles

STYLES = load_styles()
RAG = Chart(
    ChartKind.BARS,
    "Most measures are on track",
    ("Amber", "Green"),
    (Series("Measures", (7, 30)),),
    "Number of measures",
)
CRIME = Chart(
    ChartKind.LINE,
    "Total crime rose",
    ("2016/17 Q1", "2016/17 Q2"),
    (Series("Southampton", (28.06, 29.92)),),
    "Crimes per 1,000 population",
)


def draw(charts: list[Chart], cache: ImageCache | None, folder: Path) -> dict[Chart, Path]:
    return draw_charts(charts, STYLES, folder, cache, workers=1)


def test_a_cached_chart_is_not_drawn_again(tmp_path: Path, drawn: list[str]) -> None:
    cache = ImageCache(tmp_path / "cache")
    first = draw([RAG, CRIME], cache, tmp_path / "run1")
    second = draw([RAG, CRIME], cache, tmp_path / "run2")
    assert drawn == [RAG.title, CRIME.title]
    assert second == first
    assert all(path.parent == cache.folder for path in second.values())
    assert list((tmp_path / "run2").iterdir()) == []


def test_a_changed_chart_misses_and_is_drawn(tmp_path: Path, drawn: list[str]) -> None:
    cache = ImageCache(tmp_path / "cache")
    draw([RAG], cache, tmp_path / "run1")
    corrected = Chart(
        RAG.kind, RAG.title, RAG.categories, (Series("Measures", (8, 29)),), RAG.y_label
    )
    paths = draw([RAG, corrected], cache, tmp_path / "run2")
    assert drawn == [RAG.title, RAG.title]
    assert paths[corrected] != paths[RAG]
    assert sorted(p.suffix for p in cache.folder.iterdir()) == [".pdf", ".pdf", ".png", ".png"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: b"",  # empty
        lambda data: data[:100] + bytes(50) + data[150:],  # garbled inside
        lambda data: b"not a picture at all",
    ],
    ids=["truncated", "empty", "garbled", "not-png"],
)
def test_a_corrupt_entry_is_ignored_and_drawn_again(
    tmp_path: Path, drawn: list[str], damage: Callable[[bytes], bytes]
) -> None:
    cache = ImageCache(tmp_path / "cache")
    path = draw([RAG], cache, tmp_path / "run1")[RAG]
    good = path.read_bytes()
    path.write_bytes(damage(good))
    assert cache.get(path.name) is None
    again = draw([RAG], cache, tmp_path / "run2")[RAG]
    assert drawn == [RAG.title, RAG.title]
    assert again == path
    assert is_whole_png(again.read_bytes())


def test_no_cache_draws_into_the_run_folder(tmp_path: Path, drawn: list[str]) -> None:
    paths = draw([RAG, CRIME, RAG], None, tmp_path / "run")
    assert drawn == [RAG.title, CRIME.title]
    assert {p.parent for p in paths.values()} == {tmp_path / "run"}


def test_the_cache_folder_follows_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_folder() == tmp_path / "xdg" / "safecity-reports" / "charts"
    assert ImageCache().folder == default_folder()
    # The XDG spec says a relative path is to be ignored: then ~/.cache.
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_folder() == tmp_path / "home" / ".cache" / "safecity-reports" / "charts"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_folder() == tmp_path / "home" / ".cache" / "safecity-reports" / "charts"


def test_a_cache_folder_that_cannot_be_made_is_not_used(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("in the way")
    cache = ImageCache(tmp_path / "file" / "charts")
    paths = draw([RAG], cache, tmp_path / "run")
    assert paths[RAG].parent == tmp_path / "run"
    assert is_whole_png(paths[RAG].read_bytes())


def test_the_name_changes_with_the_chart_the_styles_and_nothing_else() -> None:
    assert chart_file_name(RAG, STYLES) == chart_file_name(RAG, load_styles())
    assert chart_file_name(RAG, STYLES) != chart_file_name(CRIME, STYLES)


def test_make_report_caches_in_xdg_cache_home_and_not_beside_the_input(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    workbook: Workbook,
    saved: Callable[[Workbook], Path],
    make_report: Callable[..., Result],
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = saved(workbook)
    result = make_report(path, "-o", tmp_path / "out", "-q")
    assert result.exit_code == 0, result.output
    cached = sorted((tmp_path / "xdg" / "safecity-reports" / "charts").glob("*.png"))
    assert cached and all(is_whole_png(p.read_bytes()) for p in cached)
    assert all(p.with_suffix(".pdf").read_bytes().startswith(b"%PDF-") for p in cached)
    assert sorted(p.name for p in path.parent.iterdir()) == ["out", "q2.xlsx", "xdg"]


def test_no_cache_leaves_the_cache_alone(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    workbook: Workbook,
    saved: Callable[[Workbook], Path],
    make_report: Callable[..., Result],
    drawn: list[str],
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = saved(workbook)
    assert make_report(path, "-o", tmp_path / "out", "-q").exit_code == 0
    cache = tmp_path / "xdg" / "safecity-reports" / "charts"
    before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    count = len(drawn)
    assert make_report(path, "-o", tmp_path / "out", "-q").exit_code == 0
    assert len(drawn) == count, "a cached run draws nothing"
    result = make_report(path, "-o", tmp_path / "out", "-q", "--no-cache")
    assert result.exit_code == 0, result.output
    assert len(drawn) == 2 * count, "--no-cache draws every chart again"
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == before


def test_half_written_images_of_a_killed_run_are_removed_once_stale(tmp_path: Path) -> None:
    folder = tmp_path / "charts"
    folder.mkdir()
    stale = folder / ".chart-line-0123456789abcdef-x1y2z3.png"
    fresh = folder / ".chart-line-fedcba9876543210-a1b2c3.png"
    kept = folder / "chart-line-0123456789abcdef.png"
    for path in (stale, fresh, kept):
        path.write_bytes(b"\x89PNG")
    hours_ago = time.time() - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))
    os.utime(kept, (hours_ago, hours_ago))
    assert ImageCache(folder).open()
    assert not stale.exists()
    assert fresh.exists() and kept.exists()  # a run may still be writing it; a whole image stays
