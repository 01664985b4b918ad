"""The Word document's font table: the font its styles name, described so Word can match it.

Word reads ``word/fontTable.xml`` to choose a stand-in for a font the reader lacks; a font the
styles name but the table leaves out is matched blind. The entry is written from the TrueType
file the PDF embeds (its PANOSE numbers and family class), which for Arial is Liberation Sans:
the metric-compatible font has Arial's classification.
"""

from __future__ import annotations

import struct
from pathlib import Path

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from lxml import etree

from safecity_reports.render.docx.elements import clark

# PANOSE family kind 2 (Latin text) by serif style: 11-13 are the sans serif ones.
_SANS_SERIF_STYLES = {11, 12, 13}


def panose(font_file: Path) -> bytes:
    """The ten PANOSE bytes of the TrueType ``font_file`` (its OS/2 table); zeros if it has none."""
    data = Path(font_file).read_bytes()
    (tables,) = struct.unpack_from(">H", data, 4)
    for index in range(tables):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        if tag == b"OS/2":
            return data[offset + 32 : offset + 42]
    return bytes(10)


def list_font(word: WordDocument, family: str, font_file: Path) -> None:
    """Describe ``family`` in ``word``'s font table (replacing an entry of that name)."""
    part = word.part.part_related_by(RT.FONT_TABLE)
    table = etree.fromstring(part.blob)
    for old in table.findall(clark("w:font")):
        if old.get(clark("w:name")) == family:
            table.remove(old)
    numbers = panose(font_file)
    kind = "swiss" if numbers[0] == 2 and numbers[1] in _SANS_SERIF_STYLES else "auto"
    entry = parse_xml(
        f'<w:font xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        f' w:name="{family}"><w:panose1 w:val="{numbers.hex().upper()}"/>'
        f'<w:charset w:val="00"/><w:family w:val="{kind}"/><w:pitch w:val="variable"/>'
        "</w:font>"
    )
    table.insert(0, entry)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
