"""Placeholders: what an agency types in a figure cell where the figure is still to come or was
never published ("NYA", "No New Data Published", "Data not yet available", "awaiting data",
"TBC"). Recognised by their words, whatever the case or wording, so that sources' own phrases
pass; the report keeps them as typed and never reads them as a number or judges them.

The one rule for what reads as a placeholder; ``cells.as_value`` applies it to every figure,
and the message for text that is neither a number nor a placeholder names what is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from safecity_reports.core.model import Location, NotAvailable, Observation, Report

EXAMPLES = ("NYA", "not yet available", "no new data", "awaiting data")
"""Placeholders the template and messages name as examples; any like them is accepted."""

_WORDS = re.compile(
    r"""
    \b(?:
        nya | tbc | tba | tbd                       # not yet available, to be confirmed ...
      | not\ yet                                    # not yet available / published / known
      | await(?:ing|ed)                             # awaiting data, figures awaited
      | pending
      | to\ (?:follow|come|be\ (?:confirmed|published|provided|reported|announced))
      | no\ (?:new\ |recent\ |current\ |further\ |updated?\ )?(?:data|figures?|update)
      | (?:data|figures?)\ (?:not|un)\ ?(?:yet\ )?(?:available|published|provided|released|received)
      | not\ (?:published|released|received|provided|reported)
      | unpublished | unreleased
      | due\ (?:in|on|by)
    )\b
    """,
    re.VERBOSE,
)


def is_placeholder(text: str) -> bool:
    """Whether ``text`` reads as a figure still to come or not published: 'NYA', 'Not yet
    published', 'No New Data Published', 'Data Not yet available', 'awaiting data', 'TBC'."""
    words = " ".join(re.sub(r"[^\w/]+", " ", text.casefold()).split())
    return bool(_WORDS.search(words))


def accepted() -> str:
    """What a figure cell accepts besides a number, for a message: "or n/a, -, or a note such as
    'not yet available'"."""
    return f"or n/a, -, or a note such as '{EXAMPLES[1]}'"


def placeholder_note(report: Report, cell: Callable[[Observation, str], Location]) -> str | None:
    """The one note for a workbook's placeholders, listing each with its measure, period and
    cell (``cell`` finds an observation's cell in a column); None when there are none."""
    found = [
        (cell(obs, column), measure.id, obs, value.typed)
        for measure in report.measures
        for obs in measure.observations
        for column, value in (("Actual", obs.actual), ("Benchmark", obs.benchmark))
        if isinstance(value, NotAvailable) and value.typed and not value.awaiting
    ]
    listed = [
        f"'{typed}' ({measure_id}, {obs.period.label}{', ' + obs.area if obs.area else ''},"
        f" {_a1(where)})"
        for where, measure_id, obs, typed in sorted(found, key=lambda f: _order(f[0]))
    ]
    if not found:
        return None
    many = len(found) > 1
    return (
        f"{len(found)} figure{'s are notes, not numbers' if many else ' is a note, not a number'}:"
        f" {'; '.join(listed)}. The report prints {'them' if many else 'it'} as typed and"
        f" compares nothing with {'them' if many else 'it'}: type each figure when it is published"
    )


def _a1(where: Location) -> str:
    """A cell as Excel names it: Data!C7."""
    return f"{where.sheet}!{where.cell}"


def _order(where: Location) -> tuple[str, int, str]:
    """A cell's place for sorting: its sheet, its row as a number, its column."""
    digits = re.sub(r"\D", "", where.cell)
    return where.sheet, int(digits) if digits else 0, where.cell
