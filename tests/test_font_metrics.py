"""Each font's height metrics read once (``charts.fitting.font_height_metrics``), not on every
measure of every text: the same numbers matplotlib reads from the font, so the same charts to
the byte, and matplotlib still asks for them."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.font_manager import FontProperties

from safecity_reports.charts import fitting, text_layout
from safecity_reports.charts.drawing import Painter
from safecity_reports.layout.document import Chart, ChartKind, Series
from safecity_reports.styles import load_styles

STYLES = load_styles()
CHARTS = [
    Chart(
        ChartKind.LINE,
        "Anti-social behaviour fell",
        ("2015/16 Q3", "2015/16 Q4", "2016/17 Q1", "2016/17 Q2"),
        (
            Series("Southampton (our area)", (41.2, 39.8, 38.05, 36.9)),
            Series("Most similar group average", (35.0, 34.5, 34.75, 34.1)),
        ),
        "Incidents per 1,000 population",
        reference_lines=(("Target", 37.5),),
    ),
    Chart(
        ChartKind.BARS,
        "Most measures are on track",
        ("Red", "Amber", "Green", "No rating yet"),
        (Series("2016/17 Q1", (3, 8, 25, 1)), Series("2016/17 Q2", (2, 7, 30, 0))),
        "Number of measures",
    ),
]


def _drawn(tmp_path: Path, name: str) -> list[bytes]:
    painter = Painter(STYLES)
    files = []
    for number, chart in enumerate(CHARTS):
        path = tmp_path / f"{name}{number}.png"
        painter.paint(chart, path)
        files += [path.read_bytes(), path.with_suffix(".pdf").read_bytes()]
    return files


def test_charts_are_the_same_to_the_byte_as_measured_by_matplotlib_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = _drawn(tmp_path, "told")
    monkeypatch.setattr(fitting, "FONT_HEIGHT_HOOK", "_not_asked_for")
    assert _drawn(tmp_path, "alone") == told


def test_matplotlib_asks_for_the_metrics(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    asked: list[FontProperties] = []
    metrics = fitting.font_height_metrics

    def counting(prop: FontProperties, dpi: float):  # type: ignore[no-untyped-def]
        asked.append(prop)
        return metrics(prop, dpi)

    monkeypatch.setattr(fitting, "font_height_metrics", counting)
    text_layout.forget()  # texts laid out before are not laid out again (charts.text_layout)
    Painter(STYLES).paint(CHARTS[0], tmp_path / "chart.png")
    assert asked, "matplotlib no longer asks the renderer: each text reads the font again"


def test_the_metrics_are_the_fonts_own() -> None:
    prop = FontProperties(fname=str(STYLES.font_regular), size=12)
    ascent, descent, gap = fitting.font_height_metrics(prop, 72)
    # Liberation Sans: sTypoAscender 1491, sTypoDescender -431, sTypoLineGap 307, 2048 units
    assert (ascent, descent, gap) == pytest.approx(
        (1491 * 12 / 2048, 431 * 12 / 2048, 307 * 12 / 2048)
    )
