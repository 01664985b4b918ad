"""What the report takes from the cycle's sheets: the revisions since the last report, and which
figures are provisional and where each came from (the ``Origins`` sheet written by collect)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from safecity_reports.core.model import Observation, Report, Revision
from safecity_reports.cycle.book import open_book, table
from safecity_reports.reading import schema

PROVISIONAL_NOTE = "Provisional figure: {agency} may still revise it."


@dataclass(frozen=True)
class Origin:
    """Where a collected value came from."""

    agency: str
    file: str
    sha256: str
    sheet: str
    cell: str
    signed_by: str
    signed_on: str
    figures_are: str


@dataclass(frozen=True)
class Provenance:
    origins: dict[tuple[str, str, str], Origin]
    """By (measure, period, column)."""
    revisions: tuple[tuple[str, Revision], ...]
    """(the period being collected, the revision)."""


NONE = Provenance({}, ())


def _has_cycle_sheets(data: bytes) -> bool:
    names = (schema.ORIGINS.name, schema.REVISIONS.name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            listing = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError):
        return False
    return any(f'name="{n}"' in listing for n in names)


def read_provenance(path: Path) -> Provenance:
    """The Origins and Revisions sheets of the (already validated) workbook at ``path``."""
    if not _has_cycle_sheets(Path(path).read_bytes()):
        return NONE
    wb = open_book(Path(path)).wb
    origins = {}
    if (sheet := table(wb, schema.ORIGINS)) is not None:
        for r in sheet.records():
            origins[(r.text("Measure"), r.text("Period"), r.text("Column"))] = Origin(
                r.text("Agency"),
                r.text("Return"),
                r.text("SHA-256"),
                r.text("Return sheet"),
                r.text("Return cell"),
                r.text("Signed by"),
                r.text("Signed on"),
                r.text("Figures are"),
            )
    revisions = []
    if (sheet := table(wb, schema.REVISIONS)) is not None:
        for r in sheet.records():
            revision = Revision(
                r.text("Measure"),
                r.text("Period"),
                r.text("Column"),
                r.text("Old value"),
                r.text("New value"),
                r.text("Agency"),
                r.text("Revised by"),
                r.text("Revised on"),
                r.text("Reason"),
            )
            revisions.append((r.text("Collected for"), revision))
    return Provenance(origins, tuple(revisions))


def with_provenance(report: Report, provenance: Provenance) -> Report:
    """The report with this period's revisions, and a note on each provisional figure."""
    period = report.settings.period.label

    def mark(measure_id: str, o: Observation) -> Observation:
        origin = provenance.origins.get((measure_id, o.period.label, "Actual"))
        if origin is None or origin.figures_are == "Final":
            return o
        note = PROVISIONAL_NOTE.format(agency=origin.agency)
        return replace(o, note=f"{o.note} {note}".strip())

    priorities = tuple(
        replace(
            p,
            actions=tuple(
                replace(
                    a,
                    measures=tuple(
                        replace(m, observations=tuple(mark(m.id, o) for o in m.observations))
                        for m in a.measures
                    ),
                )
                for a in p.actions
            ),
        )
        for p in report.priorities
    )
    revisions = tuple(r for collected, r in provenance.revisions if collected == period)
    return replace(report, priorities=priorities, revisions=revisions)
