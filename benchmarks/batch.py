"""The batch benchmark: ``python -m benchmarks.batch`` (options: ``--help``).

``make-report batch`` over a folder of generated partnerships (50 by default, each of 20 to 40
measures, seeded so every run makes the same folder), with an empty cache folder: wall time,
CPU time of all its processes, and peak memory (the processes' proportional set sizes summed,
sampled every half second), with the machine and its load. Then the same folder again with the
cache warm, as a coordinator re-running it would.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

from benchmarks.generate import make_workbook
from benchmarks.run import machine, measure


def write_partnerships(folder: Path, count: int, seed: int = 0) -> int:
    """Write ``count`` partnerships' workbooks to ``folder``; the measures in all."""
    rng = random.Random(seed)
    total = 0
    for number in range(1, count + 1):
        measures = rng.randint(20, 40)
        wb = make_workbook(measures, seed=seed * 1000 + number)
        ws = wb["Settings"]
        for row in ws.iter_rows(min_row=1):
            if row[0].value in ("Partnership", "Published by"):
                row[1].value = f"District {number} Community Safety Partnership"
        wb.save(folder / f"district-{number:02d}.xlsx")
        total += measures
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnerships", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=None, help="make-report batch --jobs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        folder = root / "county"
        folder.mkdir()
        measures = write_partnerships(folder, args.partnerships)
        env = {**os.environ, "XDG_CACHE_HOME": str(root / "cache")}
        command = [sys.executable, "-m", "safecity_reports", "batch", str(folder)]
        command += ["-o", str(root / "out"), "-q"]
        if args.jobs:
            command += ["--jobs", str(args.jobs)]
        load = os.getloadavg()[0]
        cold = measure(command, env=env, sample_every=0.5)  # the cache folder is empty
        warm = measure(command, env=env, sample_every=0.5)
        made = len(list((root / "out").glob("district-*.pdf")))
    print(f"Machine: {machine()}; load {load:.1f} at the start")
    print(f"{args.partnerships} partnerships, {measures} measures; {made} reports made")
    for name, run in (("no cache", cold), ("re-run, cache warm", warm)):
        print(
            f"{name:>20}: {run.seconds:7.1f} s wall, {run.cpu:7.1f} s CPU,"
            f" peak {run.peak_mb:6.0f} MB (all processes)"
        )


if __name__ == "__main__":
    main()
