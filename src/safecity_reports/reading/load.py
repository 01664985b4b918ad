"""Reading and checking a workbook in one call: the report and its warnings, or every problem."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from safecity_reports.core.model import Report
from safecity_reports.errors import Problem, ValidationFailed
from safecity_reports.reading.commentary import check_commentary
from safecity_reports.reading.glyphs import undrawable
from safecity_reports.reading.timeliness import implausible_figures
from safecity_reports.reading.validate import validate
from safecity_reports.reading.workbook import Reading, read
from safecity_reports.styles import Styles, load_styles


def load_report(
    path: Path, strict: bool = False, styles: Styles | None = None
) -> tuple[Report, list[Problem]]:
    """Read and validate the workbook at ``path``; return the report and its warnings.

    Raises ``WorkbookError`` if the file cannot be read at all, and ``ValidationFailed`` with
    every problem (errors first) if there is any error, or any warning under ``strict``. When a
    whole sheet or id column is missing the cross-record checks are skipped, as they would only
    repeat that one mistake many times. Text the PDF's fonts (those of ``styles``, the default
    styles if None) cannot draw is a warning naming its cell.
    """
    reading = read(Path(path))
    warnings = check(reading, strict, styles)
    return unchecked_report(reading), warnings


def unchecked_report(reading: Reading) -> Report:
    """The report ``reading`` read, with the figures the checks call implausible (for
    Exceptions): what ``load_report`` returns once ``check`` has found no error in it. Laid
    out before it is checked (so the charts are drawn while it is), a report with errors may
    fail anywhere: ``check`` then says why."""
    if not reading.complete:
        return reading.report
    return replace(reading.report, implausible=implausible_figures(reading.report))


def check(reading: Reading, strict: bool = False, styles: Styles | None = None) -> list[Problem]:
    """The warnings of ``reading``; raises ``ValidationFailed`` as ``load_report`` does."""
    problems = list(reading.problems)
    if reading.complete:
        problems += validate(reading.report, reading.skipped_ids, reading.figure_cells)
        problems += check_commentary(reading.report)
    styles = styles or load_styles()
    fonts = (styles.font_regular, styles.font_bold)
    problems += undrawable(reading.report.source_name, reading.texts, fonts)
    problems.sort(key=lambda p: p.severity != "error")
    if any(p.severity == "error" for p in problems) or (strict and problems):
        raise ValidationFailed(problems)
    return problems


def check_workbook(path: Path, strict: bool = False, styles: Styles | None = None) -> list[Problem]:
    """The warnings of a workbook that has no errors; raises as ``load_report`` does."""
    return load_report(path, strict, styles)[1]
