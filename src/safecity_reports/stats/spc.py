"""XmR (individuals) charts judged by NHS England's Making Data Count rules.

The limits, screening, rules, icons' meanings and assurance are those of Making Data Count
("Making data count: strengthening your decisions", NHS England, 2019; "SPC: the point of
the dots" guidance) as NHS-R's NHSRplotthedots computes them; tests reproduce the figures of its
"deviations" vignette.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from statistics import fmean

from . import checks
from .spc_rules import HIGH, Rule, find_special_causes

LIMIT_FACTOR = 2.66
"""Process limits sit this many mean moving ranges from the mean (3 sigma, 3/1.128)."""
SCREEN_FACTOR = 3.267
"""Moving ranges of this many mean moving ranges or more are screened out (the D4 constant)."""
FEWEST_TO_JUDGE = 6
"""Fewer values than this give no judgement at all."""
FEWEST_FOR_FIRM_LIMITS = 13
"""Fewer values than this give trial limits."""
IMPROVEMENTS = ("increase", "decrease", "neutral")


class Signal(StrEnum):
    """What a point says, for the measure's polarity."""

    COMMON_CAUSE = "common cause"
    IMPROVEMENT = "improvement"
    CONCERN = "concern"
    NEUTRAL = "neutral"
    """Special cause on a measure with no better direction (``improvement="neutral"``)."""


class Assurance(StrEnum):
    """Whether the process, as it runs, will meet a target."""

    CONSISTENTLY_MET = "consistently met"
    CONSISTENTLY_MISSED = "consistently missed"
    INCONSISTENT = "inconsistent"


TOO_FEW_POINTS = "too few points"

_RULE_WORDS = {
    (Rule.OUTSIDE_LIMITS, HIGH): "above the upper limit of normal variation",
    (Rule.OUTSIDE_LIMITS, "low"): "below the lower limit of normal variation",
    (Rule.TREND, HIGH): "part of a run of 7 or more values each higher than the one before",
    (Rule.TREND, "low"): "part of a run of 7 or more values each lower than the one before",
    (Rule.TWO_OF_THREE, HIGH): "one of 2 out of 3 values in a row close to the upper limit",
    (Rule.TWO_OF_THREE, "low"): "one of 2 out of 3 values in a row close to the lower limit",
    (Rule.SHIFT, HIGH): "part of a run of 7 or more values above the average",
    (Rule.SHIFT, "low"): "part of a run of 7 or more values below the average",
}


def rule_words(rule: Rule, side: str) -> str:
    """What a rule that fired says of a point, in plain English: 'above the upper limit of
    normal variation'."""
    return _RULE_WORDS[rule, side]


_SIGNAL_WORDS = {
    Signal.IMPROVEMENT: "Improvement",
    Signal.CONCERN: "Concern",
    Signal.NEUTRAL: "Unusual change",
}
_ASSURANCE_WORDS = {
    Assurance.CONSISTENTLY_MET: (
        "The target will be met consistently: it lies outside the range of normal variation, on "
        "the good side, so every value the process normally produces meets it."
    ),
    Assurance.CONSISTENTLY_MISSED: (
        "The target will be missed consistently: it lies outside the range of normal variation, "
        "on the bad side, so it will not be met unless something changes."
    ),
    Assurance.INCONSISTENT: (
        "The target will be met in some periods and missed in others by chance alone: it lies "
        "within the range of normal variation."
    ),
}


@dataclass(frozen=True)
class Point:
    """One value of the chart and what it says."""

    value: float
    """The value as given."""
    signal: Signal | None
    """Common cause, improvement, concern or neutral; None when there are too few points."""
    rule: Rule | None
    """The rule that fired, by precedence; None for common cause or too few points."""
    side: str | None
    """``"high"`` or ``"low"``: the way the special cause points; None without one."""
    description: str
    """The point's meaning in plain English, for a board."""


@dataclass(frozen=True)
class XmRChart:
    """An XmR chart's limits and the judgement of each point."""

    mean: float
    """The average of all the values (the centre line)."""
    mean_moving_range: float
    """The average difference between consecutive values, after screening if ``screened``."""
    lower: float
    """Lower process limit: ``mean - 2.66 x mean_moving_range`` (may be below zero)."""
    upper: float
    """Upper process limit: ``mean + 2.66 x mean_moving_range``."""
    screened: bool
    """Whether moving ranges of 3.267 x their mean or more were left out of the limits."""
    improvement: str
    """``"increase"``, ``"decrease"`` or ``"neutral"``: which way is better."""
    points: tuple[Point, ...]
    """Each value's judgement, in order."""
    trial_limits: bool
    """Fewer than 13 values: the limits are provisional and may move as data arrive."""
    judgement: str | None
    """``"too few points"`` under 6 values (no signals are judged), else None."""
    target: float | None
    """The target the assurance is judged against, if any."""
    assurance: Assurance | None
    """Against the target; None with no target, a neutral measure or too few points."""
    breaks: tuple[int, ...] = ()
    """The indices of the values that do not follow the one before (a period missing between):
    no moving range is taken across them, and no run is looked for across them."""

    @property
    def latest(self) -> Point:
        """The most recent point."""
        return self.points[-1]

    @property
    def assurance_description(self) -> str | None:
        """The assurance verdict in plain English, or None without one."""
        return None if self.assurance is None else _ASSURANCE_WORDS[self.assurance]

    @property
    def description(self) -> str:
        """What the chart says, in plain English: limits, the latest point and any assurance."""
        if self.judgement == TOO_FEW_POINTS:
            return (
                f"Too few values ({len(self.points)}) to judge change: at least "
                f"{FEWEST_TO_JUDGE} are needed."
            )
        parts = [f"Latest value ({self.latest.value:g}): {self.latest.description}"]
        if self.trial_limits:
            parts.append(
                f"These are trial limits: with fewer than {FEWEST_FOR_FIRM_LIMITS} values they "
                "may move as more data arrive."
            )
        if self.assurance_description:
            parts.append(self.assurance_description)
        return " ".join(parts)


def _limits(values: Sequence[float], screen: bool, breaks: set[int]) -> tuple[float, float]:
    """The mean and the (screened) mean moving range, leaving out the ranges across a gap."""
    mean = fmean(values)
    moving_ranges = [
        abs(values[i] - values[i - 1]) for i in range(1, len(values)) if i not in breaks
    ]
    mean_moving_range = fmean(moving_ranges)
    if screen and mean_moving_range > 0:
        # a positive mean has at least one moving range below 3.267 times it, so none is empty
        kept = [r for r in moving_ranges if r < SCREEN_FACTOR * mean_moving_range]
        mean_moving_range = fmean(kept)
    return mean, mean_moving_range


def _signal(side: str, improvement: str) -> Signal:
    if improvement == "neutral":
        return Signal.NEUTRAL
    good = HIGH if improvement == "increase" else "low"
    return Signal.IMPROVEMENT if side == good else Signal.CONCERN


def _assurance(target: float, lower: float, upper: float, improvement: str) -> Assurance:
    if lower <= target <= upper:
        return Assurance.INCONSISTENT
    target_is_high = target > upper
    if target_is_high == (improvement == "increase"):
        return Assurance.CONSISTENTLY_MISSED
    return Assurance.CONSISTENTLY_MET


def xmr(
    values: Sequence[float],
    improvement: str = "neutral",
    screen: bool = True,
    target: float | None = None,
    breaks: Sequence[int] = (),
) -> XmRChart:
    """An XmR chart of ``values`` (oldest first) with each point judged by the four rules.

    Limits: ``mean +/- 2.66 x mean moving range``. With ``screen=True`` (Making Data Count's
    guidance, NHSRplotthedots' default) moving ranges of 3.267 x the mean moving range or more are
    left out and the mean recomputed; ``screen=False`` gives the unscreened limits of the Making
    Data Count spreadsheets. A series with no variation has both limits on the mean.

    Rules, in precedence (see :class:`~safecity_reports.stats.spc_rules.Rule`): a point beyond a
    limit; 7 points each strictly higher (or lower) than the one before; 2 of 3 points beyond
    two-thirds of the way to a limit, all 3 on that side of the mean; 7 points on one side of the
    mean. A special cause is an improvement or a concern by ``improvement``, the direction that is
    better (``"neutral"``: no better direction, signal ``"neutral"``). Unlike NHSRplotthedots,
    which colours a point by its side of the mean, the side is the rule's: a rising trend is high
    even where it starts below the mean.

    ``breaks`` are the indices of values that do not follow the one before them (a missing
    period between): a gap breaks the moving range, not the chart. The range across it is left
    out of the limits, and the runs (trend, 2 of 3, shift) are looked for on each side of it,
    never across it; a point beyond a limit is found anywhere.

    Under 6 values no point is judged (signals None, ``judgement="too few points"``); under 13
    the limits are trial limits. With a ``target`` and a better direction, the assurance is
    consistently met or missed when the target lies outside the limits on the good or bad side,
    else inconsistent.

    Raises ``ValueError`` for fewer than 2 values, a missing or non-finite value, an
    ``improvement`` other than the three, a non-finite target, or breaks that leave no moving
    range.
    """
    if improvement not in IMPROVEMENTS:
        raise ValueError(
            f"improvement must be 'increase', 'decrease' or 'neutral', got {improvement!r}"
        )
    numbers = [checks.number(f"value {i + 1}", v) for i, v in enumerate(values)]
    if len(numbers) < 2:
        raise ValueError(f"an XmR chart needs at least 2 values, got {len(numbers)}")
    target = None if target is None else checks.number("target", target)
    gaps = {int(b) for b in breaks if 0 < b < len(numbers)}
    if all(i in gaps for i in range(1, len(numbers))):
        raise ValueError("an XmR chart needs at least 2 values in a row: every pair has a gap")
    mean, mean_moving_range = _limits(numbers, screen, gaps)
    lower = mean - LIMIT_FACTOR * mean_moving_range
    upper = mean + LIMIT_FACTOR * mean_moving_range

    too_few = len(numbers) < FEWEST_TO_JUDGE
    if too_few:
        points = tuple(
            Point(v, None, None, None, "Not judged: too few values to tell.") for v in numbers
        )
    else:
        points = tuple(
            _point(value, found, improvement)
            for value, found in zip(
                numbers,
                find_special_causes(numbers, mean, lower, upper, sorted(gaps)),
                strict=True,
            )
        )
    assurance = None
    if target is not None and improvement != "neutral" and not too_few:
        assurance = _assurance(target, lower, upper, improvement)
    return XmRChart(
        mean=mean,
        mean_moving_range=mean_moving_range,
        lower=lower,
        upper=upper,
        screened=screen,
        improvement=improvement,
        points=points,
        trial_limits=len(numbers) < FEWEST_FOR_FIRM_LIMITS,
        judgement=TOO_FEW_POINTS if too_few else None,
        target=target,
        assurance=assurance,
        breaks=tuple(sorted(gaps)),
    )


def _point(value: float, found: tuple[Rule, str] | None, improvement: str) -> Point:
    if found is None:
        return Point(
            value,
            Signal.COMMON_CAUSE,
            None,
            None,
            "Common cause: no sign of real change; the value is within the range of normal variation.",
        )
    rule, side = found
    signal = _signal(side, improvement)
    words = f"{_SIGNAL_WORDS[signal]}: the value is {_RULE_WORDS[rule, side]}."
    return Point(value, signal, rule, side, words)
