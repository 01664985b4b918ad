"""Output safety: caches that cannot lie, two documents that are always a pair, runs at once
that never mix, signals that leave nothing behind, and one line for every failure of the system."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
import uuid
import zipfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import docx
import pytest

from fixtures.workbooks import save, set_cell, valid_workbook
from safecity_reports.build import build_report
from safecity_reports.charts import drawing as chart_drawing
from safecity_reports.png import is_whole_png
from safecity_reports.render.pdf import document as render_pdf
from safecity_reports.run import pipeline
from safecity_reports.run.forked import fork_available

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2016, 10, 31)


def workbook_with(folder: Path, figure: int) -> Path:
    """A valid ``q2.xlsx`` in ``folder`` whose latest figure is ``figure`` per cent."""
    wb = valid_workbook()
    set_cell(wb, "Data", 3, "Actual", figure)
    folder.mkdir(parents=True, exist_ok=True)
    return save(wb, folder)


def text_of(path: Path) -> str:
    """A document's text (python-docx for Word, pdftotext for the PDF)."""
    if path.suffix == ".docx":
        return " ".join(p.text for p in docx.Document(str(path)).paragraphs)
    run = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return run.stdout.replace("\n", " ")


def figures_in(out: Path) -> tuple[str, str]:
    """The latest figure as each document states it (docx, pdf)."""
    return (_figure(text_of(out / "q2.docx")), _figure(text_of(out / "q2.pdf")))


def _figure(text: str) -> str:
    found = [figure for figure in ("73", "89") if f"to {figure}% in" in text]
    assert len(found) == 1, text[:300]
    return found[0]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home / "safecity-reports"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = pipeline._renderer

    def renderer(fmt: str):  # type: ignore[no-untyped-def]
        draw = real(fmt)

        def counting(*args: object, **kwargs: object) -> None:
            calls.append(fmt)
            draw(*args, **kwargs)

        return counting

    monkeypatch.setattr(pipeline, "_renderer", renderer)
    return calls


def cli(*args: object, cwd: Path | None = None, env: dict[str, str] | None = None, **popen):  # type: ignore[no-untyped-def]
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    command = [sys.executable, "-m", "safecity_reports", *map(str, args)]
    return subprocess.Popen(
        command,
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def finished(run: subprocess.Popen) -> int:  # type: ignore[type-arg]
    _stdout, stderr = run.communicate(timeout=120)
    assert run.returncode == 0, stderr
    return run.returncode


def hidden(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith("."))


# Caches that cannot lie


def _zero_4k(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes(4096) + data[middle + 4096 :]


def _damage_a_part(data: bytes) -> bytes:
    at = data.index(b"word/document.xml") + 200
    return data[:at] + bytes(b ^ 0xFF for b in data[at : at + 64]) + data[at + 64 :]


@pytest.mark.parametrize(
    ("fmt", "damage"), [("pdf", _zero_4k), ("docx", _damage_a_part)], ids=["pdf", "docx"]
)
def test_a_damaged_cached_document_is_removed_and_made_again(
    tmp_path, cache_home, counted, fmt, damage
):
    workbook = workbook_with(tmp_path / "in", 73)
    build_report(workbook, tmp_path / "a", formats=(fmt,), today=DAY)
    (entry,) = (cache_home / "documents").iterdir()
    entry.write_bytes(damage(entry.read_bytes()))
    build_report(workbook, tmp_path / "b", formats=(fmt,), today=DAY)
    assert counted == [fmt, fmt]
    assert _figure(text_of(tmp_path / "b" / f"q2.{fmt}")) == "73"
    assert list((cache_home / "documents").iterdir()) == [entry]  # made again, and whole
    if fmt == "docx":
        assert zipfile.ZipFile(tmp_path / "b" / "q2.docx").testzip() is None


@pytest.mark.parametrize(
    "damage",
    [lambda d: d[: len(d) // 2], lambda d: d[:500] + bytes([d[500] ^ 1]) + d[501:]],
    ids=["cut-in-half", "one-flipped-byte"],
)
def test_a_damaged_cached_chart_is_drawn_again(tmp_path, cache_home, damage):
    workbook = workbook_with(tmp_path / "in", 73)
    build_report(workbook, tmp_path / "a", today=DAY)
    charts = sorted((cache_home / "charts").glob("chart-*.png"))
    for chart in charts:
        chart.write_bytes(damage(chart.read_bytes()))
    for entry in (cache_home / "documents").iterdir():
        entry.unlink()
    build_report(workbook, tmp_path / "b", today=DAY)
    assert all(is_whole_png(chart.read_bytes()) for chart in charts)
    assert figures_in(tmp_path / "b") == ("73", "73")


def test_a_full_cache_is_no_error(tmp_path, cache_home, monkeypatch):
    paint = chart_drawing.Painter.paint

    def full(self, chart, path):  # type: ignore[no-untyped-def]
        if str(cache_home) in str(path):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        paint(self, chart, path)

    monkeypatch.setattr(chart_drawing.Painter, "paint", full)
    real_write = Path.write_bytes

    def full_documents(self, data):  # type: ignore[no-untyped-def]
        if str(cache_home) in str(self):
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", full_documents)
    workbook = workbook_with(tmp_path / "in", 73)
    result = build_report(workbook, tmp_path / "out", today=DAY)
    assert figures_in(tmp_path / "out") == ("73", "73")
    assert not result.copied
    assert not list((cache_home / "documents").iterdir())


# Two documents that are always a pair


def _last_good(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "q2.docx").write_bytes(b"last good docx")
    (out / "q2.pdf").write_bytes(b"last good pdf")


def test_a_read_only_pdf_with_the_report_cached_leaves_the_pair(tmp_path, cache_home, make_report):
    workbook = workbook_with(tmp_path / "in", 73)
    assert make_report(workbook, "-o", tmp_path / "first").exit_code == 0  # now cached
    out = tmp_path / "out"
    _last_good(out)
    (out / "q2.pdf").chmod(0o444)
    result = make_report(workbook, "-o", out)
    assert result.exit_code == 2
    assert (out / "q2.docx").read_bytes() == b"last good docx"
    assert sorted(p.name for p in out.iterdir()) == ["q2.docx", "q2.pdf"]


@pytest.mark.parametrize("cached", [False, True], ids=["made", "copied"])
def test_a_report_open_in_word_leaves_the_pair_as_it_was(
    tmp_path, cache_home, make_report, monkeypatch, cached
):
    workbook = workbook_with(tmp_path / "in", 73)
    if cached:
        assert make_report(workbook, "-o", tmp_path / "first").exit_code == 0
    out = tmp_path / "out"
    _last_good(out)
    real_replace = os.replace

    def locked(src, dst):  # type: ignore[no-untyped-def]
        if Path(dst) == out / "q2.pdf":  # Windows will not replace a file open in a program
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    result = make_report(workbook, "-o", out)
    assert result.exit_code == 2
    (line,) = result.output.splitlines()
    assert line.endswith("close q2.pdf in Word, or choose another folder")
    assert (out / "q2.docx").read_bytes() == b"last good docx"
    assert (out / "q2.pdf").read_bytes() == b"last good pdf"
    assert hidden(out) == []


# One line for every failure of the system


def _raise_on_pdf(code: int):  # type: ignore[no-untyped-def]
    def write(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return write


@pytest.mark.parametrize(
    ("code", "advice"),
    [
        (errno.ENOSPC, "the disk is full; free some space or choose another folder with -o"),
        (errno.EROFS, "the disk is read-only; choose another folder with -o"),
        (errno.EACCES, "permission denied; choose a folder you may write to with -o"),
    ],
)
def test_a_failure_writing_the_report_is_one_line(tmp_path, make_report, monkeypatch, code, advice):
    monkeypatch.setattr(render_pdf, "write_pdf", _raise_on_pdf(code))
    workbook = workbook_with(tmp_path / "in", 73)
    out = tmp_path / "out"
    _last_good(out)
    result = make_report(workbook, "-o", out, "--no-cache")
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"Error: cannot write {out}: {advice}"]
    assert (out / "q2.docx").read_bytes() == b"last good docx"
    assert (out / "q2.pdf").read_bytes() == b"last good pdf"
    assert hidden(out) == []


def test_an_output_folder_through_a_file_is_one_line(tmp_path, make_report):
    workbook = workbook_with(tmp_path / "in", 73)
    (tmp_path / "afile").write_text("in the way")
    result = make_report(workbook, "-o", tmp_path / "afile" / "sub")
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"Error: cannot write {tmp_path / 'afile' / 'sub'}: part of the path is a file, not a "
        "folder; choose another folder with -o"
    ]


def test_a_name_too_long_is_one_line(tmp_path, make_report):
    workbook = workbook_with(tmp_path / "in", 73)
    result = make_report(workbook, "-o", tmp_path / ("x" * 300))
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"Error: cannot write {tmp_path / ('x' * 300)}: the name is too long; choose a shorter "
        "folder or workbook name"
    ]


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS])
def test_the_default_out_in_a_read_only_folder_is_one_line(
    tmp_path, make_report, monkeypatch, code
):
    workbook = workbook_with(tmp_path / "in", 73)
    monkeypatch.chdir(tmp_path / "in")
    real_mkdir = Path.mkdir

    def read_only(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.name == "out":  # as root, chmod cannot make a folder read-only: pretend
            raise OSError(code, os.strerror(code), str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", read_only)
    result = make_report(workbook)
    assert result.exit_code == 2
    (line,) = result.output.splitlines()
    assert line.startswith("Error: cannot write out: ")
    assert not (tmp_path / "in" / "out").exists()


# Leftovers of a killed run


def test_the_leftovers_of_a_killed_run_are_removed_by_the_next(tmp_path, make_report):
    workbook = workbook_with(tmp_path / "in", 73)
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    pid = int(dead.stdout)
    left = [out / f".q2.safecity-{pid}-abcd_123.pdf", out / f".q2.safecity-{pid}-xyz98765.docx"]
    running = out / f".q2.safecity-{os.getppid()}-running.pdf"  # another run, still going
    mine = out / ".q2-notes.pdf"  # not ours
    for path in (*left, running, mine):
        path.write_bytes(b"partial")
    assert make_report(workbook, "-o", out).exit_code == 0
    assert hidden(out) == sorted([running.name, mine.name])


# Processes that die with their parent


@pytest.mark.skipif(not fork_available(), reason="processes cannot be forked here")
def test_the_chart_process_ends_when_the_report_is_killed(tmp_path):
    script = (
        "import os, sys, time\n"
        "from safecity_reports.run.chart_process import ChartProcess\n"
        "from safecity_reports.styles import load_styles\n"
        "p = ChartProcess.start(load_styles())\n"
        "print(p.process.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    parent = subprocess.Popen(
        [sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True
    )
    child = int(parent.stdout.readline())  # type: ignore[union-attr]
    parent.kill()
    parent.communicate()
    deadline = time.monotonic() + 5
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(child)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _marked(mark: str) -> list[int]:
    """The running processes whose environment holds ``mark`` (a run and all it forked)."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if mark.encode() in environ.read_bytes() and _running(int(environ.parent.name)):
                found.append(int(environ.parent.name))
        except (OSError, ValueError):
            continue
    return found


# Signals


def _before_python_started(stderr: str, returncode: int | None = None) -> bool:
    """Whether the run was stopped while Python itself started (its site module, before any
    line of ours could take the signal): on a loaded machine that can last past 0.1 s. A SIGINT
    that arrives before Python installs its own handler ends the process as the signal's default
    does: killed by it (-2), having printed nothing."""
    if returncode == -signal.SIGINT and not stderr.strip():
        return True
    return stderr.startswith("Fatal Python error: init_import_site")


def _kill_at(tmp_path: Path, signum: int, delay: float) -> None:
    """Start a run over a last good report, send ``signum`` after ``delay`` seconds, and check
    that it leaves no process, no temporary file (after the next run, for SIGKILL) and the
    report whole: either the last one or the new one, as a pair."""
    out = tmp_path / "out"
    first = workbook_with(tmp_path / "first", 73)
    second = workbook_with(tmp_path / "second", 89)
    assert finished(cli(first, "-o", out, "-q")) == 0
    mark = f"SAFECITY_TEST_RUN={uuid.uuid4().hex}"
    name, value = mark.split("=")
    run = cli(second, "-o", out, "-q", "--no-cache", env={name: value})
    time.sleep(delay)
    run.send_signal(signum)
    try:
        _stdout, stderr = run.communicate(timeout=30)
    except subprocess.TimeoutExpired as exc:
        # ended here, so that the next test does not fail on this one's process left running
        run.kill()
        run.communicate()
        pytest.fail(f"the run did not end within 30 s of {signum!r}; it printed {exc.stderr!r}")
    deadline = time.monotonic() + 5
    while _marked(mark) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _marked(mark) == []
    started = not _before_python_started(stderr, run.returncode)
    if signum == signal.SIGINT and started:
        # taken from the first line of __main__ on: never Python's own KeyboardInterrupt
        assert run.returncode in (0, 130), stderr
    if run.returncode != 0 and started:
        assert run.returncode in (-signum, 128 + signum), stderr
        if run.returncode == 128 + signum:  # not -signum: killed as Python started, before any work
            assert stderr.splitlines() == [
                f"Error: stopped by {signal.Signals(signum).name}; "
                "the report there before is left as it was"
            ]
    pair = figures_in(out)
    assert pair[0] == pair[1]
    if signum == signal.SIGKILL:
        assert finished(cli(first, "-o", out, "-q")) == 0
    assert hidden(out) == []


@pytest.mark.parametrize(
    ("signum", "delay"),
    [(signal.SIGTERM, 0.8), (signal.SIGHUP, 1.2), (signal.SIGKILL, 1.0), (signal.SIGINT, 1.3)],
    ids=["SIGTERM", "SIGHUP", "SIGKILL", "SIGINT"],
)
def test_a_run_stopped_by_a_signal_leaves_nothing(tmp_path, signum, delay):
    _kill_at(tmp_path, signum, delay)


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.1 + 0.2 * n for n in range(10)])
@pytest.mark.parametrize(
    "signum",
    [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL, signal.SIGINT],
    ids=lambda signum: signal.Signals(signum).name,
)
def test_a_run_stopped_at_any_moment_leaves_nothing(tmp_path, signum, delay):
    _kill_at(tmp_path, signum, delay)


# Runs at once


def _runs_at_once(tmp_path: Path, runs: int, at_once: int) -> None:
    """``runs`` runs of two different workbooks both named q2.xlsx into one folder, with one
    cache, ``at_once`` at a time: the pair left is always one run's, and each workbook run alone
    afterwards (copied from the cache) gets its own figures."""
    workbooks = {"73": workbook_with(tmp_path / "a", 73), "89": workbook_with(tmp_path / "b", 89)}
    out = tmp_path / "out"
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    order = [workbooks["73"] if n % 2 == 0 else workbooks["89"] for n in range(runs)]

    def one(workbook: Path) -> int:
        run = cli(workbook, "-o", out, "-q", env=env)
        _stdout, stderr = run.communicate(timeout=120)
        return run.returncode if run.returncode == 0 else stderr

    with ThreadPoolExecutor(at_once) as pool:
        assert list(pool.map(one, order)) == [0] * runs
    pair = figures_in(out)
    assert pair[0] == pair[1]
    assert hidden(out) == []
    for figure, workbook in workbooks.items():
        run = cli(workbook, "-o", out, env=env)
        stdout, stderr = run.communicate(timeout=60)
        assert run.returncode == 0, stderr
        assert figures_in(out) == (figure, figure)


def test_two_workbooks_of_one_name_run_at_once_never_mix(tmp_path):
    _runs_at_once(tmp_path, runs=4, at_once=2)


@pytest.mark.slow
def test_twenty_runs_ten_at_once_never_mix(tmp_path):
    _runs_at_once(tmp_path, runs=20, at_once=10)


def test_a_stop_re_raised_by_a_library_with_its_own_message_keeps_its_signal() -> None:
    # reportlab's paragraph parser re-raises what interrupts it as type(exc)(message): a SIGTERM
    # arriving while it parsed once became a ValueError and a traceback
    import signal as signals

    from safecity_reports.run.signals import Stopped

    again = Stopped("\nparagraph text '<para>1.2</para>' caused exception SIGHUP")
    assert (again.signum, again.name) == (signals.SIGHUP, "SIGHUP")
    assert Stopped(signals.SIGTERM).name == "SIGTERM"


def test_a_stop_while_charts_are_still_written_is_a_stop_not_a_folder_error(tmp_path, monkeypatch):
    """Stopped while the chart process still writes into the run's chart folder: the process is
    ended before the folder is removed, so the user sees the stop, never "cannot write
    /tmp/safecity-charts-...: Directory not empty" (which the slow kill test once caught)."""
    import threading

    from safecity_reports.run.signals import Stopped
    from safecity_reports.styles import load_styles

    class Writer:
        """Stands in for the chart process: writes files into the folder until stopped."""

        def __init__(self, folder: Path):
            self.running = True
            self.thread = threading.Thread(target=self._write, args=(folder,), daemon=True)
            self.thread.start()

        def _write(self, folder: Path) -> None:
            n = 0
            while self.running:
                (folder / f"chart-{n}.png").write_bytes(b"x")
                n += 1

        def stop(self) -> None:
            self.running = False
            self.thread.join()

    def stopped_mid_drawing(self, document, temps, names, folder, cache, checks):
        self.chart_process = Writer(folder)
        time.sleep(0.05)
        raise Stopped(signal.SIGTERM)

    monkeypatch.setattr(pipeline.Execution, "_draw_and_write", stopped_mid_drawing)
    execution = pipeline.Execution(load_styles(), use_cache=False)
    with pytest.raises(Stopped):
        execution._make(None, {}, "q2.pdf", lambda: None)
    assert execution.chart_process is None


# Every stop and failure is one line (issue 27)


def _limited(size: int):  # type: ignore[no-untyped-def]
    """Files this run writes may grow to ``size`` bytes: a disk that fills part-way."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


@pytest.mark.parametrize("size", [300_000, 800_000], ids=["both", "word"])
def test_a_disk_that_fills_part_way_is_one_line_and_no_traceback(tmp_path, size):
    """A document cut off part-way: one line, never "Exception ignored in: <function
    ZipFile.__del__>" and its traceback (a zip file open on the full disk, closed later)."""
    workbook = tmp_path / "q2.xlsx"  # q2's documents: Word about 1 MB, the PDF about 650 kB
    workbook.write_bytes((ROOT / "inputs" / "q2.xlsx").read_bytes())
    out = tmp_path / "out"
    run = cli(workbook, "-o", out, "-q", "--no-cache", preexec_fn=_limited(size))
    _stdout, stderr = run.communicate(timeout=120)
    assert run.returncode == 2, stderr
    assert stderr.splitlines() == [
        f"Error: cannot write {out}: the file is larger than this system lets a program write"
        " (a limit on file size); free some space, raise the limit or choose another folder"
        " with -o"
    ]
    assert not out.exists() or hidden(out) == [] and list(out.iterdir()) == []


def test_a_stop_in_any_command_is_one_line(tmp_path, make_report, monkeypatch):
    """Ctrl-C in ``check`` (or while any command's modules are imported): one line, exit 130,
    never click's 'Aborted!' nor a traceback."""
    from safecity_reports.reading import load

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(load, "check_workbook", interrupted)
    result = make_report("check", workbook_with(tmp_path / "in", 73))
    assert result.exit_code == 130
    assert result.output.splitlines() == ["Error: stopped by SIGINT"]


def test_a_chart_process_that_was_killed_is_one_line_not_a_traceback():
    """The chart process gone (kill -9, out of memory) before it is sent its charts."""
    import multiprocessing

    from safecity_reports.errors import ProcessEnded
    from safecity_reports.run.chart_process import Drawing

    ours, theirs = multiprocessing.Pipe()
    theirs.close()
    with pytest.raises(ProcessEnded, match=r"^the process drawing the charts ended before"):
        Drawing(ours, [])


def _deaf_to_sigterm() -> None:  # pragma: no cover - runs in the child
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    time.sleep(120)


@pytest.mark.skipif(not fork_available(), reason="the child is forked")
def test_a_child_that_keeps_a_sigterm_is_killed_not_waited_for(monkeypatch):
    """A document's child that took the stop before it restored the default (it is forked with
    the parent's handlers) waited for charts that would never come, and its parent waited for
    it: the parent now kills it after ``ABANDON_SECONDS``."""
    import multiprocessing

    monkeypatch.setattr(pipeline, "ABANDON_SECONDS", 0.5)
    child = pipeline._Child.__new__(pipeline._Child)
    child.process = multiprocessing.get_context("fork").Process(target=_deaf_to_sigterm)
    child.process.start()
    time.sleep(0.3)  # it has taken SIGTERM out of reach
    started = time.monotonic()
    child.abandon()
    assert child.process.exitcode == -signal.SIGKILL
    assert time.monotonic() - started < 30
