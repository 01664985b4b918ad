"""PNG chunks, and charts copied into the PDF without decoding: a reader sees the very pixels
the chart was drawn with, and images that cannot be copied are still drawn by reportlab."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from pikepdf import PdfImage
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from safecity_reports import png
from safecity_reports.errors import ReportError
from safecity_reports.render.pdf.images import register_png


def _png(mode: str = "RGB", size: tuple[int, int] = (40, 30)) -> bytes:
    """A small image with every pixel different, so a wrong row or filter shows."""
    rng = np.random.default_rng(7)
    channels = {"RGB": 3, "RGBA": 4, "L": 1}.get(mode, 1)
    pixels = rng.integers(0, 256, (size[1], size[0], channels), dtype=np.uint8)
    image = Image.fromarray(
        pixels.squeeze() if channels == 1 else pixels, "L" if mode == "P" else mode
    )
    if mode == "P":
        image = image.convert("P")
    out = io.BytesIO()
    image.save(out, format="png")
    return out.getvalue()


def _with_header_byte(data: bytes, index: int, value: int) -> bytes:
    """``data`` with one IHDR field byte changed (and its checksum made right again)."""
    body = bytearray(data[16:29])
    body[index] = value
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(body)))
    return data[:16] + bytes(body) + crc + data[33:]


def test_header_and_image_data_of_an_rgb_png() -> None:
    data = _png("RGB", (40, 30))
    header = png.header(data)
    assert (header.width, header.height, header.bit_depth, header.colour_type) == (40, 30, 8, 2)
    assert not header.interlaced and header.samples == 3
    rows = zlib.decompress(png.image_data(data))
    assert len(rows) == 30 * (1 + 40 * 3)  # a filter byte and three samples a pixel, each row


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d[:-20], "cut short"),
        (lambda d: d[:40] + bytes([d[40] ^ 0xFF]) + d[41:], "damaged"),
        (lambda d: d + b"left over", "after its end"),
        (lambda d: b"GIF89a" + d[6:], "not a PNG"),
    ],
)
def test_a_damaged_png_is_named(damage, message: str) -> None:  # noqa: ANN001
    data = damage(_png())
    assert not png.is_whole_png(data)
    with pytest.raises(png.DamagedPng, match=message):
        png.image_data(data)


def _draw(tmp_path: Path, data: bytes) -> tuple[Path, bool]:
    """A one-page PDF with the PNG ``data`` drawn on it; whether it was copied undecoded."""
    image = tmp_path / "chart.png"
    image.write_bytes(data)
    pdf = tmp_path / "out.pdf"
    canvas = Canvas(str(pdf))
    copied = register_png(canvas, image)
    # registered, it is found by its file's name (as ``FigureImage`` draws it); else read
    canvas.drawImage(image.name if copied else str(image), 50, 50, 200, 150, mask=None)
    canvas.showPage()
    canvas.save()
    return pdf, copied


def _pdf_pixels(pdf: Path) -> np.ndarray:
    with pikepdf.open(pdf) as document:
        (raw,) = document.pages[0].get_images().values()
        return np.asarray(PdfImage(raw).as_pil_image())


@pytest.mark.parametrize("mode", ["RGB", "L"])
def test_a_copied_png_shows_the_same_pixels(tmp_path: Path, mode: str) -> None:
    data = _png(mode)
    pdf, copied = _draw(tmp_path, data)
    assert copied
    with pikepdf.open(pdf) as document:
        (raw,) = document.pages[0].get_images().values()
        assert raw.DecodeParms.Predictor == 15  # the PNG's own rows, not re-encoded
    assert (_pdf_pixels(pdf) == np.asarray(Image.open(io.BytesIO(data)))).all()


@pytest.mark.parametrize("mode", ["RGBA", "P"])
def test_a_png_that_cannot_be_copied_is_drawn_by_reportlab(tmp_path: Path, mode: str) -> None:
    data = _png(mode)
    pdf, copied = _draw(tmp_path, data)
    assert not copied
    expected = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
    assert (_pdf_pixels(pdf) == expected).all()


def test_interlaced_and_16_bit_pngs_are_not_copied(tmp_path: Path) -> None:
    image = tmp_path / "odd.png"
    canvas = Canvas(str(tmp_path / "out.pdf"))
    for index, value in ((12, 1), (8, 16)):  # interlace method; bit depth
        image.write_bytes(_with_header_byte(_png(), index, value))
        assert not register_png(canvas, image)


def test_a_chart_damaged_before_the_pdf_is_saved_is_an_error(tmp_path: Path) -> None:
    image = tmp_path / "chart.png"
    image.write_bytes(_png())
    canvas = Canvas(io.BytesIO())  # as write_pdf does, before the structure tree is added
    assert register_png(canvas, image)
    canvas.drawImage(str(image), 50, 50, 200, 150, mask=None)
    canvas.showPage()
    image.write_bytes(image.read_bytes()[:-30])
    with pytest.raises(ReportError, match="chart.png cannot be read: it is cut short"):
        canvas.save()


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L"])
def test_an_encoded_png_reads_back_the_same(mode: str) -> None:
    pixels = np.asarray(Image.open(io.BytesIO(_png(mode))))
    height, width = pixels.shape[:2]
    samples = 1 if pixels.ndim == 2 else pixels.shape[2]
    rows = np.zeros((height, 1 + width * samples), dtype=np.uint8)
    rows[:, 1:] = pixels.reshape(height, -1)
    title = "Total crime – rate per 1,000" if mode == "RGB" else "Crime £"  # UTF-8, Latin-1
    data = png.encode(rows.tobytes(), width, height, samples, texts={"Title": title}, dpi=150)
    assert png.is_whole_png(data)
    image = Image.open(io.BytesIO(data))
    assert image.mode == mode
    assert (np.asarray(image) == pixels).all()
    assert image.text == {"Title": title}
    assert [round(d) for d in image.info["dpi"]] == [150, 150]


def test_encoding_rows_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="not 2 rows of 3 pixels"):
        png.encode(bytes(2 * (1 + 3 * 3) - 1), 3, 2, 3)
