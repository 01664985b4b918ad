"""Word's XML elements made as python-docx makes them, each tag's name worked out once.

python-docx's ``OxmlElement("w:p")`` and ``qn("w:p")`` split the prefixed tag and look its
namespace up again at every call: Word's document makes thousands of elements and searches for
thousands more. ``new_element`` makes the same element (python-docx's element class for the tag,
the same namespace declaration) from the tag's name and namespace worked out once a process, and
``clark`` is ``qn`` remembered; the document's XML is the same to the byte
(``tests/test_docx_elements.py``).
"""

from __future__ import annotations

from functools import cache

from docx.oxml.ns import NamespacePrefixedTag, qn
from docx.oxml.parser import oxml_parser
from docx.oxml.xmlchemy import BaseOxmlElement

clark = cache(qn)
"""``qn``: a prefixed tag ("w:p") in lxml's Clark notation ("{http://...}p")."""


@cache
def _named(tag: str) -> tuple[str, dict[str, str]]:
    prefixed = NamespacePrefixedTag(tag)
    return prefixed.clark_name, prefixed.nsmap


def new_element(tag: str) -> BaseOxmlElement:
    """``OxmlElement(tag)``: a new element with the prefixed ``tag`` ("w:p"), declaring its
    prefix's namespace, of python-docx's class for the tag."""
    name, namespaces = _named(tag)
    return oxml_parser.makeelement(name, nsmap=namespaces)  # type: ignore[return-value]
