"""Whether Word is written beside the PDF: always for an ordinary report, for a large one only
where the system says there is the memory for it (``run.memory``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from safecity_reports.run import memory


def test_an_ordinary_report_is_written_side_by_side_whatever_the_memory() -> None:
    assert memory.side_by_side(21, available_mb=0)
    assert memory.side_by_side(memory.ALWAYS_SIDE_BY_SIDE, available_mb=0)


@pytest.mark.parametrize("charts", [1_001, 3_000, 30_000])
def test_a_large_report_is_side_by_side_only_with_twice_its_word_process_free(
    charts: int,
) -> None:
    need = memory.word_process_mb(charts)
    assert memory.side_by_side(charts, available_mb=2 * need)
    assert not memory.side_by_side(charts, available_mb=2 * need - 1)


def test_the_estimate_grows_with_the_report() -> None:
    assert memory.word_process_mb(3_000) > memory.word_process_mb(1_001) > 0
    # at 3,000 measures Word's process added about 600 MB to the run's peak (6 Dec 2026)
    assert 500 <= memory.word_process_mb(3_000) - memory.WORD_PROCESS_MB <= 1_000


def test_available_memory_is_read_from_meminfo(tmp_path: Path) -> None:
    meminfo = tmp_path / "meminfo"
    meminfo.write_text(
        "MemTotal:       24000000 kB\nMemFree:         1000000 kB\n"
        "MemAvailable:    2097152 kB\nBuffers:           1 kB\n"
    )
    assert memory.available_memory_mb(meminfo) == 2048


@pytest.mark.parametrize(
    "text",
    ["", "MemTotal: 100 kB\n", "MemAvailable: lots\n", "MemAvailable: 5 pages\n"],
)
def test_a_meminfo_that_does_not_say_is_no_answer(tmp_path: Path, text: str) -> None:
    meminfo = tmp_path / "meminfo"
    meminfo.write_text(text)
    assert memory.available_memory_mb(meminfo) is None


def test_no_meminfo_is_no_answer_and_a_large_report_is_written_one_after_the_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(memory, "MEMINFO", tmp_path / "absent")
    assert memory.available_memory_mb(tmp_path / "absent") is None
    assert not memory.side_by_side(3_000)
