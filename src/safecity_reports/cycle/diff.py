"""``make-report diff``: what changed between two workbooks, figure by figure and text by text.

Records are matched by what names them (a figure by measure and period, a measure by its id,
commentary by its page), not by row, so sorting or inserting rows is not a change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safecity_reports.cycle.book import comparable, open_book, settings, shown, table
from safecity_reports.reading import schema

_KEYS = {
    schema.DATA.name: ("Measure", "Period"),
    schema.RANKINGS.name: ("Measure", "Period", "Area"),
    schema.GROUP_LIMITS.name: ("Measure", "Period"),
    schema.KEY_FIGURES.name: ("Action", "Figure"),
}


@dataclass(frozen=True)
class Change:
    """One value that differs."""

    sheet: str
    record: str
    """What names the record: '1.2a 2016/17 Q2', a setting's name, a commentary page."""
    column: str
    old: str
    new: str

    @property
    def kind(self) -> str:
        if self.old == "(blank)":
            return "added"
        return "removed" if self.new == "(blank)" else "changed"

    def as_dict(self) -> dict[str, str]:
        return {
            "sheet": self.sheet,
            "record": self.record,
            "column": self.column,
            "old": self.old,
            "new": self.new,
            "kind": self.kind,
        }


def _records(wb: Any, spec: schema.Sheet) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    sheet = table(wb, spec)
    if sheet is None:
        return found
    if spec is schema.COMMENTARY or spec is schema.COMMENTARY_ARCHIVE:
        page = ""
        for record in sheet.records():
            page = record.text("Page") or page
            name = f"{record.text('Period')} {page}".strip()
            entry = found.setdefault(name, {"Text": ""})
            entry["Text"] = "\n".join(t for t in (entry["Text"], record.text("Text")) if t)
        return found
    keys = _KEYS.get(spec.name, (spec.columns[0].header,))
    for record in sheet.records():
        name = " ".join(record.text(k) for k in keys)
        found[name] = {h: comparable(v) for h, v in record.values.items() if h not in keys}
    return found


def diff_workbooks(old: Path, new: Path) -> list[Change]:
    """Every value that differs between the workbooks ``old`` and ``new``."""
    before, after = open_book(Path(old)).wb, open_book(Path(new)).wb
    changes = []
    old_settings, new_settings = settings(before), settings(after)
    for name, _, _ in schema.SETTING_ROWS:
        a = old_settings[name].value if name in old_settings else None
        b = new_settings[name].value if name in new_settings else None
        if comparable(a) != comparable(b):
            changes.append(Change(schema.SETTINGS, name, "Value", shown(a), shown(b)))
    for spec in (*schema.DATA_SHEETS, schema.COMMENTARY_ARCHIVE):
        a_records, b_records = _records(before, spec), _records(after, spec)
        for name in [*a_records, *(n for n in b_records if n not in a_records)]:
            a, b = a_records.get(name, {}), b_records.get(name, {})
            for column in [*a, *(c for c in b if c not in a)]:
                if comparable(a.get(column)) != comparable(b.get(column)):
                    changes.append(
                        Change(spec.name, name, column, shown(a.get(column)), shown(b.get(column)))
                    )
    return changes


def diff_text(changes: list[Change], old: str, new: str) -> str:
    """The changes as lines a coordinator can read."""
    if not changes:
        return f"{old} and {new} hold the same figures and text"
    lines = [f"{len(changes)} change(s) from {old} to {new}:"]
    for c in changes:
        if c.column == "Text":
            lines.append(f"{c.sheet} {c.record}: text {c.kind}")
            lines += [f"  - {line}" for line in c.old.splitlines() if c.old != "(blank)"]
            lines += [f"  + {line}" for line in c.new.splitlines() if c.new != "(blank)"]
        else:
            lines.append(f"{c.sheet} {c.record} {c.column}: {c.old} -> {c.new}")
    return "\n".join(lines)
