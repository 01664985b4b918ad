"""Sums in the text recomputed: shares ('20 out of 30 (60%)') and percentage changes
('6.3% lower than the same period last year', from the text's own figures or the workbook's).

A share or change agrees when the text's percentage is the exact figure rounded, or cut short,
to the decimal places the text uses; a change of a percentage measure may be in percentage
points or relative, unless the text says which.
"""

from __future__ import annotations

import re

from safecity_reports.core.model import Unit
from safecity_reports.reading.commentary import directions
from safecity_reports.reading.commentary.page import Page
from safecity_reports.reading.commentary.text import NUMBER, Number, agrees, quoted, shown

_N = rf"(?<![\d.,])(?:{NUMBER})"
_OF = r"\s+(?:out\s+)?of\s+(?:the\s+)?"
_WORDS = r"(?:\s+[A-Za-z][A-Za-z'’-]*){0,4}"
_SHARES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"(?P<n>{_N}){_OF}(?P<m>{_N}){_WORDS}\s*\(\s*(?P<p>{_N})\s*%(?:\s*\))?",
        rf"(?P<p>{_N})\s*%\s*\(\s*(?P<n>{_N}){_OF}(?P<m>{_N})\s*\)",
        rf"(?P<n>{_N}){_WORDS}\s*\(\s*(?P<p>{_N})\s*%\s+of\s+(?:the\s+)?(?P<m>{_N})(?:\s*\))?",
        rf"(?P<p>{_N})\s*%\s+of\s+(?:the\s+)?(?P<m>{_N}){_WORDS}\s*\(\s*(?P<n>{_N})\s*\)",
    )
)
_UNITS = r"\s*(?P<unit>percentage\s+points?|per\s*cent\b|%)"
"""The longest first: 'per cent' is also the start of 'percentage points'."""
_CHANGES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"(?P<p>{_N}){_UNITS}\s+(?:higher|lower|more|less|fewer|up|down|above|below)\b",
        rf"\b(?:increas|decreas|ris|rose|fell|fall|reduc|dropp?|declin|grew|grow)\w*"
        rf"(?:\s+by)?\s+(?P<p>{_N}){_UNITS}",
        rf"\b(?:up|down)(?:\s+by)?\s+(?P<p>{_N}){_UNITS}",
        rf"\b(?:an?\s+)?(?P<p>{_N}){_UNITS}\s+(?:increase|rise|fall|reduction|decrease|drop)\b",
    )
)
_FROM_TO = re.compile(rf"\bfrom\s+(?P<a>{_N})\s*%?\s+to\s+(?P<b>{_N})\s*%?", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:about|around|nearly|almost|roughly|over|under|approximately|some)\s+$")


def _shares(clause: str) -> list[str]:
    messages = []
    for pattern in _SHARES:
        for match in pattern.finditer(clause):
            n, m = Number.parse(match["n"]), Number.parse(match["m"])
            percent = Number.parse(match["p"])
            if m.value == 0 or n.value > m.value:
                continue
            exact = 100 * n.value / m.value
            if not agrees(exact, percent):
                messages.append(
                    f"says {quoted(match[0])}, but {match['n']} out of {match['m']} is "
                    f"{shown(exact, percent.decimals + 1)}%"
                )
    return messages


def _change(clause: str, page: Page) -> list[str]:
    for pattern in _CHANGES:
        match = pattern.search(clause)
        if match and not _HEDGE.search(clause[: match.start("p")]):
            break
    else:
        return []
    percent, unit = Number.parse(match["p"]), match["unit"].strip().lower()
    points_only = unit.startswith("percentage")
    if pair := _FROM_TO.search(clause):
        before, after = float(pair["a"].replace(",", "")), float(pair["b"].replace(",", ""))
        is_percentage, figures = "%" in pair[0], f"from {pair['a']} to {pair['b']}"
    else:
        said = directions.claim(clause)
        named = page.named(clause)
        if said is None or len(named) != 1:
            return []
        pm = named[0]
        _, base = directions.compared(said, pm)
        printed = directions.printed_pair(base, pm) if base is not None else None
        current = pm.status.current
        if printed is None or base is None or current is None:
            return []
        before, after = printed
        is_percentage = pm.measure.unit is Unit.PERCENTAGE
        figures = f"the figures are {pm.printed(base)} and {pm.printed(current)}"
    difference = abs(after - before)
    possible = [(difference, " percentage points")] if is_percentage else []
    if before and not points_only:
        possible.append((100 * difference / abs(before), "%"))
    if not possible or any(agrees(value, percent) for value, _ in possible):
        return []
    worked = " or ".join(f"{shown(v, max(percent.decimals, 1))}{u}" for v, u in possible)
    return [f"says {quoted(match[0])}, but {figures}: a change of {worked}"]


def check(clause: str, page: Page) -> list[str]:
    """Messages for shares and percentage changes in a clause that do not add up."""
    return _shares(clause) + _change(clause, page)
