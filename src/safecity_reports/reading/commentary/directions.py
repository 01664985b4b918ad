"""Words of direction ('has increased compared to the same period last year') against the figures.

A clause is judged when it holds exactly one direction (after negation) and exactly one
comparison this module recognises, and names one measure of the page (or the page's measures
all moved the same way). The figures are compared as printed, as the page's arrows are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safecity_reports.core.formatting import rounded
from safecity_reports.core.model import Observation, Pair
from safecity_reports.core.periods import Period, parse_period, previous_period
from safecity_reports.core.status import Direction, direction_of_travel
from safecity_reports.reading.commentary.page import Page, PageMeasure, year_before
from safecity_reports.reading.commentary.text import MONTH, SIGNIFICANCE, latest_month, quoted

UP, DOWN, SAME = Direction.UP, Direction.DOWN, Direction.SAME

_AUXILIARIES = ("is", "are", "was", "were", "been", "gone", "went", "going")
_VERB = "(?:" + "|".join(f"(?<={v} )" for v in _AUXILIARIES) + ")"
"""'up' and 'down' are directions only after a verb ('has gone up') or before a comparison."""
_WORDS = {
    UP: r"ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|higher|gr(?:ew|own|owing)"
    rf"|{_VERB}up|up(?=\s+(?:on|from|compared|since|by)\b)",
    DOWN: r"f(?:ell|all|alls|allen|alling)|decreas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing|tion)"
    r"|lower|dropp?(?:ed|ing|s)?|declin(?:e|es|ed|ing)"
    rf"|{_VERB}down|down(?=\s+(?:on|from|compared|since|by)\b)",
    SAME: r"unchanged|no\s+change|not\s+changed|stable|stabilised|steady|static|constant"
    r"|(?:remained|stayed)\s+the\s+same|the\s+same\s+as|equal\s+to|level\s+with",
}
_DIRECTION = re.compile(
    "|".join(rf"(?P<{d.name}>\b(?:{w})\b)" for d, w in _WORDS.items()), re.IGNORECASE
)
_NEGATION = re.compile(
    r"(?:\b(?:not|never|no|without)|n[’']t)\s+(?:(?:been|yet|significantly|really|much|any|an?"
    r"|further|real|overall|shown|seen|had|experienced|such|notable|noticeable|big|great"
    r"|large)\s+)*$",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:fairly|broadly|relatively|largely|roughly|almost|nearly|more or less|about|mostly)\s+$",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:if|whether|could|would|may|might|should|will|expect(?:ed|s)?|aim(?:s|ed)?|target"
    r"|hope|likely|forecast|predicted|no longer|rather than|instead of)\b",
    re.IGNORECASE,
)

_LINK = r"(?:compared\s+(?:to|with)|than|from|on|since|over|against|versus|vs\.?|as|to)"
_YEAR_AGO = re.compile(
    rf"\b{_LINK}\s+(?:(?:at|in)\s+)?(?:the\s+)?same\s+(?:period|quarter|month|time|point)\s+"
    r"(?:last|the\s+previous)\s+year"
    rf"|\b{_LINK}\s+(?:the\s+)?same\s+(?:period|quarter|month)\s+(?:of|in)\s+(?:the\s+)?previous"
    rf"\s+year|\b{_LINK}\s+(?:the\s+)?(?:last|previous|preceding)\s+year\b",
    re.IGNORECASE,
)
_PREVIOUS = re.compile(
    rf"\b{_LINK}\s+(?:the\s+)?(?:last|previous|preceding)\s+(?:quarter|period|month)\b",
    re.IGNORECASE,
)
_NAMED = re.compile(
    rf"\b{_LINK}\s+(?:in\s+)?(?:(?P<q>Q|quarter\s+)(?P<n>[1-4])|(?P<label>\d{{4}}/\d{{2}}\s*Q[1-4]"
    r"|Q[1-4]\s*\d{4}/\d{2}|[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{4}/\d{2}|(?:19|20)\d{2}"
    rf"|(?P<month>{MONTH})))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Claim:
    """What a clause says: the directions it allows, against which period, in which words."""

    allowed: frozenset[Direction]
    against: str
    """'year' (same period last year), 'previous', or a period label."""
    words: str


def _directions(clause: str) -> set[frozenset[Direction]] | None:
    """The directions each direction word allows; None if a word is hedged or hypothetical."""
    found = set()
    for match in _DIRECTION.finditer(clause):
        direction = Direction[match.lastgroup or ""]
        before = clause[: match.start()]
        if _HEDGE.search(before):
            return None
        if _NEGATION.search(before):
            if direction is SAME:  # 'not stable' says too little to check
                return None
            found.add(frozenset({UP, DOWN, SAME}) - {direction})
        else:
            found.add(frozenset({direction}))
    return found


def comparison(clause: str) -> tuple[str, re.Match[str]] | None:
    """The one period a clause compares with ('year', 'previous', a period's label, or 'month'
    and a month's name) and the words that say so; None where it names none or several."""
    against = [("year", m) for m in _YEAR_AGO.finditer(clause)]
    against += [("previous", m) for m in _PREVIOUS.finditer(clause)]
    against += [("named", m) for m in _NAMED.finditer(clause)]
    if len(against) != 1:
        return None
    kind, match = against[0]
    if kind == "named":
        kind = match.group("label") or f"Q{match.group('n')}"
        if match.group("month"):
            kind = f"month {kind}"
    return kind, match


def claim(clause: str) -> Claim | None:
    """The one comparison a clause makes, or None when it makes none or is not plain. A clause
    about significance is left to ``significance``, which holds it to the report's test."""
    if _HYPOTHETICAL.search(clause) or SIGNIFICANCE.search(clause):
        return None
    against = comparison(clause)
    directions = _directions(clause)
    if against is None or not directions or len(directions) != 1:
        return None
    kind, match = against
    spans = [m.span() for m in _DIRECTION.finditer(clause)] + [match.span()]
    words = clause[min(a for a, _ in spans) : max(b for _, b in spans)]
    return Claim(directions.pop(), kind, words)


def _baseline(claim: Claim, current: Period) -> Period | None:
    """The period a claim compares the current period with."""
    if claim.against == "year":
        return year_before(current)
    if claim.against == "previous":
        return previous_period(current)
    if re.fullmatch(r"Q[1-4]", claim.against):
        quarter = previous_period(current)
        for _ in range(4):
            if quarter.label.endswith(claim.against):
                return quarter
            quarter = previous_period(quarter)
        return None
    if claim.against.startswith("month "):
        return latest_month(claim.against.removeprefix("month "), current)
    try:
        return parse_period(claim.against)
    except ValueError:
        return None


_SAID = {UP: "an increase", DOWN: "a fall", SAME: "no change"}


def compared(claim: Claim, pm: PageMeasure) -> tuple[Period | None, Observation | None]:
    """The period a claim compares with, and the measure's figure for it if recorded."""
    current = pm.status.current
    if current is None:
        return None, None
    period = _baseline(claim, current.period)
    return period, pm.observation(period) if period else None


def compared_with(against: str, pm: PageMeasure) -> tuple[Period | None, Observation | None]:
    """The period and figure a comparison of kind ``against`` ('previous', 'year', ...)
    compares with, as ``compared`` finds them for a claim of that kind."""
    return compared(Claim(frozenset(), against, ""), pm)


def printed_pair(base: Observation, pm: PageMeasure) -> tuple[float, float] | None:
    """``base`` and the current figure, each rounded as the page prints it; None where there is
    no current figure or either is not a single number (text, or a pair of figures)."""
    current = pm.status.current
    if current is None:
        return None
    values = (base.actual, current.actual)
    if not all(isinstance(v, float | int) and not isinstance(v, Pair) for v in values):
        return None
    places = pm.measure.decimals
    before, after = (rounded(float(v), places) for v in values)  # type: ignore[arg-type]
    return before, after


def _verdict(claim: Claim, pm: PageMeasure) -> tuple[Direction, str] | None:
    """What the figures show for the claim, and how to say so; None if nothing to compare."""
    status, unit, places = pm.status, pm.measure.unit, pm.measure.decimals
    current = status.current
    period, base = compared(claim, pm)
    if current is None or period is None:
        return None
    if base is not None:
        shown = direction_of_travel(base.actual, current.actual, unit, places)
        return shown, f"the figures are {pm.printed(base)} and {pm.printed(current)}"
    previous = status.previous
    if previous is None or claim.against not in ("year", "previous"):
        return None  # a period named that the workbook has no figure for: not judged
    # No figure for the period named: the words are held to the figures the page prints.
    shown = direction_of_travel(previous.actual, current.actual, unit, places)
    return shown, (
        f"the workbook has no figure for {period}, and the page's figures are "
        f"{pm.printed(previous)} and {pm.printed(current)}"
    )


def check(clause: str, page: Page) -> list[str]:
    """Messages for a clause whose direction the figures contradict."""
    said = claim(clause)
    if said is None or not page.measures:
        return []
    head = clause[: clause.find(said.words)] if said.words in clause else clause
    named = page.named(head) or page.named(clause)
    if not named and (len(page.measures) == 1 or page.names_any(clause)):
        return []  # 'the number of arrests has increased' on a page about a rate
    judged = named or list(page.measures)
    verdicts = [_verdict(said, pm) for pm in judged]
    if any(v is None or v[0] is Direction.NOT_AVAILABLE for v in verdicts):
        return []
    shown = {v[0] for v in verdicts if v}
    if len(shown) != 1 or shown & said.allowed:
        return []
    direction = shown.pop()
    figures = "; ".join(
        f"{pm.measure.id}: {v[1]}" if len(judged) > 1 else v[1]
        for pm, v in zip(judged, verdicts, strict=True)
        if v
    )
    return [f"says {quoted(said.words)}, but {figures}: {_SAID[direction]}"]
