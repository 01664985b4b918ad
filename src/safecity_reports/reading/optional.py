"""Columns of the Measures sheet that only some measures need (issue 29): a measure rated only,
with no figures on the Data sheet, may leave Unit blank, as its source gives none; such a blank
becomes an error, naming its cell, once the measure has a figure. Decimals may always be blank:
each figure then prints as typed. A blank
Polarity is an error only where a target to reach needs it: which side of the target is good."""

from __future__ import annotations

from safecity_reports.core.model import Location, TargetKind
from safecity_reports.reading import schema
from safecity_reports.reading.messages import one_of
from safecity_reports.reading.sheets import Row

ACCEPTED = {
    "Unit": f"pick one of {one_of(schema.LISTS['Units'])}, or type your own, such as 'Days'",
}
"""What each column accepts, for the message."""


def figures_need(row: Row, blank: tuple[str, ...], measure_id: str, figure: Location) -> None:
    """Report each of ``blank`` (columns of the measure's ``row``) as an error: the measure has
    a figure, at ``figure``, which cannot be printed without it."""
    for header in blank:
        row.fail(
            header,
            f"{header} is blank, but measure {measure_id} has figures on the Data sheet (the"
            f" first at {figure.sheet}!{figure.cell}): {ACCEPTED[header]}; leave it blank only"
            " for a measure with no figures",
        )


def needs_polarity(row: Row, measure_id: str, kind: TargetKind) -> None:
    """Report a blank Polarity as an error where the measure's target is one to reach: the
    report cannot judge a figure short of or beyond it without knowing which way is good."""
    if kind is not TargetKind.REACH:
        return  # a limit or a change on last year says which way is good itself
    row.fail(
        "Polarity",
        f"Polarity is blank, but measure {measure_id} has a Target to reach, and which side of"
        f" it is good must be known: type one of {one_of(schema.LISTS['Polarities'])}, or a"
        " Target type that says it (Stay below, Stay above, Reduce on last year or Increase on"
        " last year)",
    )
