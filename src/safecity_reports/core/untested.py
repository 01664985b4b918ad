"""Why a change of a rate or percentage was not tested against chance, said once (issue 23).

The page says the reason in the board's words (``layout.narrative``); the reason is worked out
here, from the same rule that finds the counts (``significance.events``, ``counts``).
"""

from __future__ import annotations

from enum import Enum

from safecity_reports.core.counts import unstated_population
from safecity_reports.core.model import Measure, Observation
from safecity_reports.core.significance import ChangeTest, events, multiplier


class Untested(Enum):
    """Why a change between two figures of a rate or percentage was not tested."""

    NO_COUNTS = "no counts"
    """The workbook gives no count (nor a population or cohort) behind the figures."""
    NO_EARLIER_COUNT = "no earlier count"
    """The later figure's count is given, the earlier figure's is not."""
    POPULATION_NOT_STATED = "population not stated for the measure"
    """Settings gives the partnership's population, but the workbook does not say that this
    rate is per head of it (its Partnership population is blank, or the column is not there)."""


def why_untested(
    measure: Measure,
    before: Observation | None,
    after: Observation | None,
    population: float | None,
    test: ChangeTest | None,
) -> Untested | None:
    """Why the change from ``before`` to ``after`` was not tested; None where it was, where
    there is no change of two figures, or where the measure is not a rate or percentage."""
    if test is not None or before is None or after is None or multiplier(measure) is None:
        return None
    known = [events(measure, o, population) is not None for o in (before, after)]
    if known == [False, True]:
        return Untested.NO_EARLIER_COUNT
    if unstated_population(measure, population):
        return Untested.POPULATION_NOT_STATED
    return Untested.NO_COUNTS
