"""Tagged PDF: a structure tree built from our own layout, tied to the pages by marked content.

While ``render_pdf`` turns the blocks into flowables it creates the structure elements in
reading order (``StructureTree.element``) and gives each flowable a ``Slot``: the place in its
element where what the flowable draws belongs. In the final build pass a flowable wraps what it
draws in ``/Role <</MCID n>> BDC ... EMC`` (``marked``) and its slot records the page and MCID;
a flowable split over pages gets a new MCID on each page in the same slot. What is not content
(running head, page numbers, rules, table backgrounds, repeated table headers) is marked as an
``Artifact``. After reportlab has written the file, ``write_structure`` writes the tree with
pikepdf: /StructTreeRoot with its /ParentTree, the pages' /StructParents and /Tabs, the link
annotations' /StructParent and /Contents, /MarkInfo; ``save_tagged`` the XMP metadata (with
pdfuaid) as it saves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from safecity_reports.layout.document import DECORATIVE_MARKS


@dataclass(frozen=True)
class Artifact:
    """Something drawn that is not content, and its /Artifact properties."""

    properties: str


LAYOUT = Artifact("/Type /Layout")
"""Rules, backgrounds and borders."""
HEADER = Artifact("/Type /Pagination /Subtype /Header")
FOOTER = Artifact("/Type /Pagination /Subtype /Footer")
REPEATED = Artifact("/Type /Pagination")
"""Text drawn again on a later page: a table's repeated header rows, a '(continued)' caption."""


@dataclass(eq=False)
class MarkedContent:
    page: int
    """0-based page index."""
    mcid: int


@dataclass(eq=False)
class Annotation:
    page: int
    index: int
    """Position in the page's /Annots."""
    text: str
    """What the link says, for the annotation's /Contents."""


@dataclass(eq=False)
class Element:
    """A structure element: a standard role, its kids in reading order, its attributes."""

    role: str
    kids: list[Element | Slot] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    """Table attributes (/Scope, /RowSpan, /ColSpan), written with /O /Table; a str is a name."""
    alt: str = ""
    anchor: str = ""
    """The destination of a Link made for an annotation drawn inside a paragraph."""
    id: str = ""
    """The element's /ID (a Note's), listed in the structure tree's /IDTree."""


@dataclass(eq=False)
class Slot:
    """Where the content a flowable draws goes in ``element``; filled while drawing."""

    element: Element
    links: dict[str, str] = field(default_factory=dict)
    """Anchor -> link text of the links drawn inside (for the annotations' /Contents)."""
    items: list[MarkedContent | Annotation | Element] = field(default_factory=list)


Mark = Slot | Artifact | None


class StructureTree:
    """The document's structure elements, and the record of what was drawn into them."""

    def __init__(self) -> None:
        self.root = Element("Document")
        self._next_mcid: dict[int, int] = {}
        self._annotations: dict[int, int] = {}
        self._open: list[Mark] = []
        self._link_texts: dict[str, str] = {}
        """What each link said where it was first drawn: a header row repeated on the next page
        (an artifact) draws its links again, and each needs its /Contents too."""

    # Laying out

    def element(self, role: str, parent: Element | None = None, **kw: Any) -> Element:
        """A new element, the last kid of ``parent`` (the document when None) so far."""
        element = Element(role, **kw)
        (parent or self.root).kids.append(element)
        return element

    def slot(self, element: Element, links: dict[str, str] | None = None) -> Slot:
        """A new slot at the end of ``element``'s kids."""
        slot = Slot(element, dict(links or {}))
        element.kids.append(slot)
        return slot

    def content(self, role: str, parent: Element | None = None, **kw: Any) -> Slot:
        """A new element holding one flowable's content, and its slot."""
        links = kw.pop("links", None)
        return self.slot(self.element(role, parent, **kw), links)

    # Drawing

    def begin(self, canvas: Canvas, mark: Slot | Artifact) -> None:
        if self._open:
            raise RuntimeError(f"marked content may not nest: {mark} inside {self._open[-1]}")
        self._open.append(mark)
        if isinstance(mark, Artifact):
            canvas._code.append(f"/Artifact <<{mark.properties}>> BDC")
            return
        page = canvas.getPageNumber() - 1
        mcid = self._next_mcid.get(page, 0)
        self._next_mcid[page] = mcid + 1
        mark.items.append(MarkedContent(page, mcid))
        canvas._code.append(f"/{mark.element.role} <</MCID {mcid}>> BDC")

    def end(self, canvas: Canvas) -> None:
        self._open.pop()
        canvas._code.append("EMC")

    def annotation(self, page: int, anchor: str) -> None:
        """Record a link annotation just added to ``page`` inside the open marked content."""
        index = self._annotations.get(page, 0)
        self._annotations[page] = index + 1
        slot = self._open[-1] if self._open else None
        if not isinstance(slot, Slot):
            # A link outside any content: give it a Link of its own at the end of the document.
            slot = self.content("Link")
        text = slot.links.get(anchor, "") or self._link_texts.get(anchor, "")
        if text:
            self._link_texts.setdefault(anchor, text)
        if slot.element.role == "Link":
            slot.items.append(Annotation(page, index, text))
            return
        # A link inside a paragraph: a Link element after the paragraph's text holds it.
        last = slot.items[-1] if slot.items else None
        if not (isinstance(last, Element) and last.anchor == anchor):
            last = Element("Link", anchor=anchor, alt=text)
            last.kids.append(Slot(last))
            slot.items.append(last)
        link_slot = last.kids[0]
        assert isinstance(link_slot, Slot)
        link_slot.items.append(Annotation(page, index, text))


@contextmanager
def marked(canvas: Canvas, mark: Mark) -> Iterator[None]:
    """Wrap what is drawn inside in ``mark``'s marked content (nothing on an untagged canvas)."""
    tree: StructureTree | None = getattr(canvas, "structure", None)
    if tree is None or mark is None:
        yield
        return
    tree.begin(canvas, mark)
    yield
    tree.end(canvas)


DECORATIVE = DECORATIVE_MARKS
"""Marks printed beside the words that say the same (the travel arrows: "▲ up, worse")."""
_DECORATIVE = re.compile(f"([{DECORATIVE}])")


class QuietMarksText(PDFTextObject):
    """Text in which each decorative mark carries an empty /ActualText, so a screen reader
    reads "up, worse" once rather than "black up-pointing triangle, up, worse". (Marking it as
    an artifact instead would nest an artifact in tagged content, which PDF/UA forbids.)"""

    def _formatText(self, text: str) -> str:  # noqa: N802 - reportlab's name
        if not _DECORATIVE.search(text):
            return str(super()._formatText(text))
        out = []
        for part in _DECORATIVE.split(text):
            if part in DECORATIVE and part:
                out.append(f"/Span <</ActualText ()>> BDC {super()._formatText(part)} EMC")
            elif part:
                out.append(str(super()._formatText(part)))
        return " ".join(out)


class TaggedCanvas(Canvas):
    """A canvas that tells its structure tree about every link annotation it adds, and whose
    text objects quieten decorative marks."""

    def __init__(self, *args: Any, structure: StructureTree, **kw: Any):
        super().__init__(*args, **kw)
        self.structure = structure
        self._link_anchor = ""

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:  # noqa: N802
        return QuietMarksText(self, x, y, direction=direction)

    def linkRect(self, contents: str, destinationname: str, *args: Any, **kw: Any) -> Any:  # noqa: N802,N803
        self._link_anchor = destinationname
        return super().linkRect(contents, destinationname, *args, **kw)

    def _addAnnotation(self, annotation: Any, name: Any = None, addtopage: int = 1) -> None:  # noqa: N802
        super()._addAnnotation(annotation, name, addtopage)
        if addtopage:
            self.structure.annotation(self.getPageNumber() - 1, self._link_anchor)
        self._link_anchor = ""


def write_structure(pdf: pikepdf.Pdf, tree: StructureTree) -> None:
    """Put ``tree`` into ``pdf`` (as reportlab wrote it) as its structure tree: it reads the
    pages' marked content and links, never the charts' drawings, so it may be made before the
    charts are put in."""
    _Writer(pdf).write(tree)


def save_tagged(pdf: pikepdf.Pdf, target: Path | str) -> None:
    """Write ``pdf``, its structure tree in, to ``target`` as PDF/UA-1, with its metadata."""
    # Reportlab's /Trapped /False has no XMP equivalent (pikepdf would warn and drop it).
    if "/Trapped" in pdf.docinfo:
        del pdf.docinfo["/Trapped"]
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.load_from_docinfo(pdf.docinfo)
        meta["pdfuaid:part"] = "1"
    # Reportlab's streams are copied as they are: re-encoding them (dropping ASCII85) would
    # make the file ~15% smaller but take longer than tagging itself.
    pdf.save(
        target,
        min_version="1.7",
        compress_streams=False,
        stream_decode_level=pikepdf.StreamDecodeLevel.none,
    )


class _Writer:
    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self.pages = [page.obj for page in pdf.pages]
        self.mcid_parents: dict[int, dict[int, Dictionary]] = {}
        self.annotations: list[tuple[Any, Dictionary, str]] = []
        self.ids: dict[str, Dictionary] = {}

    def write(self, tree: StructureTree) -> None:
        pdf = self.pdf
        document = self.element(tree.root) or pdf.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name.Document, K=Array())
        )
        nums: list[Any] = []
        for index, page in enumerate(self.pages):
            page.StructParents = index
            page.Tabs = Name.S
            parents = self.mcid_parents.get(index, {})
            owners = Array([parents[m] for m in range(len(parents))])  # MCIDs count from 0
            nums.extend([index, pdf.make_indirect(owners)])
        key = len(self.pages)
        for annotation, link, text in self.annotations:
            annotation.StructParent = key
            if text:
                annotation.Contents = String(text)
            nums.extend([key, link])
            key += 1
        root = pdf.make_indirect(
            Dictionary(
                Type=Name.StructTreeRoot,
                K=document,
                ParentTree=pdf.make_indirect(Dictionary(Nums=Array(nums))),
                ParentTreeNextKey=key,
            )
        )
        if self.ids:  # a name tree: keys as byte strings, in order
            names: list[Any] = []
            for name in sorted(self.ids):
                names.extend([String(name), self.ids[name]])
            root.IDTree = pdf.make_indirect(Dictionary(Names=Array(names)))
        document.P = root
        pdf.Root.StructTreeRoot = root
        pdf.Root.MarkInfo = Dictionary(Marked=True)

    def element(self, element: Element) -> Dictionary | None:
        """``element`` as an indirect /StructElem, or None when nothing was drawn into it."""
        obj = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name(f"/{element.role}")))
        kids: list[Any] = []
        page_index: int | None = None
        for kid in element.kids:
            items = kid.items if isinstance(kid, Slot) else [kid]
            for item in items:
                if isinstance(item, Element):
                    child = self.element(item)
                    if child is not None:
                        child.P = obj
                        kids.append(child)
                elif isinstance(item, MarkedContent):
                    if page_index is None:
                        page_index = item.page
                    self.mcid_parents.setdefault(item.page, {})[item.mcid] = obj
                    if item.page == page_index:
                        kids.append(item.mcid)
                    else:
                        kids.append(
                            Dictionary(Type=Name.MCR, Pg=self.pages[item.page], MCID=item.mcid)
                        )
                else:
                    page = self.pages[item.page]
                    annotation = page.Annots[item.index]
                    kids.append(Dictionary(Type=Name.OBJR, Obj=annotation, Pg=page))
                    self.annotations.append((annotation, obj, item.text))
        if not kids:
            return None
        # A single kid stands alone, as most writers do (and as some checkers expect).
        obj.K = kids[0] if len(kids) == 1 else Array(kids)
        if page_index is not None:
            obj.Pg = self.pages[page_index]
        if element.alt:
            obj.Alt = String(element.alt)
        if element.id:
            obj.ID = String(element.id)
            self.ids[element.id] = obj
        if element.attributes:
            attributes: dict[str, Any] = {"/O": Name.Table}
            for key, value in element.attributes.items():
                attributes[f"/{key}"] = Name(f"/{value}") if isinstance(value, str) else value
            obj.A = Dictionary(attributes)
        return obj
