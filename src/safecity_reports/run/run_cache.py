"""Unchanged runs answered first: before the workbook is read, and before openpyxl, scipy,
matplotlib or reportlab is imported.

The document cache (``document_cache``) is keyed on the laid-out document, so it can be asked
only once the workbook has been read, checked and judged: a second of imports and work on a
re-run that changes nothing. This cache is asked first. A run that made its documents leaves a
record here under a digest of everything the run is made from: the workbook's bytes and name,
the styles and the files they name, the options (formats, ``--strict``), this package's code and
the date (printed on the report when the workbook gives none). The record names the run's
documents in the document cache and keeps the run's warnings and manifest beside them, so a
re-run with the same digest copies the documents, prints the same warnings and writes the same
manifest (with the time it was made anew), having read nothing but the workbook's bytes.

Records are stored as documents are (sealed with their SHA-256, the most recent ``KEEP`` kept);
a record whose documents have left the document cache, or that is damaged, is a miss, and the
run is made in full.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from safecity_reports.errors import Problem
from safecity_reports.run.document_cache import DocumentCache, code_digest, styles_digest
from safecity_reports.run.image_cache import default_folder
from safecity_reports.styles import Styles


@dataclass(frozen=True)
class RunRecord:
    """What an unchanged re-run needs to answer as the run that made the documents did."""

    documents: Mapping[str, str]
    """Each format's key in the document cache (``document_cache.document_key``)."""
    warnings: tuple[Problem, ...]
    """The workbook's warnings, printed again as the first run printed them."""
    manifest: Mapping[str, object]
    """The manifest written beside the documents (``cycle.manifest``), as JSON-ready data."""
    tally: Mapping[str, object]
    """The report's verdicts counted (``core.tally.Tally.as_data``), for an overview across
    partnerships."""


def run_key(
    workbook_name: str,
    workbook: bytes,
    styles: Styles,
    formats: Sequence[str],
    strict: bool,
    today: date,
) -> str:
    """A name that is the same exactly when a run would make the same documents, warnings and
    manifest: ``workbook`` is the workbook's content, ``today`` the date the run prints."""
    parts = (
        "run",
        workbook_name,
        hashlib.sha256(workbook).hexdigest(),
        styles_digest(styles),
        ",".join(sorted(formats)),
        "strict" if strict else "",
        today.isoformat(),
        code_digest(),
    )
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:32] + ".json"


def _encoded(record: RunRecord) -> bytes:
    return json.dumps(
        {
            "documents": dict(record.documents),
            "warnings": [[p.where, p.message, p.severity] for p in record.warnings],
            "manifest": dict(record.manifest),
            "tally": dict(record.tally),
        },
        ensure_ascii=False,
    ).encode("utf-8")


def _decoded(data: bytes) -> RunRecord | None:
    try:
        entry = json.loads(data.decode("utf-8"))
        return RunRecord(
            {str(fmt): str(key) for fmt, key in entry["documents"].items()},
            tuple(Problem(str(w), str(m), str(s)) for w, m, s in entry["warnings"]),
            dict(entry["manifest"]),
            dict(entry["tally"]),
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


class RunCache:
    """A folder of run records by key, beside the documents they name."""

    def __init__(self, folder: Path | None = None, documents: DocumentCache | None = None):
        root = default_folder().parent
        self.records = DocumentCache(Path(folder) if folder is not None else root / "runs")
        self.documents = documents if documents is not None else DocumentCache()

    def get(self, key: str) -> tuple[RunRecord, dict[str, bytes]] | None:
        """The record under ``key`` and its documents' bytes by format, or None when there is
        no such record, it is damaged, or one of its documents is no longer cached."""
        data = self.records.get(key)
        record = _decoded(data) if data is not None else None
        if record is None:
            return None
        documents = {}
        for fmt, document_key in record.documents.items():
            document = self.documents.get(document_key)
            if document is None:
                return None
            documents[fmt] = document
        return record, documents

    def put(self, key: str, record: RunRecord) -> None:
        """Keep ``record`` under ``key``; a cache that cannot be written is not used."""
        self.records.put_data(key, _encoded(record))
