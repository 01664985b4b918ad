"""``reading/commentary.check_commentary`` as a caller sees it: one warning per paragraph and
message (a sentence said twice is warned of once), naming the file, sheet and cell of the
paragraph, or of the page where the paragraph has none. The mutation run of docs/mutation.md
found the gap."""

from __future__ import annotations

from datetime import date

from safecity_reports.core.model import (
    Commentary,
    KeyAction,
    Location,
    Priority,
    Report,
    Run,
    Settings,
    TextBlock,
)
from safecity_reports.core.periods import parse_period
from safecity_reports.errors import Problem
from safecity_reports.reading.commentary import check_commentary
from test_commentary_table import CRIME, Q2

FELL = "Total crime fell compared to the previous quarter."
MESSAGE = (
    "The commentary on 1.2a says 'fell compared to the previous quarter', but the figures are "
    "28.06 (2016/17 Q1) and 29.92 (2016/17 Q2): an increase"
)


def _report(*blocks):
    settings = Settings(
        "Safe City", "Report", parse_period(Q2), report_date=date(2016, 11, 15), population=250900.0
    )
    page = Commentary(("1.2a",), blocks, Location("Commentary", "A1"))
    action = KeyAction("1.1", "1", "Act", "Police", measures=(CRIME,))
    return Report(settings, (Priority("1", "Crime", (action,)),), (page,), source_name="q.xlsx")


def test_a_warning_names_the_paragraphs_cell_or_the_pages():
    report = _report(
        TextBlock((Run(f"{FELL} {FELL}"),), where=Location("Commentary", "B2")),
        TextBlock((Run("Nothing to check."),), where=Location("Commentary", "B3")),
        TextBlock((Run(FELL),), where=Location("", "")),
    )
    assert check_commentary(report) == [
        Problem("q.xlsx, sheet Commentary, cell B2", MESSAGE, "warning"),
        Problem("q.xlsx, sheet Commentary, cell A1", MESSAGE, "warning"),
    ]
