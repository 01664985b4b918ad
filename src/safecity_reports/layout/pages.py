"""Which measures share a page, and in what order the pages come: worked out from the commentary."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from safecity_reports.core.model import KeyAction, Measure, Priority, Report, TextBlock
from safecity_reports.layout.rated_only import summary_only


@dataclass(frozen=True)
class Page:
    """One page of a priority's section: a measure, a group of measures, or a narrative action."""

    label: str
    """How the page is numbered: ``1.3``, ``1.2a-c`` or ``2.1``."""
    action: KeyAction
    """The key action the page reports on (the first one, if a page spans actions)."""
    measures: tuple[Measure, ...]
    """The measures on the page; empty for a narrative-only action."""
    commentary: tuple[TextBlock, ...]
    """The narrative, in workbook order."""

    @property
    def anchor(self) -> str:
        """A bookmark name for links and the outline."""
        return "page-" + re.sub(r"[^0-9A-Za-z]+", "-", self.label).strip("-")


_ID = re.compile(r"^(\d+(?:\.\d+)*)([a-z]*)$")


def page_label(ids: tuple[str, ...]) -> str:
    """``('1.2a', '1.2b', '1.2c')`` -> ``1.2a-c``; ids that do not run on are listed."""
    if len(ids) == 1:
        return ids[0]
    parts = [_ID.match(i) for i in ids]
    if all(parts) and len({p.group(1) for p in parts if p}) == 1:
        letters = [p.group(2) for p in parts if p]
        run = [chr(ord(letters[0]) + n) for n in range(len(letters))] if letters[0] else []
        if len(letters[0]) == 1 and letters == run:
            return f"{ids[0]}-{letters[-1]}"
    return ", ".join(ids)


def plan_pages(report: Report) -> tuple[tuple[Priority, tuple[Page, ...]], ...]:
    """Each priority with its pages, in the order of its actions and measures.

    Measures named together in one commentary entry share a page; a measure with no commentary
    has a page of its own, unless the summary says all it would (``rated_only.summary_only``:
    a rating and nothing more); an action with no measure gets a narrative page.
    """
    by_id = {m.id: m for m in report.measures}
    page_of: dict[str, int] = {}  # measure or narrative-action id -> index into groups
    groups: list[tuple[list[str], list[TextBlock]]] = []
    actions = {a.id: a for a in report.actions}
    for entry in report.commentary:
        ids: list[str] = []
        for item in entry.covers:
            if item in actions and actions[item].measures:
                ids.extend(m.id for m in actions[item].measures)
            else:
                ids.append(item)
        known = [i for i in ids if i in page_of]
        if known:
            groups[page_of[known[0]]][1].extend(entry.blocks)
            continue
        groups.append((ids, list(entry.blocks)))
        for item in ids:
            page_of[item] = len(groups) - 1

    rated_only = {m.id: m for m in report.measures if not m.observations}
    result = []
    for priority in report.priorities:
        pages: list[Page] = []
        done: set[int] = set()
        for action in priority.actions:
            members = [m.id for m in action.measures] or [action.id]
            for item in members:
                index = page_of.get(item)
                if index is None:
                    if item in rated_only and summary_only(rated_only[item], report):
                        continue  # said in full in the summary: no page of one line
                    pages.append(_page(action, [item], [], by_id))
                elif index not in done:
                    done.add(index)
                    ids, blocks = groups[index]
                    pages.append(_page(action, ids, blocks, by_id))
        result.append((priority, tuple(pages)))
    return tuple(result)


def _page(
    action: KeyAction, ids: list[str], blocks: list[TextBlock], by_id: Mapping[str, Measure]
) -> Page:
    """The page of ``ids`` (the report's measures ``by_id``, made once for every page)."""
    measures = tuple(by_id[i] for i in ids if i in by_id)
    return Page(page_label(tuple(ids)), action, measures, tuple(blocks))
