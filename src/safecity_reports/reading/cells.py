"""What one cell's value means: a number, text, an id, a period, a pair, n/a or a date.

Pure: each function takes the value openpyxl read (blank and error cells are dealt with by
``sheets.Row`` before it gets here) and, where it matters, the cell's number format, and
returns plain data. A value that cannot be read raises ``CellError`` with the message to show,
which names the column and the value and says what would be accepted; the caller adds the cell.
Checks here: numbers typed any way (``1,234``, ``58%``, ``£5``, a %-formatted cell, read as
Excel shows it: ``0"%"`` is 70 shown as 70%, ``0%`` is 0.7 shown as 70%), the
``n/a`` words, ids that became numbers or dates, pairs of counts, periods, choices from a list,
the report date, and the ids a commentary Page names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from safecity_reports.core.formatting import Typed, typed_places
from safecity_reports.core.model import NOT_AVAILABLE, NotAvailable, Pair, Unit, Value
from safecity_reports.core.periods import Period, parse_period
from safecity_reports.reading import schema
from safecity_reports.reading.formats import disagreement, is_percent
from safecity_reports.reading.formats import shown as shown_with
from safecity_reports.reading.messages import did_you_mean
from safecity_reports.reading.placeholders import accepted, is_placeholder

EXCEL_ERRORS = (
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#SPILL!",
    "#CALC!",
)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_PAIR = re.compile(r"(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)")
_FIXED_DECIMALS = re.compile(r"0\.(0+)")
_RANGE = re.compile(r"(.*?\d)([a-z])\s*[-–]\s*(?:\1)?([a-z])", re.IGNORECASE)
_DATE_FORMATS = (
    "%d/%m/%Y",
    "%d/%m/%y",
    "%Y-%m-%d",
    "%d %B %Y",
    "%d %b %Y",
    "%d-%b-%Y",
    "%B %d, %Y",
)
_NA = {w.casefold() for w in schema.NOT_AVAILABLE_WORDS}
_EXCEL_EPOCH = datetime(1899, 12, 30)
NOT_BELOW_ZERO = {
    Unit.PERCENTAGE: "a percentage",
    Unit.RATE_PER_1000: "a rate",
    Unit.RATE_PER_10000: "a rate",
    Unit.RATE: "a rate",
    Unit.COUNT: "a count",
    Unit.RANK: "a position",
}
"""The units a figure below zero cannot be in, and what the message calls them (Pounds and
other numbers may be negative). A percentage is a share, so it cannot be over 100 either."""
BAD = object()
"""A cell whose problem has been reported already."""


class CellError(Exception):
    """A cell's value cannot be read as what its column holds; the message says why."""


def clean(value: object) -> str:
    """The value as text, with runs of spaces (non-breaking ones too) made one space."""
    return " ".join(str(value).replace("\u00a0", " ").split())


def key(value: object) -> str:
    """A header or name as compared: cleaned, any case, without a trailing ':' or '*'."""
    return clean(value).casefold().rstrip(":* ")


def number_text(value: float) -> str:
    """A number as a person would type it: 3, not 3.0."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def is_excel_error(value: object) -> bool:
    """Whether the value is an Excel error such as #DIV/0!, saved as text."""
    return isinstance(value, str) and value.strip() in EXCEL_ERRORS


def is_not_available(value: object) -> bool:
    """Whether the value is one of the words for 'not available', such as n/a."""
    return isinstance(value, str) and value.casefold() in _NA


def as_text(value: Any) -> str:
    """The value as text; a number as typed, a date as dd/mm/yyyy."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return number_text(value)
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


def as_id(header: str, value: Any, number_format: str) -> tuple[str, bool] | None:
    """An id from a number or date; None when the value is read as text instead.

    A number keeps the decimals its cell shows (1.10 stays 1.10). The flag is True when the
    number was typed without a fixed format, so Excel may have dropped a final 0.
    """
    if isinstance(value, datetime):
        raise CellError(
            f"{header} has become a date ({value:%d/%m/%Y}) in Excel: format"
            " the cell as Text and type the id again"
        )
    if isinstance(value, float) and not value.is_integer():
        if m := _FIXED_DECIMALS.fullmatch(number_format):
            return f"{value:.{len(m.group(1))}f}", False
        return repr(value), True
    return None


def as_number(
    header: str, value: Any, number_format: str, required: bool, others: str = ""
) -> float | None:
    """A number typed as a number or as text ('1,234', '58%'); n/a is None (an error if required).

    A message for a value that is not a number names what else the cell accepts: ``others``
    where given, else blank where the cell may be blank."""
    if not others and not required:
        others = "or leave it blank"
    also = f", {others}" if others else ""
    if isinstance(value, bool | datetime):
        shown = value.strftime("%d/%m/%Y") if isinstance(value, datetime) else value
        raise CellError(f"{header} '{shown}' is not a number; type a number such as 28.06{also}")
    if isinstance(value, int | float):
        if is_percent(number_format, value):  # not a literal "%": 0"%" shows 70 as 70%
            return _typed(round(float(value) * 100, 10), number_format, value)
        return _typed(float(value), number_format, value)
    text = str(value)
    if text.casefold() in _NA:
        if required:
            raise CellError(f"{header} '{text}' is not a number; a figure is needed here")
        return None
    number = parse_number(text)
    if number is None:
        raise CellError(
            f"{header} '{text}' is not a number; type a number such as 28.06"
            f" (or 58% for a percentage){also}"
        )
    return number


def _typed(number: float, number_format: str, value: float) -> Typed:
    """``number`` with the decimals its cell shows it with: its number format's (``0.0`` shows
    38 as 38.0), or under General those it needs (Excel and LibreOffice keep no trailing 0)."""
    seen = shown_with(number_format, value)
    places = seen.decimals if seen is not None and seen.decimals is not None else 0
    return Typed(number, max(places, typed_places(number)))


def shown_otherwise(header: str, value: Any, number_format: str, read: float) -> str | None:
    """The warning for a number Excel shows as another figure than ``read``; None if it agrees.

    ``value`` is what the cell holds and ``read`` the figure taken from it (``as_number``).
    """
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    shown = disagreement(number_format, value, read)
    if shown is None:
        return None
    return (
        f"{header} shows as {shown} in Excel (number format '{number_format}'), but the"
        f" cell holds {number_text(value)}, so the report would print {number_text(read)}:"
        " give the cell a plain number format (0 or 0.0) and type the figure it should show"
    )


def parse_number(text: str) -> float | None:
    """The number in text such as '1,234', '58%' or '£5', or None."""
    # '58%' typed as text means 58: percentages are recorded as 58, not 0.58
    compact = text.replace(" ", "").removeprefix("£").removesuffix("%")
    if _THOUSANDS.fullmatch(compact):
        compact = compact.replace(",", "")
    if not _NUMBER.fullmatch(compact):
        return None
    point = compact.find(".")
    return Typed(float(compact), 0 if point < 0 else len(compact) - point - 1)


def as_value(header: str, value: Any, unit: Unit, number_format: str) -> Value | None:
    """A figure of a measure: a number, a pair ('11 / 2') or not available ('n/a')."""
    if is_not_available(value):
        return NOT_AVAILABLE
    if isinstance(value, str) and is_placeholder(clean(value)):
        return NotAvailable(clean(value))
    if unit is not Unit.PAIR:
        number = as_number(header, value, number_format, False, accepted())
        if number is not None and number < 0 and unit in NOT_BELOW_ZERO:
            raise CellError(
                f"{header} '{number_text(number)}' is below zero, but the measure is"
                f" {NOT_BELOW_ZERO[unit]}: type a figure of 0 or more, or n/a"
            )
        if number is not None and number > 100 and unit is Unit.PERCENTAGE:
            raise CellError(
                f"{header} '{number_text(number)}' is over 100, but the measure is a percentage"
                " (a share of 100): type a percentage from 0 to 100, e.g. 58 for 58%, or n/a"
            )
        return number
    if isinstance(value, datetime):
        raise CellError(
            f"{header} has become the date {value:%d %b} in Excel; type the"
            f" pair with spaces, e.g. '{value.day} / {value.month}', or format the cell"
            " as Text"
        )
    if m := _PAIR.fullmatch(str(value)):
        return Pair(float(m.group(1)), float(m.group(2)))
    shown = number_text(value) if isinstance(value, int | float) else value
    raise CellError(
        f"{header} '{shown}' is not a pair of counts; type both counts with a"
        f" slash, e.g. '11 / 2', {accepted()}"
    )


def as_choice(header: str, value: Any, choices: Iterable[str], blank_allowed: bool = False) -> str:
    """One of ``choices``, whatever its case; a near miss is named in the message, and so is
    leaving the cell blank where ``blank_allowed``."""
    choices = tuple(choices)
    text = clean(number_text(value) if isinstance(value, int | float) else value)
    for choice in choices:
        if choice.casefold() == text.casefold():
            return choice
    hint = did_you_mean(text, choices, listed=0)
    blank = ", or leave it blank" if blank_allowed else ""
    raise CellError(
        f"{header} '{text}' is not one of: {', '.join(choices)}{hint}; type one of them{blank}"
    )


def as_period(header: str, value: Any) -> Period:
    """A period such as 'Sep 2016' or '2016/17 Q2'; Excel's date for 'Sep 2016' is read back."""
    if isinstance(value, datetime):
        if value.day == 1:  # Excel turns 'Sep 2016' into 1 September 2016
            return parse_period(f"{value:%b %Y}")
        raise CellError(
            f"{header} is the date {value:%d/%m/%Y}; type a period such as"
            " 'Sep 2016' or '2016/17 Q2', with the cell formatted as Text"
        )
    try:
        return parse_period(number_text(value) if isinstance(value, int | float) else value)
    except ValueError as exc:
        raise CellError(f"{header} {exc}") from None


def as_date(header: str, value: Any) -> date:
    """A date typed as a date, as Excel's serial number, or as text such as 31/10/2016."""
    if isinstance(value, datetime):
        return value.date()
    serial = isinstance(value, int | float) and not isinstance(value, bool)
    if serial and 60 <= value < 61:
        raise CellError(
            f"{header} {number_text(value)} is Excel's 29/02/1900, a day that never was; type a"
            " date such as 31/10/2016, or leave it blank for the day the report is made"
        )
    if serial and 1 <= value < 2958466:  # a date as Excel's serial number
        return _from_serial(value)
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(clean(value), form).date()
        except ValueError:
            pass
    raise CellError(
        f"{header} '{value}' is not a date; type a date such as 31/10/2016 or 31 October 2016,"
        " or a month such as December 2016, or leave it blank for the day the report is made"
    )


_MONTH_FORMATS = ("%B %Y", "%b %Y", "%b-%Y", "%B-%Y", "%b-%y", "%b %y", "%m/%Y")


def as_day_or_month(header: str, value: Any) -> tuple[date, bool]:
    """A date as ``as_date`` reads it, or a month typed as text ('December 2016', 'Dec 2016',
    'Sept 2016', 'Dec-16', '12/2016'): its last day, and True for a month."""
    if isinstance(value, str):
        text = re.sub(r"\bsept\b", "Sep", clean(value).rstrip("."), flags=re.IGNORECASE)
        for form in _MONTH_FORMATS:
            try:
                first = datetime.strptime(text, form).date()
            except ValueError:
                continue
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return following - timedelta(days=1), True
    return as_date(header, value), False


def _from_serial(serial: float) -> date:
    """The day of an Excel serial number, 1 or more, reckoned as openpyxl's ``from_excel``.

    Excel counts a 29 February 1900 that never was, so serials before it are a day later.
    """
    day, fraction = divmod(serial, 1)
    if serial < 60:
        day += 1
    time = timedelta(milliseconds=round(fraction * 86400 * 1000))
    return (_EXCEL_EPOCH + timedelta(days=day) + time).date()


def page_ids(page: str) -> tuple[str, ...]:
    """The ids a Page names: '1.2a', '1.2a-c' (1.2a, 1.2b, 1.2c) or '1.2a, 1.2b'; () if unclear."""
    ids: list[str] = []
    for part in re.split(r"\s*(?:,|;|&|\band\b)\s*", page):
        if not part:
            continue
        if m := _RANGE.fullmatch(part):
            first, last = m.group(2).lower(), m.group(3).lower()
            if first >= last:
                return ()
            ids += [f"{m.group(1)}{chr(c)}" for c in range(ord(first), ord(last) + 1)]
        elif re.search(r"\s[-–]\s|\d[-–]\d", part):
            return ()
        else:
            ids.append(part)
    return tuple(dict.fromkeys(ids))
