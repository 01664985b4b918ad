"""A paragraph's lines are broken once for its text, style and width, and shared
(``render/pdf/flowables.TaggedParagraph.breakLines``): the PDF's passes and its repeated cells
set the same lines, and a paragraph split over a page never changes the lines others share."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from safecity_reports.render.pdf import flowables
from safecity_reports.render.pdf.flowables import TaggedParagraph

STYLE = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12)
TEXT = " ".join(f"word{n} <b>bold{n}</b>" for n in range(60))  # kind 1: several fragments


def _words(paragraph: TaggedParagraph) -> list[str]:
    return [w.text for line in paragraph.blPara.lines for w in line.words]


def test_the_same_text_style_and_width_share_their_lines() -> None:
    first, second = TaggedParagraph(TEXT, STYLE), TaggedParagraph(TEXT, STYLE)
    assert first.wrap(200, 1000) == second.wrap(200, 1000)
    assert first.blPara is second.blPara
    narrower = TaggedParagraph(TEXT, STYLE)
    narrower.wrap(150, 1000)
    assert narrower.blPara is not first.blPara
    assert len(narrower.blPara.lines) > len(first.blPara.lines)


def test_the_shared_lines_are_those_reportlab_breaks() -> None:
    flowables._lines.clear()
    TaggedParagraph(TEXT, STYLE).wrap(200, 1000)  # now in the store
    shared = TaggedParagraph(TEXT, STYLE)
    own = TaggedParagraph(TEXT, STYLE, bulletText=None)  # made otherwise: never shared
    assert shared.wrap(200, 1000) == own.wrap(200, 1000)
    assert own.blPara is not shared.blPara
    assert _words(shared) == _words(own)
    assert shared._width_max == own._width_max


def test_a_split_leaves_the_shared_lines_as_they_were() -> None:
    kept, split = TaggedParagraph(TEXT, STYLE), TaggedParagraph(TEXT, STYLE)
    kept.wrap(200, 1000)
    split.wrap(200, 1000)
    before = _words(kept)
    own = TaggedParagraph(TEXT, STYLE, bulletText=None)
    own.wrap(200, 1000)
    parts = split.split(200, 60)
    assert len(parts) == 2
    assert _words(kept) == before  # reportlab's split adds a space to each line's last word
    others = own.split(200, 60)
    assert [p.wrap(200, 1000) for p in parts] == [p.wrap(200, 1000) for p in others]
    assert [_words(p) for p in parts] == [_words(p) for p in others]


def test_a_pdf_written_keeps_no_lines(tmp_path) -> None:
    from safecity_reports.layout.document import Document, Paragraph, plain
    from safecity_reports.render.pdf.document import write_pdf
    from safecity_reports.styles import load_styles

    TaggedParagraph(TEXT, STYLE).wrap(200, 1000)
    assert flowables._lines
    document = Document(
        title="Lines",
        subject="Lines let go",
        author="A partnership",
        language="en-GB",
        running_head="Lines",
        blocks=(Paragraph(plain("Once the PDF is drawn, its lines are let go.")),),
    )
    write_pdf(document, {}, tmp_path / "r.pdf", load_styles())
    assert not flowables._lines
