"""The page both renderers fill: A4, its margins, and where the running head and the page
number sit. One place, so that a Word page holds what a PDF page holds and both break alike
(issue 25); the PDF draws its frames and furniture from it, Word sets its sections by it."""

from __future__ import annotations

CM = 72 / 2.54
"""Points in a centimetre."""

MARGIN_SIDE = 2 * CM
MARGIN_TOP = 2.3 * CM
"""Leaves room above the text for the running head and its rule."""
MARGIN_BOTTOM = 2.2 * CM
HEAD_BASELINE = 1.3 * CM
"""Distance of the running head's baseline from the top edge."""
FOOT_BASELINE = 1.2 * CM
"""Distance of the page number's baseline from the bottom edge."""
