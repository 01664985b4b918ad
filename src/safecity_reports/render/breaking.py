"""The page-breaking rules both renderers follow, each by its own means (issue 25)."""

from __future__ import annotations

FEWEST_ROWS = 3
"""Rows of a table kept together at either side of a page break: no row is left alone at the foot
of a page or carried over alone to the next (a table this short or shorter moves on whole)."""
