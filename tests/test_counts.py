"""Issue 23 item 2: counts are never invented. A rate's counts come from the workbook: the Data
sheet's Count, the measure's own Population, or the partnership's population (Settings) only
for a measure whose Partnership population is 'Yes'. ``check`` warns, at the cell, where that
goes wrong. Workbooks made here are a district's, unlike Southampton's: a rate per 10,000, a
population of 96,400, a youth rate and a rate per households."""

from __future__ import annotations

import pytest
from openpyxl.utils import get_column_letter

from conftest import problem_lines
from fixtures.workbooks import add_row, column_of, set_cell, set_setting
from safecity_reports.api import read_workbook
from safecity_reports.core.untested import Untested
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.narrative import change_sentence
from safecity_reports.reading import schema
from safecity_reports.reading.populations import subgroup
from safecity_reports.reading.template import new_workbook

POPULATION = 96_400
"""A district's population, unlike Southampton's."""


def _rate(wb, measure_id, name, partnership="", population=None, unit="Rate per 10,000"):
    """A quarterly rate under action 1.2 with two figures: 30.0 then 36.0 per 10,000 (of
    96,400: 289 then 347 events, a significant rise); returns its Measures row."""
    row = add_row(
        wb,
        "Measures",
        {
            "Measure": measure_id,
            "Action": "1.2",
            "Name": name,
            "Unit": unit,
            "Polarity": "Low is good",
            "Frequency": "Quarterly",
            "Decimals": 1,
            "Source": "District police",
            "Partnership population": partnership or None,
            "Population": population,
        },
    )
    for period, value in (("2016/17 Q1", 30.0), ("2016/17 Q2", 36.0)):
        add_row(wb, "Data", {"Measure": measure_id, "Period": period, "Actual": value})
    add_row(wb, "Commentary", {"Page": measure_id, "Text": "Crime rose this quarter."})
    return row


def _cell(wb, sheet, row, header):
    return f"sheet {sheet}, cell {get_column_letter(column_of(sheet, header))}{row}"


def _settings_population_cell(wb):
    ws = wb[schema.SETTINGS]
    row = next(
        r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "Population"
    )
    return f"sheet Settings, cell B{row}"


def _check(make_report, saved, wb):
    result = make_report("check", saved(wb))
    assert "Traceback" not in result.output
    return result, problem_lines(result.output)


def test_yes_uses_the_partnerships_population_and_tests_the_change(workbook, saved):
    set_setting(workbook, "Population", POPULATION)
    set_setting(workbook, "Population source", "ONS mid-2016 estimate for the district")
    _rate(workbook, "1.5", "All crime", partnership="Yes")
    report, warnings = read_workbook(saved(workbook))
    assert warnings == []
    verdict = judge(report).of("1.5")
    assert verdict.tested and verdict.status.test.significant  # 289 -> 347 in 96,400
    assert verdict.status.untested is None


def test_an_earlier_workbook_without_the_column_tests_nothing_from_the_population(
    workbook, saved, make_report
):
    """The Measures sheet without Partnership population (a workbook of an earlier template):
    the Settings population no longer turns the rate into counts; the page says why, and check
    says how to have it tested."""
    _rate(workbook, "1.5", "All crime")
    set_setting(workbook, "Population", POPULATION)
    workbook["Measures"].delete_cols(column_of("Measures", "Partnership population"))
    report, warnings = read_workbook(saved(workbook))
    status = judge(report).of("1.5").status
    assert status.test is None and status.untested is Untested.POPULATION_NOT_STATED
    assert change_sentence(status) == (
        "Rose from 30 in 2016/17 Q1 to 36 in 2016/17 Q2, which is worse. Whether this"
        " change is more than chance cannot be tested: the workbook gives no count behind this"
        " rate, and does not say that it is per head of the partnership's population."
    )
    _, lines = _check(make_report, saved, workbook)
    assert (
        f"q2.xlsx, {_settings_population_cell(workbook)}: Population 96,400 is not used: no"
        " measure's Partnership population (Measures sheet) is 'Yes', so no rate is taken to be"
        " per head of the residents and their changes are not tested. Type Yes there for each"
        " rate per head of the residents, or clear this cell"
    ) in lines


def test_a_typed_count_is_tested_without_any_population(workbook, saved):
    _rate(workbook, "1.5", "All crime")
    ws = workbook["Data"]
    for row in range(2, ws.max_row + 1):
        if ws.cell(row=row, column=column_of("Data", "Measure")).value == "1.5":
            value = ws.cell(row=row, column=column_of("Data", "Actual")).value
            set_cell(workbook, "Data", row, "Count", round(value * 9.64))
    report, _ = read_workbook(saved(workbook))
    assert judge(report).of("1.5").tested


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Use of custody (youth)", "youth"),
        ("First-time entrants, young people aged 10-17", "young people"),
        ("Looked after children missing from care", "children"),
        ("Pupils excluded for violence", "Pupils"),
        ("Burglary of households", "households"),
    ],
)
def test_check_warns_of_a_rate_of_young_people_or_households_per_the_whole_population(
    workbook, saved, make_report, name, words
):
    set_setting(workbook, "Population", POPULATION)
    row = _rate(workbook, "1.5", name, partnership="Yes")
    _, lines = _check(make_report, saved, workbook)
    assert (
        f"q2.xlsx, {_cell(workbook, 'Measures', row, 'Partnership population')}: Measure 1.5"
        f" '{name}' speaks of '{words}', but Partnership population 'Yes' makes its rate per"
        " head of all the partnership's residents: if it is per those, type their number in"
        " Population and leave Partnership population blank"
    ) in lines


def test_a_rate_of_young_people_with_its_own_population_is_not_warned(workbook, saved):
    set_setting(workbook, "Population", POPULATION)
    _rate(workbook, "1.5", "All crime", partnership="Yes")
    _rate(workbook, "1.6", "Use of custody (youth)", population=9_100)
    report, warnings = read_workbook(saved(workbook))
    assert warnings == []
    assert judge(report).of("1.6").status.test is not None  # per its own 9,100


@pytest.mark.parametrize(
    ("unit", "says"),
    [
        (
            "Percentage",
            "a percentage, whose counts come from the Data sheet's Count and Denominator",
        ),
        ("Rate per 1,000 households", "a 'Rate per 1,000 households', not a rate per head of"),
        ("Count", "not a rate"),
    ],
)
def test_check_warns_of_yes_on_what_is_not_a_rate_per_head(
    workbook, saved, make_report, unit, says
):
    set_setting(workbook, "Population", POPULATION)
    _rate(workbook, "1.5", "All crime", partnership="Yes")
    row = _rate(workbook, "1.6", "Repeat calls", partnership="Yes", unit=unit)
    _, lines = _check(make_report, saved, workbook)
    where = _cell(workbook, "Measures", row, "Partnership population")
    assert any(
        line.startswith(f"q2.xlsx, {where}: Partnership population is 'Yes', but measure 1.6 is")
        and says in line
        and line.endswith("leave Partnership population blank")
        for line in lines
    ), lines


def test_check_warns_of_yes_with_no_population_to_use(workbook, saved, make_report):
    row = _rate(workbook, "1.5", "All crime", partnership="Yes")
    _, lines = _check(make_report, saved, workbook)
    assert (
        f"q2.xlsx, {_cell(workbook, 'Measures', row, 'Partnership population')}: Partnership"
        " population is 'Yes', but the Settings sheet gives no Population, so the changes of"
        " measure 1.5 cannot be tested: type the partnership's population there, with its"
        " Population source"
    ) in lines


@pytest.mark.parametrize(
    ("population", "message"),
    [
        (
            9_100,
            "Partnership population is 'Yes', but Population gives measure 1.5 its own"
            " population (9,100): clear one of them",
        ),
        (
            "Not known",
            "Partnership population is 'Yes', but Population says 'Not known' for measure"
            " 1.5: clear one of them",
        ),
    ],
)
def test_yes_beside_a_population_of_its_own_is_an_error(
    workbook, saved, make_report, population, message
):
    set_setting(workbook, "Population", POPULATION)
    row = _rate(workbook, "1.5", "All crime", partnership="Yes", population=population)
    result, lines = _check(make_report, saved, workbook)
    assert result.exit_code == 1
    where = _cell(workbook, "Measures", row, "Partnership population")
    assert f"q2.xlsx, {where}: {message}" in lines


def test_the_template_offers_yes_and_explains_the_column():
    wb = new_workbook()
    header = wb["Measures"].cell(row=1, column=column_of("Measures", "Partnership population"))
    assert header.value == "Partnership population"
    instructions = "\n".join(str(r[0].value or "") for r in wb["Instructions"].iter_rows())
    assert "Partnership population" in instructions
    assert "young" in instructions and "households" in instructions


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Total crime - rate per 1,000", ""),
        ("Youngs Road ASB", ""),  # a street, not young people
        ("Schoolchildren injured on roads", "Schoolchildren"),
        ("Burglary in a dwelling", "dwelling"),
        ("Proportion of young offenders", "young offenders"),
    ],
)
def test_the_words_that_speak_of_part_of_the_residents(name, found):
    assert subgroup(name) == found


def test_why_a_rate_is_not_tested_follows_what_the_workbook_says():
    """The page names the missing statement only where the workbook could have made it."""
    from safecity_reports.core.model import Frequency, Measure, Observation, Polarity, Unit
    from safecity_reports.core.periods import parse_period
    from safecity_reports.core.status import measure_status

    q1, q2 = parse_period("2016/17 Q1"), parse_period("2016/17 Q2")

    def untested(population, **more):
        m = Measure(
            "1.5",
            "1.2",
            "Burglary",
            Unit.RATE_PER_1000,
            Polarity.LOW_IS_GOOD,
            Frequency.QUARTERLY,
            1,
            (Observation(q1, 3.0), Observation(q2, 3.6)),
            **more,
        )
        return measure_status(m, q2, q1, population=population).untested

    assert untested(POPULATION) is Untested.POPULATION_NOT_STATED
    assert untested(None) is Untested.NO_COUNTS  # no population to state
    assert untested(POPULATION, population_not_known=True) is Untested.NO_COUNTS
    # Yes on a rate per households: the population cannot apply (check warns), no counts
    households = {"partnership_population": True, "unit_label": "Rate per 1,000 households"}
    assert untested(POPULATION, **households) is Untested.NO_COUNTS
    assert untested(POPULATION, partnership_population=True) is None  # tested
