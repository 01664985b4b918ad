"""Finished documents kept from earlier runs: an unchanged report is copied, not drawn again.

A coordinator re-runs the report many times in the days before a board; when nothing that goes
into a document has changed, the document is the same. Each document is kept under a digest of
everything it is made from: the laid-out ``Document`` (so every figure, word and date), the
styles and the files they name, the format, and this package's own code. Anything changed simply
misses. Entries live beside the chart cache, are written whole, are checked before use (a damaged
one is made again), and only the most recent ``KEEP`` are kept.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from safecity_reports.layout.document import Document
from safecity_reports.run.image_cache import default_folder
from safecity_reports.styles import Styles

KEEP = 24
"""How many documents the cache holds; the oldest are removed beyond that."""


@cache
def _code_digest() -> str:
    package = Path(__file__).parents[1]
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(str(source.relative_to(package)).encode() + source.read_bytes())
    return digest.hexdigest()


def _file_digest(path: Path | None) -> str:
    if path is None or not path.is_file():
        return ""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def document_key(document: Document, styles: Styles, fmt: str) -> str:
    """A name that is the same exactly when the document would be made the same."""
    files = (styles.font_regular, styles.font_bold, styles.logo, styles.reference_docx)
    parts = (repr(document), repr(styles), fmt, _code_digest(), *map(_file_digest, files))
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:32] + f".{fmt}"


def _is_whole(path: Path) -> bool:
    try:
        if path.suffix == ".pdf":
            with path.open("rb") as handle:
                head = handle.read(5)
                handle.seek(max(0, path.stat().st_size - 1024))
                tail = handle.read()
            return head == b"%PDF-" and b"%%EOF" in tail
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


class DocumentCache:
    """A folder of finished documents by key."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_folder().parent / "documents"

    def get(self, key: str) -> Path | None:
        """The cached document, or None if it is missing or not whole."""
        path = self.folder / key
        return path if path.is_file() and _is_whole(path) else None

    def put(self, key: str, document: Path) -> None:
        """Keep a copy of ``document``; a cache that cannot be written is simply not used."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.folder, prefix=".incoming-")
            os.close(handle)
            shutil.copyfile(document, name)
            os.replace(name, self.folder / key)
            self._prune()
        except OSError:
            return

    def _prune(self) -> None:
        entries = sorted(
            (p for p in self.folder.iterdir() if not p.name.startswith(".")),
            key=lambda p: p.stat().st_mtime,
        )
        for stale in entries[:-KEEP]:
            stale.unlink(missing_ok=True)
