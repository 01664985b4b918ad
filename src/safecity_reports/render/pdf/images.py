"""Placing PNG charts in the PDF without decoding them.

A PDF can hold a PNG's compressed pixels as they are: its IDAT data is a zlib stream of filtered
rows, which a PDF reader undoes with FlateDecode and the PNG predictors. reportlab instead decodes
every image and compresses it again, which was a quarter of the time it took to write the PDF.
An image registered here under the name reportlab's ``drawImage`` gives a file is found there,
which then only places it. PNGs that cannot be copied (16-bit, palette, alpha or interlaced ones,
as a logo may be) are left to reportlab.

The pixels are read from the file when the PDF is saved, so a report of thousands of charts does
not hold them all while it is laid out.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
from reportlab.lib.utils import _digester
from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFImageXObject,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from safecity_reports import png
from safecity_reports.errors import ReportError

DEFERRED_KEY = "/SafecityPNG"
"""An empty image's key naming the PNG whose pixels ``embed_deferred`` puts in it."""
COLOUR_SPACES = {0: "DeviceGray", 2: "DeviceRGB"}
"""PNG colour types whose pixels a PDF takes as they are: greyscale and RGB."""


def copyable(header: png.Header) -> bool:
    """Whether a PNG with ``header`` can go into a PDF as it is."""
    return header.bit_depth == 8 and not header.interlaced and header.colour_type in COLOUR_SPACES


class PngXObject(PDFImageXObject):  # type: ignore[misc]
    """An image XObject whose stream is a PNG's IDAT data, read from the file when saved."""

    def __init__(self, name: str, path: Path, header: png.Header, deferred: bool):
        super().__init__(name)
        self.path = path
        self.deferred = deferred
        self.width, self.height = header.width, header.height
        self.bitsPerComponent = 8
        self.colorSpace = COLOUR_SPACES[header.colour_type]
        self.samples = header.samples
        self._filters = ("FlateDecode",)
        self.mask = None

    def format(self, document: object) -> bytes:
        if self.deferred:  # an empty stream, named for ``embed_deferred`` to fill
            stream = PDFStream(content=b"")
            stream.dictionary[DEFERRED_KEY[1:]] = PDFString(str(self.path))
            pixels = b""
        else:
            pixels = image_data(self.path)
            stream = PDFStream(content=pixels)
        entries = stream.dictionary
        entries["Type"] = PDFName("XObject")
        entries["Subtype"] = PDFName("Image")
        entries["Width"] = self.width
        entries["Height"] = self.height
        entries["BitsPerComponent"] = 8
        entries["ColorSpace"] = PDFName(self.colorSpace)
        entries["Filter"] = PDFName("FlateDecode")
        entries["DecodeParms"] = PDFDictionary(
            {"Predictor": 15, "Colors": self.samples, "BitsPerComponent": 8, "Columns": self.width}
        )
        entries["Length"] = len(pixels)
        formatted: bytes = stream.format(document)
        return formatted


def register_png(canvas: Canvas, path: Path, deferred: bool = False) -> bool:
    """Register the PNG at ``path`` under the name ``canvas.drawImage(str(path), mask=None)``
    gives it, to be copied rather than decoded; False (nothing registered) if it cannot be.

    ``deferred``: reportlab writes the image with no pixels, for ``embed_deferred`` to fill in
    the written file."""
    name = _digester(f"{path}None".encode())  # drawImage's name for a file with no mask
    document = canvas._doc
    registered = document.getXObjectName(name)
    if registered in document.idToObject:
        return True
    try:
        with open(path, "rb") as file:
            header = png.header(file.read(33))
    except (OSError, png.DamagedPng):
        return False  # reportlab reads it, or says why it cannot
    if not copyable(header):
        return False
    image = PngXObject(name, Path(path), header, deferred)
    canvas._setXObjects(image)
    document.Reference(image, registered)
    document.addForm(name, image)
    return True


def image_data(path: Path) -> bytes:
    """The PNG's compressed pixels; ``ReportError`` if its file cannot be read or is damaged."""
    try:
        return png.image_data(Path(path).read_bytes())
    except (OSError, png.DamagedPng) as exc:
        raise ReportError(f"the chart image {path} cannot be read: {exc}") from exc


def embed_deferred(pdf: pikepdf.Pdf) -> None:
    """Fill each image reportlab wrote empty (``deferred``) with its PNG's pixels, read one at a
    time. Held as bytes in reportlab's output, the pixels of a report of thousands of charts
    were most of its memory: three copies of each while reportlab saved the file."""
    for image in pdf.objects:
        if isinstance(image, pikepdf.Stream) and DEFERRED_KEY in image:
            path = Path(str(image[DEFERRED_KEY]))
            del image[DEFERRED_KEY]
            parameters = image.DecodeParms
            assert isinstance(parameters, pikepdf.Dictionary)
            image.write(image_data(path), filter=pikepdf.Name.FlateDecode, decode_parms=parameters)
