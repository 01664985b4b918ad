"""The tagged PDF: reopen the file and check its structure tree against the layout it came from.

A screen reader reads the structure tree, not the page: every heading, paragraph, list, table
and chart must be in it, in the document's order, and everything else drawn must be an artifact.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from pdfua import validate

from fixtures.workbooks import save, valid_workbook
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.document import Document, FigureBlock, Heading, KeepTogether, Table
from safecity_reports.layout.report import build_document
from safecity_reports.reading.load import load_report
from safecity_reports.render.pdf.document import write_pdf
from safecity_reports.run.chart_jobs import draw_charts
from safecity_reports.styles import load_styles
from test_render_pdf import CHART, LONG_ROWS, _document, _png

PAINTING = {"Tj", "TJ", "'", '"', "Do", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "EI"}
"""Operators that put marks on the page."""


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tagged")
    path = folder / "report.pdf"
    write_pdf(_document(), {CHART: _png(folder / "chart.png")}, path, load_styles())
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Path]:
    """The whole report made from the valid workbook, and its layout."""
    folder = tmp_path_factory.mktemp("report")
    loaded, _ = load_report(save(valid_workbook(), folder))
    document = build_document(loaded, judge(loaded), date(2016, 11, 1))
    styles = load_styles()
    images = draw_charts(document.charts, styles, folder)
    path = folder / "q2.pdf"
    write_pdf(document, images, path, styles)
    return document, path


def _blocks(document: Document) -> Iterator[object]:
    def visit(blocks: tuple) -> Iterator[object]:
        for block in blocks:
            if isinstance(block, KeepTogether):
                yield from visit(block.blocks)
            else:
                yield block

    return visit(document.blocks)


def _elements(node: pikepdf.Object) -> Iterator[pikepdf.Dictionary]:
    """Every structure element under ``node``, depth first (reading order)."""
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR"):
            yield kid
            yield from _elements(kid)


def _role(element: pikepdf.Dictionary) -> str:
    return str(element.S)[1:]


def _kids(element: pikepdf.Dictionary) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _children(element: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    return [k for k in _kids(element) if isinstance(k, pikepdf.Dictionary) and "/S" in k]


def _tree(doc: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    return list(_elements(doc.Root.StructTreeRoot))


def _census(path: Path) -> Counter[str]:
    with pikepdf.open(path) as doc:
        return Counter(_role(e) for e in _tree(doc))


def _parent_tree(doc: pikepdf.Pdf) -> dict[int, pikepdf.Object]:
    nums = doc.Root.StructTreeRoot.ParentTree.Nums
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def _marked_content(page: pikepdf.Page) -> Iterator[tuple[str, list[str]]]:
    """Each operator on the page with the marked-content tags open around it."""
    stack: list[str] = []
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])
            properties = operands[1] if op == "BDC" else None
            if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                tag += f" {int(properties.MCID)}"
            stack.append(tag)
        elif op == "EMC":
            stack.pop()
        yield op, list(stack)


def test_the_file_says_it_is_tagged(pdf: Path) -> None:
    with pikepdf.open(pdf) as doc:
        assert bool(doc.Root.MarkInfo.Marked) is True
        assert str(doc.Root.Lang) == "en-GB"
        assert bool(doc.Root.ViewerPreferences.DisplayDocTitle) is True
        assert _role(doc.Root.StructTreeRoot.K) == "Document"
        for index, page in enumerate(doc.pages):
            assert page.obj.Tabs == "/S"
            assert int(page.obj.StructParents) == index
        meta = doc.open_metadata()
        assert meta["dc:title"] == "Safe City Partnership performance report"
        assert meta["pdfuaid:part"] == "1"
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True)
        assert re.search(r"^Tagged:\s+yes$", info.stdout, re.M)


def test_census_has_an_element_per_block(pdf: Path) -> None:
    census = _census(pdf)
    document = _document()
    blocks = list(_blocks(document))
    for level in (1, 2, 3):
        headings = [b for b in blocks if isinstance(b, Heading) and b.level == level]
        assert census[f"H{level}"] == len(headings)
    assert census["Figure"] == sum(isinstance(b, FigureBlock) for b in blocks)
    assert census["Table"] == sum(isinstance(b, Table) for b in blocks)
    assert census["TOC"] == 1 and census["TOCI"] == 5
    assert census["L"] == 2 and census["LI"] == 3
    assert census["Lbl"] == census["LBody"] == 3
    assert census["Div"] == 1


def test_headings_are_in_reading_order(pdf: Path) -> None:
    with pikepdf.open(pdf) as doc:
        headings = [e for e in _tree(doc) if re.fullmatch(r"H\d", _role(e))]
        assert [_role(h) for h in headings] == ["H1", "H1", "H2", "H1", "H2", "H3", "H1"]


def test_figure_carries_the_alt_text_of_the_word_document(pdf: Path) -> None:
    with pikepdf.open(pdf) as doc:
        figures = [e for e in _tree(doc) if _role(e) == "Figure"]
        assert [str(f.Alt) for f in figures] == ["Line chart of total crime"]


def test_tables_have_header_cells_and_rows(pdf: Path) -> None:
    with pikepdf.open(pdf) as doc:
        tables = [e for e in _tree(doc) if _role(e) == "Table"]
        assert len(tables) == 3
        for table in tables:
            kids = _children(table)
            assert _role(kids[0]) == "Caption"
            first_row = kids[1]
            assert _role(first_row) == "TR"
            for cell in _children(first_row):
                assert _role(cell) == "TH"
                assert cell.A.Scope == "/Column"
        summary, grouped, long = tables
        # The grouped header: 'Area' spans two header rows, 'Spending' two columns.
        area, spending = _children(_children(grouped)[1])
        assert int(area.A.RowSpan) == 2 and int(spending.A.ColSpan) == 2
        # Row headers head their rows; the long table is one Table over several pages,
        # its header row tagged once (the repeats are artifacts).
        rows = [r for r in _children(long) if _role(r) == "TR"]
        assert len(rows) == LONG_ROWS + 1
        for row in rows[1:]:
            header, value = _children(row)
            assert _role(header) == "TH" and header.A.Scope == "/Row"
            assert _role(value) == "TD"
        pages = {page.objgen for row in rows for cell in _children(row) for page in [cell.Pg]}
        assert len(pages) >= 2


def test_the_summarys_rows_are_headed_by_their_measure_and_no_cell_spans(
    report: tuple[Document, Path],
) -> None:
    document, path = report
    laid_out = [b for b in _blocks(document) if isinstance(b, Table)]
    with pikepdf.open(path) as doc:
        tables = [e for e in _tree(doc) if _role(e) == "Table"]
        assert len(tables) == len(laid_out)
        cells = [c for t in tables for row in _children(t) for c in _children(row)]
        assert not [c for c in cells if "/A" in c and ("/RowSpan" in c.A or "/ColSpan" in c.A)]
        summaries = [
            (table, element)
            for table, element in zip(laid_out, tables, strict=True)
            if table.caption.startswith("Summary of performance")
        ]
        priorities = [b for b in _blocks(document) if isinstance(b, Heading) and b.level == 1]
        named = [h for h in priorities if h.text.startswith("Priority")]
        assert len(summaries) == len(named)  # a table per priority
        for table, element in summaries:
            header, *rows = [r for r in _children(element) if _role(r) == "TR"]
            assert {(_role(c), str(c.A.Scope)) for c in _children(header)} == {("TH", "/Column")}
            assert len(rows) == len(table.rows)
            for row, laid in zip(rows, table.rows, strict=True):
                first, *rest = _children(row)
                # the measure (the action, where it has none) heads the row
                assert (_role(first), str(first.A.Scope)) == ("TH", "/Row")
                assert laid[0].row_header and laid[0].text.split()[0][0].isdigit()
                assert [_role(c) for c in rest] == ["TD"] * (len(table.widths) - 1)


def test_lists_have_labels_and_bodies(pdf: Path) -> None:
    with pikepdf.open(pdf) as doc:
        outer = next(e for e in _tree(doc) if _role(e) == "L")
        items = _children(outer)
        assert [_role(i) for i in items] == ["LI", "LI"]
        for item in items:
            assert [_role(k) for k in _children(item)] == ["Lbl", "LBody"]
        # The sub-bullet's list sits in its parent item's body.
        first_body = _children(items[0])[1]
        assert [_role(k) for k in _children(first_body)] == ["L"]


def test_contents_entries_are_links_to_their_annotations(pdf: Path) -> None:
    with pikepdf.open(pdf) as doc:
        parents = _parent_tree(doc)
        links = [e for e in _tree(doc) if _role(e) == "Link"]
        # Two per contents entry (its text and its page number), one in a paragraph.
        assert len(links) == 11
        annotations = [a for page in doc.pages for a in page.obj.get("/Annots", [])]
        assert len(annotations) >= len(links)
        for annotation in annotations:
            link = parents[int(annotation.StructParent)]
            assert _role(link) == "Link"
            objrs = [k for k in _kids(link) if isinstance(k, pikepdf.Dictionary)]
            assert any(
                k.get("/Type") == "/OBJR" and k.Obj.objgen == annotation.objgen for k in objrs
            )
            assert str(annotation.Contents)


@pytest.mark.parametrize("which", ["sample", "report"])
def test_every_marked_content_id_is_reachable_from_the_parent_tree(
    which: str, pdf: Path, report: tuple[Document, Path]
) -> None:
    with pikepdf.open(pdf if which == "sample" else report[1]) as doc:
        parents = _parent_tree(doc)
        for page in doc.pages:
            ids = [
                int(operands[1].MCID)
                for operands, operator in pikepdf.parse_content_stream(page, "BDC")
                if isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]
            ]
            assert ids == list(range(len(ids)))
            owners = parents[int(page.obj.StructParents)]
            assert len(owners) == len(ids)
            for mcid in ids:
                kids = _kids(owners[mcid])
                assert mcid in [int(k) for k in kids if isinstance(k, int)] or any(
                    isinstance(k, pikepdf.Dictionary)
                    and k.get("/MCID") == mcid
                    and k.Pg.objgen == page.obj.objgen
                    for k in kids
                )


@pytest.mark.parametrize("which", ["sample", "report"])
def test_nothing_is_drawn_outside_a_tag_or_an_artifact(
    which: str, pdf: Path, report: tuple[Document, Path]
) -> None:
    with pikepdf.open(pdf if which == "sample" else report[1]) as doc:
        for number, page in enumerate(doc.pages, start=1):
            for op, stack in _marked_content(page):
                if op in PAINTING:
                    assert stack, f"page {number}: {op} drawn outside marked content"
                    # only a decorative mark's /Span (its empty /ActualText) sits inside content
                    quiet = len(stack) == 2 and stack[1] == "/Span" and stack[0] != "/Artifact"
                    assert len(stack) == 1 or quiet, f"page {number}: marked content nests: {stack}"


def test_page_furniture_is_an_artifact(pdf: Path) -> None:
    with pikepdf.open(pdf) as doc:
        for page in doc.pages:
            text_tags = [stack[-1] for op, stack in _marked_content(page) if op in ("Tj", "TJ")]
            # The running head and the page number are drawn first, when the page begins.
            assert text_tags[:2] == ["/Artifact", "/Artifact"]


def test_every_font_is_embedded_with_a_to_unicode_map(pdf: Path) -> None:
    with pikepdf.open(pdf) as doc:
        for page in doc.pages:
            for font in page.Resources.Font.values():
                assert "/ToUnicode" in font
                assert "/FontFile2" in font.FontDescriptor


def test_text_extracts_in_the_document_order(pdf: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True)
    words = " ".join(text.stdout.split())
    expected = [
        "Safe City Partnership performance report",
        "Contents",
        "Comparisons are between 2016/17 Q1 and Q2.",
        "Summary of measures, 2016/17 Q2",
        "Key to arrows",
        "show the direction of travel",
        "Reduce crime",
        "1.2 Total crime",
        "What the partnership did",
        "Patrols in the city centre",
        "Friday and Saturday nights",
        "Street Pastors",
        "Typed as is",
        "See the summary page.",
        "Source: police data",
        "Spending by quarter",
        "Résumé of footnotes.",
        "Every ward",
        "Ward 000",
        "Ward 069",
    ]
    # Each phrase is found after the one before it (the contents list repeats the headings).
    at = 0
    for phrase in expected:
        found = words.find(phrase, at)
        assert found >= 0, f"{phrase!r} is not after {words[max(0, at - 40) : at]!r}"
        at = found + len(phrase)


def test_pdfua_finds_nothing(pdf: Path, report: tuple[Document, Path]) -> None:
    for path in (pdf, report[1]):
        result = validate(str(path))
        assert [(f.rule_id, f.message) for f in result.findings] == []
        assert [o.rule_id for o in result.skipped] == [], "every pdfua rule must run"
        assert result.exit_code == 0


def test_qpdf_finds_no_errors(pdf: Path, report: tuple[Document, Path]) -> None:
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf is not installed")
    for path in (pdf, report[1]):
        result = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_report_has_one_h1_per_priority_and_a_figure_per_chart(
    report: tuple[Document, Path],
) -> None:
    document, path = report
    blocks = list(_blocks(document))
    census = _census(path)
    assert census["H1"] == sum(isinstance(b, Heading) and b.level == 1 for b in blocks)
    priorities = [b for b in blocks if isinstance(b, Heading) and b.text.startswith("Priority")]
    assert priorities
    figures = [b for b in blocks if isinstance(b, FigureBlock)]
    assert census["Figure"] == len(figures)
    assert census["Table"] == sum(isinstance(b, Table) for b in blocks)
    with pikepdf.open(path) as doc:
        alts = [str(e.Alt) for e in _tree(doc) if _role(e) == "Figure"]
    assert alts == [f.alt for f in figures]
    assert all(alt.strip() for alt in alts)
