"""Several areas in one workbook: which areas there are, and one area's view of a measure."""

from __future__ import annotations

from dataclasses import replace

from safecity_reports.core.model import Measure, Report


def area_names(report: Report) -> tuple[str, ...]:
    """The areas other than the partnership itself, in the order the workbook first names them."""
    named = [o.area for m in report.measures for o in m.observations]
    named += [f.area for f in report.group_facts] + [r.area for r in report.ratings]
    return tuple(dict.fromkeys(a for a in named if a))


def in_area(measure: Measure, area: str = "") -> Measure:
    """The measure with only ``area``'s figures ('' the partnership's own)."""
    return replace(measure, observations=tuple(o for o in measure.observations if o.area == area))


def has_own_figures(report: Report) -> bool:
    """Whether any measure has figures for the partnership itself (not only for its areas)."""
    return any(not o.area for m in report.measures for o in m.observations)
