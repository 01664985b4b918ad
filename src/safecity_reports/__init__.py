"""safecity-reports: a partnership's quarterly workbook in, its board performance report out.

The calls a notebook needs, the same ones ``make-report`` is built on::

    import safecity_reports as sr

    report, warnings = sr.read_workbook("inputs/q2.xlsx")     # or raises ValidationFailed
    document, statuses = sr.lay_out(report)                   # every judgement, laid out once
    statuses["1.2a"].judgement                                # Judgement.BETTER, ...
    sr.write_documents(document, {"pdf": "out/q2.pdf"})       # charts drawn, documents written
    sr.build_report("inputs/q2.xlsx", "out")                  # all of it, as make-report does

Names are imported when first used, so ``import safecity_reports`` costs nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "read_workbook": "safecity_reports.api",
    "lay_out": "safecity_reports.api",
    "write_documents": "safecity_reports.api",
    "build_report": "safecity_reports.build",
    "BuildResult": "safecity_reports.build",
    "load_styles": "safecity_reports.styles",
    "Styles": "safecity_reports.styles",
    "ReportError": "safecity_reports.errors",
    "ValidationFailed": "safecity_reports.errors",
    "UsageError": "safecity_reports.errors",
    "Problem": "safecity_reports.errors",
}

__all__ = [
    "BuildResult",
    "Problem",
    "ReportError",
    "Styles",
    "UsageError",
    "ValidationFailed",
    "__version__",
    "build_report",
    "lay_out",
    "load_styles",
    "read_workbook",
    "write_documents",
]

if TYPE_CHECKING:
    from safecity_reports.api import lay_out, read_workbook, write_documents
    from safecity_reports.build import BuildResult, build_report
    from safecity_reports.errors import Problem, ReportError, UsageError, ValidationFailed
    from safecity_reports.styles import Styles, load_styles


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'safecity_reports' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
