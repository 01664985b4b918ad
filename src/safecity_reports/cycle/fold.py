"""Folding one return into the partnership's workbook: only what the agency may change, where
it may, each value read as Excel shows it (``figures``).

A figure is matched by its measure, period and area, never by its row. A blank is "not
returned": it never overwrites a value. A value the agency left as the return was made with
(``MADE_WITH``) is not a change, so a stale or re-sent return cannot undo a later figure, and
collecting the same return twice changes nothing. A return signed off as Final confirms the
provisional figures of the agency's that it shows unchanged.
"""

from __future__ import annotations

from typing import Any

from safecity_reports.core.model import Unit
from safecity_reports.cycle.agencies import Partnership
from safecity_reports.cycle.book import (
    Book,
    Record,
    Table,
    comparable,
    find_sheet,
    same,
    settings,
    shown,
    table,
)
from safecity_reports.cycle.figures import NUMBERS, VALUES, read_figure, units
from safecity_reports.cycle.outcome import CollectResult, Revision
from safecity_reports.cycle.returns import MADE_WITH
from safecity_reports.cycle.shape import KEYS, SHEETS, column_problems, sheet_problems
from safecity_reports.cycle.signoff import AgencyReturn
from safecity_reports.errors import Problem
from safecity_reports.reading import schema

_LOCKED = (schema.AGENCIES, schema.PRIORITIES, schema.KEY_ACTIONS, schema.MEASURES)
"""The sheets a return shows but may not change."""
_MAY_ADD = (schema.RANKINGS.name, schema.GROUP_LIMITS.name)
"""Figure sheets where a return may add records (it has open rows for them)."""


def made_with(ret: AgencyReturn) -> dict[tuple[str, ...], Any] | None:
    """The figures of ``ret`` as it was made, by (sheet, *key, column); None for a return
    made before they were recorded."""
    ws = find_sheet(ret.book.wb, MADE_WITH)
    if ws is None:
        return None
    found = {}
    for row in ws.iter_rows(min_row=2, values_only=True):
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        if len(row) >= 3 and row[0] is not None:
            *names, value = row
            found[tuple("" if comparable(n) is None else shown(n) for n in names)] = value
    return found


class Fold:
    """Folds returns into the master workbook, collecting refusals as problems."""

    def __init__(self, master: Book, who: Partnership, result: CollectResult):
        self.book, self.master, self.who, self.result = master, master.wb, who, result
        self.problems: list[Problem] = []
        self.origins: list[dict[str, Any]] = []
        self.units = units(master.wb)
        self.collected_for = who.period
        origins = table(master.wb, schema.ORIGINS)
        self.known = {
            (r.text("Sheet"), r.text("Cell")): r for r in (origins.records() if origins else ())
        }
        """The origins already recorded, by the workbook's (sheet, cell)."""

    def refuse(self, ret: AgencyReturn, sheet: str, cell: str, message: str) -> None:
        self.problems.append(Problem(f"{ret.name}, sheet {sheet}, cell {cell}", message))

    def origin(
        self,
        ret: AgencyReturn,
        target: Table,
        row: int,
        header: str,
        source: Table,
        source_row: int,
        measure: str,
        period: str,
    ) -> None:
        value = target.cell(row, header).value
        self.origins.append(
            {
                "Sheet": target.ws.title,
                "Cell": target.cell(row, header).coordinate,
                "Measure": measure,
                "Period": period,
                "Column": header,
                "Agency": ret.agency,
                "Return": ret.name,
                "SHA-256": ret.book.sha256,
                "Return sheet": source.ws.title,
                "Return cell": source.cell(source_row, header).coordinate,
                "Signed by": ret.sign_off.name,
                "Signed on": ret.sign_off.signed_on,
                "Figures are": ret.sign_off.figures_are or "Provisional",
                "Collected for": self.collected_for,
                "Value": value if isinstance(value, int | float) else shown(value),
            }
        )
        self.result.filled[ret.agency] = self.result.filled.get(ret.agency, 0) + 1

    def fold(self, ret: AgencyReturn) -> None:
        shape = sheet_problems(ret.name, ret.book.wb, ret.details.get(SHEETS, "").split("|"))
        shape = shape or column_problems(ret.name, ret.book.wb, self.master)
        if shape:
            self.problems += shape
            return
        self._settings(ret)
        for spec in _LOCKED:
            self._locked(ret, spec)
        reasons = self._reasons(ret)
        for spec in (schema.DATA, schema.RANKINGS, schema.GROUP_LIMITS):
            self._figures(ret, spec, reasons)
        self._commentary(ret)
        self._key_figures(ret)

    def _settings(self, ret: AgencyReturn) -> None:
        mine = settings(self.master)
        for name, cell in settings(ret.book.wb).items():
            if name in mine and not same(cell.value, mine[name].value):
                self.refuse(
                    ret,
                    cell.parent.title,
                    cell.coordinate,
                    f"{name} was changed from '{shown(mine[name].value)}' to"
                    f" '{shown(cell.value)}'; a return may not change the partnership's settings",
                )

    def _locked(self, ret: AgencyReturn, spec: schema.Sheet) -> None:
        theirs, mine = table(ret.book.wb, spec), table(self.master, spec)
        if theirs is None or mine is None:
            return
        first = spec.columns[0].header
        by_key = {r.text(first): r for r in mine.records()}
        for record in theirs.records():
            original = by_key.get(record.text(first))
            for header in theirs.headers:
                if original is None or not same(
                    record.values.get(header), original.values.get(header)
                ):
                    self.refuse(
                        ret,
                        theirs.ws.title,
                        theirs.cell(record.row, header).coordinate,
                        f"{header} '{shown(record.values.get(header))}' is not as on the"
                        f" partnership's {spec.name} sheet"
                        + (f" ('{shown(original.values.get(header))}')" if original else "")
                        + "; a return may change only its own agency's figures and commentary",
                    )
                    break

    def _reasons(self, ret: AgencyReturn) -> dict[tuple[str, str], str]:
        reasons = table(ret.book.wb, schema.REVISION_REASONS)
        found = {}
        for record in reasons.records() if reasons else ():
            found[(record.text("Measure"), record.text("Period"))] = record.text("Reason")
        return found

    def _not_theirs(self, ret: AgencyReturn, source: Table, record: Record, header: str) -> None:
        value = record.text(header)
        owner = self.who.owner(value)
        self.refuse(
            ret,
            source.ws.title,
            source.cell(record.row, header).coordinate,
            f"{header} {value} is led by {owner or 'no agency'}, not {ret.agency}: a return"
            " may change only its own agency's rows",
        )

    def _unknown_row(
        self, ret: AgencyReturn, source: Table, record: Record, index: dict[tuple, Record]
    ) -> None:
        """Refuse a Data row of the return that is not one of the workbook's."""
        measure, period, area = (record.text(k) for k in KEYS[schema.DATA.name])
        if area and (measure, period, "") in index:
            header, message = (
                "Area",
                f"Area '{area}' is typed for {measure} {period}, but the return is for"
                f" {self.who.name} itself, whose figures have no area: clear the cell",
            )
        else:
            header = "Period"
            message = (
                f"Period '{period}' is not one of measure {measure}'s rows in the partnership's"
                " workbook: a return may fill in its yellow cells, but not change a Measure,"
                " Period or Area nor add a row; type the period back as it was"
            )
        self.refuse(ret, source.ws.title, source.cell(record.row, header).coordinate, message)

    def _figures(
        self, ret: AgencyReturn, spec: schema.Sheet, reasons: dict[tuple[str, str], str]
    ) -> None:
        source, target = table(ret.book.wb, spec), table(self.master, spec, create=True)
        assert target is not None
        if source is None:
            return
        keys = KEYS[spec.name]
        made = made_with(ret)
        index: dict[tuple, Record] = {}
        for r in target.records():
            index.setdefault(tuple(r.text(k) for k in keys), r)
        seen: dict[tuple, Record] = {}
        for record in source.records():
            record_key = tuple(record.text(k) for k in keys)
            measure, period = record_key[0], record_key[1]
            if measure not in ret.measures:
                self._not_theirs(ret, source, record, "Measure")
                continue
            if record_key in seen:
                self.refuse(
                    ret,
                    source.ws.title,
                    source.cell(record.row, "Measure").coordinate,
                    f"{' '.join(k for k in record_key if k)} is on rows {seen[record_key].row}"
                    f" and {record.row}: a return has one row for each figure; delete row"
                    f" {record.row}",
                )
                continue
            seen[record_key] = record
            found = index.get(record_key)
            if found is None and spec.name not in _MAY_ADD:
                self._unknown_row(ret, source, record, index)
                continue
            unit = self.units.get(measure, Unit.NUMBER)
            row = found.row if found else None
            for header in source.headers:
                if header in keys:
                    continue
                cell = source.cell(record.row, header)
                read = read_figure(ret.book, cell, header, unit)
                if read.problem:
                    self.refuse(ret, source.ws.title, cell.coordinate, read.problem)
                    continue
                new = read.value
                if comparable(new) is None:
                    continue  # a blank is not returned: it never overwrites a value
                old = None
                if row is not None and header in target.columns:
                    mine = read_figure(self.book, target.cell(row, header), header, unit)
                    old = target.cell(row, header).value if mine.problem else mine.value
                as_made = None if made is None else made.get((spec.name, *record_key, header))
                if same(old, new) or (made is not None and same(as_made, new)):
                    if row is not None and same(old, new):
                        self._confirm(ret, target, row, header, source, record.row, record_key)
                    continue  # the agency did not change it
                if row is None:
                    row = target.append({k: record.values.get(k) for k in keys})
                if comparable(old) is not None:
                    extra = [record.text(k) for k in keys[2:] if record.text(k)]
                    self.result.revisions.append(
                        Revision(
                            measure,
                            period,
                            header + (f" ({', '.join(extra)})" if extra else ""),
                            shown(old),
                            shown(new),
                            ret.agency,
                            reasons.get((measure, period), ""),
                            ret.name,
                        )
                    )
                target.cell(row, header).value = new
                self.origin(ret, target, row, header, source, record.row, measure, period)

    def _confirm(
        self,
        ret: AgencyReturn,
        target: Table,
        row: int,
        header: str,
        source: Table,
        source_row: int,
        record_key: tuple,
    ) -> None:
        """A provisional figure of the agency's, shown unchanged in a return signed off as
        Final, is final from now on."""
        if header not in VALUES and header not in NUMBERS:
            return
        if not ret.sign_off.signed or ret.sign_off.provisional:
            return
        known = self.known.get((target.ws.title, target.cell(row, header).coordinate))
        if known is None or known.text("Agency") != ret.agency:
            return
        if known.text("Figures are") == "Final":
            return
        self.origin(ret, target, row, header, source, source_row, record_key[0], record_key[1])
        self.result.confirmed.append((ret.agency, record_key[0], record_key[1], header))

    def _commentary(self, ret: AgencyReturn) -> None:
        source, target = (
            table(ret.book.wb, schema.COMMENTARY),
            table(self.master, schema.COMMENTARY),
        )
        if source is None or target is None:
            return
        page, pages = "", {}  # type: tuple[str, dict[str, list[Record]]]
        for record in source.records():
            page = record.text("Page") or page
            if self.who.page_owner(page) != ret.agency:
                self._not_theirs(ret, source, record, "Page")
                continue
            if comparable(record.values.get("Text")) is not None:
                pages.setdefault(page, []).append(record)
        if not pages:
            return
        old = {
            p: [comparable(r.values.get("Text")) for r in target.records() if r.text("Page") == p]
            for p in pages
        }
        if all(old[p] == [comparable(r.values.get("Text")) for r in pages[p]] for p in pages):
            return  # unchanged: collected already
        kept = [r.values for r in target.records() if r.text("Page") not in pages]
        target.rewrite(kept)
        for page_name, records in pages.items():
            for record in records:
                row = target.append({**record.values, "Page": page_name})
                self.origin(ret, target, row, "Text", source, record.row, page_name, "")

    def _key_figures(self, ret: AgencyReturn) -> None:
        source, target = (
            table(ret.book.wb, schema.KEY_FIGURES),
            table(self.master, schema.KEY_FIGURES),
        )
        if source is None or target is None:
            return
        records = []
        for record in source.records():
            if record.text("Action") not in ret.actions:
                self._not_theirs(ret, source, record, "Action")
            else:
                records.append(record)
        if not records:
            return  # a blank is not returned
        old = {(r.text("Action"), r.text("Figure")): r for r in target.records()}
        if [
            (k, [comparable(v) for v in r.values.values()])
            for k, r in old.items()
            if k[0] in ret.actions
        ] == [
            ((r.text("Action"), r.text("Figure")), [comparable(v) for v in r.values.values()])
            for r in records
        ]:
            return  # unchanged
        kept = [r.values for r in target.records() if r.text("Action") not in ret.actions]
        target.rewrite(kept)
        for record in records:
            row = target.append(dict(record.values))
            self.origin(ret, target, row, "Value", source, record.row, record.text("Action"), "")
