"""What a figure covers, and which figures may be compared.

A period label says when a figure was reported; the measure's kind of figure says what stretch
of time it counts. ``2016/17 Q3`` is October to December 2016 for a figure for the period, but
April to December 2016 for a year-to-date figure, and January to December 2016 for a rolling
12 months. Two figures are compared only when they cover the same length of time (and, for
year-to-date figures, the same part of the year), so the report never sets nine months against
six.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from safecity_reports.core.model import FigureKind
from safecity_reports.core.periods import Period, PeriodKind, previous_period

MOST_MISSING = 60
"""The most periods ``missing_between`` lists (five years of months): a gap wider than that is
most likely a mistyped year, which ``check`` points out."""


@dataclass(frozen=True, order=True)
class Coverage:
    """The stretch of time a figure counts: whole calendar months from ``start`` to ``end``."""

    end: date
    """The last day counted."""
    start: date
    """The first day counted (the same as ``end`` for a snapshot)."""

    @property
    def months(self) -> int:
        """How many calendar months it covers (0 for a snapshot, a position at one date)."""
        if self.start == self.end:
            return 0
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


def _first_of_month_back(end: date, months: int) -> date:
    """The first day of the month ``months - 1`` months before ``end``'s month."""
    index = end.year * 12 + end.month - 1 - (months - 1)
    return date(index // 12, index % 12 + 1, 1)


def covered(period: Period, kind: FigureKind) -> Coverage:
    """What a figure of ``kind`` reported for ``period`` covers.

    Year to date runs from April for financial-year labels (quarters and financial years) and
    from January for calendar ones (months, calendar years); a span of months is taken as
    typed. A rolling 12 months is the 12 months ending with the period; a snapshot is a
    position on its last day; a survey wave and a figure for the period cover the period named.
    A figure whose coverage is not stated is placed at the period named, which is all that is
    known of it (``length_words`` never gives that as its length).
    """
    end = period.end
    if kind is FigureKind.YEAR_TO_DATE and period.kind is not PeriodKind.MONTH_SPAN:
        if period.kind in (PeriodKind.QUARTER, PeriodKind.FINANCIAL_YEAR):
            year = end.year if end.month >= 4 else end.year - 1
            return Coverage(end, date(year, 4, 1))
        return Coverage(end, date(end.year, 1, 1))
    if kind is FigureKind.ROLLING_12_MONTHS:
        return Coverage(end, _first_of_month_back(end, 12))
    if kind is FigureKind.SNAPSHOT:
        return Coverage(end, end)
    return Coverage(end, period.start)


def comparable(earlier: Period, later: Period, kind: FigureKind) -> bool:
    """Whether figures of ``kind`` for these periods may be compared.

    They must cover the same number of months; year-to-date figures must also start in the
    same month of the year (April to December against April to December). Snapshots are
    positions at a date and always comparable; survey waves only with other waves, which all
    a measure's figures are. Figures whose coverage is not stated are compared only where they
    are labelled alike (a month with a month, a year with a year): what each covers is unknown,
    but a source that labels them alike is taken to print them alike; never one labelled as a
    year with one labelled as a month.
    """
    if kind in (FigureKind.SNAPSHOT, FigureKind.SURVEY_WAVE):
        return True
    if kind is FigureKind.NOT_STATED:
        return earlier.kind is later.kind and earlier.months == later.months
    first, second = covered(earlier, kind), covered(later, kind)
    if first.months != second.months:
        return False
    if kind is FigureKind.YEAR_TO_DATE:
        return first.start.month == second.start.month
    return True


def is_year_before(earlier: Period, later: Period, kind: FigureKind) -> bool:
    """Whether ``earlier`` is the same period a year before ``later``: comparable, and ending
    in the same month a year earlier."""
    return (
        comparable(earlier, later, kind)
        and earlier.end.month == later.end.month
        and earlier.end.year == later.end.year - 1
    )


def months_between(earlier: Period, later: Period) -> int:
    """How many months after ``earlier`` ends ``later`` ends: 3 from one quarter to the next."""
    return (later.end.year - earlier.end.year) * 12 + later.end.month - earlier.end.month


def missing_between(earlier: Period, later: Period) -> tuple[Period, ...] | None:
    """The periods of ``later``'s kind and length that fall between the two, oldest first:
    ``2013/14 Q3`` between ``2013/14 Q2`` and ``2013/14 Q4``; ``()`` where ``later`` comes
    straight after ``earlier``. None where the two are not periods of one such series (a year
    and a quarter, spans that overlap), or more than ``MOST_MISSING`` periods are missing."""
    if earlier.kind is not later.kind or earlier.months != later.months:
        return None
    missing: list[Period] = []
    period = previous_period(later)
    while period.end > earlier.end:
        if len(missing) == MOST_MISSING:
            return None
        missing.append(period)
        period = previous_period(period)
    if (period.start, period.end) != (earlier.start, earlier.end):
        return None
    return tuple(reversed(missing))


def follows(earlier: Period, later: Period, kind: FigureKind) -> bool:
    """Whether a figure of ``kind`` for ``later`` follows on from one for ``earlier``: the two
    are comparable and ``later`` starts no later than the month after ``earlier`` ends (a
    quarter after the quarter before; a rolling 12 months may overlap the one before it). Only
    such figures are counted in a run of rises or falls, and joined by a chart's line.
    Snapshots and survey waves follow one another however far apart: their labels name dates,
    not the time between them."""
    if not comparable(earlier, later, kind):
        return False
    if kind in (FigureKind.SURVEY_WAVE, FigureKind.SNAPSHOT):
        return True
    return months_between(earlier, later) <= covered(later, kind).months


def describe(period: Period, kind: FigureKind) -> str:
    """What a figure covers, in words, where its label alone does not say.

    ``'April to December 2016'`` for a year-to-date ``2016/17 Q3``; ``'12 months to December
    2016'`` for a rolling figure; ``''`` where the label says it all.
    """
    span = covered(period, kind)
    if kind is FigureKind.YEAR_TO_DATE and period.kind is not PeriodKind.MONTH_SPAN:
        first = calendar.month_name[span.start.month]
        last = calendar.month_name[span.end.month]
        if span.start.year != span.end.year:
            return f"{first} {span.start.year} to {last} {span.end.year}"
        return f"{first} to {last} {span.end.year}"
    if kind is FigureKind.ROLLING_12_MONTHS and period.kind is not PeriodKind.MONTH_SPAN:
        return f"12 months to {calendar.month_name[span.end.month]} {span.end.year}"
    return ""


NOT_STATED_LENGTH = "a length of time not stated"
"""What ``length_words`` says of a figure whose coverage is not stated."""


def length_words(period: Period, kind: FigureKind) -> str:
    """How long a figure's coverage is, for messages: '9 months', '1 month', 'a date', or
    ``NOT_STATED_LENGTH`` where the source does not say."""
    if kind is FigureKind.NOT_STATED:
        return NOT_STATED_LENGTH
    months = covered(period, kind).months
    if months == 0:
        return "a date"
    return f"{months} month{'s' if months != 1 else ''}"
