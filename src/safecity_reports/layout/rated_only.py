"""A report of ratings only (issue 29): a call-over summary gives each indicator a rating and
nothing else, so the report is its front page and one table, with no empty page per measure.

Two rules, both read by ``report.build_document``: a report whose measures have no figures
shows the rating (and the rater's direction of travel, where any is given) in its summary
unless Settings choose other columns; and a report that holds nothing but those ratings, with
no commentary, source, note or comment to put on a page, is laid out as one short document.
"""

from __future__ import annotations

from dataclasses import replace

from safecity_reports.core.model import Measure, Report
from safecity_reports.core.ratings import rating_for


def rated_only(report: Report) -> bool:
    """Whether the report's only facts about its measures are ratings: none has a figure, and
    there is no ranking, group position or key figure."""
    return (
        bool(report.ratings)
        and bool(report.measures)
        and not any(m.observations for m in report.measures)
        and not (report.rankings or report.group_facts or report.figures)
    )


def with_rating_columns(report: Report) -> Report:
    """The report with the summary's columns a rated-only report needs, where Settings choose
    none: the rating, and the rater's direction where any rating gives one (never 'Previous'
    and 'Current' columns that could only say 'no figure')."""
    if report.settings.summary_columns or not rated_only(report):
        return report
    directions = any(r.direction is not None for r in report.ratings)
    columns = ("Rating", "Direction") if directions else ("Rating",)
    return replace(report, settings=replace(report.settings, summary_columns=columns))


def summary_only(measure: Measure, report: Report) -> bool:
    """Whether all a page of ``measure`` would say is in the summary already, so it gets no
    page: it is rated, has no figure, ranking, group position, target, baseline, source or
    note, and its rating names no rater, no comment and no area. (Commentary on it gives it a
    page regardless: ``pages.plan_pages`` asks only of measures without any.)"""
    ratings = [r for r in report.ratings if r.subject == measure.id]
    shown = rating_for(report, measure.id, report.settings.period)
    return (
        shown is not None
        and not (shown.comment or shown.rated_by)
        and not any(r.area for r in ratings)
        and not measure.observations
        and measure.target is None
        and measure.baseline is None
        and not (measure.source or measure.notes)
        and not any(r.measure_id == measure.id for r in report.rankings)
        and not any(f.measure_id == measure.id for f in report.group_facts)
    )


def short(report: Report) -> bool:
    """Whether the report is rated only and no measure or action has anything for a page of
    its own (commentary, a source, a note, a rating's rater or comment, a page heading): then
    every measure is said in the summary, and there are no pages to list or to read a guide to."""
    return (
        rated_only(report)
        and not report.commentary
        and all(summary_only(m, report) for m in report.measures)
        and all(a.measures and not (a.heading or a.source) for a in report.actions)
    )
