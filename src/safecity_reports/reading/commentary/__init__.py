"""Reading the commentary against the figures: warnings where the words contradict the workbook.

Boards read the agencies' paragraphs first, so a paragraph that says a rate increased when the
page's figures show no change, or dates its figures a year late, misleads them. ``check`` reads
each paragraph sentence by sentence and clause by clause with hand-written rules, each in a
module of its own:

- ``directions``: 'has increased compared to the same period last year' against the figures;
- ``arithmetic``: '20 out of 30 (60%)' and '6.3% lower than ...' recomputed;
- ``dates``: dates after the report's date, or a current period named in another year;
- ``quotes``: 'the rate is now 0.13' against the latest figure as printed;
- ``figures``: 'from 31.8% in Oct 2012 - Sep 2013', 'rose from 4% to 6%' against the workbook's
  figures for those periods;
- ``multiples``: 'has halved since 2017/18', 'fallen by a quarter' against the figures;
- ``significance``: 'increased significantly', 'no significant change' against the report's
  own test (``core.verdicts``).

Every rule prefers silence to a guess: a sentence it cannot read plainly is not judged.
"""

from __future__ import annotations

from collections.abc import Callable

from safecity_reports.core.model import Report
from safecity_reports.errors import Problem
from safecity_reports.reading.commentary import (
    arithmetic,
    dates,
    directions,
    figures,
    multiples,
    quotes,
    significance,
)
from safecity_reports.reading.commentary.page import Page, pages
from safecity_reports.reading.commentary.text import clauses, sentences

_SENTENCE_RULES: tuple[Callable[[str, Page], list[str]], ...] = (dates.check,)
_CLAUSE_RULES: tuple[Callable[[str, Page], list[str]], ...] = (
    directions.check,
    arithmetic.check,
    quotes.check,
    figures.check,
    multiples.check,
    significance.check,
)


def check_commentary(report: Report) -> list[Problem]:
    """A warning for every place the commentary contradicts the workbook, in workbook order.

    Each names the paragraph's sheet and cell and quotes its words. Never raises on any text.
    """
    found: list[Problem] = []
    for commentary, page in pages(report):
        for block in commentary.blocks:
            where = block.where if block.where.sheet else commentary.where
            messages: list[str] = []
            for sentence in sentences(block.text):
                for rule in _SENTENCE_RULES:
                    messages += rule(sentence, page)
                for clause in clauses(sentence):
                    for clause_rule in _CLAUSE_RULES:
                        messages += clause_rule(clause, page)
            for message in dict.fromkeys(messages):
                found.append(
                    Problem(
                        f"{report.source_name}, {where}",
                        f"The commentary on {page.label} {message}",
                        "warning",
                    )
                )
    return found
