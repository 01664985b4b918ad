"""Excel's number formats, read as Excel shows a number with them.

Only what changes the number a person sees is read: which section of the format a value uses,
whether a ``%`` there is Excel's percent (the value shown times 100) or a literal ``%`` typed as
text (``0"%"`` or ``0\\%`` show 70 as 70%), the commas that divide by 1,000 (``#,##0,"k"``), and
how many decimals are shown. Dates, times, fractions and scientific notation are left alone:
openpyxl reads dated cells as dates, and the rest show the number itself.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from safecity_reports.core.formatting import format_number, rounded

_DIGIT = "0#?"
_DATE_OR_ODD = re.compile(r"[dmyhsDMYHSeE/@]")


@dataclass(frozen=True)
class Shown:
    """What one section of a number format does to the number it shows."""

    percent: bool
    """Whether Excel multiplies by 100 (a ``%`` outside quotes)."""
    percent_sign: bool
    """Whether a ``%`` is shown at all, as Excel's percent or as typed text."""
    thousands: int
    """How many times the number is divided by 1,000 (commas after the last digit)."""
    decimals: int | None
    """Decimals shown; None for General, which shows the number as it is."""


@functools.lru_cache(maxsize=256)
def sections(number_format: str) -> tuple[str, ...]:
    """The format's sections (positive;negative;zero;text), split where ``;`` is not quoted.

    (Each format is split once: a workbook has a few formats and thousands of cells.)"""
    parts: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for char in number_format:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return tuple(parts)


@functools.lru_cache(maxsize=256)
def codes(section: str) -> tuple[str, bool]:
    """The section's format codes without its text, and whether that text has a ``%``.

    Text is what Excel prints as typed: ``"quoted"``, a ``\\``-escaped character, the character
    after ``_`` (a space as wide) or ``*`` (a fill), and ``[...]`` (a colour, condition or locale).
    """
    kept: list[str] = []
    literal_percent = False
    index = 0
    while index < len(section):
        char = section[index]
        if char == '"':
            end = section.find('"', index + 1)
            end = len(section) if end < 0 else end
            literal_percent |= "%" in section[index + 1 : end]
            index = end + 1
        elif char in "\\_*":
            literal_percent |= char == "\\" and section[index + 1 : index + 2] == "%"
            index += 2
        elif char == "[":
            end = section.find("]", index + 1)
            index = len(section) if end < 0 else end + 1
        else:
            kept.append(char)
            index += 1
    return "".join(kept), literal_percent


def section_for(number_format: str, value: float) -> str:
    """The section Excel uses to show ``value``: the first, or the negative or zero one."""
    parts = sections(number_format)
    if len(parts) >= 3 and value == 0:
        return parts[2]
    if len(parts) >= 2 and value < 0:
        return parts[1]
    return parts[0]


def shown(number_format: str, value: float) -> Shown | None:
    """How Excel shows ``value`` with ``number_format``; None for formats not read here.

    A negative value shown by its own section loses its sign to that section's text, as in
    Excel; the caller compares sizes.
    """
    section = section_for(number_format, value)
    code, literal_percent = codes(section)
    if code.strip().casefold() in ("", "general"):
        return Shown(False, literal_percent, 0, None)
    if _DATE_OR_ODD.search(code) or not any(c in code for c in _DIGIT):
        return None
    last_digit = max(code.rfind(c) for c in _DIGIT)
    trailing = re.match(r",*", code[last_digit + 1 :])
    thousands = len(trailing.group(0)) if trailing else 0
    thousands += sum(len(run) for run in re.findall(r"(?<=[0#?]),+(?=\.)", code[: last_digit + 1]))
    point = code.find(".")
    decimals = 0 if point < 0 else sum(c in _DIGIT for c in code[point + 1 :])
    percent = "%" in code
    return Shown(percent, percent or literal_percent, thousands, decimals)


def is_percent(number_format: str, value: float) -> bool:
    """Whether Excel shows ``value`` times 100: a ``%`` in its section that is not typed text."""
    seen = shown(number_format, value)
    return seen is not None and seen.percent


def disagreement(number_format: str, value: float, read: float) -> str | None:
    """What Excel shows, when it is not the number ``read``; None when they agree.

    ``value`` is the number stored in the cell; ``read`` is the figure the report takes from it.
    They are compared to the decimals Excel shows, so a format that only shows fewer decimals
    never disagrees; one that divides by 1,000, or scales by 100 where the reader does not, does.
    """
    seen = shown(number_format, value)
    if seen is None:
        return None
    own_sign = value < 0 and len(sections(number_format)) > 1  # its section shows the sign
    size, figure = (abs(value), abs(read)) if own_sign else (value, read)
    number = size * (100 if seen.percent else 1) / 1000**seen.thousands
    decimals = seen.decimals if seen.decimals is not None else 10
    if rounded(number, decimals) == rounded(figure, decimals):
        return None
    text = format_number(number, decimals) if seen.decimals is not None else f"{number:g}"
    return text + ("%" if seen.percent_sign else "")
