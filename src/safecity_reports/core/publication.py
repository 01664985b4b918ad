"""When a report says it was published, and what it may assume about its own date.

The front page prints the Report date as typed (a day or a month). Left blank, it is the day
the report is made, which is true of a report made soon after its period ends, but not of one
made long after: a 2013 report made today must not say it was published today. Such a report
prints no date, and ``check`` asks for one. The date also bounds lateness
(``core.lateness``): a figure cannot be late before its period has ended.
"""

from __future__ import annotations

from datetime import date

from safecity_reports.core.model import Settings

LONG_AGO_MONTHS = 12
"""How many whole months after the reporting period ends a report left undated is taken to be
made long after it: it then prints no date, and ``check`` asks for the Report date."""


def months_after(earlier: date, later: date) -> int:
    """Whole calendar months from ``earlier``'s month to ``later``'s: 1 from 31 March to any
    day of April."""
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def long_ago(settings: Settings, today: date) -> bool:
    """Whether the Report date is blank and the reporting period ended more than
    ``LONG_AGO_MONTHS`` months before ``today``."""
    return settings.report_date is None and (
        months_after(settings.period.end, today) > LONG_AGO_MONTHS
    )


def publication_date(settings: Settings, today: date) -> str:
    """The publication date as printed: '31 December 2016', 'December 2016' for a month, the
    day it is made ('6 December 2026') where the workbook gives none, and '' where it gives
    none and the period ended long ago (``long_ago``)."""
    if settings.report_date is not None:
        day = settings.report_date
        return f"{day:%B %Y}" if settings.report_month else f"{day.day} {day:%B %Y}"
    if long_ago(settings, today):
        return ""
    return f"{today.day} {today:%B %Y}"


def as_of(settings: Settings) -> date:
    """The day the report's lateness is judged at: the Report date (a month's last day), or,
    where none is given, the reporting period's last day."""
    return settings.report_date or settings.period.end


def period_after_report(settings: Settings) -> bool:
    """Whether the reporting period ends after the Report date (a month: after its last day),
    so the report would call figures for a period not yet over current."""
    return settings.report_date is not None and settings.period.end > settings.report_date
