"""The words that say how a change was tested against chance (issue 23): which test, whether it
allows for the extra variation the measure's own figures show (overdispersion) or assumes
Poisson variation, and, in How to read this report, how many changes were tested this period
and what that means. The verdicts are ``core``'s (``MeasureStatus.test``); this only words them.
"""

from __future__ import annotations

from safecity_reports.core.formatting import format_number
from safecity_reports.core.multiplicity import period_tests
from safecity_reports.core.significance import ChangeTest, level_words
from safecity_reports.core.status import MeasureStatus
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
    """How the change was tested, for the measure's page, beside the verdict: the test,
    whether it allows for the extra variation of the measure's like figures or assumes that
    chance alone moves them, and where the allowance for the period's many tests changed the
    verdict, that (``adjustment_sentence``). Empty where no change was tested."""
    tests = _tests([status])
    if not tests:
        return ""
    adjusted = adjustment_sentence(status)
    return f"{_method(status, tests)} {adjusted}" if adjusted else _method(status, tests)


def _method(status: MeasureStatus, tests: list[ChangeTest]) -> str:
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
    """Every change tested that the report prints (``core.multiplicity.period_tests``)."""
    return period_tests(statuses)


def adjustment_sentence(status: MeasureStatus) -> str:
    """Beside a verdict the allowance for the period's many tests changed: the change would
    count as significant on its own test, but not once their number is allowed for. Empty
    where it changed no verdict of this measure."""
    lost = [t for t in _tests([status]) if t.lost_to_adjustment]
    if not lost:
        return ""
    which = (
        "Both changes"
        if len(lost) > 1
        else "The change from a year earlier"
        if status.test is None or not status.test.lost_to_adjustment
        else "The change"
    )
    return (
        f"{which} would count as significant on {'their' if len(lost) > 1 else 'its'} own"
        f" test, but not once the number of this period's tests ({lost[0].family}) is allowed"
        " for, as the Settings ask (the false discovery rate): "
        f"{'they are' if len(lost) > 1 else 'it is'} reported as no significant change."
    )


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
    said = (
        f"{count} {'change was' if count == 1 else 'changes were'} tested against chance this"
        f" period. At the {level_words(confidence)} level about 1 test in {one_in} will be"
        f" 'significant' by chance alone even where nothing has changed.{many}"
    )
    if not tests[0].family:
        return f"{said} So read a single significant change with its chart and its history, not on its own."
    if count == 1:
        return (
            f"{said} The Settings ask for the false discovery rate across the period's tests;"
            " with one test it is that test's own verdict."
        )
    lost = sum(t.lost_to_adjustment for t in tests)
    changed = (
        f" {lost} {'change' if lost == 1 else 'changes'} significant on {'its' if lost == 1 else 'their'}"
        f" own test {'is' if lost == 1 else 'are'} not once {'it is' if lost == 1 else 'they are'}"
        " adjusted, and the measure's page says so."
        if lost
        else " The adjustment changed no verdict this period."
    )
    return (
        f"{said} As the Settings ask, the report allows for their number: it judges each change"
        " with the false discovery rate controlled across this period's tests (Benjamini and"
        f" Hochberg's method), so that on average no more than about 1 in {one_in} of the changes"
        f" it calls significant is chance.{changed}"
    )
