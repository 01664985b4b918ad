"""``make-report status``: what is in and what is not, agency by agency, with a chase message
for each agency whose return is not in, ready to paste into an e-mail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from safecity_reports.cycle.agencies import partnership
from safecity_reports.cycle.book import comparable, file_problem, open_book, table
from safecity_reports.cycle.returns import long_date
from safecity_reports.cycle.signoff import AgencyReturn, read_return
from safecity_reports.errors import Problem, ReportError, UsageError, WorkbookError
from safecity_reports.reading import schema
from safecity_reports.reading.messages import id_sort_key

RETURNED, PROVISIONAL, NOT_SIGNED, LATE, MISSING = (
    "returned",
    "provisional",
    "not signed off",
    "late",
    "missing",
)


@dataclass(frozen=True)
class AgencyStatus:
    """Where one agency's return stands."""

    agency: str
    state: str
    """returned, provisional, not signed off, late or missing."""
    return_file: str
    """The return's file name; '' when none is in."""
    signed: str
    """'Jo Bloggs on 18/01/2017' when signed off."""
    empty: tuple[tuple[str, str], ...]
    """(measure, period) of the figures asked for that are still empty."""

    @property
    def chase(self) -> bool:
        return self.state != RETURNED


@dataclass(frozen=True)
class Status:
    partnership: str
    period: str
    due: date | None
    today: date
    agencies: tuple[AgencyStatus, ...]
    measure_names: dict[str, str]
    unled: tuple[tuple[str, str], ...] = ()
    """(measure, period) still empty in the workbook for measures no agency leads: no return
    asks for them, so the coordinator fills them in."""
    unreadable: tuple[Problem, ...] = ()
    """The files in the folder that are not readable returns for this quarter, each with why;
    the other agencies' returns are reported all the same."""


def _asked(master: object, measures: set[str]) -> list[tuple[str, str]]:
    data = table(master, schema.DATA)  # type: ignore[arg-type]
    if data is None:
        return []
    return [
        (r.text("Measure"), r.text("Period"))
        for r in data.records()
        if r.text("Measure") in measures and comparable(r.values.get("Actual")) is None
    ]


def _filled(ret: AgencyReturn) -> set[tuple[str, str]]:
    data = table(ret.book.wb, schema.DATA)
    if data is None:
        return set()
    return {
        (r.text("Measure"), r.text("Period"))
        for r in data.records()
        if comparable(r.values.get("Actual")) is not None
    }


def quarter_status(
    workbook: Path, folder: Path | None = None, today: date | None = None, due: date | None = None
) -> Status:
    """Where each lead agency's return stands: ``folder`` holds the returns that are in (a
    return still blank and unsigned counts as not in). The due date is ``due``, or the one the
    returns were made with. A file in ``folder`` that is not a readable return for this
    workbook's partnership and period is named in ``Status.unreadable``, and the rest go on."""
    today = today or date.today()
    book = open_book(Path(workbook))
    who = partnership(book.wb)
    returns: dict[str, list[AgencyReturn]] = {}
    problems = []
    if folder is not None:
        folder = Path(folder)
        if not folder.is_dir():
            raise UsageError(f"{folder} is not a folder of returns")
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            if path.name.startswith((".", "~$")):
                continue  # lock files of an open workbook, hidden files
            try:
                ret = read_return(path, who, who.period)
            except ReportError as exc:
                problems.append(file_problem(path, exc))
                continue
            returns.setdefault(ret.agency, []).append(ret)
    if due is None:
        due = next((r.due for rs in returns.values() for r in rs if r.due), None)
    rows = []
    for agency in who.leads():
        asked = _asked(book.wb, set(who.measures_of(agency)))
        found = returns.get(agency, [])
        if len(found) > 1:
            raise WorkbookError(
                f"{', '.join(r.name for r in found)} are all returns for {agency}: keep one"
            )
        given = found[0] if found else None
        filled = _filled(given) if given else set()
        empty = tuple(a for a in asked if a not in filled)
        if given is None or (not given.sign_off.signed and len(empty) == len(asked)):
            state = LATE if due and today > due else MISSING
        elif not given.sign_off.signed:
            state = NOT_SIGNED
        elif given.sign_off.provisional:
            state = PROVISIONAL
        else:
            state = RETURNED
        sign_off = given.sign_off if given else None
        signed = f"{sign_off.name} on {sign_off.signed_on}" if sign_off and sign_off.signed else ""
        rows.append(AgencyStatus(agency, state, given.name if given else "", signed, empty))
    unled = tuple(_asked(book.wb, set(who.unled())))
    return Status(
        who.name, who.period, due, today, tuple(rows), who.measure_names, unled, tuple(problems)
    )


def status_text(status: Status) -> str:
    """The status as plain text: one line per agency, then a chase message per agency."""
    due = f", due {long_date(status.due)}" if status.due else ""
    lines = [
        f"{status.partnership}: returns for {status.period}{due} (as of {long_date(status.today)})",
        "",
    ]
    for problem in status.unreadable:
        lines.append(f"Error: {problem}")
    for row in status.agencies:
        detail = [row.state]
        if row.return_file:
            detail.append(f"in {row.return_file}")
        if row.signed:
            detail.append(f"signed off by {row.signed}")
        if row.empty:
            ids = ", ".join(m for m, _ in sorted(row.empty, key=lambda e: id_sort_key(e[0])))
            detail.append(f"still empty: {ids}")
        lines.append(f"{row.agency}: {'; '.join(detail)}")
    if status.unled:
        ids = ", ".join(m for m, _ in sorted(status.unled, key=lambda e: id_sort_key(e[0])))
        lines.append(f"No lead agency (yours to fill in): still empty: {ids}")
    for row in status.agencies:
        if row.chase:
            lines += ["", *chase_message(status, row)]
    return "\n".join(lines)


def chase_message(status: Status, row: AgencyStatus) -> list[str]:
    """A short e-mail to an agency whose return is not in, or not complete."""
    when = f" was due on {long_date(status.due)}" if status.due else " is due"
    ask = {
        LATE: f"Your {status.period} return{when} and has not reached us yet.",
        MISSING: f"Your {status.period} return{when}; we have not received it yet.",
        NOT_SIGNED: f"Thank you for your {status.period} return. It has not been signed off:"
        " please fill in the sign-off on its Return sheet.",
        PROVISIONAL: f"Thank you for your {status.period} return. Its figures are signed off"
        " as provisional: please send the final figures when you have them.",
    }[row.state]
    lines = [f"To: {row.agency}", f"Subject: {status.partnership}: {status.period} return", ""]
    lines += ["Hello,", "", ask]
    if row.empty:
        lines += ["", "The figures we still need are:"]
        lines += [f"- {m} {status.measure_names.get(m, '')} ({p})" for m, p in row.empty]
    fill = "fill them in" if row.empty else "fill in the commentary on your actions"
    lines += ["", f"Please {fill} on the return we sent, sign it off and send it back."]
    lines += ["", "Thank you."]
    return lines
