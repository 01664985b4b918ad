"""The .docx zip, with the charts' pictures deflated as they are placed, not when it is saved.

A .docx is a zip of its parts, each deflated. python-docx deflates every part when the document
is saved, after the last part is made: for a report of 3,000 charts that is 200 MB of pictures
(1.8 ms each), all of it after the last chart is drawn, while everything else waits. Deflating
a PNG again still takes a tenth off it (a fifth on q2's), so the pictures are deflated all the
same, but each as Word places it (``Deflated.add``), on the Word document's core while the
chart process draws the next ones, into a temporary file. ``save`` then writes the zip itself:
the same parts, names and contents as python-docx's own, each picture's deflated bytes
copied.

python-docx writes a package through ``docx.opc.pkgwriter.PhysPkgWriter``; ``save`` puts in its
place one that writes this module's zip for the thread saving with parts deflated ahead, and
python-docx's own for any other. Where python-docx has no such writer (another
version), or the zip would need ZIP64 (4 GB, 65,535 parts), the document is saved as
python-docx saves it.
"""

from __future__ import annotations

import io
import struct
import tempfile
import threading
import time
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from zlib_ng import zlib_ng as zlib

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

LEVEL = 6
"""zlib's level for every part, as Python's zipfile (and so python-docx) deflates; by zlib-ng
(which the PNG writer uses too), in two thirds of zlib's time, to about the same size."""
_MOST = 0xFFFFFFFF
"""The largest size or offset a zip without ZIP64 records."""


@dataclass(frozen=True)
class _Entry:
    """Where a part's deflated bytes are in the spool, and what the zip records of it."""

    offset: int
    """Where its deflated bytes start in the spool."""
    size: int
    """How many deflated bytes."""
    crc: int
    """CRC-32 of the part's own bytes."""
    length: int
    """How many bytes the part itself has."""


class Deflated:
    """Parts deflated ahead of the save, by part name, in a temporary file until then."""

    def __init__(self) -> None:
        # kept open while the document is written; ``close`` closes it
        self.spool: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        self.entries: dict[str, _Entry] = {}

    def add(self, partname: str, data: bytes) -> None:
        """Deflate ``data``, the part ``partname`` (such as ``/word/media/chart1.png``)."""
        packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
        deflated = packer.compress(data) + packer.flush()
        offset = self.spool.seek(0, io.SEEK_END)
        self.spool.write(deflated)
        self.entries[partname] = _Entry(offset, len(deflated), zlib.crc32(data), len(data))

    def read(self, partname: str) -> tuple[_Entry, bytes] | None:
        entry = self.entries.get(partname)
        if entry is None:
            return None
        self.spool.seek(entry.offset)
        return entry, self.spool.read(entry.size)

    def original(self, partname: str, unless_copied: bool = False) -> bytes:
        """The part's own bytes, inflated again: for a save that cannot copy them deflated
        (python-docx's own). With ``unless_copied``, none (empty) while this thread saves a
        zip that copies them (``save``): python-docx asks for every part's bytes as it saves."""
        if unless_copied and getattr(_saving, "deflated", None) is self:
            return b""
        found = self.read(partname)
        if found is None:
            raise KeyError(partname)
        return zlib.decompress(found[1], -15)

    def close(self) -> None:
        self.spool.close()

    def __enter__(self) -> Deflated:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def save(word: WordDocument, deflated: Deflated) -> bytes:
    """``word`` as .docx bytes, its parts in ``deflated`` copied as they were deflated."""
    try:
        from docx.opc import pkgwriter
    except ImportError:  # pragma: no cover - python-docx's layout changed
        return _saved_by_python_docx(word)
    if not hasattr(pkgwriter, "PhysPkgWriter"):  # pragma: no cover - the same
        return _saved_by_python_docx(word)
    _put_in_place(pkgwriter)
    packed = io.BytesIO()
    _saving.deflated = deflated
    try:
        word.save(packed)
        return packed.getvalue()
    except _TooLarge:
        pass
    finally:
        _saving.deflated = None
    return _saved_by_python_docx(word)


def _saved_by_python_docx(word: WordDocument) -> bytes:
    packed = io.BytesIO()
    word.save(packed)
    return packed.getvalue()


class _TooLarge(Exception):
    """The zip needs ZIP64, which this writer does not write."""


_saving = threading.local()
"""The parts deflated ahead for the document this thread is saving (``deflated``), if any."""
_lock = threading.Lock()


def _put_in_place(pkgwriter: Any) -> None:
    """python-docx's physical writer replaced, once, by one that writes this module's zip for a
    thread saving with parts deflated ahead, and python-docx's own otherwise: another thread's
    document, saved meanwhile (an analyst's notebook), is written as python-docx writes it."""
    with _lock:
        if getattr(pkgwriter.PhysPkgWriter, "_safecity_writer", False):
            return
        original = pkgwriter.PhysPkgWriter

        def writer(file: IO[bytes]) -> Any:
            deflated = getattr(_saving, "deflated", None)
            return _ZipWriter(file, deflated) if deflated is not None else original(file)

        writer._safecity_writer = True  # type: ignore[attr-defined]
        pkgwriter.PhysPkgWriter = writer


class _ZipWriter:
    """python-docx's physical package writer (``write`` a part, ``close``), writing a zip of
    deflated parts without ZIP64, as Python's zipfile writes one."""

    def __init__(self, file: IO[bytes], deflated: Deflated) -> None:
        self.file = file
        self.deflated = deflated
        self.central: list[bytes] = []
        now = time.localtime()
        self.date = (now.tm_year - 1980) << 9 | now.tm_mon << 5 | now.tm_mday
        self.time = now.tm_hour << 11 | now.tm_min << 5 | now.tm_sec // 2

    def write(self, pack_uri: str, blob: bytes) -> None:
        name = pack_uri.lstrip("/").encode("utf-8")
        ready = self.deflated.read(pack_uri)
        if ready is not None:
            entry, data = ready
            crc, length = entry.crc, entry.length
        else:
            packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
            data = packer.compress(blob) + packer.flush()
            crc, length = zlib.crc32(blob), len(blob)
        offset = self.file.tell()
        if max(offset, len(data), length) >= _MOST or len(self.central) >= 0xFFFF:
            raise _TooLarge
        flags = 0x800 if not name.isascii() else 0  # UTF-8 names
        fields = (20, flags, 8, self.time, self.date, crc, len(data), length, len(name))
        self.file.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + name)
        self.file.write(data)
        self.central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                3 << 8 | 20,
                *fields,
                0,
                0,
                0,
                0,
                0o600 << 16,
                offset,
            )
            + name
        )

    def close(self) -> None:
        start = self.file.tell()
        directory = b"".join(self.central)
        if start + len(directory) >= _MOST:
            raise _TooLarge
        count = len(self.central)
        self.file.write(directory)
        self.file.write(
            struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), start, 0)
        )
