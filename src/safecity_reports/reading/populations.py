"""Checks of what a rate is per: the Measures sheet's Partnership population and Population
against Settings' Population (issue 23: counts are never invented).

The report works out a rate's counts from the partnership's population only for a measure
whose Partnership population is 'Yes' (``core.counts``). These checks, each naming the cell,
catch the ways that goes wrong: a measure that says two things about its population, 'Yes'
on something that is not a rate per head of the residents (a percentage, a rate per
households, a rate of young people or pupils), 'Yes' with no population to use, and a
population that no measure says applies (an earlier workbook, whose changes are now not
tested: the message says how to have them tested).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from safecity_reports.core.counts import RATE_UNITS, per_residents
from safecity_reports.core.formatting import format_number
from safecity_reports.core.model import Location, Measure, Unit

COLUMN = "Partnership population"
"""The Measures sheet's column that says a rate is per head of the partnership's residents."""

SUBGROUPS = re.compile(
    r"\b(youth|young (?:people|persons|adults|offenders)|juveniles?|child|children|children's"
    r"|pupils?|school ?children|students?|households?|dwellings?)\b",
    re.IGNORECASE,
)
"""Words in a measure's name that say its rate is of a part of the residents (young people,
children, pupils) or of households, so the whole population is the wrong thing for it to be
per."""


def subgroup(name: str) -> str:
    """The words of ``name`` that speak of a part of the residents or of households, as typed
    ('Youth', 'looked after children' gives 'children'); '' if none."""
    found = SUBGROUPS.search(name)
    return found.group(1) if found else ""


def _unit_words(measure: Measure) -> str:
    if measure.unit is Unit.PERCENTAGE:
        return "a percentage, whose counts come from the Data sheet's Count and Denominator"
    if measure.unit in RATE_UNITS:
        return f"a '{measure.unit_label}', not a rate per head of the residents"
    return "not a rate"


def measure_problems(
    measure: Measure,
    typed: object,
    cell: Location,
    population: float | None,
) -> Iterator[tuple[Location, str, str]]:
    """(cell, message, severity) for one measure whose Partnership population is ``typed``
    'Yes' at ``cell``; ``population`` is Settings' Population."""
    if measure.population is not None:
        yield (
            cell,
            f"Partnership population is '{typed}', but Population gives measure {measure.id}"
            f" its own population ({format_number(measure.population, 0)}): clear one of them",
            "error",
        )
        return
    if measure.population_not_known:
        yield (
            cell,
            f"Partnership population is '{typed}', but Population says 'Not known' for measure"
            f" {measure.id}: clear one of them",
            "error",
        )
        return
    if not per_residents(measure):
        yield (
            cell,
            f"Partnership population is '{typed}', but measure {measure.id} is"
            f" {_unit_words(measure)}, so the partnership's population is not used for it:"
            " leave Partnership population blank",
            "warning",
        )
        return
    group = subgroup(measure.name)
    if group:
        yield (
            cell,
            f"Measure {measure.id} '{measure.name}' speaks of '{group}', but Partnership"
            f" population '{typed}' makes its rate per head of all the partnership's"
            " residents: if it is per those, type their number in Population and leave"
            " Partnership population blank",
            "warning",
        )
    if population is None:
        yield (
            cell,
            f"Partnership population is '{typed}', but the Settings sheet gives no Population,"
            f" so the changes of measure {measure.id} cannot be tested: type the partnership's"
            " population there, with its Population source",
            "warning",
        )


def unused_population(
    population: float | None, cell: Location | None, marked: Iterable[Measure]
) -> Iterator[tuple[Location | None, str, str]]:
    """A warning at Settings' Population where no measure says it applies."""
    if population is None or any(True for _ in marked):
        return
    yield (
        cell,
        f"Population {format_number(population, 0)} is not used: no measure's {COLUMN}"
        " (Measures sheet) is 'Yes', so no rate is taken to be per head of the residents and"
        " their changes are not tested. Type Yes there for each rate per head of the"
        " residents, or clear this cell",
        "warning",
    )
