"""The pipeline writes Word in a forked process while it writes the PDF: a failure in either
leaves no half-written file and reaches the caller as the same exception."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl.workbook.workbook import Workbook

from safecity_reports.build import build_report
from safecity_reports.errors import UsageError
from safecity_reports.render.docx import document as render_docx
from safecity_reports.render.pdf import document as render_pdf
from safecity_reports.run import pipeline


def fail(*args: object, **options: object) -> None:
    raise UsageError("the disk is full")


@pytest.mark.parametrize("broken", [render_docx, render_pdf], ids=["word", "pdf"])
def test_a_failing_document_is_raised_and_leaves_no_file(
    broken: object,
    tmp_path: Path,
    workbook: Workbook,
    saved: Callable[[Workbook], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(broken, "write_docx" if broken is render_docx else "write_pdf", fail)
    with pytest.raises(UsageError, match="the disk is full"):
        build_report(saved(workbook), tmp_path / "out", use_cache=False)
    name = "q2.docx" if broken is render_docx else "q2.pdf"
    left = [p.name for p in (tmp_path / "out").iterdir()]
    assert name not in left
    assert not [n for n in left if n.startswith(".")], "a temporary file was left"


def test_both_documents_are_written(
    tmp_path: Path, workbook: Workbook, saved: Callable[[Workbook], Path]
) -> None:
    result = build_report(saved(workbook), tmp_path / "out", use_cache=False)
    assert sorted(p.name for p in result.written) == ["q2.docx", "q2.pdf"]
    assert all(p.stat().st_size > 1000 for p in result.written)


def test_a_large_report_writes_its_documents_one_after_the_other(
    tmp_path: Path,
    workbook: Workbook,
    saved: Callable[[Workbook], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where both documents in memory at once would be too much (``run.memory``), they are
    written in this process one after the other: the PDF (begun while the charts are drawn)
    is finished before the Word document is begun; both are moved into place together."""
    monkeypatch.setattr(pipeline.memory, "side_by_side", lambda charts: False)
    out = tmp_path / "out"
    seen: list[tuple[str, bool, bool, int]] = []
    made: list[Path] = []
    real = pipeline._renderer

    def renderer(fmt: str):  # type: ignore[no-untyped-def]
        draw = real(fmt)

        def watching(*args: object, **options: object) -> None:
            finished = bool(made) and made[0].stat().st_size > 1000
            seen.append((fmt, finished, (out / "q2.pdf").is_file(), os.getpid()))
            made.append(Path(str(args[2])))
            draw(*args, **options)

        return watching

    monkeypatch.setattr(pipeline, "_renderer", renderer)
    result = build_report(saved(workbook), out, use_cache=False)
    assert seen == [("pdf", False, False, os.getpid()), ("docx", True, False, os.getpid())]
    assert sorted(p.name for p in result.written) == ["q2.docx", "q2.pdf"]
