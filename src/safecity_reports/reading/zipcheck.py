"""Checking a workbook's zip package before openpyxl parses any of it.

An .xlsx file is a zip of XML parts. The workbook travels by e-mail, sometimes from outside the
council, so before the reader trusts it this module looks at the archive itself and refuses what
no spreadsheet program writes and what would exhaust memory or time: a zip bomb (parts that
inflate to gigabytes), thousands of parts, parts outside an Excel workbook's folders, XML that
declares entities (the way a crafted file reads local files or expands a billion times), and
sheets with more rows or cells than a partnership's workbook could need. Every refusal is a
``WorkbookError`` with a message a spreadsheet user can act on.

The limits are far above any real partnership workbook (``inputs/q2.xlsx`` is 29 KB, 20 parts,
106 KB of XML and about 830 cells) and far below what would hurt the machine making the report.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from safecity_reports.errors import WorkbookError

MB = 1024 * 1024

MAX_FILE_SIZE = 50 * MB
"""The largest workbook file read at all; it is read into memory whole."""
MAX_UNCOMPRESSED = 100 * MB
"""The most that all the parts together may inflate to (the limit that stops a zip bomb)."""
MAX_RATIO = 100
"""The most a part over ``RATIO_FLOOR`` may inflate relative to its compressed size. Excel's
own sheets compress 3 to 20 times; a zip bomb compresses about 1,000 times."""
RATIO_FLOOR = 1 * MB
"""Parts smaller than this are not held to ``MAX_RATIO``: small repetitive parts are harmless."""
MAX_PARTS = 1000
"""The most parts (files in the zip) a workbook may hold; an Excel workbook has a few dozen."""
MAX_ROWS = 20_000
"""The highest row any sheet may use. The reader walks every row up to the last used one."""
MAX_CELLS = 200_000
"""The most cells, blank but formatted ones included, in all sheets: openpyxl takes about
4 seconds and 75 MB to load this many."""

_TOP_LEVEL = {"[Content_Types].xml", "_rels", "docProps", "docMetadata", "xl", "customXml"}
_TOP_LEVEL |= {"_xmlsignatures", "[trash]"}
"""The folders of an Excel workbook: docMetadata holds sensitivity labels, [trash] what Excel
repaired, _xmlsignatures digital signatures."""
_XML_PARTS = (".xml", ".rels", ".vml")
_ENTITY_WORDS = (b"<!DOCTYPE", b"<!ENTITY")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")
_ROW_NUMBER = re.compile(rb'<(?:\w+:)?(?:row|c)\s[^<>]*?(?<=\s)r="[A-Za-z]{0,3}(\d{1,12})"')
_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)")
_CHUNK = 1 * MB
_CARRY = 4096
"""At most this much is kept from the end of one chunk, so a tag cut in two is read whole."""
_SPREADSHEET_ADVICE = "open it in Excel and save it again"
_SENDER_ADVICE = (
    "Excel never writes this, so the file may have been tampered with: ask the sender for a"
    " copy saved from Excel"
)


@dataclass(frozen=True)
class Package:
    """What the check found that the reader needs to know."""

    has_macros: bool
    """The workbook holds a VBA project (an .xlsm file); its macros are never run."""


def check_file_size(name: str, size: int) -> None:
    """Refuse a file too large to read into memory."""
    if size > MAX_FILE_SIZE:
        raise WorkbookError(
            f"{name} is {size / MB:,.0f} MB; the tool reads workbooks of up to"
            f" {MAX_FILE_SIZE // MB} MB. Delete pictures and unused sheets, or copy the figures"
            " into a new workbook (make-report template)"
        )


def check_package(name: str, data: bytes) -> Package:
    """Check the zip ``data`` of the workbook called ``name`` before anything parses it.

    Raises ``WorkbookError`` naming the problem: a damaged zip, another kind of spreadsheet
    (.ods, .xlsb), a zip bomb, too many parts, a part outside the workbook's folders, an
    encrypted or oddly compressed part, XML with entity declarations, too many rows or cells.
    Reads each part once, in chunks, so memory stays bounded whatever the file claims.
    """
    _check_entry_count(name, data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            _check_sizes(name, parts)
            _check_kind(name, archive)
            for part in parts:
                _check_part_name(name, part)
            counts = _Counts()
            for part in parts:
                if not part.is_dir() and part.filename.lower().endswith(_XML_PARTS):
                    _scan(name, archive, part, counts)
            members = {p.filename for p in parts}
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError):
        # a damaged zip or a part whose data does not match its checksum
        raise WorkbookError(
            f"{name} is damaged (not a complete .xlsx file): {_SPREADSHEET_ADVICE}"
        ) from None
    return Package(has_macros="xl/vbaProject.bin" in members)


def _check_entry_count(name: str, data: bytes) -> None:
    """Refuse too many parts before ``zipfile`` builds an object for each of them."""
    try:
        record = zipfile._EndRecData(io.BytesIO(data))  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError, zipfile.BadZipFile):
        return  # zipfile itself will say whether the archive is sound
    if record and record[zipfile._ECD_ENTRIES_TOTAL] > MAX_PARTS:  # type: ignore[attr-defined]
        _too_many_parts(name, record[zipfile._ECD_ENTRIES_TOTAL])  # type: ignore[attr-defined]


def _too_many_parts(name: str, count: int) -> None:
    raise WorkbookError(
        f"{name} holds {count:,} parts; an Excel workbook has a few dozen and the tool reads at"
        f" most {MAX_PARTS:,}. {_SENDER_ADVICE}"
    )


def _check_sizes(name: str, parts: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip bomb from the sizes the archive declares.

    ``zipfile`` never returns more than a part's declared size (and a part that inflates to
    more fails its checksum), so the declared sizes bound what any reader can be given.
    """
    if len(parts) > MAX_PARTS:
        _too_many_parts(name, len(parts))
    total = sum(p.file_size for p in parts)
    if total > MAX_UNCOMPRESSED:
        raise WorkbookError(
            f"{name} would take {total / MB:,.0f} MB once unpacked; the tool unpacks at most"
            f" {MAX_UNCOMPRESSED // MB} MB (a real workbook needs a few). {_SENDER_ADVICE}"
        )
    for part in parts:
        if part.file_size > RATIO_FLOOR and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise WorkbookError(
                f"{name}: the part {part.filename} unpacks to"
                f" {part.file_size // max(part.compress_size, 1):,} times its packed size; the"
                f" tool allows at most {MAX_RATIO} times. {_SENDER_ADVICE}"
            )
        if part.flag_bits & 0x1:
            raise WorkbookError(
                f"{name}: the part {part.filename} is encrypted inside the zip, which Excel"
                " never does. To protect a workbook with a password, use Excel's own"
                f" File > Info > Protect Workbook. {_SENDER_ADVICE}"
            )
        if part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise WorkbookError(
                f"{name}: the part {part.filename} is compressed in a way Excel does not use:"
                f" {_SPREADSHEET_ADVICE}"
            )


def _check_kind(name: str, archive: zipfile.ZipFile) -> None:
    """Name the other kinds of spreadsheet that are zips too."""
    members = set(archive.namelist())
    if "mimetype" in members:
        with archive.open("mimetype") as handle:
            mimetype = handle.read(200)
        if b"opendocument.spreadsheet" in mimetype:
            raise WorkbookError(
                f"{name}: This is an OpenDocument spreadsheet (.ods): save it as Excel"
                " 2007-365 (.xlsx)"
            )
    if "xl/workbook.bin" in members:
        raise WorkbookError(
            f"{name}: This is an Excel binary workbook (.xlsb): save it as Excel Workbook (.xlsx)"
        )
    if "xl/workbook.xml" not in members:
        raise WorkbookError(f"{name} is not an Excel workbook (.xlsx)")


def _check_part_name(name: str, part: zipfile.ZipInfo) -> None:
    path = part.filename
    segments = path.rstrip("/").split("/")
    unsafe = (
        path.startswith("/")
        or "\\" in path
        or "\x00" in path
        or ":" in path
        or any(s in ("", ".", "..") for s in segments)
    )
    if unsafe or segments[0] not in _TOP_LEVEL:
        raise WorkbookError(
            f"{name} holds a part named {path!r}, which is not part of an Excel workbook."
            f" {_SENDER_ADVICE}"
        )


def _check_encoding(name: str, part: zipfile.ZipInfo, start: bytes) -> None:
    """Refuse XML not in UTF-8, the one encoding Excel writes and the one the scan can read."""
    start = start.removeprefix(b"\xef\xbb\xbf").lstrip()
    declared = _ENCODING.match(start)
    if (start and not start.startswith(b"<")) or (
        declared and declared.group(1).lower() not in (b"utf-8", b"utf8")
    ):
        raise WorkbookError(
            f"{name}: the part {part.filename} is not written in UTF-8. {_SENDER_ADVICE}"
        )


class _Counts:
    """Rows and cells seen so far, across the sheets."""

    def __init__(self) -> None:
        self.cells = 0


def _scan(name: str, archive: zipfile.ZipFile, part: zipfile.ZipInfo, counts: _Counts) -> None:
    """Read one XML part in chunks: refuse entity declarations, too many rows or cells."""
    rows = highest = 0
    carry = b""
    with archive.open(part) as handle:
        first = True
        while True:
            chunk = handle.read(_CHUNK)
            if first and not part.filename.lower().endswith(".vml"):
                _check_encoding(name, part, chunk)
                first = False
            text = carry + chunk
            if not chunk:
                head, carry = text, b""
            else:
                # keep an unfinished tag (or the last few bytes) for the next chunk
                cut = text.rfind(b"<", max(0, len(text) - _CARRY))
                cut = cut if cut != -1 else max(0, len(text) - _CARRY)
                head, carry = text[:cut], text[cut:]
            if any(mark in head for mark in _ENTITY_WORDS):
                raise WorkbookError(
                    f"{name}: the part {part.filename} declares XML entities (<!DOCTYPE or"
                    f" <!ENTITY), which can make a reader fetch local files. {_SENDER_ADVICE}"
                )
            rows += len(_ROW.findall(head))
            counts.cells += len(_CELL.findall(head))
            numbers = [int(n) for n in _ROW_NUMBER.findall(head)]
            highest = max([highest, rows, *numbers])
            if highest > MAX_ROWS:
                raise WorkbookError(
                    f"{name}: a sheet uses rows beyond row {MAX_ROWS:,}, the most the tool reads."
                    " Delete the rows below your data (select them, right-click, Delete) and save"
                    " it"
                )
            if counts.cells > MAX_CELLS:
                raise WorkbookError(
                    f"{name} has more than {MAX_CELLS:,} cells in use; the tool reads at most"
                    f" {MAX_CELLS:,}. Delete the rows and columns beyond your data, including"
                    " blank ones that are formatted, and save it"
                )
            if not chunk:
                return
