"""A comparison group's funnel plot, for the measure's page (issue 14): every area's rate
against its population, the group's rate, and the 95% and 99.8% limits that chance alone stays
within. Drawn where every area gives its events and population (``core.funnel``)."""

from __future__ import annotations

from safecity_reports.core.formatting import format_number
from safecity_reports.core.funnel import Funnel, funnel_of
from safecity_reports.core.model import Measure, Ranking, Report
from safecity_reports.layout.document import Chart, ChartKind, FigureBlock, Series
from safecity_reports.layout.narrative import short_name, value_text
from safecity_reports.layout.units import axis_label
from safecity_reports.stats.funnel import INNER, OUTER

_TITLE_WORDS = {
    "above": "higher than the group's rate, beyond chance",
    "in line": "in line with the group's rate",
    "below": "lower than the group's rate, beyond chance",
}


def _level(confidence: float) -> str:
    return f"{confidence * 100:g}%"


def funnel_figure(
    measure: Measure, ranking: Ranking, caption: str, name: str = ""
) -> FigureBlock | None:
    """The ranking's funnel plot, or None where the group does not give every area's events
    and population for a rate."""
    funnel = funnel_of(ranking, measure.unit)
    if funnel is None:
        return None
    xs, limits = funnel.curves()
    curves = tuple(
        Series(f"{_level(level)} {side}", values)
        for level in (INNER, OUTER)
        for side, values in zip(("lower limit", "upper limit"), limits[level], strict=True)
    )
    own = funnel.own
    who = ranking.areas[own].area if own is not None else "our area"
    where = (
        _TITLE_WORDS[funnel.position.position]
        if funnel.position is not None
        else "the group's rates"
    )
    chart = Chart(
        ChartKind.FUNNEL,
        f"{name or short_name(measure)}: {who} is {where} ({ranking.period})",
        funnel.areas,
        (Series(str(ranking.period), funnel.rates),),
        axis_label(measure),
        highlight=own,
        reference_lines=(("Group rate", funnel.group_rate),),
        decimals=measure.decimals,
        x_values=funnel.populations,
        curve_x=xs,
        curves=curves,
    )
    return FigureBlock(chart, funnel_alt(measure, chart, funnel), caption)


def funnel_alt(measure: Measure, chart: Chart, funnel: Funnel) -> str:
    """What the plot shows and what its limits mean, from the chart's own facts."""

    def v(value: float) -> str:
        return value_text(measure, value)

    widened = funnel.dispersion is not None and funnel.dispersion.adjusted
    parts = [
        f"Funnel plot of {len(chart.categories)} areas' {chart.y_label.lower()} against their "
        f"population: {chart.title}. Group rate {v(funnel.group_rate)}.",
        "The funnel's lines show how far an area's rate can differ from the group's by chance "
        "alone at its population: 95% and 99.8% limits, narrower for larger populations."
        if not widened
        else "The funnel's lines show how far an area's rate can differ from the group's by "
        "chance and the usual spread between areas at its population: 95% and 99.8% limits, "
        f"narrower for larger populations. {widened_words(funnel)}",
    ]
    if funnel.own is not None and funnel.position is not None:
        i = funnel.own
        parts.append(
            f"{chart.categories[i]} (our area): {v(funnel.rates[i])}, population "
            f"{format_number(funnel.populations[i], 0)}. {_position_words(measure, funnel)}"
        )
    outside = [
        a
        for a, found in zip(funnel.areas, funnel.positions, strict=True)
        if found.position != "in line"
    ]

    parts.append(
        f"Areas outside the 99.8% limits: {', '.join(outside)}."
        if outside
        else "No area is outside the 99.8% limits."
    )
    return " ".join(parts)


def widened_words(funnel: Funnel) -> str:
    """Why the funnel's lines are wider than chance alone: the areas spread more than it allows
    (Spiegelhalter's overdispersion adjustment)."""
    spread = funnel.dispersion
    assert spread is not None
    return (
        f"The {spread.areas} areas' rates spread {format_number(spread.phi, 1)} times as much as"
        " chance alone would make them, more than chance allows, so the lines are widened for"
        " the differences between areas that chance does not explain (Spiegelhalter's"
        " random-effects adjustment), and each area is judged against the widened lines."
    )


def funnel_guide(report: Report) -> str:
    """How to read the report's funnel plots, for How to read this report; empty without one."""
    units = {m.id: m.unit for m in report.measures}
    if not any(
        r.measure_id in units and funnel_of(r, units[r.measure_id]) for r in report.rankings
    ):
        return ""
    return (
        "Where every area in a comparison group gives its number of events and its population, "
        "the group is also drawn as a funnel plot: each area's rate against its population, the "
        "group's rate (all the events over all the population), and lines at 95% (dashed) and "
        "99.8% (dotted) that chance alone keeps within. The lines narrow as the population grows, "
        "because a large area's rate varies less by chance. An area outside the 99.8% lines is "
        "above or below the group's rate by more than chance, and the report says so; one outside "
        "only the 95% lines is one to watch. Where the areas' rates spread more than chance allows "
        "(a chi-squared test of their winsorised z-scores at 95%), real differences between areas "
        "are expected, and the lines are widened by Spiegelhalter's random-effects adjustment "
        "(2005): an area is then called above or below only where it stands out from that spread "
        "too, and the plot says so."
    )


_WIDENED = (
    "the limits are widened because the areas' rates spread more than chance allows:"
    " Spiegelhalter's overdispersion adjustment"
)
_WIDENED_SENTENCES = {
    "above": "{who} is above the group's rate of {rate}: higher than chance and the usual spread"
    " between areas would explain for its population (outside the 99.8% limits; " + _WIDENED + ").",
    "below": "{who} is below the group's rate of {rate}: lower than chance and the usual spread"
    " between areas would explain for its population (outside the 99.8% limits; " + _WIDENED + ").",
    "in line": "{who} is in line with the group's rate of {rate}: the difference could be chance"
    " or the usual spread between areas (" + _WIDENED + ").",
}
_SENTENCES = {
    "above": "{who} is above the group's rate of {rate}: higher than chance and the usual spread"
    " between areas would explain for its population (outside the 99.8% limits)."
    + _WIDENED[:-1]
    + ").",
    "below": "{who} is below the group's rate of {rate}: lower than chance and the usual spread"
    " between areas would explain for its population (outside the 99.8% limits)."
    + _WIDENED[:-1]
    + ").",
    "in line": "{who} is in line with the group's rate of {rate}: the difference could be chance"
    " or the usual spread between areas" + _WIDENED + ".",
}
_SENTENCES = {
    "above": "{who} is above the group's rate of {rate}: higher than chance alone would explain"
    " for its population (outside the 99.8% limits).",
    "below": "{who} is below the group's rate of {rate}: lower than chance alone would explain"
    " for its population (outside the 99.8% limits).",
    "in line": "{who} is in line with the group's rate of {rate}: the difference could be chance.",
}


def funnel_sentence(measure: Measure, ranking: Ranking) -> str:
    """Where the own area sits on the funnel, in words: 'Northbridge is above the group's rate
    of 4.90: higher than chance alone would explain for its population (outside the 99.8%
    limits).' Empty without a funnel or an own area."""
    funnel = funnel_of(ranking, measure.unit)
    return "" if funnel is None else _position_words(measure, funnel)


def _position_words(measure: Measure, funnel: Funnel) -> str:
    position = funnel.position
    if position is None or funnel.own is None:
        return ""
    widened = funnel.dispersion is not None and funnel.dispersion.adjusted
    words = (_WIDENED_SENTENCES if widened else _SENTENCES)[position.position].format(
        who=funnel.areas[funnel.own], rate=value_text(measure, funnel.group_rate)
    )
    if position.position == "in line" and position.warning:
        rate = funnel.rates[funnel.own]
        side = "higher" if rate > funnel.group_rate else "lower"
        words += f" It is {side} at the 95% level (outside the 95% limits): one to watch."
    return words
