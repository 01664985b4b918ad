"""Which measures a compact table can hold (Settings' Layout): the one rule the layout follows
when it puts a measure into its priority's table and ``check`` follows when it asks for
commentary (a table's row needs none)."""

from __future__ import annotations

from safecity_reports.core.model import COMPACT_MOST_FIGURES, Measure, PageLayout, Report


def fits_a_table(report: Report, measure: Measure) -> bool:
    """Whether ``measure`` may be a row of its priority's table rather than have a page: never
    with a full comparison group (its chart is the point) or figures for several areas, nor
    under 'Pages for every measure'; under 'Tables only' always; under Automatic when it has
    one or two figures of its own."""
    layout = report.settings.layout
    if layout is PageLayout.PAGES:
        return False
    if any(r.measure_id == measure.id for r in report.rankings):
        return False
    if any(o.area for o in measure.observations):
        return False
    return layout is PageLayout.TABLES or 1 <= len(measure.observations) <= COMPACT_MOST_FIGURES
