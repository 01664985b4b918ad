"""check reads the commentary against the figures: each rule, sentences that warn and sentences
that must not, and the worked example's exact warnings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from safecity_reports.core.model import (
    Commentary,
    Frequency,
    KeyAction,
    Location,
    Measure,
    Observation,
    Polarity,
    Priority,
    Report,
    Run,
    Settings,
    TextBlock,
    Unit,
)
from safecity_reports.core.periods import parse_period
from safecity_reports.reading.commentary import check_commentary

Q2 = "2016/17 Q2"


def _measure(mid: str, name: str, unit: Unit, decimals: int, figures: dict[str, float]) -> Measure:
    observations = tuple(Observation(parse_period(p), v) for p, v in figures.items())
    return Measure(
        mid, "1.1", name, unit, Polarity.LOW_IS_GOOD, Frequency.QUARTERLY, decimals, observations
    )


RATE = _measure(
    "1.1",
    "Drug related violent crime (Incidents per 1,000)",
    Unit.RATE_PER_1000,
    2,
    {"2015/16 Q2": 0.10, "2016/17 Q1": 0.14, Q2: 0.12},
)
"""Up on the same period last year, down on last quarter."""
FLAT = _measure(
    "1.1", "Drug related violent crime (Incidents per 1,000)", Unit.RATE_PER_1000, 2,
    {"2016/17 Q1": 0.12, Q2: 0.121},
)  # fmt: skip
"""No figure for the same period last year; the same as printed last quarter."""
ENGAGEMENT = _measure(
    "1.1",
    "Education, Training and employment engagement (Combined - School and Non-school age)",
    Unit.PERCENTAGE,
    1,
    {"2015/16 Q2": 68.3, "2016/17 Q1": 64.2, Q2: 62.0},
)
CRIME = _measure("1.1a", "Total Crime - Rate per 1,000", Unit.RATE_PER_1000, 2,
                 {"2015/16 Q2": 25.4, Q2: 29.92})  # fmt: skip
ASB = _measure("1.1b", "Anti-social Behaviour - Rate per 1,000", Unit.RATE_PER_1000, 2,
               {"2015/16 Q2": 15.1, Q2: 12.76})  # fmt: skip


def warnings_for(text: str, *measures: Measure, report_date: date | None = date(2016, 11, 15)):
    """The messages check gives for one paragraph on a page of ``measures``."""
    measures = measures or (RATE,)
    action = KeyAction("1.1", "1", "Reduce crime", "Police", measures=measures)
    where = Location("Commentary", "B2")
    commentary = Commentary(
        tuple(m.id for m in measures), (TextBlock((Run(text),), where=where),), where
    )
    report = Report(
        Settings("Safe City", "Report", parse_period(Q2), report_date=report_date),
        (Priority("1", "Crime", (action,)),),
        (commentary,),
        source_name="q2.xlsx",
    )
    problems = check_commentary(report)
    assert all(p.where == "q2.xlsx, sheet Commentary, cell B2" for p in problems)
    assert all(p.severity == "warning" for p in problems)
    return [p.message for p in problems]


# --- 1. Direction words against the figures -------------------------------------------------

DIRECTION_WARNS = [
    "The rate has decreased compared to the same period last year.",
    "The rate fell compared with the same period last year.",
    "The rate is lower than the same period last year.",
    "Compared to the same period last year, the rate has reduced.",
    "The rate has not increased compared to the same period last year.",
    "There has been no increase in drug related violent crime compared to the same period last year.",
    "The rate remained unchanged compared to the same period last year.",
    "The rate has increased since last quarter.",
    "The rate rose compared to the previous quarter.",
    "The rate has gone up since the previous quarter.",
    "The rate is higher than Q1.",
    "Drug related violent crime was stable compared to last quarter.",
    "The rate hasn't fallen since last quarter.",
]
DIRECTION_SILENT = [
    "The rate has increased compared to the same period last year.",
    "The rate is up on the same period last year.",
    "The rate has not decreased compared to the same period last year.",
    "The rate fell compared to the previous quarter.",
    "The rate is lower than Q1.",
    "The rate has remained fairly stable compared to the same period last year.",
    "If the rate increases compared to last quarter, the plan will be reviewed.",
    "The rate is no longer increasing compared to last quarter.",
    "The rate has increased slightly.",
    "Increasingly the focus will be on those most at risk.",
    "The number of arrests has increased compared to the same period last year.",
    "The number of re-referrals is equal to the same period last year.",
    "An increased focus on enforcement has been maintained.",
]


@pytest.mark.parametrize("text", DIRECTION_WARNS)
def test_a_direction_the_figures_contradict_is_a_warning(text):
    [message] = warnings_for(text)
    assert "the figures are 0.1" in message


@pytest.mark.parametrize("text", DIRECTION_SILENT)
def test_a_direction_the_figures_bear_out_or_that_is_not_plain_is_not_judged(text):
    assert warnings_for(text) == []


def test_the_message_quotes_the_words_and_the_figures():
    assert warnings_for("The rate has decreased compared to the same period last year.") == [
        "The commentary on 1.1 says 'decreased compared to the same period last year', but the "
        "figures are 0.1 (2015/16 Q2) and 0.12 (2016/17 Q2): an increase"
    ]


def test_a_comparison_with_no_figure_is_held_to_the_figures_the_page_prints():
    said = "The rate of drug related violent crime has increased compared to the same period last year."
    assert warnings_for(said, FLAT) == [
        "The commentary on 1.1 says 'increased compared to the same period last year', but the "
        "workbook has no figure for 2015/16 Q2, and the page's figures are 0.12 (2016/17 Q1) and "
        "0.12 (2016/17 Q2): no change"
    ]
    assert warnings_for("The rate is unchanged compared to the same period last year.", FLAT) == []


def test_on_a_page_of_several_measures_the_sentence_must_name_one_or_all_must_agree():
    [message] = warnings_for(
        "The ASB rate has increased compared to the same period last year.", CRIME, ASB
    )
    assert "15.1 (2015/16 Q2) and 12.76 (2016/17 Q2): a fall" in message
    assert warnings_for("The total crime rate has increased compared to the same period last year.",
                        CRIME, ASB) == []  # fmt: skip
    assert (
        warnings_for("Rates have fallen compared to the same period last year.", CRIME, ASB) == []
    )


# --- 2. Arithmetic in the text --------------------------------------------------------------

ARITHMETIC_WARNS = [
    ("20 out of 30 (60%)who responded have jobs.", RATE),
    ("20 of 30 (60%) who responded have jobs.", RATE),
    ("3 of 14 test purchases (25%) made a sale.", RATE),
    ("25% (3 out of 14) of the test purchases made a sale.", RATE),
    ("3 sales (25% of 14) were made.", RATE),
    ("25% of 14 purchases (3) made a sale.", RATE),
    ("2 out of 3 (66.5%) completed.", RATE),
    ("1 out of 8 (13.0%) reoffended.", RATE),
    ("5 out of 40 (15%) reoffended.", RATE),
    ("Engagement is 62% which is 5% lower than the same period last year.", ENGAGEMENT),
    ("Engagement shows a 12% reduction compared to the same period last year.", ENGAGEMENT),
    ("Arrests fell by 10% from 50 to 40.", RATE),
    ("Engagement fell by 6.3 percentage points from 68.3% to 61.0%.", ENGAGEMENT),
]
ARITHMETIC_SILENT = [
    ("20 out of 30 (67%) who responded have jobs.", RATE),
    ("20 out of 30 (66.7%) who responded have jobs.", RATE),
    ("20 out of 30 (66%) who responded have jobs.", RATE),
    ("3 of 14 (21%) made a sale.", RATE),
    ("3 of 14 (21.4%) made a sale.", RATE),
    ("5 out of 40 (13%) reoffended.", RATE),
    ("100% of attendees achieved the qualification.", RATE),
    ("Engagement is 62% which is 6.3% lower than the same period last year.", ENGAGEMENT),
    ("Engagement is 9.2% lower than the same period last year.", ENGAGEMENT),
    ("Arrests fell by 20% from 50 to 40.", RATE),
    ("Engagement in the above school age cohort having increased by 5.4%.", ENGAGEMENT),
    ("Arrests fell by about 10% from 50 to 40.", RATE),
]


@pytest.mark.parametrize(("text", "measure"), ARITHMETIC_WARNS)
def test_a_share_or_change_that_does_not_add_up_is_a_warning(text, measure):
    [message, *also] = warnings_for(text, measure)
    assert "but" in message
    assert all("but the workbook's figure for" in m for m in also)  # '61.0%' is not 62.0%


@pytest.mark.parametrize(("text", "measure"), ARITHMETIC_SILENT)
def test_a_share_or_change_that_adds_up_at_the_texts_decimals_is_not_a_warning(text, measure):
    assert warnings_for(text, measure) == []


def test_the_share_message_gives_the_right_figure():
    assert warnings_for("20 out of 30 (60%)who responded have jobs.") == [
        "The commentary on 1.1 says '20 out of 30 (60%)', but 20 out of 30 is 66.7%"
    ]
    [change] = warnings_for(ARITHMETIC_WARNS[9][0], ENGAGEMENT)
    assert change.endswith(
        "the figures are 68.3% (2015/16 Q2) and 62% (2016/17 Q2): a change of "
        "6.3 percentage points or 9.2%"
    )


# --- 3. Dates and periods -------------------------------------------------------------------

DATES_WARN = [
    "During the period July-September 2017 a total of 14 test purchases were conducted.",
    "During July-September 2017 a licence review was brought by Trading Standards.",
    "During the period July to September 2015 there were 14 test purchases.",
    "Between July and September 2017 fourteen test purchases were made.",
    "During the period 2017/18 Q2 fourteen test purchases were made.",
    "This quarter 14 test purchases were conducted in Sept 2017.",
    "A review was held on 1st December 2016.",
    "The panel met on 3 March 2017.",
    "The strategy was launched in January 2017.",
    "The group was set up in 2017.",
    "The campaign ran during 2017/18.",
]
DATES_SILENT = [
    "The next survey is due in 2017/18.",
    "The Western Sexual Crime Action Plan 2015-2017 is in place.",
    "Progress will be reviewed in March 2017.",
    "The plan was endorsed in May 2016.",
    "Activity between 2015 and 2017 was reviewed.",
    "A review was held on 1st October 2016.",
    "During July-September 2015, compared with this quarter, there were fewer test purchases.",
    "2 programmes ran during the 2015/16 academic year.",
    "Case studies will be presented in November 2016.",
    "The model began operating in late June 2016.",
    "In Sept 2016 the team was expanded.",
    "3 programmes are planned for 2017 to be held in January, May and October.",
    "During the period July-September 2016 a total of 14 test purchases were conducted.",
]


@pytest.mark.parametrize("text", DATES_WARN)
def test_a_date_that_cannot_be_right_for_this_report_is_a_warning(text):
    assert len(warnings_for(text)) == 1


@pytest.mark.parametrize("text", DATES_SILENT)
def test_past_dates_plans_titles_and_comparisons_are_not_warnings(text):
    assert warnings_for(text) == []


def test_date_messages_say_what_the_report_is_on_and_its_date():
    assert warnings_for(DATES_WARN[0]) == [
        "The commentary on 1.1 says 'During the period July-September 2017', but the report is "
        "on 2016/17 Q2 (Jul 2016 - Sep 2016)"
    ]
    [late] = warnings_for("A review was held on 1st December 2016.")
    assert late.endswith("but 1st December 2016 is after the report's date, 15 Nov 2016")


def test_with_no_report_date_the_day_it_is_made_is_the_report_date():
    assert warnings_for("A review was held on 1st December 2016.", report_date=None) == []


# --- 4. Figures quoted for the page's own measure -------------------------------------------

QUOTES_WARN = [
    ("The rate is now 0.13.", RATE),
    ("The rate of drug related violent crime is 0.15.", RATE),
    ("The rate stands at 0.2.", RATE),
    ("The rate is currently 1.2, a worry.", RATE),
    ("The rate is 0.11.", RATE),
    ("The rate is now 0.10, which is good.", RATE),
    ("Overall engagement in education, training and employment is 64%.", ENGAGEMENT),
    ("Engagement is now 61.5%.", ENGAGEMENT),
    ("Engagement stands at 60 per cent.", ENGAGEMENT),
    ("Engagement remains at 63% and the team is working on it.", ENGAGEMENT),
]
QUOTES_SILENT = [
    ("The rate is now 0.12.", RATE),
    ("The rate is 0.1.", RATE),
    ("The rate is 0.123.", RATE),
    ("Last year the rate was 0.10.", RATE),
    ("The rate is 0.02 higher than last year.", RATE),
    ("The national average is 0.15.", RATE),
    ("The rate in Q1 is 0.14.", RATE),
    ("There are 15 young people in the cohort.", ENGAGEMENT),
    ("Overall engagement is 62% which is 6.3% lower than the same period last year.", ENGAGEMENT),
    ("Engagement is 62.0%.", ENGAGEMENT),
    ("Engagement is 62.", ENGAGEMENT),
]


@pytest.mark.parametrize(("text", "measure"), QUOTES_WARN)
def test_a_quoted_figure_the_workbook_does_not_hold_is_a_warning(text, measure):
    [message] = warnings_for(text, measure)
    assert "but the workbook's latest figure is" in message


@pytest.mark.parametrize(("text", "measure"), QUOTES_SILENT)
def test_a_quoted_figure_as_printed_or_not_the_measures_is_not_a_warning(text, measure):
    assert warnings_for(text, measure) == []


# --- The worked example ---------------------------------------------------------------------

Q2_WARNINGS = [
    # q2.xlsx leaves Report date blank on a report of 2016/17 Q2, long past (issue 25 item 6)
    "q2.xlsx, sheet Settings, cell B6: Report date is blank, and the reporting period 2016/17 Q2"
    " ended on 30 September 2016, more than 12 months ago, so the report prints no publication"
    " date: type the date it was published, e.g. 31/12/2016 or December 2016",
    "q2.xlsx, sheet Measures, cell K8: Source 'Iquanta - Crime Data' of measure 1.4 is nearly the "
    "same as 'Iqanta - Crime Data' (measure 1.2a); if they are the same source, spell them the same",
    # two genuine warnings about the figures themselves (issue 12: late and implausible figures)
    "q2.xlsx, sheet Measures, cell A17: Measure 4.1 has no figure for the reporting period 2016/17 Q2"
    " though one is due (the latest is for Oct 2013 - Sep 2014); the report says so and does not"
    " count it as current on the front page: add the figure, or NYA if it is not yet available",
    "q2.xlsx, sheet Data, cell C64: Measure 4.5 rose by 120% from 0.05 in 2016/17 Q1 to 0.11 in"
    " 2016/17 Q2; a change of more than half may be a mistake: check the figure before the board"
    " sees it",
    "q2.xlsx, sheet Commentary, cell B17: The commentary on 1.5 says '20 out of 30 (60%)', but 20 "
    "out of 30 is 66.7%",
    "q2.xlsx, sheet Commentary, cell B35: The commentary on 2.4 says 'increased compared to the "
    "same period last year', but the workbook has no figure for 2015/16 Q2, and the page's figures "
    "are 0.12 (2016/17 Q1) and 0.12 (2016/17 Q2): no change",
    "q2.xlsx, sheet Commentary, cell B37: The commentary on 2.5 says 'During the period "
    "July-September 2017', but the report is on 2016/17 Q2 (Jul 2016 - Sep 2016)",
    "q2.xlsx, sheet Commentary, cell B38: The commentary on 2.5 says 'During July-September 2017', "
    "but the report is on 2016/17 Q2 (Jul 2016 - Sep 2016)",
]


def test_check_warns_on_exactly_the_worked_examples_wrong_paragraphs(make_report):
    result = make_report("check", Path("inputs/q2.xlsx"))
    assert result.exit_code == 0, result.output
    lines = [line.removeprefix("Warning: ") for line in result.output.splitlines()]
    assert lines == [*Q2_WARNINGS, "inputs/q2.xlsx: no errors, 8 warning(s)"]
    commentary = [line for line in lines if "sheet Commentary" in line]
    assert [line.split(": The commentary on ")[1].split()[0] for line in commentary] == [
        "1.5",
        "2.4",
        "2.5",
        "2.5",
    ]
