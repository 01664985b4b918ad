"""'How to read this report' explains what the front page counts and each chosen summary column,
and the arrows only where the summary prints them after a comparison."""

from __future__ import annotations

from tests.fixtures.examples import commissioner_overview, comparative_crime, ratings_call_over

from safecity_reports.core.verdicts import judge
from safecity_reports.layout.document import BulletList, Callout, Paragraph
from safecity_reports.layout.reading_guide import reading_guide
from safecity_reports.layout.summary_columns import HEADERS, chosen_columns
from safecity_reports.reading.load import load_report


def _guide(tmp_path, build):
    path = tmp_path / "example.xlsx"
    build().save(path)
    report, _ = load_report(path)
    blocks = reading_guide(report, judge(report))
    text = ["".join(s.text for s in b.spans) for b in blocks if isinstance(b, Paragraph)]
    (columns,) = [b for b in blocks if isinstance(b, BulletList)]
    items = ["".join(s.text for s in spans) for _, spans in columns.items]
    return report, blocks, text, items


def test_a_ratings_only_report_explains_ratings_and_no_arrows(tmp_path):
    _, blocks, text, items = _guide(tmp_path, ratings_call_over)
    assert text[0] == (
        "The table on the front page counts each priority's measures by rating: the rating each "
        "measure was given (Red, Amber, Green, Grey or Not rated)."
    )
    assert items == [
        "Rating: the rating the measure's rater gave it, in words as well as colour, with the "
        "period rated where it is not the period of this report.",
        "Travel: the direction of travel its rater gave the measure, marked 'as rated'; this "
        "report holds no figures to compare.",
    ]
    assert not any(isinstance(b, Callout) for b in blocks)
    assert not any("arrow" in t for t in text)


def test_a_comparative_report_explains_each_of_its_columns_and_the_group_count(tmp_path):
    report, blocks, text, items = _guide(tmp_path, comparative_crime)
    columns = chosen_columns(report.settings.summary_columns)
    assert [i.split(":")[0] for i in items] == [HEADERS.get(c.name, c.name) for c in columns]
    assert len(columns) == 6 and all(i.endswith(".") and len(i) > 30 for i in items)
    assert "by position against their comparison group's range" in text[0]
    assert "(Better than group, In line, Worse than group or No position)" in text[0]
    assert not any(isinstance(b, Callout) for b in blocks)  # no Travel column: no arrows


def test_a_report_with_the_travel_column_keeps_the_key_to_the_arrows(tmp_path):
    _, blocks, text, items = _guide(tmp_path, commissioner_overview)
    assert any(i.startswith("Travel: whether the figure went up or down") for i in items)
    assert "by target status" in text[0]  # its front page counts target status, not travel
    (key,) = [b for b in blocks if isinstance(b, Callout)]
    assert (
        "".join(s.text for s in key.lines[0]) == "▲ up: the figure rose since the previous period"
    )
