"""Checks of the facts each area gives of its own (Baseline and Target rows on the Data sheet):
warnings where the report would use another series' fact, or ignore one.

Pure: a ``Report`` in, (location, message) pairs out, each a warning for ``validate``.
"""

from __future__ import annotations

from collections.abc import Iterator

from safecity_reports.core.areas import own_facts, series_areas
from safecity_reports.core.formatting import format_value
from safecity_reports.core.model import Location, Measure, Report, TargetKind

_CHANGES = (TargetKind.REDUCE_ON_LAST_YEAR, TargetKind.INCREASE_ON_LAST_YEAR)


def area_fact_warnings(report: Report) -> Iterator[tuple[Location, str]]:
    """Every warning about the areas' own baselines and targets, in measure order."""
    for measure in report.measures:
        yield from _borrowed(measure, "baseline")
        yield from _borrowed(measure, "target")
        yield from _ignored_targets(measure)


def _borrowed(measure: Measure, fact: str) -> Iterator[tuple[Location, str]]:
    """Where some areas give their own baseline (or target) and others do not, those others
    are judged against the Measures sheet's, or against none: said, so that it is chosen."""
    areas = series_areas(measure)
    own = [a for a in areas if getattr(own_facts(measure, a), fact, None) is not None]
    if not own or len(own) == len(areas):
        return
    default = getattr(measure, fact)
    if isinstance(default, float | int):
        shown = format_value(default, measure.unit, measure.decimals)
    else:
        shown = (
            "" if default is None else format_value(default.value, measure.unit, measure.decimals)
        )
    without = [a for a in areas if a not in own]
    uses = (
        f"the Measures sheet's {fact} ({shown}) is used for them"
        if default is not None
        else f"they have no {fact}"
    )
    yield (
        own_facts(measure, own[0]).where,  # type: ignore[union-attr]
        f"Measure {measure.id} has its own {fact} for {', '.join(own)} but not for"
        f" {', '.join(without)}, so {uses}: add a {fact.capitalize()} row for each",
    )


def _ignored_targets(measure: Measure) -> Iterator[tuple[Location, str]]:
    """A Target row on a measure whose target is a change on last year, which has no level."""
    if measure.target_kind not in _CHANGES:
        return
    for facts in measure.series_facts:
        if facts.target is not None:
            who = f" for {facts.area}" if facts.area else ""
            yield (
                facts.where,
                f"Measure {measure.id}'s target is '{measure.target_kind.value}', judged against"
                f" last year's figure, so its Target row{who} is ignored: delete the row, or"
                " change the Target type on the Measures sheet",
            )
