"""The chart process imports what drawing a chart uses: fontTools' subsetter, which matplotlib's
PDF backend imports for TrueType (Type 42) fonts, is left unloaded, since charts embed their
fonts as Type 3 (anything that does use it still finds it, loaded then); pdfium, which makes
Word's pictures in the Word document's process, is not imported."""

from __future__ import annotations

import subprocess
import sys

PROGRAM = """
import sys, types
from pathlib import Path
from safecity_reports.layout.document import Chart, ChartKind, Series
from safecity_reports.charts.drawing import Painter
from safecity_reports.styles import load_styles

chart = Chart(
    ChartKind.BARS,
    "Arrests rose in every area",
    ("North", "South"),
    (Series("2015/16", (12.5, 30.0)), Series("2016/17", (14.0, 33.5))),
    "Arrests per 1,000 population",
)
Painter(load_styles(), raster=False).paint(chart, Path(sys.argv[1]) / "chart.png")
assert Path(sys.argv[1], "chart.pdf").stat().st_size > 0
assert "matplotlib.backends.backend_pdf" in sys.modules
assert "pypdfium2" not in sys.modules, "imported by the chart process"
assert type(sys.modules["fontTools.subset"]) is not types.ModuleType, "loaded, though unused"
from fontTools import subset
assert subset.Subsetter is not None  # loaded when used
assert type(sys.modules["fontTools.subset"]) is types.ModuleType
"""


def test_a_chart_is_drawn_without_the_font_subsetter_or_pdfium(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(tmp_path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
