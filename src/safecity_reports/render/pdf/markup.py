"""Text escaped for reportlab's paragraph markup."""

from __future__ import annotations


def escape(text: str, quotes: bool = False) -> str:
    """``text`` with &, < and > (and with ``quotes``, ") written as entities, as
    ``xml.sax.saxutils.escape`` writes them; that module imports ``urllib.request``, and with it
    ``ssl`` and ``http.client``, which the report never uses (10 to 25 ms on its way to the PDF).
    """
    text = text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    return text.replace('"', "&quot;") if quotes else text
