"""Footnotes: each '[note N]' mark links to its note and the note links back, in both documents;
the PDF tags each note as a Note with an /ID."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace

import pikepdf
import pytest
from tests.test_layout import measure, small_report

from safecity_reports.api import write_documents
from safecity_reports.core.periods import parse_period
from safecity_reports.core.verdicts import Verdicts, verdict
from safecity_reports.layout.document import Document, Paragraph, Table
from safecity_reports.layout.measure_page import measure_blocks, period_table
from safecity_reports.layout.notes import mark_anchor, note_anchor

NOTE = "Q2 uses the latest data available: month 5"


def _noted():
    rate = measure("2.2a", [50.1, 52.4, 53.0], periods=("2016/17 Q1", "2016/17 Q2", "2016/17 Q3"))
    observations = tuple(
        replace(o, note=NOTE if i else "") for i, o in enumerate(rate.observations)
    )
    return replace(rate, observations=observations)


def test_the_mark_links_to_the_note_and_the_note_back_to_its_first_mark():
    rate = _noted()
    table = period_table(rate)
    assert table is not None
    marks = [s for cell in table.header[-1] for s in cell.spans if s.text == "[note 1]"]
    assert [(m.link, m.anchor) for m in marks] == [
        (note_anchor("2.2a", 1), mark_anchor("2.2a", 1)),
        (note_anchor("2.2a", 1), ""),  # the same note again: one place to come back to
    ]
    assert [c.text for c in table.header[-1]][2] == "2016/17 Q2 [note 1]"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    rate = _noted()
    report = small_report()
    q3 = parse_period("2016/17 Q3")
    report = replace(report, settings=replace(report.settings, period=q3, comparison_period=None))
    verdicts = Verdicts({rate.id: verdict(report, rate)}, {}, (), False)
    blocks = [
        b
        for b in measure_blocks(rate, verdicts, report, in_group=False, with_chart=False)
        if isinstance(b, Table | Paragraph)
    ]
    document = Document("Notes", "Notes", "Testford", "en-GB", "Notes", tuple(blocks))
    folder = tmp_path_factory.mktemp("notes")
    write_documents(document, {"pdf": folder / "n.pdf", "docx": folder / "n.docx"}, use_cache=False)
    return folder


def test_the_pdf_tags_the_note_as_a_note_with_an_id_and_links_both_ways(written):
    with pikepdf.open(written / "n.pdf") as pdf:
        root = pdf.Root.StructTreeRoot
        names = list(root.IDTree.Names)
        assert str(names[0]) == note_anchor("2.2a", 1)
        note = names[1]
        assert note.S == "/Note" and str(note.ID) == note_anchor("2.2a", 1)
        links = [
            a
            for page in pdf.pages
            for a in page.get("/Annots", [])
            if str(a.get("/Contents", "")) == "[note 1]"
        ]
        # a mark that wraps in its narrow cell is one link drawn as a rectangle per line
        assert len({a.StructParent for a in links}) >= 3  # two marks and the note's link back
        note_y = {round(float(a.Dest[3])) for a in links if float(a.Rect[0]) > 300}
        back_y = {round(float(a.Dest[3])) for a in links if float(a.Rect[0]) < 300}
        assert len(note_y) == 1 and len(back_y) == 1 and note_y != back_y
        # the link back sits in the note, the marks in the table above it
        assert max(float(a.Rect[1]) for a in links if float(a.Rect[0]) < 300) < min(
            float(a.Rect[1]) for a in links if float(a.Rect[0]) > 300
        )


def test_the_word_document_links_marks_and_notes_through_bookmarks(written):
    xml = zipfile.ZipFile(written / "n.docx").read("word/document.xml").decode()
    bookmarks = set(re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"', xml))
    targets = re.findall(r'<w:hyperlink w:anchor="([^"]+)"', xml)
    notes = [t for t in targets if t.startswith("note_")]
    assert len(notes) == 3 and set(notes) <= bookmarks
    assert len(set(notes)) == 2  # the note, and the first mark


def test_a_mark_on_a_header_fill_is_printed_in_the_headers_white(written):
    xml = zipfile.ZipFile(written / "n.docx").read("word/document.xml").decode()
    marks = re.findall(r'<w:hyperlink w:anchor="note_[^"]*"[^>]*>(.*?)</w:hyperlink>', xml)
    assert any('<w:color w:val="FFFFFF"/>' in m for m in marks)  # in the header
    assert not all('<w:color w:val="FFFFFF"/>' in m for m in marks)  # not in the note
