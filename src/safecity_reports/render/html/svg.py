"""A chart's SVG (matplotlib's drawing of the same figure the PDF places) made fit to sit inline
in the page: its own ids prefixed so that no two charts share one, its size set by the page
(it scales with the column, keeping its proportions), and its accessible name and description.
"""

from __future__ import annotations

import re
from html import escape

_START = re.compile(r"<svg\b[^>]*>", re.S)
_VIEW_BOX = re.compile(r'viewBox="([^"]*)"')
_DROPPED = re.compile(r"<metadata>.*?</metadata>|<style\b[^>]*>.*?</style>", re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(xlink:href|href)="#([^"]+)"')
_URL = re.compile(r"url\(#([^)]+)\)")

SVG_STYLE = "svg.chart * { stroke-linejoin: round; stroke-linecap: butt; }"
"""What matplotlib's own style element says, for the charts only (inline, its ``*`` would
reach the whole page)."""


class NotAnSvg(ValueError):
    """The chart's drawing is not an SVG matplotlib wrote."""


def inline_svg(source: str, prefix: str, title: str, description: str) -> str:
    """``source`` (a whole SVG file) as an ``<svg role="img">`` element to place in the page:
    named by ``title`` (the chart's title) and described by ``description`` (its alt text, the
    same as the PDF's and Word's), each id in it starting with ``prefix``.

    Raises ``NotAnSvg`` if ``source`` has no ``<svg>`` element with a viewBox."""
    start = _START.search(source)
    view_box = _VIEW_BOX.search(start.group(0)) if start else None
    if start is None or view_box is None or "</svg>" not in source:
        raise NotAnSvg("the chart's SVG drawing has no <svg> element with a viewBox")
    body = source[start.end() : source.rindex("</svg>")]
    body = _DROPPED.sub("", body)
    body = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', body)
    body = _REFERENCE.sub(lambda m: f'{m.group(1)}="#{prefix}{m.group(2)}"', body)
    body = _URL.sub(lambda m: f"url(#{prefix}{m.group(1)})", body)
    title_id, desc_id = f"{prefix}title", f"{prefix}desc"
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg"'
        f' xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="{view_box.group(1)}"'
        f' role="img" aria-labelledby="{title_id}" aria-describedby="{desc_id}"'
        ' focusable="false">'
        f'<title id="{title_id}">{escape(title, quote=False)}</title>'
        f'<desc id="{desc_id}">{escape(description, quote=False)}</desc>'
        f"{body}</svg>"
    )
