"""Low-level OOXML pieces the Word renderer needs and python-docx has no API for.

Bookmarks, internal hyperlinks, fields, on/off properties, cell shading and borders, cell
margins, and text XML can hold. Each puts its element where the WordprocessingML schema orders
it, so Word opens the document without repairing it.
"""

from __future__ import annotations

import hashlib
import re

from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run

from safecity_reports.render.docx.elements import clark, new_element

_BOOKMARK_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,39}")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text without the control characters XML cannot hold (tabs and line breaks are kept)."""
    return _NOT_XML.sub("", text)


_MINUS = re.compile(r"(?<![\w.])-(?=\d)")
"""A hyphen used as a minus sign: before a digit, not inside a word or a number ('-0.01',
'(-1.3%)'; not '2012-13')."""


_RUN_CONTROLS = re.compile("[\t\r\n]")


def add_run(paragraph: WordParagraph, text: str = "") -> Run:
    """``paragraph.add_run(text)`` in direct XML, the same elements: python-docx passes the
    text through a state machine a character at a time (for its tabs and line breaks), a
    tenth of Word's time in a long report. Text with a tab or line break goes through it."""
    if _RUN_CONTROLS.search(text):
        return paragraph.add_run(text)
    r = new_element("w:r")
    paragraph._p.append(r)  # a run is the paragraph's last child, as python-docx adds it
    if text:
        t = new_element("w:t")
        t.text = text
        if len(text.strip()) < len(text):
            t.set(clark("xml:space"), "preserve")
        r.append(t)
    return Run(r, paragraph)


def add_text_run(paragraph: WordParagraph, text: str) -> Run:
    """A run of ``text`` at the end of ``paragraph``, each minus sign a non-breaking hyphen, so
    that Word and LibreOffice never end a line after it: both break after a hyphen, and split
    '(-1.3%)' in a narrow cell where the PDF keeps it whole."""
    parts = _MINUS.split(text)
    run = add_run(paragraph, parts[0])
    for part in parts[1:]:
        run._r.append(new_element("w:noBreakHyphen"))
        if part:
            piece = new_element("w:t")
            piece.text = part
            piece.set(clark("xml:space"), "preserve")
            run._r.append(piece)
    return run


def bookmark_name(anchor: str) -> str:
    """The Word bookmark for a heading anchor: the anchor itself when Word accepts it as a name
    (a letter, then letters, digits or underscores, at most 40), else a cleaned, unique form."""
    if _BOOKMARK_NAME.fullmatch(anchor):
        return anchor
    cleaned = re.sub(r"[^A-Za-z0-9_]", "_", anchor)
    if not cleaned[:1].isalpha():
        cleaned = "h_" + cleaned
    digest = hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:6]
    return f"{cleaned[:33]}_{digest}"


def add_bookmarked_text(paragraph: WordParagraph, text: str, name: str, number: int) -> None:
    """``text`` at the end of ``paragraph`` inside the bookmark ``name`` (whose id is ``number``)."""
    start_bookmark(paragraph, name, number)
    add_run(paragraph, xml_safe(text))
    end_bookmark(paragraph, number)


def start_bookmark(paragraph: WordParagraph, name: str, number: int) -> None:
    """Open the bookmark ``name`` (id ``number``) at the end of ``paragraph``."""
    start = new_element("w:bookmarkStart")
    start.set(clark("w:id"), str(number))
    start.set(clark("w:name"), name)
    paragraph._p.append(start)


def end_bookmark(paragraph: WordParagraph, number: int) -> None:
    """Close the bookmark whose id is ``number`` at the end of ``paragraph``."""
    end = new_element("w:bookmarkEnd")
    end.set(clark("w:id"), str(number))
    paragraph._p.append(end)


def add_hyperlink(
    paragraph: WordParagraph, text: str, anchor: str, style_id: str | None, bold: bool
) -> None:
    """``text`` at the end of ``paragraph`` as a link to the heading ``anchor``, in the character
    style ``style_id``."""
    link = new_element("w:hyperlink")
    link.set(clark("w:anchor"), bookmark_name(anchor))
    link.set(clark("w:history"), "1")
    run = paragraph.add_run(xml_safe(text))
    run._r.style = style_id
    if bold:
        run.bold = True
    link.append(run._r)
    paragraph._p.append(link)


def add_field(paragraph: WordParagraph, instruction: str, placeholder: str) -> None:
    """A field (``PAGE``, ``NUMPAGES``) marked dirty, so Word computes it when it opens the file."""

    def char(kind: str) -> None:
        run = paragraph.add_run()
        element = new_element("w:fldChar")
        element.set(clark("w:fldCharType"), kind)
        if kind == "begin":
            element.set(clark("w:dirty"), "true")
        run._r.append(element)

    char("begin")
    code = paragraph.add_run()._r
    text = new_element("w:instrText")
    text.set(clark("xml:space"), "preserve")
    text.text = f" {instruction} "
    code.append(text)
    char("separate")
    paragraph.add_run(placeholder)
    char("end")


def insert_before(parent: object, element: object, successors: tuple[str, ...]) -> None:
    """Put ``element`` into ``parent`` ahead of its first child named in ``successors``."""
    names = {clark(s) for s in successors}
    for child in parent:  # type: ignore[attr-defined]
        if child.tag in names:
            child.addprevious(element)
            return
    parent.append(element)  # type: ignore[attr-defined]


_AFTER_RUN_SHADING = (
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)
"""What follows ``w:shd`` in a run's properties (ECMA-376, CT_RPr)."""


def shade_run(run: Run, fill: str, colour: str) -> None:
    """Draw ``run``'s text in ``colour`` on ``fill`` (both "#RRGGBB")."""
    run.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())
    r_pr = run._r.get_or_add_rPr()
    shd = new_element("w:shd")
    shd.set(clark("w:val"), "clear")
    shd.set(clark("w:color"), "auto")
    shd.set(clark("w:fill"), fill.lstrip("#").upper())
    insert_before(r_pr, shd, _AFTER_RUN_SHADING)


def colour_text(paragraph: WordParagraph, colour: str) -> None:
    """Every run of ``paragraph``, links too, in ``colour`` ("#RRGGBB")."""
    for run in paragraph._p.iter(clark("w:r")):
        r_pr = run.get_or_add_rPr()
        r_pr.get_or_add_color().val = RGBColor.from_string(colour.lstrip("#").upper())


RULE_EIGHTHS = 4
"""The width of the rule under a table's row, in eighths of a point (half a point, as the PDF's)."""
GROUP_RULE_EIGHTHS = 10
"""The width of the rule above a group of rows, in eighths of a point (1.25, as the PDF's)."""


CELL_SIDE_MARGIN = 80
"""Twips (4 points) between a table cell's text and its left and right edges, as in the PDF: a
cell's text then has the PDF's room, and wraps where the PDF's does."""
CELL_TOP_MARGIN = 60
"""Twips (3 points) between a table cell's text and its top, as in the PDF."""
CELL_BOTTOM_MARGIN = 70
"""Twips (3.5 points) between a table cell's text and its bottom: with the half-point rule
under each row, which Word counts in the row's height, the PDF's 4 points."""


def cell_margins() -> BaseOxmlElement:
    """The report's cell margins as a ``w:tblCellMar``, a row as high as the PDF's (the same in
    the table style and on each table, so Word and LibreOffice agree)."""
    margins = new_element("w:tblCellMar")
    sides = (
        ("top", CELL_TOP_MARGIN),
        ("left", CELL_SIDE_MARGIN),
        ("bottom", CELL_BOTTOM_MARGIN),
        ("right", CELL_SIDE_MARGIN),
    )
    for side, twips in sides:
        margin = new_element(f"w:{side}")
        margin.set(clark("w:w"), str(twips))
        margin.set(clark("w:type"), "dxa")
        margins.append(margin)
    return margins
