"""The wording shared by every message about the workbook: near matches, lists of choices, ids."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable


def did_you_mean(value: str, choices: Iterable[str], listed: int = 8) -> str:
    """A hint naming the closest choice, or listing the choices when there are few, or ''.

    An id such as ``1.1`` that Excel made from ``1.10`` is matched to ``1.10`` first.
    """
    choices = list(dict.fromkeys(choices))
    if value + "0" in choices and re.fullmatch(r"\d+\.\d", value):
        return (
            f" (did you mean '{value}0'? Excel drops the last 0 of a number: format the cell as"
            " Text and type it again)"
        )
    folded = {c.casefold(): c for c in choices}
    close = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.6)
    if close:
        return f" (did you mean '{folded[close[0]]}'?)"
    if 0 < len(choices) <= listed:
        return f" (it lists {', '.join(choices)})"
    if not choices:
        return " (it lists none)"
    return ""


def one_of(choices: Iterable[str]) -> str:
    """'A, B or C' for a message saying what is accepted."""
    items = list(choices)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def not_listed(what: str, value: str, sheet: str, known: Iterable[str]) -> str:
    """The message for an id that the sheet defining such ids does not have."""
    return f"{what} '{value}' is not on the {sheet} sheet{did_you_mean(value, known)}"


def unknown_agency(value: str, agencies: Iterable[str]) -> str:
    """The message for a Lead agency the Agencies sheet does not have: what it lists, and that
    the cell may be left blank."""
    agencies = list(dict.fromkeys(agencies))
    folded = {a.casefold(): a for a in agencies}
    close = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.6)
    hint = f" (did you mean '{folded[close[0]]}'?)" if close else ""
    listed = f"type one of {one_of(agencies)}" if agencies else "add the agency to it"
    return (
        f"Lead agency '{value}' is not on the Agencies sheet{hint}: {listed}, or leave it blank"
        " if the report names no lead agency"
    )


def id_sort_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort ids the way people number them: 1.2 before 1.10, 1.2a before 1.2b."""
    return tuple(
        (0, int(p)) if p.isdigit() else (1, p.casefold()) for p in re.findall(r"\d+|\D+", text)
    )
