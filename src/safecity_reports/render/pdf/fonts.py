"""The embedded fonts' Unicode maps, mended after reportlab has written them.

Reportlab embeds a TrueType font as subsets of up to 256 codes, and its first subset keeps the
ASCII codes for ASCII characters: the codes below 32 that no character took are mapped to
U+0000 in the subset's ToUnicode CMap. PDF/UA-1 (ISO 14289-1, 7.21.7; veraPDF's rule 7.21.7-2
and page-validation's PDFUA1-FONT-UNICODE-VALUE-001) forbids a map to U+0000, U+FEFF or U+FFFE
for any code, used or not. A code the text never uses needs no map, so those entries are
dropped; the codes the text uses keep theirs.

matplotlib's Type 3 fonts (in the charts' vector drawings) declare a two-byte code space for
one-byte codes, which PDF/UA checkers reject as a malformed CMap (PDFUA1-FONT-UNICODE-MAPPING-001):
their code space is made one byte wide, as their codes are.
"""

from __future__ import annotations

import re

import pikepdf

FORBIDDEN = {"0000", "FEFF", "FFFE"}
"""Unicode values a ToUnicode CMap may not give a code (PDF/UA-1, 7.21.7)."""
MAX_ENTRIES = 100
"""Entries in one ``beginbfchar`` block (the CMap format's limit, Adobe technical note 5014)."""

_CODESPACE = re.compile(rb"\d+\s+begincodespacerange.*?endcodespacerange\s*", re.DOTALL)
_BLOCK = re.compile(rb"\d+\s+begin(bfchar|bfrange)\s*(.*?)\s*end\1\s*", re.DOTALL)
_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")


def mend_unicode_maps(pdf: pikepdf.Pdf) -> None:
    """Mend the ToUnicode CMap of every font on the pages of ``pdf`` and in the forms they
    draw (each font once, however many pages use it): entries mapping a code to U+0000, U+FEFF
    or U+FFFE are dropped, and a code space wider than the codes is narrowed to them."""
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        _mend_resources(page.obj.get("/Resources"), seen)


def _mend_resources(resources: pikepdf.Object | None, seen: set[tuple[int, int]]) -> None:
    if not isinstance(resources, pikepdf.Dictionary):
        return
    for font in resources.get("/Font", pikepdf.Dictionary()).values():
        if font.objgen in seen or "/ToUnicode" not in font:
            continue
        seen.add(font.objgen)
        cmap = font.ToUnicode
        mended = mended_cmap(cmap.read_bytes())
        if mended is not None:
            cmap.write(mended)
    for xobject in resources.get("/XObject", pikepdf.Dictionary()).values():
        if xobject.get("/Subtype") == "/Form" and xobject.objgen not in seen:
            seen.add(xobject.objgen)
            _mend_resources(xobject.get("/Resources"), seen)


def mended_cmap(cmap: bytes) -> bytes | None:
    """``cmap`` rewritten as ``bfchar`` blocks of at most 100 entries, without forbidden values
    and with a code space as wide as its codes; None when it needs no mending."""
    blocks = list(_BLOCK.finditer(cmap))
    space = _CODESPACE.search(cmap)
    if not blocks or space is None:
        return None
    entries = [entry for block in blocks for entry in _entries(block.group(1), block.group(2))]
    kept = [(code, value) for code, value in entries if value not in FORBIDDEN]
    widths = {len(code) for code, _ in entries}
    declared = re.findall(rb"<([0-9A-Fa-f]+)>", space.group(0))
    if len(kept) == len(entries) and {len(c) for c in declared} == widths:
        return None
    width = max(widths)
    lines = [
        b"1 begincodespacerange\n<%s> <%s>\nendcodespacerange\n" % (b"0" * width, b"F" * width)
    ]
    for start in range(0, len(kept), MAX_ENTRIES):
        chunk = kept[start : start + MAX_ENTRIES]
        lines.append(b"%d beginbfchar\n" % len(chunk))
        lines.extend(
            b"<%s> <%s>\n" % (code.zfill(width).encode(), value.encode()) for code, value in chunk
        )
        lines.append(b"endbfchar\n")
    return cmap[: space.start()] + b"".join(lines) + cmap[blocks[-1].end() :]


def _entries(kind: bytes, body: bytes) -> list[tuple[str, str]]:
    """(code, Unicode value) pairs in upper-case hex from a ``bfchar`` or ``bfrange`` block."""
    if kind == b"bfchar":
        return [(c.decode().upper(), v.decode().upper()) for c, v in _CHAR.findall(body)]
    entries: list[tuple[str, str]] = []
    for low, high, target in _RANGE.findall(body):
        first, last, width = int(low, 16), int(high, 16), len(low)
        if target.startswith(b"["):
            values = [v.decode().upper() for v in re.findall(rb"<([0-9A-Fa-f]+)>", target)]
        else:
            base = int(target[1:-1], 16)
            values = [f"{base + n:0{len(target) - 2}X}" for n in range(last - first + 1)]
        entries.extend(
            (f"{first + n:0{width}X}", value) for n, value in enumerate(values[: last - first + 1])
        )
    return entries
