"""Draw a laid-out ``Document`` as a Word file, on the styles of the reference document.

The layout is decided in ``layout``; this module only draws blocks, in named Word styles (see
``reference_docx``) so a council can restyle the report in Word. Accessibility is built in:
real heading styles with bookmarks, contents as internal hyperlinks (no fields to update),
repeating header rows, alt text on every picture, and the document language on the styles.
Tables are drawn in ``docx_tables``; the OOXML python-docx has no API for is built in
``docx_xml``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image as WordImage
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.oxml.shape import CT_Inline
from docx.oxml.table import CT_Tbl
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.image import ImagePart
from docx.section import Section
from docx.shared import Cm, Emu, Inches, Pt, RGBColor
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run

from safecity_reports.errors import UsageError
from safecity_reports.layout.document import (
    DECORATIVE_MARKS,
    Block,
    BulletList,
    Callout,
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
from safecity_reports.render.docx import reference as ref
from safecity_reports.render.docx.elements import clark, new_element
from safecity_reports.render.docx.fonts import list_font
from safecity_reports.render.docx.marks import MarkPictures
from safecity_reports.render.docx.package import Deflated, save
from safecity_reports.render.docx.properties import keep_with_next, make_bold, paragraph_style
from safecity_reports.render.docx.tables import draw_table
from safecity_reports.render.docx.toc import ask_to_update_fields, draw_contents
from safecity_reports.render.docx.xml import (
    add_bookmarked_text,
    add_field,
    add_hyperlink,
    add_run,
    add_text_run,
    end_bookmark,
    shade_run,
    start_bookmark,
    xml_safe,
)
from safecity_reports.render.docx.xml import (
    bookmark_name as bookmark_name,  # part of this module's interface
)
from safecity_reports.styles import Styles
from safecity_reports.styles.contrast import text_on

_MARKS = re.compile(f"([{DECORATIVE_MARKS}])")

_PARAGRAPH_STYLES = {
    ParagraphStyle.BODY: "Normal",
    ParagraphStyle.LEAD: ref.LEAD,
    ParagraphStyle.NOTE: ref.NOTE,
    ParagraphStyle.TITLE: "Title",
    ParagraphStyle.SUBTITLE: "Subtitle",
}


def write_docx(
    document: Document,
    images: Mapping[Chart, Path],
    path: Path,
    styles: Styles,
    *,
    pages: Mapping[str, int] | None = None,
    table_parts: Mapping[int, Sequence[int]] | None = None,
    page_starts: Mapping[tuple[int, ...], float] | None = None,
) -> None:
    """Write ``document`` to ``path`` as a .docx, drawing each chart from its PNG in ``images``.

    ``pages`` gives each heading's page (the PDF's, by anchor) for the contents as first shown;
    Word works them out again when it opens the file. ``table_parts`` gives, for each table the
    PDF breaks over pages (by its place among the document's tables), the rows of its body on
    each page: Word breaks it there too, under a caption marked '(continued)'. ``page_starts``
    gives the blocks the PDF starts a page with (by place among the document's blocks, then
    among those of each group kept together), and the room it left on the page before: where
    that is a line or more, Word starts the block on a new page too, rather than trust
    LibreOffice to keep a long chain of paragraphs together (``render/pdf/page_starts``).

    Raises ``UsageError`` if the reference document is not a Word document, and ``KeyError`` if
    a figure's chart has no image (a bug in the caller).
    """
    word = _open_reference(styles)
    ref.set_page(word, styles)
    ref.set_language(word, document.language)
    list_font(word, styles.font_family, styles.font_regular)
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
    # each chart's picture is deflated for the zip as it is placed (``package``)
    with Deflated() as deflated:
        writer = _Writer(word, images, styles, pages or {}, table_parts or {}, deflated)
        if styles.logo is not None:
            writer.logo(styles.logo, f"Logo of {document.author}")
        room = ref.BODY_LINE * styles.sizes.body
        writer.starts = {place for place, left in (page_starts or {}).items() if left >= room}
        for index, block in enumerate(document.blocks):
            # a block after a page break starts its page anyway
            writer.enter((index,), index > 0 and isinstance(document.blocks[index - 1], PageBreak))
            writer.block(block)
        if any(isinstance(block, Contents) for block in document.blocks):
            ask_to_update_fields(word.settings.element)
        # Zipped in memory, then written in one go: a disk that fills part-way fails that write
        # alone, where a zip file open on the disk failed again when the garbage collector
        # closed it, and printed "Exception ignored in: <function ZipFile.__del__>" and a
        # traceback.
        packed = save(word, deflated)
    Path(path).write_bytes(packed)


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
                " `python -m safecity_reports.render.docx.reference styles/reference.docx`"
            ) from None
        ref.ensure_styles(word, styles)
    else:
        word = ref.build_reference(styles, samples=False)
    body = word.element.body
    for child in list(body):
        if child.tag != clark("w:sectPr"):
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
    head.add_run(xml_safe(document.running_head))
    foot = footer.paragraphs[0]
    foot.text = ""
    foot.style = word.styles["Footer"]
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot.add_run("Page ")
    add_field(foot, "PAGE", "1")
    foot.add_run(" of ")
    add_field(foot, "NUMPAGES", "1")


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


class _Writer:
    """Draws blocks in order at the end of the Word document."""

    def __init__(
        self,
        word: WordDocument,
        images: Mapping[Chart, Path],
        styles: Styles,
        pages: Mapping[str, int],
        table_parts: Mapping[int, Sequence[int]],
        deflated: Deflated,
    ) -> None:
        self.word = word
        self.pages = pages
        self.table_parts = table_parts
        self.tables_drawn = 0
        self.last_block: Block | None = None
        """The block drawn before the one being drawn."""
        """How many of the document's tables are drawn, in order (``table_parts``' places)."""
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
        self.default_styles: dict[WD_STYLE_TYPE, object] = {}
        self.pictures: dict[Path, tuple[str, int, int]] = {}
        """Each picture placed: its relationship's id, its width and height at its own dpi."""
        self.deflated = deflated
        """Each chart's picture deflated for the zip as it is placed (``package``)."""
        self.next_shape_id = 0
        self.marks = MarkPictures(word, self.shape_id)
        self.at_page_top = True
        """The next paragraph starts a page: no space above it, as the PDF sets none there
        (LibreOffice keeps a paragraph's space before after a page break it is given)."""
        self.break_before = False
        """The next paragraph starts a new page (where the PDF starts one)."""
        self.starts: set[tuple[int, ...]] = set()
        """The places of the blocks that start a new page (``write_docx``'s ``page_starts``)."""
        self.place: tuple[int, ...] = ()
        """The place of the block being drawn."""
        self.after_table = False
        """The last thing drawn is a table: the PDF leaves the body text's size under it."""
        self.spacing: dict[str | None, tuple[float, float]] = {}
        """Each paragraph style's space before and after, in points, by style id."""

    # -- blocks ----------------------------------------------------------------------------

    def block(self, block: Block) -> None:
        self._block(block)
        self.last_block = block

    def _block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            paragraph = self.paragraph(block.spans, _PARAGRAPH_STYLES[block.style])
            if block.style is ParagraphStyle.NOTE and isinstance(self.last_block, Heading):
                # 'Key action: ...' under a measure's heading goes with what it introduces,
                # as in the PDF: never left under the heading alone at the foot of a page
                paragraph.paragraph_format.keep_with_next = True
        elif isinstance(block, BulletList):
            self.bullets(block)
        elif isinstance(block, Table):
            draw_table(self, block, self.table_parts.get(self.tables_drawn, ()))
            self.tables_drawn += 1
        elif isinstance(block, FigureBlock):
            self.figure(block)
        elif isinstance(block, Callout):
            self.callout(block)
        elif isinstance(block, PageBreak):
            self.page_break(block.landscape)
        elif isinstance(block, Contents):
            draw_contents(self, block, self.pages)
        elif isinstance(block, KeepTogether):
            self.keep_together(block)
        else:  # pragma: no cover - a new block type the renderer does not know yet
            raise TypeError(f"cannot draw a {type(block).__name__} in Word")

    def heading(self, heading: Heading) -> None:
        if heading.cover:
            # Word's Title style, made a level-1 heading (navigation pane, tagged PDF export)
            paragraph = self.add_paragraph("Title")
            level = new_element("w:outlineLvl")
            level.set(clark("w:val"), "0")
            paragraph._p.get_or_add_pPr().append(level)
        else:
            paragraph = self.add_paragraph(ref.heading_style(heading.level))
        name = bookmark_name(heading.anchor)
        if name in self.bookmarks:  # Word keeps only the first bookmark of a name anyway
            add_run(paragraph, xml_safe(heading.text))
            return
        self.bookmarks.add(name)
        add_bookmarked_text(paragraph, heading.text, name, self.next_bookmark)
        self.next_bookmark += 1

    def bullets(self, bullets: BulletList) -> None:
        levels = [level for level, _ in bullets.items]
        for index, (level, spans) in enumerate(bullets.items):
            paragraph = self.paragraph(spans, ref.bullet_style(level))
            if index + 1 < len(levels) and levels[index + 1] > level:
                # the PDF sets a sub-list close under its item; Word would keep the item's
                # space after, its sub-bullets being of another style
                paragraph.paragraph_format.space_after = Pt(0)

    def paragraph(self, spans: Spans, style: str) -> WordParagraph:
        paragraph = self.add_paragraph(style)
        self.spans(paragraph, spans)
        return paragraph

    def spans(
        self, paragraph: WordParagraph, spans: Spans, bold: bool = False, on: str = ""
    ) -> None:
        """``spans`` at the end of ``paragraph`` (all bold with ``bold``), a decorative mark in
        them drawn as a picture; ``on`` is the fill the text is drawn on, if the cell has one."""
        for span in spans:
            # a span that links may point at (a note, or its mark) is a bookmark of its own
            number = self.bookmark(paragraph, span.anchor) if span.anchor else None
            if span.link:
                self.hyperlink(paragraph, span.text, span.link, bold=span.bold or bold)
            else:
                strong = span.bold or bold or span.tone is not None
                fill = self.styles.rating(span.fill.value).fill if span.fill is not None else ""
                for text in _MARKS.split(span.text):
                    if not text:
                        continue
                    run = None
                    if text in DECORATIVE_MARKS:
                        run = self.mark(paragraph, text, span.tone, strong, fill or on)
                    if run is None:
                        run = add_text_run(paragraph, xml_safe(text))
                    if strong:
                        make_bold(run._r)
                    if span.tone is not None:
                        run.font.color.rgb = self.tones[span.tone]
                    if fill:
                        shade_run(run, fill, text_on(fill))
            if number is not None:
                end_bookmark(paragraph, number)

    def mark(
        self, paragraph: WordParagraph, mark: str, tone: Tone | None, bold: bool, on: str
    ) -> Run | None:
        """A decorative mark (a travel arrow) as a picture in the colour its text would have:
        its tone's, else black or white on a fill, else the paragraph style's; None where the
        font cannot draw it (it is then printed as text)."""
        colour = f"#{self.tones[tone]}" if tone is not None else text_on(on) if on else None
        font = self.styles.font_bold if bold else self.styles.font_regular
        return self.marks.add(paragraph, mark, font, colour, self.styles)

    def bookmark(self, paragraph: WordParagraph, anchor: str) -> int | None:
        """Open the bookmark for ``anchor`` in ``paragraph`` and give its id, or None where the
        name is taken (Word keeps only the first bookmark of a name)."""
        name = bookmark_name(anchor)
        if name in self.bookmarks:
            return None
        self.bookmarks.add(name)
        number = self.next_bookmark
        self.next_bookmark += 1
        start_bookmark(paragraph, name, number)
        return number

    def hyperlink(self, paragraph: WordParagraph, text: str, anchor: str, bold: bool) -> None:
        style = self.style_id(ref.HYPERLINK, WD_STYLE_TYPE.CHARACTER)
        add_hyperlink(paragraph, text, anchor, style, bold)

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
            element.set("descr", xml_safe(alt))

    def figure(self, figure: FigureBlock) -> None:
        try:
            image, read = self._chart_picture(figure.chart)
        except KeyError:
            raise KeyError(f"no image was drawn for the chart {figure.chart.title!r}") from None
        width = min(self.text_width(), Inches(self.styles.chart_size[0]))
        paragraph = self.add_paragraph(ref.FIGURE)
        run = paragraph.add_run()
        self.add_picture(run, image, width, read)
        alt = xml_safe(figure.alt)
        for doc_pr in run._r.xpath(".//wp:docPr"):
            doc_pr.set("descr", alt)
            doc_pr.set("title", xml_safe(figure.chart.title))
        for c_nv_pr in run._r.xpath(".//pic:cNvPr"):
            c_nv_pr.set("descr", alt)
        # The caption under a chart gives measure, periods and source: quieter than a table title.
        if figure.caption:
            add_run(self.paragraph((), ref.CHART_CAPTION), xml_safe(figure.caption))
        else:  # no empty line under the chart, but the space the PDF leaves round its caption
            style_id = self.style_id(ref.CHART_CAPTION, WD_STYLE_TYPE.PARAGRAPH)
            before, after = self.style_spacing(style_id)
            paragraph.paragraph_format.space_after = Pt(before + after)
            # and nothing to keep the picture with (a group it ends in keeps it with nothing)
            paragraph.paragraph_format.keep_with_next = False

    def page_break(self, landscape: bool) -> None:
        self.at_page_top = True
        # more than the closing sectPr: start a new section (not ``len(body)``, which counts
        # the body's children one by one: about a second of Word's time at 1,000 measures)
        new = self.body_end().getprevious() is not None
        section = self.add_section() if new else self.last_section()
        long_side = Emu(max(section.page_width or 0, section.page_height or 0))
        short_side = Emu(min(section.page_width or 0, section.page_height or 0))
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = long_side, short_side
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = short_side, long_side

    def enter(self, place: tuple[int, ...], broken: bool = False) -> None:
        """The block at ``place`` is drawn next: on a new page where the PDF starts one (unless
        it is ``broken`` already)."""
        self.place = place
        if place in self.starts and not broken:
            self.break_before = True

    def keep_together(self, group: KeepTogether) -> None:
        end = self.body_end()
        last = end.getprevious()
        place = self.place
        for number, block in enumerate(group.blocks):
            self.enter((*place, number))
            self.block(block)
        self.place = place
        first = last.getnext() if last is not None else self.word.element.body[0]
        added = [first, *first.itersiblings()] if first is not end else []
        added = [child for child in added if child.tag != clark("w:sectPr")]
        paragraphs = list(_paragraphs(added))
        for p in paragraphs[:-1]:
            keep_with_next(p)

    def text_width(self) -> int:
        section = self.last_section()
        return int(
            (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        )

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

    def add_section(self) -> Section:
        """A new section, from a new page, at the end of the body (as ``Document.add_section``,
        which finds the closing sectPr twice by scanning the body: a tenth of Word's time at
        3,000 measures): the closing sectPr's copy ends the section before it, in a paragraph
        of its own, and the closing one, without its header and footer references, goes on."""
        end = self.body_end()
        p = new_element("w:p")
        end.addprevious(p)
        p.set_sectPr(end.clone())
        for reference in end.xpath("w:headerReference|w:footerReference"):
            end.remove(reference)
        end.start_type = WD_SECTION.NEW_PAGE
        return Section(end, self.word.part)

    def style_id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        """``document.part.get_style_id(name, kind)``, looked up once a name, with each kind's
        default style found once: python-docx searches every style for it at each call."""
        key = (name, kind)
        if key not in self.style_ids:
            style = self.word.styles[name]  # KeyError for a name not there, as python-docx
            if style.type != kind:  # python-docx's own error
                return self.word.part.get_style_id(name, kind)  # type: ignore[no-any-return]
            if kind not in self.default_styles:
                self.default_styles[kind] = self.word.styles.default(kind)
            default = style == self.default_styles[kind]
            self.style_ids[key] = None if default else style.style_id
        return self.style_ids[key]

    def add_paragraph(self, style: str) -> WordParagraph:
        """A new paragraph in ``style`` at the end of the body (as ``Document.add_paragraph``)."""
        p = new_element("w:p")
        self.body_end().addprevious(p)
        style_id = self.style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        paragraph_style(p, style_id)
        paragraph = WordParagraph(p, self.word._body)
        if self.break_before:
            paragraph.paragraph_format.page_break_before = True
            self.open_page(paragraph)
        elif self.at_page_top:
            self.open_page(paragraph)
        elif self.after_table:
            before = max(self.styles.sizes.body, self.style_spacing(style_id)[0])
            paragraph.paragraph_format.space_before = Pt(before)
        self.at_page_top = self.after_table = self.break_before = False
        return paragraph

    def open_page(self, paragraph: WordParagraph) -> None:
        """``paragraph`` starts a page: no space above it, as in the PDF."""
        paragraph.paragraph_format.space_before = Pt(0)

    def style_spacing(self, style_id: str | None) -> tuple[float, float]:
        """The space before and after a paragraph of the style ``style_id``, in points (its
        own, or the style's it is based on)."""
        if style_id not in self.spacing:
            self.spacing[style_id] = (
                _inherited(self.word, style_id, "space_before"),
                _inherited(self.word, style_id, "space_after"),
            )
        return self.spacing[style_id]

    def insert_table(self, tbl: CT_Tbl) -> None:
        """``tbl`` at the end of the body."""
        self.body_end().addprevious(tbl)
        # a table that starts a page is left to break on its own (a break goes in a paragraph)
        self.at_page_top, self.after_table, self.break_before = False, True, False

    def shape_id(self) -> int:
        """The next free id for a drawing in the document."""
        if not self.next_shape_id:
            self.next_shape_id = self.word.part.next_id
        self.next_shape_id += 1
        return self.next_shape_id - 1

    def _chart_picture(self, chart: Chart) -> tuple[Path, Callable[[], bytes]]:
        """Where the chart's PNG is, and how to get its bytes: from the images themselves where
        they offer them (``run.word_pictures``: a PNG made for Word alone is never written),
        else from its file. The bytes are got only for a picture not placed yet."""
        picture = getattr(self.images, "picture", None)
        if picture is None:
            path = self.images[chart]
            return path, path.read_bytes
        return picture(chart)  # type: ignore[no-any-return]

    def add_picture(
        self, run: Run, image: Path, width: int, read: Callable[[], bytes] | None = None
    ) -> None:
        """The PNG ``image`` in ``run``, ``width`` EMU wide (as ``Run.add_picture``), stored once
        however often it is placed; ``read`` gives its bytes (by default, from its file)."""
        part = self.word.part
        if image not in self.pictures:
            data = (read or image.read_bytes)()
            picture = WordImage.from_blob(data)
            number = len(self.pictures) + 1
            partname = PackURI(f"/word/media/chart{number}.png")
            stored = _PlacedImagePart(partname, picture.content_type, self.deflated)
            self.deflated.add(partname, data)
            rel_id = f"rIdChart{number}"
            part.rels.add_relationship(RT.IMAGE, stored, rel_id)
            # its size, not the picture, which holds its bytes (3,000 charts: 200 MB)
            self.pictures[image] = (rel_id, picture.width, picture.height)
        rel_id, native_width, native_height = self.pictures[image]
        # as python-docx's ``Image.scaled_dimensions(width, None)``: the height to scale
        cx, cy = Emu(width), Emu(round(native_height * (float(width) / float(native_width))))
        inline = CT_Inline.new_pic_inline(self.shape_id(), rel_id, image.name, cx, cy)
        run._r.add_drawing(inline)


class _PlacedImagePart(ImagePart):
    """A picture whose bytes are kept deflated for the zip (``package.Deflated``) from when it is
    placed, not in memory: a report of thousands of charts does not hold them all while it is
    written, nor reads them again to save it."""

    def __init__(self, partname: PackURI, content_type: str, deflated: Deflated):
        super().__init__(partname, content_type, b"")
        self.deflated = deflated

    @property
    def blob(self) -> bytes:
        # python-docx asks every part for its bytes as it saves; the zip written with the parts
        # deflated ahead copies them from there, and anything else gets them inflated
        return self.deflated.original(self.partname, unless_copied=True)


def _inherited(word: WordDocument, style_id: str | None, name: str) -> float:
    """The paragraph format ``name`` (a length) of the style ``style_id`` in points: its own, or
    that of the style it is based on; 0 if none sets it."""
    style = word.styles.get_by_id(style_id, WD_STYLE_TYPE.PARAGRAPH)
    while style is not None:
        value = getattr(style.paragraph_format, name)
        if value is not None:
            return float(value.pt)
        style = style.base_style
    return 0.0


def _paragraphs(elements: list) -> Iterator:  # type: ignore[type-arg]
    """The ``w:p`` elements in ``elements``, in order; a closing table's last row is left out so
    that it is not held to what comes after the group."""
    for position, element in enumerate(elements):
        if element.tag == clark("w:p"):
            yield element
        elif element.tag == clark("w:tbl"):
            rows = element.findall(clark("w:tr"))
            if position == len(elements) - 1:
                rows = rows[:-1]
            for tr in rows:
                yield from tr.iter(clark("w:p"))
