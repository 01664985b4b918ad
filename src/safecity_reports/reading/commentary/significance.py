"""Words of statistical significance held to the report's own test, both ways: 'has increased
significantly' where the report's test finds the change could be chance, and 'has not changed
significantly' or 'no significant change' where it finds a significant one.

The verdict is the report's (``core.verdicts``, read through the page), never worked out again
here. Only a measure whose change the report tested is judged, and only against the period the
test compared with: a clause naming another period ('significantly higher than the same period
last year' where the test is on the previous quarter) is left alone, as are hedged, conditional
and comparative uses ('not decreasing significantly enough to ...', 'will lead to significant
improvements').
"""

from __future__ import annotations

import re

from safecity_reports.core.status import Direction
from safecity_reports.core.verdicts import Change
from safecity_reports.reading.commentary.directions import Claim, compared, comparison
from safecity_reports.reading.commentary.page import Page, PageMeasure
from safecity_reports.reading.commentary.text import quoted

_UP = r"ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|higher|gr(?:ew|own|owing)|up"
_DOWN = (
    r"f(?:ell|all|alls|allen|alling)|decreas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing|tion)|lower"
    r"|dropp?(?:ed|ing|s)?|declin(?:e|es|ed|ing)|down"
)
_ANY = r"chang(?:e|es|ed|ing)|differ(?:s|ed|ent|ence)?|movement|shift"
_MOVE = rf"(?:(?P<up>{_UP})|(?P<down>{_DOWN})|(?P<any>{_ANY}))"
_SIGNIFICANT = r"(?:statistically\s+)?significant(?:ly)?"
_SAID = re.compile(
    rf"\b{_MOVE}\s+(?:\w+\s+){{0,2}}?{_SIGNIFICANT}\b(?!\s+enough)"
    rf"|\b{_SIGNIFICANT}\s+(?:\w+\s+)?{_MOVE.replace('?P<', '?P<b')}\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:not|no|never|nor|without)\s+(?:\w+\s+){0,4}?(?:statistically\s+)?significan\w*"
    r"|n[’']t\s+(?:\w+\s+){0,4}?(?:statistically\s+)?significan\w*"
    r"|\b(?:in|non-?)significant\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(
    r"\b(?:if|whether|could|would|may|might|should|will|expect\w*|aim\w*|hope\w*|likely"
    r"|forecast\w*|predict\w*|enough|sufficiently|too)\b",
    re.IGNORECASE,
)
_ELSEWHERE = re.compile(
    r"\b(?:average|national|regional|benchmark|similar|group|target|england|peers?|areas?"
    r"|forces?|other)\b",
    re.IGNORECASE,
)
"""Words of a comparison with somewhere else, not with an earlier period: not the change's test."""
_WAYS = {"up": Direction.UP, "down": Direction.DOWN}


def _said(clause: str) -> tuple[bool, Direction | None, str] | None:
    """What the clause says: whether significant, which way (None: a change either way), and
    the words; None where it says nothing plain about significance."""
    match = _SAID.search(clause)
    negated = _NEGATED.search(clause)
    if match is None and negated is None:
        return None
    way = None
    if match is not None:
        for group, direction in _WAYS.items():
            if match[group] or match[f"b{group}"]:
                way = direction
    spans = [m.span() for m in (match, negated) if m is not None]
    words = clause[min(a for a, _ in spans) : max(b for _, b in spans)]
    return negated is None, way, words


def _tested(pm: PageMeasure, clause: str) -> bool:
    """Whether the report tested the change the clause speaks of (its own comparison, or none
    named)."""
    status = pm.status
    if status.test is None or status.previous is None or status.current is None:
        return False
    against = comparison(clause)
    if against is None:
        return True
    period, _ = compared(Claim(frozenset(), against[0], ""), pm)
    return period == status.previous.period


def check(clause: str, page: Page) -> list[str]:
    """Messages for words of significance the report's own test contradicts."""
    said = _said(clause)
    if said is None or _CONDITIONAL.search(clause) or _ELSEWHERE.search(clause):
        return []
    significant, way, words = said
    named = page.named(clause)
    if len(named) != 1 or not _tested(named[0], clause):
        return []
    pm = named[0]
    change, direction = pm.verdict.change, pm.status.direction
    found = change in (Change.BETTER, Change.WORSE)
    if not found and change not in (Change.NOT_SIGNIFICANT, Change.NO_CHANGE):
        return []
    previous, current = pm.status.previous, pm.status.current
    assert previous is not None and current is not None  # _tested
    figures = f"{pm.printed(previous)} to {pm.printed(current)}"
    if significant and not found:
        return [
            f"says {quoted(words)}, but the report's own test finds no significant change "
            f"from {figures}"
        ]
    if significant and way is not None and way is not direction:
        word = "increase" if direction is Direction.UP else "fall"
        return [f"says {quoted(words)}, but the figures show a significant {word} from {figures}"]
    if not significant and found and (way is None or way is direction):
        word = "increase" if direction is Direction.UP else "fall"
        return [
            f"says {quoted(words)}, but the report's own test finds a significant {word} "
            f"from {figures}"
        ]
    return []
