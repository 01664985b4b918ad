"""The front page says how many changes could be tested against chance once: where the main
points say it, the sentence under them says only what the words mean (late-figures said it in a
main point and again in the next paragraph)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from safecity_reports.api import lay_out, read_workbook
from safecity_reports.layout.document import BulletList, PageBreak, Paragraph

EXAMPLES = Path(__file__).parent.parent / "inputs" / "examples"


def _front_page(name: str) -> list[str]:
    report, _ = read_workbook(EXAMPLES / name)
    document, _ = lay_out(report, today=date(2026, 12, 6))
    texts = []
    for block in document.blocks:
        if isinstance(block, PageBreak):
            break
        if isinstance(block, Paragraph):
            texts.append("".join(span.text for span in block.spans))
        if isinstance(block, BulletList):
            texts += ["".join(span.text for span in point) for _, point in block.items]
    return texts


def test_the_number_of_changes_tested_is_said_once_on_the_front_page():
    front = _front_page("late-figures.xlsx")
    said = [text for text in front if "could be tested against chance" in text]
    assert said == ["1 comparison of 2 could be tested against chance; none was found significant."]
    assert any("Only the changes tested against chance" in text for text in front)


def test_a_report_whose_main_points_do_not_say_it_says_it_under_them():
    front = _front_page("monthly-spc.xlsx")
    said = [text for text in front if "comparisons could be tested against chance" in text]
    assert len(said) == 1 and "5 of the 5 comparisons" in said[0]
