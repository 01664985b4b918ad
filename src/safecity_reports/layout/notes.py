"""Footnotes numbered '[note 1]' (the Analysis Function's convention), each mark linked to its
note and each note linked back to the first mark that refers to it."""

from __future__ import annotations

from safecity_reports.layout.document import Paragraph, ParagraphStyle, Span


def note_anchor(owner: str, number: int) -> str:
    """The anchor of note ``number`` of ``owner`` (a measure's id): unique in the document."""
    return f"note-{owner}-{number}"


def mark_anchor(owner: str, number: int) -> str:
    """The anchor of the first mark in the text that refers to the note."""
    return f"{note_anchor(owner, number)}-mark"


def note_mark(owner: str, number: int, first: bool) -> Span:
    """'[note 1]' as a link to its note; the first mark is where the note links back to."""
    return Span(
        f"[note {number}]",
        link=note_anchor(owner, number),
        anchor=mark_anchor(owner, number) if first else "",
    )


def note_paragraph(owner: str, number: int, text: str) -> Paragraph:
    """The note itself: its number links back to the mark, the paragraph tagged as a Note."""
    return Paragraph(
        (
            Span(
                f"[note {number}]",
                link=mark_anchor(owner, number),
                anchor=note_anchor(owner, number),
            ),
            Span(f" {text}"),
        ),
        ParagraphStyle.NOTE,
        note=note_anchor(owner, number),
    )
