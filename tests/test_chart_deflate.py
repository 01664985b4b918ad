"""The charts' PDF streams deflated whole by zlib-ng (``charts.pdf_backend``): the same
drawings, glyphs and fonts once inflated as deflated piece by piece by zlib, and zlib streams
that zlib inflates."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pikepdf
import pytest
from matplotlib.backends import backend_pdf
from zlib_ng import zlib_ng

from chart_bytes import drawn
from safecity_reports.charts.pdf_backend import StreamDeflater


def _inflated(pdf_bytes: bytes) -> list[tuple[str, bytes]]:
    """Each object of the PDF, its stream (if any) inflated, in the file's order; the streams'
    lengths (objects of their own in matplotlib's PDFs) left out."""
    import io

    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        found = []
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                assert obj.get("/Filter") in (None, pikepdf.Name.FlateDecode)
                stream = obj.read_raw_bytes()
                data = zlib.decompress(stream) if "/Filter" in obj else stream  # zlib inflates it
                keys = sorted(set(obj.keys()) - {"/Length"})
                found.append((repr([(k, obj[k]) for k in keys]), data))
            elif not isinstance(obj, int):  # the only numbers on their own are the lengths
                found.append((re.sub(r'"/Length": \d+', "", repr(obj)), b""))
        return found


def test_the_charts_inflate_to_what_zlib_deflated(tmp_path: Path) -> None:
    deflate = backend_pdf.zlib  # type: ignore[attr-defined]
    assert deflate.compressobj is StreamDeflater
    whole = drawn(tmp_path / "whole")
    backend_pdf.zlib = zlib  # type: ignore[attr-defined]
    try:
        pieces = drawn(tmp_path / "pieces")
    finally:
        backend_pdf.zlib = deflate  # type: ignore[attr-defined]
    pdfs = [(a, b) for a, b in zip(whole, pieces, strict=True) if a.startswith(b"%PDF")]
    assert len(pdfs) > 20
    for ours, theirs in pdfs:
        assert _inflated(ours) == _inflated(theirs)
    assert any(ours != theirs for ours, theirs in pdfs), "the same bytes: zlib-ng not used"


@pytest.mark.parametrize("level", [1, 6, 9, zlib.Z_DEFAULT_COMPRESSION])
def test_a_stream_deflated_whole_inflates_to_its_pieces(level: int) -> None:
    pieces = [b"q 0 0 m 10 20 l S Q\n" * n for n in range(0, 60, 7)] + [b"", bytes(range(256))]
    deflater = StreamDeflater(level)
    written = b"".join(deflater.compress(piece) for piece in pieces) + deflater.flush()
    assert zlib.decompress(written) == b"".join(pieces)
    assert written == zlib_ng.compress(b"".join(pieces), level)
    assert deflater.flush() == zlib_ng.compress(b"", level)  # flushed: nothing kept
