"""The library's steps one by one, for a notebook: read, lay out, write. ``build.build_report``
is their composition, with the output folder's rules and the command line's options."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from safecity_reports.core.model import Report
from safecity_reports.core.status import MeasureStatus
from safecity_reports.core.verdicts import judge
from safecity_reports.errors import Problem
from safecity_reports.layout.document import Document
from safecity_reports.layout.report import build_document
from safecity_reports.reading.load import load_report
from safecity_reports.run.pipeline import Execution
from safecity_reports.run.progress import LOGGED, Progress
from safecity_reports.styles import Styles, load_styles


def read_workbook(path: str | Path, strict: bool = False) -> tuple[Report, list[Problem]]:
    """Read and check the workbook at ``path``: the report and its warnings.

    Raises ``ValidationFailed`` (every problem, each naming its sheet and cell) if it has
    errors, or warnings when ``strict``; ``WorkbookError`` if it cannot be read at all.
    """
    return load_report(Path(path), strict=strict)


def lay_out(
    report: Report, today: date | None = None, styles: Styles | None = None
) -> tuple[Document, dict[str, MeasureStatus]]:
    """Judge every measure and lay the report out: the document both renderers draw, and each
    measure's status by id. ``today`` is the date printed when the workbook gives none; the
    language the document declares, and the names ratings are printed with, are those of
    ``styles`` (the defaults when None)."""
    verdicts = judge(report)  # every verdict, once: the layout only reads them
    language = styles.language if styles is not None else None
    names = styles.rating_names if styles is not None else None
    document = build_document(report, verdicts, today or date.today(), language, names)
    return document, verdicts.statuses


def write_documents(
    document: Document,
    targets: Mapping[str, str | Path],
    styles: Styles | None = None,
    use_cache: bool = True,
    progress: Progress = LOGGED,
) -> None:
    """Write ``document`` to each target (``{"docx": path, "pdf": path, "html": path}``, any of
    them), each whole or not at all, drawing its charts once for all. Raises ``UsageError`` for
    unusable styles."""
    paths = {fmt: Path(path) for fmt, path in targets.items()}
    for path in paths.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    with Execution(styles or load_styles(), use_cache, progress) as execution:
        execution.write(document, paths)
