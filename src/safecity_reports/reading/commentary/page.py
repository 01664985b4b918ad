"""What a commentary page is about: its measures, their figures, and which one a clause names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from safecity_reports.core.formatting import format_value
from safecity_reports.core.model import Commentary, Measure, Observation, Report, Settings
from safecity_reports.core.periods import Period, previous_period
from safecity_reports.core.series import figure_at
from safecity_reports.core.status import MeasureStatus, comparison_period, measure_status

_GENERIC = frozenset(
    [
        "the",
        "and",
        "for",
        "per",
        "with",
        "from",
        "into",
        "during",
        "within",
        "year",
        "years",
        "rate",
        "number",
        "percentage",
        "proportion",
        "total",
        "level",
        "all",
        "city",
        "people",
        "related",
        "incidents",
        "incident",
        "measure",
        "figure",
        "figures",
        "combined",
        "1,000",
        "1000",
        "10,000",
        "clients",
    ]
)
"""Words of a measure's name that do not say which measure a sentence is about."""

_UNIT_NOUNS = {
    "Percentage": ("percentage", "proportion", "level"),
    "Rate per 1,000": ("rate", "level"),
    "Rate per 10,000": ("rate", "level"),
    "Rate per N": ("rate", "level"),
    "Count": ("number", "total", "level"),
}
"""Words that stand for the measure on a page of one measure: 'the rate is now 0.13'."""


def _stems(text: str) -> set[str]:
    words = re.findall(r"[a-z][a-z'’]+", text.lower())
    return {w[:6] for w in words if len(w) >= 3 and w not in _GENERIC}


def _acronyms(name: str) -> set[str]:
    """Abbreviations a writer uses for the measure: typed in brackets, or the initials of the
    words before the first dash or bracket ('Anti-social Behaviour' gives 'asb')."""
    found = {a.lower() for a in re.findall(r"\(([A-Z]{2,})\)", name)}
    head = re.split(r"\s[-–(]|\(", name)[0]
    initials = "".join(w[0] for w in re.split(r"[\s-]+", head) if w[:1].isalpha())
    if len(initials) >= 2:
        found.add(initials.lower())
    return found


def words_of(text: str) -> set[str]:
    """The stems and whole words of a piece of commentary, to match measure names against."""
    return _stems(text) | set(re.findall(r"[a-z]+", text.lower()))


@dataclass(frozen=True)
class PageMeasure:
    """A measure of the page with its status for the reporting period."""

    measure: Measure
    status: MeasureStatus
    names: frozenset[str]
    """Stems and abbreviations that name this measure and no other measure of the page."""

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
        words = words_of(text)
        if len(self.measures) == 1:
            only = self.measures[0]
            nouns = _UNIT_NOUNS.get(only.measure.unit.value, ())
            own = _stems(only.measure.name) | _acronyms(only.measure.name)
            return [only] if words & own or words & set(nouns) else []
        return [m for m in self.measures if words & m.names]


def page_label(covers: tuple[str, ...]) -> str:
    return covers[0] if len(covers) == 1 else f"{covers[0]}-{covers[-1]}"


def pages(report: Report) -> list[tuple[Commentary, Page]]:
    """Every commentary page with its measures."""
    reporting = report.settings.period
    comparison = comparison_period(report.settings)
    by_id = {m.id: m for m in report.measures}
    found = []
    for commentary in report.commentary:
        measures = [by_id[i] for i in commentary.covers if i in by_id]
        stems = {m.id: _stems(m.name) | _acronyms(m.name) for m in measures}
        page_measures = tuple(
            PageMeasure(
                m,
                measure_status(
                    m,
                    reporting,
                    comparison,
                    report.settings.compare_with,
                    population=report.settings.population,
                    confidence=report.settings.confidence,
                ),
                frozenset(stems[m.id] - set().union(*(s for i, s in stems.items() if i != m.id))),
            )
            for m in measures
        )
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
