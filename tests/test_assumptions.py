"""Nothing assumed printed as fact (issue 29 items 4, 5, 7; issue 25 item 6): a rank with no
stated direction, a figure whose coverage is not stated, a Report date typed as a month,
lateness bounded by the Report date and a stated lag, a source's printed change, and the
publication details on the front page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from tests.fixtures.dated_examples import EXAMPLES as DATED_EXAMPLES
from tests.fixtures.dated_examples import month_dated_table
from tests.fixtures.examples import EXAMPLES as GROUP_EXAMPLES
from tests.fixtures.period_examples import EXAMPLES as PERIOD_EXAMPLES
from tests.fixtures.workbooks import add_row, set_cell, set_setting, valid_workbook

from safecity_reports.core.coverage import comparable, length_words
from safecity_reports.core.groups import disagreements, from_facts
from safecity_reports.core.lateness import overdue
from safecity_reports.core.model import (
    FigureKind,
    Frequency,
    GroupFacts,
    Measure,
    Observation,
    Polarity,
    RankedArea,
    Ranking,
    Settings,
    Unit,
)
from safecity_reports.core.periods import parse_period
from safecity_reports.core.printed_change import TypedChange, check_printed, read_change
from safecity_reports.core.publication import long_ago, publication_date
from safecity_reports.core.status import measure_status
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.document import Paragraph, Table
from safecity_reports.layout.publication import publication_lines
from safecity_reports.layout.report import build_document
from safecity_reports.layout.summary_columns import rank_text
from safecity_reports.reading.cells import CellError, as_day_or_month
from safecity_reports.reading.load import load_report
from safecity_reports.reading.printed_change import printed_text

EXAMPLES = {**PERIOD_EXAMPLES, **GROUP_EXAMPLES, **DATED_EXAMPLES}
EXAMPLES_FOLDER = Path(__file__).resolve().parent.parent / "inputs" / "examples"
P = parse_period


def _measure(*observations: Observation, **more) -> Measure:
    fields = {"unit": Unit.COUNT, "decimals": 0, "frequency": Frequency.ANNUAL, **more}
    return Measure(
        "1.1", "1.1", "M", polarity=Polarity.LOW_IS_GOOD, observations=observations, **fields
    )


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(getattr(block, "blocks", ()))


def _texts(document) -> list[str]:
    """Every paragraph and table cell of a document, as text."""
    found = []
    for block in _walk(document.blocks):
        if isinstance(block, Paragraph):
            found.append("".join(s.text for s in block.spans))
        elif isinstance(block, Table):
            found += [cell.text for row in (*block.header, *block.rows) for cell in row]
    return found


def _load(tmp_path, wb):
    path = tmp_path / "t.xlsx"
    wb.save(path)
    return load_report(path)


def _messages(problems) -> list[str]:
    return [p.message for p in problems]


# -- a rank whose direction is not stated ---------------------------------------------------

Q = P("2016/17")


@pytest.mark.parametrize(
    ("typed", "default", "expected"),
    [
        (None, None, "6th of 15"),
        (True, None, "6th of 15 (1 = lowest)"),
        (False, None, "6th of 15 (1 = highest)"),
        (None, True, "6th of 15 (rank 1 = lowest, assumed)"),
        (None, False, "6th of 15 (rank 1 = highest, assumed)"),
        (False, True, "6th of 15 (1 = highest)"),  # the row's own word wins
    ],
)
def test_a_rank_names_a_direction_only_where_the_workbook_gives_one(typed, default, expected):
    facts = GroupFacts("1.1", Q, group_size=15, rank=6, rank_one_is_lowest=typed)
    standing = from_facts(facts, default)
    assert rank_text(standing) == expected
    assert standing.rank_one_assumed is (typed is None and default is not None)


def test_a_rank_with_no_direction_disagrees_only_when_neither_end_gives_it():
    ranking = Ranking(
        "1.1",
        Q,
        tuple(RankedArea(a, v, a == "Own") for a, v in (("A", 1), ("Own", 2), ("B", 3), ("C", 4))),
    )
    own_from_low, own_from_high = 2, 3
    for rank in (own_from_low, own_from_high):
        assert disagreements(ranking, GroupFacts("1.1", Q, rank=rank), Polarity.LOW_IS_GOOD) == []
    assert disagreements(ranking, GroupFacts("1.1", Q, rank=1), Polarity.LOW_IS_GOOD) == [
        "Rank 1 but the figures on the Rankings sheet put it 2 of 4 (1 = lowest)"
    ]


def test_a_blank_rank_1_is_reads_as_not_stated_and_settings_can_assume_one(tmp_path):
    wb = valid_workbook()
    add_row(
        wb,
        "Group position",
        {"Measure": "1.1a", "Period": "2016/17 Q2", "Group size": 15, "Rank": 6},
    )
    report, _ = _load(tmp_path, wb)
    assert [f.rank_one_is_lowest for f in report.group_facts] == [None]
    assert report.settings.rank_one_is_lowest is None
    set_setting(wb, "Rank 1 is", "highest")
    report, _ = _load(tmp_path, wb)
    assert report.settings.rank_one_is_lowest is False
    standing = judge(report).of("1.1a").standing
    assert standing is not None and rank_text(standing) == "6th of 15 (rank 1 = highest, assumed)"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_no_example_prints_a_direction_for_rank_1_its_workbook_does_not_give(tmp_path, name):
    report, _ = _load(tmp_path, EXAMPLES[name]())
    document = build_document(report, judge(report), date(2017, 5, 1))
    said = [t for t in _texts(document) if "1 = lowest" in t or "1 = highest" in t]
    stated = {f.rank_one_is_lowest for f in report.group_facts} - {None}
    if report.rankings:  # a rank worked out from every area's figure says which end is 1st
        return
    assert all(
        ("1 = lowest" in t and True in stated) or ("1 = highest" in t and False in stated)
        for t in said
    )
    if name == "comparative-crime.xlsx":  # its workbook says Lowest on every row
        assert said


# -- coverage not stated --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        ("Oct 2016", "Nov 2016", True),
        ("2015/16", "2016/17", True),
        ("2016/17 Q2", "2016/17 Q3", True),
        ("2015/16", "Nov 2016", False),  # a year is never set against a month
        ("2016/17 Q2", "Nov 2016", False),
    ],
)
def test_figures_whose_coverage_is_not_stated_are_compared_only_when_labelled_alike(
    earlier, later, expected
):
    assert comparable(P(earlier), P(later), FigureKind.NOT_STATED) is expected


def test_a_figure_whose_coverage_is_not_stated_has_no_length_in_words(tmp_path):
    assert length_words(P("Nov 2016"), FigureKind.NOT_STATED) == "a length of time not stated"
    report, _ = _load(tmp_path, month_dated_table())
    document = build_document(report, judge(report), date(2017, 5, 1))
    rate = next(t for t in _texts(document) if t.startswith("1.1a "))
    assert "month" not in rate
    notes = [t for t in _texts(document) if "does not say what period" in t]
    assert notes == [
        "The source does not say what period each figure covers: each is labelled by the"
        " period it was reported for."
    ]


def test_a_page_names_a_not_stated_figure_by_the_period_it_was_reported_for():
    from safecity_reports.layout.narrative import change_sentence

    measure = _measure(
        Observation(P("Oct 2016"), 8.52),
        Observation(P("Nov 2016"), 8.77),
        unit=Unit.RATE,
        decimals=2,
        frequency=Frequency.MONTHLY,
        kind=FigureKind.NOT_STATED,
    )
    status = measure_status(measure, P("Nov 2016"), P("Oct 2016"))
    assert change_sentence(status) == (
        "Rose from 8.52 reported for Oct 2016 to 8.77 reported for Nov 2016, which is worse."
    )


def test_not_stated_is_an_accepted_value_of_figures_are(tmp_path):
    wb = valid_workbook()
    set_cell(wb, "Measures", 2, "Figures are", "not stated")
    report, _ = _load(tmp_path, wb)
    assert report.measures[0].kind is FigureKind.NOT_STATED


# -- Report date as a day or a month --------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("December 2016", (date(2016, 12, 31), True)),
        ("Dec 2016", (date(2016, 12, 31), True)),
        ("dec 2016", (date(2016, 12, 31), True)),
        ("Sept 2016", (date(2016, 9, 30), True)),
        ("Feb 2016", (date(2016, 2, 29), True)),
        ("Dec-16", (date(2016, 12, 31), True)),
        ("12/2016", (date(2016, 12, 31), True)),
        ("15/12/2016", (date(2016, 12, 15), False)),
        ("15 December 2016", (date(2016, 12, 15), False)),
    ],
)
def test_a_report_date_is_a_day_or_a_month(typed, expected):
    assert as_day_or_month("Report date", typed) == expected


def test_a_report_date_that_is_neither_says_what_is_accepted():
    with pytest.raises(CellError) as caught:
        as_day_or_month("Report date", "soon")
    assert str(caught.value) == (
        "Report date 'soon' is not a date; type a date such as 31/10/2016 or 31 October 2016,"
        " or a month such as December 2016, or leave it blank for the day the report is made"
    )


SETTINGS = Settings("Northmoor CSP", "Update", P("Nov 2016"), author="Northmoor Council")


@pytest.mark.parametrize(
    ("settings", "today", "expected"),
    [
        (
            replace(SETTINGS, report_date=date(2016, 12, 31), report_month=True),
            date(2026, 12, 6),
            ("Published December 2016 by Northmoor Council",),
        ),
        (
            replace(SETTINGS, report_date=date(2016, 12, 15)),
            date(2026, 12, 6),
            ("Published 15 December 2016 by Northmoor Council",),
        ),
        # blank, made soon after the period: the day it is made
        (SETTINGS, date(2017, 1, 9), ("Published 9 January 2017 by Northmoor Council",)),
        # blank, long after: no date at all, never 'Published <today>'
        (SETTINGS, date(2026, 12, 6), ("Published by Northmoor Council",)),
        (replace(SETTINGS, author=""), date(2026, 12, 6), ()),
        (
            replace(SETTINGS, contact="Safety Team, 01632 960123", next_update="March 2017"),
            date(2017, 1, 9),
            (
                "Published 9 January 2017 by Northmoor Council",
                "Contact: Safety Team, 01632 960123",
                "Next update: March 2017",
            ),
        ),
    ],
)
def test_the_front_page_prints_only_the_publication_details_given(settings, today, expected):
    assert publication_lines(settings, today) == expected


def test_long_ago_is_more_than_twelve_months_after_the_period_ended():
    assert not long_ago(SETTINGS, date(2017, 11, 30))  # 12 months after November 2016
    assert long_ago(SETTINGS, date(2017, 12, 1))
    assert not long_ago(replace(SETTINGS, report_date=date(2016, 12, 1)), date(2026, 12, 6))
    assert publication_date(SETTINGS, date(2017, 12, 1)) == ""


def test_check_asks_for_the_report_date_of_a_report_on_a_period_long_past(tmp_path):
    wb = valid_workbook()
    set_setting(wb, "Report date", None)
    _, problems = _load(tmp_path, wb)
    assert [(p.where, p.message) for p in problems] == [
        (
            "t.xlsx, sheet Settings, cell B6",
            "Report date is blank, and the reporting period 2016/17 Q2 ended on 30 September"
            " 2016, more than 12 months ago, so the report prints no publication date: type the"
            " date it was published, e.g. 31/12/2016 or December 2016",
        )
    ]


def test_check_warns_of_a_reporting_period_that_ends_after_the_report_date(tmp_path):
    wb = valid_workbook()
    set_setting(wb, "Report date", "August 2016")
    _, problems = _load(tmp_path, wb)
    assert "The reporting period 2016/17 Q2 ends on 30 September 2016, after the Report date" in (
        problems[0].message
    )
    assert _messages(problems) == [
        "The reporting period 2016/17 Q2 ends on 30 September 2016, after the Report date"
        " August 2016: a figure for a period not yet over is not final, and none is called late"
        " before its period has ended; check the Reporting period and the Report date"
    ]


# -- nothing late before its period has ended plus its lag ----------------------------------


def _annual(lag: int = 0) -> Measure:
    return _measure(Observation(P("2014/15"), 1000), Observation(P("2015/16"), 932), lag_months=lag)


@pytest.mark.parametrize(
    ("lag", "as_of", "expected"),
    [
        (0, None, True),  # as of the period's end, 2016/17 is due and missing
        (0, date(2016, 12, 31), False),  # a December 2016 report: the year has not ended
        (0, date(2017, 3, 30), False),
        (0, date(2017, 3, 31), True),
        (3, date(2017, 5, 31), False),  # a stated lag of 3 months: not due till June's end
        (3, date(2017, 6, 29), False),
        (3, date(2017, 6, 30), True),
    ],
)
def test_a_figure_is_late_only_after_its_period_has_ended_and_its_lag_passed(lag, as_of, expected):
    measure = _annual(lag)
    status = measure_status(measure, P("2016/17"), P("2015/16"))
    assert status.late
    assert overdue(measure, status, as_of) is expected


def test_an_annual_figure_is_not_late_in_a_report_dated_before_its_year_ends(tmp_path):
    wb = valid_workbook()
    set_setting(wb, "Reporting period", "2016/17")
    set_setting(wb, "Report date", "November 2016")  # 2016/17 Q3's figure is not yet due
    report, problems = _load(tmp_path, wb)
    assert not any(v.overdue for v in judge(report).counted())
    assert not any("though one is due" in m for m in _messages(problems))
    assert any(m.startswith("The reporting period 2016/17 ends on") for m in _messages(problems))


def test_a_lag_that_is_not_a_number_of_months_is_refused(tmp_path):
    wb = valid_workbook()
    set_cell(wb, "Measures", 2, "Lag", 2.5)
    with pytest.raises(Exception) as caught:
        _load(tmp_path, wb)
    assert "Lag '2.5' is not a whole number of months from 0 to 24" in str(caught.value)


# -- printed changes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("-4%", TypedChange(-4, 0, True, False)),
        ("+4.5 %", TypedChange(4.5, 1, True, False)),
        ("−4%", TypedChange(-4, 0, True, False)),
        ("-12", TypedChange(-12, 0, False, False)),
        ("-1,200", TypedChange(-1200, 0, False, False)),
        ("3 pts", TypedChange(3, 0, False, True)),
        ("4 per cent", TypedChange(4, 0, True, False)),
        ("down", None),
        ("", None),
    ],
)
def test_a_printed_change_is_read_as_a_number_where_it_is_one(typed, expected):
    assert read_change(typed) == expected


def _pair(before, after, printed, unit=Unit.COUNT, decimals=0):
    measure = _measure(unit=unit, decimals=decimals)
    return (
        measure,
        Observation(P("2014/15"), before),
        Observation(P("2015/16"), after, printed_change=printed),
    )


@pytest.mark.parametrize(
    ("before", "after", "printed", "unit", "decimals", "agrees"),
    [
        (1000, 932, "-4%", Unit.COUNT, 0, False),  # the counts give -6.8%
        (1000, 932, "-7%", Unit.COUNT, 0, True),
        (1000, 932, "-6.8%", Unit.COUNT, 0, True),
        (1000, 932, "-6.7%", Unit.COUNT, 0, False),
        (1000, 932, "-68", Unit.COUNT, 0, True),
        (1000, 932, "+68", Unit.COUNT, 0, False),
        (40.0, 44.0, "+4%", Unit.PERCENTAGE, 1, True),  # four points, printed with a %
        (40.0, 44.0, "+10%", Unit.PERCENTAGE, 1, True),  # ten per cent of 40
        (40.0, 44.0, "+4 pts", Unit.PERCENTAGE, 1, True),
        (40.0, 44.0, "+6%", Unit.PERCENTAGE, 1, False),
        (8.52, 8.77, "+3%", Unit.RATE, 2, True),  # 2.9%, the rates' rounding allowed
    ],
)
def test_a_printed_change_is_held_against_the_figures_allowing_for_rounding(
    before, after, printed, unit, decimals, agrees
):
    measure, old, new = _pair(before, after, printed, unit, decimals)
    found = check_printed(measure, old, new)
    assert found is not None and found.agrees is agrees


def test_a_printed_change_that_is_not_a_number_is_kept_but_not_checked():
    assert check_printed(*_pair(1000, 932, "down a little")) is None


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        ("-4%", "General", "-4%"),
        (-0.04, "0%", "-4%"),
        (-0.068, "0.0%", "-6.8%"),
        (-4, "General", "-4"),
        (-4, '0"%"', "-4%"),
    ],
)
def test_a_printed_change_is_kept_as_the_source_printed_it(value, number_format, expected):
    assert printed_text(value, number_format) == expected


def test_check_warns_of_a_printed_change_its_own_figures_do_not_give(tmp_path):
    wb = valid_workbook()
    set_cell(wb, "Data", 3, "Printed change", "-4%")
    report, problems = _load(tmp_path, wb)
    measure = report.measures[0]
    before, after = measure.observations[0], measure.observations[1]
    assert after.printed_change == "-4%"
    found = check_printed(measure, before, after)
    assert found is not None and not found.agrees
    warning = next(p for p in problems if "printed change" in p.message)
    assert warning.where == "t.xlsx, sheet Data, cell K3"
    assert warning.message.startswith(
        f"Measure {measure.id}'s printed change for {after.period} is '-4%', but its own"
        " figures give "
    )
    assert warning.message.endswith(
        "; the report prints both: check the source's figures and its printed change"
    )


# -- the example ----------------------------------------------------------------------------


def test_the_month_dated_example_says_only_what_its_workbook_does(tmp_path):
    report, problems = _load(tmp_path, month_dated_table())
    assert [(p.where, p.message) for p in problems] == [
        (
            "t.xlsx, sheet Data, cell K5",
            "Measure 1.1b's printed change for 2015/16 is '-4%', but its own figures give"
            " -6.8% (from 1,000 in 2014/15 to 932 in 2015/16); the report prints both: check"
            " the source's figures and its printed change",
        )
    ]
    document = build_document(report, judge(report), date(2026, 12, 6))
    texts = _texts(document)
    assert texts[1:4] == [
        "Published December 2016 by Northmoor District Council",
        "Contact: Community Safety Team, 01632 960123",
        "Next update: March 2017",
    ]
    assert "-68 (-6.8%) (source: -4%)" in texts
    assert "+12 (+2.9%) (source: +3%)" in texts
    assert "6th of 15" in texts
    assert not any("late" in t.split() for t in texts)  # 2016/17's burglary is not yet due
    assert any(
        "The source prints the change as -4%, but its own figures give -6.8%." in t for t in texts
    )
    verdicts = judge(report)
    assert not verdicts.of("1.1b").overdue


def test_the_saved_month_dated_example_is_what_the_script_makes():
    from safecity_reports.reading.workbook import read_workbook

    saved, _ = read_workbook(EXAMPLES_FOLDER / "month-dated-table.xlsx")
    assert [m.id for m in saved.measures] == ["1.1a", "1.1b", "1.2a"]
    assert saved.settings.report_month and saved.settings.contact
