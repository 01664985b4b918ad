"""Word's picture of a chart: the chart's one-page PDF drawing (``charts.drawing``) rasterised by
pdfium at the styles' resolution and written as a PNG beside it.

matplotlib lays out and draws each chart once; pdfium turns that drawing into pixels in a third
of the time Agg took to draw them again. Only Word needs the pixels, so they are made where Word
is written (``run.word_pictures``), in the Word document's process, while the chart process
draws the next charts on the other core; a report of the PDF alone never makes them. This module
imports pdfium (when it rasterises) and the PNG writer, never matplotlib nor numpy (which the
report's own process then never imports: 0.1 s).

Charts are drawn on an opaque white figure (``Look.rc``), so the PNG has no alpha channel.
"""

from __future__ import annotations

import ctypes
import math
from pathlib import Path

from safecity_reports import png
from safecity_reports.files import replace_atomically
from safecity_reports.styles import Styles

PNG_COMPRESSION = 3
"""zlib level of the images: flat-coloured charts compress about as well at 3 as at 6, in half
the time."""
WHITE = 0xFFFFFFFF


def vector_path(path: Path) -> Path:
    """Where the vector (PDF) drawing of the chart whose PNG is ``path`` is written."""
    return Path(path).with_suffix(".pdf")


def png_of(vector: bytes, styles: Styles, title: str) -> bytes:
    """The one-page PDF ``vector`` as an RGB PNG of ``styles.chart_size`` at ``styles.chart_dpi``,
    titled ``title``.

    pdfium renders straight into the PNG's rows (each a filter byte, 0 for none, then its
    pixels), with no copy of the bitmap: three quarters of the time of rendering to a bitmap of
    its own and copying it, with the same pixels."""
    # pdfium is imported here: the chart process, which imports this module for ``vector_path``
    # and draws without the PNGs in a run, does not import it (20 ms).
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    dpi = styles.chart_dpi
    width, height = (round(inches * dpi) for inches in styles.chart_size)
    stride = 1 + width * 3
    rows = bytearray(height * stride)  # zeros: each row's filter byte is 0, none
    document = pdfium.PdfDocument(vector)
    try:
        page = document[0]
        # The page at dpi / 72 pixels a point, its size rounded up (as ``PdfPage.render`` does):
        # a fraction of a pixel over the chart's own size, which the bitmap leaves out.
        full_width = math.ceil(page.get_width() * dpi / 72)
        full_height = math.ceil(page.get_height() * dpi / 72)
        first_pixel = ctypes.c_void_p(ctypes.addressof(ctypes.c_char.from_buffer(rows)) + 1)
        bitmap = pdfium_c.FPDFBitmap_CreateEx(
            width, height, pdfium_c.FPDFBitmap_BGR, first_pixel, stride
        )
        if not bitmap:
            raise MemoryError(f"pdfium could not make a {width} x {height} bitmap")
        try:
            pdfium_c.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, WHITE)
            pdfium_c.FPDF_RenderPageBitmap(
                bitmap,
                page.raw,
                0,
                0,
                full_width,
                full_height,
                0,
                # RGB, as PNG stores it; annotations drawn, as ``PdfPage.render`` draws them
                pdfium_c.FPDF_REVERSE_BYTE_ORDER | pdfium_c.FPDF_ANNOT,
            )
        finally:
            pdfium_c.FPDFBitmap_Destroy(bitmap)
        page.close()
    finally:
        document.close()
    return png.encode(
        rows, width, height, 3, texts={"Title": title}, dpi=dpi, level=PNG_COMPRESSION
    )


def rasterise(path: Path, styles: Styles, title: str, tidy: bool = True) -> None:
    """Write the PNG at ``path`` from the chart's PDF drawing beside it (``vector_path``), whole
    or not at all. Its PDF was written first, so a whole PNG still means its PDF is there.
    ``tidy``: remove killed runs' temporary files from the folder first (it reads the whole
    folder: a caller writing many pictures into one folder tidies with the first only)."""
    image = png_of(vector_path(path).read_bytes(), styles, title)
    with replace_atomically(path, tidy) as tmp:
        tmp.write_bytes(image)
