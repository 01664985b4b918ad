"""One partnership's verdicts counted, for an overview across partnerships (``make-report
batch``): how many changes of each kind, which measures are of concern and why, which figures
are late or awaited. Counted from ``core.verdicts`` (the verdicts the report prints), never
judged again."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when counting: a cached re-run reads a tally without them
    from safecity_reports.core.model import Report
    from safecity_reports.core.verdicts import Change, Verdicts


@dataclass(frozen=True)
class Flagged:
    """A measure the report lists on its Exceptions page, and why."""

    measure: str
    """The measure's id and name as the workbook gives them: ``1a Total crime``."""
    area: str
    """The area the concern is about; '' for the partnership itself."""
    concerns: tuple[str, ...]
    """Each concern in words (``Concern`` values), in the order Exceptions gives them."""


@dataclass(frozen=True)
class Tally:
    """One partnership's report counted."""

    partnership: str
    """The partnership's name."""
    period: str
    """The reporting period's label."""
    measures: int
    """The measures in the report."""
    verdicts: int
    """The verdicts counted (one a measure, or one a measure and area where the partnership has
    figures only by area): what the change counts add up to."""
    changes: tuple[tuple[str, int], ...]
    """(``Change`` value, how many) for each kind of change met, in ``Change``'s order."""
    flagged: tuple[Flagged, ...]
    """The measures with a concern, in report order."""
    late: tuple[str, ...]
    """The measures whose figure is late or missing (a concern of its own, also in
    ``flagged``)."""
    awaited: tuple[tuple[str, int], ...]
    """Each agency whose figures for the period are still to come, with how many."""

    def count(self, change: Change) -> int:
        """How many verdicts say ``change``."""
        return dict(self.changes).get(change.value, 0)

    def as_data(self) -> dict[str, object]:
        """The tally as JSON-ready data (kept with a run in the run cache)."""
        return {
            "partnership": self.partnership,
            "period": self.period,
            "measures": self.measures,
            "verdicts": self.verdicts,
            "changes": [list(c) for c in self.changes],
            "flagged": [[f.measure, f.area, list(f.concerns)] for f in self.flagged],
            "late": list(self.late),
            "awaited": [list(a) for a in self.awaited],
        }


def tally_from_data(data: Mapping[str, object]) -> Tally:
    """The tally ``Tally.as_data`` gave; raises ``KeyError``, ``TypeError`` or ``ValueError``
    for data of another shape."""
    changes, flagged, late, awaited = (
        _listed(data, key) for key in ("changes", "flagged", "late", "awaited")
    )
    return Tally(
        partnership=str(data["partnership"]),
        period=str(data["period"]),
        measures=int(str(data["measures"])),
        verdicts=int(str(data["verdicts"])),
        changes=tuple((str(k), int(n)) for k, n in changes),
        flagged=tuple(Flagged(str(m), str(a), tuple(str(c) for c in cs)) for m, a, cs in flagged),
        late=tuple(str(m) for m in late),
        awaited=tuple((str(a), int(n)) for a, n in awaited),
    )


def _listed(data: Mapping[str, object], key: str) -> list:
    value = data[key]
    if not isinstance(value, list):
        raise TypeError(f"{key} is not a list")
    return value


def tally(report: Report, verdicts: Verdicts) -> Tally:
    """Count ``report``'s verdicts: those its front page counts and its Exceptions page lists."""
    from safecity_reports.core.verdicts import Change, Concern

    late_kinds = {Concern.LATE, Concern.MISSING}
    counted = verdicts.counted()
    met = [v.change for v in counted]
    flagged: list[Flagged] = []
    late: list[str] = []
    for v in counted:
        concerns = v.concerns
        if not concerns:
            continue
        name = f"{v.measure.id} {v.measure.name}"
        flagged.append(Flagged(name, v.area, tuple(c.value for c in concerns)))
        if late_kinds & set(concerns):
            late.append(name if not v.area else f"{name} ({v.area})")
    return Tally(
        partnership=report.settings.partnership,
        period=report.settings.period.label,
        measures=len(report.measures),
        verdicts=len(counted),
        changes=tuple((c.value, met.count(c)) for c in Change if c in met),
        flagged=tuple(flagged),
        late=tuple(late),
        awaited=verdicts.awaited,
    )
