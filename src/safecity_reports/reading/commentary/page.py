"""What a commentary page is about: its measures, their figures, and which one a clause names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from safecity_reports.core.formatting import format_value
from safecity_reports.core.model import (
    Commentary,
    KeyAction,
    Measure,
    Observation,
    Report,
    Settings,
    Unit,
)
from safecity_reports.core.periods import Period, previous_period
from safecity_reports.core.series import figure_at
from safecity_reports.core.status import MeasureStatus
from safecity_reports.core.verdicts import Verdict, judge
from safecity_reports.reading.commentary.names import (
    acronyms,
    by_head,
    head,
    matched,
    own_names,
    stems,
    words_of,
)

_UNIT_NOUNS = {
    "Percentage": ("percentage", "proportion", "level"),
    "Rate per 1,000": ("rate", "level"),
    "Rate per 10,000": ("rate", "level"),
    "Rate per N": ("rate", "level"),
    "Count": ("number", "total", "level"),
}
"""Words that stand for the measure on a page of one measure: 'the rate is now 0.13'."""
_NUMBER_OF = re.compile(r"\bnumbers?\s+of\b", re.IGNORECASE)
_SHARES = frozenset({Unit.PERCENTAGE, Unit.RATE_PER_1000, Unit.RATE_PER_10000, Unit.RATE})
"""Units that a sentence about 'the number of' something does not speak of."""


@dataclass(frozen=True)
class PageMeasure:
    """A measure of the page with its status for the reporting period."""

    measure: Measure
    """The measure."""
    verdict: Verdict
    """The report's own verdict of it for the partnership (``core.verdicts.judge``): its
    comparisons, its test against chance and what the test found."""
    names: frozenset[str]
    """Stems and abbreviations that name this measure and no other measure of the page."""

    @property
    def status(self) -> MeasureStatus:
        """The measure's status for the reporting period, as the report judged it."""
        return self.verdict.status

    def printed(self, obs: Observation) -> str:
        return (
            f"{format_value(obs.actual, self.measure.unit, self.measure.decimals)} ({obs.period})"
        )

    def observation(self, period: Period) -> Observation | None:
        return figure_at(self.measure.observations, period)


@dataclass(frozen=True)
class Page:
    """One commentary page and what the workbook holds for it."""

    label: str
    settings: Settings
    measures: tuple[PageMeasure, ...]

    def named(self, text: str) -> list[PageMeasure]:
        """The measures ``text`` names. On a page of one measure, that measure whenever the text
        names it or uses a word that stands for it ('the rate'); otherwise those whose own
        words (not shared with another measure of the page) it uses."""
        if _NUMBER_OF.search(text):  # 'the number of re-referrals' is not their percentage
            return [m for m in self._named(text) if m.measure.unit not in _SHARES]
        return self._named(text)

    def names_any(self, text: str) -> bool:
        """Whether ``text`` names a measure of the page, whatever its unit."""
        return bool(self._named(text))

    def _named(self, text: str) -> list[PageMeasure]:
        if len(self.measures) == 1:
            words = words_of(text)
            only = self.measures[0]
            nouns = _UNIT_NOUNS.get(only.measure.unit.value, ())
            own = stems(only.measure.name) | acronyms(only.measure.name)
            return [only] if words & own or words & set(nouns) else []
        heads = {m.measure.id: head(m.measure.name) for m in self.measures}
        ids = by_head(text, heads) | matched(text, {m.measure.id: m.names for m in self.measures})
        return [m for m in self.measures if m.measure.id in ids]


def page_label(covers: tuple[str, ...]) -> str:
    return covers[0] if len(covers) == 1 else f"{covers[0]}-{covers[-1]}"


def _measures(
    by_id: Mapping[str, Measure], actions: Mapping[str, KeyAction], covers: tuple[str, ...]
) -> list[Measure]:
    """The measures a page covers: those named (``by_id``), and those of the actions named."""
    found: list[Measure] = []
    for item in covers:
        if item in by_id:
            found.append(by_id[item])
        elif item in actions:
            found += actions[item].measures
    return list(dict.fromkeys(found))


def pages(report: Report) -> list[tuple[Commentary, Page]]:
    """Every commentary page with its measures and the report's verdicts of them."""
    verdicts = judge(report)
    by_id = {m.id: m for m in report.measures}
    actions = {a.id: a for a in report.actions}
    found = []
    for commentary in report.commentary:
        measures = _measures(by_id, actions, commentary.covers)
        own = own_names({m.id: m.name for m in measures})
        page_measures = tuple(PageMeasure(m, verdicts.own[m.id], own[m.id]) for m in measures)
        found.append(
            (commentary, Page(page_label(commentary.covers), report.settings, page_measures))
        )
    return found


def year_before(period: Period) -> Period | None:
    """The period of the same length that ends a year before ``period``."""
    earlier = period
    for _ in range(24):
        earlier = previous_period(earlier)
        if earlier.is_year_before(period):
            return earlier
    return None
