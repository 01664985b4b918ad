"""Several areas in one workbook: which areas there are, and one area's series of a measure.

An area's series is judged, checked and laid out by the same code as the partnership's: its
view of a measure (``in_area``) is a ``Measure`` like any other, holding the area's figures
and its own baseline and target (or, where it gives none, the Measures sheet's).
"""

from __future__ import annotations

from dataclasses import replace

from safecity_reports.core.model import Measure, Report, SeriesFacts


def area_names(report: Report) -> tuple[str, ...]:
    """The areas other than the partnership itself, in the order the workbook first names them."""
    named = [o.area for m in report.measures for o in m.observations]
    named += [f.area for m in report.measures for f in m.series_facts]
    named += [f.area for f in report.group_facts] + [r.area for r in report.ratings]
    return tuple(dict.fromkeys(a for a in named if a))


def own_facts(measure: Measure, area: str = "") -> SeriesFacts | None:
    """The baseline and target ``area`` ('' the partnership) gives of its own, if any."""
    return next((f for f in measure.series_facts if f.area == area), None)


def in_area(measure: Measure, area: str = "") -> Measure:
    """``area``'s series of the measure ('' the partnership's own): only its figures, held as a
    series of its own (their Area cleared), with its own baseline and target where it gives
    them and the measure's otherwise. Judged, checked and drawn like any measure."""
    facts = own_facts(measure, area)
    view = replace(
        measure,
        observations=tuple(
            replace(o, area="") if o.area else o for o in measure.observations if o.area == area
        ),
        series_facts=(),
    )
    if facts is None:
        return view
    if facts.baseline is not None:
        view = replace(view, baseline=facts.baseline)
    if facts.target is not None:
        view = replace(view, target=facts.target, target_due=facts.target_due)
    return view


def series_areas(measure: Measure) -> tuple[str, ...]:
    """The areas (not the partnership) that have figures or facts of this measure, in order."""
    named = [o.area for o in measure.observations] + [f.area for f in measure.series_facts]
    return tuple(dict.fromkeys(a for a in named if a))


def has_own_figures(report: Report) -> bool:
    """Whether any measure has figures for the partnership itself (not only for its areas)."""
    return any(not o.area for m in report.measures for o in m.observations)
