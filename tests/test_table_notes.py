"""Tables of measures as short as their content (issue 25): empty columns left out, a note every
row repeats printed once as [note N], and the compact table's notes of both figures."""

from __future__ import annotations

from safecity_reports.layout.document import Align, Cell, Span, Table, Tone, plain
from safecity_reports.layout.table_notes import tidied, tidy_tables


def _table(rows: list[list[str]], header: list[str]) -> Table:
    return Table(
        "Measures in one table, 2016/17",
        (tuple(Cell(plain(h)) for h in header),),
        tuple(tuple(Cell(plain(t), Align.RIGHT) for t in row) for row in rows),
        tuple(1.0 for _ in header),
    )


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in (*table.header, *table.rows)]


def test_a_column_empty_on_every_row_is_left_out():
    table = _table(
        [["1.1 Crime", "5", "", "n/a"], ["1.2 Burglary", "7", "", "3"]],
        ["Measure", "Current", "Notes", "Rank"],
    )
    tidy, notes = tidied(table, "t")
    assert _texts(tidy) == [
        ["Measure", "Current", "Rank"],
        ["1.1 Crime", "5", "n/a"],
        ["1.2 Burglary", "7", "3"],
    ]
    assert tidy.widths == (1.0, 1.0, 1.0)
    assert notes == ()


def test_the_column_heading_the_rows_is_kept_however_empty():
    table = _table([["", "5"], ["", "7"]], ["Measure", "Current"])
    assert _texts(tidied(table, "t")[0])[0] == ["Measure", "Current"]


def test_a_note_every_row_repeats_is_printed_once_as_a_numbered_note():
    table = _table(
        [["1.1 Crime", "10th of 15 (1 = lowest)"], ["1.2 Burglary", "3rd of 15 (1 = lowest)"]],
        ["Measure", "Rank"],
    )
    tidy, notes = tidied(table, "table-x")
    assert _texts(tidy) == [
        ["Measure", "Rank [note 1]"],
        ["1.1 Crime", "10th"],
        ["1.2 Burglary", "3rd"],
    ]
    mark = tidy.header[0][1].spans[-1]
    assert mark.link == "note-table-x-1"
    (note,) = notes
    # the group's size every row repeats goes into the note too
    assert "".join(s.text for s in note.spans) == "[note 1] Rank: out of 15; 1 = lowest."
    assert note.note == "note-table-x-1"


def test_notes_that_differ_or_figures_in_brackets_are_left_in_their_cells():
    different = _table(
        [["1.1 Crime", "10th (1 = lowest)"], ["1.2 Burglary", "3rd (1 = highest)"]],
        ["Measure", "Rank"],
    )
    figures = _table(
        [["1.1 Crime", "+4.46 (+7.1%)"], ["1.2 Burglary", "+4.46 (+7.1%)"]],
        ["Measure", "Change"],
    )
    for table in (different, figures):
        assert tidied(table, "t") == (table, ())


def test_words_that_carry_a_verdict_are_never_made_a_note():
    row = (
        Cell(plain("1.1 Crime")),
        Cell((Span("▲", tone=Tone.BAD), Span(" up, worse (not tested)", tone=Tone.BAD))),
    )
    table = Table("T", ((Cell(plain("Measure")), Cell(plain("Travel"))),), (row, row), (1, 1))
    assert tidied(table, "t") == (table, ())


def test_a_groups_size_is_said_once_only_where_every_row_has_the_same():
    same = _table([["1.1 Crime", "10th of 15"], ["1.2 Burglary", "3rd of 15"]], ["Measure", "Rank"])
    tidy, notes = tidied(same, "t")
    assert _texts(tidy)[1:] == [["1.1 Crime", "10th"], ["1.2 Burglary", "3rd"]]
    assert "".join(s.text for s in notes[0].spans) == "[note 1] Rank: out of 15."
    differ = _table(
        [["1.1 Crime", "10th of 15"], ["1.2 Burglary", "3rd of 14"]], ["Measure", "Rank"]
    )
    missing = _table([["1.1 Crime", "10th of 15"], ["1.2 Burglary", "[x]"]], ["Measure", "Rank"])
    for table in (differ, missing):
        assert tidied(table, "t") == (table, ())


def test_only_tables_of_measures_are_tidied():
    other = _table([["Q1", ""], ["Q2", ""]], ["Period", "Actual"])
    assert tidy_tables([other]) == [other]
