"""The layout: pages grouped from the commentary, the summary table, and words derived from figures."""

from __future__ import annotations

from datetime import date

import pytest

from safecity_reports.core.model import (
    NOT_AVAILABLE,
    Commentary,
    Frequency,
    KeyAction,
    Measure,
    Observation,
    PageLayout,
    Polarity,
    Priority,
    Report,
    Run,
    Settings,
    TextBlock,
    Unit,
)
from safecity_reports.core.periods import parse_period
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.document import (
    Callout,
    ChartKind,
    Contents,
    FigureBlock,
    Heading,
    PageBreak,
    Table,
    Tone,
)
from safecity_reports.layout.names import shared_title
from safecity_reports.layout.pages import page_label, plan_pages
from safecity_reports.layout.report import build_document, summary_tables


def measure(
    id_,
    values,
    polarity=Polarity.LOW_IS_GOOD,
    unit=Unit.RATE_PER_1000,
    benchmarks=None,
    periods=("2016/17 Q1", "2016/17 Q2"),
    name=None,
    decimals=2,
):
    benchmarks = benchmarks or [None] * len(values)
    return Measure(
        id=id_,
        action_id=id_.rstrip("abc"),
        name=name or f"Measure {id_}",
        unit=unit,
        polarity=polarity,
        frequency=Frequency.QUARTERLY,
        decimals=decimals,
        observations=tuple(
            Observation(parse_period(p), v, b)
            for p, v, b in zip(periods, values, benchmarks, strict=True)
        ),
        source="Police data",
    )


def paragraph(text):
    return TextBlock((Run(text),))


def small_report(commentary=()):
    one = KeyAction(
        "1.1",
        "1",
        "Cut crime",
        "Police",
        measures=(
            measure("1.1a", [28.06, 29.92], name="Total Crime - Rate per 1,000"),
            measure("1.1b", [0.12, 0.12], name="Burglary - Rate per 1,000"),
        ),
    )
    two = KeyAction("1.2", "1", "Spend the levy well", "Council", heading="How the levy was spent")
    three = KeyAction(
        "2.1",
        "2",
        "Engage young people",
        "YOS",
        measures=(
            measure("2.1", [64.2, 62.0], Polarity.HIGH_IS_GOOD, Unit.PERCENTAGE, decimals=1),
        ),
    )
    return Report(
        Settings(
            "Testford Partnership",
            "Performance report",
            parse_period("2016/17 Q2"),
            layout=PageLayout.PAGES,
        ),
        (Priority("1", "Reduce crime", (one, two)), Priority("2", "Reduce youth crime", (three,))),
        commentary=tuple(commentary),
    )


@pytest.mark.parametrize(
    ("ids", "label"),
    [
        (("1.3",), "1.3"),
        (("1.2a", "1.2b", "1.2c"), "1.2a-c"),
        (("1.1a", "1.1b"), "1.1a-b"),
        (("1.2a", "1.2c"), "1.2a, 1.2c"),
        (("1.2a", "2.1"), "1.2a, 2.1"),
    ],
)
def test_page_label(ids, label):
    assert page_label(ids) == label


@pytest.mark.parametrize(
    ("names", "title"),
    [
        (("Total Crime - Rate per 1,000",), "Total Crime - Rate per 1,000"),
        (
            ("Total Crime - Rate per 1,000", "Burglary in a dwelling - Rate per 1,000"),
            "Total Crime / Burglary in a dwelling - Rate per 1,000",
        ),
        (
            (
                "People who feel safe during the day (%)",
                "People who feel safe during the night (%)",
            ),
            "People who feel safe during the day / night (%)",
        ),
        (("Repeat cases (%)", "Re-referrals (%)"), "Repeat cases (%); Re-referrals (%)"),
    ],
)
def test_shared_title_says_common_words_once(names, title):
    assert shared_title(names) == title


def test_measures_named_together_in_commentary_share_a_page():
    report = small_report([Commentary(("1.1a", "1.1b"), (paragraph("Both rose."),))])
    (first, pages_one), (_, pages_two) = plan_pages(report)
    assert [p.label for p in pages_one] == ["1.1a-b", "1.2"]
    assert [m.id for m in pages_one[0].measures] == ["1.1a", "1.1b"]
    assert pages_one[0].commentary[0].text == "Both rose."
    assert pages_one[1].measures == ()  # the narrative action gets its own page
    assert [p.label for p in pages_two] == ["2.1"]


def test_measures_without_commentary_get_a_page_each():
    (_, pages), _ = plan_pages(small_report())
    assert [p.label for p in pages] == ["1.1a", "1.1b", "1.2"]


def _cells(table: Table):
    return [[cell.text for cell in row] for row in table.rows]


def summary_table(report, statuses, anchors) -> Table:
    """The summary's tables as one, for the checks on its rows."""
    tables = summary_tables(report, statuses, anchors)
    return Table("summary", tables[0].header, tuple(r for t in tables for r in t.rows), (1,))


def test_summary_derives_arrows_that_agree_with_the_printed_figures():
    report = small_report()
    table = summary_table(report, judge(report), {})
    rows = {row[0].split()[0]: row for row in _cells(table)}
    # 28.06 -> 29.92 with low is good: up and worse
    assert rows["1.1a"][-3:] == ["28.06", "29.92", "▲ up, worse"]
    # the seed printed 0.12 -> 0.12 with a down arrow; here it can only be no change
    assert rows["1.1b"][-3:] == ["0.12", "0.12", "► no change"]
    # 64.2% -> 62% with high is good: down and worse (the seed printed an up arrow); 62 was
    # typed without decimals, so it prints without (issue 25 item 3)
    assert rows["2.1"][-3:] == ["64.2%", "62%", "▼ down, worse"]
    assert rows["1.2"][0] == "1.2 Spend the levy well"  # its cells say [z]: no measure
    assert rows["1.2"][3:] == ["[z]", "[z]", "[z]"]


def test_summary_arrow_colour_follows_polarity_and_never_stands_alone():
    report = small_report()
    table = summary_table(report, judge(report), {})
    travel = [row[-1] for row in table.rows if row[-1].spans and row[-1].spans[0].text == "▲"]
    assert travel and travel[0].spans[0].tone is Tone.BAD
    assert travel[0].text.endswith("worse")


def test_each_priority_has_its_table_whose_rows_are_headed_by_their_measure():
    report = small_report()
    tables = summary_tables(report, judge(report), {})
    assert [t.caption for t in tables] == [
        "Summary of performance, 2016/17 Q2: Priority 1, Reduce crime",
        "Summary of performance, 2016/17 Q2: Priority 2, Reduce youth crime",
    ]
    first = tables[0]
    assert [c.text for c in first.header[0]] == [
        "Measure",
        "Key action",
        "Lead agency",
        "Previous",
        "Current",
        "Travel",
    ]
    assert [[c.row_header for c in row] for row in first.rows] == [[True] + [False] * 5] * 3
    assert first.rows[0][0].text.startswith("1.1a ")
    assert (
        first.rows[0][1].text == first.rows[1][1].text
    )  # the action repeats on its measures' rows
    assert first.row_groups == (2,)  # the second action starts a group
    cells = [c for t in tables for row in (*t.header, *t.rows) for c in row]
    assert all(c.row_span == c.col_span == 1 and c.text.strip() for c in cells)


def test_not_available_figures_are_not_judged():
    m = measure("1.1a", [NOT_AVAILABLE, NOT_AVAILABLE])
    report = Report(
        Settings("P", "T", parse_period("2016/17 Q2")),
        (Priority("1", "Reduce crime", (KeyAction("1.1", "1", "Act", "Police", measures=(m,)),)),),
    )
    table = summary_table(report, judge(report), {})
    assert _cells(table)[0][-3:] == ["[x]", "[x]", "[x]"]


def test_document_has_front_matter_contents_summary_and_a_section_per_priority():
    report = small_report([Commentary(("1.1a", "1.1b"), (paragraph("Both rose."),))])
    doc = build_document(report, judge(report), date(2016, 11, 1))
    headings = [(b.level, b.text) for b in doc.blocks if isinstance(b, Heading)]
    # the contents straight after the cover, then the guide, the exceptions and the summary
    assert [text for level, text in headings if level == 1][:5] == [
        "Testford Partnership",
        "Contents",
        "How to read this report",
        "Exceptions",
        "Summary",
    ]
    assert (1, "Priority 1: Reduce crime") in headings
    assert (1, "Priority 2: Reduce youth crime") in headings
    assert (2, "1.2 How the levy was spent") in headings
    contents = next(b for b in doc.blocks if isinstance(b, Contents))
    anchors = {b.anchor for b in doc.blocks if isinstance(b, Heading)}
    assert {anchor for _, _, anchor in contents.entries} <= anchors
    text = " ".join(getattr(b, "spans", [None])[0].text for b in doc.blocks if hasattr(b, "spans"))
    assert "Comparisons are between 2016/17 Q1 and 2016/17 Q2 unless stated otherwise." in text
    # a summary this short and narrow follows in portrait; a long one has landscape pages
    # (tests/test_pagination.py)
    assert not any(isinstance(b, PageBreak) and b.landscape for b in doc.blocks)
    assert any(isinstance(b, Callout) for b in doc.blocks)


def test_every_chart_has_alt_text_written_from_its_data():
    report = small_report()
    doc = build_document(report, judge(report), date(2016, 11, 1))
    figures = [b for b in _walk(doc.blocks) if isinstance(b, FigureBlock)]
    assert len(figures) == 3
    alt = figures[0].alt
    # two figures: bars from zero, not a line on an axis cropped to them
    assert figures[0].chart.kind is ChartKind.BARS
    assert alt == (
        "Bar chart (rate per 1,000), 2016/17 Q1 to 2016/17 Q2: Total Crime rose in 2016/17 Q2."
        " Highest 29.92 in 2016/17 Q2; lowest 28.06 in 2016/17 Q1."
    )
    assert figures[0].chart.title == "Total Crime rose in 2016/17 Q2"


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(getattr(block, "blocks", ()))


def test_at_a_glance_counts_each_priority_by_judgement():
    from safecity_reports.layout.report import at_a_glance

    report = small_report()
    table = at_a_glance(report, judge(report))
    assert _cells(table) == [
        ["Reduce crime", "0", "1", "1", "0", "0"],
        ["Reduce youth crime", "0", "1", "0", "0", "0"],
        ["All measures", "0", "2", "1", "0", "0"],
    ]


def test_a_long_series_has_a_row_per_period(tmp_path):
    """Three years of months would be 36 unreadable columns: the table runs down the page."""
    from tests.fixtures.period_examples import EXAMPLES as PERIOD_EXAMPLES

    from safecity_reports.layout.measure_page import WIDEST_PERIOD_ROW, period_table
    from safecity_reports.reading.load import load_report

    path = tmp_path / "monthly-spc.xlsx"
    PERIOD_EXAMPLES["monthly-spc.xlsx"]().save(path)
    report, _ = load_report(path)
    measure = next(m for m in report.measures if len(m.observations) > WIDEST_PERIOD_ROW)
    table = period_table(measure, 250_000, 0.95)
    assert [c.text for c in table.header[0]][:2] == ["Period", "Actual"]
    assert len(table.rows) == len(measure.observations)
    assert [c.text for c in table.rows[0]][0] == str(measure.observations[0].period)
    assert all(row[0].row_header for row in table.rows)
