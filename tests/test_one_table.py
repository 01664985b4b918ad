"""A one-table report is as long as the partnership's own (issue 25): comparative-crime's 14
measures in one table take at most two pages in both documents, its front matter saying nothing
twice (Exceptions said in the main points where they would only repeat them, the counts of one
priority in words, not a table of one row; the table's figures each on one line)."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from conftest import convert_with_libreoffice, needs_libreoffice
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.document import BulletList, Heading, Paragraph, Table
from safecity_reports.layout.report import build_document
from safecity_reports.reading.load import load_report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "inputs" / "examples"
COMPARATIVE = EXAMPLES / "comparative-crime.xlsx"


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]


def _blocks(path: Path):
    report, _ = load_report(path)
    return build_document(report, judge(report), date(2017, 5, 1)).blocks


def _text(block) -> str:
    return "".join(s.text for s in block.spans)


def _points(blocks) -> list[str]:
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Main points")
    (points,) = [blocks[at + 1]]
    assert isinstance(points, BulletList)
    return ["".join(s.text for s in spans) for _, spans in points.items]


def _made(make_report, tmp_path: Path) -> Path:
    result = make_report(COMPARATIVE, "-o", tmp_path, "-q", "--no-cache")
    assert result.exit_code == 0, result.output
    return tmp_path


def test_the_comparative_table_report_is_at_most_two_pages_in_the_pdf(make_report, tmp_path):
    assert _pages(_made(make_report, tmp_path) / "comparative-crime.pdf") <= 2


@pytest.mark.slow
@needs_libreoffice
def test_the_comparative_table_report_is_at_most_two_pages_in_word(make_report, tmp_path):
    folder = _made(make_report, tmp_path)
    word = convert_with_libreoffice(folder / "comparative-crime.docx", "pdf", tmp_path / "lo")
    assert _pages(word) <= 2


def test_exceptions_that_only_repeat_the_main_points_are_said_there_once():
    blocks = _blocks(COMPARATIVE)
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert "Exceptions" not in headings
    points = _points(blocks)
    assert points == [
        "1.2a Violence against the person - rate per 1,000 population, 1.2c Violence without"
        " injury - rate per 1,000 population and 1.3f Shoplifting - rate per 1,000 population"
        " are outside the comparison group's range, on the worse side.",
        "Of 14 figures compared, 8 moved the better way and 6 the worse way; none could be"
        " tested against chance.",
        "1.3e Bicycle theft - rate per 1,000 population and 1.4b Drug offences - rate per 1,000"
        " population are outside the comparison group's range, on the better side.",
    ]
    # each name links to the table it is in
    (listing,) = [b for b in blocks if isinstance(b, BulletList)][:1]
    links = {s.link for _, spans in listing.items for s in spans if s.bold}
    assert links == {"table-1"}
    assert any(isinstance(b, Heading) and b.anchor == "table-1" for b in blocks)
    texts = [_text(b) for b in blocks if isinstance(b, Paragraph)]
    assert (
        "This report could not look for significant changes (the workbook gives no counts),"
        " SPC signals (no measure has an SPC chart), missed targets (no measure has one) or"
        " ratings (none is given)." in texts
    )
    assert not any("Exceptions" in t for t in [*texts, *points])


def test_one_prioritys_counts_are_in_words_not_a_table_of_one_row():
    blocks = _blocks(COMPARATIVE)
    assert not any(isinstance(b, Table) and " by " in b.caption for b in blocks)
    texts = [_text(b) for b in blocks if isinstance(b, Paragraph)]
    assert (
        "Of the 14 measures, 2 are better than their comparison group's normal range, 9 in line"
        " and 3 worse." in texts
    )
    # How to read no longer explains a table the front page does not print
    assert not any(t.startswith("The table on the front page") for t in texts)
    # and says only what the report uses: one table; no percentage, so no 'points'
    assert "The table's columns, after each measure's earlier and latest figures:" in texts
    items = [
        "".join(s.text for s in spans)
        for b in blocks
        if isinstance(b, BulletList)
        for _, spans in b.items
    ]
    assert (
        "Change: the current figure less the previous one, and that change as a per cent of the"
        " previous figure." in items
    )


def test_a_target_counted_report_of_one_priority_counts_in_words():
    texts = [
        _text(b) for b in _blocks(EXAMPLES / "force-year-to-date.xlsx") if isinstance(b, Paragraph)
    ]
    assert "Of the 3 measures, by target status: 1 on track and 2 off track." in texts


def test_the_table_keeps_each_figure_on_one_line():
    blocks = _blocks(COMPARATIVE)
    (table,) = [b for b in blocks if isinstance(b, Table) and "in one table" in b.caption]
    row = table.rows[1]
    assert [c.text for c in row[3:6]] == [
        "+3.12\u00a0(+17.4%)",
        "▲\u00a0up,\u00a0worse",
        "Above,\u00a0worse",
    ]
    # the names take the width the figures leave
    assert table.widths[0] > 5 * max(table.widths[1:])


@pytest.mark.parametrize("name", ["q2", "year-end-comparative", "ratings-call-over", "monthly-spc"])
def test_exceptions_stay_where_they_say_more_than_the_main_points(name):
    """q2 (an implausible figure), year-end-comparative (worse than its baseline) and the
    call-over (amber ratings) have concerns no main point names; monthly-spc is long enough
    for a contents list."""
    path = ROOT / "inputs" / "q2.xlsx" if name == "q2" else EXAMPLES / f"{name}.xlsx"
    blocks = _blocks(path)
    assert "Exceptions" in [b.text for b in blocks if isinstance(b, Heading)]
    assert not any(
        _text(b).startswith("This report could not look for")
        for b in blocks
        if isinstance(b, Paragraph)
    )
