"""The Measures sheet's Unit column: one of the listed units, a rate per any number of
anything ('Rate per 1,000 households'), or any other text, a plain number in that unit ('Days')."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from safecity_reports.core.model import Unit
from safecity_reports.reading import schema
from safecity_reports.reading.cells import clean, key

_RATE = re.compile(r"rate\s+per\s+(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<what>.*)", re.IGNORECASE)
_RATES = {1000.0: Unit.RATE_PER_1000, 10000.0: Unit.RATE_PER_10000}


@dataclass(frozen=True)
class ReadUnit:
    """A unit as read: what the code computes with, and what the board reads."""

    unit: Unit
    label: str = ""
    """The unit as typed, where it says more than ``unit`` (empty for a listed unit)."""
    rate_per: float | None = None
    """For ``Unit.RATE``: what the rate is per."""


class UnitError(ValueError):
    """A Unit that is a listed one mistyped, or a rate that does not say what it is per."""


def read_unit(typed: str) -> ReadUnit:
    """The unit ``typed`` names. Raises ``UnitError`` for a near miss of a listed unit
    ('percent'), a unit with no words ('%') and 'Rate per' without a number above 0."""
    text = clean(typed)
    listed = {key(u): u for u in schema.LISTS["Units"]}
    if key(text) in listed:
        return ReadUnit(Unit(listed[key(text)]))
    close = difflib.get_close_matches(key(text), list(listed), 1, 0.75)
    if close or not re.search(r"[^\W\d_]", text):
        hint = f" (did you mean '{listed[close[0]]}'?)" if close else ""
        raise UnitError(
            f"Unit '{text}' is not one of: {', '.join(schema.LISTS['Units'])}{hint}; type one of"
            " them, or a unit of your own in words, such as 'Days' (or leave it blank for a"
            " measure with no figures)"
        )
    rate = _RATE.fullmatch(text)
    if rate is None and key(text).startswith(key("Rate per")):
        raise UnitError(
            f"Unit '{text}' does not say what the rate is per: type a number after 'Rate per',"
            " e.g. 'Rate per 1,000 households'"
        )
    if rate is None:
        return ReadUnit(Unit.NUMBER, text)
    per = float(rate["n"].replace(",", ""))
    if per <= 0:
        raise UnitError(f"Unit '{text}' is a rate per {rate['n']}: type a number above 0")
    if per in _RATES:
        return ReadUnit(_RATES[per], text if rate["what"] else "")
    return ReadUnit(Unit.RATE, text, per)
