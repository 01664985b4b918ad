"""The words a reader sees in the web page and in the PDF, for the test that they say the same.

Both are normalised alike: split on white space and on the slashes and dashes a PDF line may
end at (pdftotext joins "anti-" and "social" as it likes), the punctuation around each word and
punctuation alone (a bullet, a dash) left out, and the travel arrows (decorative, kept from
screen readers in every format) too.
"""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from safecity_reports.layout.document import DECORATIVE_MARKS

_DROP = str.maketrans("", "", DECORATIVE_MARKS + "\u00ad")
_SPLIT = re.compile(r"[\s/\-\u2013\u2014]+")
_WORD = re.compile(r"\w")
_AROUND = "()[]{}:;,.!?'\"\u2018\u2019\u201c\u201d"


def words(text: str) -> list[str]:
    """``text``'s words, the decorative marks and punctuation alone dropped."""
    found = (word.strip(_AROUND) for word in _SPLIT.split(text.translate(_DROP)))
    return [word for word in found if _WORD.search(word)]


class _MainText(HTMLParser):
    """The text inside ``<main>``, leaving out the inside of each ``<svg>`` (its title and
    description are the chart's name and alt text, which the PDF has only as tags)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.in_svg = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.depth += 1
        elif tag == "svg":
            self.in_svg += 1
        # block-level elements end a word even where no space is written between them
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.depth -= 1
        elif tag == "svg":
            self.in_svg -= 1
        elif tag in {"p", "li", "td", "th", "caption", "h1", "h2", "h3", "figcaption", "div"}:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.in_svg:
            self.parts.append(data)


def html_words(page: Path) -> list[str]:
    parser = _MainText()
    parser.feed(page.read_text(encoding="utf-8"))
    return words("".join(parser.parts))


def pdf_words(pdf: Path) -> list[str]:
    """The PDF's words as poppler's ``pdftotext`` reads them."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    return words(text)
