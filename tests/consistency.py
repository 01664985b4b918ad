"""The report agrees with itself (issue 21): read from the laid-out ``Document`` alone, the front
page's counts, the summary's Travel, the Exceptions page and each measure's page state the same
verdicts. ``problems(report)`` lists every disagreement; an empty list is a consistent report.

The test's own table (``FRONT_WORDS``, ``TRAVEL``) says what each verdict must read as: it is
written here again on purpose, so that a change to the layout's words that breaks the
agreement fails.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from safecity_reports.core.model import Report
from safecity_reports.core.verdicts import Change, Concern, Improvement, Verdict, Verdicts, judge
from safecity_reports.layout.document import (
    Block,
    BulletList,
    ChartKind,
    Document,
    FigureBlock,
    Heading,
    KeepTogether,
    Paragraph,
    Table,
)
from safecity_reports.layout.report import build_document

FRONT_WORDS = {
    Change.BETTER: ("Better (significant)",),
    Change.WORSE: ("Worse (significant)",),
    Change.NOT_SIGNIFICANT: ("No significant change",),
    Change.BETTER_UNTESTED: ("Better (not tested)", "Better"),
    Change.WORSE_UNTESTED: ("Worse (not tested)", "Worse"),
    Change.LITTLE_CHANGE: ("Little or no change",),
    Change.NO_CHANGE: ("No change", "Little or no change"),
    Change.NOT_JUDGED: ("Not judged",),
    Change.NO_COMPARISON: ("Not judged",),
    Change.AWAITING: ("Awaited",),
}
"""The front-page column each verdict of the direction of travel is counted under."""

TRAVEL = {
    Change.BETTER: r"^. (up|down), better \(significant\)$",
    Change.WORSE: r"^. (up|down), worse \(significant\)$",
    Change.NOT_SIGNIFICANT: r"^. (up|down), no significant change$",
    Change.BETTER_UNTESTED: r"^. (up|down), better( \(not tested\))?$",
    Change.WORSE_UNTESTED: r"^. (up|down), worse( \(not tested\))?$",
    Change.LITTLE_CHANGE: r"^. (up|down), little change$",
    Change.NO_CHANGE: r"^. no change$",
    Change.NOT_JUDGED: r"^. (up|down)$",
    Change.NO_COMPARISON: r"^(\[x\]|.+ \(as rated\))$",
}
"""What the summary's Travel says for each verdict (the arrow, then the words)."""

PAGE = {
    Change.BETTER: "which is better",
    Change.WORSE: "which is worse",
    Change.NOT_SIGNIFICANT: "no significant change",
    Change.BETTER_UNTESTED: "which is better",
    Change.WORSE_UNTESTED: "which is worse",
    Change.LITTLE_CHANGE: "little change",
    Change.NO_CHANGE: "Unchanged at",
}
"""What the measure's page says of the same comparison."""

REASONS = {
    "significantly worse": Concern.SIGNIFICANTLY_WORSE,
    "a special cause of concern": Concern.SPECIAL_CAUSE_CONCERN,
    "its SPC chart shows its target will be consistently missed": (
        Concern.TARGET_CONSISTENTLY_MISSED
    ),
    "missed its target": Concern.TARGET_MISSED,
    "off track for its target": Concern.TARGET_OFF_TRACK,
    "already above the whole year's target": Concern.ABOVE_YEAR_TARGET,
    "rated Red": Concern.RED,
    "rated Amber": Concern.AMBER,
    "outside its comparison group's range, on the worse side": Concern.WORSE_THAN_GROUP,
    "worse than its baseline": Concern.WORSE_THAN_BASELINE,
    "late: no figure for": Concern.LATE,
    "no figure for": Concern.MISSING,
    "the figure for": Concern.IMPLAUSIBLE,
    "significantly better": Improvement.SIGNIFICANTLY_BETTER,
    "a special cause of improvement": Improvement.SPECIAL_CAUSE_IMPROVEMENT,
    "outside its comparison group's range, on the better side": Improvement.BETTER_THAN_GROUP,
    "better than its baseline": Improvement.BETTER_THAN_BASELINE,
}
"""The words that open each reason on the Exceptions page."""

MAIN_POINT_REASONS = {
    "outside the comparison group's range, on the worse side": Concern.WORSE_THAN_GROUP,
    "outside the comparison group's range, on the better side": Improvement.BETTER_THAN_GROUP,
    "significantly, from": None,  # 'rose significantly, from ..., which is worse.'
    "a special cause of concern": Concern.SPECIAL_CAUSE_CONCERN,
    "a special cause of improvement": Improvement.SPECIAL_CAUSE_IMPROVEMENT,
    "missed its target": Concern.TARGET_MISSED,
    "off track for its target": Concern.TARGET_OFF_TRACK,
    "already above the whole year's target": Concern.ABOVE_YEAR_TARGET,
    "rated Red": Concern.RED,
    "no figure for": "no figure",
    "significantly better:": Improvement.SIGNIFICANTLY_BETTER,
    "better than its baseline": Improvement.BETTER_THAN_BASELINE,
}
"""The words of a main point that names measures with a reason (a short report's Exceptions are
said in its main points): 'which is worse' or 'better' after 'significantly, from' says which;
'no figure for' is a late or a missing figure."""


def _text(spans) -> str:
    return "".join(s.text for s in spans)


def _flat(blocks: tuple[Block, ...]) -> Iterator[Block]:
    for block in blocks:
        if isinstance(block, KeepTogether):
            yield from _flat(block.blocks)
        else:
            yield block


@dataclass
class Read:
    """What the document states, read back."""

    front: dict[str, int] = field(default_factory=dict)
    """The front table's total row by column word."""
    front_counts: str = ""
    """What the front table counts (its caption)."""
    travel: dict[tuple[str, str], str] = field(default_factory=dict)
    """The summary's Travel by (measure id, area)."""
    summary_travel: bool = False
    """Whether a summary table (not a priority's own table) has a Travel column."""
    links: dict[str, str] = field(default_factory=dict)
    """Each measure's page anchor, from the summary's links."""
    concerns: dict[tuple[str, str], str] = field(default_factory=dict)
    improvements: dict[tuple[str, str], str] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    """The lead text of each measure's own page (or part of a page), by measure id."""
    xmr: set[str] = field(default_factory=set)
    """The measures whose page draws an XmR chart."""
    exceptions: bool = False
    """Whether the document has an Exceptions section (a short report of ratings has none)."""
    main_points: dict[str, Counter] = field(default_factory=dict)
    """The reasons the main points give each measure they name, by measure id."""


def _column(table: Table, name: str) -> int | None:
    words = [_text(c.spans) for c in table.header[-1]]
    return words.index(name) if name in words else None


def read(document: Document, report: Report) -> Read:
    found = Read()
    blocks = list(_flat(document.blocks))
    ids = {m.id for m in report.measures}
    section = ""
    current_measure = ""
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            if block.level == 1:
                section = block.text
                current_measure = ""
                found.exceptions = found.exceptions or section == "Exceptions"
            elif block.level == 2 and section == "Exceptions":
                section = "Exceptions:" + block.text
            first = block.text.split(" ")[0]
            if section.startswith("Area: "):  # an area's own pages: not the partnership's
                current_measure = ""
            elif block.anchor.startswith("measure-"):
                current_measure = block.anchor.removeprefix("measure-")
            elif block.level == 2 and first in ids:
                current_measure = first
            elif block.level <= 2:
                current_measure = ""
            continue
        front = isinstance(block, Table) and index < 12 and " by " in block.caption
        if front and not found.front_counts:  # the front page's table
            found.front_counts = block.caption
            words = [_text(c.spans) for c in block.header[-1]][1:]
            total = [_text(c.spans) for c in block.rows[-1]][1:]
            found.front = dict(zip(words, map(int, total), strict=True))
            continue
        counted = isinstance(block, Paragraph) and index < 16 and not found.front_counts
        if counted and (words := _counts_in_words(_text(block.spans))) is not None:
            found.front_counts, found.front = words
            continue
        after = blocks[index - 1] if index else None
        if isinstance(block, BulletList) and getattr(after, "text", "") == "Main points":
            found.main_points = _main_points(block)
        # a priority's own table stands for its summary rows (a table is never printed twice)
        compact = isinstance(block, Table) and " table, " in block.caption
        if isinstance(block, Table) and (section in ("Summary", "Areas") or compact):
            column = _column(block, "Travel")
            if column is None:
                continue
            found.summary_travel |= not compact
            area = ""
            if block.caption.endswith(f"every measure, {report.settings.period}"):
                area = block.caption.split(":")[0]
            # the overview of every measure for every area names each row's area
            overview = block.caption.startswith("Every measure for every area")
            for row in block.rows:
                first = row[0].spans[0]
                measure_id = first.text.split(" ")[0]
                if measure_id not in ids:
                    continue
                if first.link:
                    found.links[measure_id] = first.link
                if overview:
                    area = _text(row[1].spans).split(" (latest figure: ")[0]
                # a no-break space keeps the words on one line: to a reader, a space
                found.travel[(measure_id, area)] = _text(row[column].spans).replace("\xa0", " ")
        if isinstance(block, BulletList) and section.startswith("Exceptions:"):
            target = found.concerns if "concern" in section else found.improvements
            for _, spans in block.items:
                who = spans[0].text
                area, _, rest = who.rpartition(": ") if ": " in who else ("", "", who)
                target[(rest.split(" ")[0], area)] = _text(spans[1:])
        if current_measure and isinstance(block, Paragraph):
            found.pages[current_measure] = found.pages.get(current_measure, "") + _text(block.spans)
        xmr = isinstance(block, FigureBlock) and block.chart.kind is ChartKind.XMR
        if current_measure and xmr:
            found.xmr.add(current_measure)
    return found


def _counts_in_words(text: str) -> tuple[str, dict[str, int]] | None:
    """(what is counted, the counts by the table's column word) of the front page's counts in
    words, which stand for a one-row table; None for another sentence."""
    counted = re.match(r"^Of the \d+ measures?, by (.+?): (.+?)\.(?: |$)", text)
    if counted:
        items = re.split(r", | and ", counted.group(2))
        pairs = [item.split(" ", 1) for item in items]
        return counted.group(1), {w[:1].upper() + w[1:]: int(n) for n, w in pairs}
    if re.match(r"^Of the \d+ measures?, \d+ ", text):  # by position against the group
        return "position against their comparison group's range", {"words": 1}
    return None


def _main_points(block: BulletList) -> dict[str, Counter]:
    """The reasons each measure named in the main points is given, by measure id."""
    said: dict[str, Counter] = {}
    for _, spans in block.items:
        names = [s.text.split(" ")[0] for s in spans if s.bold and s.link]
        text = _text(spans)
        for words, kind in MAIN_POINT_REASONS.items():
            if words not in text:
                continue
            if kind is None:
                better = text.rstrip(".").endswith("which is better")
                kind = Improvement.SIGNIFICANTLY_BETTER if better else Concern.SIGNIFICANTLY_WORSE
            for name in names:
                said.setdefault(name, Counter())[kind] += 1
            break
    return said


def _reasons(text: str) -> Counter:
    """The reasons of one Exceptions entry, as verdict kinds."""
    found: Counter = Counter()
    for index, part in enumerate(text.removeprefix(": ").removesuffix(".").split("; ")):
        for opening, kind in sorted(REASONS.items(), key=lambda r: -len(r[0])):
            if part.removeprefix("on the other hand, ").startswith(opening):
                found[kind] += 1
                break
        else:  # a reason's own '; ' ('late: no figure for Q2; the latest is for ...')
            if not index:
                found["unknown: " + part] += 1
    return found


def problems(report: Report, today: date = date(2016, 11, 1)) -> list[str]:
    """Every way the laid-out report disagrees with itself (empty: none)."""
    verdicts = judge(report)
    document = build_document(report, verdicts, today)
    found = read(document, report)
    said: list[str] = []
    said += _front(found, verdicts, report)
    said += _summary(found, verdicts)
    said += _exceptions(found, verdicts)
    said += _pages(found, verdicts)
    return said


def _front(found: Read, verdicts: Verdicts, report: Report) -> list[str]:
    if not report.measures:
        return []
    if not found.front:
        return ["the front page has no table of counts"]
    if "direction of travel" not in found.front_counts:
        return []
    expected: Counter = Counter()
    for v in verdicts.counted():
        if v.change is Change.NO_FIGURE:
            expected[f"No figure for {report.settings.period}"] += 1
            continue
        words = [w for w in FRONT_WORDS[v.change] if w in found.front]
        if not words:
            return [f"{v.measure.id} {v.area}: no front-page column for {v.change}"]
        expected[words[0]] += 1
    got = {w: n for w, n in found.front.items() if n}
    if got != dict(expected):
        return [f"front page counts {got}, the verdicts {dict(expected)}"]
    if ("Better (not tested)" in found.front or "Worse (not tested)" in found.front) and (
        "Better" in found.front or "Worse" in found.front
    ):
        return ["the front page mixes tested and untested changes"]
    return []


def _summary(found: Read, verdicts: Verdicts) -> list[str]:
    if not found.travel:  # the summary's columns leave out Travel
        return []
    said = []
    for v in verdicts.counted():
        travel = found.travel.get((v.measure.id, v.area))
        if travel is None:
            if found.summary_travel:  # else only priorities' own tables print Travel
                said.append(f"{v.measure.id} {v.area}: not in the summary")
            continue
        if v.change in (Change.NO_FIGURE, Change.AWAITING):
            if "(significant)" in travel and not v.status.current:
                said.append(f"{v.measure.id} {v.area}: a significant change with no figure")
            continue
        if not re.match(TRAVEL[v.change], travel):
            said.append(f"{v.measure.id} {v.area}: Travel '{travel}' for {v.change}")
        elif ("(not tested)" in travel) != (
            v.change in (Change.BETTER_UNTESTED, Change.WORSE_UNTESTED) and verdicts.tested_any
        ):
            said.append(f"{v.measure.id} {v.area}: Travel '{travel}' marks testing wrongly")
    return said


def _exceptions(found: Read, verdicts: Verdicts) -> list[str]:
    if not found.exceptions:  # a short report: its main points say every concern (a report
        # of ratings: its summary gives every rating)
        said = []
        for v in verdicts.counted():
            kinds = Counter(
                "no figure" if k in (Concern.LATE, Concern.MISSING) else k
                for k in [*v.concerns, *v.improvements]
            )
            got = found.main_points.get(v.measure.id, Counter()) if not v.area else Counter()
            said += [
                f"{v.measure.id} {v.area}: {kind} is said nowhere (no Exceptions section)"
                for kind in kinds
                if kind not in (Concern.RED, Concern.AMBER) and not got[kind]
            ]
            said += [
                f"{v.measure.id} {v.area}: the main points say {kind}, not the verdicts"
                for kind in got
                if not kinds[kind]
            ]
        return said
    said = []
    both = set(found.concerns) & set(found.improvements)
    said += [f"{key}: both a concern and an improvement" for key in sorted(both)]
    listed = {**found.improvements, **found.concerns}
    for v in verdicts.counted():
        key = (v.measure.id, v.area)
        expected = Counter([*v.concerns, *v.improvements])
        got = _reasons(listed[key]) if key in listed else Counter()
        if got != expected:
            said.append(f"{key}: Exceptions lists {dict(got)}, the verdicts {dict(expected)}")
        travel = found.travel.get(key, "")
        if not found.travel:
            pass
        elif Concern.SIGNIFICANTLY_WORSE in got and "worse (significant)" not in travel:
            said.append(f"{key}: significantly worse in Exceptions, '{travel}' in the summary")
        if Improvement.SIGNIFICANTLY_BETTER in got and "better (significant)" not in travel:
            said.append(f"{key}: significantly better in Exceptions, '{travel}' in the summary")
        special = (
            Concern.SPECIAL_CAUSE_CONCERN in got or Improvement.SPECIAL_CAUSE_IMPROVEMENT in got
        )
        if special and v.measure.id not in found.xmr:
            said.append(f"{key}: a special cause in Exceptions, but no SPC chart on its page")
    return said


def _pages(found: Read, verdicts: Verdicts) -> list[str]:
    said = []
    for v in verdicts.own.values():
        page = found.pages.get(v.measure.id)
        words = PAGE.get(v.change)
        if page is None or words is None or not any(not o.area for o in v.measure.observations):
            continue
        if words not in page:
            said.append(f"{v.measure.id}: the summary says {v.change}, its page '{page[:200]}'")
        if v.change in (Change.BETTER, Change.WORSE) and "significant" not in page:
            said.append(f"{v.measure.id}: significant in the summary, not on its page")
    return said


def verdict_of(verdicts: Verdicts, key: tuple[str, str]) -> Verdict:
    return verdicts.of(*key)
