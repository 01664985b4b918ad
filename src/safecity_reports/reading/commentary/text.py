"""Sentences, clauses and numbers as agencies type them, for the checks of the commentary."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from safecity_reports.core.formatting import rounded
from safecity_reports.core.periods import Period, parse_period

_SENTENCE_END = re.compile(r"(?<=[.!?])[)\"”’]?\s+(?=[A-Z0-9£\"“(‘])")

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
"""A number as typed: ``62``, ``6.3``, ``1,234.5``."""
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
"""A month's name, whole or cut short (match it ignoring case)."""
_CLAUSE_BREAK = re.compile(
    rf"\s*;\s*|\s+[-–—]\s+(?!{MONTH}\s+(?:19|20)\d\d)"
    r"|,?\s+(?:but|whereas|while|although|however)\s+|:\s+",
    re.IGNORECASE,
)
"""Where a clause ends; not at the dash of a span of months ('Oct 2012 - Sep 2013')."""
SIGNIFICANCE = re.compile(r"\bsignifican(?:t|tly|ce)\b", re.IGNORECASE)
"""A word of statistical significance: such a clause is held to the report's own test."""
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}


def month_number(word: str) -> int:
    """1 to 12 for a month's name as ``MONTH`` matches it ('Sept.' is 9)."""
    return _MONTHS[word[:3].lower()]


def latest_month(word: str, current: Period) -> Period:
    """The month named ``word`` ('November') that ends last on or before ``current`` ends."""
    number = month_number(word)
    year = current.end.year - (number > current.end.month)
    return parse_period(f"{calendar.month_abbr[number]} {year}")


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (a full stop inside ``0.12`` or ``e.g.`` does no harm)."""
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def clauses(sentence: str) -> list[str]:
    """A sentence cut where a new claim may start: ``;``, a dash, ``but``, ``whereas``, ``:``."""
    return [c for c in _CLAUSE_BREAK.split(sentence) if c.strip()]


@dataclass(frozen=True)
class Number:
    """A number in the text, with the decimal places it was typed with."""

    value: float
    decimals: int

    @classmethod
    def parse(cls, text: str) -> Number:
        digits = text.replace(",", "")
        return cls(float(digits), len(digits.partition(".")[2]))


def agrees(exact: float, typed: Number, decimals: int | None = None) -> bool:
    """Whether ``typed`` is ``exact`` written to ``decimals`` places (the typed number's own
    places by default), rounded as Excel rounds or cut short, as people also write."""
    places = typed.decimals if decimals is None else decimals
    shown = rounded(typed.value, places)
    cut = int(exact * 10**places + 1e-9) / 10**places
    return shown in (rounded(exact, places), rounded(cut, places))


def shown(value: float, decimals: int) -> str:
    """A worked-out number for a message, to ``decimals`` places."""
    return f"{rounded(value, decimals):,.{decimals}f}"


def quoted(text: str, limit: int = 90) -> str:
    """Words of the commentary for a message, shortened in the middle if long."""
    text = " ".join(text.split()).strip(" ,.;:")
    if len(text) > limit:
        text = f"{text[: limit // 2 - 2].rstrip()} ... {text[-(limit // 2 - 2) :].lstrip()}"
    return f"'{text}'"
