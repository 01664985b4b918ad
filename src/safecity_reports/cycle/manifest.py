"""The manifest written beside the documents: what the report was made from, when, by which
version of the tool, with which warnings, and where every printed figure came from."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from safecity_reports.files import replace_atomically

if TYPE_CHECKING:  # imported by an unchanged re-run, which reads no workbook: nothing heavy
    from safecity_reports.core.model import Report
    from safecity_reports.cycle.provenance import Provenance
    from safecity_reports.errors import Problem


def manifest(
    workbook: Path,
    report: Report,
    warnings: Sequence[Problem],
    provenance: Provenance,
    made: datetime,
) -> dict[str, object]:
    """The manifest as JSON-ready data."""
    from safecity_reports.cycle.book import tool_version

    leads = {m.id: a.lead_agency for a in report.actions for m in a.measures}
    figures = []
    for measure in report.measures:
        for o in measure.observations:
            for column, value in (
                ("Actual", o.actual),
                ("Benchmark", o.benchmark),
                ("Profiled target", o.profiled_target),
            ):
                if value is None:
                    continue
                where = (measure.id, o.period.label, column)
                origin = provenance.origins.get(where)
                edited = provenance.edited.get(where)
                row = "".join(ch for ch in o.where.cell if ch.isdigit())
                # a value changed after collect is the coordinator's, not the agency's
                credited = "" if edited else leads.get(measure.id, "")
                figures.append(
                    {
                        "measure": measure.id,
                        "period": o.period.label,
                        "column": column,
                        "value": f"{value:g}" if isinstance(value, float) else str(value),
                        "agency": origin.agency if origin else credited,
                        "file": origin.file if origin else workbook.name,
                        "sha256": origin.sha256 if origin else "",
                        "sheet": origin.sheet if origin else o.where.sheet,
                        "row": int(row) if row else None,
                        "cell": origin.cell if origin else "",
                        "figures_are": origin.figures_are if origin else "",
                        "signed_by": origin.signed_by if origin else "",
                        **(
                            {"changed_by": "coordinator", "collected_from": edited.agency}
                            if edited
                            else {}
                        ),
                    }
                )
    return {
        "workbook": workbook.name,
        "sha256": hashlib.sha256(workbook.read_bytes()).hexdigest(),
        "tool": "safecity-reports",
        "version": tool_version(),
        "made": made.isoformat(timespec="seconds"),
        "period": report.settings.period.label,
        "warnings": [str(w) for w in warnings],
        "revisions": len(report.revisions),
        "figures": figures,
    }


def write_manifest(path: Path, data: Mapping[str, object]) -> None:
    with replace_atomically(path) as tmp:
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
