"""What the report calls a measure (issue 29 item 6): one generator, brackets balanced, no verb
phrase for a title, never a bare id."""

from __future__ import annotations

import re

import pytest

from safecity_reports.core.model import Frequency, KeyAction, Measure, Polarity, Unit
from safecity_reports.layout.names import (
    balanced,
    commentary_heading,
    cut_at_word,
    distinct_names,
    made_short_name,
    shared_title,
    short_name,
    table_title,
)
from safecity_reports.layout.pages import Page

BARE = r"(Commentary on |Measures? )?[\d.]+[a-z]?(-[a-z])?(, [\d.]+[a-z]?)*( in a table)?"
"""A heading that names measures by their ids alone: 'Commentary on 1', 'Measure 13 in a table'."""


def _measure(name: str, short: str = "", measure_id: str = "13") -> Measure:
    return Measure(
        measure_id,
        "1.1",
        name,
        Unit.COUNT,
        Polarity.LOW_IS_GOOD,
        Frequency.QUARTERLY,
        0,
        short_name=short,
    )


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Total Crime - Rate per 1,000", "Total Crime"),
        ("ASB incidents - Count", "ASB incidents"),
        ("Repeat victims - % of victims", "Repeat victims"),
        ("ASB - Count", "ASB - Count"),  # 'ASB' alone would not say enough
        ("Robbery", "Robbery"),
        (
            "Most Similar Group position (Crimes) Rate Per 1,000 - 2015/16",
            "Most Similar Group position",
        ),
        # a verb phrase becomes the thing measured, without the size of the aim
        (
            "Increase the number of people exiting drug programmes successfully by 10%",
            "Number of people exiting drug programmes successfully",
        ),
        ("Reduce repeat referrals to MARAC.", "Repeat referrals to MARAC"),
        (
            "Gaining Gold 'Artsmark' standard for arts provision - Increase education, training and"
            " employment engagement by 10%.",
            "Gaining Gold 'Artsmark' standard for arts provision",
        ),
        # the body named first is not what is measured
        (
            "Multi Agency Safeguarding Hub (MASH) - Referrals which are re-referrals within one year"
            " of a closure assessment (%)",
            "MASH referrals which are re-referrals within one year of a closure",
        ),
        # a long name: its initials for the words they stand for, cut at a word
        (
            "Repeat domestic violence and abuse cases returning to a Multi-Agency Risk Assessment"
            " Conference (MARAC) (%)",
            "Repeat domestic violence and abuse cases returning to a MARAC",
        ),
        ("Total Notifiable Offences (TNO's): rate", "Total Notifiable Offences"),
        (
            "% Looked after children convicted or subject to a final warning or reprimand during"
            " the year",
            "Looked after children convicted or subject to a final warning",
        ),
    ],
)
def test_a_short_name_made_from_the_name(name, short):
    assert made_short_name(name) == short
    assert balanced(short) == short


def test_a_typed_short_name_is_used_as_typed():
    measure = _measure("Increase the number of people exiting drug programmes", "Drug exits")
    assert short_name(measure) == "Drug exits"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Total Notifiable Offences (TNO's): rate)", "Total Notifiable Offences (TNO's): rate"),
        ("(TNO's): rate", "(TNO's): rate"),
        ("TNO's): rate", "TNO's: rate"),
        ("rate (per 1,000", "rate per 1,000"),
        ("a (b) (c", "a (b) c"),
        ("a ] b [c]", "a b [c]"),
    ],
)
def test_balanced_drops_only_the_stray_bracket(text, kept):
    assert balanced(text) == kept


def test_cut_at_word_never_ends_on_a_joining_word_or_inside_brackets():
    text = "People in the city who feel very safe in their local areas (during the day) at night"
    cut = cut_at_word(text, 66)
    assert cut == "People in the city who feel very safe in their local areas"
    assert cut_at_word("Short", 66) == "Short"


def test_names_sharing_a_bracket_keep_it_balanced():
    full = ("Total Notifiable Offences (TNO's)", "Total Notifiable Offences (TNO's): rate")
    assert shared_title(full) == "Total Notifiable Offences"
    names = distinct_names(("Total Notifiable Offences",) * 2, full)
    assert names == ("Total Notifiable Offences (TNO's)", "Total Notifiable Offences (rate)")
    assert all(balanced(n) == n for n in names)


def test_headings_never_print_a_bare_id():
    burglary = _measure("Residential burglary", measure_id="13")
    assert table_title([burglary]) == "13 Residential burglary: the figures in a table"
    action = KeyAction("1", "1", "Reduce burglary", "Police", measures=(burglary,))
    page = Page("1", action, (burglary,), ())
    assert commentary_heading(page) == "Commentary on Residential burglary"
    bare = Page("2.1", KeyAction("2.1", "2", "Spend the levy well", "SCC"), (), ())
    assert commentary_heading(bare) == "Commentary on key action 2.1"
    many = tuple(_measure(f"Crime type {n} something else", measure_id=f"1.{n}") for n in range(6))
    group = Page("1.0-5", action, many, ())
    heading = commentary_heading(group)
    assert not re.fullmatch(BARE, heading), heading


def test_the_short_name_column_is_read_and_titles_the_charts(tmp_path):
    from datetime import date

    from tests.fixtures.workbooks import save, set_cell, valid_workbook

    from safecity_reports.core.verdicts import judge
    from safecity_reports.layout.document import FigureBlock, Heading
    from safecity_reports.layout.report import build_document
    from safecity_reports.reading.load import load_report

    wb = valid_workbook()
    set_cell(wb, "Measures", 2, "Short name", "Crime (all)")
    report = load_report(save(wb, tmp_path))[0]
    first = report.measures[0]
    assert first.short_name == "Crime (all)"
    assert all(m.short_name == "" for m in report.measures[1:])  # an old workbook: blank

    def walk(blocks):
        for block in blocks:
            yield block
            yield from walk(getattr(block, "blocks", ()))

    blocks = list(walk(build_document(report, judge(report), date(2017, 5, 1)).blocks))
    titles = [b.chart.title for b in blocks if isinstance(b, FigureBlock)]
    assert any(t.startswith("Crime (all) ") for t in titles), titles
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    for text in [*titles, *headings]:
        assert balanced(text) == text, text
        assert not re.fullmatch(BARE, text), text


def test_a_unit_every_name_ends_with_is_found_to_be_said_once_in_a_tables_header():
    from safecity_reports.layout.names import shared_tail

    assert (
        shared_tail(
            ["Robbery - rate per 1,000 population", "Shoplifting - rate per 1,000 population"]
        )
        == "rate per 1,000 population"
    )
    # names that end differently, a tail that is no unit, a head too short, or one name: none
    assert shared_tail(["Robbery - rate per 1,000", "Shoplifting - count"]) == ""
    assert shared_tail(["Robbery - Eastvale", "Shoplifting - Eastvale"]) == ""
    assert shared_tail(["ASB - rate per 1,000", "Shoplifting - rate per 1,000"]) == ""
    assert shared_tail(["Robbery - rate per 1,000"]) == ""
