"""What a report's structure states: priorities or themes, key actions, lead agencies. A report
listed as plain measures under themes prints no key action or lead agency it was not given."""

from __future__ import annotations

from safecity_reports.core.model import Report


def grouping_word(report: Report) -> str:
    """'Priority', or 'Theme' where the workbook gives no priorities (measures under themes)."""
    if report.priorities and all(p.implied for p in report.priorities):
        return "Theme"
    return "Priority"


def stated_columns(report: Report) -> tuple[bool, bool]:
    """Whether the summary shows a Key action and a Lead agency column: only where some action
    states one."""
    return (
        any(a.text for a in report.actions),
        any(a.lead_agency for a in report.actions),
    )
