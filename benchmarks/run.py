"""The benchmark: ``python -m benchmarks.run`` (options: ``--help``).

For ``inputs/q2.xlsx`` and for generated workbooks of 30, 300 and 3,000 measures it reports, as
the median of several runs:

- each stage alone (read, validate, status, charts, Word, PDF): wall time and peak memory, from
  ``benchmarks.stages`` run in a fresh process;
- the whole ``make-report`` process with ``--no-cache``, and again with a warm chart cache: wall
  time, CPU time (all its processes) and peak memory (its processes' proportional set sizes
  summed, so pages forked processes share count once; sampled every 20 ms in one more run, as
  sampling slows a run, or every half second in the runs of workbooks of 1,000 measures or more);
- the floor: a bare ``import matplotlib, reportlab, docx, openpyxl`` in a fresh interpreter,
  timed five times at the start and once before each run with no cache (``Floor``);
- the peer: ``soffice --headless --convert-to pdf`` of the .docx that make-report wrote;
- beforehand, the package's bytecode compiled, as an installed copy has it (``compile_package``);

and the ratios of make-report to the floor and to the peer, and of the cost per measure at each
size to the cost per measure at the size before it; then issue 26's targets, each judged where the
run measured what it needs (``benchmarks.targets``). The machine and its load are printed with
the figures, since other work on the machine slows every figure.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import targets
from benchmarks.generate import write_workbook

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("read", "validate", "status", "charts", "word", "pdf")
FLOOR = "import matplotlib, reportlab, docx, openpyxl"

_say = print
"""Where the figures go as they are measured: standard output, or standard error under
``--markdown``, whose standard output is the markdown alone."""


@dataclass
class Run:
    """One process tree's wall time, CPU time and peak memory (proportional set sizes summed)."""

    seconds: float
    cpu: float
    peak_mb: float


@dataclass
class Row:
    name: str
    measures: int
    stages: dict[str, tuple[float, float]] = field(default_factory=dict)
    cold: Run | None = None
    warm: Run | None = None
    peer: float | None = None


def _tree_rss_kb(pid: int) -> int:
    """Memory of ``pid`` and all its descendants, in kB (0 once it has gone): each one's
    proportional set size, which counts a page shared by forked processes once in all, not once
    in each (their resident sizes, where the kernel has no PSS)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            total += _own_kb(current)
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def _own_kb(pid: int) -> int:
    for file, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            lines = Path(f"/proc/{pid}/{file}").read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            if line.startswith(key):
                return int(line.split()[1])
    return 0


def measure(
    command: list[str],
    env: dict[str, str] | None = None,
    timeout: float = 3600,
    sample_every: float | None = None,
) -> Run:
    """Run ``command`` to the end; raise if it fails. Its memory is sampled every
    ``sample_every`` seconds (peak 0 if None): reading the processes' PSS every 20 ms took a
    seventh of a 2-core machine's time on inputs/q2.xlsx, so timed runs are not sampled."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        start_new_session=True,
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        assert sample_every is not None
        while not done.wait(sample_every):
            peak = max(peak, _tree_rss_kb(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if sample_every is not None:
        sampler.start()
    try:
        _, errors = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the command and anything it started
        process.wait()
        raise
    finally:
        done.set()
        if sample_every is not None:
            sampler.join()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {errors.decode(errors='replace')}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(seconds, cpu, peak / 1024)


def median_run(runs: list[Run]) -> Run:
    return Run(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.peak_mb for r in runs),
    )


def stage_times(workbook: Path, folder: Path, runs: int) -> dict[str, tuple[float, float]]:
    import json

    results = []
    for index in range(runs):
        out = folder / f"stages-{index}"
        out.mkdir()
        text = subprocess.run(
            [sys.executable, "-m", "benchmarks.stages", str(workbook), str(out)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
        results.append(json.loads(text))
        shutil.rmtree(out)
    return {
        stage: (
            statistics.median(r[stage]["seconds"] for r in results),
            max(r[stage]["peak_mb"] for r in results),
        )
        for stage in STAGES
    }


def compile_package() -> Path:
    """Compile the package's modules to bytecode (its ``__pycache__``), as ``pip install``
    does, and return its folder.

    Python reads a module's bytecode where it is there and up to date, and compiles the source
    otherwise. An installed copy has it. An editable one (``pip install -e``) writes it on its
    first run, except where the environment sets ``PYTHONDONTWRITEBYTECODE``, as this project's
    development machine does: there every run compiled all 190 modules again, 0.2 s of q2's
    2.5 s of CPU (7 Dec 2026), which no user's run does. The floor's modules are installed, and
    compiled."""
    import compileall

    import safecity_reports

    folder = Path(safecity_reports.__file__).parent
    compileall.compile_dir(folder, quiet=1)
    return folder


def make_report(
    workbook: Path, out: Path, cache: Path, no_cache: bool, sample_every: float | None = None
) -> Run:
    # A fresh XDG_CACHE_HOME would also move matplotlib's font list, which it then rebuilds
    # (about a second): keep matplotlib's cache where it is, as a user's would be.
    import matplotlib

    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(cache),
        "MPLCONFIGDIR": os.environ.get("MPLCONFIGDIR", matplotlib.get_cachedir()),
    }
    command = [sys.executable, "-m", "safecity_reports.cli", str(workbook), "-o", str(out), "-q"]
    return measure(command + (["--no-cache"] if no_cache else []), env, sample_every=sample_every)


def timed_with_peak(
    run: Callable[[float | None], Run],
    runs: int,
    big: bool,
    beside: Callable[[], object] = lambda: None,
) -> Run:
    """The median of ``runs`` unsampled runs, with the peak memory of one more run sampled every
    20 ms; for a big workbook, ``runs`` runs sampled every half second (its peaks last seconds,
    and a run is minutes long). ``beside`` is called before each timed run (the floor, timed
    in turn with the runs it is a ratio of)."""

    def timed(every: float | None) -> Run:
        beside()
        return run(every)

    if big:
        return median_run([timed(0.5) for _ in range(runs)])
    median = median_run([timed(None) for _ in range(runs)])
    return Run(median.seconds, median.cpu, run(0.02).peak_mb)


class Floor:
    """The floor's timings through the run: five at its start, then one before each run of
    make-report with no cache. The machine's speed moves by a fifth or more within minutes
    (the floor took 0.24 s and 0.46 s in one hour), so a floor timed only at the start would
    be a ratio's denominator measured at another speed than its numerator."""

    def __init__(self) -> None:
        self.timings: list[float] = []

    def time(self) -> None:
        self.timings.append(measure([sys.executable, "-c", FLOOR]).seconds)

    @property
    def seconds(self) -> float:
        """The median of the timings so far."""
        return statistics.median(self.timings)


def soffice(docx: Path, folder: Path, profile: Path, timeout: float) -> float | None:
    """Seconds LibreOffice takes to convert ``docx`` to PDF (None if it is not installed)."""
    binary = shutil.which("soffice")
    if binary is None:
        return None
    command = [
        binary,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(docx),
    ]
    try:
        return measure(command, timeout=timeout).seconds
    except subprocess.TimeoutExpired:
        return timeout  # at least this long: reported as "> timeout"


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    memory = next(
        (
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    return (
        f"{model}, {os.cpu_count()} cores, {memory / 1024:.0f} GB; "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="*",
        default=[30, 300, 3000],
        help="numbers of measures of the generated workbooks",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs of each timing (median)")
    parser.add_argument(
        "--big-runs", type=int, default=1, help="runs for workbooks of 1,000 measures or more"
    )
    parser.add_argument("--no-q2", action="store_true", help="leave inputs/q2.xlsx out")
    parser.add_argument("--no-peer", action="store_true", help="do not time LibreOffice")
    parser.add_argument("--peer-timeout", type=float, default=1800)
    parser.add_argument(
        "--markdown",
        action="store_true",
        help="print the results as markdown (date, machine, command, tables) on standard output,"
        " for docs/performance.md; the figures as they are measured go to standard error",
    )
    args = parser.parse_args()
    global _say
    if args.markdown:
        _say = functools.partial(print, file=sys.stderr)

    started = datetime.date.today()
    load_at_start = os.getloadavg()[0]
    _say(f"Machine: {machine()}")
    _say(f"Bytecode compiled, as pip compiles it when it installs: {compile_package()}")
    _say(f"Load average at start: {load_at_start:.2f}", flush=True)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="safecity-bench-") as tmp:
        folder = Path(tmp)
        floor = Floor()
        for _ in range(max(5, args.runs)):
            floor.time()
        _say(f"Floor ({FLOOR}): {floor.seconds:.3f} s", flush=True)
        profile = folder / "lo-profile"
        workbooks: list[tuple[str, Path, int]] = []
        if not args.no_q2:
            workbooks.append(("inputs/q2.xlsx", ROOT / "inputs" / "q2.xlsx", 0))
        for size in args.sizes:
            path = write_workbook(folder / f"bench-{size}.xlsx", size)
            workbooks.append((f"{size} measures", path, size))
        for name, path, size in workbooks:
            runs = args.big_runs if size >= 1000 else args.runs
            row = Row(name, size or _measure_count(path))
            work = folder / name.replace("/", "-").replace(" ", "-")
            work.mkdir()
            row.stages = stage_times(path, work, runs)
            _say(
                f"{name}: "
                + ", ".join(
                    f"{s} {row.stages[s][0]:.2f} s / {row.stages[s][1]:.0f} MB" for s in STAGES
                ),
                flush=True,
            )
            fresh = iter(range(1000))
            row.cold = timed_with_peak(
                lambda every, path=path, work=work, fresh=fresh: make_report(
                    path, work / "out", work / f"cold-cache-{next(fresh)}", True, every
                ),
                runs,
                big=size >= 1000,
                beside=floor.time,
            )
            _say(
                f"{name}: make-report --no-cache {row.cold.seconds:.2f} s, CPU "
                f"{row.cold.cpu:.2f} s, peak {row.cold.peak_mb:.0f} MB",
                flush=True,
            )
            make_report(path, work / "out", work / "cache", no_cache=False)  # fills the cache
            row.warm = timed_with_peak(
                lambda every, path=path, work=work: make_report(
                    path, work / "out", work / "cache", False, every
                ),
                runs,
                big=size >= 1000,
            )
            _say(
                f"{name}: make-report, cache warm {row.warm.seconds:.2f} s, CPU "
                f"{row.warm.cpu:.2f} s, peak {row.warm.peak_mb:.0f} MB",
                flush=True,
            )
            if not args.no_peer:
                docx = work / "out" / f"{path.stem}.docx"
                if not (profile.exists()):  # LibreOffice's first start makes its profile
                    soffice(docx, work / "peer", profile, args.peer_timeout)
                times = [
                    soffice(docx, work / "peer", profile, args.peer_timeout) for _ in range(runs)
                ]
                row.peer = (
                    statistics.median(t for t in times if t is not None)
                    if all(t is not None for t in times)
                    else None
                )
            rows.append(row)
            shutil.rmtree(work, ignore_errors=True)
            _print_row(row, floor.seconds)
    load_at_end = os.getloadavg()[0]
    _say(
        f"Floor, {len(floor.timings)} timings through the run: median {floor.seconds:.3f} s"
        f" ({min(floor.timings):.3f} to {max(floor.timings):.3f} s)"
    )
    _say(f"Load average at end: {load_at_end:.2f}")
    if args.markdown:
        command = " ".join(["python -m benchmarks.run", *sys.argv[1:]])
        loads = (load_at_start, load_at_end)
        print(_markdown(rows, floor.seconds, started, machine(), command, loads))
    else:
        _print_tables(rows, floor.seconds)


def _measure_count(path: Path) -> int:
    from safecity_reports.reading.load import load_report

    return len(load_report(path)[0].measures)


def _print_row(row: Row, floor: float) -> None:
    assert row.cold is not None and row.warm is not None
    peer = f", LibreOffice {row.peer:.2f} s" if row.peer else ""
    _say(
        f"{row.name}: make-report {row.cold.seconds:.2f} s ({row.cold.seconds / floor:.1f}x "
        f"floor), warm {row.warm.seconds:.2f} s{peer}",
        flush=True,
    )


def _print_tables(rows: list[Row], floor: float) -> None:
    print("\nStages (median wall seconds; peak MB):\n")
    print("| workbook | " + " | ".join(STAGES) + " |")
    print("|---|" + "---|" * len(STAGES))
    for row in rows:
        cells = [f"{row.stages[s][0]:.2f} s, {row.stages[s][1]:.0f} MB" for s in STAGES]
        print(f"| {row.name} | " + " | ".join(cells) + " |")
    print(f"\nWhole make-report process (floor {floor:.2f} s):\n")
    print(
        "| workbook | measures | no cache | CPU | peak MB | x floor | LibreOffice | x peer "
        "| cache warm | x floor | ms per measure |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        assert row.cold is not None and row.warm is not None
        peer = f"{row.peer:.2f} s" if row.peer else "-"
        vs_peer = f"{row.cold.seconds / row.peer:.2f}" if row.peer else "-"
        print(
            f"| {row.name} | {row.measures} | {row.cold.seconds:.2f} s | {row.cold.cpu:.2f} s "
            f"| {row.cold.peak_mb:.0f} | {row.cold.seconds / floor:.1f} | {peer} | {vs_peer} "
            f"| {row.warm.seconds:.2f} s | {row.warm.seconds / floor:.1f} "
            f"| {1000 * row.cold.seconds / row.measures:.0f} |"
        )
    sized = [r for r in rows if r.cold is not None and not r.name.startswith("inputs")]
    for smaller, larger in zip(sized, sized[1:], strict=False):
        assert smaller.cold is not None and larger.cold is not None
        ratio = (larger.cold.seconds / larger.measures) / (smaller.cold.seconds / smaller.measures)
        print(f"\nCost per measure at {larger.measures} / at {smaller.measures}: {ratio:.2f}")
    print("\nAgainst issue 26's targets, in this run:\n")
    print("\n".join(targets.markdown(targets.judged(rows, floor))))


def _markdown(
    rows: list[Row],
    floor: float,
    day: datetime.date,
    on: str,
    command: str,
    loads: tuple[float, float],
) -> str:
    """The run's results as markdown: what was measured, where and when, then the tables."""
    lines = [
        f"Measured on {day:%d %b %Y} with `{command}` on {on}; load average"
        f" {loads[0]:.1f} at the start and {loads[1]:.1f} at the end. The floor (a fresh"
        f" interpreter's `{FLOOR}`) took {floor:.2f} s, the median of its timings through the run"
        " (five at the start, one before each run with no cache). Times are wall seconds, medians"
        " of the runs; memory is the peak of all the run's processes together.",
        "",
        "The whole `make-report` (both documents):",
        "",
        "| workbook | measures | no cache | CPU | peak memory | x floor | LibreOffice alone"
        " | x LibreOffice | unchanged re-run | x floor | ms a measure |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        assert row.cold is not None and row.warm is not None
        peer = f"{row.peer:.2f} s" if row.peer else "not timed"
        vs_peer = f"{row.cold.seconds / row.peer:.2f}" if row.peer else "-"
        lines.append(
            f"| {row.name} | {row.measures} | {row.cold.seconds:.2f} s | {row.cold.cpu:.2f} s"
            f" | {row.cold.peak_mb:.0f} MB | {row.cold.seconds / floor:.1f} | {peer}"
            f" | {vs_peer} | {row.warm.seconds:.2f} s | {row.warm.seconds / floor:.2f}"
            f" | {1000 * row.cold.seconds / row.measures:.0f} |"
        )
    lines += [
        "",
        "Each stage alone, in a fresh process (wall seconds; peak memory):",
        "",
        "| workbook | " + " | ".join(STAGES) + " |",
        "| --- |" + " ---: |" * len(STAGES),
    ]
    for row in rows:
        cells = [f"{row.stages[s][0]:.2f} s, {row.stages[s][1]:.0f} MB" for s in STAGES]
        lines.append(f"| {row.name} | " + " | ".join(cells) + " |")
    sized = [r for r in rows if r.cold is not None and not r.name.startswith("inputs")]
    for smaller, larger in zip(sized, sized[1:], strict=False):
        assert smaller.cold is not None and larger.cold is not None
        ratio = (larger.cold.seconds / larger.measures) / (smaller.cold.seconds / smaller.measures)
        lines += ["", f"Cost per measure at {larger.measures} / at {smaller.measures}: {ratio:.2f}"]
    lines += ["", "Against issue 26's targets, in this run:", ""]
    lines += targets.markdown(targets.judged(rows, floor))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
