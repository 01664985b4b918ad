"""Finished documents kept from earlier runs: an unchanged report is copied, not drawn again.

A coordinator re-runs the report many times in the days before a board; when nothing that goes
into a document has changed, the document is the same. Each document is kept under a digest of
everything it is made from: the laid-out ``Document`` (every figure, word and date read from the
workbook's content, never its name), the styles and the files they name, the format, and this
package's own code. Anything changed simply misses.

An entry cannot lie: it holds the document followed by the SHA-256 of the document, written to
a temporary file and renamed, and is read back only if the digest matches; a damaged entry is
removed (the report is then made again). Only the ``KEEP`` most recently used are kept. A cache that
cannot be written (full, read-only) is not used, and that is not an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from safecity_reports.files import remove_leftovers, temporary_file
from safecity_reports.run.image_cache import default_folder

if TYPE_CHECKING:
    from collections.abc import Iterable

    from safecity_reports.layout.document import Document
    from safecity_reports.styles import Styles

KEEP = 24
"""How many documents the cache holds; the oldest are removed beyond that."""
_kept = [KEEP]
"""How many this process's caches hold (``keep_at_least``)."""


def keep_at_least(count: int) -> None:
    """Have this process's caches hold at least ``count`` documents (and run records): a batch
    of many partnerships' reports, so that an unchanged re-run of the batch finds them all."""
    _kept[0] = max(KEEP, count)


SEAL = b"\nsafecity-sha256:"
"""Between a cached document and the hex digest of its bytes that ends the entry."""
_SEAL_LENGTH = len(SEAL) + 64


@cache
def code_digest() -> str:
    """A digest of this package's code: any change to it changes every key."""
    package = Path(__file__).parents[1]
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(str(source.relative_to(package)).encode() + source.read_bytes())
    return digest.hexdigest()


def _file_digest(path: Path | None) -> str:
    if path is None or not path.is_file():
        return ""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def styles_digest(styles: Styles) -> str:
    """A digest of the styles and of the files they name (fonts, logo, Word's reference)."""
    files = (styles.font_regular, styles.font_bold, styles.logo, styles.reference_docx)
    parts = (repr(styles), *map(_file_digest, files))
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def document_key(document: Document, styles: Styles, fmt: str) -> str:
    """A name that is the same exactly when the document would be made the same."""
    return document_keys(document, styles, (fmt,))[fmt]


def document_keys(document: Document, styles: Styles, formats: Iterable[str]) -> dict[str, str]:
    """``document_key`` of each format, the document written out once for all of them (a
    report of 3,000 measures takes a third of a second to write out)."""
    written = hashlib.sha256(repr(document).encode("utf-8")).hexdigest()
    common = (written, styles_digest(styles), code_digest())
    return {
        fmt: hashlib.sha256("\x00".join((*common, fmt)).encode("ascii")).hexdigest()[:32]
        + f".{fmt}"
        for fmt in formats
    }


def sealed(data: bytes) -> bytes:
    """``data`` followed by its digest, as an entry is stored."""
    return data + SEAL + hashlib.sha256(data).hexdigest().encode("ascii")


def unsealed(entry: bytes) -> bytes | None:
    """The document in ``entry``, or None if the entry is cut, damaged or not sealed."""
    body, seal = entry[:-_SEAL_LENGTH], entry[-_SEAL_LENGTH:]
    if len(entry) <= _SEAL_LENGTH or not seal.startswith(SEAL):
        return None
    return body if hashlib.sha256(body).hexdigest().encode("ascii") == seal[len(SEAL) :] else None


class DocumentCache:
    """A folder of finished documents by key."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_folder().parent / "documents"

    def get(self, key: str) -> bytes | None:
        """The cached document's bytes, or None if it is missing or damaged (a damaged entry
        is removed). An entry read is marked as used now, so the most recently used are kept."""
        path = self.folder / key
        try:
            entry = path.read_bytes()
        except OSError:
            return None
        document = unsealed(entry)
        with contextlib.suppress(OSError):
            if document is None:
                path.unlink()
            else:
                os.utime(path)
        return document

    def put(self, key: str, document: Path) -> None:
        """Keep a sealed copy of ``document``; a cache that cannot be written is not used."""
        try:
            data = document.read_bytes()
        except OSError:
            return
        self.put_data(key, data)

    def put_data(self, key: str, data: bytes) -> None:
        """Keep a sealed copy of ``data``; a cache that cannot be written is not used."""
        tmp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            remove_leftovers(self.folder)
            tmp = temporary_file(self.folder / key)
            tmp.write_bytes(sealed(data))
            os.replace(tmp, self.folder / key)
            self._prune()
        except OSError:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    tmp.unlink(missing_ok=True)

    def _prune(self) -> None:
        entries = []
        for path in self.folder.iterdir():
            with contextlib.suppress(OSError):  # removed meanwhile by another run
                if not path.name.startswith("."):
                    entries.append((path.stat().st_mtime, path))
        for _mtime, stale in sorted(entries)[: -_kept[0]]:
            with contextlib.suppress(OSError):
                stale.unlink(missing_ok=True)
