"""Statistics for analysts: confidence intervals, significance tests, SPC charts and funnel plots.

Pure functions of plain numbers, judged the way UK official statistics judge them (see README.md,
"For analysts: statistics"). Impossible inputs raise ``ValueError`` with a plain message.
"""

from .comparisons import compare_counts, compare_proportions
from .funnel import (
    FunnelPosition,
    GroupDispersion,
    funnel_limits,
    funnel_position,
    group_dispersion,
    group_rate,
)
from .intervals import byars_interval, exact_count_interval, proportion_interval, rate_interval
from .overdispersion import Dispersion, dispersion, widened_p_value
from .spc import Assurance, Point, Signal, XmRChart, xmr
from .spc_rules import Rule, find_special_causes

__all__ = [
    "Assurance",
    "Dispersion",
    "FunnelPosition",
    "GroupDispersion",
    "Point",
    "Rule",
    "Signal",
    "XmRChart",
    "byars_interval",
    "compare_counts",
    "compare_proportions",
    "dispersion",
    "exact_count_interval",
    "funnel_limits",
    "funnel_position",
    "group_dispersion",
    "group_rate",
    "proportion_interval",
    "rate_interval",
    "find_special_causes",
    "widened_p_value",
    "xmr",
]
