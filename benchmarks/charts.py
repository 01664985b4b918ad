"""CPU time of drawing a workbook's charts in one process, as the chart process draws them:
``python -m benchmarks.charts WORKBOOK FOLDER [--passes N]``.

Each distinct chart of the report is drawn to its PDF (no PNG: Word makes its own) by one
``Painter``, with what the drawing imported frozen out of the garbage collector's way and each
chart's garbage collected at its end (``run.collector.OneAtATime``), as in the chart process;
the best of ``passes`` passes is printed as one JSON object: the number of charts and the
milliseconds of CPU a chart. The PDFs are left in FOLDER, so two versions of the code can be
compared chart by chart (``cmp``). Run two versions in turn (``PYTHONPATH=...``), several times
each, and compare the times pair by pair: a loaded machine moves them.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from datetime import date
from pathlib import Path


def draw(workbook: Path, folder: Path, passes: int = 1) -> dict[str, float]:
    """Draw ``workbook``'s charts into ``folder`` ``passes`` times; the best pass's CPU."""
    from safecity_reports.charts.drawing import Painter
    from safecity_reports.core.verdicts import judge
    from safecity_reports.layout.report import build_document
    from safecity_reports.reading.load import load_report
    from safecity_reports.run.chart_jobs import draw_jobs
    from safecity_reports.styles import load_styles

    report, _ = load_report(workbook)
    charts = list(dict.fromkeys(build_document(report, judge(report), date(2016, 11, 1)).charts))
    styles = load_styles()
    painter = Painter(styles, raster=False)
    folder.mkdir(parents=True, exist_ok=True)
    gc.freeze()
    best = float("inf")
    for _ in range(passes):
        started = time.process_time()
        jobs = [(chart, folder / f"{number:04d}.png") for number, chart in enumerate(charts)]
        for _index in draw_jobs(jobs, styles, workers=1, painter=painter):
            pass
        best = min(best, time.process_time() - started)
    return {"charts": len(charts), "ms_per_chart": round(best * 1000 / max(len(charts), 1), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workbook", type=Path)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--passes", type=int, default=1)
    arguments = parser.parse_args()
    print(json.dumps(draw(arguments.workbook, arguments.folder, arguments.passes)))


if __name__ == "__main__":
    main()
