"""A figure the text quotes for the page's own measure ('the rate is now 0.13') against the
workbook's latest figure, as the page prints it.

Only a present-tense statement is read (``is``, ``is now``, ``stands at``, ``remains at``) whose
subject names the measure and no other period, and whose number stands alone: in 'there are 15
young people' or 'is 6.3% lower' the number is not the measure's figure.
"""

from __future__ import annotations

import re

from safecity_reports.core.formatting import rounded
from safecity_reports.core.model import Unit
from safecity_reports.reading.commentary.page import Page
from safecity_reports.reading.commentary.text import NUMBER, Number, agrees, quoted

_STATEMENT = re.compile(
    r"\b(?:is|are|stands\s+at|stood\s+at|remains\s+at|remain\s+at)\s+"
    r"(?:(?:now|currently|at|still)\s+)*"
    rf"(?P<n>(?<![\d.,£])(?:{NUMBER}))(?![.,]?\d)(?P<unit>\s*%|\s*per\s*cent)?"
    r"(?=\s*(?:$|[,.;:)]|\s(?:which|and|compared|this|in|for|per|against|but|with|so|while)\b))",
    re.IGNORECASE,
)
_OTHER_TIME = re.compile(
    r"\b(?:last|previous|previously|was|were|ago|before|average|target|benchmark|similar|national"
    r"|regional|there|(?:19|20)\d{2}|Q[1-4]|quarter\s+[1-4])\b",
    re.IGNORECASE,
)
_NUMERIC = (
    Unit.PERCENTAGE,
    Unit.RATE_PER_1000,
    Unit.RATE_PER_10000,
    Unit.RATE,
    Unit.COUNT,
    Unit.NUMBER,
)


def check(clause: str, page: Page) -> list[str]:
    """Messages for a figure quoted for the page's measure that the workbook does not hold."""
    match = _STATEMENT.search(clause)
    if match is None:
        return []
    subject = clause[: match.start()]
    if _OTHER_TIME.search(subject):
        return []
    named = page.named(subject)
    if len(named) != 1:
        return []
    pm = named[0]
    measure, current = pm.measure, pm.status.current
    percent = bool(match["unit"])
    if measure.unit not in _NUMERIC or percent != (measure.unit is Unit.PERCENTAGE):
        return []
    if current is None or not isinstance(current.actual, float | int):
        return []
    typed = Number.parse(match["n"])
    places = min(typed.decimals, measure.decimals)
    printed = rounded(float(current.actual), measure.decimals)
    if agrees(printed, Number(rounded(typed.value, places), places)):
        return []
    return [
        f"says {quoted(clause[max(0, match.start() - 40) : match.end()])}, but the workbook's "
        f"latest figure is {pm.printed(current)}"
    ]
