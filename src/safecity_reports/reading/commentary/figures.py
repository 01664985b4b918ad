"""Figures the text quotes for a measure and a period ('from 31.8% in Oct 2012 - Sep 2013',
'498 in Dec 2025', '0.62 in the previous quarter') against the workbook's figure for that
period, and the two figures of 'rose from 4% to 6%' against the comparison's and the latest.

A figure is read only where the clause names one measure before it and the figure is written
as the measure's figures are (a percentage with '%' or 'per cent', anything else without); a
period the measure has no figure for, or that cannot be read, is not judged. Figures agree as
``quotes`` has them agree: the workbook's figure as printed, to the decimals the text uses.
"""

from __future__ import annotations

import re

from safecity_reports.core.formatting import rounded
from safecity_reports.core.model import Observation, Unit
from safecity_reports.core.periods import Period
from safecity_reports.reading.commentary import dates
from safecity_reports.reading.commentary.directions import compared_with, comparison
from safecity_reports.reading.commentary.page import Page, PageMeasure
from safecity_reports.reading.commentary.text import (
    MONTH,
    NUMBER,
    Number,
    agrees,
    latest_month,
    quoted,
)

_FIGURE = (
    rf"(?<![\d.,£])(?:{NUMBER})(?![.,]?\d)(?:\s*%|\s*per\s*cent\b)?(?:\s+per\s+[\d,]+(?![\d,]))?"
)
_TYPED = re.compile(rf"(?P<n>{NUMBER})(?P<unit>\s*%|\s*per\s*cent)?")
_AT = re.compile(rf"(?P<figure>{_FIGURE})\s+(?:in|for|during)\s+(?:the\s+)?", re.IGNORECASE)
_RELATIVE = (
    ("previous", re.compile(r"(?:previous|last|preceding)\s+(?:quarter|month|period)\b", re.I)),
    ("year", re.compile(r"same\s+(?:period|quarter|month)\s+(?:last|the\s+previous)\s+year", re.I)),
    ("month", re.compile(rf"(?P<month>{MONTH})(?!\s*(?:19|20)\d\d)(?![\w-])", re.I)),
)
_FROM_TO = re.compile(
    rf"\bfrom\s+(?P<a>{_FIGURE})(?:\s+(?:in|for|during)\s+[\w/ –-]{{1,30}}?)?\s+to\s+"
    rf"(?P<b>{_FIGURE})"
    r"(?=\s*(?:$|[,.;:)]|\s(?:on|compared|since|against|over|this|last|the|and|but|which|in)\b))",
    re.IGNORECASE,
)


def _period(clause: str, at: int, pm: PageMeasure) -> tuple[Period | None, int]:
    """The period named at ``at`` in the clause (a date, a month, or the previous period or the
    same period last year), and where its words end; None (and ``at``) where none is named
    there or the measure has no figure of its months."""
    for mention in dates.mentions(clause):
        if mention.at == at:
            found = [
                o.period
                for o in pm.measure.observations
                if not o.area and (o.period.start, o.period.end) == (mention.start, mention.end)
            ]
            return (found[0] if found else None), at + len(mention.text)
    current = pm.status.current
    for kind, pattern in _RELATIVE:
        match = pattern.match(clause, at)
        if match is None or current is None:
            continue
        if kind == "month":
            return latest_month(match["month"], current.period), match.end()
        period, _ = compared_with(kind, pm)
        return period, match.end()
    return None, at


def _wrong(typed: str, obs: Observation | None, pm: PageMeasure) -> bool:
    """Whether a figure typed for ``obs`` is not the workbook's, as the page prints it; False
    where it cannot be judged (no figure, not a number, or typed in another unit)."""
    if obs is None or not isinstance(obs.actual, float | int):
        return False
    match = _TYPED.match(typed)
    if match is None or bool(match["unit"]) != (pm.measure.unit is Unit.PERCENTAGE):
        return False
    number = Number.parse(match["n"])
    places = min(number.decimals, pm.measure.decimals)
    printed = rounded(float(obs.actual), pm.measure.decimals)
    return not agrees(printed, Number(rounded(number.value, places), places))


def _one(page: Page, text: str) -> PageMeasure | None:
    named = page.named(text)
    return named[0] if len(named) == 1 else None


def _message(clause: str, start: int, end: int, pm: PageMeasure, obs: Observation) -> str:
    return (
        f"says {quoted(clause[start:end])}, but the workbook's figure for {obs.period} is "
        f"{pm.printed(obs).rsplit(' (', 1)[0]}"
    )


def _with_periods(clause: str, page: Page) -> list[str]:
    messages = []
    for match in _AT.finditer(clause):
        pm = _one(page, clause[: match.start()])
        if pm is None:
            continue
        period, end = _period(clause, match.end(), pm)
        obs = pm.observation(period) if period else None
        if obs is not None and _wrong(match["figure"], obs, pm):
            messages.append(_message(clause, match.start(), end, pm, obs))
    return messages


def _from_to(clause: str, page: Page) -> list[str]:
    match = _FROM_TO.search(clause)
    if match is None:
        return []
    pm = _one(page, clause[: match.start()])
    if pm is None or pm.status.current is None:
        return []
    against = comparison(clause)
    base = compared_with(against[0], pm)[1] if against else pm.status.previous
    for group, obs in (("a", base), ("b", pm.status.current)):
        dated = _AT.match(clause, match.start(group))
        if dated and _period(clause, dated.end(), pm)[0] is not None:
            continue  # a figure with its period: ``_with_periods`` reads it
        if obs is not None and _wrong(match[group], obs, pm):
            return [_message(clause, match.start(), match.end(), pm, obs)]
    return []


def check(clause: str, page: Page) -> list[str]:
    """Messages for figures quoted for a period that are not the workbook's for it."""
    return _with_periods(clause, page) + _from_to(clause, page)
