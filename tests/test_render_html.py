"""The web page (``--format html``): the same words as the PDF, the Document's blocks drawn in
order as accessible HTML, and nothing fetched from outside the page.

The browser's checks (axe-core, reflow, keyboard) are in ``test_html_browser``.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from html_tree import Element, parse
from page_text import html_words, pdf_words, words
from safecity_reports import api
from safecity_reports.layout.document import (
    Block,
    BulletList,
    Callout,
    Contents,
    Document,
    FigureBlock,
    Heading,
    KeepTogether,
    Paragraph,
    Table,
    plain,
)
from safecity_reports.render.html import write_html
from safecity_reports.styles import load_styles

ROOT = Path(__file__).resolve().parents[1]
Q2 = ROOT / "inputs" / "q2.xlsx"
TODAY = date(2016, 11, 30)
NUMBER = re.compile(r"^[\d.,%]+$")


@pytest.fixture(scope="module")
def q2(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Path, Path]:
    """q2's Document, and its PDF and web page written together from it."""
    report, _warnings = api.read_workbook(Q2)
    document, _statuses = api.lay_out(report, TODAY)
    folder = tmp_path_factory.mktemp("q2-html")
    targets = {"pdf": folder / "q2.pdf", "html": folder / "q2.html"}
    api.write_documents(document, targets)
    return document, targets["pdf"], targets["html"]


def _blocks(blocks: tuple[Block, ...]) -> list[Block]:
    """Every block in order, those kept together included."""
    found: list[Block] = []
    for block in blocks:
        found.extend(_blocks(block.blocks) if isinstance(block, KeepTogether) else [block])
    return found


def _furniture(document: Document) -> set[str]:
    """Words the PDF prints that the page need not: its running head and page numbers, a long
    table's caption and header rows repeated on each page, and the words drawn inside charts
    (the page's charts are pictures with a name and a description)."""
    texts = [document.running_head, "Page of (continued)"]
    for block in _blocks(document.blocks):
        if isinstance(block, Table):
            texts.append(block.caption)
            texts.extend(cell.text for row in block.header for cell in row)
        elif isinstance(block, FigureBlock):
            chart = block.chart
            texts.extend([chart.y_label, chart.interval_name, *chart.categories, "(our area)"])
            texts.extend(series.name for series in (*chart.series, *chart.curves))
            texts.extend(name for name, _value in chart.reference_lines)
    return {word for text in texts for word in words(text)}


def _unlike(document: Document, on_page: Counter[str], in_pdf: Counter[str]) -> list[str]:
    """What keeps the page's words from being the PDF's: words on the page the PDF lacks, and
    words the PDF prints that the page lacks, other than its furniture and figures."""
    problems = [f"on the page, not in the PDF: {word!r}" for word in on_page - in_pdf]
    furniture = _furniture(document)
    problems += [
        f"in the PDF, not on the page: {word!r}"
        for word in in_pdf - on_page
        if word not in furniture and not NUMBER.match(word)
    ]
    return problems


def test_the_page_has_the_words_of_the_pdf(q2):
    document, pdf, page = q2
    assert _unlike(document, Counter(html_words(page)), Counter(pdf_words(pdf))) == []


def test_the_comparison_sees_a_sentence_left_out_or_added(q2):
    document, pdf, page = q2
    on_page, in_pdf = html_words(page), Counter(pdf_words(pdf))
    sentence = words("Whether this change is more than chance cannot be tested")
    start = next(i for i in range(len(on_page)) if on_page[i : i + len(sentence)] == sentence)
    shorter = on_page[:start] + on_page[start + len(sentence) :]
    assert _unlike(document, Counter(shorter), in_pdf)
    assert _unlike(document, Counter([*on_page, "unsupported", "claim"]), in_pdf)


def _document_text(blocks: tuple[Block, ...]) -> list[str]:
    """The Document's text in reading order (a chart's is its caption: the picture is named
    and described by its title and alt text, not read as text)."""
    texts: list[str] = []
    for block in _blocks(blocks):
        match block:
            case Heading():
                texts.append(block.text)
            case Paragraph():
                texts.append("".join(span.text for span in block.spans))
            case BulletList():
                texts.extend("".join(span.text for span in spans) for _level, spans in block.items)
            case Table():
                texts.append(block.caption)
                texts.extend(cell.text for row in (*block.header, *block.rows) for cell in row)
            case FigureBlock():
                texts.append(block.caption)
            case Callout():
                texts.extend("".join(span.text for span in spans) for spans in block.lines)
            case Contents():
                texts.extend(text for _level, text, _anchor in block.entries)
    return texts


def test_the_page_reads_in_the_documents_order(q2):
    document, _pdf, page = q2
    assert html_words(page) == words(" ".join(_document_text(document.blocks)))


@pytest.fixture(scope="module")
def tree(q2) -> Element:
    return parse(q2[2].read_text(encoding="utf-8"))


def test_headings_are_the_documents_in_order(q2, tree):
    document = q2[0]
    expected = [
        (1 if block.cover else block.level, block.text)
        for block in _blocks(document.blocks)
        if isinstance(block, Heading)
    ]
    found = [(int(h.tag[1]), h.text) for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert found == expected
    assert found[0] == (1, "Southampton Safe City Partnership")


def test_a_skip_link_leads_to_the_content(tree):
    body = tree.find("body")
    first = next(child for child in body.children if isinstance(child, Element))
    assert (first.tag, first.attrs.get("href"), first.text) == (
        "a",
        "#main",
        "Skip to main content",
    )
    main = tree.find("main")
    assert main.attrs["id"] == "main"
    assert tree.find("html").attrs["lang"] == "en-GB"


def test_links_land_on_ids_that_are_there_once(tree):
    ids = [element.attrs["id"] for element in tree.iter() if "id" in element.attrs]
    assert len(ids) == len(set(ids)), "an id given twice"
    targets = [a.attrs["href"] for a in tree.iter("a")]
    assert targets and all(href.startswith("#") for href in targets)
    assert {href[1:] for href in targets} <= set(ids)


def test_notes_and_their_marks_link_both_ways(q2, tree):
    document = q2[0]
    links = {a.attrs.get("id"): a.attrs["href"][1:] for a in tree.iter("a") if "id" in a.attrs}
    pairs = [
        (span.anchor, span.link)
        for block in _blocks(document.blocks)
        for span in _spans(block)
        if span.anchor and span.link
    ]
    assert pairs and any(text.startswith("[note") for text in _link_texts(tree)), "q2 has notes"
    for anchor, link in pairs:
        assert links.get(anchor) == link
        assert links.get(link) == anchor, f"the note {link} does not link back to {anchor}"


def _spans(block: Block) -> list:
    match block:
        case Paragraph():
            return list(block.spans)
        case BulletList():
            return [span for _level, spans in block.items for span in spans]
        case Table():
            return [
                span for row in (*block.header, *block.rows) for cell in row for span in cell.spans
            ]
        case Callout():
            return [span for spans in block.lines for span in spans]
    return []


def _link_texts(tree: Element) -> list[str]:
    return [a.text for a in tree.iter("a")]


def test_the_contents_link_to_each_section(q2, tree):
    entries = next(b for b in _blocks(q2[0].blocks) if isinstance(b, Contents)).entries
    nav = tree.find("nav")
    assert nav.attrs["aria-label"] == "Contents"
    assert [(a.text, a.attrs["href"]) for a in nav.iter("a")] == [
        (text, f"#{anchor}") for _level, text, anchor in entries
    ]


def test_tables_are_data_tables_with_captions_and_scoped_headers(q2, tree):
    tables = [b for b in _blocks(q2[0].blocks) if isinstance(b, Table)]
    drawn = list(tree.iter("table"))
    assert len(drawn) == len(tables)
    for table, element in zip(tables, drawn, strict=True):
        assert element.find("caption").text == table.caption
        head, body = element.find("thead"), element.find("tbody")
        assert len(list(head.iter("tr"))) == len(table.header)
        assert all(th.attrs["scope"] in ("col", "colgroup") for th in head.iter("th"))
        rows = list(body.iter("tr"))
        assert len(rows) == len(table.rows)
        for row, tr in zip(table.rows, rows, strict=True):
            cells = [c for c in tr.children if isinstance(c, Element)]
            assert [c.tag for c in cells] == ["th" if cell.row_header else "td" for cell in row]
            assert all(c.attrs["scope"] == "row" for c in cells if c.tag == "th")
        # scrolls on its own on a narrow screen, named by its caption for the keyboard user
        box = element.parent
        assert "table-scroll" in box.classes() and box.attrs["tabindex"] == "0"
        assert box.attrs["aria-labelledby"] == element.find("caption").attrs["id"]


def test_charts_are_inline_svg_named_and_described_as_in_the_pdf(q2, tree):
    figures = [b for b in _blocks(q2[0].blocks) if isinstance(b, FigureBlock)]
    svgs = list(tree.iter("svg"))
    assert len(svgs) == len(figures) > 0
    ids = {e.attrs["id"]: e for e in tree.iter() if "id" in e.attrs}
    for figure, svg in zip(figures, svgs, strict=True):
        assert svg.attrs["role"] == "img"
        assert ids[svg.attrs["aria-labelledby"]].text == figure.chart.title
        assert ids[svg.attrs["aria-describedby"]].text == figure.alt
        assert svg.find("title").text == figure.chart.title
        assert svg.parent.tag == "figure"
        assert svg.parent.find("figcaption").text == figure.caption
        assert list(svg.iter("path")), "the chart is drawn"
        assert not list(svg.iter("style")), "matplotlib's style element would reach the page"


def test_the_page_fetches_nothing(q2, tree):
    page = q2[2].read_text(encoding="utf-8")
    assert not list(tree.iter("script", "link", "iframe", "object", "embed"))
    for element in tree.iter():
        for name in ("src", "href", "xlink:href"):
            value = element.attrs.get(name, "")
            assert not value or value.startswith(("#", "data:")), value
    assert "@import" not in page and "@font-face" not in page
    assert not re.search(r"url\((?!#)", page)
    assert not re.search(r"https?://(?!www\.w3\.org/)", page)


def test_an_unknown_block_fails_loudly(tmp_path):
    class MainPoints:  # a block the layout may add before this renderer learns it
        pass

    document = Document("t", "s", "a", "en-GB", "head", (Paragraph(plain("x")), MainPoints()))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cannot draw a MainPoints"):
        write_html(document, {}, tmp_path / "page.html", load_styles())
    assert not (tmp_path / "page.html").exists()
