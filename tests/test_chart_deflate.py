"""The charts' PDF streams deflated by zlib-ng (``charts.pdf_backend``): the same drawings,
glyphs and fonts once inflated as deflated by zlib, and valid deflate streams."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pikepdf
from matplotlib.backends import backend_pdf
from zlib_ng import zlib_ng

import safecity_reports.charts.pdf_backend  # noqa: F401  (as the chart process has it)
from chart_bytes import drawn


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
                keys = sorted(k for k in obj.keys() if k != "/Length")
                found.append((repr([(k, obj[k]) for k in keys]), data))
            elif not isinstance(obj, int):  # the only numbers on their own are the lengths
                found.append((re.sub(r'"/Length": \d+', "", repr(obj)), b""))
        return found


def test_the_charts_inflate_to_what_zlib_deflated(tmp_path: Path) -> None:
    assert backend_pdf.zlib is zlib_ng  # type: ignore[attr-defined]
    with_ng = drawn(tmp_path / "zlib-ng")
    backend_pdf.zlib = zlib  # type: ignore[attr-defined]
    try:
        with_zlib = drawn(tmp_path / "zlib")
    finally:
        backend_pdf.zlib = zlib_ng  # type: ignore[attr-defined]
    pdfs = [(a, b) for a, b in zip(with_ng, with_zlib, strict=True) if a.startswith(b"%PDF")]
    assert len(pdfs) > 20
    for ours, theirs in pdfs:
        assert _inflated(ours) == _inflated(theirs)
    assert any(ours != theirs for ours, theirs in pdfs), "the same bytes: zlib-ng not used"
