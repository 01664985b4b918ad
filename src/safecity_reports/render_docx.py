"""Draw a laid-out ``Document`` as a Word file, on the styles of the reference document.

The layout is decided in ``layout``; this module only draws blocks, in named Word styles (see
``reference_docx``) so a council can restyle the report in Word. Accessibility is built in:
real heading styles with bookmarks, contents as internal hyperlinks (no fields to update),
repeating header rows, alt text on every picture, and the document language on the styles.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image as WordImage
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.oxml.table import CT_Tbl
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.image import ImagePart
from docx.section import Section
from docx.shared import Cm, Emu, Inches, RGBColor
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run

from . import reference_docx as ref
from .document import (
    Align,
    Block,
    BulletList,
    Callout,
    Cell,
    Chart,
    Contents,
    Document,
    FigureBlock,
    Heading,
    KeepTogether,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Spans,
    Table,
    Tone,
)
from .errors import UsageError
from .styles import Styles

_PARAGRAPH_STYLES = {
    ParagraphStyle.BODY: "Normal",
    ParagraphStyle.LEAD: ref.LEAD,
    ParagraphStyle.NOTE: ref.NOTE,
    ParagraphStyle.TITLE: "Title",
    ParagraphStyle.SUBTITLE: "Subtitle",
}
_ALIGNMENTS = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Align.CENTRE: WD_ALIGN_PARAGRAPH.CENTER,
}
_BOOKMARK_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,39}")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TWIPS_PER_EMU = 1 / 635


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


def write_docx(
    document: Document, images: Mapping[Chart, Path], path: Path, styles: Styles
) -> None:
    """Write ``document`` to ``path`` as a .docx, drawing each chart from its PNG in ``images``.

    Raises ``UsageError`` if the reference document is not a Word document, and ``KeyError`` if
    a figure's chart has no image (a bug in the caller).
    """
    word = _open_reference(styles)
    ref.set_language(word, document.language)
    properties = word.core_properties
    properties.title = document.title
    properties.subject = document.subject
    properties.author = document.author
    properties.language = document.language
    properties.keywords = ""
    properties.comments = ""
    properties.last_modified_by = document.author
    properties.created = properties.modified = datetime.now(UTC).replace(microsecond=0)
    properties.revision = 1
    _write_page_furniture(word, document)
    writer = _Writer(word, images, styles)
    if styles.logo is not None:
        writer.logo(styles.logo, f"Logo of {document.author}")
    for block in document.blocks:
        writer.block(block)
    word.save(str(path))


def _open_reference(styles: Styles) -> WordDocument:
    """The reference document emptied of its sample content, with every style the report uses."""
    reference = styles.reference_docx
    if reference is not None and reference.is_file():
        try:
            word = docx.Document(str(reference))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise UsageError(
                f"the Word reference document {reference} cannot be used: {exc}. Save it from"
                " Word as a .docx, or rebuild it with"
                " `python -m safecity_reports.reference_docx styles/reference.docx`"
            ) from None
        ref.ensure_styles(word, styles)
    else:
        word = ref.build_reference(styles, samples=False)
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return word


def _write_page_furniture(word: WordDocument, document: Document) -> None:
    """A running head on every page and "Page X of Y" in the footer (fields Word updates itself)."""
    section = word.sections[0]
    section.different_first_page_header_footer = False
    header, footer = section.header, section.footer
    header.is_linked_to_previous = False
    footer.is_linked_to_previous = False
    for part in (header, footer):
        for extra in part.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
    head = header.paragraphs[0]
    head.text = ""
    head.style = word.styles["Header"]
    head.add_run(_xml_safe(document.running_head))
    foot = footer.paragraphs[0]
    foot.text = ""
    foot.style = word.styles["Footer"]
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot.add_run("Page ")
    _add_field(foot, "PAGE", "1")
    foot.add_run(" of ")
    _add_field(foot, "NUMPAGES", "1")


def _add_field(paragraph: WordParagraph, instruction: str, placeholder: str) -> None:
    def char(kind: str) -> None:
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            element.set(qn("w:dirty"), "true")
        run._r.append(element)

    char("begin")
    code = paragraph.add_run()._r
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code.append(text)
    char("separate")
    paragraph.add_run(placeholder)
    char("end")


def _xml_safe(text: str) -> str:
    """Text without the control characters XML cannot hold (tabs and line breaks are kept)."""
    return _NOT_XML.sub("", text)


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


class _Writer:
    """Draws blocks in order at the end of the Word document."""

    def __init__(self, word: WordDocument, images: Mapping[Chart, Path], styles: Styles) -> None:
        self.word = word
        self.images = images
        self.styles = styles
        self.next_bookmark = 1
        self.bookmarks: set[str] = set()
        self.tones = {
            Tone.GOOD: _rgb(styles.palette.good),
            Tone.BAD: _rgb(styles.palette.bad),
            Tone.NEUTRAL: _rgb(styles.palette.neutral),
        }
        self.style_ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}
        self.pictures: dict[Path, str] = {}
        self.next_shape_id = 0

    # -- blocks ----------------------------------------------------------------------------

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            self.paragraph(block.spans, _PARAGRAPH_STYLES[block.style])
        elif isinstance(block, BulletList):
            for level, spans in block.items:
                self.paragraph(spans, ref.bullet_style(level))
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, FigureBlock):
            self.figure(block)
        elif isinstance(block, Callout):
            self.callout(block)
        elif isinstance(block, PageBreak):
            self.page_break(block.landscape)
        elif isinstance(block, Contents):
            for level, text, anchor in block.entries:
                paragraph = self.add_paragraph(ref.contents_style(level))
                self._hyperlink(paragraph, text, anchor, bold=False)
        elif isinstance(block, KeepTogether):
            self.keep_together(block)
        else:  # pragma: no cover - a new block type the renderer does not know yet
            raise TypeError(f"cannot draw a {type(block).__name__} in Word")

    def heading(self, heading: Heading) -> None:
        paragraph = self.add_paragraph(ref.heading_style(heading.level))
        name = bookmark_name(heading.anchor)
        if name in self.bookmarks:  # Word keeps only the first bookmark of a name anyway
            paragraph.add_run(_xml_safe(heading.text))
            return
        self.bookmarks.add(name)
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.next_bookmark))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self.next_bookmark))
        self.next_bookmark += 1
        paragraph._p.append(start)
        paragraph.add_run(_xml_safe(heading.text))
        paragraph._p.append(end)

    def paragraph(self, spans: Spans, style: str) -> WordParagraph:
        paragraph = self.add_paragraph(style)
        self.spans(paragraph, spans)
        return paragraph

    def spans(self, paragraph: WordParagraph, spans: Spans, bold: bool = False) -> None:
        for span in spans:
            if span.link:
                self._hyperlink(paragraph, span.text, span.link, bold=span.bold or bold)
                continue
            run = paragraph.add_run(_xml_safe(span.text))
            if span.bold or bold or span.tone is not None:
                run.bold = True
            if span.tone is not None:
                run.font.color.rgb = self.tones[span.tone]

    def _hyperlink(self, paragraph: WordParagraph, text: str, anchor: str, bold: bool) -> None:
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), bookmark_name(anchor))
        link.set(qn("w:history"), "1")
        run = paragraph.add_run(_xml_safe(text))
        run._r.style = self.style_id(ref.HYPERLINK, WD_STYLE_TYPE.CHARACTER)
        if bold:
            run.bold = True
        link.append(run._r)
        paragraph._p.append(link)

    def callout(self, callout: Callout) -> None:
        # One paragraph with line breaks: LibreOffice draws a box per paragraph, Word one per group,
        # so only a single paragraph gives one box in both.
        paragraph = self.add_paragraph(ref.CALLOUT)
        for index, spans in enumerate(callout.lines):
            if index:
                paragraph.add_run().add_break()
            self.spans(paragraph, spans)

    def logo(self, image: Path, alt: str) -> None:
        """The publisher's logo at the top of the title page, at most 4 cm wide."""
        run = self.add_paragraph(ref.FIGURE).add_run()
        self.add_picture(run, image, Cm(4))
        for element in run._r.xpath(".//wp:docPr | .//pic:cNvPr"):
            element.set("descr", _xml_safe(alt))

    def figure(self, figure: FigureBlock) -> None:
        try:
            image = self.images[figure.chart]
        except KeyError:
            raise KeyError(f"no image was drawn for the chart {figure.chart.title!r}") from None
        width = min(self._text_width(), Inches(self.styles.chart_size[0]))
        paragraph = self.add_paragraph(ref.FIGURE)
        run = paragraph.add_run()
        self.add_picture(run, image, width)
        alt = _xml_safe(figure.alt)
        for doc_pr in run._r.xpath(".//wp:docPr"):
            doc_pr.set("descr", alt)
            doc_pr.set("title", _xml_safe(figure.chart.title))
        for c_nv_pr in run._r.xpath(".//pic:cNvPr"):
            c_nv_pr.set("descr", alt)
        # The caption under a chart gives measure, periods and source: quieter than a table title.
        self.paragraph((), ref.CAPTION).add_run(_xml_safe(figure.caption)).bold = False

    def page_break(self, landscape: bool) -> None:
        body = self.word.element.body
        # more than the closing sectPr: start a new section
        new = len(body) > 1
        section = self.word.add_section(WD_SECTION.NEW_PAGE) if new else self.last_section()
        long_side = max(section.page_width or 0, section.page_height or 0)
        short_side = min(section.page_width or 0, section.page_height or 0)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = long_side, short_side
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = short_side, long_side

    def keep_together(self, group: KeepTogether) -> None:
        end = self.body_end()
        last = end.getprevious()
        for block in group.blocks:
            self.block(block)
        first = last.getnext() if last is not None else self.word.element.body[0]
        added = [first, *first.itersiblings()] if first is not end else []
        added = [child for child in added if child.tag != qn("w:sectPr")]
        paragraphs = list(_paragraphs(added))
        for p in paragraphs[:-1]:
            WordParagraph(p, self.word).paragraph_format.keep_with_next = True

    # -- tables ----------------------------------------------------------------------------

    def table(self, table: Table) -> None:
        caption = self.paragraph((), ref.CAPTION)
        caption.add_run(_xml_safe(table.caption))
        caption.paragraph_format.keep_with_next = True

        rows = table.header + table.rows
        columns = len(table.widths)
        placed = _place(rows, columns)
        word_table = self.add_table(len(rows), columns)
        word_table.style = self.word.styles[ref.TABLE_STYLE]
        word_table.alignment = WD_TABLE_ALIGNMENT.LEFT
        word_table.autofit = False
        # python-docx's table.cell() lists every cell of the table on each call: look cells up
        # in one list instead, or a long table takes time growing with its square. Merging
        # only touches the cells inside each (disjoint) span, so the list stays good for them.
        grid = word_table._cells
        for (row, column), cell in placed.items():
            if cell.row_span > 1 or cell.col_span > 1:
                grid[row * columns + column].merge(
                    grid[(row + cell.row_span - 1) * columns + column + cell.col_span - 1]
                )
        grid = word_table._cells
        widths = self._column_widths(table.widths)
        self._set_widths(word_table, widths)
        _table_properties(word_table, table.caption, self.styles.palette.rule)

        palette = self.styles.palette
        header_rows = len(table.header)
        group_starts = {header_rows + index for index in table.row_groups}
        heading_style = self.style_id(ref.TABLE_HEADING, WD_STYLE_TYPE.PARAGRAPH)
        text_style = self.style_id(ref.TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
        for index, tr in enumerate(word_table._tbl.tr_lst):
            tr_pr = tr.get_or_add_trPr()
            tr_pr.append(_on_off("w:cantSplit"))
            if index < header_rows:
                tr_pr.append(_on_off("w:tblHeader"))
        for (row, column), cell in placed.items():
            word_cell = grid[row * columns + column]
            is_header = row < header_rows
            paragraph = word_cell.paragraphs[0]
            for extra in word_cell.paragraphs[1:]:
                extra._p.getparent().remove(extra._p)
            paragraph._p.get_or_add_pPr().style = heading_style if is_header else text_style
            paragraph.alignment = _ALIGNMENTS[cell.align]
            self.spans(paragraph, cell.spans, bold=cell.row_header)
            if is_header:
                _shade(word_cell, palette.header_fill)
                word_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
            else:
                word_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
                body_row = row - header_rows
                if not table.row_groups and body_row % 2 == 1:
                    _shade(word_cell, palette.stripe_fill)
            if row in group_starts and row > header_rows:
                _top_border(word_cell, palette.primary)

    def _text_width(self) -> int:
        section = self.last_section()
        return int(
            (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        )

    def _column_widths(self, relative: tuple[float, ...]) -> list[int]:
        total = sum(relative) or 1
        text_width = self._text_width()
        return [int(text_width * share / total) for share in relative]

    # -- adding to the body --------------------------------------------------------------------
    # python-docx finds the body's closing sectPr by scanning the whole body on every new
    # paragraph, lists every section for sections[-1], looks a style up among all styles on every
    # use, and hashes every image in the document on every new picture. Each grows with the
    # document, so a report with thousands of measures took hours; these do the same in constant
    # time, giving the same XML.

    def body_end(self) -> BaseOxmlElement:
        """The body's closing sectPr: the last section's properties, kept last in the body."""
        body = self.word.element.body
        end = getattr(self, "_end", None)
        if end is None or end.getparent() is not body:
            end = self._end = body.get_or_add_sectPr()
        return end

    def last_section(self) -> Section:
        return Section(self.body_end(), self.word.part)

    def style_id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        key = (name, kind)
        if key not in self.style_ids:
            self.style_ids[key] = self.word.part.get_style_id(name, kind)
        return self.style_ids[key]

    def add_paragraph(self, style: str) -> WordParagraph:
        """A new paragraph in ``style`` at the end of the body (as ``Document.add_paragraph``)."""
        p = OxmlElement("w:p")
        self.body_end().addprevious(p)
        p.get_or_add_pPr().style = self.style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        return WordParagraph(p, self.word._body)

    def add_table(self, rows: int, columns: int) -> WordTable:
        """A new table at the end of the body, as wide as the text (as ``Document.add_table``)."""
        section = self.last_section()
        width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        tbl = CT_Tbl.new_tbl(rows, columns, Emu(width))
        self.body_end().addprevious(tbl)
        table = WordTable(tbl, self.word._body)
        table.style = None
        return table

    def add_picture(self, run: Run, image: Path, width: int) -> None:
        """The PNG ``image`` in ``run``, ``width`` EMU wide (as ``Run.add_picture``), stored once
        however often it is placed."""
        part = self.word.part
        picture = WordImage.from_file(str(image))
        if image not in self.pictures:
            number = len(self.pictures) + 1
            stored = ImagePart.from_image(picture, PackURI(f"/word/media/chart{number}.png"))
            rel_id = f"rIdChart{number}"
            part.rels.add_relationship(RT.IMAGE, stored, rel_id)
            self.pictures[image] = rel_id
        if not self.next_shape_id:
            self.next_shape_id = part.next_id
        cx, cy = picture.scaled_dimensions(Emu(width), None)
        inline = CT_Inline.new_pic_inline(
            self.next_shape_id, self.pictures[image], image.name, cx, cy
        )
        self.next_shape_id += 1
        run._r.add_drawing(inline)

    @staticmethod
    def _set_widths(word_table: WordTable, widths: list[int]) -> None:
        for column, width in zip(word_table.columns, widths, strict=True):
            column.width = Emu(width)
        for tr in word_table._tbl.tr_lst:
            grid_column = 0
            for tc in tr.tc_lst:
                span = tc.grid_span
                _Cell(tc, word_table).width = Emu(sum(widths[grid_column : grid_column + span]))
                grid_column += span
        tbl_pr = word_table._tbl.tblPr
        tbl_w = tbl_pr.find(qn("w:tblW"))
        if tbl_w is None:
            tbl_w = OxmlElement("w:tblW")
            tbl_pr.append(tbl_w)
        tbl_w.set(qn("w:type"), "dxa")
        tbl_w.set(qn("w:w"), str(round(sum(widths) * _TWIPS_PER_EMU)))


def _place(rows: tuple[tuple[Cell, ...], ...], columns: int) -> dict[tuple[int, int], Cell]:
    """Each cell at its (row, column) in the grid, skipping the places that spans cover."""
    covered: set[tuple[int, int]] = set()
    placed: dict[tuple[int, int], Cell] = {}
    for row, cells in enumerate(rows):
        column = 0
        for cell in cells:
            while (row, column) in covered:
                column += 1
            if column + cell.col_span > columns or row + cell.row_span > len(rows):
                raise ValueError(
                    f"table cell {cell.text!r} at row {row + 1} does not fit in {columns} columns"
                    f" and {len(rows)} rows"
                )
            placed[(row, column)] = cell
            for r in range(row, row + cell.row_span):
                for c in range(column, column + cell.col_span):
                    covered.add((r, c))
            column += cell.col_span
    return placed


def _paragraphs(elements: list) -> Iterator:  # type: ignore[type-arg]
    """The ``w:p`` elements in ``elements``, in order; a closing table's last row is left out so
    that it is not held to what comes after the group."""
    for position, element in enumerate(elements):
        if element.tag == qn("w:p"):
            yield element
        elif element.tag == qn("w:tbl"):
            rows = element.findall(qn("w:tr"))
            if position == len(elements) - 1:
                rows = rows[:-1]
            for tr in rows:
                yield from tr.iter(qn("w:p"))


def _on_off(tag: str) -> object:
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    return element


def _shade(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill.lstrip("#").upper())
    # Schema order in tcPr: tcW, gridSpan, vMerge, tcBorders, shd, noWrap, tcMar, ..., vAlign.
    _insert_before(
        tc_pr,
        shd,
        ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"),
    )


def _top_border(cell: _Cell, colour: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), "12")
    top.set(qn("w:space"), "0")
    top.set(qn("w:color"), colour.lstrip("#").upper())
    borders.append(top)
    _insert_before(
        tc_pr,
        borders,
        (
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
        ),
    )


def _insert_before(parent: object, element: object, successors: tuple[str, ...]) -> None:
    names = {qn(s) for s in successors}
    for child in parent:  # type: ignore[attr-defined]
        if child.tag in names:
            child.addprevious(element)
            return
    parent.append(element)  # type: ignore[attr-defined]


def _table_properties(word_table: WordTable, caption: str, rule: str) -> None:
    """Direct table properties that LibreOffice and Word both honour: a fixed layout, light
    horizontal rules, a header row for assistive technology, and the caption as its title."""
    tbl_pr = word_table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        if side in ("top", "bottom", "insideH"):
            edge.set(qn("w:val"), "single")
            edge.set(qn("w:sz"), "4")
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), rule.lstrip("#").upper())
        else:
            edge.set(qn("w:val"), "nil")
        borders.append(edge)
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 57), ("left", 85), ("bottom", 57), ("right", 85)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    for element, successors in (
        (borders, ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")),
        (layout, ("w:tblCellMar", "w:tblLook", "w:tblCaption")),
        (margins, ("w:tblLook", "w:tblCaption")),
    ):
        for old in tbl_pr.findall(element.tag):
            tbl_pr.remove(old)
        _insert_before(tbl_pr, element, successors)
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        tbl_pr.append(look)
    for attribute, value in (
        ("firstRow", "1"),
        ("lastRow", "0"),
        ("firstColumn", "0"),
        ("lastColumn", "0"),
        ("noHBand", "1"),
        ("noVBand", "1"),
    ):
        look.set(qn(f"w:{attribute}"), value)
    look.set(qn("w:val"), "0620")  # the same flags in the Word 2007 form: header row, no banding
    title = OxmlElement("w:tblCaption")
    title.set(qn("w:val"), _xml_safe(caption))
    tbl_pr.append(title)
