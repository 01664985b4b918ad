"""Reporting periods as partnerships write them, parsed into comparable date ranges.

Accepted labels (case and spacing are forgiven):

- financial-year quarter: ``2016/17 Q2`` (Q1 is April to June)
- financial year: ``2015/16``
- calendar year: ``2016``
- month: ``Sep 2016`` or ``September 2016``
- a span of months, such as a rolling 12 months: ``Oct 2013 - Sep 2014``
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

ACCEPTED = (
    "a financial-year quarter such as '2016/17 Q2', a financial year such as '2015/16', "
    "a calendar year such as '2016', a month such as 'Sep 2016', or a span of months "
    "such as 'Oct 2013 - Sep 2014'"
)

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_name) if name})
_MONTHS["sept"] = 9


class PeriodKind(Enum):
    """What sort of period a label names."""

    QUARTER = "financial-year quarter"
    FINANCIAL_YEAR = "financial year"
    CALENDAR_YEAR = "calendar year"
    MONTH = "month"
    MONTH_SPAN = "span of months"


@dataclass(frozen=True, order=True)
class Period:
    """A period of time that figures are reported for. Periods sort by when they end."""

    end: date
    """The last day of the period."""
    start: date
    """The first day of the period."""
    kind: PeriodKind = field(compare=False)
    """What sort of period this is."""
    label: str = field(compare=False)
    """The label in the partnership's own form, e.g. ``2016/17 Q2``."""

    @property
    def months(self) -> int:
        """How many calendar months the period covers."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def is_year_before(self, other: Period) -> bool:
        """True when this period is the same length as ``other`` and ends exactly a year earlier."""
        return (
            self.months == other.months
            and self.end.month == other.end.month
            and self.end.year == other.end.year - 1
        )

    def __str__(self) -> str:
        return self.label


def _month(word: str) -> int | None:
    return _MONTHS.get(word.lower().rstrip("."))


@functools.lru_cache(maxsize=1024)
def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _financial_year(first: str, second: str) -> int | None:
    """The calendar year a financial year starts in, or None if '2016/17' is not consecutive."""
    start = int(first)
    if len(second) == 2 and (start + 1) % 100 == int(second):
        return start
    if len(second) == 4 and int(second) == start + 1:
        return start
    return None


_FY = r"(\d{4})\s*[/-]\s*(\d{2}|\d{4})"
_QUARTER = re.compile(rf"^{_FY}\s*Q([1-4])$", re.IGNORECASE)
_QUARTER_FIRST = re.compile(rf"^Q([1-4])\s*{_FY}$", re.IGNORECASE)
_FY_ONLY = re.compile(rf"^{_FY}$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^([A-Za-z]+\.?)\s+(\d{4})$")
_SPAN = re.compile(r"^([A-Za-z]+\.?)\s+(\d{4})\s*(?:-|–|—|to)\s*([A-Za-z]+\.?)\s+(\d{4})$")


def parse_period(text: str) -> Period:
    """Parse a period label. Raises ``ValueError`` naming the accepted forms."""
    label = " ".join(str(text).replace("\u00a0", " ").split())
    if m := _QUARTER.match(label) or _QUARTER_FIRST.match(label):
        if m.re is _QUARTER_FIRST:
            quarter, first, second = m.groups()
        else:
            first, second, quarter = m.groups()
        year = _financial_year(first, second)
        if year is not None:
            start_month = 4 + 3 * (int(quarter) - 1)
            start = date(year + (start_month > 12), (start_month - 1) % 12 + 1, 1)
            end = _last_day(start.year, start.month + 2)
            return Period(
                end, start, PeriodKind.QUARTER, f"{year}/{(year + 1) % 100:02d} Q{quarter}"
            )
    elif m := _FY_ONLY.match(label):
        year = _financial_year(*m.groups())
        if year is not None:
            return Period(
                date(year + 1, 3, 31),
                date(year, 4, 1),
                PeriodKind.FINANCIAL_YEAR,
                f"{year}/{(year + 1) % 100:02d}",
            )
    elif m := _YEAR.match(label):
        year = int(m.group(1))
        return Period(date(year, 12, 31), date(year, 1, 1), PeriodKind.CALENDAR_YEAR, str(year))
    elif (m := _MONTH.match(label)) and _month(m.group(1)):
        month, year = _month(m.group(1)), int(m.group(2))
        assert month is not None
        return Period(
            _last_day(year, month),
            date(year, month, 1),
            PeriodKind.MONTH,
            f"{calendar.month_abbr[month]} {year}",
        )
    elif (m := _SPAN.match(label)) and _month(m.group(1)) and _month(m.group(3)):
        first_month, last_month = _month(m.group(1)), _month(m.group(3))
        assert first_month is not None and last_month is not None
        start = date(int(m.group(2)), first_month, 1)
        end = _last_day(int(m.group(4)), last_month)
        if start < end:
            return Period(
                end,
                start,
                PeriodKind.MONTH_SPAN,
                f"{calendar.month_abbr[first_month]} {start.year} - "
                f"{calendar.month_abbr[last_month]} {end.year}",
            )
    raise ValueError(f"'{text}' is not a period label; use {ACCEPTED}")


def _months_back(year: int, month: int, count: int) -> tuple[int, int]:
    """The (year, month) ``count`` calendar months before ``month`` of ``year``."""
    index = year * 12 + (month - 1) - count
    return index // 12, index % 12 + 1


def _financial_year_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def previous_period(period: Period) -> Period:
    """The period of the same kind just before ``period``, with its canonical label.

    A quarter gives the quarter before (Q1 gives Q4 of the year before), a year the year
    before, a month the month before, and a span of months the span of the same length
    that ends the month before it starts (``Oct 2013 - Sep 2014`` gives ``Oct 2012 - Sep 2013``).
    """
    start = period.start
    if period.kind is PeriodKind.QUARTER:
        fy_start = start.year if start.month >= 4 else start.year - 1
        quarter = (start.month - 4) % 12 // 3 + 1
        if quarter == 1:
            return parse_period(f"{_financial_year_label(fy_start - 1)} Q4")
        return parse_period(f"{_financial_year_label(fy_start)} Q{quarter - 1}")
    if period.kind is PeriodKind.FINANCIAL_YEAR:
        return parse_period(_financial_year_label(start.year - 1))
    if period.kind is PeriodKind.CALENDAR_YEAR:
        return parse_period(str(start.year - 1))
    end_year, end_month = _months_back(start.year, start.month, 1)
    if period.kind is PeriodKind.MONTH:
        return parse_period(f"{calendar.month_abbr[end_month]} {end_year}")
    first_year, first_month = _months_back(end_year, end_month, period.months - 1)
    first = f"{calendar.month_abbr[first_month]} {first_year}"
    return parse_period(f"{first} - {calendar.month_abbr[end_month]} {end_year}")
