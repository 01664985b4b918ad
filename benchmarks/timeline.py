"""Where one run's time goes: ``python -m benchmarks.timeline WORKBOOK FOLDER``.

Makes the report from WORKBOOK into FOLDER as ``make-report --no-cache`` does, and prints on
standard error a line at each milestone of the run, from every process that reaches one (the
report's, the chart process, the Word process): the wall seconds since the start, the
process, the CPU seconds it has used, the CPU seconds of those its garbage collector took,
and what it reached. Then, for each process, the CPU its
garbage collector took. Everything the processes do runs on the same cores, so the lines
say which process is the longest path and whether the cores are busy to the end::

    0.554  main     0.54    0.02  charts sent (20)
    0.555  chart    0.43    0.00  matplotlib imported, charts received (20)
    1.813  chart    1.52    0.06  all charts drawn

The milestones are found by wrapping a few of the pipeline's functions in this process before
the run (its forked processes inherit them); one timing run perturbs the figures it prints by
a few milliseconds. Compare code versions with pairs (``farm-bench --vs``), not with this.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

START = time.perf_counter()
MAIN = os.getpid()
_NAMES: dict[int, str] = {MAIN: "main"}
_COLLECTING: dict[int, float] = {}
_COLLECTED: dict[int, float] = {}


def mark(what: str, name: str | None = None) -> None:
    """Print a milestone of this process; ``name`` names the process from now on."""
    pid = os.getpid()
    if name is not None:
        _NAMES[pid] = name
    line = (
        f"{time.perf_counter() - START:8.3f}  {_NAMES.get(pid, str(pid)):<5}"
        f"  {time.process_time():6.2f}  {_COLLECTED.get(pid, 0.0):6.2f}  {what}\n"
    )
    # one write, newline and all: the processes write at the same moments (``print`` writes
    # the line and its newline apart, and another process's line came between them)
    sys.stderr.flush()
    os.write(sys.stderr.fileno(), line.encode())


def _marked(function: Callable[..., Any], before: str | None, after: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if before is not None:
            mark(before)
        result = function(*args, **kwargs)
        mark(after)
        return result

    return wrapper


def _collector(phase: str, info: dict[str, int]) -> None:
    pid = os.getpid()
    if phase == "start":
        _COLLECTING[pid] = time.process_time()
    else:
        spent = time.process_time() - _COLLECTING.get(pid, time.process_time())
        _COLLECTED[pid] = _COLLECTED.get(pid, 0.0) + spent


def _said_collected() -> None:
    pid = os.getpid()
    mark(f"garbage collector: {_COLLECTED.get(pid, 0.0):.3f} s of CPU")


def install() -> None:
    """Wrap the pipeline's milestones (see the module). What the run imports only after the
    chart process is forked (openpyxl, the reading, the layout) is wrapped only then, so that
    the chart process is forked as early as in a run without this."""
    import safecity_reports.run.chart_jobs as chart_jobs
    import safecity_reports.run.chart_process as chart_process
    import safecity_reports.run.pipeline as pipeline

    enter = pipeline.Execution.__enter__

    def entered(self: Any) -> Any:
        execution = enter(self)
        _install_after_fork()
        return execution

    pipeline.Execution.__enter__ = entered  # type: ignore[method-assign]
    drawn = chart_process.draw_jobs

    def draw_jobs(*args: Any, **kwargs: Any) -> Iterator[int]:
        count = len(args[0]) if args else 0
        name = "chart" if os.getpid() != MAIN else None
        mark(f"matplotlib imported, charts received ({count})", name=name)
        for done, index in enumerate(drawn(*args, **kwargs), start=1):
            if done == 1:
                mark("first chart drawn")
            yield index
        mark("all charts drawn")
        _said_collected()

    chart_process.draw_jobs = draw_jobs  # type: ignore[assignment]
    chart_jobs.draw_jobs = draw_jobs  # type: ignore[assignment]  # where no process is forked

    send = chart_process.ChartProcess.draw

    def draw(self: Any, jobs: Any, *args: Any, **kwargs: Any) -> Any:
        mark(f"charts sent ({len(jobs)})")
        return send(self, jobs, *args, **kwargs)

    chart_process.ChartProcess.draw = draw  # type: ignore[method-assign]

    renderer = pipeline._renderer

    def documents(fmt: str) -> Any:
        render = renderer(fmt)

        def rendered(*args: Any, **kwargs: Any) -> Any:
            mark(f"{fmt}: begun", name="main" if os.getpid() == MAIN else fmt)
            result = render(*args, **kwargs)
            mark(f"{fmt}: written")
            if os.getpid() != MAIN:
                _said_collected()
            return result

        return rendered

    pipeline._renderer = documents
    gc.callbacks.append(_collector)


def _install_after_fork() -> None:
    from safecity_reports.reading.openpyxl_alone import import_openpyxl

    import_openpyxl()  # first, as the run does: without numpy
    from safecity_reports.layout import report
    from safecity_reports.reading import load, workbook

    mark("chart process forked; reading and layout imported")
    workbook.read = _marked(workbook.read, "reading the workbook", "read")
    report.build_document = _marked(report.build_document, "laying out", "laid out")
    load.check = _marked(load.check, "checking", "checked")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    workbook, folder = argv
    mark("started")
    from safecity_reports.build import build_report

    install()
    mark("imported")
    build_report(Path(workbook), Path(folder), use_cache=False)
    mark("done")
    _said_collected()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
