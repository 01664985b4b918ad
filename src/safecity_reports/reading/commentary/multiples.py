"""Multiples and fractions of a change ('has halved since 2017/18', 'doubled compared to the
previous month', 'fallen by a quarter compared to the same period last year') against the
figures of the period the clause names, as the page prints them.

Such words are round by nature, so a multiple agrees when the change is within 25% of the one it
names (a doubling is 1.75 to 2.25 times); 'more than' asks only that the change be at least
that large, and a hedged word ('almost doubled', 'about a third') is not judged. A clause that
names no period to compare with, or not exactly one measure, is not judged.
"""

from __future__ import annotations

import re

from safecity_reports.reading.commentary.directions import compared_with, comparison, printed_pair
from safecity_reports.reading.commentary.page import Page
from safecity_reports.reading.commentary.text import quoted, shown

_MORE = r"(?P<more>more\s+than\s+|over\s+)?"
_HEDGED = r"(?P<hedge>almost\s+|nearly\s+|about\s+|around\s+|roughly\s+|approximately\s+)?"
_MULTIPLE = re.compile(
    rf"\b{_MORE}{_HEDGED}(?P<word>doubled|halved|tripled|trebled|quadrupled)\b"
    rf"|\b(?P<verb>up|down|risen|rose|rising|increased|fallen|fell|falling|decreased|reduced"
    rf"|dropped|cut|grown|grew)\s+by\s+{_MORE.replace('more>', 'more2>')}"
    rf"{_HEDGED.replace('hedge>', 'hedge2>')}(?:a|one)\s+(?P<fraction>half|third|quarter|fifth"
    r"|tenth)\b",
    re.IGNORECASE,
)
_RATIOS = {"doubled": 2.0, "halved": 0.5, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0}
_FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_UP = re.compile(r"up|ris|rose|incr|gr", re.IGNORECASE)
TOLERANCE = 0.25
"""How far, as a share of the change a word names, the change may be from it."""


def named_change(match: re.Match[str]) -> float:
    """The change a multiple or fraction names, as a share of the figure before: 1.0 for
    'doubled', -0.5 for 'halved' or 'down by a half', 0.25 for 'up by a quarter'."""
    if match["word"]:
        return _RATIOS[match["word"].lower()] - 1
    share = 1 / _FRACTIONS[match["fraction"].lower()]
    return share if _UP.match(match["verb"]) else -share


def agrees(change: float, said: float, more: bool) -> bool:
    """Whether a change (a share of the figure before) is the one named, within
    ``TOLERANCE``, or, for 'more than', at least about as large and the same way."""
    slack = TOLERANCE * abs(said)
    if more:
        return change >= said - slack if said > 0 else change <= said + slack
    return abs(change - said) <= slack


def check(clause: str, page: Page) -> list[str]:
    """Messages for a multiple or fraction of change the figures do not bear out."""
    match = _MULTIPLE.search(clause)
    against = comparison(clause)
    if match is None or against is None or match["hedge"] or match["hedge2"]:
        return []
    named = page.named(clause[: match.start()]) or page.named(clause)
    if len(named) != 1:
        return []
    pm = named[0]
    _, base = compared_with(against[0], pm)
    current = pm.status.current
    pair = printed_pair(base, pm) if base is not None else None
    if base is None or current is None or pair is None:
        return []
    before, after = pair
    if before <= 0:
        return []
    change = after / before - 1
    if agrees(change, named_change(match), bool(match["more"] or match["more2"])):
        return []
    way = "a rise" if change > 0 else "a fall"
    worked = f"{way} of {shown(abs(change) * 100, 1)}%" if change else "no change"
    words = clause[min(match.start(), against[1].start()) : max(match.end(), against[1].end())]
    return [
        f"says {quoted(words)}, but the figures are {pm.printed(base)} and "
        f"{pm.printed(current)}: {worked}"
    ]
