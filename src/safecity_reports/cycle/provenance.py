"""What the report takes from the cycle's sheets: the revisions since the last report, and which
figures are provisional and where each came from (the ``Origins`` sheet written by collect)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from safecity_reports.core.model import Observation, Report, Revision
from safecity_reports.cycle.book import (
    Book,
    Record,
    comparable,
    find_sheet,
    open_book,
    same,
    shown,
    table,
)
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
    edited: dict[tuple[str, str, str], Origin] = field(default_factory=dict)
    """By (measure, period, column): values the coordinator changed after collecting them, so
    the figure is the coordinator's, not the agency's (the origin it had, for the record)."""


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
    book = open_book(Path(path))
    wb = book.wb
    origins: dict[tuple[str, str, str], Origin] = {}
    edited: dict[tuple[str, str, str], Origin] = {}
    if (sheet := table(wb, schema.ORIGINS)) is not None:
        for r in sheet.records():
            where = (r.text("Measure"), r.text("Period"), r.text("Column"))
            found = origins if _unchanged(book, r) else edited
            found[where] = Origin(
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
    return Provenance(origins, tuple(revisions), edited)


def _unchanged(book: Book, origin: Record) -> bool:
    """Whether the workbook's cell still holds the value collected into it (True where the
    Origins sheet predates its Value column)."""
    collected = origin.values.get("Value")
    if comparable(collected) is None:
        return True
    ws = find_sheet(book.values, origin.text("Sheet"))
    try:
        now = ws[origin.text("Cell")].value if ws is not None else None
    except ValueError:  # not a cell reference
        return True
    return same(now, collected) or (
        isinstance(now, str) and same(comparable(now), comparable(shown(collected)))
    )


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
