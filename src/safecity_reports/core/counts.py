"""Where the count behind a rate comes from: never invented (issue 23).

A rate's figures become counts only from what the workbook states for that measure: the Data
sheet's Count and Denominator, the Measures sheet's Population, or the partnership's
population (Settings' Population) where the measure's Partnership population is 'Yes'. A
partnership-wide population is never assumed to be what a rate is per: a rate of young people,
households or pupils per 1,000 is not per head of the residents, and a count worked out from
the wrong population would make a test claim a certainty it does not have. ``stated_population``
is the one rule ``significance.events`` follows, and ``check`` warns from the same facts.
"""

from __future__ import annotations

import re

from safecity_reports.core.model import Measure, Unit

RATE_UNITS = (Unit.RATE_PER_1000, Unit.RATE_PER_10000, Unit.RATE)
"""The units whose figures are per a population rather than per a cohort or not per anything."""

_RESIDENTS = re.compile(r"population|residents|people|persons", re.IGNORECASE)
"""Words in a rate's unit that say it is per head of the partnership's residents."""


def per_residents(measure: Measure) -> bool:
    """Whether ``measure`` is a rate whose unit could be per head of the residents: 'Rate per
    1,000', 'Rate per 100,000 population'; not 'Rate per 1,000 households'."""
    if measure.unit not in RATE_UNITS:
        return False
    return not measure.unit_label or bool(_RESIDENTS.search(measure.unit_label))


def uses_partnership_population(measure: Measure) -> bool:
    """Whether the workbook says ``measure``'s rates are per head of the partnership's
    residents (Partnership population 'Yes') and nothing says otherwise (a Population of its
    own, 'Not known', a unit per households)."""
    return (
        measure.partnership_population
        and measure.population is None
        and not measure.population_not_known
        and per_residents(measure)
    )


def stated_population(measure: Measure, population: float | None) -> float | None:
    """The population a rate measure's figures are per, as the workbook states it: the
    measure's own Population, else the partnership's (``population``, from Settings) where the
    measure's Partnership population says it applies; None otherwise (and for other units)."""
    if measure.unit not in RATE_UNITS:
        return None
    if measure.population is not None:
        return measure.population
    return population if uses_partnership_population(measure) else None


def unstated_population(measure: Measure, population: float | None) -> bool:
    """Whether ``population`` (the partnership's) is given but not stated to apply to this
    rate: then its changes are not tested, and the page says why. (A measure that says Yes to
    a population that cannot apply, a rate per households, is ``check``'s to warn about.)"""
    return (
        population is not None
        and measure.unit in RATE_UNITS
        and stated_population(measure, population) is None
        and not measure.population_not_known
        and not measure.partnership_population
    )
