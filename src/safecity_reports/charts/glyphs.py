"""A chart's text as the PDF's text prints it (``reading.glyphs.printed``, the rule the workbook
check warns by): a character the styles' fonts cannot draw is drawn in the fallback font
(DejaVu Sans, matplotlib's own, named after the styles' font in ``Look.rc``), or, where that
has none either, printed as its name ('[police car]'), never as a box and never with
matplotlib's 'Glyph missing from font' warning on stderr."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from safecity_reports.layout.document import Chart
from safecity_reports.reading.glyphs import characters, fallback_characters, printed
from safecity_reports.styles import Styles


def printable_chart(chart: Chart, styles: Styles) -> Chart:
    """``chart`` with every text in it printable by the styles' fonts or their fallback."""
    drawable = characters(styles.font_regular) & characters(styles.font_bold)

    def text(value: str) -> str:
        if value.isascii() or all(ord(c) in drawable for c in value):
            return value
        return "".join(piece for piece, _ in printed(value, drawable, fallback_characters()))

    def walk(value: Any) -> Any:
        if isinstance(value, Enum):
            return value
        if isinstance(value, str):
            return text(value)
        if isinstance(value, tuple):
            return tuple(walk(item) for item in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: walk(getattr(value, f.name)) for f in dataclasses.fields(value)}
            return dataclasses.replace(value, **changes)
        return value

    result: Chart = walk(chart)
    return result
