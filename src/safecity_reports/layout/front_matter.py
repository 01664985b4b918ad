"""Where the front matter goes, from how long the report is (issue 25): the contents only past a
few pages, How to read and Exceptions on the front page when they fit there, else each starting
the next page; the summary on landscape pages of its own, or, where it is short and narrow, after
them in portrait; a short report's first priority on the same page where a third of it is left.

The decisions are made here once from ``length``'s estimate, so both documents break alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from safecity_reports.layout import length
from safecity_reports.layout.document import Block, Contents, Heading, PageBreak, Table

CONTENTS_AFTER = 6
"""A report of more pages than this (estimated) opens with a contents list."""
FIT = 0.95
"""A section is set after the one before on its page only if the page would then be at most this
full (estimated): a margin for the estimate's error."""


def wants_contents(*parts: Sequence[Block]) -> bool:
    """Whether a report made of ``parts`` (each starting a new page) is long enough for a
    contents list."""
    return length.more_pages_than(parts, CONTENTS_AFTER)


PORTRAIT_SUMMARY = 0.5
"""A summary of at most this much of a page (estimated), and of at most ``PORTRAIT_COLUMNS``
columns, follows the front matter in portrait instead of taking landscape pages of its own."""
PORTRAIT_COLUMNS = 6
"""The most columns a summary set in portrait may have."""
FOLLOW = 1 / 3
"""The body follows the front matter on its last page (a short report with no summary table)
where at least this much of the page is left."""


def front_matter(
    cover: Sequence[Block],
    sections: Sequence[Sequence[Block]],
    contents: Contents | None,
    body: list[Block],
) -> list[Block]:
    """The cover, the contents (on a page of their own, if any), then each section: after the
    one before on the same page where it fits in what is left of it, else from a new page.

    ``body`` follows; in a report without contents (a short one), each of its parts (from one
    page break to the next) after the one before on the same page where it fits whole, and its
    first part where a third of the page is left or where it opens with a table that can start
    there (``_starts``)."""
    blocks: list[Block] = [*cover]
    used = length.pages(cover) % 1.0
    if contents is not None:
        blocks += [PageBreak(), Heading(1, "Contents", "contents"), contents]
        used = 1.0  # the sections start a new page after the contents
    for section in sections:
        if not section:
            continue
        needs = length.pages(section)
        if used + needs > FIT:
            blocks.append(PageBreak())
            used = 0.0
        blocks.extend(section)
        used = (used + needs) % 1.0
    return [*blocks, *(body if contents is not None else _flowing(body, used))]


def _flowing(body: list[Block], used: float) -> list[Block]:
    """A short report's ``body`` without the page breaks a typesetter would leave out: before a
    part that fits whole in what is left of the page (``used`` of it is taken), and before the
    first part where a third of the page is left."""
    parts: list[tuple[PageBreak | None, list[Block]]] = []
    for block in body:
        if isinstance(block, PageBreak):
            parts.append((block, []))
        elif parts:
            parts[-1][1].append(block)
        else:
            parts.append((None, [block]))
    out: list[Block] = []
    for index, (page_break, part) in enumerate(parts):
        needs = length.pages(part)
        follows = used + needs <= FIT or (index == 0 and _starts(part, used))
        if page_break is not None and (page_break.landscape or not follows):
            out.append(page_break)
            used = 0.0
        out.extend(part)
        used = (used + needs) % 1.0
    return out


def _starts(part: list[Block], used: float) -> bool:
    """Whether a short report's first part follows the front matter on its page (``used`` of
    it taken): where a third of the page is left, or where the part opens with a table whose
    headings, caption, header and first rows fit in what is left (no margin for the estimate:
    where they do not fit after all, both renderers carry the table over with its headings)."""
    opening = length.opening(part)
    return 1.0 - used >= FOLLOW or (opening is not None and used + opening <= 1.0)


def _narrow_and_short(summary: Sequence[Block]) -> bool:
    tables = [b for b in summary if isinstance(b, Table)]
    narrow = all(len(t.widths) <= PORTRAIT_COLUMNS for t in tables)
    return narrow and length.pages(summary) <= PORTRAIT_SUMMARY


def assemble(
    cover: Sequence[Block],
    sections: Sequence[Sequence[Block]],
    summary: Sequence[Block],
    body: Sequence[Block],
    entries: tuple[tuple[int, str, str], ...],
) -> list[Block]:
    """The whole report in order: the cover, the contents (where the report is long enough),
    the ``sections`` of front matter, the ``summary`` (its heading first; empty where there is
    none), then ``body`` (each priority opening with a page break, then any annex); ``entries``
    are the contents' (level, text, anchor)."""
    front = [*cover, *(b for section in sections for b in section)]
    contents = Contents(entries) if wants_contents(front, summary, body) else None
    if summary and not _narrow_and_short(summary):
        return [
            *front_matter(cover, sections, contents, []),
            PageBreak(landscape=True),
            *summary,
            *([PageBreak(landscape=False), *_after_break(body)] if body else []),
        ]
    # a short report: the summary in portrait after the front matter, and its first priority
    # on the same page where a third of it is left
    return front_matter(cover, (*sections, summary), contents, list(body))


def _after_break(body: Sequence[Block]) -> list[Block]:
    """``body`` without its opening page break (the one before it is given)."""
    return list(body[1:]) if body and isinstance(body[0], PageBreak) else list(body)
