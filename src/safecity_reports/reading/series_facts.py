"""Baseline and Target rows on the Data sheet (its Row is column): each series' own baseline
and target, an area's or the partnership's, read into ``SeriesFacts``; every way of typing one
wrongly is said at its cell."""

from __future__ import annotations

from safecity_reports.core.model import Baseline, Location, Measure, SeriesFacts
from safecity_reports.core.periods import Period
from safecity_reports.reading.cells import BAD
from safecity_reports.reading.sheets import Row

_UNUSED = ("Benchmark", "Note", "Count", "Denominator", "Profiled target")
"""Columns of a row of figures that a Baseline or Target row does not use."""


class SeriesFactsRows:
    """The Baseline and Target rows read so far, by measure and area."""

    def __init__(self) -> None:
        self.given: dict[tuple[str, str], dict[str, tuple[float, Location, Period]]] = {}

    def add(
        self,
        row: Row,
        kind: str,
        measure: Measure | None,
        period: Period | None,
        actual: object,
        area: str,
    ) -> None:
        """One Baseline or Target row (``kind``) of ``measure`` (None: not a measure, already
        reported)."""
        for header in _UNUSED:
            if row.raw(header) not in (None, BAD):
                row.fail(
                    header,
                    f"{header} is not used on a {kind} row (the report prints only its Actual,"
                    f" as the {kind.lower()}): clear the cell, or give it on a row of figures",
                    "warning",
                )
        if actual is not None and not isinstance(actual, int | float):
            row.fail(
                "Actual",
                f"A {kind} row's Actual must be a number: '{actual}' is not; type the"
                f" {kind.lower()}, or delete the row",
            )
        if not row.ok or period is None or measure is None or not isinstance(actual, int | float):
            return
        who = f" for {area}" if area else ""
        given = self.given.setdefault((measure.id, area), {})
        if kind in given:
            row.fail(
                "Row is",
                f"Measure {measure.id} has two {kind} rows{who} (the other at"
                f" {given[kind][1]}); delete one",
            )
            return
        if not area and getattr(measure, kind.lower()) is not None:
            row.fail(
                "Row is",
                f"Measure {measure.id}'s {kind.lower()} is given on the Measures sheet too"
                f" ({measure.where}); give the partnership's {kind.lower()} in one place",
            )
            return
        given[kind] = (float(actual), row.location("Row is"), period)

    def of(self, measure_id: str) -> tuple[SeriesFacts, ...]:
        """Each series' own baseline and target of ``measure_id``, in the order first typed."""
        found = []
        for (mid, area), given in self.given.items():
            if mid != measure_id or not given:
                continue
            baseline, target = given.get("Baseline"), given.get("Target")
            found.append(
                SeriesFacts(
                    area,
                    Baseline(baseline[2], baseline[0]) if baseline else None,
                    target[0] if target else None,
                    target[2] if target else None,
                    next(iter(given.values()))[1],
                )
            )
        return tuple(found)
