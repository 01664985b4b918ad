"""Which measures a compact table may hold (``core.compact.fits_a_table``), as a table: every
Layout setting against the number of the measure's own figures, a comparison group and figures
for areas (issue 21: the verdicts tested as tables)."""

from __future__ import annotations

import pytest

from safecity_reports.core.compact import fits_a_table
from safecity_reports.core.model import (
    COMPACT_MOST_FIGURES,
    Frequency,
    Measure,
    Observation,
    PageLayout,
    Polarity,
    RankedArea,
    Ranking,
    Report,
    Settings,
    Unit,
)
from safecity_reports.core.periods import parse_period

PERIODS = [parse_period(label) for label in ("2015/16 Q3", "2015/16 Q4", "2016/17 Q1")]
AUTO, PAGES, TABLES = PageLayout.AUTOMATIC, PageLayout.PAGES, PageLayout.TABLES


def _measure(figures: int, area: str = "") -> Measure:
    observations = tuple(Observation(p, 10.0 + i) for i, p in enumerate(PERIODS[:figures]))
    if area:
        observations += (Observation(PERIODS[0], 4.0, area=area),)
    return Measure(
        "2.1", "2.1", "Burglary", Unit.COUNT, Polarity.LOW_IS_GOOD, Frequency.QUARTERLY, 0,
        observations,
    )  # fmt: skip


def _report(layout: PageLayout, ranked: str | None = None) -> Report:
    rankings = ()
    if ranked is not None:
        areas = (RankedArea("Ours", 3.0, True), RankedArea("Theirs", 4.0))
        rankings = (Ranking(ranked, PERIODS[-1], areas),)
    settings = Settings("Testford Partnership", "Report", PERIODS[-1], layout=layout)
    return Report(settings, (), rankings=rankings)


def test_automatic_takes_at_most_two_figures():
    assert COMPACT_MOST_FIGURES == 2  # the table below is worked out for two


# (layout, own figures, ranking of this measure, an area's figure, fits a table)
TABLE = [
    # Pages for every measure: never, whatever the measure
    (PAGES, 0, False, False, False),
    (PAGES, 1, False, False, False),
    (PAGES, 2, False, False, False),
    (PAGES, 3, False, False, False),
    # Tables only: always, however many figures (none, or more than two) ...
    (TABLES, 0, False, False, True),
    (TABLES, 1, False, False, True),
    (TABLES, 2, False, False, True),
    (TABLES, 3, False, False, True),
    # ... except with a full comparison group or figures for areas
    (TABLES, 1, True, False, False),
    (TABLES, 3, True, False, False),
    (TABLES, 1, False, True, False),
    (TABLES, 3, False, True, False),
    # Automatic: one or two figures of its own; none or three is a page
    (AUTO, 0, False, False, False),
    (AUTO, 1, False, False, True),
    (AUTO, 2, False, False, True),
    (AUTO, 3, False, False, False),
    (AUTO, 1, True, False, False),
    (AUTO, 2, True, False, False),
    (AUTO, 1, False, True, False),
    (AUTO, 2, False, True, False),
]


@pytest.mark.parametrize(("layout", "figures", "ranked", "areas", "fits"), TABLE)
def test_which_measures_fit_a_table(layout, figures, ranked, areas, fits):
    report = _report(layout, "2.1" if ranked else None)
    measure = _measure(figures, "North" if areas else "")
    assert fits_a_table(report, measure) is fits


@pytest.mark.parametrize("layout", [AUTO, TABLES])
def test_another_measures_comparison_group_does_not_count(layout):
    """Only a ranking of this measure keeps it out of the table."""
    assert fits_a_table(_report(layout, "2.2"), _measure(1)) is True


def test_an_area_figure_counts_however_few_figures_the_partnership_has():
    """Automatic with one partnership figure and one area figure: the area decides."""
    assert fits_a_table(_report(AUTO), _measure(0, "North")) is False
