"""Word's pictures made where Word is written: the chart process draws each chart as a PDF only,
the Word document rasterises the ones it reaches (the same pixels as a chart drawn with its
picture), a report of the PDF alone makes no PNG, and a damaged or missing picture is made again
from its drawing without drawing the chart again."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from click.testing import Result
from openpyxl.workbook.workbook import Workbook
from PIL import Image

from safecity_reports.charts.raster import png_of, vector_path
from safecity_reports.layout.document import Chart, ChartKind, Series
from safecity_reports.png import is_whole_png
from safecity_reports.run.chart_jobs import draw_chart, draw_jobs, plan_charts
from safecity_reports.run.chart_process import PendingImages
from safecity_reports.run.image_cache import ImageCache
from safecity_reports.run.word_pictures import WordPictures
from safecity_reports.styles import load_styles

STYLES = load_styles()
CRIME = Chart(
    ChartKind.LINE,
    "Total crime rose",
    ("2015/16 Q4", "2016/17 Q1", "2016/17 Q2"),
    (Series("Southampton", (27.1, 28.06, 29.92)), Series("Family group", (25.0, 25.5, 26.25))),
    "Crimes per 1,000 population",
)
RAG = Chart(
    ChartKind.BARS,
    "Most measures are on track",
    ("Red", "Amber", "Green"),
    (Series("Measures", (2, 7, 30)),),
    "Number of measures",
)


def _pixels(path: Path) -> np.ndarray:
    with Image.open(path) as image:
        return np.asarray(image.convert("RGB"))


def test_rendered_into_the_rows_the_pixels_are_pdfiums_own_render(tmp_path: Path) -> None:
    """The PNG's rows are pdfium's bitmap (``PdfPage.render``) cut to the chart's size."""
    path = tmp_path / "crime.png"
    draw_chart(CRIME, STYLES, path)
    vector = vector_path(path).read_bytes()
    document = pdfium.PdfDocument(vector)
    try:
        bitmap = document[0].render(scale=STYLES.chart_dpi / 72, rev_byteorder=True)
        width, height = (round(inches * STYLES.chart_dpi) for inches in STYLES.chart_size)
        expected = bitmap.to_numpy()[:height, :width, :3]
    finally:
        document.close()
    made = tmp_path / "made.png"
    made.write_bytes(png_of(vector, STYLES, CRIME.title))
    assert is_whole_png(made.read_bytes())
    assert np.array_equal(_pixels(made), expected)
    assert made.read_bytes() == path.read_bytes()


def test_charts_drawn_without_pictures_have_their_pdf_only(tmp_path: Path) -> None:
    paths, jobs = plan_charts([CRIME, RAG], STYLES, tmp_path / "run", raster=False)
    assert sorted(draw_jobs(jobs, STYLES, workers=1, raster=False)) == [0, 1]
    for path in paths.values():
        assert not path.exists()
        assert vector_path(path).read_bytes().startswith(b"%PDF-")


def test_word_makes_the_picture_a_chart_drawn_with_it_has(tmp_path: Path) -> None:
    paths, jobs = plan_charts([CRIME, RAG], STYLES, tmp_path / "run", raster=False)
    list(draw_jobs(jobs, STYLES, workers=1, raster=False))
    pictures = WordPictures(paths, STYLES)
    for chart in (CRIME, RAG):
        here = tmp_path / f"{chart.kind.value}.png"
        draw_chart(chart, STYLES, here)
        assert pictures[chart] == paths[chart]
        assert pictures[chart].read_bytes() == here.read_bytes()
    assert list(pictures) == [CRIME, RAG] and len(pictures) == 2


def test_a_picture_made_in_the_runs_own_folder_is_handed_to_word_not_written(
    tmp_path: Path,
) -> None:
    """In the run's own folder (``scratch``: no cache keeps it), the PNG is made from the
    drawing and given to Word as bytes, the same bytes as a picture drawn with its chart, and
    no file is written; in a cache's folder it is written beside its drawing, for the next
    run."""
    scratch = tmp_path / "run"
    paths, jobs = plan_charts([CRIME, RAG], STYLES, scratch, raster=False)
    list(draw_jobs(jobs, STYLES, workers=1, raster=False))
    pictures = WordPictures(paths, STYLES, scratch)
    for chart in (CRIME, RAG):
        here = tmp_path / f"{chart.kind.value}.png"
        draw_chart(chart, STYLES, here)
        path, read = pictures.picture(chart)
        assert path == paths[chart]
        assert read() == here.read_bytes()
        assert not path.exists()
    kept = WordPictures(paths, STYLES, tmp_path / "elsewhere")
    path, read = kept.picture(CRIME)
    assert read() == path.read_bytes() == (tmp_path / "line.png").read_bytes()


@pytest.mark.parametrize(
    "damage",
    [lambda path: path.unlink(), lambda path: path.write_bytes(path.read_bytes()[:500])],
    ids=["missing", "truncated"],
)
def test_a_missing_or_damaged_picture_is_made_again_from_the_drawing(
    tmp_path: Path, drawn: list[str], damage: Callable[[Path], None]
) -> None:
    path = tmp_path / "crime.png"
    draw_chart(CRIME, STYLES, path)
    good = path.read_bytes()
    damage(path)
    assert WordPictures({CRIME: path}, STYLES)[CRIME] == path
    assert path.read_bytes() == good
    assert drawn == [CRIME.title], "made from its PDF, not drawn again"


def test_a_cached_drawing_is_enough_without_its_picture(tmp_path: Path, drawn: list[str]) -> None:
    cache = ImageCache(tmp_path / "cache")
    paths, jobs = plan_charts([RAG], STYLES, tmp_path / "run1", cache, raster=False)
    list(draw_jobs(jobs, STYLES, workers=1, raster=False))
    again, to_draw = plan_charts([RAG], STYLES, tmp_path / "run2", cache, raster=False)
    assert to_draw == [] and again == paths
    # drawn with its picture (the library's ``draw_charts``), the picture is wanted too
    _, wanted = plan_charts([RAG], STYLES, tmp_path / "run3", cache)
    assert [chart for chart, _ in wanted] == [RAG]
    assert drawn == [RAG.title]


def test_a_damaged_cached_drawing_is_removed_with_its_picture(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path / "cache")
    paths, jobs = plan_charts([RAG], STYLES, tmp_path / "run1", cache)
    list(draw_jobs(jobs, STYLES, workers=1))
    vector = vector_path(paths[RAG])
    vector.write_bytes(vector.read_bytes()[:300])  # cut short: no end-of-file marker
    assert cache.get(paths[RAG].name, picture=False) is None
    assert not paths[RAG].exists() and not vector.exists()
    _, to_draw = plan_charts([RAG], STYLES, tmp_path / "run2", cache, raster=False)
    assert [chart for chart, _ in to_draw] == [RAG]


def test_pending_images_can_wait_for_the_drawing_instead(tmp_path: Path) -> None:
    path = tmp_path / "chart.png"
    images = PendingImages(
        {CRIME: path}, check=lambda: None, drawn=lambda png: png.with_suffix(".pdf")
    )

    def drawn() -> None:  # whole when it appears, as the chart process writes it (by rename)
        partial = tmp_path / "chart.pdf.part"
        partial.write_bytes(b"%PDF-")
        partial.rename(path.with_suffix(".pdf"))

    timer = threading.Timer(0.2, drawn)
    timer.start()
    assert images[CRIME] == path
    assert path.with_suffix(".pdf").read_bytes() == b"%PDF-"
    assert not path.exists()


def test_a_report_of_the_pdf_alone_makes_no_picture_and_word_then_draws_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    workbook: Workbook,
    saved: Callable[[Workbook], Path],
    make_report: Callable[..., Result],
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = saved(workbook)
    result = make_report(path, "-o", tmp_path / "pdf", "-q", "--format", "pdf")
    assert result.exit_code == 0, result.output
    cache = tmp_path / "xdg" / "safecity-reports" / "charts"
    drawings = sorted(cache.glob("*.pdf"))
    assert drawings and not list(cache.glob("*.png"))
    before = {p.name: p.stat().st_mtime_ns for p in drawings}
    result = make_report(path, "-o", tmp_path / "both", "-q")
    assert result.exit_code == 0, result.output
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")} == before
    pictures = sorted(cache.glob("*.png"))
    assert [p.with_suffix(".pdf") for p in pictures] == drawings
    assert all(is_whole_png(p.read_bytes()) for p in pictures)


def test_the_folder_is_tidied_with_its_first_picture_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Word tidies a chart folder of killed runs' temporary files once, with the first picture
    it makes there, not with each: that read the whole folder (thousands of charts at scale)
    for every picture."""
    from safecity_reports import files

    paths, jobs = plan_charts([CRIME, RAG], STYLES, tmp_path / "run", raster=False)
    list(draw_jobs(jobs, STYLES, workers=1, raster=False))
    folder = paths[CRIME].parent
    assert paths[RAG].parent == folder
    leftover = folder / ".crime.safecity-999999999-abcdefgh.png"  # a killed run's, no such pid
    leftover.write_bytes(b"half a picture")
    read: list[Path] = []
    tidy = files.remove_leftovers
    monkeypatch.setattr(files, "remove_leftovers", lambda path: read.append(path) or tidy(path))
    pictures = WordPictures(paths, STYLES)
    for chart in (CRIME, RAG, CRIME):
        assert is_whole_png(pictures[chart].read_bytes())
    assert read == [folder]
    assert not leftover.exists()
