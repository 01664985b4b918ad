"""The words that say how a change was tested against chance (issue 23): which test, whether it
allows for the extra variation the measure's own figures show (overdispersion) or assumes
Poisson variation, and, in How to read this report, how many changes were tested this period
and what that means. The verdicts are ``core``'s (``MeasureStatus.test``); this only words them.
"""

from __future__ import annotations

from safecity_reports.core.formatting import format_number
from safecity_reports.core.significance import ChangeTest, level_words
from safecity_reports.core.status import Direction, MeasureStatus
from safecity_reports.stats.overdispersion import (
    FEWEST_FOR_DISPERSION,
    FEWEST_FOR_MOVING_RANGE,
    MOVING_RANGE,
)


def test_name(test: ChangeTest) -> str:
    """'the exact test for two Poisson rates', 'Fisher's exact test' ..."""
    if test.counts:
        return "the exact test for two Poisson counts in periods of equal length"
    if test.proportions:
        return "Fisher's exact test"
    return "the exact test for two Poisson rates"


def _variation(test: ChangeTest) -> str:
    return "binomial" if test.proportions else "Poisson"


def _estimated_by(test: ChangeTest) -> str:
    if test.dispersion.method == MOVING_RANGE:
        return "estimated from the moving range, as an SPC chart's limits are"
    return f"a {test.dispersion.method} estimate"


def method_sentence(status: MeasureStatus) -> str:
    """How the change was tested, for the measure's page, beside the verdict: the test, and
    whether it allows for the extra variation of the measure's like figures or assumes that
    chance alone moves them. Empty where no change was tested."""
    tests = _tests([status])
    if not tests:
        return ""
    test = tests[0]
    spread = test.dispersion
    name = test_name(test)
    tested = "The changes were tested" if len(tests) > 1 else "The change was tested"
    figures = f"{spread.periods} like figures"
    if spread.method is None:
        return (
            f"{tested} by {name}, which assumes the figures vary only by chance"
            f" ({_variation(test)} variation): {figures} are too few to measure how much more"
            f" they vary (at least {FEWEST_FOR_DISPERSION} are needed)."
        )
    if not spread.widened:
        return (
            f"{tested} by {name}; the measure's {figures} vary no more than"
            f" chance alone would make them ({_estimated_by(test)}), so the test assumes"
            f" {_variation(test)} variation."
        )
    interval = "" if test.counts else "; the confidence interval is widened alike"
    return (
        f"{tested} by {name}, widened for the extra variation in the measure's"
        f" {figures}: they vary {format_number(spread.phi, 1)} times as much as chance alone"
        f" would make them ({_estimated_by(test)}){interval}."
    )


def _tests(statuses: list[MeasureStatus]) -> list[ChangeTest]:
    """Every change tested that the report prints: each latest change, and the change from a
    year earlier where it is said apart."""
    found = [s.test for s in statuses if s.test is not None]
    found += [
        s.year_test
        for s in statuses
        if s.year_test is not None
        and s.year_ago is not s.previous
        and s.year_direction is not Direction.NOT_AVAILABLE
    ]
    return found


def overdispersion_paragraph(statuses: list[MeasureStatus]) -> str:
    """How to read this report: how the tests allow for figures that vary more than chance.
    Empty where no change was tested."""
    tests = _tests(statuses)
    if not tests:
        return ""
    widened = sum(t.dispersion.widened for t in tests)
    assumed = sum(t.dispersion.method is None for t in tests)
    within = len(tests) - widened - assumed
    parts = [
        f"{widened} {'was' if widened == 1 else 'were'} widened" if widened else "",
        f"{within} needed no widening (the figures vary no more than chance)" if within else "",
        f"{assumed} assumed chance variation alone" if assumed else "",
    ]
    said = [p for p in parts if p]
    listed = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
    counts = (
        f" Of this period's {len(tests)} tests, {listed}."
        if len(tests) > 1
        else f" This period's one test {listed.split(' ', 1)[1]}."
    )
    return (
        "Many figures, recorded crime above all, vary from period to period more than chance"
        " alone (Poisson variation) would make them. Where a measure has at least"
        f" {FEWEST_FOR_DISPERSION} figures for like periods, the report measures how much more"
        " they vary (the quasi-Poisson or, for percentages, quasi-binomial dispersion; from the"
        f" moving range, as an SPC chart does, where {FEWEST_FOR_MOVING_RANGE} or more follow one"
        " another) and widens the test and the confidence interval by it, never narrowing them."
        " Where there are fewer, the test assumes Poisson variation, and the measure's page says"
        f" so.{counts}"
    )


def multiplicity_paragraph(statuses: list[MeasureStatus]) -> str:
    """How to read this report: how many changes were tested this period, and what that means.
    Empty where none was."""
    tests = _tests(statuses)
    if not tests:
        return ""
    confidence = tests[0].confidence
    one_in = format_number(1 / (1 - confidence), 0)
    count = len(tests)
    expected = count * (1 - confidence)
    at_least_one = 1 - confidence**count
    many = (
        f" If nothing had really changed, {count} tests would give on average"
        f" {format_number(expected, 1)} 'significant' results by chance, and at least one about"
        f" {format_number(at_least_one * 100, 0)}% of the time (taking the tests as independent)."
        if count > 1
        else ""
    )
    return (
        f"{count} {'change was' if count == 1 else 'changes were'} tested against chance this"
        f" period. At the {level_words(confidence)} level about 1 test in {one_in} will be"
        f" 'significant' by chance alone even where nothing has changed.{many} So read a single"
        " significant change with its chart and its history, not on its own."
    )
