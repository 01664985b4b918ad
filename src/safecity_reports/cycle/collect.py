"""``make-report collect``: fold the agencies' returns back into the partnership's workbook.

Never silently. A file that is not a return, or is a return for another partnership or period,
is refused; two returns for one agency's measures are an error; a return that changes anything
outside its agency's rows is refused with the cells named. A changed figure of an earlier
period is a revision: kept, with the old value, the new, who signed it off and when, and the
reason the return gives on its Revision reasons sheet. Every collected value records where it
came from on the ``Origins`` sheet: the return's file name and SHA-256, its sheet and cell, the
signer and the date. Nothing is written unless every return can be folded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safecity_reports.cycle.agencies import Partnership, partnership
from safecity_reports.cycle.book import (
    Record,
    Table,
    comparable,
    file_problem,
    open_book,
    same,
    save_book,
    settings,
    shown,
    table,
)
from safecity_reports.cycle.signoff import AgencyReturn, read_return
from safecity_reports.errors import Problem, ReportError, UsageError, ValidationFailed
from safecity_reports.reading import schema
from safecity_reports.reading.load import load_report

_KEYS = {
    schema.DATA.name: ("Measure", "Period"),
    schema.RANKINGS.name: ("Measure", "Period", "Area"),
    schema.GROUP_LIMITS.name: ("Measure", "Period"),
}
"""The figure sheets, and the columns that together name one record of each."""
_LOCKED = (schema.AGENCIES, schema.PRIORITIES, schema.KEY_ACTIONS, schema.MEASURES)
"""The sheets a return shows but may not change."""


@dataclass(frozen=True)
class Revision:
    """A figure of an earlier period that a return changed."""

    measure: str
    period: str
    column: str
    old: str
    new: str
    agency: str
    reason: str
    source: str


@dataclass
class CollectResult:
    """What ``collect`` folded in, and what the merged workbook still lacks."""

    returns: list[AgencyReturn] = field(default_factory=list)
    filled: dict[str, int] = field(default_factory=dict)
    """Values filled in, by agency."""
    revisions: list[Revision] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    """Returns not signed off, or signed off as provisional."""
    still: list[Problem] = field(default_factory=list)
    """What ``check`` says of the merged workbook: the figures still missing, and the rest."""


class _Fold:
    """Folds returns into the master workbook, collecting refusals as problems."""

    def __init__(self, master: Any, who: Partnership, result: CollectResult):
        self.master, self.who, self.result = master, who, result
        self.problems: list[Problem] = []
        self.origins: list[dict[str, Any]] = []
        table_ = table(master, schema.ORIGINS, create=False)
        self.collected_for = who.period
        del table_

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
            }
        )
        self.result.filled[ret.agency] = self.result.filled.get(ret.agency, 0) + 1

    def fold(self, ret: AgencyReturn) -> None:
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

    def _figures(
        self, ret: AgencyReturn, spec: schema.Sheet, reasons: dict[tuple[str, str], str]
    ) -> None:
        source, target = table(ret.book.wb, spec), table(self.master, spec, create=True)
        assert target is not None
        if source is None:
            return
        keys = _KEYS[spec.name]
        index = {tuple(r.text(k) for k in keys): r for r in target.records()}
        for record in source.records():
            measure, period = record.text("Measure"), record.text("Period")
            if measure not in ret.measures:
                self._not_theirs(ret, source, record, "Measure")
                continue
            found = index.get(tuple(record.text(k) for k in keys))
            row = found.row if found else target.append({k: record.values[k] for k in keys})
            for header in source.headers:
                if header in keys:
                    continue
                new = record.values.get(header)
                old = found.values.get(header) if found else None
                if same(old, new):
                    continue
                if comparable(old) is not None:
                    extra = [record.text(k) for k in keys[2:]]
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

    def _commentary(self, ret: AgencyReturn) -> None:
        source, target = (
            table(ret.book.wb, schema.COMMENTARY),
            table(self.master, schema.COMMENTARY),
        )
        if source is None or target is None:
            return
        page = ""
        pages: dict[str, list[Record]] = {}
        for record in source.records():
            page = record.text("Page") or page
            if self.who.page_owner(page) != ret.agency:
                self._not_theirs(ret, source, record, "Page")
                continue
            if comparable(record.values.get("Text")) is not None:
                pages.setdefault(page, []).append(record)
        if not pages:
            return
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


def collect(workbook: Path, returns: Sequence[Path], output: Path) -> CollectResult:
    """Fold ``returns`` into ``workbook`` and write the merged workbook to ``output``.

    Raises ``ValidationFailed`` listing every refusal (nothing is written then), ``UsageError``
    for no returns, or an ``output`` that would overwrite an input.
    """
    workbook, output = Path(workbook), Path(output)
    if not returns:
        raise UsageError("no returns given: name the returns to collect, e.g. returns/*.xlsx")
    for path in [workbook, *returns]:
        if output.exists() and output.resolve() == Path(path).resolve():
            raise UsageError(f"writing {output} would overwrite {path}; name a new file")
    book = open_book(workbook)
    who = partnership(book.wb)
    result = CollectResult()
    problems: list[Problem] = []
    for path in returns:
        try:
            result.returns.append(read_return(Path(path), who, who.period))
        except ReportError as exc:
            problems.append(file_problem(Path(path), exc))
    by_agency: dict[str, list[AgencyReturn]] = {}
    for ret in result.returns:
        by_agency.setdefault(ret.agency, []).append(ret)
    for agency, rets in by_agency.items():
        if len(rets) > 1:
            problems.append(
                Problem(
                    ", ".join(r.name for r in rets),
                    f"{len(rets)} returns for {agency} (measures"
                    f" {', '.join(sorted(rets[0].measures)) or 'none'}): keep the one to collect"
                    " and take the others out of the list",
                )
            )
    fold = _Fold(book.wb, who, result)
    for ret in result.returns:
        if len(by_agency[ret.agency]) == 1:
            fold.fold(ret)
            if not ret.sign_off.signed:
                result.warnings.append(
                    Problem(
                        ret.name,
                        f"{ret.agency} has not signed the"
                        " return off: its figures are kept as provisional",
                    )
                )
            elif ret.sign_off.provisional:
                result.warnings.append(
                    Problem(ret.name, f"{ret.agency} signed its figures off as provisional")
                )
    problems += fold.problems
    if problems:
        raise ValidationFailed(problems)
    _record(book.wb, fold, result, who)
    save_book(book.wb, output)
    try:
        _, result.still = load_report(output)
    except ValidationFailed as exc:
        result.still = exc.problems
    return result


def _record(wb: Any, fold: _Fold, result: CollectResult, who: Partnership) -> None:
    """Write the Origins, Revisions and Sign-offs sheets."""
    origins = table(wb, schema.ORIGINS, create=True)
    assert origins is not None
    for values in fold.origins:
        origins.append(values)
    revisions = table(wb, schema.REVISIONS, create=True)
    assert revisions is not None
    signers = {r.agency: r.sign_off for r in result.returns}
    for revision in result.revisions:
        sign_off = signers[revision.agency]
        revisions.append(
            {
                "Measure": revision.measure,
                "Period": revision.period,
                "Column": revision.column,
                "Old value": revision.old,
                "New value": revision.new,
                "Agency": revision.agency,
                "Revised by": sign_off.name,
                "Revised on": sign_off.signed_on,
                "Reason": revision.reason,
                "Return": revision.source,
                "Collected for": who.period,
            }
        )
    sign_offs = table(wb, schema.SIGN_OFFS, create=True)
    assert sign_offs is not None
    for ret in result.returns:
        s = ret.sign_off
        sign_offs.append(
            {
                "Agency": ret.agency,
                "Period": who.period,
                "Name": s.name,
                "Role": s.role,
                "Date": s.signed_on,
                "Figures are": s.figures_are,
                **s.quality,
                "Return": ret.name,
                "SHA-256": ret.book.sha256,
            }
        )
