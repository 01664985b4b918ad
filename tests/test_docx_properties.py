"""The Word renderer's direct-XML property setters (``render/docx/properties``) write what
python-docx's own setters write, whatever properties the element already has."""

from __future__ import annotations

import random

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph
from lxml import etree

from safecity_reports.render.docx import properties

SEEDS = range(40)


def _with_some(parent_tag: str, order: tuple[str, ...], rng: random.Random):
    """An element ``parent_tag`` whose properties element holds a few of ``order``'s children,
    in the schema's order, or (one time in four) not."""
    element = OxmlElement(parent_tag)
    holder = {"w:p": "w:pPr", "w:r": "w:rPr", "w:tc": "w:tcPr"}[parent_tag]
    if rng.random() < 0.2:
        return element
    held = OxmlElement(holder)
    names = sorted(rng.sample(order, rng.randint(0, 6)), key=order.index)
    if rng.random() < 0.25:
        rng.shuffle(names)  # appended out of order, as a renderer's own code may
    for name in names:
        child = OxmlElement(name)
        if name in ("w:jc", "w:vAlign", "w:pStyle"):
            child.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "x")
        held.append(child)
    element.append(held)
    if parent_tag == "w:tc":
        element.append(OxmlElement("w:p"))
    return element


def _copies(element):
    return element, etree.fromstring(etree.tostring(element))


def _same(ours, theirs) -> None:
    assert etree.tostring(ours) == etree.tostring(theirs)


@pytest.mark.parametrize("seed", SEEDS)
def test_paragraph_properties_as_python_docx_sets_them(seed: int) -> None:
    rng = random.Random(seed)
    word = docx.Document()
    for setter in ("keep", "style", "no style", "align"):
        ours = _with_some("w:p", properties.PARAGRAPH, rng)
        theirs = etree.fromstring(etree.tostring(ours), docx.oxml.parser.oxml_parser)
        paragraph = Paragraph(theirs, word._body)
        if setter == "keep":
            properties.keep_with_next(ours)
            paragraph.paragraph_format.keep_with_next = True
        elif setter == "style":
            properties.paragraph_style(ours, "Heading2")
            theirs.get_or_add_pPr().style = "Heading2"
        elif setter == "no style":
            properties.paragraph_style(ours, None)
            theirs.get_or_add_pPr().style = None
        else:
            value = rng.choice(list(WD_ALIGN_PARAGRAPH)[:4])
            properties.alignment(ours, value)
            paragraph.alignment = value
        _same(ours, theirs)


@pytest.mark.parametrize("seed", SEEDS)
def test_run_properties_as_python_docx_sets_them(seed: int) -> None:
    rng = random.Random(seed)
    ours = _with_some("w:r", properties.RUN, rng)
    theirs = etree.fromstring(etree.tostring(ours), docx.oxml.parser.oxml_parser)
    properties.make_bold(ours)
    docx.text.run.Run(theirs, None).bold = True
    _same(ours, theirs)
