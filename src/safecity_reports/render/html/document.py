"""Draw a laid-out ``Document`` as one self-contained web page: ``write_html``.

The layout is decided in ``layout``; this module only draws its blocks, as the Word and PDF
renderers do, so the page says what they say, word for word. Accessibility is built in: the
document's language, a skip link to the content, headings in the layout's order with the
anchors the contents and links point at, real data tables (``tables``), charts as inline SVG
drawn by matplotlib from the same figure as the PDF's (``svg``) named by their title and
described by the same alt text, notes linked to and from the marks that cite them, a travel
arrow beside its words kept from screen readers, and a style sheet (``css``) that reflows to
320 px and prints like the PDF. Nothing is fetched: no file, font or script outside the page.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from html import escape
from pathlib import Path

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
    Span,
    Spans,
    Table,
    Tone,
)
from safecity_reports.render.html.css import fill_class, stylesheet
from safecity_reports.render.html.svg import inline_svg
from safecity_reports.render.html.tables import table_html
from safecity_reports.styles import Styles

_MARKS = re.compile(f"([{DECORATIVE_MARKS}])")
_PARAGRAPH_CLASSES = {
    ParagraphStyle.BODY: "",
    ParagraphStyle.LEAD: "lead",
    ParagraphStyle.NOTE: "note",
    ParagraphStyle.TITLE: "title",
    ParagraphStyle.SUBTITLE: "subtitle",
}
_TONES = {Tone.GOOD: "good", Tone.BAD: "bad", Tone.NEUTRAL: "neutral"}
SKIP_TEXT = "Skip to main content"


def write_html(
    document: Document, images: Mapping[Chart, Path], path: Path, styles: Styles
) -> None:
    """Write ``document`` to ``path`` as one HTML page, each chart the SVG drawn beside its
    PNG in ``images`` (the PNG's path with ``.svg``: the charts are drawn with their SVGs when
    the page is asked for).

    Raises ``KeyError`` if a figure's chart has no image, ``FileNotFoundError`` if it has no SVG
    (bugs in the caller), and ``TypeError`` for a block this renderer does not know.
    """
    writer = _Writer(images, styles)
    if styles.logo is not None:
        writer.logo(styles.logo, f"Logo of {document.author}")
    writer.sheet(landscape=False)
    for block in document.blocks:
        writer.block(block, top=True)
    writer.end_sheet()
    page = "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{_attr(document.language)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_text(document.title)}</title>",
            f'<meta name="author" content="{_attr(document.author)}">',
            f'<meta name="description" content="{_attr(document.subject)}">',
            f"<style>\n{stylesheet(styles, document.running_head)}\n</style>",
            "</head>",
            "<body>",
            f'<a class="skip-link" href="#main">{SKIP_TEXT}</a>',
            f'<header class="running-head"><p>{_text(document.running_head)}</p></header>',
            '<main id="main" tabindex="-1">',
            *writer.parts,
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )
    Path(path).write_text(page, encoding="utf-8")


def _text(text: str) -> str:
    return escape(text, quote=False)


def _attr(text: str) -> str:
    return escape(text, quote=True)


class _Writer:
    """Draws blocks in order into ``parts``, the lines of the page's ``main``."""

    def __init__(self, images: Mapping[Chart, Path], styles: Styles) -> None:
        self.images = images
        self.styles = styles
        self.parts: list[str] = []
        self.ids: set[str] = {"main"}
        self.tables = 0
        self.figures = 0
        self.open_sheet = False
        self.svgs: dict[Path, str] = {}

    # -- blocks ----------------------------------------------------------------------------

    def block(self, block: Block, top: bool = False) -> None:
        match block:
            case Heading():
                self.heading(block)
            case Paragraph():
                self.paragraph(block)
            case BulletList():
                self.bullets(block)
            case Table():
                self.tables += 1
                self.parts.append(table_html(block, self.tables, self.spans))
            case FigureBlock():
                self.figure(block)
            case Callout():
                lines = "".join(f"<p>{self.spans(spans)}</p>" for spans in block.lines)
                self.parts.append(f'<div class="callout">{lines}</div>')
            case PageBreak():
                if top:  # a new sheet: a new page in print, a rule on screen
                    self.end_sheet()
                    self.sheet(block.landscape)
                else:
                    self.parts.append('<div class="page-break"></div>')
            case Contents():
                self.contents(block)
            case KeepTogether():
                self.parts.append('<div class="keep">')
                for inner in block.blocks:
                    self.block(inner)
                self.parts.append("</div>")
            case _:
                raise TypeError(f"render_html cannot draw a {type(block).__name__}")

    def sheet(self, landscape: bool) -> None:
        self.parts.append('<div class="sheet landscape">' if landscape else '<div class="sheet">')
        self.open_sheet = True

    def end_sheet(self) -> None:
        if self.open_sheet:
            self.parts.append("</div>")
            self.open_sheet = False

    def id_attribute(self, anchor: str) -> str:
        """`` id="anchor"``, or nothing where the anchor is empty or already taken (links go
        to its first place, as in Word)."""
        if not anchor or anchor in self.ids:
            return ""
        self.ids.add(anchor)
        return f' id="{_attr(anchor)}"'

    def heading(self, heading: Heading) -> None:
        level = 1 if heading.cover else min(max(heading.level, 1), 6)
        classes = ' class="title"' if heading.cover else ""
        self.parts.append(
            f"<h{level}{self.id_attribute(heading.anchor)}{classes}>"
            f"{_text(heading.text)}</h{level}>"
        )

    def paragraph(self, paragraph: Paragraph) -> None:
        name = _PARAGRAPH_CLASSES[paragraph.style]
        classes = f' class="{name}"' if name else ""
        anchors = {span.anchor for span in paragraph.spans}
        # a note's own id, where no span in it already carries it
        note = self.id_attribute(paragraph.note) if paragraph.note not in anchors else ""
        self.parts.append(f"<p{note}{classes}>{self.spans(paragraph.spans)}</p>")

    def bullets(self, bullets: BulletList) -> None:
        """Items of level 1 as a list; an item of level 2 or more in a list inside the item
        before it (as the PDF tags them)."""
        lines = ["<ul>"]
        inner = False
        for index, (level, spans) in enumerate(bullets.items):
            nested = level >= 2 and index > 0
            if nested and not inner:
                lines[-1] = lines[-1].removesuffix("</li>")
                lines.append("<ul>")
                inner = True
            elif not nested and inner:
                lines.append("</ul></li>")
                inner = False
            lines.append(f"<li>{self.spans(spans)}</li>")
        if inner:
            lines.append("</ul></li>")
        lines.append("</ul>")
        self.parts.append("\n".join(lines))

    def contents(self, contents: Contents) -> None:
        """The contents as a list of links, an entry of a deeper level in a list inside the
        entry before it."""
        lines = ['<nav class="contents" aria-label="Contents">', "<ul>"]
        depth = 1
        first = True
        for level, text, anchor in contents.entries:
            level = max(1, min(level, depth + 1)) if not first else 1
            if level > depth:
                lines[-1] = lines[-1].removesuffix("</li>")
                lines.append("<ul>")
            while depth > level:
                lines.append("</ul></li>")
                depth -= 1
            depth = level
            lines.append(f'<li><a href="#{_attr(anchor)}">{_text(text)}</a></li>')
            first = False
        while depth > 1:
            lines.append("</ul></li>")
            depth -= 1
        lines.extend(["</ul>", "</nav>"])
        self.parts.append("\n".join(lines))

    def figure(self, figure: FigureBlock) -> None:
        try:
            image = self.images[figure.chart]
        except KeyError:
            raise KeyError(f"no image was drawn for the chart {figure.chart.title!r}") from None
        source = image.with_suffix(".svg")
        if source not in self.svgs:
            self.svgs[source] = source.read_text(encoding="utf-8")
        self.figures += 1
        drawing = inline_svg(
            self.svgs[source], f"figure-{self.figures}-", figure.chart.title, figure.alt
        )
        self.parts.append(
            f"<figure>{drawing}<figcaption>{_text(figure.caption)}</figcaption></figure>"
        )

    def logo(self, image: Path, alt: str) -> None:
        data = base64.b64encode(image.read_bytes()).decode("ascii")
        self.parts.append(
            f'<img class="logo" src="data:image/png;base64,{data}" alt="{_attr(alt)}">'
        )

    # -- text ------------------------------------------------------------------------------

    def spans(self, spans: Spans) -> str:
        return "".join(self.span(span) for span in spans)

    def span(self, span: Span) -> str:
        """One span: bold or toned text as ``strong``, a rating's colour as its class, a link
        to its anchor, a place links land at as an id; a decorative mark hidden from screen
        readers (the words beside it say the same)."""
        text = "".join(
            f'<span aria-hidden="true">{_text(piece)}</span>'
            if piece in DECORATIVE_MARKS
            else _text(piece)
            for piece in _MARKS.split(span.text)
            if piece
        )
        if span.bold or span.tone is not None:
            tone = f' class="{_TONES[span.tone]}"' if span.tone is not None else ""
            text = f"<strong{tone}>{text}</strong>"
        if span.fill is not None:
            key = span.fill.value.lower().replace(" ", "_")
            text = f'<span class="{fill_class(key)}">{text}</span>'
        anchor = self.id_attribute(span.anchor)
        if span.link:
            return f'<a href="#{_attr(span.link)}"{anchor}>{text}</a>'
        if anchor:
            return f"<span{anchor}>{text}</span>"
        return text
