"""The fitting's shortcuts change no mark on a chart: each chart of q2 and of the monthly SPC
example (lines, bars, a ranking, XmR charts and a funnel) is the same PDF, to the byte, as
drawn without them.

- ``as_fitted``: an axis with an empty title is drawn without measuring its tick labels again.
- A bar chart's, a ranking's and a funnel's first fit takes one round, the last one settling
  the plot (a fit to the end each time, as before, gives the same chart).
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

import pytest

from safecity_reports.charts import drawing
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.document import Chart, ChartKind
from safecity_reports.layout.report import build_document
from safecity_reports.reading.load import load_report
from safecity_reports.styles import load_styles

STYLES = load_styles()


@functools.cache
def _charts() -> tuple[Chart, ...]:
    charts: list[Chart] = []
    for workbook in ("inputs/q2.xlsx", "inputs/examples/monthly-spc.xlsx"):
        report, _ = load_report(Path(workbook))
        charts += build_document(report, judge(report), date(2016, 11, 1)).charts
    return tuple(dict.fromkeys(charts))


def _drawn(folder: Path, kinds: set[ChartKind]) -> list[bytes]:
    folder.mkdir()
    painter = drawing.Painter(STYLES, raster=False)
    drawn = []
    for number, chart in enumerate(c for c in _charts() if c.kind in kinds):
        path = folder / f"{number}.png"
        painter.paint(chart, path)
        drawn.append(path.with_suffix(".pdf").read_bytes())
    return drawn


def test_the_charts_cover_every_kind() -> None:
    assert {c.kind for c in _charts()} == set(ChartKind)


def test_drawn_as_fitted_or_measured_again_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kinds = set(ChartKind)
    shortcut = _drawn(tmp_path / "as-fitted", kinds)
    monkeypatch.setattr(drawing, "as_fitted", lambda axes: None)
    assert _drawn(tmp_path / "measured-again", kinds) == shortcut


def test_a_first_fit_of_one_round_the_same_as_one_to_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kinds = {ChartKind.BARS, ChartKind.RANKING, ChartKind.FUNNEL}
    one_round = _drawn(tmp_path / "one-round", kinds)
    layout = drawing.layout
    monkeypatch.setattr(drawing, "layout", lambda figure, axes, rounds=4: layout(figure, axes))
    assert _drawn(tmp_path / "to-the-end", kinds) == one_round
