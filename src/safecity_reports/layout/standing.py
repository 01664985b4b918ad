"""Sentences about where a measure stands beyond its own series: its comparison group and its
rating. Worked out from ``core.groups`` and ``core.ratings``, so they say no more than the
workbook does."""

from __future__ import annotations

from safecity_reports.core.formatting import format_number, rounded
from safecity_reports.core.groups import DISTANCE_DECIMALS, GroupStanding, group_phrase
from safecity_reports.core.model import GroupSide, Measure, Rating
from safecity_reports.core.periods import Period
from safecity_reports.core.ratings import RatingNames, rating_name
from safecity_reports.layout.document import Span, Spans
from safecity_reports.layout.narrative import value_text
from safecity_reports.layout.summary_columns import rank_text, side_judgement

_SIDE_WORDS = {
    GroupSide.ABOVE: "above the group's normal range",
    GroupSide.IN_LINE: "within the group's normal range",
    GroupSide.BELOW: "below the group's normal range",
}


def group_sentence(measure: Measure, standing: GroupStanding) -> str:
    """'In the Most Similar Group (15 areas), 2016/17: 10th of 15 (1 = lowest), 12.5% above
    the group average of 45.20, and above the group's normal range, which is worse.'"""
    parts = []
    if standing.rank is not None:
        parts.append(rank_text(standing))
    if standing.distance is not None:
        size = rounded(standing.distance, DISTANCE_DECIMALS)
        average = (
            f" of {value_text(measure, standing.average)}" if standing.average is not None else ""
        )
        if size == 0:
            parts.append(f"at the group average{average}")
        else:
            side = "above" if size > 0 else "below"
            number = format_number(abs(standing.distance), DISTANCE_DECIMALS)
            parts.append(f"{number}% {side} the group average{average}")
    elif standing.average is not None:
        parts.append(f"against a group average of {value_text(measure, standing.average)}")
    if standing.position is not None:
        meaning = side_judgement(standing.position, measure.polarity)
        parts.append(_SIDE_WORDS[standing.position] + (f", which is {meaning}" if meaning else ""))
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    phrase = group_phrase(standing)
    return f"In {phrase}, {standing.period}: {listed}."


def rating_paragraph(rating: Rating, reporting: Period, names: RatingNames = ()) -> Spans:
    """'Rating for 2016/17 Q3: Amber, given by the lead officer. <comment>', the rating named
    as the styles name it and drawn on its colour."""
    by = f", given by {rating.rated_by}" if rating.rated_by else ""
    later = " (the latest rating)" if rating.period != reporting else ""
    spans: Spans = (
        Span(f"Rating for {rating.period}{later}: "),
        Span(rating_name(rating.level, names), bold=True, fill=rating.level),
        Span(f"{by}."),
    )
    if rating.comment:
        spans += (Span(" " + rating.comment.rstrip(".") + "."),)
    return spans
