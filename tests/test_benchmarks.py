"""The benchmark's workbooks: in our template's format, valid, and like a real partnership's."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the project folder: benchmarks/

from benchmarks.generate import make_workbook, write_workbook  # noqa: E402

from safecity_reports.reading.load import load_report  # noqa: E402


def test_a_small_benchmark_workbook_is_valid_with_no_warnings(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "bench.xlsx", measures=30)
    report, warnings = load_report(path, strict=True)
    assert warnings == []
    measures = report.measures
    assert len(measures) == 30
    assert all(5 <= len(m.observations) <= 8 for m in measures)
    assert any(m.benchmark_label for m in measures)
    assert len(report.rankings) >= 1
    levels = {block.level for c in report.commentary for block in c.blocks}
    assert {0, 1} <= levels, "commentary has paragraphs and bullets"
    assert report.figures, "some actions are reported by key figures"


def test_the_same_size_and_seed_give_the_same_workbook() -> None:
    def rows(measures: int, seed: int) -> list[tuple[object, ...]]:
        wb = make_workbook(measures, seed)
        return [row for ws in wb for row in ws.iter_rows(values_only=True)]

    assert rows(7, 1) == rows(7, 1)
    assert rows(7, 1) != rows(7, 2)


def test_the_results_print_as_markdown_with_date_machine_and_command() -> None:
    import datetime

    from benchmarks.run import Row, Run, _markdown

    stages = {s: (0.5, 100.0) for s in ("read", "validate", "status", "charts", "word", "pdf")}
    rows = [
        Row("inputs/q2.xlsx", 21, stages, Run(1.0, 1.5, 180.0), Run(0.2, 0.2, 30.0), 2.0),
        Row("30 measures", 30, stages, Run(1.5, 2.0, 190.0), Run(0.2, 0.2, 30.0), None),
        Row("300 measures", 300, stages, Run(12.0, 20.0, 300.0), Run(0.3, 0.3, 30.0), None),
    ]
    text = _markdown(
        rows, 0.5, datetime.date(2026, 12, 6), "a machine", "python -m benchmarks.run", (1, 2)
    )
    assert text.startswith("Measured on 06 Dec 2026 with `python -m benchmarks.run` on a machine")
    table = [line for line in text.splitlines() if line.startswith("| inputs/q2.xlsx | 21 |")]
    assert table[0].split(" | ")[2:6] == ["1.00 s", "1.50 s", "180 MB", "2.0"]
    assert "| 0.50 | 0.20 s | 0.40 |" in table[0]  # x LibreOffice, re-run, its x floor
    assert "| 30 measures | 30 | 1.50 s | 2.00 s | 190 MB | 3.0 | not timed | - |" in text
    assert "Cost per measure at 300 / at 30: 0.80" in text
    assert "Against issue 26's targets, in this run:" in text
    assert "| q2 with no cache at most 2x the floor | 2.00x (1.00 s against 0.50 s) | met |" in text
    assert "| 3,000 measures under 120 s | - | not measured in this run |" in text


def _rows(q2_seconds: float, peer: float | None, warm: float, peak: float, cpu_300: float):
    from benchmarks.run import Row, Run

    return [
        Row("inputs/q2.xlsx", 21, {}, Run(q2_seconds, 1.5, peak), Run(warm, 0.1, 20.0), peer),
        Row("300 measures", 300, {}, Run(8.0, cpu_300, 500.0), Run(0.2, 0.2, 60.0), None),
        Row("3000 measures", 3000, {}, Run(119.0, 150.0, 2900.0), Run(1.0, 1.0, 60.0), None),
    ]


def test_each_target_of_issue_26_is_judged_from_the_run_and_its_floor() -> None:
    from benchmarks.targets import judged

    met = {v.target: v.met for v in judged(_rows(0.56, 1.2, 0.4, 249.0, 62.0), floor=0.28)}
    assert all(met.values()), met
    missed = judged(_rows(0.57, 1.1, 0.43, 250.0, 63.0), floor=0.28)
    assert [v.met for v in missed] == [False, False, False, False, False, True]
    assert missed[0].measured == "2.04x (0.57 s against 0.28 s)"
    assert missed[1].measured == "0.52x (0.57 s against 1.10 s)"
    assert missed[4].said == "**not met**"


def test_a_target_the_run_did_not_measure_is_not_judged() -> None:
    from benchmarks.run import Row, Run
    from benchmarks.targets import judged

    without_peer = _rows(0.5, None, 0.1, 100.0, 10.0)
    verdicts = {v.target: v for v in judged(without_peer, floor=0.3)}
    peer = verdicts["q2 with no cache at most half of LibreOffice's conversion of our .docx"]
    assert (peer.met, peer.measured, peer.said) == (None, "", "not measured in this run")
    only_30 = [Row("30 measures", 30, {}, Run(1.0, 2.0, 200.0), Run(0.1, 0.1, 20.0), None)]
    assert all(v.met is None for v in judged(only_30, floor=0.3))


def test_the_chart_benchmark_draws_each_chart_once_and_times_it(tmp_path: Path) -> None:
    from benchmarks.charts import draw

    result = draw(Path("inputs/q2.xlsx"), tmp_path / "charts")
    assert result["charts"] == 20
    assert result["ms_per_chart"] > 0
    assert len(list((tmp_path / "charts").glob("*.pdf"))) == 20
    assert not list((tmp_path / "charts").glob("*.png")), "no PNG: the chart process makes none"


def test_the_timeline_marks_each_processs_milestones_in_order(tmp_path: Path) -> None:
    import re
    import subprocess

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.timeline", "inputs/q2.xlsx", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert done.returncode == 0, done.stderr
    assert {p.name for p in tmp_path.iterdir()} >= {"q2.pdf", "q2.docx"}
    said: dict[str, list[str]] = {}
    for line in done.stderr.splitlines():  # the timeline's lines, among whatever else is said
        found = re.fullmatch(r"\s*(\d+\.\d{3})  (\S+)\s+(\d+\.\d{2})\s+(\d+\.\d{2})  (.+)", line)
        if found:
            said.setdefault(found[2], []).append(found[5])
            assert float(found[4]) <= float(found[3]), "the collector's CPU is part of the CPU"
    main = [what for what in said["main"] if not what.startswith("garbage")]
    assert main == [
        "started",
        "imported",
        "chart process forked; reading and layout imported",
        "reading the workbook",
        "read",
        "laying out",
        "laid out",
        "charts sent (20)",
        "checking",
        "checked",
        "pdf: begun",
        "pdf: written",
        "done",
    ]
    assert said["chart"][:3] == [
        "matplotlib imported, charts received (20)",
        "first chart drawn",
        "all charts drawn",
    ]
    assert said["docx"][:2] == ["docx: begun", "docx: written"]
    assert all(said[p][-1].startswith("garbage collector: ") for p in ("main", "chart", "docx"))


def test_the_floor_is_timed_in_turn_with_each_run_it_is_a_ratio_of() -> None:
    from benchmarks.run import Run, timed_with_peak

    said: list[str] = []

    def run(every: float | None) -> Run:
        said.append("run" if every is None else f"sampled {every}")
        return Run(float(len(said)), 1.0, 100.0 if every else 0.0)

    timed = timed_with_peak(run, 3, big=False, beside=lambda: said.append("floor"))
    assert said == ["floor", "run", "floor", "run", "floor", "run", "sampled 0.02"]
    assert (timed.seconds, timed.peak_mb) == (4.0, 100.0)  # the median run; the sampled peak
    said.clear()
    timed_with_peak(run, 2, big=True, beside=lambda: said.append("floor"))
    assert said == ["floor", "sampled 0.5", "floor", "sampled 0.5"]
