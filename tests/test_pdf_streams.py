"""A chart's small streams written once and copied after (``charts.pdf_streams``): charts drawn
with it are the same to the byte as drawn by matplotlib alone, each copy is recorded where it
lies in the file, and only small streams with no extras are kept."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from matplotlib.backends import backend_pdf

from chart_bytes import drawn_with_and_without
from safecity_reports.charts import pdf_streams


def test_installed_when_charts_are_drawn() -> None:
    assert hasattr(backend_pdf.PdfFile.outputStream, "original")


def test_charts_the_same_to_the_byte_as_drawn_by_matplotlib_alone(tmp_path: Path) -> None:
    kept, alone = drawn_with_and_without(pdf_streams, tmp_path)
    assert kept == alone


def _written(data: bytes, before: bytes = b"") -> tuple[bytes, list[int], int]:
    """A PDF file (after ``before``, bytes of another file it is written into) with ``data``
    as two streams: the file's bytes, where it records the two streams, and its base."""
    buffer = io.BytesIO()
    buffer.write(before)
    pdf = backend_pdf.PdfFile(buffer)
    first, second = pdf.reserveObject("one"), pdf.reserveObject("two")
    pdf.outputStream(first, data)
    pdf.outputStream(second, data)
    places = [pdf.xrefTable[ref.id][0] for ref in (first, second)]
    return buffer.getvalue(), places, pdf.tell_base


@pytest.mark.parametrize("before", [b"", b"bytes of the file before the PDF"])
def test_each_copy_is_recorded_where_it_lies(before: bytes) -> None:
    pdf_streams._kept.clear()  # noqa: SLF001
    data = b"0 0 m 10 10 l S " * 8
    written, places, base = _written(data, before)
    first, second = (written[base + place :] for place in places)
    ids = [int(piece.split(b" ", 1)[0]) for piece in (first, second)]
    assert ids[1] == ids[0] + 1
    assert first[len(b"%d" % ids[0]) :].startswith(b" 0 obj\n")
    assert second[len(b"%d" % ids[1]) :].startswith(b" 0 obj\n")
    body = first.split(b"endobj", 1)[0]
    assert second.split(b"endobj", 1)[0] == body.replace(b"%d 0 obj" % ids[0], b"%d 0 obj" % ids[1])
    pdf_streams.uninstall()
    try:
        alone, alone_places, _ = _written(data, before)
    finally:
        assert pdf_streams.install()
    assert (alone, alone_places) == (written, places)


def test_large_streams_and_streams_with_extras_are_not_kept() -> None:
    pdf_streams._kept.clear()  # noqa: SLF001
    pdf = backend_pdf.PdfFile(io.BytesIO())
    pdf.outputStream(pdf.reserveObject("large"), b"x" * (pdf_streams.SMALL + 1))
    pdf.outputStream(pdf.reserveObject("extras"), b"y", extra={"Subtype": "z"})
    assert pdf_streams._kept == {}  # noqa: SLF001
    pdf.outputStream(pdf.reserveObject("small"), b"y")
    assert len(pdf_streams._kept) == 1  # noqa: SLF001
