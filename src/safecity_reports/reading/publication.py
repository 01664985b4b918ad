"""Warnings about the report's own dates (Settings): a Report date before the reporting period
has ended, and no Report date on a report whose period ended long ago. The judgements are
``core.publication``'s; here they become ``check``'s words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from safecity_reports.core.model import Settings
from safecity_reports.core.publication import LONG_AGO_MONTHS, long_ago, period_after_report


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def publication_warnings(settings: Settings, today: date) -> Iterator[str]:
    """Each warning about the report's dates, in words."""
    period = settings.period
    if period.label == "?":  # no readable reporting period: its own error says so
        return
    if period_after_report(settings):
        assert settings.report_date is not None
        typed = (
            f"{settings.report_date:%B %Y}" if settings.report_month else _day(settings.report_date)
        )
        yield (
            f"The reporting period {period} ends on {_day(period.end)}, after the Report date"
            f" {typed}: a figure for a period not yet over is not final, and none is called late"
            " before its period has ended; check the Reporting period and the Report date"
        )
    if long_ago(settings, today):
        yield (
            f"Report date is blank, and the reporting period {period} ended on"
            f" {_day(period.end)}, more than {LONG_AGO_MONTHS} months ago, so the report prints"
            " no publication date: type the date it was published, e.g. 31/12/2016 or"
            " December 2016"
        )
