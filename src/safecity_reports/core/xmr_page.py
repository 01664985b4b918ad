"""Which measures' pages draw an XmR (SPC) chart: the one rule behind the chart, the page's
sentence and the special causes that the Exceptions page and the front page cite."""

from __future__ import annotations

from safecity_reports.core.model import Frequency, Measure, Observation
from safecity_reports.core.periods import Period
from safecity_reports.core.variation import spc_chart
from safecity_reports.stats import XmRChart

FEWEST_POINTS = 12
"""The fewest like figures an XmR chart is drawn for on a measure's page."""
FREQUENCIES = (Frequency.MONTHLY,)
"""The frequencies whose pages show an XmR chart."""

PageXmR = tuple[list[Observation], XmRChart]
"""The figures an XmR chart joins and the chart worked out from them."""


def page_xmr(measure: Measure, reporting: Period) -> PageXmR | None:
    """The XmR chart a measure's page shows (its own area's figures), or None where the page
    keeps its plain line chart (not monthly, or fewer than ``FEWEST_POINTS`` like figures)."""
    if measure.frequency not in FREQUENCIES:
        return None
    found = spc_chart(measure, reporting)
    if found is None or len(found[0]) < FEWEST_POINTS:
        return None
    return found
