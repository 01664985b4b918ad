"""Word's elements made from each tag's name worked out once (``render.docx.elements``) are
python-docx's own: the same class, namespace declaration and XML, for every tag python-docx
knows and every tag the renderer makes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import element_class_lookup
from lxml import etree

from safecity_reports.render.docx.elements import clark, new_element

RENDERER = Path(__file__).resolve().parents[1] / "src/safecity_reports/render/docx"


def _tags() -> list[str]:
    """Each prefixed tag the renderer names, and each that python-docx has a class for."""
    named = set()
    for module in RENDERER.glob("*.py"):
        named |= set(re.findall(r'"((?:w|wp|a|pic|r|xml):[A-Za-z]+)"', module.read_text()))
    for prefix in ("w", "wp", "a", "pic"):
        namespace = element_class_lookup.get_namespace(nsmap[prefix])
        named |= {f"{prefix}:{_text(name)}" for name in namespace if name}
    return sorted(named)


def _text(name: str | bytes) -> str:
    return name.decode() if isinstance(name, bytes) else name


TAGS = _tags()


def test_the_tags_are_found() -> None:
    assert len(TAGS) > 100
    assert {"w:p", "w:r", "w:t", "w:pPr", "w:tblLayout", "w:fldChar"} <= set(TAGS)


@pytest.mark.parametrize("tag", TAGS)
def test_each_element_is_python_docxs_own(tag: str) -> None:
    assert clark(tag) == qn(tag)
    if tag.startswith("xml:"):
        return  # an attribute's name, not an element's
    mine, theirs = new_element(tag), OxmlElement(tag)
    assert type(mine) is type(theirs)
    assert mine.nsmap == theirs.nsmap
    assert etree.tostring(mine) == etree.tostring(theirs)


def test_elements_made_apart_share_nothing() -> None:
    first, second = new_element("w:p"), new_element("w:p")
    first.set(qn("w:rsidR"), "00AB12CD")
    assert first is not second
    assert second.get(qn("w:rsidR")) is None
