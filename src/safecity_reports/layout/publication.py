"""The front page's publication details: when and by whom the report is published, who to
contact and when the next one is due, each only where the workbook gives it (the date as
``core.publication`` decides)."""

from __future__ import annotations

from datetime import date

from safecity_reports.core.model import Settings
from safecity_reports.core.publication import publication_date
from safecity_reports.layout.document import Block, Paragraph, plain


def publication_lines(settings: Settings, today: date) -> tuple[str, ...]:
    """'Published December 2016 by Eastvale CSP', 'Contact: ...', 'Next update: ...': those the
    workbook gives; no 'Published' line where there is neither a date nor a publisher."""
    published = publication_date(settings, today)
    by = f" by {settings.author}" if settings.author else ""
    lines = []
    if published or by:
        lines.append(f"Published{' ' + published if published else ''}{by}")
    if settings.contact:
        lines.append(f"Contact: {settings.contact}")
    if settings.next_update:
        lines.append(f"Next update: {settings.next_update}")
    return tuple(lines)


def publication_blocks(settings: Settings, today: date) -> tuple[Block, ...]:
    """The publication lines as the front page's paragraphs."""
    return tuple(Paragraph(plain(line)) for line in publication_lines(settings, today))
