"""The example workbooks of issue 12: every sentence, count and warning the report makes is true.

Year-to-date figures with baselines and year-end targets, a year-end report, a one-period
monthly report and a report with late figures, as in inputs/examples/ (scripts/make_examples.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from tests.fixtures.period_examples import EXAMPLES as PERIOD_EXAMPLES

from safecity_reports.core.coverage import comparable
from safecity_reports.core.model import PageLayout
from safecity_reports.core.status import TargetStatus
from safecity_reports.core.targets import target_status
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.document import ChartKind, FigureBlock, Heading, Table
from safecity_reports.layout.glance import at_a_glance
from safecity_reports.layout.measure_page import period_table, series_chart
from safecity_reports.layout.narrative import UNTESTED, active_title, status_sentences
from safecity_reports.layout.report import build_document, comparison_statement, summary_tables
from safecity_reports.layout.summary_columns import COLUMNS, facts_for
from safecity_reports.reading.validate import validate
from safecity_reports.reading.workbook import read_workbook

EXAMPLES = Path(__file__).resolve().parents[1] / "inputs" / "examples"


def _read(name: str):
    report, problems = read_workbook(EXAMPLES / name)
    assert [p for p in problems if p.severity == "error"] == []
    return report, judge(report)


def _glance(report, statuses):
    table = at_a_glance(report, statuses)
    header = [c.spans[0].text for c in table.header[0]]
    total = [c.spans[0].text for c in table.rows[-1]]
    return dict(zip(header[1:], total[1:], strict=True))


def test_year_to_date_is_compared_with_the_same_months_a_year_earlier():
    report, statuses = _read("force-year-to-date.xlsx")
    assert status_sentences(statuses.of("1.1a").status) == (
        # issue 23: a count of events is tested as counts, Poisson variation assumed
        "Fell from 30,658 in 2012/13 Q3 (April to December 2012) to 29,012 in 2013/14 Q3"
        " (April to December 2013), which is better (significant)."
        " The change was tested by the exact test for two Poisson counts in periods of equal"
        " length, which assumes the figures vary only by chance (Poisson variation): 2 like"
        " figures are too few to measure how much more they vary (at least 5 are needed)."
        " Baseline (2012/13, April 2012 to March 2013): 40,861; it covers 12 months and 2013/14"
        " Q3 covers 9 months, so they are not"
        " compared. On track: 29,012 against 29,450, the profiled target for 2013/14 Q3 (the"
        " target is 38,000 by the end of 2013/14)."
    )
    assert status_sentences(statuses.of("1.1b").status) == (
        "3,185 in 2013/14 Q3 (April to December 2013), against 3,120 in 2012/13 Q3 (April to"
        " December 2012): no significant change."
        " The change was tested by the exact test for two Poisson counts in periods of equal"
        " length, which assumes the figures vary only by chance (Poisson variation): 2 like"
        " figures are too few to measure how much more they vary (at least 5 are needed)."
        " Baseline (2012/13, April 2012 to March 2013): 4,150; it covers 12 months and 2013/14"
        " Q3 covers 9 months, so they are not"
        " compared. Off track for the target of a reduction on last year by the end of"
        " 2013/14."
    )
    assert status_sentences(statuses.of("1.1c").status) == (
        "Fell from 4,210 in 2012/13 Q3 (April to December 2012) to 4,020 in 2013/14 Q3"
        " (April to December 2013), which is better (significant)."
        " The change was tested by the exact test for two Poisson counts in periods of equal"
        " length, which assumes the figures vary only by chance (Poisson variation): 2 like"
        " figures are too few to measure how much more they vary (at least 5 are needed)."
        " Baseline (2012/13, April 2012 to March 2013): 5,480; it covers 12 months and 2013/14"
        " Q3 covers 9 months, so they are not"
        " compared. Off track: 4,020 against 3,900, an even share of the target for April to"
        " December 2013 (the target is 5,200 by the end of 2013/14)."
    )
    assert (
        active_title(statuses.of("1.1a").status)
        == "Victim-based crime was lower than a year earlier"
    )
    assert comparison_statement(report, statuses) == (
        "Each figure for 2013/14 Q3 is compared with the same period a year earlier unless"
        " stated otherwise."
    )


def test_a_profiled_target_is_judged_and_shown_where_the_even_share_would_say_otherwise():
    """Victim-based crime is profiled (more crime in summer): 29,012 by December is within the
    profile of 29,450, though above an even share of the year-end target (28,500)."""
    report, statuses = _read("force-year-to-date.xlsx")
    victims = statuses.of("1.1a").status
    assert victims.target is TargetStatus.ON_TRACK
    unprofiled = replace(victims.current, profiled_target=None)
    assert target_status(victims.measure, unprofiled, None) is TargetStatus.OFF_TRACK
    row = {
        name: "".join(s.text for s in COLUMNS[name].cell(facts_for(report, statuses.of(m.id))))
        for m in report.measures[:1]
        for name in ("Target", "Target status")
    }
    assert row == {"Target": "38,000", "Target status": "On track (profile 29,450)"}
    table = period_table(report.measures[0])
    assert [[c.text for c in r] for r in table.rows] == [
        ["Actual", "30,658", "9,870", "20,409", "29,012"],
        ["Profiled target", "[x]", "9,880", "20,330", "29,450"],
    ]
    assert period_table(report.measures[2]).rows[1:] == ()  # no profile, no row
    # the front page counts by target status, the summary's last column
    assert _glance(report, statuses) == {
        "Met": "0",
        "Near": "0",
        "Missed": "0",
        "On track": "1",
        "Off track": "2",
        "No target or figure": "0",
    }


@pytest.mark.parametrize("name", sorted(PERIOD_EXAMPLES))
def test_the_saved_examples_are_what_the_script_makes(tmp_path, name):
    """inputs/examples/ holds what scripts/make_examples.py writes; rerun it after a change."""
    made = tmp_path / name
    PERIOD_EXAMPLES[name]().save(made)
    saved, _ = read_workbook(EXAMPLES / name)
    fresh, _ = read_workbook(made)
    assert saved.measures == fresh.measures
    assert saved.settings == fresh.settings
    assert saved.commentary == fresh.commentary


def test_a_year_end_report_says_each_comparison_once_and_little_change_is_not_news():
    report, statuses = _read("year-end-comparative.xlsx")
    assert status_sentences(statuses.of("V1").status) == (
        "Rose from 50.3 in 2017/18 to 53.18 in 2018/19, which is worse. " + UNTESTED + " Baseline"
        " (2014/15): 45.1; 2018/19 is 17.9% higher, which is worse."
    )
    assert status_sentences(statuses.of("V2").status) == (
        "Fell from 0.76 in 2017/18 to 0.75 in 2018/19: little change."
    )
    assert active_title(statuses.of("V2").status) == "Robbery changed little in 2018/19"
    assert comparison_statement(report, statuses) == (
        "Comparisons are between 2017/18 and 2018/19 unless stated otherwise."
    )
    assert _glance(report, statuses) == {
        "Better": "2",
        "Worse": "1",
        "Little or no change": "1",
        "Not judged": "0",
        "No figure for 2018/19": "0",
    }


def test_a_one_period_report_claims_no_comparison():
    report, statuses = _read("one-period-monthly.xlsx")
    assert status_sentences(statuses.of("1.1a").status) == (
        "The latest figure is 412 in Jan 2016. There is no earlier figure to compare with."
    )
    assert comparison_statement(report, statuses) == (
        "No measure has an earlier figure to compare with its figure for Jan 2016, so this"
        " report makes no comparisons."
    )
    assert _glance(report, statuses)["Not judged"] == "2"


def test_late_figures_are_said_to_be_late_and_counted_apart():
    report, statuses = _read("late-figures.xlsx")
    assert status_sentences(statuses.of("1.1a").status) == (
        "This measure has no figure for 2013/14 Q4; the latest is 46.6% in 2013/14 Q2."
        " Fell from 50.9% in 2013/14 Q1 to 46.6% in 2013/14 Q2, which is worse. " + UNTESTED
    )
    assert status_sentences(statuses.of("1.1b").status) == (
        "The figure for 2013/14 Q4 is not available yet (NYA)."
    )
    # 1.1c's 140 -> 138 offenders is tested as counts (issue 23); 1.1d's percentage is not
    assert _glance(report, statuses) == {
        "Better (significant)": "0",
        "Worse (significant)": "0",
        "No significant change": "1",
        "Better (not tested)": "1",
        "No change": "0",
        "Not judged": "0",
        "No figure for 2013/14 Q4": "2",
    }


@pytest.mark.parametrize(
    ("name", "warnings"),
    [
        ("force-year-to-date.xlsx", []),
        ("one-period-monthly.xlsx", []),
        (
            "late-figures.xlsx",
            [
                "Measure 1.1a has no figure for the reporting period 2013/14 Q4 though one is"
                " due (the latest is for 2013/14 Q2); the report says so and does not count it"
                " as current on the front page: add the figure, or NYA if it is not yet"
                " available",
                "Measure 1.1d's figures cover different lengths of time (2012/13 covers 12"
                " months, 2013/14 Q1 covers 3 months), and the report compares only figures of"
                " the same length: check the periods, or set 'Figures are' (e.g. Year to date)",
                "1 figure is a note, not a number: 'NYA' (1.1b, 2013/14 Q4, Data!B5). The report"
                " prints it as typed and compares nothing with it: type each figure when it is"
                " published",
            ],
        ),
    ],
)
def test_check_gives_only_genuine_warnings(name, warnings):
    report, _ = _read(name)
    assert [p.message for p in validate(report)] == warnings


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.xlsx")))
def test_no_comparison_joins_figures_of_different_lengths(name):
    _, statuses = _read(name)
    for status in statuses.statuses.values():
        for other in (status.previous, status.year_ago):
            if other is not None and status.current is not None:
                assert comparable(other.period, status.current.period, status.measure.kind)


def test_the_examples_make_reports(make_report, tmp_path):
    for path in sorted(EXAMPLES.glob("*.xlsx")):
        result = make_report(path, "-o", tmp_path / path.stem)
        assert result.exit_code == 0, result.output


def test_a_series_mixing_a_year_with_quarters_is_warned_about_and_not_compared():
    from dataclasses import replace

    from safecity_reports.core.model import Observation
    from safecity_reports.core.periods import parse_period

    report, _ = _read("late-figures.xlsx")
    measure = report.measures[2]
    mixed = replace(
        measure,
        observations=(
            Observation(parse_period("2012/13"), 600.0, where=measure.where),
            *measure.observations[1:],
        ),
    )
    action = replace(report.priorities[0].actions[0], measures=(mixed,))
    report = replace(report, priorities=(replace(report.priorities[0], actions=(action,)),))
    messages = [p.message for p in validate(report)]
    assert (
        "Measure 1.1c's figures cover different lengths of time (2012/13 covers 12 months,"
        " 2013/14 Q4 covers 3 months), and the report compares only figures of the same"
        " length: check the periods, or set 'Figures are' (e.g. Year to date)"
    ) in messages
    status = judge(report).of("1.1c").status
    assert status.previous is None
    assert status_sentences(status) == (
        "The latest figure is 138 in 2013/14 Q4. 600 in 2012/13 covers 12 months and"
        " 2013/14 Q4 covers 3 months, so they are not compared."
    )


def test_last_years_figure_typed_before_the_quarters_is_charted_apart_on_a_time_axis():
    report, statuses = _read("late-figures.xlsx")
    figure = series_chart(report.measures[3], statuses.of("1.1d").status)
    assert figure is not None
    chart = figure.chart
    assert chart.categories == (
        "2012/13 (12 months)",
        "2013/14 Q1",
        "2013/14 Q2",
        "2013/14 Q3",
        "2013/14 Q4",
    )
    # by month from April 2012: the year spans the first twelve, each quarter three more
    assert chart.times == ((0, 12), (12, 15), (15, 18), (18, 21), (21, 24))
    assert chart.lines == ((1, 2, 3, 4),) and chart.apart == (0,)  # no line from the year
    # three rises quarter on quarter; the fall from the year to Q1 is no fall
    assert (
        chart.title == "Community orders completed successfully rose for the third quarter running"
    )
    assert figure.alt == (
        "Line chart (per cent), 2012/13 (12 months) to 2013/14 Q4: Community orders completed"
        " successfully rose for the third quarter running. Highest 74.6% in 2013/14 Q4; lowest"
        " 68.2% in 2013/14 Q1; latest 74.6% in 2013/14 Q4, after 73.9% in 2013/14 Q3; drawn"
        " apart, as it covers another length of time: 71.4% in 2012/13 (12 months)."
    )
    # the table of periods names each period as typed
    table = period_table(report.measures[3])
    assert [c.text for c in table.header[0]][1:] == [
        "2012/13",
        "2013/14 Q1",
        "2013/14 Q2",
        "2013/14 Q3",
        "2013/14 Q4",
    ]


def test_the_summary_prints_the_baseline_and_the_change_since_it():
    report, statuses = _read("year-end-comparative.xlsx")
    tables = summary_tables(report, statuses, {})
    # a table per theme; no key action or lead agency column, as no measure states one
    assert [t.caption for t in tables] == [
        "Summary of performance, 2018/19: Violence",
        "Summary of performance, 2018/19: Homes and neighbourhoods",
    ]
    for table in tables:
        assert [c.text for c in table.header[0]] == [
            "Measure",
            "Previous",
            "Current",
            "Change",
            "Travel",
            "Baseline",
            "Since baseline",
        ]
    assert [[c.text for c in row] for t in tables for row in t.rows] == [
        [
            "V1 Violence against the person - Rate per 1,000",
            "50.3",
            "53.18",
            "+2.88 (+5.7%)",
            "▲ up, worse",
            "45.1 (2014/15)",
            "+8.08 (+17.9%), ▲ up, worse",
        ],
        ["V2 Robbery - Rate per 1,000", "0.76", "0.75", "-0.01 (-1.3%)", "▼ down, little change"]
        + ["[z]", "[z]"],  # no baseline: not applicable (issue 25 item 4)
        [
            "H1 Domestic burglary (rate per 1,000 households)",
            "6.4",
            "5.1",
            "-1.3 (-20.3%)",
            "▼ down, better",
            "[z]",
            "[z]",
        ],
        ["H2 Time to close an anti-social behaviour case (days)", "41", "34", "-7 (-17.1%)"]
        + ["▼ down, better", "[z]", "[z]"],
    ]


def test_a_baseline_of_another_length_is_not_compared_in_the_summary():
    report, statuses = _read("force-year-to-date.xlsx")
    facts = facts_for(report, statuses.of("1.1a"))
    assert [s.text for s in COLUMNS["Change since baseline"].cell(facts)] == ["not comparable"]
    assert [s.text for s in COLUMNS["Baseline"].cell(facts)] == ["40,861 (2012/13)"]


def test_a_year_end_report_is_one_table_not_a_page_per_measure():
    report, statuses = _read("year-end-comparative.xlsx")
    document = build_document(report, statuses, date(2019, 5, 1))
    tables = {b.caption: b for b in document.blocks if isinstance(b, Table)}
    table = tables["Measures V1 to V2 in one table, 2018/19"]
    # the unit every name ends with is said once, in the header
    assert [c.text for c in table.header[0]] == [
        "Measure (rate per 1,000)",
        "2017/18",
        "2018/19",
        "Change",
        "Travel",
        "Notes",
    ]
    assert [[c.text for c in row] for row in table.rows] == [
        [
            "V1 Violence against the person",
            "50.3",
            "53.18",
            "+2.88 (+5.7%)",
            "▲ up, worse",
            "Baseline (2014/15): 45.1; 2018/19 is 17.9% higher, which is worse.",
        ],
        [
            "V2 Robbery",
            "0.76",
            "0.75",
            "-0.01 (-1.3%)",
            "▼ down, little change",
            "[z]",
        ],
    ]
    # each theme is only its table: its heading heads the table, no second heading repeating
    # the caption (issue 25)
    blocks = list(document.blocks)
    theme = next(
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Heading) and b.text == "Homes and neighbourhoods"
    )
    assert blocks[theme + 1].caption == "Measures H1 to H2 in one table, 2018/19"
    assert not any(
        isinstance(b, Heading) and b.text.startswith("Measures H1") for b in document.blocks
    )
    assert not any(isinstance(b, FigureBlock) for b in document.blocks)


@pytest.mark.parametrize(
    ("typed", "pages"), [("Pages for every measure", 4), ("Tables only", 0), (None, 0)]
)
def test_the_layout_setting_chooses_pages_or_tables(typed, pages):
    report, statuses = _read("year-end-comparative.xlsx")
    if typed:
        layout = PageLayout(typed)
        report = replace(report, settings=replace(report.settings, layout=layout))
    document = build_document(report, statuses, date(2019, 5, 1))
    headings = [b.text for b in document.blocks if isinstance(b, Heading) and b.level == 2]
    # a measure's page is headed by its id (the front matter's headings are not pages)
    ids = tuple(m.id + " " for m in report.measures)
    assert len([h for h in headings if h.startswith(ids)]) == pages


def test_year_to_date_figures_are_charted_by_year_not_joined_into_one_line():
    report, statuses = _read("force-year-to-date.xlsx")
    figure = series_chart(report.measures[0], statuses.of("1.1a").status)
    chart = figure.chart
    assert chart.kind is ChartKind.BARS  # bars from zero, each set beside the same months
    # each place on the axis says the years of its bars (issue 25): never 'April to June' alone
    assert chart.categories == (
        "April to June 2013",
        "April to September 2013",
        "April to December 2012 and 2013",
    )
    assert [(s.name, s.values) for s in chart.series] == [
        ("2012/13", (None, None, 30658.0)),
        ("2013/14", (9870.0, 20409.0, 29012.0)),
        ("Profiled target 2013/14", (9880.0, 20330.0, 29450.0)),
    ]
    assert chart.title == active_title(statuses.of("1.1a").status)
    assert chart.title == "Victim-based crime was lower than a year earlier"
    assert figure.alt == (
        "Bar chart of Victim-based crime - Count, counted from the start of each year, by how"
        " far into the year: 2012/13 to 2013/14. April to December 2012: 30,658; April to June"
        " 2013: 9,870; April to September 2013: 20,409; April to December 2013: 29,012."
        " Profiled target 2013/14: April to June: 9,880; April to September: 20,330; April to"
        " December: 29,450."
    )
    # the 12-month baseline is not drawn among 9-month figures
    assert chart.reference_lines == ()


def test_a_baseline_of_the_same_length_is_a_labelled_line_on_the_chart():
    report, statuses = _read("year-end-comparative.xlsx")
    figure = series_chart(report.measures[0], statuses.of("V1").status)
    assert figure.chart.kind is ChartKind.BARS
    assert figure.chart.reference_lines == (("Baseline 2014/15", 45.10),)
    assert figure.alt == (
        "Bar chart (rate per 1,000), 2017/18 to 2018/19: Violence against the person rose in"
        " 2018/19. Highest 53.18 in 2018/19; lowest 50.3 in 2017/18; baseline 2014/15 45.1."
    )


def test_how_to_read_says_what_on_and_off_track_are_judged_against():
    from safecity_reports.layout.document import BulletList, Paragraph
    from safecity_reports.layout.reading_guide import reading_guide

    report, statuses = _read("force-year-to-date.xlsx")
    blocks = reading_guide(report, statuses)
    texts = ["".join(s.text for s in b.spans) for b in blocks if isinstance(b, Paragraph)]
    assert texts[0] == (
        "The table on the front page counts each priority's measures by target status: whether"
        " each figure met its target, came near it or missed it, or, before the target's date,"
        " whether it is on or off track (Met, Near, Missed, On track, Off track or No target or"
        " figure)."
    )
    bullets = next(b for b in blocks if isinstance(b, BulletList))
    columns = {spans[0].text: "".join(s.text for s in spans[1:]) for _, spans in bullets.items}
    assert columns["Target status"] == (
        ": whether the current figure met its target, fell short by no more than the tolerance"
        " allowed (near), or missed it; before a target's date, whether the figure is on or off"
        " track against the profiled target for its period or, where none is given, an even"
        " share of the target (the figure in brackets), or that the target is not yet due; past"
        " its date: the target was for an earlier period."
    )
