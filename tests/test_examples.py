"""The example workbooks of what partnerships print: each reads cleanly and says what it should."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.fixtures.examples import EXAMPLES, commissioner_overview, comparative_crime

from safecity_reports.core.verdicts import judge
from safecity_reports.layout.document import KeepTogether, Paragraph, Table
from safecity_reports.layout.report import build_document
from safecity_reports.reading.load import load_report

EXAMPLES_FOLDER = Path(__file__).resolve().parent.parent / "inputs" / "examples"


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(getattr(block, "blocks", ()))


def _lay_out(tmp_path, build):
    path = tmp_path / "example.xlsx"
    build().save(path)
    report, problems = load_report(path)
    document = build_document(report, judge(report), date(2017, 5, 1))
    blocks = list(_walk(document.blocks))
    tables = {b.caption: b for b in blocks if isinstance(b, Table)}
    text = ["".join(s.text for s in b.spans) for b in blocks if isinstance(b, Paragraph)]
    return report, problems, blocks, tables, text


def _rows(table):
    """The rows' words (a no-break space, which keeps a cell on one line, read as a space)."""
    return [[cell.text.replace("\u00a0", " ") for cell in row] for row in table.rows]


def _summary(tables, period):
    """The summary's tables (one per priority) as one."""
    parts = [t for c, t in tables.items() if c.startswith(f"Summary of performance, {period}:")]
    return Table("summary", parts[0].header, tuple(r for t in parts for r in t.rows), (1,))


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_each_example_checks_without_a_warning(tmp_path, name):
    _, problems, *_ = _lay_out(tmp_path, EXAMPLES[name])
    assert problems == []


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_saved_examples_are_what_the_script_makes(name):
    from safecity_reports.reading.workbook import read_workbook

    saved, _ = read_workbook(EXAMPLES_FOLDER / name)
    assert saved.measures  # made by scripts/make_examples.py; rerun it after changing one
    assert (
        len(saved.measures)
        == {
            "comparative-crime.xlsx": 14,
            "ratings-call-over.xlsx": 13,
            "commissioner-overview.xlsx": 6,
            "ratings-only.xlsx": 7,
            "borough-groups.xlsx": 3,
        }[name]
    )


def test_the_comparative_table_shows_the_groups_facts_without_the_full_group(tmp_path):
    report, _, blocks, tables, text = _lay_out(tmp_path, comparative_crime)
    assert report.rankings == ()
    # every measure is in its priority's table: no summary table prints the same rows again
    assert not [c for c in tables if c.startswith("Summary of performance")]
    # 14 measures of two figures each: one table, not 14 pages
    compact = tables["Measures 1.1 to 1.4b in one table, 2016/17"]
    # the unit every name ends with said once, in the header (REPORT-DESIGN: units in the header)
    assert [c.text.replace("\u00a0", " ") for c in compact.header[0]] == [
        "Measure (rate per 1,000 population)",
        "2015/16",
        "2016/17",
        "Change",
        "Travel",
        "Group position",
        "Distance",  # the note under the table says from what, and in what
        "Rank [note 1]",
    ]
    rows = _rows(compact)
    assert len(rows) == 14
    assert rows[0][-1] == "10th"
    # the note and the group's size every row repeated are printed once, under the table
    assert "[note 1] Rank: out of 15; 1 = lowest." in text
    assert not any("(1 = lowest)" in t for t in text)
    assert rows[1] == [
        "1.2a Violence against the person",
        "17.93",
        "21.05",
        "+3.12 (+17.4%)",
        "▲ up, worse",
        "Above, worse",
        "+18.4%",
        "12th",
    ]
    assert (
        "Group position, distance and rank are against the Most Similar Group (15 areas),"
        " 2016/17. The position is against the group's normal range; the distance is from the"
        " group average, in per cent of it." in text
    )
    # one priority: its counts in words, not a table of one row (issue 25)
    assert not [c for c in tables if c.startswith("Measures by position")]
    assert (
        "Of the 14 measures, 2 are better than their comparison group's normal range, 9 in line"
        " and 3 worse." in text
    )


def test_the_call_over_is_a_rated_table_with_its_commentary(tmp_path):
    from tests.fixtures.examples import ratings_call_over

    _, _, blocks, tables, text = _lay_out(tmp_path, ratings_call_over)
    summary = _summary(tables, "2016/17 Q3")
    assert [c.text for c in summary.header[0]][3:] == ["Rating", "Travel"]
    rows = {r[0].split()[0]: r[-2:] for r in _rows(summary)}
    assert rows["1.1b"] == ["Red", "Worsening (as rated)"]
    assert rows["1.2a"] == ["Grey", "[x]"]
    assert rows["3.1d"] == ["Not rated", "[x]"]
    assert (
        "Rating for 2016/17 Q3: Red, given by Head of Community Safety. Three incidents in"
        " September near the transport hub." in text
    )
    assert not any(t.startswith("Comparisons are between") for t in text)
    assert not any("No figure" in t for t in text)
    glance = next(t for c, t in tables.items() if c.startswith("Measures by rating"))
    # grey is a rating given (here "no preferred direction"), counted apart from "not rated"
    assert _rows(glance)[-1] == ["All measures", "3", "4", "3", "2", "1"]


def test_the_commissioners_overview_compares_the_districts(tmp_path):
    _, _, blocks, tables, text = _lay_out(tmp_path, commissioner_overview)
    burglary = tables["Domestic burglary: by area, 2016/17 Q3"]
    assert _rows(burglary)[0][0] == "Brackley"
    assert _rows(burglary)[0][2:6] == ["+29 (+13.7%), ▲ up, worse", "158", "241", "[x]"]
    satisfied = tables["Victims satisfied with the service (%): by area, 2016/17 Q3"]
    assert _rows(satisfied)[3][3:] == ["76%", "80%", "▲ up, better", "85%", "Missed"]
    assert not any(
        c.startswith("Summary of performance") for c in tables
    )  # one overview of every measure for every area instead
    overview = tables["Every measure for every area, 2016/17 Q3"]
    assert len(overview.rows) == 30 and overview.row_groups == (5, 10, 15, 20, 25)
    assert not any(isinstance(b, KeepTogether) and not b.blocks for b in blocks)


def test_the_front_page_has_a_grey_column_only_when_a_measure_is_rated_grey(tmp_path):
    from tests.fixtures.examples import ratings_call_over

    def no_grey():
        wb = ratings_call_over()
        for row in wb["Ratings"].iter_rows():
            for cell in row:
                if cell.value == "Grey":
                    cell.value = "Not rated"
        return wb

    _, _, _, tables, _ = _lay_out(tmp_path, no_grey)
    glance = next(t for c, t in tables.items() if c.startswith("Measures by rating"))
    assert [c.text for c in glance.header[0]][1:] == ["Red", "Amber", "Green", "Not rated"]
    assert _rows(glance)[-1] == ["All measures", "3", "4", "3", "3"]
