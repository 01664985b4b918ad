"""Tables for the commentary checks of issue 23 item 6: names by the longest match, per cent and
percentage points, multiples and equality words, figures quoted with their period, dates after
the report's date, and significance words held to the report's own test. Each expected value is
written out by hand from the figures below, never produced by the code under test."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

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
from safecity_reports.reading.commentary import check_commentary, multiples
from safecity_reports.reading.commentary.names import (
    acronyms,
    by_head,
    head,
    matched,
    own_names,
    stems,
    words_of,
)
from safecity_reports.reading.commentary.text import clauses, latest_month, month_number

Q2 = "2016/17 Q2"


def _measure(mid, name, unit, decimals, figures, action="1.1"):
    observations = tuple(Observation(parse_period(p), v) for p, v in figures.items())
    measure = Measure(
        mid, action, name, unit, Polarity.LOW_IS_GOOD, Frequency.QUARTERLY, decimals, observations
    )
    # a rate per head of the residents says so, or no population turns it into counts (issue 23)
    return replace(measure, partnership_population=unit is Unit.RATE_PER_1000)


CRIME = _measure("1.2a", "Total Crime - Rate per 1,000", Unit.RATE_PER_1000, 2,
                 {"2015/16 Q2": 25.4, "2016/17 Q1": 28.06, Q2: 29.92})  # fmt: skip
"""Up 17.8% on the year, up 6.6% on the quarter: significant at q2's population."""
SEXUAL = _measure("1.3", "Serious sexual offences - Rate per 1,000", Unit.RATE_PER_1000, 2,
                  {"2015/16 Q2": 0.61, "2016/17 Q1": 0.62, Q2: 0.71})  # fmt: skip
"""Up on the quarter, not significant at q2's population."""
OPIATE = _measure("2.2a", "Treatment Completion & Non-representation (% opiate clients)",
                  Unit.PERCENTAGE, 2, {"2016/17 Q1": 5.8, Q2: 5.75}, "2.2")  # fmt: skip
NON_OPIATE = _measure("2.2b", "Treatment Completion & Non-representation (% non-opiate clients)",
                      Unit.PERCENTAGE, 2, {"2016/17 Q1": 24.9, Q2: 26.9}, "2.2")  # fmt: skip
ALCOHOL = _measure("2.2c", "Treatment Completion & Non-representation (% alcohol clients)",
                   Unit.PERCENTAGE, 2, {"2016/17 Q1": 40.3, Q2: 38.0}, "2.2")  # fmt: skip
ENGAGEMENT = _measure("4.2b", "Education, training and employment engagement", Unit.PERCENTAGE,
                      1, {"2015/16 Q2": 68.3, "2016/17 Q1": 64.2, Q2: 62.0})  # fmt: skip
CUSTODY = _measure("4.5", "Use of Custody (Youth) - Rate per 1,000", Unit.RATE_PER_1000, 2,
                   {"2015/16 Q2": 0.22, "2016/17 Q1": 0.05, Q2: 0.11})  # fmt: skip
REOFFEND = _measure("4.1", "Proportion of youth offenders who re-offend (%)", Unit.PERCENTAGE, 1,
                    {"Oct 2012 - Sep 2013": 33.8, "Jan 2013 - Dec 2013": 35.0,
                     "Apr 2013 - Mar 2014": 36.5, "Jul 2016 - Jun 2017": 38.0})  # fmt: skip
COUNT = _measure("1.1c", "Offenders managed - Count", Unit.COUNT, 0,
                 {"2015/16 Q2": 150, "2016/17 Q1": 140, Q2: 138})  # fmt: skip
SHARE = _measure("3.4b", "MASH re-referrals (%)", Unit.PERCENTAGE, 2,
                 {"2016/17 Q1": 22.92, Q2: 19.0}, "3.4")  # fmt: skip


def said(text, *measures, covers=None, population=250900.0, report_date=date(2016, 11, 15)):
    """The messages check gives for one paragraph on a page of ``measures``."""
    actions: dict[str, list[Measure]] = {}
    for m in measures:
        actions.setdefault(m.action_id, []).append(m)
    keyed = tuple(
        KeyAction(a, "1", "Act", "Police", measures=tuple(ms)) for a, ms in actions.items()
    )
    where = Location("Commentary", "B2")
    page = covers or tuple(m.id for m in measures)
    commentary = Commentary(page, (TextBlock((Run(text),), where=where),), where)
    settings = Settings(
        "Safe City", "Report", parse_period(Q2), report_date=report_date, population=population
    )
    report = Report(settings, (Priority("1", "Crime", keyed),), (commentary,), source_name="q.xlsx")
    return [p.message for p in check_commentary(report)]


# --- Names by the longest match -------------------------------------------------------------

PAGE = {m.id: m.name for m in (OPIATE, NON_OPIATE, ALCOHOL)}


def test_a_word_alone_in_one_name_and_inside_a_hyphenated_word_of_another_is_the_first_ones():
    own = own_names(PAGE)
    assert own == {
        "2.2a": frozenset({"opiate"}),
        "2.2b": frozenset({"non-opiate"}),
        "2.2c": frozenset({"alcoho"}),
    }


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("Completions for opiate clients fell.", {"2.2a"}),
        ("Completions for non-opiate clients rose.", {"2.2b"}),
        ("Completions for non opiate clients rose.", {"2.2b"}),
        ("Non-Opiate completions rose.", {"2.2b"}),
        ("Opiate and alcohol completions fell.", {"2.2a", "2.2c"}),
        ("Treatment completions fell.", set()),
        ("A well-known provider left.", set()),
    ],
)
def test_names_are_matched_by_the_longest_word(text, ids):
    assert matched(text, own_names(PAGE)) == ids


HEADS = {
    "1.2b": head("Violence with injury - rate per 1,000 population"),
    "1.2c": head("Violence without injury - rate per 1,000 population"),
    "1.3a": head("Burglary in a dwelling - rate per 1,000 population"),
    "1.3b": head("Burglary other than a dwelling - rate per 1,000 population"),
    "x": head("Crime (all)"),
    "y": head("Total crime - Count"),
    "z": head("Total crime in the city - Count"),
}


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("Violence with injury rose.", {"1.2b"}),
        ("Violence without injury rose.", {"1.2c"}),
        ("Burglary in a dwelling fell by 9.6%.", {"1.3a"}),
        ("Burglary other than a dwelling fell.", {"1.3b"}),
        ("Burglary fell.", set()),
        ("Crime fell.", set()),
        ("Total crime in the city fell.", {"z"}),
        ("Total crime fell.", {"y"}),
    ],
)
def test_a_name_written_out_counts_unless_inside_a_longer_one(text, ids):
    assert by_head(text, HEADS) == ids


def test_heads_stems_and_abbreviations():
    assert HEADS["1.2b"] == "violence with injury"
    assert head("Repeat victims – % of victims") == "repeat victims"
    assert head("Crime (all)") == "crime"
    assert stems("The Anti-social Behaviour rate") == {"anti-social", "anti", "social", "behavi"}
    assert stems("All per 1,000 population") == set()
    assert acronyms("Anti-social Behaviour - Rate per 1,000") == {"asb"}
    assert acronyms("Multi-Agency Risk Assessment Conference (MARAC) (%)") == {"marac"}
    assert acronyms("Robbery") == set()
    assert words_of("Non-opiate") == {"non-opiate", "non", "opiate"}
    assert words_of("re-referrals") == {"re-referr", "re-referrals", "referr", "referrals", "re"}


def test_a_page_named_by_its_action_covers_the_actions_measures():
    text = "Completions for alcohol clients rose compared to the previous quarter."
    [message] = said(text, OPIATE, NON_OPIATE, ALCOHOL, covers=("2.2",))
    assert message.startswith("The commentary on 2.2 says 'rose compared to the previous quarter'")
    assert said(text, OPIATE, NON_OPIATE, ALCOHOL, covers=("9.9",)) == []


def test_the_number_of_something_is_not_its_percentage():
    assert said("The number of MASH re-referrals is equal to the previous quarter.", SHARE) == []
    assert said("The number of MASH re-referrals is equal to the previous quarter.",
                SHARE, ALCOHOL) == []  # fmt: skip
    [message] = said("MASH re-referrals are equal to the previous quarter.", SHARE, ALCOHOL)
    assert "22.92% (2016/17 Q1) and 19% (2016/17 Q2): a fall" in message
    assert said("The number of offenders managed fell compared to the previous quarter.",
                COUNT) == []  # fmt: skip


# --- Months and clauses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "period", "expected"),
    [
        ("November", "Dec 2025", "Nov 2025"),
        ("Dec", "Dec 2025", "Dec 2025"),
        ("January", "Dec 2025", "Jan 2025"),
        ("December", "Nov 2025", "Dec 2024"),
        ("Sept.", "2016/17 Q2", "Sep 2016"),
        ("October", "2016/17 Q2", "Oct 2015"),
    ],
)
def test_a_month_named_alone_is_the_latest_such_month_by_the_periods_end(word, period, expected):
    assert latest_month(word, parse_period(period)) == parse_period(expected)


def test_month_numbers():
    assert [month_number(w) for w in ("jan", "February", "MAR", "sept", "Dec.")] == [1, 2, 3, 9, 12]


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        ("Rose from 31.8% in Oct 2012 - Sep 2013 to 39.2%", 1),
        ("Rose from 31.8% in Oct 2012 – September 2013", 1),
        ("Crime rose - the number of arrests fell", 2),
        ("Crime rose - 2013 was worse", 2),
        ("Crime rose; arrests fell: a worry", 3),
        ("Crime rose, but arrests fell", 2),
    ],
)
def test_a_clause_ends_at_a_dash_but_not_inside_a_span_of_months(sentence, parts):
    assert len(clauses(sentence)) == parts


# --- Per cent and percentage points ---------------------------------------------------------

CHANGES = [
    # ALCOHOL 40.3 -> 38.0: 2.3 points, 5.7% relative; ENGAGEMENT 68.3 -> 62.0 on the year
    ("Alcohol completions fell by 2.3 percentage points on the previous quarter.", ALCOHOL, 0),
    ("Alcohol completions fell by 2.3 percentage point on the previous quarter.", ALCOHOL, 0),
    ("Alcohol completions fell by 5.7 percentage points on the previous quarter.", ALCOHOL, 1),
    ("Alcohol completions fell by 5.7% on the previous quarter.", ALCOHOL, 0),
    ("Alcohol completions fell by 2.3% on the previous quarter.", ALCOHOL, 0),
    ("Alcohol completions fell by 5.7 per cent on the previous quarter.", ALCOHOL, 0),
    ("Alcohol completions fell by 4 per cent on the previous quarter.", ALCOHOL, 1),
    ("Alcohol completions fell 2.3 percentage points on the previous quarter.", ALCOHOL, 0),
    ("Alcohol completions are down 5.7 percentage points on the previous quarter.", ALCOHOL, 1),
    ("Engagement is down 6.3 percentage points on the same period last year.", ENGAGEMENT, 0),
    ("Engagement fell by 9.2 percentage points on the same period last year.", ENGAGEMENT, 1),
    ("Total crime is up 17.8% on the same period last year.", CRIME, 0),
    ("Total crime is up 7% on the previous quarter.", CRIME, 0),
    ("Total crime is up 9% on the previous quarter.", CRIME, 1),
    ("Total crime is up by 9% on the previous quarter.", CRIME, 1),
    ("Total crime rose 9% on the previous quarter.", CRIME, 1),
    ("Total crime is up about 9% on the previous quarter.", CRIME, 0),
    ("Total crime is up 18% compared with last year.", CRIME, 0),
    ("Total crime is up 9% compared with last year.", CRIME, 1),
]


@pytest.mark.parametrize(("text", "measure", "warnings"), CHANGES)
def test_per_cent_and_percentage_points(text, measure, warnings):
    assert len(said(text, measure)) == warnings


# --- Multiples and equality -----------------------------------------------------------------

MULTIPLES = [
    # CUSTODY 0.22 (a year before) -> 0.05 (last quarter) -> 0.11: 2.2 times the quarter, half
    # the year; CRIME 28.06 -> 29.92 on the quarter, 25.4 a year before
    ("Youth custody has more than doubled since the previous quarter.", 0),
    ("Youth custody has doubled since the previous quarter.", 0),
    ("Youth custody has tripled since the previous quarter.", 1),
    ("Youth custody has trebled since the previous quarter.", 1),
    ("Youth custody has quadrupled since the previous quarter.", 1),
    ("Youth custody has more than halved since the previous quarter.", 1),
    ("Youth custody has halved since the same period last year.", 0),
    ("Youth custody has more than halved since the same period last year.", 0),
    ("Youth custody is down by half on the same period last year.", 0),
    ("Youth custody is down by a third on the same period last year.", 1),
    ("Youth custody is up by a half on the same period last year.", 2),  # and the direction
    ("Youth custody has almost doubled since the same period last year.", 0),
    ("Youth custody has halved.", 0),
    ("Youth custody has doubled since the same period last year.", 1),
    ("Youth custody is the same as the previous quarter.", 1),
    ("Youth custody is equal to the previous quarter.", 1),
    ("Youth custody is broadly the same as the previous quarter.", 0),
]


@pytest.mark.parametrize(("text", "warnings"), MULTIPLES)
def test_multiples_fractions_and_equality_words(text, warnings):
    assert len(said(text, CUSTODY)) == warnings


def test_the_multiple_message_gives_the_change():
    [message] = said("Total crime has doubled since the previous quarter.", CRIME)
    assert message == (
        "The commentary on 1.2a says 'doubled since the previous quarter', but the figures are "
        "28.06 (2016/17 Q1) and 29.92 (2016/17 Q2): a rise of 6.6%"
    )
    [fall] = said("Youth custody has doubled since the same period last year.", CUSTODY)
    assert fall.endswith("0.22 (2015/16 Q2) and 0.11 (2016/17 Q2): a fall of 50.0%")


@pytest.mark.parametrize(
    ("change", "said_", "more", "agrees"),
    [
        (1.0, 1.0, False, True),
        (1.25, 1.0, False, True),
        (1.251, 1.0, False, False),
        (0.75, 1.0, False, True),
        (0.749, 1.0, False, False),
        (0.75, 1.0, True, True),
        (0.749, 1.0, True, False),
        (5.0, 1.0, True, True),
        (-0.5, -0.5, False, True),
        (-0.625, -0.5, False, True),
        (-0.626, -0.5, False, False),
        (-0.375, -0.5, True, True),
        (-0.374, -0.5, True, False),
        (-0.9, -0.5, True, True),
        (0.2, -0.5, True, False),
    ],
)
def test_a_multiple_agrees_within_a_quarter_of_its_change(change, said_, more, agrees):
    assert multiples.agrees(change, said_, more) is agrees


# --- Figures quoted with their period -------------------------------------------------------

FIGURES = [
    ("Re-offending rose from 33.8% in Oct 2012 - Sep 2013 to 38% in Jul 2016 - Jun 2017.", 0),
    ("Re-offending rose from 31.8% in Oct 2012 - Sep 2013 to 38% in Jul 2016 - Jun 2017.", 1),
    ("Re-offending rose from 33.8% in Oct 2012 - Sep 2013 to 39% in Jul 2016 - Jun 2017.", 1),
    ("The re-offending rate was 36.5% in Jan 2013 - Dec 2013.", 1),
    ("The re-offending rate was 35% in Jan 2013 - Dec 2013.", 0),
    ("The re-offending rate was 35.0 per cent in Jan 2013 - Dec 2013.", 0),
    ("The re-offending rate was 36.5% in Jan 2012 - Dec 2012.", 0),
    ("The re-offending rate was 36.5 in Jan 2013 - Dec 2013.", 0),
    ("In Jan 2013 - Dec 2013 36.5% of them re-offended.", 0),
]


@pytest.mark.parametrize(("text", "warnings"), FIGURES)
def test_a_figure_quoted_with_its_period_is_the_workbooks_for_that_period(text, warnings):
    assert len(said(text, REOFFEND)) == warnings


QUARTERS = [
    ("The rate of serious sexual offences is 0.71, up from 0.62 in the previous quarter.", 0),
    ("The rate of serious sexual offences is 0.71, up from 0.66 in the previous quarter.", 1),
    ("Serious sexual offences were 0.61 per 1,000 in the same period last year.", 0),
    ("Serious sexual offences were 0.65 per 1,000 in the same period last year.", 1),
    ("Serious sexual offences were 0.61 per 1,000 in 2015/16 Q2.", 0),
    ("Serious sexual offences were 0.62 per 1,000 in 2015/16 Q2.", 1),
    ("Serious sexual offences rose from 0.62 to 0.71 per 1,000.", 0),
    ("Serious sexual offences rose from 0.62 to 0.75 per 1,000.", 1),
    ("Serious sexual offences rose from 0.60 to 0.71 per 1,000.", 1),
    ("Serious sexual offences rose from 0.61 to 0.71 compared to the same period last year.", 0),
    ("Serious sexual offences rose from 0.62 to 0.71 compared to the same period last year.", 1),
    ("Serious sexual offences rose from 0.62% to 0.75%.", 0),
    ("Serious sexual offences rose from 0.61 in 2015/16 Q2 to 0.71.", 0),
    ("Serious sexual offences rose from 0.61 in 2015/16 Q2 to 0.75.", 1),
    ("Serious sexual offences rose from 0.62 to 0.71 in the same period last year.", 1),
    ("Serious sexual offences rose from 0.62 to 0.71 in the latest quarter.", 0),
    ("Patrols rose from 12 to 20.", 0),
]


@pytest.mark.parametrize(("text", "warnings"), QUARTERS)
def test_figures_for_the_previous_period_a_year_before_and_from_one_to_another(text, warnings):
    assert len(said(text, SEXUAL, CRIME)) == warnings


def test_a_month_named_alone_is_read_for_monthly_figures():
    asb = Measure("1.1a", "1.1", "ASB incidents - Count", Unit.COUNT, Polarity.LOW_IS_GOOD,
                  Frequency.MONTHLY, 0,
                  tuple(Observation(parse_period(p), v)
                        for p, v in {"Nov 2025": 413, "Dec 2025": 498}.items()))  # fmt: skip
    report = Report(
        Settings("Safe City", "Report", parse_period("Dec 2025")),
        (Priority("1", "Crime", (KeyAction("1.1", "1", "A", "P", measures=(asb,)),)),),
        (),
    )

    def on_page(text):
        where = Location("Commentary", "B2")
        page = Commentary(("1.1",), (TextBlock((Run(text),), where=where),), where)
        return [p.message for p in check_commentary(replace_commentary(report, page))]

    assert on_page("ASB incidents rose from 413 in November to 498 in December.") == []
    [message] = on_page("ASB incidents rose from 431 in November to 498 in December.")
    assert message == (
        "The commentary on 1.1 says '431 in November', but the workbook's figure for Nov 2025 "
        "is 413"
    )
    assert len(on_page("ASB incidents rose from 413 in Nov 2025 to 489 in Dec 2025.")) == 1
    assert on_page("ASB incidents were 413 in May.") == []  # no figure for May 2025


def replace_commentary(report: Report, page: Commentary) -> Report:
    from dataclasses import replace

    return replace(report, commentary=(page,))


# --- Dates after the report's date ----------------------------------------------------------

DATES = [
    ("The survey was carried out by the council in March 2017.", 1),
    ("The model was launched by the partnership in December 2016.", 1),
    ("In line with the plan, 14 test purchases were made in October 2017.", 1),
    ("The plan was agreed in December 2016.", 1),
    ("The review was held until December 2016.", 0),
    ("The survey will be carried out by March 2017.", 0),
    ("3 programmes are planned for 2017 to be held in January, May and October.", 0),
    ("The partnership plans to hold a review in December 2016.", 0),
    ("Patrols were planning a review in December 2016.", 0),
    ("The review was held in November 2016.", 0),
]


@pytest.mark.parametrize(("text", "warnings"), DATES)
def test_a_date_after_the_reports_date_whatever_by_and_plan_say(text, warnings):
    assert len(said(text, CRIME)) == warnings


# --- Significance held to the report's own test ---------------------------------------------

SIGNIFICANCE = [
    # CRIME: a significant rise on the quarter; SEXUAL: a rise chance could explain
    ("Total crime has risen significantly compared to the previous quarter.", CRIME, 0),
    ("Total crime has risen significantly.", CRIME, 0),
    ("There was a statistically significant increase in total crime.", CRIME, 0),
    ("Total crime has fallen significantly compared to the previous quarter.", CRIME, 1),
    ("Total crime is significantly lower than the previous quarter.", CRIME, 1),
    ("Total crime has not changed significantly since the previous quarter.", CRIME, 1),
    ("There has been no significant change in total crime.", CRIME, 1),
    ("Total crime has not fallen significantly.", CRIME, 0),
    ("Total crime hasn't risen significantly.", CRIME, 1),
    ("The rise in total crime is not statistically significant.", CRIME, 1),
    ("The rise in total crime is insignificant.", CRIME, 1),
    ("Total crime changed significantly on the previous quarter.", CRIME, 0),
    ("Total crime is significantly higher than the same period last year.", CRIME, 0),
    ("Total crime is significantly higher than the national average.", CRIME, 0),
    ("Total crime is not decreasing significantly enough to meet the target.", CRIME, 0),
    ("Total crime will fall significantly.", CRIME, 0),
    ("Serious sexual offences have increased significantly.", SEXUAL, 1),
    ("Serious sexual offences rose significantly on the previous quarter.", SEXUAL, 1),
    (
        "Serious sexual offences have not changed significantly since the previous quarter.",
        SEXUAL,
        0,
    ),
    ("Serious sexual offences rose, a change that is not statistically significant.", SEXUAL, 0),
    ("There is no significant difference in serious sexual offences.", SEXUAL, 0),
    ("Serious sexual offences have a significant impact on victims.", SEXUAL, 0),
    ("Serious sexual offences rose significantly since 2015/16 Q2.", SEXUAL, 0),
]


@pytest.mark.parametrize(("text", "measure", "warnings"), SIGNIFICANCE)
def test_significance_words_are_held_to_the_reports_own_test(text, measure, warnings):
    assert len(said(text, measure)) == warnings


def test_significance_needs_a_test():
    assert said("Serious sexual offences have increased significantly.", SEXUAL,
                population=None) == []  # fmt: skip
    assert said("Completions for alcohol clients fell significantly.", ALCOHOL) == []


def test_the_significance_messages():
    [not_found] = said("Serious sexual offences have increased significantly.", SEXUAL)
    assert not_found == (
        "The commentary on 1.3 says 'increased significantly', but the report's own test finds "
        "no significant change from 0.62 (2016/17 Q1) to 0.71 (2016/17 Q2)"
    )
    [other_way] = said("Total crime has fallen significantly.", CRIME)
    assert other_way.endswith(
        "'fallen significantly', but the figures show a significant increase from 28.06 "
        "(2016/17 Q1) to 29.92 (2016/17 Q2)"
    )
    [found] = said("There has been no significant change in total crime.", CRIME)
    assert found.endswith(
        "'no significant change', but the report's own test finds a significant increase from "
        "28.06 (2016/17 Q1) to 29.92 (2016/17 Q2)"
    )


# --- Sentences, numbers and quotations ------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The rate rose. It is 0.12 now.", ["The rate rose.", "It is 0.12 now."]),
        ("It rose (a lot).  Then\nit fell!", ["It rose (a lot).", "Then it fell!"]),
        ("Is it 0.12? “Yes” said the chair.", ["Is it 0.12?", "“Yes” said the chair."]),
        ("See e.g. the plan. 3 sales were made.", ["See e.g. the plan.", "3 sales were made."]),
        ("It was 0.12. (See 1.2a.)", ["It was 0.12.", "(See 1.2a.)"]),
        ("It was 12.5 per cent", ["It was 12.5 per cent"]),
        ("   ", []),
    ],
)
def test_sentences_end_at_a_stop_before_a_capital_figure_or_bracket(paragraph, expected):
    from safecity_reports.reading.commentary.text import sentences

    assert sentences(paragraph) == expected


@pytest.mark.parametrize(
    ("typed", "value", "decimals"),
    [("62", 62.0, 0), ("6.3", 6.3, 1), ("1,234.50", 1234.5, 2), ("0.125", 0.125, 3)],
)
def test_a_number_keeps_the_decimals_it_was_typed_with(typed, value, decimals):
    from safecity_reports.reading.commentary.text import Number

    assert Number.parse(typed) == Number(value, decimals)


@pytest.mark.parametrize(
    ("exact", "typed", "decimals", "agrees"),
    [
        (66.6667, "67", None, True),
        (66.6667, "66", None, True),  # cut short
        (66.6667, "66.7", None, True),
        (66.6667, "66.6", None, True),
        (66.6667, "65", None, False),
        (66.6667, "66.8", None, False),
        (0.125, "0.13", None, True),  # rounded half up, as Excel rounds
        (0.125, "0.12", None, True),
        (2.0, "1.99", None, False),
        (9.2, "9", 0, True),
        (9.2, "9.2", 0, True),
        (9.6, "9", 0, True),
        (9.6, "11", 0, False),
    ],
)
def test_a_typed_number_agrees_rounded_or_cut_short(exact, typed, decimals, agrees):
    from safecity_reports.reading.commentary.text import Number
    from safecity_reports.reading.commentary.text import agrees as agreeing

    assert agreeing(exact, Number.parse(typed), decimals) is agrees


def test_shown_and_quoted():
    from safecity_reports.reading.commentary.text import quoted, shown

    assert shown(1234.5678, 1) == "1,234.6"
    assert shown(9.25, 1) == "9.3"
    assert quoted("  the rate, ") == "'the rate'"
    assert quoted("Box X") == "'Box X'"
    long = "word " * 30
    assert quoted(long) == f"'{'word ' * 8}wor ... ord{' word' * 8}'"
    assert quoted("a" * 91) == f"'{'a' * 43} ... {'a' * 43}'"
    assert quoted("a" * 90) == f"'{'a' * 90}'"
