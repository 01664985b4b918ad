"""Whether a change is more than chance: the events behind a figure, its confidence interval,
and the test of a change between two figures (issue 14).

A rate or a percentage is a count of events over a population or cohort. Where the workbook
gives them (the Data sheet's Count and Denominator, or a population for rates: the Measures
sheet's Population, else Settings' Population where the measure says it applies:
``core.counts``), the report can say how sure a figure is and whether a change could be
chance; where it does not, it says the change cannot be tested. Pure: the statistics are
``safecity_reports.stats``'.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from safecity_reports.core.counts import stated_population
from safecity_reports.core.coverage import covered
from safecity_reports.core.model import FigureKind, Measure, Observation, Unit
from safecity_reports.stats import (
    Dispersion,
    compare_counts,
    compare_proportions,
    proportion_interval,
    rate_interval,
    widened_p_value,
)
from safecity_reports.stats.overdispersion import NONE

MULTIPLIERS = {Unit.PERCENTAGE: 100.0, Unit.RATE_PER_1000: 1000.0, Unit.RATE_PER_10000: 10000.0}


def multiplier(measure: Measure) -> float | None:
    """What a percentage or rate is per: 100, 1,000, the N of 'Rate per N'; None otherwise."""
    if measure.unit is Unit.RATE:
        return measure.rate_per
    return MULTIPLIERS.get(measure.unit)


"""What a figure of each unit is per: a percentage per 100, a rate per 1,000 or 10,000."""


@dataclass(frozen=True)
class Events:
    """The events behind one figure."""

    count: int
    """How many events (children who offended, crimes), a whole number."""
    exposure: float
    """The population or cohort they are out of."""
    worked_out: bool
    """Whether the count was worked out from the figure and a population (not typed)."""


@dataclass(frozen=True)
class ChangeTest:
    """The test of a change between two figures against chance."""

    p_value: float
    """The two-sided p-value: how likely a change at least this large is by chance alone."""
    confidence: float
    """The level the change is judged at (0.95 or 0.998)."""
    proportions: bool
    """Fisher's exact test of two proportions (True) or the exact test of two rates (False)."""
    counts: bool = False
    """The exact test of two counts of events in periods of equal length (a measure that is a
    count, not a rate): the later count, given both, is binomial with p = 1/2."""
    dispersion: Dispersion = NONE
    """How much more the measure's like periods vary than chance: ``p_value`` is the exact
    test's widened by ``dispersion.phi`` (``stats.widened_p_value``); ``phi = 1`` and no
    method where the series is too short to tell (the test assumes Poisson or binomial
    variation)."""
    exact_p_value: float | None = None
    """The exact test's p-value before widening; None where it is ``p_value`` itself."""
    adjusted_p_value: float | None = None
    """``p_value`` adjusted for the number of the period's tests (Benjamini and Hochberg's false
    discovery rate, ``core.multiplicity``) where Settings ask for it; None where not adjusted."""
    family: int = 0
    """How many of the period's tests ``adjusted_p_value`` was adjusted among; 0 where none."""

    @property
    def significant_alone(self) -> bool:
        """Whether the test on its own finds the change more than chance: chance alone would
        explain it less often than ``1 - confidence``."""
        return self.p_value < 1 - self.confidence

    @property
    def significant(self) -> bool:
        """The verdict: ``significant_alone``, or where the period's tests are adjusted for
        their number, whether the adjusted p-value is below ``1 - confidence``."""
        if self.adjusted_p_value is not None:
            return self.adjusted_p_value < 1 - self.confidence
        return self.significant_alone

    @property
    def lost_to_adjustment(self) -> bool:
        """Significant on its own test, but not once the period's number of tests is allowed
        for: the adjustment changed the verdict."""
        return self.significant_alone and not self.significant


def level_words(confidence: float) -> str:
    """'95%' or '99.8%'."""
    return f"{confidence * 100:g}%"


def population_for(measure: Measure, population: float | None) -> float | None:
    """The population a rate measure's figures are per, as the workbook states it: its own,
    else the partnership's (``population``, from Settings) where the measure says it applies
    (``counts.stated_population``: counts are never invented, issue 23)."""
    return stated_population(measure, population)


EVENT_KINDS = (FigureKind.FOR_THE_PERIOD, FigureKind.YEAR_TO_DATE, FigureKind.ROLLING_12_MONTHS)
"""The kinds of figure that count events over a stretch of time (not a position at a date)."""


def counted_events(measure: Measure, observation: Observation) -> Events | None:
    """A measure that is a count of events over a stretch of time (crimes, fires): the figure
    itself, a whole number of zero or more, with the months it covers as its exposure; None
    for other units and kinds, a snapshot (people at a date are not events), or a figure that
    is not a whole number."""
    value = observation.actual
    if (
        measure.unit is not Unit.COUNT
        or measure.kind not in EVENT_KINDS
        or not isinstance(value, int | float)
        or isinstance(value, bool)
        or value < 0
        or value != int(value)
    ):
        return None
    return Events(int(value), float(covered(observation.period, measure.kind).months), False)


def events(measure: Measure, observation: Observation, population: float | None) -> Events | None:
    """The count and exposure behind ``observation``'s figure, where they can be known.

    A percentage needs its Count or its Denominator (the other follows from the figure); a
    rate needs its Count or a population (its Denominator, else ``population_for``). Worked-out
    counts are rounded to whole events. A count of events is its own (``counted_events``).
    None for other units, a figure that is not a number, or a figure of zero whose population
    is not given.
    """
    if measure.unit is Unit.COUNT:
        return counted_events(measure, observation)
    per = multiplier(measure)
    value = observation.actual
    if per is None or not isinstance(value, int | float) or isinstance(value, bool):
        return None
    count, exposure = observation.count, observation.denominator
    if exposure is None and measure.unit is not Unit.PERCENTAGE:
        exposure = population_for(measure, population)
    if count is not None and exposure is not None:
        return Events(round(count), exposure, False)
    if exposure is not None:
        return Events(round(value * exposure / per), exposure, True)
    if count is not None and value > 0:
        return Events(round(count), count * per / value, False)
    return None


def interval(
    measure: Measure,
    observation: Observation,
    population: float | None,
    confidence: float,
    phi: float = 1.0,
) -> tuple[float, float] | None:
    """The figure's confidence interval in its own unit (per cent, or per 1,000 ...): Wilson's
    for a percentage, exact Poisson (below 10 events) or Byar's for a rate, each widened by
    ``phi`` where the measure's figures vary more than chance (``ChangeTest.dispersion``); None
    where the events are not known, and for a count (a count is the figure, not an estimate)."""
    per = multiplier(measure)
    found = events(measure, observation, population)
    if found is None or per is None:
        return None
    if measure.unit is Unit.PERCENTAGE:
        if found.count > found.exposure:
            return None
        low, high = proportion_interval(found.count, found.exposure, confidence, phi)
        return low * per, high * per
    return rate_interval(found.count, found.exposure, per, confidence, phi)


# Each change is tested twice in a run (the checks compare a printed change with it, then the
# verdicts are made) and an exact test is a millisecond of scipy: each test's p-value is kept.
_counts = lru_cache(maxsize=8192)(compare_counts)
_proportions = lru_cache(maxsize=8192)(compare_proportions)


def change_test(
    measure: Measure,
    before: Observation | None,
    after: Observation | None,
    population: float | None,
    confidence: float,
    spread: Dispersion = NONE,
) -> ChangeTest | None:
    """The test of the change from ``before`` to ``after``; None where either figure's events
    are not known (the change cannot be tested).

    Percentages: Fisher's exact test (``compare_proportions``) of the two cohorts; rates: the
    exact conditional test of two Poisson rates (``compare_counts``) with the populations as
    exposures, which is fair because only figures covering the same length of time are compared;
    counts of events: the same test with the periods' lengths as exposures. Where the measure's
    like periods vary more than chance (``spread``, ``core.dispersion.series_dispersion``), the
    p-value is widened by its ``phi``.
    """
    if before is None or after is None:
        return None
    first = events(measure, before, population)
    second = events(measure, after, population)
    if first is None or second is None:
        return None
    if measure.unit is Unit.PERCENTAGE:
        sizes = (round(first.exposure), round(second.exposure))
        if first.count > sizes[0] or second.count > sizes[1] or min(sizes) <= 0:
            return None
        exact = _proportions(first.count, sizes[0], second.count, sizes[1])
    else:
        exact = _counts(first.count, first.exposure, second.count, second.exposure)
    p_value = widened_p_value(exact, spread.phi)
    return ChangeTest(
        p_value,
        confidence,
        measure.unit is Unit.PERCENTAGE,
        counts=measure.unit is Unit.COUNT,
        dispersion=spread,
        exact_p_value=exact if spread.widened else None,
    )
