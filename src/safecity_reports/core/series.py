"""The one rule for finding a figure: by measure, period and area, never by its row.

Agencies sort their sheets (by Actual, to look at them), put blank rows between figures and add
columns of their own working; the same figures must give the same report. So a measure's
figures are held in one order that no row decides (``in_order``: by when the period ends, then
its start, then the area, the partnership's own first), and a figure is found by what it is
for (``figure_at``), never as the first or last row met. Two figures for the same measure,
period and area are an error the reader reports, naming both cells; nothing here picks one.
"""

from __future__ import annotations

from collections.abc import Iterable

from safecity_reports.core.model import Observation
from safecity_reports.core.periods import Period


def order_key(observation: Observation) -> tuple[Period, str]:
    """Where a figure stands in its measure's series: its period (when it ends, then when it
    starts), then its area ('' the partnership's own, first)."""
    return observation.period, observation.area


def in_order(observations: Iterable[Observation]) -> tuple[Observation, ...]:
    """The figures oldest first, each period's partnership figure before its areas', whatever
    the order of the rows they were read from."""
    return tuple(sorted(observations, key=order_key))


def figure_at(
    observations: Iterable[Observation], period: Period, area: str = ""
) -> Observation | None:
    """The figure for ``period`` and ``area`` ('' the partnership's own), or None.

    Periods are the same when they cover the same months, whatever their labels ('2016/17 Q2'
    and 'Jul 2016 - Sep 2016'). A workbook that gives one twice is an error the reader
    reports (naming both cells), so no report is made from it.
    """
    return next((o for o in observations if o.period == period and o.area == area), None)
