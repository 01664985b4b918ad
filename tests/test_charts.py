"""Charts: each kind draws a PNG of the set size, equal charts share a file, our area stands out."""

from __future__ import annotations

import struct
from pathlib import Path

import matplotlib.image
import numpy as np
import pytest

from safecity_reports.layout.document import Chart, ChartKind, Series
from safecity_reports.run.chart_jobs import chart_file_name, draw_chart, draw_charts
from safecity_reports.styles import load_styles

STYLES = load_styles()
WIDTH = round(STYLES.chart_size[0] * STYLES.chart_dpi)
HEIGHT = round(STYLES.chart_size[1] * STYLES.chart_dpi)

QUARTERS = ("2015/16 Q2", "2015/16 Q3", "2015/16 Q4", "2016/17 Q1", "2016/17 Q2")
TOTAL_CRIME = Chart(
    ChartKind.LINE,
    "Total crime rose for the third quarter running",
    QUARTERS,
    (
        Series("Southampton", (25.4, 27.8, 27.7, 28.06, 29.92)),
        Series("Most similar group average", (22.1, 22.8, 22.8, 24.2, 24.2)),
    ),
    "Crimes per 1,000 population",
)
ROLLING = Chart(
    ChartKind.LINE,
    "Repeat victimisation rose above the national rate",
    tuple(
        f"{m} {y} - {n} {y + 1}"
        for m, n, y in [
            ("Oct", "Sep", 2012),
            ("Jan", "Dec", 2013),
            ("Apr", "Mar", 2013),
            ("Jul", "Jun", 2013),
            ("Oct", "Sep", 2013),
        ]
    ),
    (
        Series("Southampton", (33.8, 35.1, 36.0, 37.9, 39.2)),
        Series("England and Wales", (37.2, 37.3, 37.5, 37.4, 37.6)),
    ),
    "Repeat victims (%)",
    percent=True,
)
AREAS = (
    "Luton",
    "Eastbourne",
    "Plymouth",
    "Gloucester",
    "Derby",
    "Slough",
    "Hounslow",
    "Reading",
    "Cardiff",
    "Newcastle",
    "Northampton",
    "Leeds",
    "Bristol, City of",
    "Portsmouth",
    "Southampton",
)
RANKING = Chart(
    ChartKind.RANKING,
    "Southampton has the highest rate in its group",
    AREAS,
    (Series("Crimes per 1,000", (65, 67, 76, 76, 79, 81, 81, 85, 91, 92, 94, 97, 102, 104, 109)),),
    "Crimes per 1,000 population",
    highlight=14,
    reference_lines=(("Group average", 86.6), ("Upper limit", 103.5), ("Lower limit", 69.7)),
)
RAG = Chart(
    ChartKind.BARS,
    "Most measures are on track",
    ("Amber", "Green"),
    (Series("Measures", (7, 30)),),
    "Number of measures",
)
SURVEY = Chart(
    ChartKind.BARS,
    "Fewer residents feel safe after dark",
    ("Safe during the day", "Safe after dark"),
    (Series("2014 survey", (92, 61)), Series("2016 survey", (94, 58))),
    "Residents who feel safe (%)",
    percent=True,
)


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG header, failing if the file is not a PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def matches(image: np.ndarray, colour: str) -> np.ndarray:
    """A mask of the pixels that are ``colour`` (anti-aliased edges excluded)."""
    rgb = np.array([int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.all(np.abs(image[..., :3] - rgb) < 2 / 255, axis=-1)


def pixels_of(image: np.ndarray, colour: str) -> np.ndarray:
    """Row indexes (top = 0) of the pixels that are ``colour``."""
    return np.nonzero(matches(image, colour))[0]


@pytest.mark.parametrize(
    "chart", [TOTAL_CRIME, ROLLING, RANKING, RAG, SURVEY], ids=lambda c: c.title[:20]
)
def test_each_kind_draws_a_png_of_the_set_size(chart: Chart, tmp_path: Path) -> None:
    path = tmp_path / "chart.png"
    draw_chart(chart, STYLES, path)
    assert png_size(path) == (WIDTH, HEIGHT)
    # no temporary file left; the vector drawing for the PDF beside the PNG
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.pdf", "chart.png"]


@pytest.mark.parametrize("chart", [TOTAL_CRIME, RANKING, RAG], ids=lambda c: c.kind.value)
def test_matplotlib_draws_each_chart_once_for_both_documents(
    chart: Chart, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF's vector drawing and Word's PNG come from one drawing: drawing every chart twice
    (Agg for the PNG, then the PDF) made a 300-measure report a third slower."""
    from matplotlib.figure import Figure

    draws = []
    original = Figure.draw

    def counted(self: Figure, renderer: object) -> None:
        draws.append(type(renderer).__name__)
        original(self, renderer)

    monkeypatch.setattr(Figure, "draw", counted)
    draw_chart(chart, STYLES, tmp_path / "chart.png")
    assert len(draws) == 1, draws
    # the PNG is that drawing's pixels: mostly the white page, with the chart's own colours
    image = matplotlib.image.imread(tmp_path / "chart.png")
    assert image.shape == (HEIGHT, WIDTH, 3)
    assert matches(image, STYLES.palette.primary).any()


def test_equal_charts_share_one_file_and_distinct_charts_do_not(tmp_path: Path) -> None:
    same_as_rag = Chart(
        ChartKind.BARS,
        "Most measures are on track",
        ("Amber", "Green"),
        (Series("Measures", (7, 30)),),
        "Number of measures",
    )
    paths = draw_charts([RAG, TOTAL_CRIME, same_as_rag, RANKING], STYLES, tmp_path)
    assert len(paths) == 3
    assert paths[same_as_rag] == paths[RAG]
    assert len({paths[RAG], paths[TOTAL_CRIME], paths[RANKING]}) == 3
    drawings = {p.with_suffix(".pdf") for p in paths.values()}
    assert sorted(tmp_path.iterdir()) == sorted({*paths.values(), *drawings})


def test_file_name_follows_the_chart_and_the_styles() -> None:
    assert chart_file_name(RAG, STYLES) == chart_file_name(RAG, load_styles())
    other_dpi = STYLES.__class__(**{**STYLES.__dict__, "chart_dpi": 100})
    assert chart_file_name(RAG, other_dpi) != chart_file_name(RAG, STYLES)
    changed = Chart(
        RAG.kind, RAG.title, RAG.categories, (Series("Measures", (8, 29)),), RAG.y_label
    )
    assert chart_file_name(changed, STYLES) != chart_file_name(RAG, STYLES)


def test_missing_values_and_a_single_series_draw(tmp_path: Path) -> None:
    chart = Chart(
        ChartKind.LINE,
        "Gaps where the data is missing",
        tuple(f"{2014 + i // 4}/{15 + i // 4} Q{i % 4 + 1}" for i in range(12)),
        (Series("Southampton", (5, 6, None, 7, 8, 7, 6, None, None, 9, 10, None)),),
        "Incidents",
    )
    draw_chart(chart, STYLES, tmp_path / "gaps.png")
    assert png_size(tmp_path / "gaps.png") == (WIDTH, HEIGHT)


def test_two_points_and_unusual_glyphs_draw_without_warnings(tmp_path: Path) -> None:
    # pytest turns warnings into errors, so a missing glyph or a mathtext "$" would fail here.
    chart = Chart(
        ChartKind.LINE,
        "Spend per head",
        ("2015/16", "2016/17"),
        (Series("Southampton – café £ ▲", (12.0, 14.0)), Series("Target $ ▼", (13.0, None))),
        "Spend ($ and £ per head)",
        reference_lines=(("Target", 13.5),),
    )
    draw_chart(chart, STYLES, tmp_path / "two.png")
    assert png_size(tmp_path / "two.png") == (WIDTH, HEIGHT)


@pytest.mark.parametrize("own", [0, 7, 14])
def test_ranking_draws_the_own_area_in_primary_and_the_others_muted(
    own: int, tmp_path: Path
) -> None:
    chart = Chart(
        ChartKind.RANKING,
        "Equal rates",
        AREAS,
        (Series("Rate", (80,) * len(AREAS)),),
        "Crimes per 1,000 population",
        highlight=own,
    )
    draw_chart(chart, STYLES, tmp_path / "ranking.png")
    image = matplotlib.image.imread(tmp_path / "ranking.png")
    rows, columns = np.nonzero(matches(image, STYLES.palette.primary))
    assert len(rows) > 1000, "no bar is drawn in the primary colour"
    # A column through the own bar crosses every bar (all the same length): there, the own
    # bar is the one primary run and the others are muted, in order with position 1 at the top.
    column = image[:, int(np.median(columns))]
    primary = np.nonzero(matches(column, STYLES.palette.primary))[0]
    muted = np.nonzero(matches(column, STYLES.palette.muted))[0]
    assert np.all(np.diff(primary) == 1), "the primary colour is on more than one bar"
    bar = len(primary)
    assert len(muted) == pytest.approx((len(AREAS) - 1) * bar, rel=0.05)
    above = np.count_nonzero(muted < primary[0])
    assert above == pytest.approx(own * bar, abs=own + 2)


def test_bars_use_primary_for_one_series_and_the_duo_palette_for_two(tmp_path: Path) -> None:
    draw_chart(RAG, STYLES, tmp_path / "one.png")
    draw_chart(SURVEY, STYLES, tmp_path / "two.png")
    one = matplotlib.image.imread(tmp_path / "one.png")
    two = matplotlib.image.imread(tmp_path / "two.png")
    assert len(pixels_of(one, STYLES.palette.primary)) > 1000
    assert len(pixels_of(one, STYLES.palette.secondary)) == 0
    assert len(pixels_of(two, STYLES.palette.primary)) > 1000
    assert len(pixels_of(two, STYLES.palette.secondary)) > 1000


@pytest.mark.parametrize(
    ("chart", "message"),
    [
        (
            Chart(ChartKind.LINE, "Short", ("Q1", "Q2"), (Series("A", (1.0,)),), "n"),
            "series 'A' has 1 values for 2 categories",
        ),
        (
            Chart(
                ChartKind.RANKING,
                "Two",
                ("A", "B"),
                (Series("x", (1, 2)), Series("y", (1, 2))),
                "n",
            ),
            "a ranking has one series, got 2",
        ),
        (
            Chart(ChartKind.RANKING, "Out", ("A", "B"), (Series("x", (1, 2)),), "n", highlight=2),
            "highlight 2 is not a category",
        ),
        (
            Chart(
                ChartKind.BARS, "Many", ("A",), tuple(Series(str(i), (1,)) for i in range(5)), "n"
            ),
            "has 5 series; at most 4 are drawn",
        ),
    ],
)
def test_a_chart_the_layout_should_never_make_is_refused(
    chart: Chart, message: str, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match=message):
        draw_chart(chart, STYLES, tmp_path / "bad.png")
    assert list(tmp_path.iterdir()) == []
