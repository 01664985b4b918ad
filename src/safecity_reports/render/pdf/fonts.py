"""The embedded fonts' Unicode maps, mended after reportlab has written them.

Reportlab embeds a TrueType font as subsets of up to 256 codes, and its first subset keeps the
ASCII codes for ASCII characters: the codes below 32 that no character took are mapped to
U+0000 in the subset's ToUnicode CMap. PDF/UA-1 (ISO 14289-1, 7.21.7; veraPDF's rule 7.21.7-2
and page-validation's PDFUA1-FONT-UNICODE-VALUE-001) forbids a map to U+0000, U+FEFF or U+FFFE
for any code, used or not. A code the text never uses needs no map, so those entries are
dropped; the codes the text uses keep theirs.
"""

from __future__ import annotations

import re

import pikepdf

FORBIDDEN = {"0000", "FEFF", "FFFE"}
"""Unicode values a ToUnicode CMap may not give a code (PDF/UA-1, 7.21.7)."""
MAX_ENTRIES = 100
"""Entries in one ``beginbfchar`` block (the CMap format's limit, Adobe technical note 5014)."""

_BFCHAR_BLOCK = re.compile(rb"\d+\s+beginbfchar\s*(.*?)\s*endbfchar\s*", re.DOTALL)
_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def mend_unicode_maps(pdf: pikepdf.Pdf) -> None:
    """Drop the entries mapping a code to U+0000, U+FEFF or U+FFFE from every font's ToUnicode
    CMap on the pages of ``pdf`` (each font once, however many pages use it)."""
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        fonts = resources.get("/Font") if resources is not None else None
        if fonts is None:
            continue
        for font in fonts.values():
            if font.objgen in seen or "/ToUnicode" not in font:
                continue
            seen.add(font.objgen)
            cmap = font.ToUnicode
            mended = mended_cmap(cmap.read_bytes())
            if mended is not None:
                cmap.write(mended)


def mended_cmap(cmap: bytes) -> bytes | None:
    """``cmap`` without forbidden ``bfchar`` entries, in blocks of at most 100; None when it has
    none to drop (``bfrange`` entries are left as they are: reportlab writes none)."""
    entries: list[tuple[bytes, bytes]] = []
    blocks = list(_BFCHAR_BLOCK.finditer(cmap))
    for block in blocks:
        entries.extend(_ENTRY.findall(block.group(1)))
    kept = [(code, value) for code, value in entries if value.upper().decode() not in FORBIDDEN]
    if len(kept) == len(entries):
        return None
    lines = []
    for start in range(0, len(kept), MAX_ENTRIES):
        chunk = kept[start : start + MAX_ENTRIES]
        lines.append(b"%d beginbfchar\n" % len(chunk))
        lines.extend(b"<%s> <%s>\n" % pair for pair in chunk)
        lines.append(b"endbfchar\n")
    first, last = blocks[0], blocks[-1]
    return cmap[: first.start()] + b"".join(lines) + cmap[last.end() :]
