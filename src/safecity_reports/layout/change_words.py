"""The words for a change, one vocabulary wherever it is printed (issue 29 item 6).

A change has three parts: its direction (a fact: up, down, no change), whether it is better or
worse (a judgement, by the measure's polarity), and how that judgement was made (tested against
chance and significant, or not tested). ``core.status`` works out the first two and whether the
change was tested; this module is the one place that words them, so that a count and its rate
on one row, a table's Travel and the sentence on the page, all read alike: 'up, worse
(significant)' in a table is 'Rose from 28.06 ... to 29.92, which is worse (significant)' in a
sentence; 'up, worse (not tested)' is '..., which is worse (not tested)'.
"""

from __future__ import annotations

from safecity_reports.core.status import Direction, Judgement

JUDGEMENT_WORDS = {
    Judgement.IMPROVING: "better",
    Judgement.WORSENING: "worse",
}
"""What a rise or fall that is judged is called."""

SIGNIFICANT = "(significant)"
"""Beside a judgement made on a change tested against chance and found significant."""

NOT_TESTED = "(not tested)"
"""Beside a judgement made on a change that could not be tested, in a report that tests some."""

NO_SIGNIFICANT_CHANGE = "no significant change"
"""A change tested against chance that chance could explain: never better or worse."""

LITTLE_CHANGE = "little change"
"""A change smaller than the measure's stated 'little change'."""


def verdict_words(judgement: Judgement, tested: bool = False, mark_untested: bool = False) -> str:
    """'worse (significant)', 'better (not tested)' (with ``mark_untested``: some change in the
    report was tested, so one that was not says so), 'worse', 'no significant change', 'little
    change'; '' for a change that is not judged, or no change."""
    if judgement is Judgement.NOT_SIGNIFICANT:
        return NO_SIGNIFICANT_CHANGE
    if judgement is Judgement.LITTLE_CHANGE:
        return LITTLE_CHANGE
    word = JUDGEMENT_WORDS.get(judgement)
    if word is None:
        return ""
    if tested:
        return f"{word} {SIGNIFICANT}"
    return f"{word} {NOT_TESTED}" if mark_untested else word


def travel_words(
    direction: Direction, judgement: Judgement, tested: bool = False, mark_untested: bool = False
) -> str:
    """A table's Travel in words: 'up, worse (significant)', 'down, no significant change',
    'up, better (not tested)', 'no change'; 'n/a' where there is nothing to compare."""
    if direction is Direction.NOT_AVAILABLE:
        return "n/a"
    verdict = verdict_words(judgement, tested, mark_untested)
    return f"{direction.value}, {verdict}" if verdict else direction.value


def meaning_words(judgement: Judgement, tested: bool = False, mark_untested: bool = False) -> str:
    """The same verdict after a sentence that says the change ('Rose from 28.06 in 2016/17 Q1
    to 29.92 in 2016/17 Q2'): ', which is worse (significant)', ': no significant change', ':
    little change', ', which is better'; '' where nothing is judged."""
    verdict = verdict_words(judgement, tested, mark_untested)
    if not verdict:
        return ""
    if judgement in JUDGEMENT_WORDS:
        return f", which is {verdict}"
    return f": {verdict}"
