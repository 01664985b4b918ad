"""How full each page of a PDF is, and which pages end a section: for the rule that no page is
under a third full unless it is the last of its section (issue 25).

A page's fullness is how far down its text area its lowest ink reaches (the running head and the
page number left out), from a greyscale picture of it drawn by poppler's ``pdftoppm``; a section
is what a level-1 entry of the PDF's outline starts (both our PDF and LibreOffice's have one).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

TOP, BOTTOM = 0.085, 0.92
"""The text area's top and bottom as shares of the page's height (inside the running head and
the page number, on A4 either way round)."""


def fullness(pdf: Path, dpi: int = 20) -> list[float]:
    """Each page's share of its text area down to its lowest ink, 0 (blank) to 1 (full)."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", str(pdf), f"{folder}/p"],
            check=True,
            capture_output=True,
        )
        pictures = sorted(Path(folder).glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[1]))
        found = []
        for picture in pictures:
            with Image.open(picture) as image:
                width, height = image.size
                top, bottom = int(height * TOP), int(height * BOTTOM)
                pixels = image.load()
                last = top
                for y in range(top, bottom):
                    if any(pixels[x, y] < 200 for x in range(width // 20, width - width // 20)):
                        last = y
                found.append((last - top) / (bottom - top))
        return found


def section_ends(pdf: Path) -> set[int]:
    """The pages (from 1) that end a section: the page before each level-1 outline entry's,
    and the last page."""
    reader = PdfReader(str(pdf))
    starts = {
        reader.get_destination_page_number(entry) + 1
        for entry in reader.outline
        if not isinstance(entry, list)
    }
    return {start - 1 for start in starts if start > 1} | {len(reader.pages)}


def thin_pages(pdf: Path, least: float = 1 / 3) -> list[tuple[int, float]]:
    """The pages under ``least`` full that do not end a section, with their fullness."""
    ends = section_ends(pdf)
    return [
        (page, round(full, 2))
        for page, full in enumerate(fullness(pdf), start=1)
        if full < least and page not in ends
    ]
