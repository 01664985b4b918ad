"""Area pages (Settings' Area pages: Yes): each area its own section, with its summary table
and a page per measure it has figures of, laid out by the same code as the partnership's
pages from the area's series (``core.areas.in_area``) and its verdicts, read, never judged
again.
"""

from __future__ import annotations

from dataclasses import replace

from safecity_reports.core.model import Report
from safecity_reports.core.verdicts import Verdicts
from safecity_reports.layout.areas import area_anchor, area_summary
from safecity_reports.layout.document import Block, Heading, PageBreak
from safecity_reports.layout.measure_page import measure_blocks
from safecity_reports.layout.narrative import short_name
from safecity_reports.layout.units import named


def area_view(verdicts: Verdicts, area: str) -> Verdicts:
    """The area's verdicts held as a partnership's are, so a measure's page reads them as it
    reads the partnership's: no other area, no table by area."""
    own = {mid: v for (mid, a), v in verdicts.by_area.items() if a == area}
    return Verdicts(own, {}, (), False)


def area_sections(
    report: Report, verdicts: Verdicts
) -> tuple[list[tuple[int, str, str]], list[Block]]:
    """The contents entries and blocks of every area's section; none unless Settings ask for
    area pages."""
    if not report.settings.area_pages:
        return [], []
    entries: list[tuple[int, str, str]] = []
    blocks: list[Block] = []
    # the full comparison group (Rankings) is the partnership's own area's, never an area's
    alone = replace(report, rankings=())
    for area in verdicts.areas:
        table = area_summary(report, verdicts, area)
        if table is None:
            continue
        anchor = f"{area_anchor(area)}-pages"
        entries.append((1, f"Area: {area}", anchor))
        blocks += [PageBreak(landscape=True), Heading(1, f"Area: {area}", anchor), table]
        view = area_view(verdicts, area)
        for measure in report.measures:
            verdict = view.own.get(measure.id)
            if verdict is None or not verdict.measure.observations:
                continue
            # its tables and charts name the area, so that one cut out still says whose
            series = replace(verdict.measure, name=f"{area}: {measure.name}")
            blocks.append(PageBreak(landscape=False))
            blocks.append(
                Heading(
                    2,
                    f"{measure.id} {named(measure)}: {area}",
                    f"{anchor}-{measure.id.replace('.', '-')}",
                )
            )
            name = f"{short_name(measure)} in {area}"
            blocks.extend(measure_blocks(series, view, alone, False, True, name))
    return entries, blocks
