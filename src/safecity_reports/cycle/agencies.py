"""Who leads what: each measure and action belongs to the lead agency of its key action.

Read straight from the sheets (not through the report's reader), because a workbook in the
middle of its quarter has blank figures, which the reader rightly calls errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import Cell

from safecity_reports.cycle.book import settings, table
from safecity_reports.errors import UsageError
from safecity_reports.reading import schema
from safecity_reports.reading.cells import key, page_ids
from safecity_reports.reading.messages import did_you_mean, id_sort_key


@dataclass(frozen=True)
class Partnership:
    """A workbook's partnership, period and who leads each action and measure."""

    name: str
    period: str
    """The reporting period's label, as typed on the Settings sheet."""
    agencies: tuple[str, ...]
    """The agencies as the Agencies sheet lists them."""
    action_lead: dict[str, str]
    """Each key action's lead agency (as on the Agencies sheet when it matches one)."""
    measure_action: dict[str, str]
    """Each measure's key action."""
    measure_names: dict[str, str]

    def agency(self, name: str, what: str = "agency") -> str:
        """The agency called ``name`` (any case); raises ``UsageError`` naming near matches."""
        for agency in self.agencies:
            if key(agency) == key(name):
                return agency
        raise UsageError(
            f"{what} '{name}' matches none of the agencies of {self.name}"
            f"{did_you_mean(name, self.agencies, listed=12)}"
        )

    def leads(self) -> list[str]:
        """The agencies that lead at least one action, in the Agencies sheet's order."""
        leading = set(self.action_lead.values())
        return [a for a in self.agencies if a in leading] + sorted(leading - set(self.agencies))

    def actions_of(self, agency: str) -> list[str]:
        return sorted(
            (a for a, lead in self.action_lead.items() if lead == agency), key=id_sort_key
        )

    def measures_of(self, agency: str) -> list[str]:
        actions = set(self.actions_of(agency))
        return sorted((m for m, a in self.measure_action.items() if a in actions), key=id_sort_key)

    def unled(self) -> list[str]:
        """The measures no agency leads (no key action, or one without a lead agency): no
        return asks for their figures."""
        return sorted(
            (m for m, a in self.measure_action.items() if a not in self.action_lead),
            key=id_sort_key,
        )

    def owner(self, record_id: str) -> str:
        """The agency leading a measure or action id; '' if none does."""
        action = self.measure_action.get(record_id, record_id)
        return self.action_lead.get(action, "")

    def page_owner(self, page: str) -> str:
        """The agency leading every id a Commentary page names; '' if none or several do."""
        ids = page_ids(page) or (page,)
        owners = {self.owner(i) for i in ids}
        return owners.pop() if len(owners) == 1 else ""


def _id(value: object) -> str:
    text = "" if value is None else str(value).strip()
    return re.sub(r"\.0$", "", text) if isinstance(value, float) else text


def _setting(cells: dict[str, Cell], name: str) -> str:
    value = cells[name].value if name in cells else None
    return "" if value is None else str(value).strip()


def partnership(wb: Workbook) -> Partnership:
    """Who leads what in ``wb``."""
    cells = settings(wb)
    agencies_table = table(wb, schema.AGENCIES)
    agencies = tuple(r.text("Agency") for r in agencies_table.records()) if agencies_table else ()
    agencies = tuple(a for a in agencies if a)
    by_key = {key(a): a for a in agencies}
    leads: dict[str, str] = {}
    if (actions := table(wb, schema.KEY_ACTIONS)) is not None:
        for record in actions.records():
            lead = record.text("Lead agency")
            if lead:  # an action no agency leads belongs to nobody's return
                leads[_id(record.values.get("Action"))] = by_key.get(key(lead), lead)
    measure_action, names = {}, {}
    if (measures := table(wb, schema.MEASURES)) is not None:
        for record in measures.records():
            measure = _id(record.values.get("Measure"))
            measure_action[measure] = _id(record.values.get("Action"))
            names[measure] = record.text("Name")
    return Partnership(
        name=_setting(cells, "Partnership"),
        period=_setting(cells, "Reporting period"),
        agencies=agencies,
        action_lead=leads,
        measure_action=measure_action,
        measure_names=names,
    )


def slug(agency: str) -> str:
    """A file name for an agency: 'Hampshire Constabulary' gives 'hampshire-constabulary'."""
    return re.sub(r"[^a-z0-9]+", "-", agency.casefold()).strip("-") or "agency"
