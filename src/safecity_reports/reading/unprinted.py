"""Warnings about group facts the workbook holds but the report does not print yet, so that
none is dropped silently: a second comparison group for the same measure, period and area, and
the ranks of earlier periods (the report gives each area's latest standing in one group).

Pure: a ``Report`` in, (location, message) pairs out, each a warning for ``validate``.
"""

from __future__ import annotations

from collections.abc import Iterator

from safecity_reports.core.groups import latest_ranking, printed_facts
from safecity_reports.core.model import GroupFacts, Location, Report


def _row(facts: GroupFacts) -> tuple[str, int]:
    digits = "".join(ch for ch in facts.where.cell if ch.isdigit())
    return facts.where.sheet, int(digits or 0)


def unprinted_group_facts(report: Report) -> Iterator[tuple[Location, str]]:
    """A warning for each group fact the report leaves out, in measure order."""
    reporting = report.settings.period
    by_series: dict[tuple[str, str], list[GroupFacts]] = {}
    for facts in report.group_facts:
        if facts.period.end <= reporting.end:
            by_series.setdefault((facts.measure_id, facts.area), []).append(facts)
    for (measure_id, area), typed in by_series.items():
        if not area and latest_ranking(report, measure_id, reporting) is not None:
            continue  # the full group is printed; typed facts are checked against it
        chosen = printed_facts(typed)
        who = f" ({area})" if area else ""
        others = sorted(
            {f.group_name or "a group with no name" for f in typed if f.period == chosen.period}
            - {chosen.group_name or "a group with no name"}
        )
        if others:
            first = min(
                (f for f in typed if f.period == chosen.period and f is not chosen),
                key=_row,
            )
            yield (
                first.where,
                f"Measure {measure_id}{who} has group positions for {chosen.period.label} in"
                f" {len(others) + 1} groups, and the report prints one group per measure,"
                f" '{chosen.group_name or 'the one with no name'}': "
                + ", ".join(f"'{o}'" for o in others)
                + " is left out (give its rank in the commentary, or delete its rows)",
            )
        earlier = sorted({f.period for f in typed if f.period != chosen.period})
        if earlier:
            labels = ", ".join(p.label for p in earlier)
            yield (
                min(
                    (f for f in typed if f.period in earlier),
                    key=_row,
                ).where,
                f"Measure {measure_id}{who} has group positions for earlier periods ({labels})"
                f" that the report does not print: it gives the latest, {chosen.period.label},"
                " only; put the history in the commentary, or delete those rows",
            )
