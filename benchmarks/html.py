"""What the web page costs: ``python -m benchmarks.html`` (options: ``--help``).

For ``inputs/q2.xlsx`` it times ``make-report --no-cache`` writing Word and PDF (``--format
both``) and writing them with the web page (``--format pdf,docx,html``), the two taken in turn
so that the machine's load falls on both alike, and prints the median of each (wall and CPU
time) and what the page adds, as a share of the time without it. The target (issue 28): at most
a tenth more when the page is asked for. When it is not, the charts are drawn and the documents
written as before (no SVG is drawn: ``run.chart_jobs``), so it costs nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.run import ROOT, Run, machine, measure

CASES = {"word and pdf": "both", "word, pdf and html": "pdf,docx,html"}


def make_report(workbook: Path, out: Path, cache: Path, formats: str) -> Run:
    import matplotlib

    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(cache),
        "MPLCONFIGDIR": os.environ.get("MPLCONFIGDIR", matplotlib.get_cachedir()),
    }
    command = [sys.executable, "-m", "safecity_reports.cli", str(workbook), "-o", str(out)]
    return measure([*command, "-q", "--no-cache", "--format", formats], env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each case (median)")
    parser.add_argument("--workbook", type=Path, default=ROOT / "inputs" / "q2.xlsx")
    args = parser.parse_args()
    print(f"Machine: {machine()}")
    print(f"Load average at start: {os.getloadavg()[0]:.2f}", flush=True)
    runs: dict[str, list[Run]] = {name: [] for name in CASES}
    with tempfile.TemporaryDirectory(prefix="safecity-bench-html-") as tmp:
        folder = Path(tmp)
        make_report(args.workbook, folder / "warm-up", folder / "cache", "pdf,docx,html")
        for number in range(args.runs):
            for name, formats in CASES.items():
                out = folder / f"{number}-{formats}"
                runs[name].append(make_report(args.workbook, out, folder / "cache", formats))
    medians = {
        name: (statistics.median(r.seconds for r in done), statistics.median(r.cpu for r in done))
        for name, done in runs.items()
    }
    for name, (seconds, cpu) in medians.items():
        print(f"{args.workbook.name}, {name}: {seconds:.2f} s wall, {cpu:.2f} s CPU")
    (without, without_cpu), (with_page, with_cpu) = medians.values()
    print(
        f"The web page adds {(with_page / without - 1) * 100:+.1f}% wall time and "
        f"{(with_cpu / without_cpu - 1) * 100:+.1f}% CPU time (target: at most +10%)"
    )
    print(f"Load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
