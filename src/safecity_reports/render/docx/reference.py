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
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Cm, Pt, RGBColor

from safecity_reports.render import page
from safecity_reports.render.docx.elements import clark, new_element
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
CHART_CAPTION = "Chart Caption"
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
    rpr_default = styles_element.find(clark("w:docDefaults") + "/" + clark("w:rPrDefault"))
    if rpr_default is None:
        doc_defaults = styles_element.find(clark("w:docDefaults"))
        if doc_defaults is None:
            doc_defaults = new_element("w:docDefaults")
            styles_element.insert(0, doc_defaults)
        rpr_default = new_element("w:rPrDefault")
        doc_defaults.insert(0, rpr_default)
    rpr = rpr_default.find(clark("w:rPr"))
    if rpr is None:
        rpr = new_element("w:rPr")
        rpr_default.append(rpr)
    for rpr_element in (rpr, word.styles["Normal"].element.get_or_add_rPr()):
        lang = rpr_element.find(clark("w:lang"))
        if lang is None:
            lang = new_element("w:lang")
            rpr_element.append(lang)
        lang.set(clark("w:val"), language)
        lang.set(clark("w:eastAsia"), language)


def _set_font_family(rpr: object, family: str) -> None:
    """Name the font for every script and drop theme fonts (which would override the name)."""
    fonts = rpr.find(clark("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = new_element("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme") or attribute.endswith("theme"):
            del fonts.attrib[attribute]
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(clark(f"w:{script}"), family)


def _reset(style: WordStyle, keep: Sequence[str] = ()) -> None:
    """Drop a style's formatting (but the elements named in ``keep``) so it is defined afresh."""
    element = style.element
    for tag in ("w:pPr", "w:rPr", "w:tblPr", "w:tcPr", "w:trPr"):
        child = element.find(clark(tag))
        if child is None:
            continue
        kept = [c for c in child if c.tag in {clark(k) for k in keep}]
        element.remove(child)
        if kept:
            new = new_element(tag)
            for c in kept:
                new.append(c)
            # pPr precedes rPr in a style; both follow the name/basedOn/ui elements.
            element.append(new)
    for tag in ("w:link", "w:tblStylePr"):
        for child in element.findall(clark(tag)):
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
            del style.element.attrib[clark("w:customStyle")]
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
    edge = new_element(f"w:{side}")
    edge.set(clark("w:val"), "single" if size_eighths else "nil")
    if size_eighths:
        edge.set(clark("w:sz"), str(size_eighths))
        edge.set(clark("w:space"), str(space))
        edge.set(clark("w:color"), _hex(colour))
    parent.append(edge)  # type: ignore[attr-defined]


def _shading(fill: str) -> object:
    shd = new_element("w:shd")
    shd.set(clark("w:val"), "clear")
    shd.set(clark("w:color"), "auto")
    shd.set(clark("w:fill"), _hex(fill))
    return shd


def _insert_in_ppr(ppr: object, element: object, before: Sequence[str]) -> None:
    """Put ``element`` into ``pPr`` ahead of the first child named in ``before`` (schema order)."""
    for child in ppr:  # type: ignore[attr-defined]
        if child.tag in {clark(b) for b in before}:
            child.addprevious(element)
            return
    ppr.append(element)  # type: ignore[attr-defined]


FONT_LINE = 1.149
"""Arial's (and Liberation Sans's) own line height, in ems (Word's single spacing)."""
FONT_ASCENT = 0.905
"""Arial's (and Liberation Sans's) ascent, in ems: a single-spaced line's baseline lies this far
below its top."""

# Lines are set a number of times their size apart, as the PDF sets them ("at least" that many
# points, so a picture in a line still shows whole): LibreOffice then breaks a page where
# reportlab does, the last line on a page fitting whole (a "multiple" of the font's line lets its
# space under the text hang below the page's text area, and rounds to whole per cent).
BODY_LINE = 1.4
"""Body text: 1.4 times its size."""
CELL_LINE = 1.3
"""Table text: 1.3 times its size."""
HEADING_LINE = 1.25
"""Headings: 1.25 times their size."""
CALLOUT_LINE = 1.6
"""A panel's lines: the PDF sets each as a paragraph 1.4 times its size high with 2 points after
it."""
BULLET_INDENT = 14
"""Points a bullet's text is set in from its list's edge, as in the PDF."""
CALLOUT_PADDING = 4
"""Points between a panel's rules and its text: with the rules' width, the PDF's 6-point padding
less the 2 points after its last line (Word's spacing of borders is in whole points)."""

# Every space before and after below is the PDF's (``render/pdf/furniture.text_styles``): the
# space between two paragraphs is the larger of the first's after and the second's before in
# both reportlab and LibreOffice, so the same values break pages alike.


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
        single: bool = False,
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
            if single:  # the font's own line: a picture's line is as high as the picture
                fmt.line_spacing = 1.0
            elif line is not None:
                fmt.line_spacing = Pt(size * line)
                fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
            if keep_next:
                fmt.keep_with_next = True
                fmt.keep_together = True

        return define

    def heading(size: float, before: float, after: float) -> Callable[[WordStyle], None]:
        base = text(
            size,
            palette.primary,
            bold=True,
            before=before,
            after=after,
            line=HEADING_LINE,
            keep_next=True,
        )

        def define(style: WordStyle) -> None:
            base(style)
            style.next_paragraph_style = word.styles["Normal"]

        return define

    # Defaults first: what every style inherits (font, size, language, spacing).
    styles_element = word.styles.element
    rpr_default = styles_element.find(
        clark("w:docDefaults") + "/" + clark("w:rPrDefault") + "/" + clark("w:rPr")
    )
    if replace and rpr_default is not None:
        _set_font_family(rpr_default, family)
        for tag in ("w:sz", "w:szCs"):
            for child in rpr_default.findall(clark(tag)):
                child.set(clark("w:val"), str(round(sizes.body * 2)))

    _paragraph_style(word, "Normal", text(sizes.body, palette.text, after=6), replace)
    _paragraph_style(
        word,
        "Title",
        text(
            sizes.title,
            palette.primary,
            bold=True,
            after=sizes.title * 0.5,
            line=1.2,
        ),
        replace,
    )
    _paragraph_style(
        word,
        "Subtitle",
        text(
            sizes.heading2,
            palette.text,
            after=sizes.heading2 * 0.6,
            line=1.35,
        ),
        replace,
    )
    for level, size in ((1, sizes.heading1), (2, sizes.heading2), (3, sizes.heading3)):
        _paragraph_style(
            word,
            heading_style(level),
            heading(size, size * 0.8, size * 0.4),
            replace,
            keep=("w:outlineLvl",),
        )
    _paragraph_style(word, LEAD, text(sizes.body * 1.2, palette.text, after=sizes.body), replace)
    _paragraph_style(word, NOTE, text(sizes.note, palette.note, after=sizes.body * 0.6), replace)
    _paragraph_style(
        word, CAPTION, text(sizes.body, palette.text, bold=True, before=4, after=4), replace
    )
    _paragraph_style(
        word,
        FIGURE,
        text(sizes.body, palette.text, after=0, single=True, keep_next=True),
        replace,
    )
    _paragraph_style(
        word, CHART_CAPTION, text(sizes.note, palette.note, before=3, after=sizes.body), replace
    )
    for level in (1, 2):

        def bullet(style: WordStyle, level: int = level) -> None:
            text(sizes.body, palette.text, after=3)(style)
            # the text as far in as the PDF's (its lists' indent, and a sub-list's under it),
            # the bullet in the indent: a line then holds what the PDF's does
            fmt = style.paragraph_format
            fmt.left_indent = Pt(BULLET_INDENT * level)
            fmt.first_line_indent = Pt(-BULLET_INDENT)

        _paragraph_style(
            word, bullet_style(level), bullet, replace, keep=("w:numPr", "w:contextualSpacing")
        )
    for level in (1, 2, 3):

        def toc(style: WordStyle, level: int = level) -> None:
            # as the PDF's contents: rows 2 points above and below their line, 7 above a part's
            text(sizes.body, palette.text, bold=level == 1, before=9 if level == 1 else 0, after=4)(
                style
            )
            # an entry's text as wide as the PDF's: in from the page numbers' column (a right
            # tab stop past the indent sets each number at the margin)
            style.paragraph_format.left_indent = Pt(sizes.body * 1.5 * (level - 1))
            style.paragraph_format.right_indent = Pt(sizes.body * 3)

        _paragraph_style(word, contents_style(level), toc, replace)

    def header(style: WordStyle) -> None:
        text(sizes.note, palette.note, after=0, single=True)(style)
        rule = new_element("w:pBdr")
        _border(rule, "bottom", palette.rule, 4, space=4)
        _insert_in_ppr(
            style.element.get_or_add_pPr(), rule, before=("w:shd", "w:tabs", "w:spacing")
        )

    _paragraph_style(word, "Header", header, replace)
    _paragraph_style(word, "Footer", text(sizes.note, palette.note, after=0, single=True), replace)
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
        # 8 points after, as the PDF's panel, and the half point its rules take from its height
        text(sizes.body, palette.text, after=8.5, line=CALLOUT_LINE)(style)
        fmt = style.paragraph_format
        fmt.left_indent = Cm(0.25)
        fmt.right_indent = Cm(0.25)
        ppr = style.element.get_or_add_pPr()
        borders = new_element("w:pBdr")
        # as the PDF's panel: a thin rule round it and a bar of the primary colour at its left
        for side in ("top", "left", "bottom", "right"):
            left = side == "left"
            _border(
                borders,
                side,
                palette.primary if left else palette.rule,
                24 if left else 6,
                space=CALLOUT_PADDING if side in ("top", "bottom") else 6,
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
        tbl_pr = new_element("w:tblPr")
        borders = new_element("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            ruled = side in ("bottom", "insideH")  # under each row, as the PDF
            _border(borders, side, palette.rule, 4 if ruled else 0)
        tbl_pr.append(borders)
        tbl_pr.append(cell_margins())
        style.element.append(tbl_pr)

    _paragraph_style(word, TABLE_STYLE, table, replace, kind=WD_STYLE_TYPE.TABLE)
    if replace:
        set_language(word, styles.language)


def set_page(word: WordDocument, styles: Styles) -> None:
    """The PDF's margins on every section of ``word`` (``render.page``), its running head's and
    page number's baselines where the PDF's are: Word places a header by its top and a footer
    by its bottom, so each is moved by its line's ascent or depth."""
    head = word.styles["Header"].font.size or Pt(styles.sizes.note)
    foot = word.styles["Footer"].font.size or Pt(styles.sizes.note)
    foot_depth = foot.pt * (FONT_LINE - FONT_ASCENT)
    for section in word.sections:
        section.left_margin = section.right_margin = Pt(page.MARGIN_SIDE)
        section.top_margin = Pt(page.MARGIN_TOP)
        section.bottom_margin = Pt(page.MARGIN_BOTTOM)
        section.header_distance = Pt(page.HEAD_BASELINE - head.pt * FONT_ASCENT)
        section.footer_distance = Pt(page.FOOT_BASELINE - foot_depth)


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
    CHART_CAPTION,
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
    """A Word document on the report's A4 page (``set_page``) and every style the report uses,
    defined afresh.

    With ``samples`` the body shows one paragraph per style, so a council sees what it restyles.
    """
    word = docx.Document()
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    ensure_styles(word, styles, replace=True)
    set_page(word, styles)
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
        word.add_paragraph(
            "Source: under a chart, where its figures come from", style=CHART_CAPTION
        )
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
