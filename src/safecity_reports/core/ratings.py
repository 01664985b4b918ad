"""Ratings given by people (red, amber, green, grey): which applies, and whether figures agree.

A rating is a judgement someone made; the report prints it as given, with who gave it, and
never works one out. A direction typed with a rating is used only where the figures cannot
give one, and ``contradiction`` says where they do and disagree.
"""

from __future__ import annotations

from safecity_reports.core.model import RatedDirection, Rating, RatingLevel, Report
from safecity_reports.core.periods import Period
from safecity_reports.core.status import Judgement, MeasureStatus

_JUDGED = {
    Judgement.IMPROVING: RatedDirection.IMPROVING,
    Judgement.WORSENING: RatedDirection.WORSENING,
    Judgement.NO_CHANGE: RatedDirection.NO_CHANGE,
}


def rating_for(report: Report, subject: str, reporting: Period, area: str = "") -> Rating | None:
    """The latest rating of ``subject`` (a measure or action id) by the reporting period's end.

    A rating of an earlier period is returned too (the report says which period it rates);
    a later one is ignored. A period rated twice is an error the reader reports.
    """
    found = [
        r
        for r in report.ratings
        if r.subject == subject and r.area == area and r.period.end <= reporting.end
    ]
    return max(found, key=lambda r: r.period) if found else None


def figures_direction(status: MeasureStatus) -> RatedDirection | None:
    """The direction the figures give, in the rater's words; None where they give none."""
    return _JUDGED.get(status.judgement)


def contradiction(rating: Rating, status: MeasureStatus) -> str:
    """Why the rater's direction disagrees with the figures, or '' when it does not."""
    figures = figures_direction(status)
    typed = rating.direction
    if figures is None or typed in (None, RatedDirection.NOT_KNOWN) or typed is figures:
        return ""
    assert status.previous is not None and status.current is not None
    return (
        f"Direction '{typed.value}' for {rating.subject} ({rating.period}), but its figures"
        f" went from {status.previous.period} to {status.current.period} as"
        f" '{figures.value}'; the report prints the figures' direction"
    )


RatingNames = tuple[tuple[str, str], ...]
"""(Ratings sheet word, name printed) pairs: ``Settings.rating_names``."""


def rating_name(level: RatingLevel, names: RatingNames = ()) -> str:
    """The name printed for ``level``: the styles' (such as "Off track"), else the sheet's."""
    return dict(names).get(level.value, level.value)
