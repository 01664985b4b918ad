"""What ``collect`` did: the values it folded in, the revisions, the warnings, and what the
merged workbook still lacks."""

from __future__ import annotations

from dataclasses import dataclass, field

from safecity_reports.cycle.signoff import AgencyReturn
from safecity_reports.errors import Problem


@dataclass(frozen=True)
class Revision:
    """A figure of an earlier period that a return changed."""

    measure: str
    period: str
    column: str
    """The column, with the area after it where the sheet has one: 'Value (Leeds)'."""
    old: str
    """The figure before, as text."""
    new: str
    """The figure after, as text."""
    agency: str
    reason: str
    """Why, as the return's Revision reasons sheet says ('' when it does not)."""
    source: str
    """The return's file name."""


@dataclass
class CollectResult:
    """What ``collect`` folded in, and what the merged workbook still lacks."""

    returns: list[AgencyReturn] = field(default_factory=list)
    """The returns collected (not those refused, nor those not returned)."""
    filled: dict[str, int] = field(default_factory=dict)
    """Values filled in, by agency."""
    revisions: list[Revision] = field(default_factory=list)
    confirmed: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(agency, measure, period, column) of provisional figures confirmed as final."""
    not_returned: list[AgencyReturn] = field(default_factory=list)
    """Returns holding nothing (no figure, commentary or sign-off): not collected."""
    warnings: list[Problem] = field(default_factory=list)
    """Returns not signed off, or signed off as provisional; revisions without a reason."""
    still: list[Problem] = field(default_factory=list)
    """What ``check`` says of the merged workbook: the figures still missing, and the rest."""
