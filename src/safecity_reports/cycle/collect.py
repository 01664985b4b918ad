"""``make-report collect``: fold the agencies' returns back into the partnership's workbook.

Never silently. A file that is not a return, or is a return for another partnership or period,
is refused; two returns for one agency's measures are an error; a return that changes anything
outside its agency's rows, or changed its shape, is refused with the cells named (``fold``,
``shape``). Each value is read as Excel shows it (``figures``); a blank is not returned, and a
return left blank and unsigned is reported as not returned. A changed figure of an earlier
period is a revision: kept, with the old value, the new, who signed it off and when, and the
reason the return gives on its Revision reasons sheet. Every collected value records where it
came from on the ``Origins`` sheet: the return's file name and SHA-256, its sheet and cell, the
signer, the date and the value collected. Nothing is written unless every return can be folded,
and collecting a return again adds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from safecity_reports.cycle.agencies import Partnership, partnership
from safecity_reports.cycle.book import Book, Table, file_problem, open_book, save_book, table
from safecity_reports.cycle.fold import Fold
from safecity_reports.cycle.outcome import CollectResult
from safecity_reports.cycle.signoff import AgencyReturn, read_return
from safecity_reports.errors import Problem, ReportError, UsageError, ValidationFailed
from safecity_reports.reading import schema
from safecity_reports.reading.load import load_report


def collect(
    workbook: Path, returns: Sequence[Path], output: Path, force: bool = False
) -> CollectResult:
    """Fold ``returns`` into ``workbook`` and write the merged workbook to ``output``.

    Raises ``ValidationFailed`` listing every refusal (nothing is written then), ``UsageError``
    for no returns, an ``output`` that would overwrite an input, or one that exists already
    (unless ``force``).
    """
    workbook, output = Path(workbook), Path(output)
    if not returns:
        raise UsageError("no returns given: name the returns to collect, e.g. returns/*.xlsx")
    for path in [workbook, *returns]:
        if output.exists() and output.resolve() == Path(path).resolve():
            raise UsageError(f"writing {output} would overwrite {path}; name a new file")
    if output.exists() and not force:
        raise UsageError(
            f"{output} already exists; name a new file, or use --force to overwrite it"
        )
    book = open_book(workbook)
    who = partnership(book.wb)
    problems: list[Problem] = []
    read: list[AgencyReturn] = []
    for path in returns:
        try:
            read.append(read_return(Path(path), who, who.period))
        except ReportError as exc:
            problems.append(file_problem(Path(path), exc))
    result, refused = fold_returns(book, who, read)
    problems += refused
    if problems:
        raise ValidationFailed(problems)
    save_book(book.wb, output)
    try:
        _, result.still = load_report(output)
    except ValidationFailed as exc:
        result.still = exc.problems
    return result


def fold_returns(
    book: Book, who: Partnership, read: Sequence[AgencyReturn]
) -> tuple[CollectResult, list[Problem]]:
    """Fold the returns ``read`` into the workbook ``book`` (in memory), in order: what was
    collected, and every refusal. Only when there is none are the Origins, Revisions and
    Sign-offs sheets written; otherwise ``book`` is to be thrown away."""
    result = CollectResult()
    problems: list[Problem] = []
    by_agency: dict[str, list[AgencyReturn]] = {}
    for ret in read:
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
    fold = Fold(book, who, result)
    for ret in read:
        if len(by_agency[ret.agency]) == 1:
            _fold_one(fold, ret, result)
    problems += fold.problems
    if not problems:
        _record(book.wb, fold, result, who)
    return result, problems


def _fold_one(fold: Fold, ret: AgencyReturn, result: CollectResult) -> None:
    """Fold one return; a return that holds nothing and is not signed off is not returned."""
    before = (len(fold.origins), len(result.revisions), len(fold.problems))
    fold.fold(ret)
    after = (len(fold.origins), len(result.revisions), len(fold.problems))
    if after == before and not ret.sign_off.signed:
        result.not_returned.append(ret)
        result.warnings.append(
            Problem(
                ret.name,
                f"not returned: {ret.agency}'s return has no new figure or commentary and is"
                " not signed off, so nothing was collected from it",
            )
        )
        return
    result.returns.append(ret)
    for revision in result.revisions[before[1] :]:
        if not revision.reason:
            result.warnings.append(
                Problem(
                    ret.name,
                    f"{ret.agency} revised {revision.measure} {revision.period}"
                    f" {revision.column} ({revision.old} -> {revision.new}) without a reason on"
                    " its Revision reasons sheet: ask them why, for the report's annex",
                )
            )
    if not ret.sign_off.signed:
        result.warnings.append(
            Problem(
                ret.name,
                f"{ret.agency} has not signed the return off: its figures are kept as provisional",
            )
        )
    elif ret.sign_off.provisional:
        result.warnings.append(
            Problem(ret.name, f"{ret.agency} signed its figures off as provisional")
        )


def _upsert(sheet: Table, rows: list[dict[str, Any]], names: tuple[str, ...]) -> None:
    """Write ``rows`` to ``sheet``, each replacing the record with the same ``names`` values
    (so collecting a return again leaves one record, not two)."""
    new = {tuple(str(values.get(n, "")) for n in names) for values in rows}
    kept = [r.values for r in sheet.records() if tuple(r.text(n) for n in names) not in new]
    if len(kept) < len(sheet.records()):
        sheet.rewrite(kept)
    for values in rows:
        sheet.append(values)


def _record(wb: Any, fold: Fold, result: CollectResult, who: Partnership) -> None:
    """Write the Origins, Revisions and Sign-offs sheets."""
    origins = table(wb, schema.ORIGINS, create=True)
    assert origins is not None
    _upsert(origins, fold.origins, ("Sheet", "Cell"))
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
    rows = []
    for ret in result.returns:
        s = ret.sign_off
        rows.append(
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
    _upsert(sign_offs, rows, ("Agency", "Period"))
