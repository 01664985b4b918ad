"""Placing PNG charts in the PDF without decoding them.

A PDF can hold a PNG's compressed pixels as they are: its IDAT data is a zlib stream of filtered
rows, which a PDF reader undoes with FlateDecode and the PNG predictors. reportlab instead decodes
every image and compresses it again, which was a quarter of the time it took to write the PDF.
An image registered here under the name reportlab's ``drawImage`` gives a file is found there,
which then only places it. PNGs that cannot be copied (16-bit, palette, alpha or interlaced ones,
as a logo may be) are left to reportlab.

The pixels are read from the file when the PDF is saved, so a report of thousands of charts does
not hold them all while it is laid out.

A chart drawn as vector graphics too (a one-page PDF beside its PNG, see ``charts.drawing``)
goes in as that page instead: ``embed_deferred`` turns the empty image into a form XObject of
the page, scaled to the unit square an image fills, so the content stream that places it is the
same and the chart stays sharp at any zoom. (svglib would have redrawn matplotlib's SVG with
reportlab, path by path and slower; a form XObject copies matplotlib's own drawing as it is.)
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
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
from zlib_ng import zlib_ng

from safecity_reports import png
from safecity_reports.errors import ReportError

DEFERRED_KEY = "/SafecityPNG"
"""An empty image's key naming the PNG whose pixels ``embed_deferred`` puts in it."""
COLOUR_SPACES = {0: "DeviceGray", 2: "DeviceRGB"}
"""PNG colour types whose pixels a PDF takes as they are: greyscale and RGB."""
DRAWING_HEADER = png.Header(1, 1, 8, 2, False)
"""What an image that a chart's PDF drawing replaces whole is registered as."""


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


def register_png(
    canvas: Canvas, path: Path, deferred: bool = False, promised: bool = False
) -> bool:
    """Register the PNG at ``path`` under the name ``canvas.drawImage(path.name, mask=None)``
    gives it, to be copied rather than decoded; False (nothing registered) if it cannot be.
    Named by the file's name, not its folder's (a chart's file is named by its content): a run
    with no cache draws its charts in a temporary folder, and its PDF is the same, byte for
    byte, as another's.

    ``deferred``: reportlab writes the image with no pixels, for ``embed_deferred`` to fill in
    the written file; with ``promised`` too, the image will be the chart's PDF drawing beside
    ``path``, which need not be there yet."""
    name = _digester(f"{Path(path).name}None".encode())  # drawImage's for a file with no mask
    document = canvas._doc
    registered = document.getXObjectName(name)
    if registered in document.idToObject:
        return True
    if deferred and (promised or Path(path).with_suffix(".pdf").is_file()):
        # a chart drawn as vector graphics: ``embed_deferred`` makes the image its drawing, so
        # neither its PNG (which Word's process may be making now, or never) nor its size is read
        header = DRAWING_HEADER
    else:
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


def embed_deferred(
    pdf: pikepdf.Pdf, charts: ExitStack, drawing: Callable[[Path], None] | None = None
) -> None:
    """Fill each image reportlab wrote empty (``deferred``) with its chart: the vector drawing
    beside its PNG where there is one, else the PNG's pixels, read one at a time. ``drawing``
    (see ``write_pdf``) waits for a chart still being drawn. Held as bytes
    in reportlab's output, the pixels of a report of thousands of charts were most of its
    memory: three copies of each while reportlab saved the file.

    The vector drawings' files are opened on ``charts``, which must stay open until ``pdf`` is
    saved (their streams are copied then)."""
    for image in pdf.objects:
        if isinstance(image, pikepdf.Stream) and DEFERRED_KEY in image:
            path = Path(str(image[DEFERRED_KEY]))
            del image[DEFERRED_KEY]
            if drawing is not None:
                drawing(path)
            vector = path.with_suffix(".pdf")
            if vector.is_file():
                _make_form(pdf, image, charts.enter_context(_open_chart(vector)))
                continue
            parameters = image.DecodeParms
            assert isinstance(parameters, pikepdf.Dictionary)
            image.write(image_data(path), filter=pikepdf.Name.FlateDecode, decode_parms=parameters)


def _open_chart(path: Path) -> pikepdf.Pdf:
    try:
        return pikepdf.open(path)
    except (OSError, pikepdf.PdfError) as exc:
        raise ReportError(f"the chart drawing {path} cannot be read: {exc}") from exc


def _make_form(pdf: pikepdf.Pdf, image: pikepdf.Stream, chart: pikepdf.Pdf) -> None:
    """Make the empty ``image`` a form XObject of ``chart``'s page, in the unit square."""
    page = chart.pages[0]
    left, bottom, right, top = (float(v) for v in page.mediabox)
    resources = pdf.copy_foreign(page.obj.get("/Resources", pikepdf.Dictionary()))
    page.contents_coalesce()
    content = zlib_ng.compress(
        page.obj.Contents.read_bytes() if "/Contents" in page.obj else b"", 6
    )
    for key in list(image.keys()):
        if key not in ("/Length",):
            del image[key]
    image.write(content, filter=pikepdf.Name.FlateDecode)
    image.Type = pikepdf.Name.XObject
    image.Subtype = pikepdf.Name.Form
    image.BBox = pikepdf.Array([left, bottom, right, top])
    width, height = right - left, top - bottom
    image.Matrix = pikepdf.Array([1 / width, 0, 0, 1 / height, -left / width, -bottom / height])
    image.Resources = resources
