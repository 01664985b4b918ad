"""Reading a return: which partnership, period and agency it is for, and its sign-off."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from safecity_reports.cycle.agencies import Partnership
from safecity_reports.cycle.book import Book, comparable, find_sheet, key_values, open_book, shown
from safecity_reports.cycle.returns import COVER, DETAILS, MADE_BY, SIGN_OFF
from safecity_reports.errors import WorkbookError
from safecity_reports.reading import schema
from safecity_reports.reading.cells import key


@dataclass(frozen=True)
class SignOff:
    """A return's sign-off block, as filled in."""

    name: str = ""
    role: str = ""
    signed_on: str = ""
    """The date as the return gives it, in the form 18 Jan 2017 when it is a date."""
    figures_are: str = ""
    """'Provisional', 'Final', or '' when not said."""
    quality: dict[str, str] = field(default_factory=dict)
    """The data-quality note by dimension (Accuracy ...), where given."""

    @property
    def signed(self) -> bool:
        return bool(self.name and self.signed_on)

    @property
    def provisional(self) -> bool:
        return self.figures_are != "Final"


@dataclass(frozen=True)
class AgencyReturn:
    """A return as read back."""

    book: Book
    agency: str
    details: dict[str, str]
    sign_off: SignOff
    measures: frozenset[str]
    actions: frozenset[str]

    @property
    def name(self) -> str:
        return self.book.name

    @property
    def due(self) -> date | None:
        text = self.details.get("Due", "")
        return date.fromisoformat(text) if text else None


def read_details(book: Book) -> dict[str, str]:
    """The details sheet of a return; raises ``WorkbookError`` for a workbook that is not one."""
    ws = find_sheet(book.wb, DETAILS)
    if ws is None or comparable(ws["A1"].value) != MADE_BY:
        raise WorkbookError(
            f"{book.name} is not a return made by 'make-report returns' (it has no"
            f" '{DETAILS}' sheet): send the agency the return made for it, and collect that"
        )
    return {
        name: shown(cell.value) if cell.value is not None else ""
        for name, cell in key_values(book.wb, DETAILS)
        if name != MADE_BY
    }


def read_sign_off(book: Book) -> SignOff:
    values: dict[str, str] = {}
    wanted = {key(label): label for label in (*SIGN_OFF, *schema.DATA_QUALITY)}
    for label, cell in key_values(book.wb, COVER):
        name = wanted.get(key(label))
        if name and name not in values and cell.value is not None:
            value = cell.value
            if isinstance(value, datetime):
                value = value.date()
            values[name] = shown(value) if comparable(value) is not None else ""
    figures = next(
        (f for f in schema.FIGURES_ARE if key(f) == key(values.get("Figures are", ""))), ""
    )
    return SignOff(
        name=values.get("Name", ""),
        role=values.get("Role", ""),
        signed_on=values.get("Date", ""),
        figures_are=figures,
        quality={q: values[q] for q in schema.DATA_QUALITY if values.get(q)},
    )


def read_return(path: Path, who: Partnership, collecting: str) -> AgencyReturn:
    """Read the return at ``path`` for ``who``'s period ``collecting``.

    Raises ``WorkbookError`` for a file that is not a return, a return for another partnership
    or period, and ``UsageError`` for one whose agency is not one of the partnership's.
    """
    return return_of(open_book(Path(path)), who, collecting)


def return_of(book: Book, who: Partnership, collecting: str) -> AgencyReturn:
    """The return ``book`` is, for ``who``'s period ``collecting``; raises as ``read_return``."""
    details = read_details(book)
    if key(details.get("Partnership", "")) != key(who.name):
        raise WorkbookError(
            f"{book.name} is a return for {details.get('Partnership') or 'no partnership'},"
            f" not for {who.name}: it belongs to another workbook"
        )
    if key(details.get("Period", "")) != key(collecting):
        raise WorkbookError(
            f"{book.name} is a return for {details.get('Period') or 'no period'}, but the"
            f" workbook is collecting {collecting}: send the agency this period's return"
        )
    agency = who.agency(details.get("Agency", ""), f"{book.name}: the agency")
    return AgencyReturn(
        book,
        agency,
        details,
        read_sign_off(book),
        frozenset(who.measures_of(agency)),
        frozenset(who.actions_of(agency)),
    )
