"""The private parts of reportlab, python-docx and openpyxl that the code relies on.

pyproject.toml bounds these libraries below their next major release (openpyxl below its next
minor); when a bound is raised, this test names what a new release moved, instead of a build
failing somewhere deep in a renderer.
"""

from __future__ import annotations

import pytest
from docx.document import Document as WordDocument
from docx.oxml.table import CT_Tc
from docx.table import Table as WordTable
from docx.table import _Cell
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, ListFlowable, Paragraph, Table
from reportlab.platypus.flowables import LIIndenter

PRIVATE = [
    # reportlab: tagged content and images written straight into the page stream
    (Canvas, "_code", "render/pdf/tags.py marks content with MCIDs"),
    (Canvas, "_doc", "render/pdf/images.py adds image XObjects"),
    (Canvas, "_setXObjects", "render/pdf/images.py"),
    (Canvas, "_pagesize", "render/pdf/furniture.py"),
    (Canvas, "_addAnnotation", "render/pdf/tags.py tags links"),
    (Table, "_drawBkgrnd", "render/pdf/flowables.py draws table backgrounds as artifacts"),
    (Table, "_drawLines", "render/pdf/flowables.py"),
    (Table, "_drawCell", "render/pdf/flowables.py tags each cell"),
    (Table, "_getFirstPossibleSplitRowPosition", "render/pdf/flowables.py splits long rows"),
    (Table, "_cellvalues", "render/pdf/long_tables.py counts the rows of each part"),
    (ListFlowable, "_makeLIIndenter", "render/pdf/flowables.py tags list items"),
    (LIIndenter, "_flowable", "render/pdf/flowables.py"),
    (Frame, "_height", "render/pdf/flowables.py"),
    # what Paragraph.breakLines sets besides its lines, kept with the lines it shares
    *(
        (Paragraph, name, "render/pdf/flowables.py shares a text's lines")
        for name in ("_wrapWidths", "_width_max", "_splitLongWordCount", "_hyphenations")
    ),
    # python-docx: tables built and merged without its per-cell scans
    (WordTable, "_cells", "render/docx/tables.py"),
    (WordTable, "_tbl", "render/docx/tables.py"),
    (CT_Tc, "_add_width_of", "render/docx/tables.py merges spans"),
    (_Cell, "width", "render/docx/tables.py"),
    (WordDocument, "_body", "render/docx/document.py"),
    # openpyxl: only the cells in use
    (Worksheet, "_cells", "reading/sheets.py"),
]


def _instance_has(owner: type, name: str) -> bool:
    """Attributes set in ``__init__`` are not on the class: make a small instance to look."""
    if hasattr(owner, name):
        return True
    if owner is Canvas:
        import io

        return hasattr(Canvas(io.BytesIO()), name)
    if owner is Table:
        return hasattr(Table([["a"]]), name)
    if owner is Frame:
        return hasattr(Frame(0, 0, 100, 100), name)
    if owner is Paragraph:
        paragraph = Paragraph("a <b>b</b>", ParagraphStyle("p"))
        paragraph.wrap(100, 100)
        return hasattr(paragraph, name)
    if owner is LIIndenter:
        return hasattr(LIIndenter(Table([["a"]])), name)
    if owner is Worksheet:
        from openpyxl import Workbook

        return hasattr(Workbook().active, name)
    if owner is WordTable:
        import docx

        return hasattr(docx.Document().add_table(1, 1), name)
    return False


@pytest.mark.parametrize(
    ("owner", "name", "used_by"), PRIVATE, ids=[f"{o.__name__}.{n}" for o, n, _ in PRIVATE]
)
def test_the_private_parts_we_use_are_still_there(owner, name, used_by) -> None:
    assert _instance_has(owner, name), f"{owner.__module__}.{owner.__name__}.{name} ({used_by})"
