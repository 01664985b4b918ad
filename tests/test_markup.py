"""The markup a data officer types in a commentary cell."""

from __future__ import annotations

import pytest

from safecity_reports.core.model import Run, TextBlock
from safecity_reports.reading.markup import parse_blocks


def _shape(text):
    return [(b.level, b.text) for b in parse_blocks(text)]


def test_each_line_is_a_block_and_blank_lines_are_dropped():
    assert _shape("First.\r\n\n  \nSecond.") == [(0, "First."), (0, "Second.")]


@pytest.mark.parametrize(
    ("line", "level", "text"),
    [
        ("- a bullet", 1, "a bullet"),
        ("-- a sub-bullet", 2, "a sub-bullet"),
        ("  - an indented bullet", 2, "an indented bullet"),
        ("\t- a tabbed bullet", 2, "a tabbed bullet"),
        ("• a pasted bullet", 1, "a pasted bullet"),
        ("•no space", 1, "no space"),
        ("  • indented pasted", 2, "indented pasted"),
        ("-5% on last year", 0, "-5% on last year"),
        ("--- not a bullet", 0, "--- not a bullet"),
        (" one stray space", 0, "one stray space"),
    ],
)
def test_bullets(line, level, text):
    assert _shape(line) == [(level, text)]


def test_bold_runs():
    (block,) = parse_blocks("A high number is **POOR**, a low one **GOOD**.")
    assert block.runs == (
        Run("A high number is "),
        Run("POOR", bold=True),
        Run(", a low one "),
        Run("GOOD", bold=True),
        Run("."),
    )


def test_a_bullet_can_be_bold():
    assert parse_blocks("- **Amber 7**, Green 30") == (
        TextBlock((Run("Amber 7", bold=True), Run(", Green 30")), 1),
    )


@pytest.mark.parametrize(
    "text",
    [
        "<b>Actuals</b> & benchmark > 5 < 7",
        "*Q2 2016/17 is using the latest data",
        "an unmatched ** star",
        "** spaced stars are not bold **",
        "£106,500 — 21% \u201cquoted\u201d",
    ],
)
def test_everything_else_is_literal(text):
    (block,) = parse_blocks(text)
    assert block.text == text.replace("\u00a0", " ")
    assert not any(run.bold for run in block.runs)


def test_a_bare_bullet_mark_is_dropped():
    assert parse_blocks("- \nText") == (TextBlock((Run("Text"),)),)
