"""The whole job, top to bottom: read -> check -> judge -> lay out -> draw -> write.

How it is made fast (processes, caches, the order things happen in) is the execution layer's
business (``run.pipeline.Execution``); this page only says what happens.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from safecity_reports.errors import Problem, UsageError, ValidationFailed
from safecity_reports.files import os_error_message, replace_together
from safecity_reports.run.progress import QUIET, Progress
from safecity_reports.run.run_cache import RunCache, RunRecord, run_key
from safecity_reports.styles import Styles, load_styles

if TYPE_CHECKING:
    from safecity_reports.core.tally import Tally

# Nothing imported above reads a workbook or draws: an unchanged re-run is answered from the run
# cache before openpyxl, scipy, matplotlib or reportlab is imported (see ``_make``).

FORMATS = ("docx", "pdf")
"""The documents made when none are named."""
KNOWN_FORMATS = (*FORMATS, "html")
"""Every document the report can be made as: Word, PDF and a self-contained web page."""


@dataclass(frozen=True)
class BuildResult:
    """What a run wrote and what it warned about."""

    written: tuple[Path, ...]
    warnings: tuple[Problem, ...]
    copied: bool = False
    """True when nothing had changed since the last run, so the documents were copied."""
    tally: Tally | None = None
    """The report's verdicts counted (for ``make-report batch``'s overview)."""


def output_paths(workbook: Path, output: Path, formats: Sequence[str]) -> dict[str, Path]:
    """The document of each format: ``<output>/<workbook's name>.<format>``.

    Raises ``UsageError`` for an unknown format, an output folder that is a file, or a document
    that would overwrite the workbook.
    """
    unknown = [f for f in formats if f not in KNOWN_FORMATS]
    if unknown:
        raise UsageError(f"unknown format {unknown[0]!r}; use one of: {', '.join(KNOWN_FORMATS)}")
    if output.exists() and not output.is_dir():
        raise UsageError(f"the output folder {output} is a file, not a folder")
    targets = {fmt: output / f"{Path(workbook).stem}.{fmt}" for fmt in formats}
    for path in targets.values():
        if path.resolve() == Path(workbook).resolve():
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
    """Make the report from ``workbook`` into ``output`` as ``<stem>.docx``, ``<stem>.pdf``
    and/or ``<stem>.html`` (``formats``, of ``KNOWN_FORMATS``).

    Raises ``ValidationFailed`` if the workbook has errors (or warnings, when ``strict``),
    ``UsageError`` for an unusable output folder or styles, or a failure of the system writing
    the documents (one line naming the path and what to do); nothing is written then, and the
    documents there before are left as they were.
    """
    workbook, output = Path(workbook), Path(output)
    targets = output_paths(workbook, output, formats)
    styles = load_styles(styles_folder)
    today = today or date.today()
    runs = RunCache() if use_cache else None
    content = _content(workbook) if runs is not None else None
    key = None
    if runs is not None and content is not None:
        key = run_key(workbook.name, content, styles, formats, strict, today)
        copied = _copy_unchanged(runs, key, targets, output, workbook, progress)
        if copied is not None:
            return copied
    result, record = _make(workbook, output, targets, styles, strict, use_cache, progress, today)
    # A workbook saved again while the run read it is not the one the key names.
    if runs is not None and key is not None and record.manifest.get("sha256") == _sha256(content):
        runs.put(key, record)
    return result


def _content(workbook: Path) -> bytes | None:
    try:
        return workbook.read_bytes()
    except OSError:
        return None  # reading it again says what is wrong, in the reader's words


def _sha256(content: bytes | None) -> str | None:
    return hashlib.sha256(content).hexdigest() if content is not None else None


def _copy_unchanged(
    runs: RunCache,
    key: str,
    targets: dict[str, Path],
    output: Path,
    workbook: Path,
    progress: Progress,
) -> BuildResult | None:
    """The documents, warnings and manifest of the last run with the same key, written as that
    run wrote them; None when there was no such run (or its documents are no longer cached)."""
    from safecity_reports.core.tally import tally_from_data
    from safecity_reports.cycle.manifest import write_manifest

    found = runs.get(key)
    if found is None:
        return None
    record, documents = found
    try:
        tally = tally_from_data(record.tally)
    except (KeyError, TypeError, ValueError):
        return None  # a record of another shape is no record: the run is made again
    try:
        output.mkdir(parents=True, exist_ok=True)
        with replace_together(targets) as temps:
            for fmt, data in documents.items():
                temps[fmt].write_bytes(data)
        made = {**record.manifest, "made": datetime.now().isoformat(timespec="seconds")}
        write_manifest(output / f"{workbook.stem}.manifest.json", made)
    except OSError as exc:  # a full disk, a read-only folder, a path through a file ...
        raise UsageError(os_error_message(exc, output)) from None
    progress.stage("Done: nothing has changed since the last run, so the report was copied")
    return BuildResult(tuple(targets.values()), record.warnings, copied=True, tally=tally)


def _make(
    workbook: Path,
    output: Path,
    targets: dict[str, Path],
    styles: Styles,
    strict: bool,
    use_cache: bool,
    progress: Progress,
    today: date,
) -> tuple[BuildResult, RunRecord]:
    """Read, check, judge, lay out, draw and write: the run in full, and its record for the
    run cache."""
    from safecity_reports.run.pipeline import Execution

    # The chart process is forked first: it imports matplotlib while this one imports the
    # rest (openpyxl, the core, the layout: a third of a second) and reads the workbook.
    with Execution(styles, use_cache, progress) as execution:
        from safecity_reports.reading.openpyxl_alone import import_openpyxl

        import_openpyxl()  # without numpy: see the module
        from safecity_reports.core.tally import tally
        from safecity_reports.core.verdicts import judge
        from safecity_reports.cycle.manifest import manifest, write_manifest
        from safecity_reports.cycle.provenance import read_provenance, with_provenance
        from safecity_reports.layout.report import build_document
        from safecity_reports.reading.load import check, unchecked_report
        from safecity_reports.reading.workbook import read
        from safecity_reports.run.collector import held_off

        progress.stage(f"Reading {workbook.name}")
        warnings: list[Problem] = []
        # Up to the charts, the other core waits: the collector does not walk the cells and
        # the document as they are made, but once, after the layout (``run.collector``).
        with held_off():
            reading = read(workbook)
            execution.expect_charts(len(reading.report.measures))

            def checks() -> None:  # raises ValidationFailed if the workbook has errors
                warnings[:] = check(reading, strict, styles)

            # The workbook is laid out, and its charts sent to be drawn, before it is checked:
            # the checks (a third of reading a large workbook) are made while the charts are
            # drawn.
            try:
                provenance = read_provenance(workbook)
                report = with_provenance(unchecked_report(reading), provenance)
                progress.stage("Working out status")
                verdicts = judge(report)  # every verdict, once: the layout only reads them
                document = build_document(
                    report, verdicts, today, styles.language, styles.rating_names
                )
            except Exception:
                checks()  # a workbook with errors may fail anywhere unchecked: the checks say why
                raise
        made_folder = not output.exists()
        try:
            output.mkdir(parents=True, exist_ok=True)
            copied = execution.write(document, targets, checks)
            made = manifest(workbook, report, warnings, provenance, datetime.now())
            write_manifest(output / f"{workbook.stem}.manifest.json", made)
        except OSError as exc:  # a full disk, a read-only folder, a path through a file ...
            raise UsageError(os_error_message(exc, output)) from None
        except ValidationFailed:
            if made_folder:  # nothing is written, not even the folder
                with contextlib.suppress(OSError):
                    output.rmdir()
            raise
    if copied:
        progress.stage("Done: nothing has changed since the last run, so the report was copied")
    else:
        progress.stage("Done")
    counted = tally(report, verdicts)
    result = BuildResult(tuple(targets.values()), tuple(warnings), copied, counted)
    record = RunRecord(dict(execution.document_keys), tuple(warnings), made, counted.as_data())
    return result, record
