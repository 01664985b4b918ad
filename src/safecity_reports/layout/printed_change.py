"""A source's own printed change, printed as typed beside the change the report works out
(the agreement of the two is ``core.printed_change``'s judgement)."""

from __future__ import annotations

from safecity_reports.core.formatting import format_number
from safecity_reports.core.printed_change import check_printed
from safecity_reports.core.status import MeasureStatus
from safecity_reports.layout.document import Span, Spans


def printed_spans(status: MeasureStatus) -> Spans:
    """' (source: -4%)' after a change cell where the current figure has a printed change."""
    current = status.current
    if current is None or not current.printed_change:
        return ()
    return (Span(f" (source: {current.printed_change})"),)


def printed_sentence(status: MeasureStatus) -> str:
    """'The source prints the change as -4%.', and where the figures give another change,
    'its own figures give -6.8%.'"""
    current = status.current
    if current is None or not current.printed_change:
        return ""
    typed = current.printed_change
    if status.previous is None:
        return f"The source prints a change of {typed} for {current.period}."
    found = check_printed(status.measure, status.previous, current)
    sentence = f"The source prints the change as {typed}"
    if found is None or found.agrees:
        return sentence + "."
    sign = "+" if found.computed > 0 else ""
    given = (
        f"{sign}{format_number(found.computed, 1)}%"
        if found.percent
        else f"{sign}{format_number(found.computed, status.measure.decimals)}"
    )
    return f"{sentence}, but its own figures give {given}."


def printed_note(status: MeasureStatus) -> str:
    """What a table's notes say of a printed change beyond '(source: -4%)' beside the change:
    the sentence where the figures give another change, or where the report compares
    nothing; '' otherwise."""
    current = status.current
    if current is None or not current.printed_change:
        return ""
    if status.previous is not None:
        found = check_printed(status.measure, status.previous, current)
        if found is None or found.agrees:
            return ""
    return printed_sentence(status)
