"""Issue 21: every verdict of the report judged once (``core.verdicts``), as tables over every
polarity, whether the change was tested, and each kind of concern and improvement."""

from __future__ import annotations

from dataclasses import replace

import pytest

from safecity_reports.core.model import (
    Baseline,
    FigureKind,
    Frequency,
    GroupFacts,
    GroupSide,
    KeyAction,
    Measure,
    NotAvailable,
    Observation,
    Polarity,
    Priority,
    Rating,
    RatingLevel,
    Report,
    Settings,
    TargetKind,
    Unit,
)
from safecity_reports.core.model import Figure as KeyFigure
from safecity_reports.core.periods import parse_period
from safecity_reports.core.status import TargetStatus
from safecity_reports.core.verdicts import (
    Change,
    Concern,
    Improvement,
    judge,
    key_figure_target,
    side_judgement,
)

Q4, Q1, Q2 = (parse_period(p) for p in ("2015/16 Q4", "2016/17 Q1", "2016/17 Q2"))
HIGH, LOW, NONE = Polarity.HIGH_IS_GOOD, Polarity.LOW_IS_GOOD, Polarity.NO_PREFERENCE


def measure(first, second, polarity=LOW, unit=Unit.PERCENTAGE, counts=None, **kwargs) -> Measure:
    (c1, d1), (c2, d2) = counts or ((None, None), (None, None))
    observations = []
    if first is not None:
        observations.append(Observation(Q1, first, count=c1, denominator=d1))
    if second is not None:
        observations.append(Observation(Q2, second, count=c2, denominator=d2))
    return Measure(
        "1.1",
        "1.1",
        "Test measure",
        unit,
        polarity,
        Frequency.QUARTERLY,
        1,
        tuple(observations),
        **kwargs,
    )


def report(m: Measure, **kwargs) -> Report:
    action = KeyAction("1.1", "1", "Act", "Agency", measures=(m,))
    return Report(Settings("P", "T", Q2), (Priority("1", "First", (action,)),), **kwargs)


def the(m: Measure, **kwargs):
    return judge(report(m, **kwargs)).of(m.id)


# (first, second, polarity, counts) -> the change's verdict
BIG = ((100, 1000), (300, 1000))  # 10% -> 30% of 1,000: significant
SMALL = ((1, 25), (2, 40))  # 4% -> 5% of a few: chance explains it
CHANGES = [
    (10.0, 30.0, HIGH, BIG, Change.BETTER),
    (10.0, 30.0, LOW, BIG, Change.WORSE),
    (30.0, 10.0, HIGH, ((300, 1000), (100, 1000)), Change.WORSE),
    (30.0, 10.0, LOW, ((300, 1000), (100, 1000)), Change.BETTER),
    (4.0, 5.0, LOW, SMALL, Change.NOT_SIGNIFICANT),
    (4.0, 5.0, HIGH, SMALL, Change.NOT_SIGNIFICANT),
    (4.0, 5.0, LOW, None, Change.WORSE_UNTESTED),
    (4.0, 5.0, HIGH, None, Change.BETTER_UNTESTED),
    (5.0, 4.0, LOW, None, Change.BETTER_UNTESTED),
    (5.0, 4.0, HIGH, None, Change.WORSE_UNTESTED),
    (5.0, 4.0, NONE, None, Change.NOT_JUDGED),
    (5.0, 5.0, LOW, None, Change.NO_CHANGE),
    (5.01, 4.99, LOW, None, Change.NO_CHANGE),  # the same as printed to one place
    (None, 5.0, LOW, None, Change.NO_COMPARISON),
    (5.0, None, LOW, None, Change.NO_FIGURE),
    (5.0, NotAvailable(), LOW, None, Change.NO_FIGURE),
]


@pytest.mark.parametrize(("first", "second", "polarity", "counts", "change"), CHANGES)
def test_the_change_in_one_word(first, second, polarity, counts, change):
    v = the(measure(first, second, polarity, counts=counts))
    assert v.change is change
    assert v.tested is (counts is not None and change is not Change.NO_FIGURE)
    significant = {Change.BETTER: Improvement.SIGNIFICANTLY_BETTER}
    worse = {Change.WORSE: Concern.SIGNIFICANTLY_WORSE}
    assert (Improvement.SIGNIFICANTLY_BETTER in v.improvements) is (change in significant)
    assert (Concern.SIGNIFICANTLY_WORSE in v.concerns) is (change in worse)


def test_a_change_within_the_measures_little_change_is_little_change():
    v = the(measure(40.0, 40.5, LOW, little_change=1.0))
    assert v.change is Change.LITTLE_CHANGE and v.concerns == ()


@pytest.mark.parametrize(
    ("target", "kind", "polarity", "concern"),
    [
        (4.5, TargetKind.REACH, LOW, Concern.TARGET_MISSED),  # 5.0 against 4.5 or less
        (5.5, TargetKind.REACH, LOW, None),
        (5.5, TargetKind.REACH, HIGH, Concern.TARGET_MISSED),
        (4.5, TargetKind.REACH, HIGH, None),
        (4.5, TargetKind.STAY_BELOW, HIGH, Concern.TARGET_MISSED),  # a level: polarity aside
        (5.5, TargetKind.STAY_ABOVE, LOW, Concern.TARGET_MISSED),
    ],
)
def test_a_target_missed_is_a_concern(target, kind, polarity, concern):
    v = the(measure(4.0, 5.0, polarity, target=target, target_kind=kind))
    assert [c for c in v.concerns if c.name.startswith("TARGET")] == ([concern] if concern else [])


def test_a_year_to_date_count_beyond_the_whole_years_target_says_so():
    m = replace(
        measure(900.0, 1300.0, LOW, Unit.COUNT, target=1200.0, target_due=parse_period("2016/17")),
        kind=FigureKind.YEAR_TO_DATE,
        observations=(Observation(Q2, 1300.0),),
    )
    v = the(m)
    assert v.status.target is TargetStatus.OFF_TRACK
    assert v.beyond_year_target and Concern.ABOVE_YEAR_TARGET in v.concerns
    assert Concern.TARGET_OFF_TRACK not in v.concerns  # said once, the stronger way
    within = replace(m, observations=(Observation(Q2, 1000.0),))
    assert not the(within).beyond_year_target


@pytest.mark.parametrize(
    ("level", "period", "concern"),
    [
        (RatingLevel.RED, Q2, Concern.RED),
        (RatingLevel.AMBER, Q2, Concern.AMBER),
        (RatingLevel.GREEN, Q2, None),
        (RatingLevel.GREY, Q2, None),
        (RatingLevel.RED, Q1, None),  # an older rating is printed with its period, not a concern
    ],
)
def test_a_red_or_amber_rating_for_the_period_is_a_concern(level, period, concern):
    v = the(measure(4.0, 4.0), ratings=(Rating("1.1", period, level),))
    assert v.rating is not None
    assert [c for c in v.concerns if c in (Concern.RED, Concern.AMBER)] == (
        [concern] if concern else []
    )


@pytest.mark.parametrize(
    ("side", "polarity", "meaning"),
    [
        (GroupSide.ABOVE, LOW, "worse"),
        (GroupSide.ABOVE, HIGH, "better"),
        (GroupSide.BELOW, LOW, "better"),
        (GroupSide.BELOW, HIGH, "worse"),
        (GroupSide.IN_LINE, LOW, ""),
        (GroupSide.ABOVE, NONE, ""),
    ],
)
def test_a_position_outside_the_groups_range(side, polarity, meaning):
    assert side_judgement(side, polarity) == meaning
    facts = (GroupFacts("1.1", Q2, position=side),)
    v = the(measure(4.0, 4.0, polarity), group_facts=facts)
    assert (Concern.WORSE_THAN_GROUP in v.concerns) is (meaning == "worse")
    assert (Improvement.BETTER_THAN_GROUP in v.improvements) is (meaning == "better")


@pytest.mark.parametrize(
    ("baseline", "polarity", "found"),
    [
        (4.0, LOW, Concern.WORSE_THAN_BASELINE),
        (4.0, HIGH, Improvement.BETTER_THAN_BASELINE),
        (6.0, LOW, Improvement.BETTER_THAN_BASELINE),
        (5.0, LOW, None),
        (4.0, NONE, None),
    ],
)
def test_the_baseline(baseline, polarity, found):
    v = the(measure(5.0, 5.0, polarity, baseline=Baseline(Q4, baseline)))
    assert [*v.concerns, *v.improvements] == ([found] if found else [])


def test_late_and_missing_figures():
    late = measure(5.0, None, LOW)
    late = replace(late, observations=(Observation(parse_period("2015/16 Q2"), 5.0),))
    assert the(late).concerns == (Concern.LATE,)
    typed_missing = the(measure(5.0, NotAvailable(), LOW))
    assert typed_missing.concerns == (Concern.MISSING,)
    # the quarter before: due by now, so late
    assert the(measure(5.0, None, LOW)).concerns == (Concern.LATE,)
    # an annual figure for 2015/16 is not due again until 2016/17 ends: not late, no concern
    annual = replace(late, observations=(Observation(parse_period("2015/16"), 5.0),))
    assert the(annual).concerns == ()


def test_areas_are_judged_each_and_counted_where_the_partnership_has_no_figures():
    m = measure(4.0, 5.0, LOW)
    m = replace(
        m,
        observations=tuple(replace(o, area=a) for a in ("North", "South") for o in m.observations),
    )
    verdicts = judge(report(m))
    assert verdicts.per_area and verdicts.areas == ("North", "South")
    assert [v.area for v in verdicts.counted()] == ["North", "South"]
    assert all(v.change is Change.WORSE_UNTESTED for v in verdicts.counted())
    assert verdicts.own["1.1"].change is Change.NO_FIGURE  # the partnership has none


@pytest.mark.parametrize(
    ("value", "out_of", "target", "status"),
    [
        (20, 30, 70.0, TargetStatus.MISSED),
        (21, 30, 70.0, TargetStatus.MET),
        (20, None, 70.0, None),
        (20, 30, None, None),
    ],
)
def test_a_key_figures_share_against_its_target(value, out_of, target, status):
    figure = KeyFigure("1.5", "Respondents in work", value, Unit.COUNT, out_of, target)
    assert key_figure_target(figure) is status


def test_the_layout_reads_verdicts_and_judges_none_again():
    from pathlib import Path

    layout = Path(__file__).resolve().parents[1] / "src" / "safecity_reports" / "layout"
    judging = ("measure_status", "report_status", "group_standing", "spc_chart(", "page_xmr(")
    found = [
        f"{path.name}: {name}"
        for path in sorted(layout.glob("*.py"))
        for name in judging
        if name in path.read_text(encoding="utf-8")
    ]
    assert found == []


def test_an_awaited_figure_is_counted_apart_and_is_no_concern():
    """Issue 22: a blank figure of the reporting period in a draft is awaited from its agency:
    its own verdict (never 'no figure'), no concern, and counted by agency."""
    from safecity_reports.core.model import awaiting

    awaited = the(measure(5.0, awaiting("Police"), LOW, target=4.0))
    assert awaited.change is Change.AWAITING
    assert awaited.awaited_from == "Police"
    assert awaited.concerns == () and awaited.improvements == ()
    typed = the(measure(5.0, NotAvailable("NYA"), LOW))
    assert typed.change is Change.NO_FIGURE and typed.awaited_from == ""
    assert Concern.MISSING in typed.concerns
    m = measure(5.0, awaiting("Police"), LOW)
    other = replace(m, id="1.2")
    action = KeyAction("1.1", "1", "Act", "Police", measures=(m, other))
    verdicts = judge(Report(Settings("P", "T", Q2), (Priority("1", "First", (action,)),)))
    assert verdicts.awaited == (("Police", 2),)
