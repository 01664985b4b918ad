"""Charts of every kind drawn to PDF bytes, for tests that a shortcut in the chart process
changes no byte of a chart: q2's charts (lines, bars, a ranking) and the monthly SPC example's
(XmR charts and a funnel)."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from typing import Any

from safecity_reports.charts import drawing
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.document import Chart
from safecity_reports.layout.report import build_document
from safecity_reports.reading.load import load_report
from safecity_reports.styles import load_styles

WORKBOOKS = ("inputs/q2.xlsx", "inputs/examples/monthly-spc.xlsx")


@functools.cache
def charts() -> tuple[Chart, ...]:
    """Each distinct chart of ``WORKBOOKS``, in the order the reports draw them."""
    found: list[Chart] = []
    for workbook in WORKBOOKS:
        report, _ = load_report(Path(workbook))
        found += build_document(report, judge(report), date(2016, 11, 1)).charts
    return tuple(dict.fromkeys(found))


def drawn(folder: Path) -> list[bytes]:
    """Each of ``charts()``'s PDF and SVG (the web page's), drawn by one painter into
    ``folder`` (made here)."""
    folder.mkdir()
    painter = drawing.Painter(load_styles(), svg=True, raster=False)
    files = []
    for number, chart in enumerate(charts()):
        path = folder / f"{number}.png"
        painter.paint(chart, path)
        files += [path.with_suffix(".pdf").read_bytes(), path.with_suffix(".svg").read_bytes()]
    return files


def drawn_with_and_without(step: Any, folder: Path) -> tuple[list[bytes], list[bytes]]:
    """``drawn`` with the chart step ``step`` (a module with ``install`` and ``uninstall``) in
    place, then without it; it is put back however the second drawing ends."""
    kept = drawn(folder / "kept")
    step.uninstall()
    try:
        alone = drawn(folder / "alone")
    finally:
        assert step.install()
    return kept, alone
