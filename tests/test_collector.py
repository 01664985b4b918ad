"""The garbage collector is held off while the workbook is read and laid out and while the PDF
is made (its first pass and its pages), and put back as it was: on after a run, off after a
run made with it off (an analyst's choice), even where the block fails."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from safecity_reports.run.collector import held_off

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def collector_state() -> Iterator[None]:
    was_on = gc.isenabled()
    yield
    if was_on:
        gc.enable()
    else:
        gc.disable()


def _noting(
    seen: dict[str, bool], step: str, function: Callable[..., object]
) -> Callable[..., object]:
    """``function``, noting in ``seen[step]`` whether the collector is on when it is called."""

    def noted(*args: object, **kwargs: object) -> object:
        seen[step] = gc.isenabled()
        return function(*args, **kwargs)

    return noted


@pytest.mark.parametrize("on", [True, False])
def test_held_off_then_as_it_was(collector_state: None, on: bool) -> None:
    gc.enable() if on else gc.disable()
    with held_off():
        assert not gc.isenabled()
    assert gc.isenabled() is on
    with pytest.raises(ValueError), held_off():
        raise ValueError("the workbook failed")
    assert gc.isenabled() is on


def test_the_last_blocks_garbage_is_left_for_the_process_to_end(collector_state: None) -> None:
    """``last``: what the run's last block made is frozen as it leaves, not walked by the
    collection the next object made would set off (3 s at 3,000 measures); the collector is on
    again, and unfrozen the garbage is collected as any other."""
    gc.enable()
    gc.collect()
    before = gc.get_freeze_count()
    with held_off(last=True):
        for _ in range(1000):
            pair: list[object] = []
            pair.append(pair)  # a cycle: garbage only the collector frees
        del pair
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + 1000
    gc.unfreeze()
    assert gc.collect() >= 1000


def test_the_reading_and_layout_run_with_it_held_off(
    collector_state: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report made in this process: the collector is off while the workbook is read, the
    report laid out, the PDF's pages counted and drawn, on again between and after, and the
    report is made."""
    from safecity_reports.build import build_report
    from safecity_reports.layout import report as layout
    from safecity_reports.reading import workbook
    from safecity_reports.render.pdf import document as pdf

    seen: dict[str, bool] = {}
    for step, module, name in [
        ("reading", workbook, "read"),
        ("laying out", layout, "build_document"),
        ("counting the PDF's pages", pdf, "count_pages"),
        ("drawing the PDF", pdf, "write_pdf"),
    ]:
        monkeypatch.setattr(module, name, _noting(seen, step, getattr(module, name)))
    gc.enable()
    build_report(ROOT / "inputs" / "q2.xlsx", tmp_path, use_cache=False, formats=("pdf",))
    assert seen == {
        "reading": False,
        "laying out": False,
        "counting the PDF's pages": False,
        "drawing the PDF": False,
    }
    assert gc.isenabled()
    assert (tmp_path / "q2.pdf").is_file()
