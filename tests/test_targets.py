"""A dated target before its date: on or off track against the profiled target typed for the
period, else (a year-to-date figure) an even share of the target; never met.

The figures are the force-area example's victim-based crime: a year-end target of 38,000 for
2013/14, 29,012 crimes from April to December 2013, a profile of 29,450 by December against an
even share of 28,500.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from safecity_reports.core.model import (
    FigureKind,
    Frequency,
    Measure,
    Observation,
    Polarity,
    TargetKind,
    Unit,
)
from safecity_reports.core.periods import parse_period
from safecity_reports.core.status import TargetStatus, measure_status
from safecity_reports.core.targets import InterimTarget, interim_target, target_status
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.chart_targets import target_lines
from safecity_reports.layout.document import FigureBlock
from safecity_reports.layout.narrative import target_sentence
from safecity_reports.layout.summary_columns import COLUMNS, Facts

T = TargetStatus
EXAMPLE = Path(__file__).resolve().parents[1] / "inputs" / "examples" / "force-year-to-date.xlsx"
LOW, HIGH = Polarity.LOW_IS_GOOD, Polarity.HIGH_IS_GOOD
Q3, Q4 = parse_period("2013/14 Q3"), parse_period("2013/14 Q4")


def _crime(
    actual: float = 29012,
    profile: float | None = None,
    *,
    kind: FigureKind = FigureKind.YEAR_TO_DATE,
    target: float | None = 38000,
    target_kind: TargetKind = TargetKind.REACH,
    due: str | None = "2013/14",
    period: str = "2013/14 Q3",
    polarity: Polarity = LOW,
) -> Measure:
    return Measure(
        "1.1a",
        "1.1",
        "Victim-based crime - Count",
        Unit.COUNT,
        polarity,
        Frequency.QUARTERLY,
        0,
        (Observation(parse_period(period), actual, profiled_target=profile),),
        target=target,
        kind=kind,
        target_kind=target_kind,
        target_due=parse_period(due) if due else None,
    )


def _status(measure: Measure, reporting=Q3):
    return measure_status(measure, reporting, parse_period("2013/14 Q2"))


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        # year to date, low is good: the profile decides where one is typed
        (_crime(29012), T.OFF_TRACK),  # above the even share, 28,500
        (_crime(29012, 29450), T.ON_TRACK),  # within the profile
        (_crime(29012, 28900), T.OFF_TRACK),
        (_crime(29450, 29450), T.ON_TRACK),  # exactly at the profile
        (_crime(28000), T.ON_TRACK),  # within the even share
        (_crime(28000, 27500), T.OFF_TRACK),  # a profile stricter than the even share
        # high is good
        (_crime(70, 72, target=100, polarity=HIGH), T.OFF_TRACK),
        (_crime(73, 72, target=100, polarity=HIGH), T.ON_TRACK),
        # a figure for the period: not yet due, unless the period has a profile
        (_crime(8603, kind=FigureKind.FOR_THE_PERIOD), T.NOT_YET_DUE),
        (_crime(8603, 9100, kind=FigureKind.FOR_THE_PERIOD), T.ON_TRACK),
        (_crime(9603, 9100, kind=FigureKind.FOR_THE_PERIOD), T.OFF_TRACK),
        # at the target's date the target itself is judged, never the profile
        (_crime(37900, 37000, period="2013/14 Q4"), T.MET),
        (_crime(38100, 39000, period="2013/14 Q4"), T.MISSED),
        # after it, past its date
        (_crime(9000, 9000, period="2014/15 Q1"), T.PAST_DUE),
        # a target with no date applies to every period: the profile is ignored
        (_crime(29012, 29450, due=None), T.MET),
        # a change on last year is judged against last year, not a profile
        (
            _crime(29012, 40000, target=None, target_kind=TargetKind.REDUCE_ON_LAST_YEAR),
            T.NOT_AVAILABLE,  # no figure a year earlier in this series
        ),
        # no target at all: the profile is ignored
        (_crime(29012, 29450, target=None), T.NO_TARGET),
        # a level to stay below applies as it stands, or as profiled for the period
        (_crime(29012, target_kind=TargetKind.STAY_BELOW), T.ON_TRACK),  # never met early
        (_crime(39012, target_kind=TargetKind.STAY_BELOW), T.OFF_TRACK),
        (_crime(29012, target_kind=TargetKind.STAY_ABOVE), T.OFF_TRACK),
        (_crime(29012, 28900, target_kind=TargetKind.STAY_BELOW), T.OFF_TRACK),
        (_crime(29012, 29450, target_kind=TargetKind.STAY_BELOW), T.ON_TRACK),
        # a year-to-date figure of another year than the target's has no share of it
        (_crime(29012, due="2014/15"), T.NOT_YET_DUE),
    ],
)
def test_a_dated_target_before_its_date(measure, expected):
    current = measure.observations[-1]
    assert target_status(measure, current, None) is expected


def test_the_interim_target_is_the_profile_else_an_even_share_as_printed():
    assert interim_target(_crime(29012, 29450), _crime(29012, 29450).observations[0]) == (
        InterimTarget(29450, profiled=True)
    )
    assert interim_target(_crime(), _crime().observations[0]) == InterimTarget(28500, False)
    # judged against the figure as printed: 38,001 x 9/12 is 28,500.75, printed 28,501
    odd = _crime(28501, target=38001)
    assert interim_target(odd, odd.observations[0]) == InterimTarget(28501, False)
    assert target_status(odd, odd.observations[0], None) is T.ON_TRACK
    profiled = _crime(29450, 29449.6)
    assert interim_target(profiled, profiled.observations[0]) == InterimTarget(29450, True)
    assert target_status(profiled, profiled.observations[0], None) is T.ON_TRACK
    for none in (_crime(due=None), _crime(period="2013/14 Q4"), _crime(kind=FigureKind.SNAPSHOT)):
        assert interim_target(none, none.observations[0]) is None


@pytest.mark.parametrize(
    ("measure", "sentence"),
    [
        (
            _crime(29012, 29450),
            "On track: 29,012 against 29,450, the profiled target for 2013/14 Q3 (the target is"
            " 38,000 by the end of 2013/14).",
        ),
        (
            _crime(29012, 28900),
            "Off track: 29,012 against 28,900, the profiled target for 2013/14 Q3 (the target is"
            " 38,000 by the end of 2013/14).",
        ),
        (
            _crime(29012),
            "Off track: 29,012 against 28,500, an even share of the target for April to December"
            " 2013 (the target is 38,000 by the end of 2013/14).",
        ),
        (
            _crime(28000),
            "On track: 28,000 against 28,500, an even share of the target for April to December"
            " 2013 (the target is 38,000 by the end of 2013/14).",
        ),
        (
            _crime(8603, 9100, kind=FigureKind.FOR_THE_PERIOD),
            "On track: 8,603 against 9,100, the profiled target for 2013/14 Q3 (the target is"
            " 38,000 by the end of 2013/14).",
        ),
        (
            _crime(8603, kind=FigureKind.FOR_THE_PERIOD),
            "The target is 38,000 by the end of 2013/14; it is not yet due.",
        ),
        (
            _crime(29012, 28900, target_kind=TargetKind.STAY_BELOW),
            "Off track: 29,012 against 28,900, the profiled target for 2013/14 Q3 (the target is"
            " to stay below 38,000 by the end of 2013/14).",
        ),
        (
            _crime(29012, target_kind=TargetKind.STAY_BELOW),
            "On track: 29,012 against the target to stay below 38,000 by the end of 2013/14.",
        ),
        (
            _crime(37900, 37000, period="2013/14 Q4"),
            "Target met: the target is 38,000 by the end of 2013/14.",
        ),
    ],
)
def test_the_sentence_says_what_the_figure_was_judged_against(measure, sentence):
    reporting = measure.observations[-1].period
    assert target_sentence(_status(measure, reporting)) == sentence


def _cells(measure: Measure) -> tuple[str, str]:
    status = _status(measure)
    facts = Facts(measure, status, None, None, Q3)
    return tuple(  # type: ignore[return-value]
        "".join(s.text for s in COLUMNS[name].cell(facts)) for name in ("Target", "Target status")
    )


def test_the_summary_shows_the_target_set_and_what_the_status_was_judged_against():
    """Target is the target the board set; Target status says on or off track and, in
    brackets, the figure the current one was held to, so both figures are in the row."""
    assert _cells(_crime(29012, 29450)) == ("38,000", "On track (profile 29,450)")
    assert _cells(_crime(29012)) == ("38,000", "Off track (even share 28,500)")
    assert _cells(_crime(8603, kind=FigureKind.FOR_THE_PERIOD)) == ("38,000", "Not yet due")
    assert _cells(_crime(29012, target=None)) == ("[z]", "No target")
    reduction = replace(_crime(target=None), target_kind=TargetKind.REDUCE_ON_LAST_YEAR)
    assert _cells(reduction)[0] == "reduction on last year"


# --- targets on charts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("measure", "lines"),
    [
        # a level every figure is held to: a dashed line across the chart
        (_crime(8603, kind=FigureKind.FOR_THE_PERIOD, due=None), (("Target", 38000),)),
        (
            _crime(8603, kind=FigureKind.FOR_THE_PERIOD, target_kind=TargetKind.STAY_BELOW),
            (("Limit (stay below)", 38000),),
        ),
        # a year-end total is no level for the quarters before it
        (_crime(8603, kind=FigureKind.FOR_THE_PERIOD), ()),
        # each year-to-date figure is held to a part of the target, not the whole
        (_crime(29012, due=None), ()),
        (_crime(target=None, target_kind=TargetKind.REDUCE_ON_LAST_YEAR), ()),
        (_crime(target=None), ()),
    ],
)
def test_the_target_is_drawn_as_a_line_only_where_every_figure_is_held_to_it(measure, lines):
    assert target_lines(measure) == lines


def test_a_year_to_date_chart_sets_the_profile_beside_its_year(tmp_path):
    from datetime import date

    from safecity_reports.layout.report import build_document
    from safecity_reports.reading.workbook import read_workbook

    report, _ = read_workbook(EXAMPLE)
    document = build_document(report, judge(report), date(2017, 1, 20))
    figures = [b for b in _walk(document.blocks) if isinstance(b, FigureBlock)]
    chart = next(f for f in figures if f.chart.title.startswith("Victim-based crime"))
    assert [s.name for s in chart.chart.series] == ["2012/13", "2013/14", "Profiled target 2013/14"]
    assert chart.chart.series[-1].values == (9880, 20330, 29450)
    assert chart.alt.endswith(
        "Profiled target 2013/14: April to June: 9,880; April to September: 20,330;"
        " April to December: 29,450."
    )
    # no profile typed for violence with injury: its chart holds its years alone
    violence = next(f for f in figures if f.chart.title.startswith("Violence with injury"))
    assert [s.name for s in violence.chart.series] == ["2012/13", "2013/14"]


def test_a_target_line_is_dashed_and_a_baseline_beside_it_solid():
    from safecity_reports.charts.drawing import _reference_lines
    from safecity_reports.layout.document import Chart, ChartKind

    def dashes(*lines):
        chart = Chart(ChartKind.LINE, "t", ("a",), (), "y", reference_lines=lines)
        return [dashed for _, _, dashed in _reference_lines(chart)]

    assert dashes(("Target", 27.5)) == [True]
    assert dashes(("Baseline 2012/13", 30.0), ("Target", 27.5)) == [False, True]
    assert dashes(("Most similar group average", 24.2), ("Limit (stay below)", 30)) == [
        False,
        True,
    ]


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(getattr(block, "blocks", ()))
