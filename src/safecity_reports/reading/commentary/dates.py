"""Dates and periods in the text against the report's own: a sentence that says something
happened after the report's date, or that speaks of the current period but names it in another
year ('During the period July-September 2017' in a report on July to September 2016).

Only dates the text introduces with a preposition ('in May 2016', 'during July-September 2017')
are read, so titles such as 'the Action Plan 2015-2017' are left alone; and only clauses in the
past tense, with no word of plans or expectations, are held to the report's date. 'by' and
'until' are no such word ('was launched by the partnership in December 2016'), nor is the noun
'plan' ('in line with the plan, 14 test purchases were made in October 2017'): a date 'by' or
'until' introduces is a deadline, and is not read, as no preposition of ``_PREPOSITION`` is.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from safecity_reports.core.periods import Period
from safecity_reports.reading.commentary.page import Page
from safecity_reports.reading.commentary.text import MONTH, NUMBER, clauses, month_number, quoted

_MONTH = MONTH
_DASH = r"\s*(?:-|–|—|to)\s*"
_Y = r"(?:19|20)\d{2}"
_FORMS = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("day", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})\s+(?P<y2>{_Y})\b"),
        ("span", rf"\b(?P<m1>{_MONTH})\s+(?P<y1>{_Y}){_DASH}(?P<m2>{_MONTH})\s+(?P<y2>{_Y})\b"),
        ("span", rf"\b(?P<m1>{_MONTH})(?:{_DASH}|\s+and\s+)(?P<m2>{_MONTH})\s+(?P<y2>{_Y})\b"),
        ("quarter", rf"\b(?P<y1>{_Y})\s*/\s*\d{{2}}\s*Q(?P<q>[1-4])\b"),
        ("quarter", rf"\bQ(?P<q>[1-4])\s*(?P<y1>{_Y})\s*/\s*\d{{2}}\b"),
        ("month", rf"\b(?P<m1>{_MONTH})\s+(?P<y2>{_Y})\b"),
        ("years", rf"\b(?P<y1>{_Y})(?:{_DASH}|\s+and\s+)(?P<y2>{_Y})\b"),
        ("financial", rf"\b(?P<y1>{_Y})\s*/\s*\d{{2}}\b"),
        ("year", rf"\b(?P<y1>{_Y})\b"),
    )
)

_PREPOSITION = re.compile(
    r"\b(?:in|on|during|from|since|between|throughout|over|for|of)\s+(?:the\s+)?"
    r"(?:(?:late|early|mid|end\s+of|start\s+of|beginning\s+of|period|month\s+of|year)\s+)*$",
    re.IGNORECASE,
)
_CURRENT = re.compile(
    r"\b(?:during|in|over|throughout)\s+(?:the|this)\s+(?:reporting\s+)?(?:period|quarter)\b"
    r"|\bthis\s+(?:reporting\s+)?(?:quarter|period|month)\b|\bthe\s+current\s+(?:quarter|period)\b",
    re.IGNORECASE,
)
_A_FIGURE_FOR = re.compile(
    rf"(?<![\d.,])(?:{NUMBER})\s*(?:%|per\s*cent)?(?:\s+per\s+[\d,]+)?\s+(?:in|for|during)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
"""A figure just before a period: the figure of that period, which ``figures`` reads."""
_COMPARING = re.compile(
    r"\b(?:compared|comparison|than|last\s+year|previous|since|against|versus|vs)\b", re.IGNORECASE
)
_PAST = re.compile(
    r"\b(?:was|were|had|has\s+been|have\s+been|took\s+place|happened|occurred|ran|began|started"
    r"|completed|conducted|held|made|received|recorded|launched|met|agreed|brought|endorsed"
    r"|implemented|established|delivered|carried\s+out|introduced|opened|published|reported"
    r"|found|took|set\s+up|offended|arrested|charged)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|would|going\s+to|to\s+be|due|plann(?:ed|ing)|plans?\s+to|aim\w*|intend\w*"
    r"|expect\w*|schedul\w*|next|future|forthcoming|upcoming|hope\w*|propos\w*|should|could|might"
    r"|may(?!\s+(?:19|20)\d{2})|target\w*|anticipat\w*)\b|[’']ll\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """A date or period named in the text."""

    kind: str
    start: date
    end: date
    text: str
    at: int
    """Where it starts in the sentence."""
    introduced: bool
    """Whether a preposition (or 'during the period') comes just before it."""

    @property
    def years(self) -> set[int]:
        return set(range(self.start.year, self.end.year + 1))


def _month(word: str | None) -> int:
    return month_number(word or "")


def _dates(kind: str, m: re.Match[str]) -> tuple[date, date]:
    groups = m.groupdict()
    if kind == "quarter":
        first = int(groups["y1"])
        month = 4 + 3 * (int(groups["q"]) - 1)
        year = first + (month > 12)
        month = (month - 1) % 12 + 1
        return date(year, month, 1), date(year, month + 2, calendar.monthrange(year, month + 2)[1])
    if kind == "financial":
        return date(int(groups["y1"]), 4, 1), date(int(groups["y1"]) + 1, 3, 31)
    if kind in ("years", "year"):
        last = int(groups.get("y2") or groups["y1"])
        return date(int(groups["y1"]), 1, 1), date(last, 12, 31)
    end_year, first_month = int(groups["y2"]), _month(groups["m1"])
    last_month = _month(groups.get("m2") or groups["m1"])
    start_year = int(groups.get("y1") or (end_year - (first_month > last_month)))
    day = int(groups.get("d") or 1)
    end = date(end_year, last_month, calendar.monthrange(end_year, last_month)[1])
    if kind == "day":
        end = date(end_year, last_month, day)
    return date(start_year, first_month, day), end


def mentions(sentence: str) -> list[Mention]:
    """The dates and periods a sentence names, the most precise reading of each place first."""
    found: list[Mention] = []
    taken: list[range] = []
    for kind, pattern in _FORMS:
        for m in pattern.finditer(sentence):
            if any(m.start() in r or m.end() - 1 in r for r in taken):
                continue
            try:
                start, end = _dates(kind, m)
            except ValueError:  # 31 February, or a span that ends before it starts
                continue
            if start > end:
                continue
            taken.append(range(m.start(), m.end()))
            introduced = bool(_PREPOSITION.search(sentence[: m.start()]))
            found.append(Mention(kind, start, end, m[0], m.start(), introduced))
    return sorted(found, key=lambda x: x.at)


def _another_year(sentence: str, period: Period) -> list[Mention]:
    """Periods named as the current period but in a year the reporting period does not touch."""
    if _COMPARING.search(sentence):
        return []
    marked = bool(_CURRENT.search(sentence))
    years = set(range(period.start.year, period.end.year + 1))
    wrong = []
    for mention in mentions(sentence):
        if mention.kind in ("year", "years") or not mention.introduced:
            continue
        if _A_FIGURE_FOR.search(sentence[: mention.at]):
            continue  # '0.61 per 1,000 in 2015/16 Q2' quotes a figure of that period
        same_months = (
            mention.start.month,
            mention.end.month,
            mention.end.year - mention.start.year,
        ) == (
            period.start.month,
            period.end.month,
            period.end.year - period.start.year,
        )
        if (marked or same_months) and not mention.years & years:
            wrong.append(mention)
    return wrong


def _words(sentence: str, mention: Mention) -> str:
    before = sentence[: mention.at]
    lead = _PREPOSITION.search(before)
    return sentence[lead.start() if lead else mention.at : mention.at + len(mention.text)]


def check(sentence: str, page: Page) -> list[str]:
    """Messages for dates in a sentence that cannot be right for this report."""
    settings = page.settings
    period = settings.period
    messages = []
    wrong = _another_year(sentence, period)
    for mention in wrong:
        messages.append(
            f"says {quoted(_words(sentence, mention))}, but the report is on {period} "
            f"({period.start:%b %Y} - {period.end:%b %Y})"
        )
    published = settings.report_date or date.today()
    for clause in clauses(sentence):
        if not _PAST.search(clause) or _FUTURE.search(clause):
            continue
        for mention in mentions(clause):
            late = mention.introduced and mention.start > published
            if late and not any(w.text == mention.text for w in wrong):
                messages.append(
                    f"says {quoted(clause)}, but {mention.text} is after the report's date, "
                    f"{published:%d %b %Y}"
                )
    return messages
