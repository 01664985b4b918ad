"""The contents as Word's own table of contents: a TOC field (``TOC \\o "1-2" \\h \\z``) over
the Heading 1 and 2 paragraphs, whose result is the entries already filled in, each a link to its
heading and a PAGEREF field to the heading's bookmark for its page number.

Word and LibreOffice work out a PAGEREF's page as they lay the document out, so the contents have
page numbers on opening; the settings' ``w:updateFields`` asks Word to rebuild the whole field
too (it offers to when the file opens), and both rebuild it on the reader's asking."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph as WordParagraph

from safecity_reports.layout.document import Contents
from safecity_reports.render.docx import reference as ref
from safecity_reports.render.docx.elements import clark, new_element
from safecity_reports.render.docx.xml import bookmark_name

TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z'
"""Word's own contents field over the levels the contents list (Heading 1 and 2), entries
linked. Not ``\\u`` (paragraphs' outline levels): the cover's title has level 1 for the
navigation pane, and the contents do not list it; nor level 3, the headings inside a page
('Commentary on 1.2a-c'), which would make Word's contents another list than the PDF's."""


class _Writer(Protocol):
    def add_paragraph(self, style: str) -> WordParagraph: ...

    def hyperlink(self, paragraph: WordParagraph, text: str, anchor: str, bold: bool) -> None: ...

    def text_width(self) -> int: ...


def _char(paragraph: WordParagraph, kind: str, dirty: bool = False) -> None:
    run = paragraph.add_run()
    element = new_element("w:fldChar")
    element.set(clark("w:fldCharType"), kind)
    if dirty:
        element.set(clark("w:dirty"), "true")
    run._r.append(element)


def _instruction(paragraph: WordParagraph, code: str) -> None:
    run = paragraph.add_run()
    text = new_element("w:instrText")
    text.set(clark("xml:space"), "preserve")
    text.text = f" {code} "
    run._r.append(text)


def draw_contents(writer: _Writer, contents: Contents, pages: Mapping[str, int]) -> None:
    """The contents as a TOC field whose result is the entries (a paragraph each), each with
    its heading's page from ``pages`` (by anchor) as the PAGEREF's result."""
    if not contents.entries:
        return
    last = len(contents.entries) - 1
    for index, (level, text, anchor) in enumerate(contents.entries):
        paragraph = writer.add_paragraph(ref.contents_style(level))
        paragraph.paragraph_format.tab_stops.add_tab_stop(
            writer.text_width(), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
        if index == 0:
            _char(paragraph, "begin", dirty=True)
            _instruction(paragraph, TOC_INSTRUCTION)
            _char(paragraph, "separate")
        writer.hyperlink(paragraph, text, anchor, bold=False)
        paragraph.add_run("\t")
        _char(paragraph, "begin", dirty=True)
        _instruction(paragraph, f"PAGEREF {bookmark_name(anchor)} \\h")
        _char(paragraph, "separate")
        paragraph.add_run(str(pages.get(anchor, "")))
        _char(paragraph, "end")
        if index == last:
            _char(paragraph, "end")


_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
"""The children of w:settings that the schema puts after w:updateFields."""


def ask_to_update_fields(settings: BaseOxmlElement) -> None:
    """Set ``w:updateFields`` in the document's settings (where the schema orders it), so that
    Word updates the contents, and every other field, when it opens the file."""
    found = settings.find(clark("w:updateFields"))
    if found is None:
        found = new_element("w:updateFields")
        later = [
            child for child in settings if child.tag in {clark(t) for t in _AFTER_UPDATE_FIELDS}
        ]
        if later:
            later[0].addprevious(found)
        else:
            settings.append(found)
    found.set(clark("w:val"), "true")
