"""The whole job, top to bottom: read -> validate -> status -> lay out -> charts -> write."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import Problem, UsageError
from .files import replace_atomically
from .progress import QUIET, Progress

FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class BuildResult:
    """What a run wrote and what it warned about."""

    written: tuple[Path, ...]
    warnings: tuple[Problem, ...]


def _targets(workbook: Path, output: Path, formats: Sequence[str]) -> dict[str, Path]:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown format {unknown[0]!r}; use one of: {', '.join(FORMATS)}")
    if output.exists() and not output.is_dir():
        raise UsageError(f"the output folder {output} is a file, not a folder")
    targets = {fmt: output / f"{workbook.stem}.{fmt}" for fmt in formats}
    for path in targets.values():
        if path.resolve() == workbook.resolve():
            raise UsageError(
                f"writing {path} would overwrite the input workbook; choose another folder"
            )
    return targets


def build_report(
    workbook: Path,
    output: Path,
    formats: Sequence[str] = FORMATS,
    strict: bool = False,
    use_cache: bool = True,
    styles_folder: Path | None = None,
    progress: Progress = QUIET,
    today: date | None = None,
) -> BuildResult:
    """Make the report from ``workbook`` into ``output`` as ``<stem>.docx`` and/or ``<stem>.pdf``.

    Raises ``ValidationFailed`` if the workbook has errors (or warnings, when ``strict``),
    ``UsageError`` for an unusable output folder or styles; nothing is written then.
    """
    from .charts import draw_charts
    from .layout import build_document
    from .status import report_status
    from .styles import DEFAULT_FOLDER, load_styles
    from .validate import load_report

    workbook, output = Path(workbook), Path(output)
    targets = _targets(workbook, output, formats)
    styles = load_styles(styles_folder or DEFAULT_FOLDER)

    progress.stage(f"Reading {workbook.name}")
    report, warnings = load_report(workbook, strict=strict)
    progress.stage("Working out status")
    statuses = report_status(report)
    document = build_document(report, statuses, today or date.today())

    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="safecity-charts-") as folder:
        progress.stage(f"Drawing {len(document.charts)} charts")
        images = draw_charts(document.charts, styles, Path(folder))
        written = []
        for fmt, path in targets.items():
            progress.stage(f"Writing {path.name}")
            with replace_atomically(path) as tmp:
                _renderer(fmt)(document, images, tmp, styles)
            written.append(path)
    progress.stage("Done")
    return BuildResult(tuple(written), tuple(warnings))


def _renderer(fmt: str):  # type: ignore[no-untyped-def]
    if fmt == "docx":
        from .render_docx import write_docx

        return write_docx
    from .render_pdf import write_pdf

    return write_pdf
