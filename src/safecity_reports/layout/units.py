"""How a measure's unit reads where the figure alone would not say it: the chart's axis, the
polarity panel's noun, and a figure in a sentence ('12 days')."""

from __future__ import annotations

import re

from safecity_reports.core.model import Measure, Unit
from safecity_reports.layout.names import full_name

AXES = {
    Unit.PERCENTAGE: "Per cent",
    Unit.RATE_PER_1000: "Rate per 1,000",
    Unit.RATE_PER_10000: "Rate per 10,000",
    Unit.COUNT: "Number",
    Unit.RANK: "Position",
    Unit.PAIR: "Number",
    Unit.MONEY: "Pounds (£)",
    Unit.RATE: "Rate",
    Unit.NUMBER: "Number",
}


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _in_sentence(text: str) -> str:
    """'Days' -> 'days'; 'Rate per 1,000 households' -> 'rate per 1,000 households'; an
    abbreviation ('NEET') stays as typed."""
    head = text.split(" ", 1)[0]
    return text if head[1:2].isupper() else text[:1].lower() + text[1:]


def axis_label(measure: Measure) -> str:
    """The value axis's label: the unit as typed where there is one ('Rate per 1,000
    households', 'Days'), else the listed unit's."""
    return _sentence_case(measure.unit_label) if measure.unit_label else AXES[measure.unit]


_RANKED_BY = re.compile(r"(rate per [\d,]+(?: [a-z]+)?|per [\d,]+(?: [a-z]+)?|%|per cent)", re.I)


def ranked_by_label(measure: Measure) -> str:
    """The value axis of a position's ranking, where the areas' figures are what they are
    ranked by: the unit the name gives ('Rate per 1,000' from '... Rate Per 1,000 - 2015/16'),
    else 'Figure ranked by'; never 'Value'."""
    if measure.unit_label:
        return _sentence_case(measure.unit_label)
    found = _RANKED_BY.search(measure.name)
    if found is None:
        return "Figure ranked by"
    text = found.group(1)
    if text in ("%", "per cent") or text.casefold() == "per cent":
        return "Per cent"
    text = text[:1].upper() + text[1:].lower()
    return text if text.startswith("Rate") else f"Rate {text.lower()}"


def unit_noun(measure: Measure) -> str:
    """The noun for 'a high ... is GOOD': a rate as typed ('rate per 1,000 households'), else
    'percentage', 'position' or 'number'."""
    if measure.unit_label and measure.unit is not Unit.NUMBER:
        return _in_sentence(measure.unit_label)
    return measure.unit.noun


def with_unit(measure: Measure, text: str) -> str:
    """A printed figure with the typed unit beside it where the figure alone is a bare number:
    '12' -> '12 days'. Unchanged for listed units, rates and blanks."""
    if measure.unit is not Unit.NUMBER or not measure.unit_label or not text:
        return text
    if not text[:1].isdigit() and not text.startswith("-"):
        return text  # n/a, not yet available ...
    return f"{text} {_in_sentence(measure.unit_label)}"


def named(measure: Measure) -> str:
    """The measure's name with its typed unit where the name does not already say it:
    'Domestic burglary (rate per 1,000 households)', 'Time to close a case (days)'."""
    label, name = measure.unit_label, full_name(measure)
    if not label or label.casefold() in name.casefold():
        return name
    return f"{name} ({_in_sentence(label)})"
