"""Drafts while agencies are late: a measure's newest figure left blank, where the measure's key
action has a lead agency, reads as "awaiting <agency>" (a warning naming the agency, so
``--strict`` refuses it) instead of an error, and the report prints whose figure is awaited.
A blank in an older row is the error it always was."""

from __future__ import annotations

from collections.abc import Iterable

from safecity_reports.core.model import KeyAction, Measure, Observation, awaiting
from safecity_reports.reading.sheets import Row

__all__ = ["awaiting", "awaiting_message", "lead_agencies", "settle_awaited"]


def lead_agencies(actions: Iterable[KeyAction], measures: Iterable[Measure]) -> dict[str, str]:
    """The agency whose return gives each measure's figures, by measure id (measures whose
    action has no lead agency are left out: their figures are the coordinator's to type)."""
    leads = {a.id: a.lead_agency for a in actions if a.lead_agency}
    return {m.id: leads[m.action_id] for m in measures if m.action_id in leads}


def awaiting_message(measure: str, period: str, agency: str) -> str:
    """The warning for a figure still awaited."""
    return (
        f"Actual is blank: the report shows {measure}'s figure for {period} as awaiting"
        f" {agency}; type it when {agency}'s return is in (with --strict, a figure still"
        " awaited is an error)"
    )


def settle_awaited(
    observations: dict[str, list[Observation]], pending: list[tuple[Row, str, str]]
) -> None:
    """Warn of each blank figure read as awaited that is its measure's newest; make any other
    the blank's error again, and leave it out of ``observations``.

    ``pending`` holds (the row, its measure, the agency awaited) of each blank figure read."""
    for row, measure_id, agency in pending:
        found = observations.get(measure_id, [])
        where = row.location("Period")
        mine = next((o for o in found if o.where == where), None)
        if mine is None:
            continue  # the row has errors of its own
        newest = max(o.period.end for o in found)
        if mine.period.end >= newest:
            row.fail("Actual", awaiting_message(measure_id, mine.period.label, agency), "warning")
        else:
            found.remove(mine)
            row.raw("Actual", required=True)  # reports the blank
