"""Build the Word reference document whose styles the Word report is built on.

A council restyles the report by editing ``styles/reference.docx`` in Word (Modify Style); this
module makes that file from ``style.toml`` so it can always be regenerated from code::

    python -m safecity_reports.render.docx.reference styles/reference.docx [--styles FOLDER]

The renderer uses the styles named in ``STYLE_NAMES``; ``ensure_styles`` adds any that a council's
own reference lacks, without touching the ones it has.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from safecity_reports.render.docx.xml import cell_margins
from safecity_reports.styles import DEFAULT_FOLDER, Styles, load_styles

WordStyle = Any
"""A python-docx style: paragraph, character or table (their classes share no typed base)."""

TABLE_STYLE = "Report Table"
TABLE_TEXT = "Table Text"
TABLE_HEADING = "Table Heading"
NOTE = "Note"
LEAD = "Lead"
CALLOUT = "Callout"
CAPTION = "Caption"
FIGURE = "Chart Picture"  # not "Figure": LibreOffice exports that name as an untagged /Figure
HYPERLINK = "Hyperlink"


def contents_style(level: int) -> str:
    """The paragraph style of a contents entry at ``level`` (Word's own "toc N" styles)."""
    return f"toc {min(max(level, 1), 3)}"


def heading_style(level: int) -> str:
    return f"Heading {min(max(level, 1), 3)}"


def bullet_style(level: int) -> str:
    return "List Bullet" if level <= 1 else "List Bullet 2"


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def set_language(word: WordDocument, language: str) -> None:
    """Set ``w:lang`` on the document defaults and on Normal (spelling, screen readers)."""
    styles_element = word.styles.element
    rpr_default = styles_element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault"))
    if rpr_default is None:
        doc_defaults = styles_element.find(qn("w:docDefaults"))
        if doc_defaults is None:
            doc_defaults = OxmlElement("w:docDefaults")
            styles_element.insert(0, doc_defaults)
        rpr_default = OxmlElement("w:rPrDefault")
        doc_defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for rpr_element in (rpr, word.styles["Normal"].element.get_or_add_rPr()):
        lang = rpr_element.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr_element.append(lang)
        lang.set(qn("w:val"), language)
        lang.set(qn("w:eastAsia"), language)


def _set_font_family(rpr: object, family: str) -> None:
    """Name the font for every script and drop theme fonts (which would override the name)."""
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme") or attribute.endswith("theme"):
            del fonts.attrib[attribute]
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), family)


def _reset(style: WordStyle, keep: Sequence[str] = ()) -> None:
    """Drop a style's formatting (but the elements named in ``keep``) so it is defined afresh."""
    element = style.element
    for tag in ("w:pPr", "w:rPr", "w:tblPr", "w:tcPr", "w:trPr"):
        child = element.find(qn(tag))
        if child is None:
            continue
        kept = [c for c in child if c.tag in {qn(k) for k in keep}]
        element.remove(child)
        if kept:
            new = OxmlElement(tag)
            for c in kept:
                new.append(c)
            # pPr precedes rPr in a style; both follow the name/basedOn/ui elements.
            element.append(new)
    for tag in ("w:link", "w:tblStylePr"):
        for child in element.findall(qn(tag)):
            element.remove(child)


_WORD_BUILT_INS = {"toc 1", "toc 2", "toc 3", "Hyperlink", "Caption", "Header", "Footer"}


def _paragraph_style(
    word: WordDocument,
    name: str,
    define: Callable[[WordStyle], None],
    replace: bool,
    keep: Sequence[str] = (),
    kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH,
) -> None:
    try:
        style = word.styles[name]
    except KeyError:
        style = word.styles.add_style(name, kind)
        if name in _WORD_BUILT_INS:
            # Word knows these names; marking them custom would make a second style of that name.
            del style.element.attrib[qn("w:customStyle")]
        if kind == WD_STYLE_TYPE.PARAGRAPH:
            style.base_style = word.styles["Normal"]
    else:
        if not replace:
            return
        _reset(style, keep)
    style.hidden = False
    style.unhide_when_used = False
    if kind != WD_STYLE_TYPE.TABLE:
        style.quick_style = True
    define(style)


def _border(parent: object, side: str, colour: str, size_eighths: int, space: int = 0) -> None:
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single" if size_eighths else "nil")
    if size_eighths:
        edge.set(qn("w:sz"), str(size_eighths))
        edge.set(qn("w:space"), str(space))
        edge.set(qn("w:color"), _hex(colour))
    parent.append(edge)  # type: ignore[attr-defined]


def _shading(fill: str) -> object:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), _hex(fill))
    return shd


def _insert_in_ppr(ppr: object, element: object, before: Sequence[str]) -> None:
    """Put ``element`` into ``pPr`` ahead of the first child named in ``before`` (schema order)."""
    for child in ppr:  # type: ignore[attr-defined]
        if child.tag in {qn(b) for b in before}:
            child.addprevious(element)
            return
    ppr.append(element)  # type: ignore[attr-defined]


FONT_LINE = 1.149
"""Arial's (and Liberation Sans's) own line height, in ems: Word's "multiple" spacing scales it."""
BODY_LINE = round(1.4 / FONT_LINE, 2)
"""Text set 1.4 times its size apart, as the PDF sets it (so both break pages alike)."""
CELL_LINE = round(1.3 / FONT_LINE, 2)
"""Table text 1.3 times its size apart, as in the PDF."""


def ensure_styles(word: WordDocument, styles: Styles, replace: bool = False) -> None:
    """Define every style the renderer uses. With ``replace`` False only missing ones are added."""
    palette, sizes, family = styles.palette, styles.sizes, styles.font_family

    def text(
        size: float,
        colour: str,
        bold: bool = False,
        before: float = 0,
        after: float = 6,
        line: float | None = BODY_LINE,
        keep_next: bool = False,
    ) -> Callable[[WordStyle], None]:
        def define(style: WordStyle) -> None:
            _set_font_family(style.element.get_or_add_rPr(), family)
            style.font.size = Pt(size)
            style.font.bold = bold
            style.font.italic = False
            style.font.color.rgb = _rgb(colour)
            fmt = style.paragraph_format
            fmt.space_before = Pt(before)
            fmt.space_after = Pt(after)
            if line is not None:
                fmt.line_spacing = line
            if keep_next:
                fmt.keep_with_next = True
                fmt.keep_together = True

        return define

    def heading(size: float, before: float, after: float) -> Callable[[WordStyle], None]:
        base = text(
            size, palette.primary, bold=True, before=before, after=after, line=1.0, keep_next=True
        )

        def define(style: WordStyle) -> None:
            base(style)
            style.next_paragraph_style = word.styles["Normal"]

        return define

    # Defaults first: what every style inherits (font, size, language, spacing).
    styles_element = word.styles.element
    rpr_default = styles_element.find(
        qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr")
    )
    if replace and rpr_default is not None:
        _set_font_family(rpr_default, family)
        for tag in ("w:sz", "w:szCs"):
            for child in rpr_default.findall(qn(tag)):
                child.set(qn("w:val"), str(round(sizes.body * 2)))

    _paragraph_style(word, "Normal", text(sizes.body, palette.text, after=6), replace)
    _paragraph_style(
        word, "Title", text(sizes.title, palette.primary, bold=True, after=6, line=1.0), replace
    )
    _paragraph_style(
        word, "Subtitle", text(sizes.heading2, palette.text, after=18, line=1.0), replace
    )
    for level, size, before, after in (
        (1, sizes.heading1, 18, 6),
        (2, sizes.heading2, 14, 4),
        (3, sizes.heading3, 10, 3),
    ):
        _paragraph_style(
            word,
            heading_style(level),
            heading(size, before, after),
            replace,
            keep=("w:outlineLvl",),
        )
    _paragraph_style(word, LEAD, text(sizes.body * 1.2, palette.text, after=8), replace)
    _paragraph_style(word, NOTE, text(sizes.note, palette.note, before=4, after=4), replace)
    _paragraph_style(
        word,
        CAPTION,
        text(sizes.body, palette.text, bold=True, before=6, after=4, line=1.0),
        replace,
    )
    _paragraph_style(
        word,
        FIGURE,
        text(sizes.body, palette.text, before=6, after=2, line=1.0, keep_next=True),
        replace,
    )
    _paragraph_style(
        word,
        "List Bullet",
        text(sizes.body, palette.text, after=3),
        replace,
        keep=("w:numPr", "w:contextualSpacing"),
    )
    _paragraph_style(
        word,
        "List Bullet 2",
        text(sizes.body, palette.text, after=3),
        replace,
        keep=("w:numPr", "w:contextualSpacing"),
    )
    for level in (1, 2, 3):

        def toc(style: WordStyle, level: int = level) -> None:
            text(sizes.body, palette.text, bold=level == 1, before=4 if level == 1 else 0, after=2)(
                style
            )
            style.paragraph_format.left_indent = Cm(0.6 * (level - 1))

        _paragraph_style(word, contents_style(level), toc, replace)

    def header(style: WordStyle) -> None:
        text(sizes.note, palette.note, after=0, line=1.0)(style)
        rule = OxmlElement("w:pBdr")
        _border(rule, "bottom", palette.rule, 4, space=4)
        _insert_in_ppr(
            style.element.get_or_add_pPr(), rule, before=("w:shd", "w:tabs", "w:spacing")
        )

    _paragraph_style(word, "Header", header, replace)
    _paragraph_style(word, "Footer", text(sizes.note, palette.note, after=0, line=1.0), replace)
    _paragraph_style(
        word, TABLE_TEXT, text(sizes.table, palette.text, after=0, line=CELL_LINE), replace
    )
    _paragraph_style(
        word,
        TABLE_HEADING,
        text(sizes.table, "#FFFFFF", bold=True, after=0, line=CELL_LINE),
        replace,
    )

    def callout(style: WordStyle) -> None:
        text(sizes.body, palette.text, before=10, after=10, line=1.3)(style)
        fmt = style.paragraph_format
        fmt.left_indent = Cm(0.25)
        fmt.right_indent = Cm(0.25)
        ppr = style.element.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        # as the PDF's panel: a thin rule round it and a bar of the primary colour at its left
        for side in ("top", "left", "bottom", "right"):
            left = side == "left"
            _border(
                borders, side, palette.primary if left else palette.rule, 24 if left else 6, space=6
            )
        _insert_in_ppr(ppr, borders, before=("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc"))
        _insert_in_ppr(
            ppr, _shading(palette.stripe_fill), before=("w:tabs", "w:spacing", "w:ind", "w:jc")
        )

    _paragraph_style(word, CALLOUT, callout, replace)

    def hyperlink(style: WordStyle) -> None:
        style.font.color.rgb = _rgb(palette.primary)
        style.font.underline = True

    _paragraph_style(word, HYPERLINK, hyperlink, replace, kind=WD_STYLE_TYPE.CHARACTER)

    def table(style: WordStyle) -> None:
        tbl_pr = OxmlElement("w:tblPr")
        borders = OxmlElement("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            horizontal = side in ("top", "bottom", "insideH")
            _border(borders, side, palette.rule, 4 if horizontal else 0)
        tbl_pr.append(borders)
        tbl_pr.append(cell_margins())
        style.element.append(tbl_pr)

    _paragraph_style(word, TABLE_STYLE, table, replace, kind=WD_STYLE_TYPE.TABLE)
    if replace:
        set_language(word, styles.language)


STYLE_NAMES = (
    "Normal",
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    LEAD,
    NOTE,
    CAPTION,
    FIGURE,
    "List Bullet",
    "List Bullet 2",
    "toc 1",
    "toc 2",
    "toc 3",
    "Header",
    "Footer",
    TABLE_TEXT,
    TABLE_HEADING,
    CALLOUT,
    HYPERLINK,
    TABLE_STYLE,
)
"""The styles the Word renderer uses; a reference document may restyle any of them."""


def build_reference(styles: Styles, samples: bool = True) -> WordDocument:
    """A Word document on A4 with ~2 cm margins and every style the report uses, defined afresh.

    With ``samples`` the body shows one paragraph per style, so a council sees what it restyles.
    """
    word = docx.Document()
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    section.header_distance = section.footer_distance = Cm(1)
    ensure_styles(word, styles, replace=True)
    if samples:
        word.add_paragraph("Title of the report", style="Title")
        word.add_paragraph("Subtitle: the partnership and the period", style="Subtitle")
        for level in (1, 2, 3):
            word.add_paragraph(f"Heading {level} in sentence case", style=heading_style(level))
        word.add_paragraph("A lead paragraph opens a page with its main message.", style=LEAD)
        word.add_paragraph("Body text (Normal) is what most of the report is written in.")
        word.add_paragraph("A bullet (List Bullet)", style="List Bullet")
        word.add_paragraph("A sub-bullet (List Bullet 2)", style="List Bullet 2")
        word.add_paragraph("Table 1: a caption says what a table or chart shows", style=CAPTION)
        sample = word.add_table(rows=2, cols=2, style=TABLE_STYLE)
        for (row, col), (value, style_name) in {
            (0, 0): ("Header (Table Heading)", TABLE_HEADING),
            (0, 1): ("Value", TABLE_HEADING),
            (1, 0): ("Cell text (Table Text)", TABLE_TEXT),
            (1, 1): ("1,234", TABLE_TEXT),
        }.items():
            paragraph = sample.cell(row, col).paragraphs[0]
            paragraph.text = value
            paragraph.style = word.styles[style_name]
        word.add_paragraph("A callout box holds a key or a short panel (Callout).", style=CALLOUT)
        word.add_paragraph("A note gives the source and footnotes (Note).", style=NOTE)
        for level in (1, 2, 3):
            word.add_paragraph(
                f"Contents entry, level {level} (toc {level})", style=contents_style(level)
            )
    word.core_properties.title = "Reference styles for the board report"
    word.core_properties.language = styles.language
    return word


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m safecity_reports.render.docx.reference",
        description="Write the Word reference document (styles for the Word report).",
    )
    parser.add_argument("output", type=Path, help="where to write the .docx")
    parser.add_argument(
        "--styles",
        type=Path,
        default=DEFAULT_FOLDER,
        help="the folder holding style.toml (default: the project's styles/)",
    )
    options = parser.parse_args(argv)
    build_reference(load_styles(options.styles)).save(str(options.output))
    print(f"Wrote {options.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
