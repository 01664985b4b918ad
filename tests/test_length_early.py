"""``layout.length.more_pages_than`` stops measuring once it knows, and knows what measuring
everything would: the sum of ``whole_pages`` over the parts, against the limit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from safecity_reports.layout import length
from safecity_reports.layout.document import Block, Heading, PageBreak, Paragraph, plain

WORDS = [
    "the",
    "board",
    "noted",
    "that",
    "recorded",
    "crime",
    "rose",
    "in",
    "the",
    "quarter",
    "against",
    "last",
    "year",
]

_block = st.one_of(
    st.just(PageBreak()),
    st.builds(
        lambda n: Paragraph(plain(" ".join(WORDS[i % len(WORDS)] for i in range(n)))),
        st.integers(0, 900),
    ),
    st.builds(lambda level: Heading(level, "Priority 1: reducing harm", "h"), st.integers(1, 3)),
)
_parts = st.lists(st.lists(_block, max_size=12), max_size=6)


@settings(max_examples=300, deadline=None)
@given(parts=_parts, limit=st.integers(0, 12))
def test_more_pages_than_is_the_sum_of_whole_pages(parts: list[list[Block]], limit: int) -> None:
    summed = sum(length.whole_pages(part) for part in parts)
    assert length.more_pages_than(parts, limit) is (summed > limit)


def test_a_long_report_is_known_long_before_its_end() -> None:
    measured: list[Block] = []
    real = length.height

    def counting(block: Block) -> float:
        measured.append(block)
        return real(block)

    long_paragraph = Paragraph(plain(" ".join(WORDS * 60)))
    body = [long_paragraph, PageBreak()] * 50
    length.height = counting  # type: ignore[assignment]
    try:
        assert length.more_pages_than([body], 6)
    finally:
        length.height = real  # type: ignore[assignment]
    assert 0 < len(measured) < 10
