"""Checks across the records of a report read from a workbook, collected and reported at once.

``validate`` is pure: it takes a ``Report`` and returns ``Problem``s. Reading (``workbook``) finds
what is wrong with single cells and links records together, so an action whose priority does not
exist, a measure whose action does not exist, or a figure for a measure that does not exist is
reported there: such rows cannot be held by the model. Everything else that needs more than one
record is checked here.

Errors (the report cannot be made):

- an id that is not defined: a commentary page, ranking or key figure naming a measure or action
  that does not exist, a lead agency not on the Agencies sheet;
- an id defined twice (a priority, action or measure);
- two figures for the same measure, period and area (the same months, whatever the label);
- a ranked area, group limits, a group position or a rating given twice for one period;
- a ranking group with no own area, or with several; a ranking group of one area;
- group facts or a rating naming a measure or action that does not exist.

Warnings (legal, but probably a mistake; ``--strict`` makes them fail):

- a measure's periods out of chronological order on the Data sheet;
- a figure for a period that ends after the reporting period;
- a measure with figures but no commentary; a key action with neither measure nor commentary;
- a benchmark given for some periods of a measure but left blank for others (n/a is fine);
- a rank measure whose latest figure is not the own area's position in its latest ranking;
- two sources that differ by a letter or two, which is usually a typo;
- placeholders ('NYA', 'not yet published'), all in one warning listing them;
- late and missing figures, series mixing lengths of time, and jumps of more than
  half in one comparison (``timeliness``).
- typed group facts that disagree with the full group for the same measure and period;
- a rater's direction of travel that the figures contradict;
- a source's printed change that its own figures do not give (``printed_change``);
- a profiled target the report ignores: on a measure with no Target, a change on last year or a
  target with no date, or for a period at or after the target's date that differs from the
  Target.

Each area's series is checked as the partnership's is (``core.areas.in_area``), its warnings
naming the area; besides, areas that give their own baseline or target where others do not
(``area_checks``).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from safecity_reports.core.areas import in_area, series_areas
from safecity_reports.core.compact import fits_a_table
from safecity_reports.core.formatting import rounded
from safecity_reports.core.groups import disagreements
from safecity_reports.core.model import (
    GroupFacts,
    KeyAction,
    Location,
    Measure,
    Observation,
    Ranking,
    Rating,
    Report,
    TargetKind,
    Unit,
)
from safecity_reports.core.periods import Period
from safecity_reports.core.ratings import contradiction
from safecity_reports.core.status import comparison_period, measure_status, own_position
from safecity_reports.errors import Problem
from safecity_reports.reading.area_checks import area_fact_warnings
from safecity_reports.reading.cells import clean, number_text
from safecity_reports.reading.messages import did_you_mean, not_listed, unknown_agency
from safecity_reports.reading.placeholders import placeholder_note
from safecity_reports.reading.printed_change import printed_change_warnings
from safecity_reports.reading.timeliness import timeliness_warnings

SIMILAR_SOURCES = 0.9
"""How alike (difflib ratio) two different sources must be to look like one with a typo."""


def _row(where: Location) -> int:
    digits = re.sub(r"\D", "", where.cell)
    return int(digits) if digits else 0


class _Problems:
    """Problems as they are found, each located in the report's workbook."""

    def __init__(self, report: Report, figure_cells: Mapping[tuple[Location, str], Location]):
        self.source = report.source_name
        self.found: list[Problem] = []
        self.figure_cells = figure_cells

    def figure(self, obs: Observation, column: str) -> Location:
        """The cell of an observation's figure in ``column``, or its row's cell if not known."""
        return self.cell(obs.where, column)

    def cell(self, where: Location, column: str) -> Location:
        """The cell in ``column`` of the record read at ``where``, or ``where`` if not known."""
        return self.figure_cells.get((where, column), where)

    def error(self, where: Location, message: str) -> None:
        self.found.append(Problem(f"{self.source}, {where}", message, "error"))

    def warning(self, where: Location, message: str) -> None:
        self.found.append(Problem(f"{self.source}, {where}", message, "warning"))


def validate(
    report: Report,
    skipped_ids: Collection[str] = (),
    figure_cells: Mapping[tuple[Location, str], Location] | None = None,
) -> list[Problem]:
    """Every cross-record problem in ``report``, errors and warnings, in workbook order.

    ``skipped_ids`` are ids of rows the reader could not use (their own errors are reported
    already); references to them are not reported again. ``figure_cells`` gives the cell of a
    figure by its observation's row and column ('Actual', 'Benchmark'), so that a warning about
    the figure names it; without it, the observation's row is named.
    """
    problems = _Problems(report, figure_cells or {})
    _duplicates(report, problems)
    _references(report, problems, set(skipped_ids))
    for measure in report.measures:
        _series(report, measure, problems)
        for area in ("", *series_areas(measure)):
            # an area's series is checked as the partnership's; the view's id names the area
            series = in_area(measure, area)
            _profiles(replace(series, id=f"{measure.id} ({area})") if area else series, problems)
    _rankings(report, problems)
    _group_facts(report, problems, set(skipped_ids))
    _ratings(report, problems, set(skipped_ids))
    _coverage(report, problems, set(skipped_ids))
    _sources(report, problems)
    for cell, said in printed_change_warnings(report):
        problems.warning(problems.figure_cells.get((cell, "Printed change"), cell), said)
    for where, message in (
        *timeliness_warnings(report),
        *area_fact_warnings(report),
    ):
        if where is None:
            problems.found.append(Problem(report.source_name, message, "warning"))
        else:  # a figure's warning names the figure's own cell, not its period's
            problems.warning(problems.figure_cells.get((where, "Actual"), where), message)
    if note := placeholder_note(report, problems.figure):
        problems.found.append(Problem(report.source_name, note, "warning"))
    return problems.found


def _duplicates(report: Report, problems: _Problems) -> None:
    for what, records in (
        ("Priority", [p for p in report.priorities if not p.implied]),
        ("Action", [a for a in report.actions if not a.implied]),
        ("Measure", report.measures),
    ):
        first: dict[str, Location] = {}
        for record in records:
            if record.id in first:
                problems.error(
                    record.where,
                    f"{what} '{record.id}' is defined twice (also at {first[record.id]});"
                    " give each its own id",
                )
            else:
                first[record.id] = record.where


def _references(report: Report, problems: _Problems, skipped: set[str]) -> None:
    measures = [m.id for m in report.measures]
    actions = [a.id for a in report.actions if not a.implied]
    for action in report.actions:
        if action.lead_agency and action.lead_agency not in report.agencies:
            problems.error(
                problems.cell(action.where, "Lead agency"),
                unknown_agency(action.lead_agency, report.agencies),
            )
    stated = {a.id: a for a in report.actions if not a.implied}
    for measure in report.measures:
        same_id = stated.get(measure.id)
        if same_id is not None and measure not in same_id.measures:
            problems.error(
                measure.where,
                f"Measure {measure.id} has the id of key action {same_id.id} but is not one of"
                f" its measures; give it an id of its own, such as {measure.id}a, or type"
                f" {same_id.id} in its Action",
            )
    for page in report.commentary:
        for page_id in page.covers:
            if page_id not in measures and page_id not in actions and page_id not in skipped:
                problems.error(
                    page.where,
                    f"Page '{page_id}' is not a measure on the Measures sheet or an action on the"
                    f" Key actions sheet{did_you_mean(page_id, [*measures, *actions])}",
                )
    for ranking in report.rankings:
        if ranking.measure_id not in measures and ranking.measure_id not in skipped:
            problems.error(
                ranking.where, not_listed("Measure", ranking.measure_id, "Measures", measures)
            )
    for figure in report.figures:
        if figure.action_id not in actions and figure.action_id not in skipped:
            problems.error(
                figure.where, not_listed("Action", figure.action_id, "Key actions", actions)
            )


def _series(report: Report, measure: Measure, problems: _Problems) -> None:
    seen: dict[tuple[Period, str], Observation] = {}
    for obs in sorted(measure.observations, key=lambda o: _row(o.where)):
        label = obs.period.label
        # the same months are the same period, whatever the label ('2016/17 Q2', 'Jul 2016 -
        # Sep 2016'): nothing may choose between two figures for one, least of all their rows
        other = seen.get((obs.period, obs.area))
        if other is not None:
            area = f" for {obs.area}" if obs.area else ""
            same = label if other.period.label == label else f"{label} ({other.period.label})"
            problems.error(
                obs.where,
                f"Measure {measure.id} has two rows for {same}{area} (the other at"
                f" {other.where}); delete one",
            )
        seen.setdefault((obs.period, obs.area), obs)
        if obs.period.end > report.settings.period.end:
            problems.warning(
                obs.where,
                f"Period {label} of measure {measure.id} ends after the reporting period"
                f" {report.settings.period.label}; check the period or the Settings sheet",
            )
    in_sheet_order = sorted(measure.observations, key=lambda o: _row(o.where))
    for before, after in zip(in_sheet_order, in_sheet_order[1:], strict=False):
        if after.period < before.period and after.area == before.area:
            problems.warning(
                after.where,
                f"Period {after.period.label} of measure {measure.id} comes after"
                f" {before.period.label} on the Data sheet but is earlier; the report sorts"
                " them by date, so check the periods are right",
            )
            break
    for area in ("", *series_areas(measure)):  # each series on its own
        figures = [o for o in measure.observations if o.area == area]
        blanks = [o for o in figures if o.benchmark is None]
        if blanks and len(blanks) < len(figures):
            labels = ", ".join(o.period.label for o in blanks)
            who = f" ({area})" if area else ""
            problems.warning(
                problems.figure(blanks[0], "Benchmark"),
                f"Measure {measure.id}{who} has a benchmark for some periods but none for"
                f" {labels}; type the benchmark, or n/a where it is not available",
            )


def _profiles(measure: Measure, problems: _Problems) -> None:
    """A profiled target the report ignores is warned about, saying why and what to do."""
    target, due = measure.target, measure.target_due
    for obs in measure.observations:
        if obs.profiled_target is None:
            continue
        label = obs.period.label
        profile = f"profiled target for {label}, {number_text(obs.profiled_target)},"
        where = problems.figure(obs, "Profiled target")
        if measure.target_kind in (
            TargetKind.REDUCE_ON_LAST_YEAR,
            TargetKind.INCREASE_ON_LAST_YEAR,
        ):
            problems.warning(
                where,
                f"Measure {measure.id}'s target is '{measure.target_kind.value}', judged against"
                f" last year's figure, so its {profile} is ignored; clear the cell",
            )
        elif target is None:
            problems.warning(
                where,
                f"Measure {measure.id} has no Target, so its {profile} is ignored; type the"
                " target it leads to in Target and Target date on the Measures sheet, or clear"
                " the cell",
            )
        elif rounded(obs.profiled_target, measure.decimals) == rounded(target, measure.decimals):
            continue
        elif due is None:
            problems.warning(
                where,
                f"Measure {measure.id}'s Target {number_text(target)} has no Target date, so it"
                f" applies to every period and its {profile} is ignored; type the period the"
                " target is due by in Target date on the Measures sheet, or clear the cell",
            )
        elif obs.period.end == due.end:
            problems.warning(
                where,
                f"Measure {measure.id}'s {profile} differs from its Target"
                f" {number_text(target)}, due by the end of {due.label}; {label} ends then, so"
                " its figure is judged against the Target itself and the profiled target is"
                f" ignored: type {number_text(target)}, or clear the cell",
            )
        elif obs.period.end > due.end:
            problems.warning(
                where,
                f"Measure {measure.id}'s {profile} is for a period after its Target"
                f" {number_text(target)} was due (by the end of {due.label}), so it is"
                " ignored; check the period, or clear the cell",
            )


def _rankings(report: Report, problems: _Problems) -> None:
    measures = {m.id: m for m in report.measures}
    latest: dict[str, Ranking] = {}
    for ranking in report.rankings:
        own = [a.area for a in ranking.areas if a.is_own_area]
        if len(ranking.areas) == 1:
            problems.error(
                ranking.where,
                f"The {ranking.measure_id} ranking for {ranking.period.label} lists one area"
                f" ({ranking.areas[0].area}), and a group of one cannot be ranked: add every"
                " area of the group, or type the published rank and group size on the"
                " Group position sheet instead",
            )
        elif len(own) != 1:
            problems.error(
                ranking.where,
                f"The {ranking.measure_id} ranking for {ranking.period.label} has"
                f" {'no' if not own else len(own)} own area{'s' if len(own) > 1 else ''}"
                f"{' (' + ', '.join(own) + ')' if own else ''}: mark exactly one area Yes"
                " in the Own area column",
            )
        elif ranking.measure_id not in latest or latest[ranking.measure_id].period < ranking.period:
            latest[ranking.measure_id] = ranking
    for measure_id, ranking in latest.items():
        measure = measures.get(measure_id)
        if measure is None or measure.unit is not Unit.RANK or not measure.observations:
            continue
        partnership = [o for o in measure.observations if not o.area]
        if not partnership:
            continue
        current = partnership[-1]
        own_area = next(a for a in ranking.areas if a.is_own_area)
        position = own_position(ranking, measure.polarity)
        if isinstance(current.actual, float) and current.actual != position:
            problems.warning(
                problems.figure(current, "Actual"),
                f"Measure {measure_id}'s latest figure is {current.actual:g}, but"
                f" {own_area.area} is position {position} of {len(ranking.areas)}"
                f" in its {ranking.period.label} ranking"
                f" ({measure.polarity.value if measure.polarity_stated else 'lowest first'});"
                " check the figure or the Rankings sheet",
            )


def _given_twice(
    records: Iterable[GroupFacts | Rating],
    key: Callable[[Any], Hashable],
    what: Callable[[Any], str],
    problems: _Problems,
) -> None:
    """An error on each record whose key an earlier row already has, naming both cells: the
    report must not pick one of them by its row."""
    first: dict[Hashable, Location] = {}
    for record in sorted(records, key=lambda r: (r.where.sheet, _row(r.where))):
        found = first.setdefault(key(record), record.where)
        if found is not record.where:
            problems.error(
                record.where, f"{what(record)} is given twice (also at {found}); delete one"
            )


def _group_facts(report: Report, problems: _Problems, skipped: set[str]) -> None:
    _given_twice(
        report.group_facts,
        lambda f: (f.measure_id, f.period, f.area, clean(f.group_name).casefold()),
        lambda f: (
            f"The group position of {f.measure_id} for {f.period.label}"
            + (f" ({f.area})" if f.area else "")
            + (f" in {f.group_name}" if f.group_name else "")
        ),
        problems,
    )
    measures = {m.id: m for m in report.measures}
    full = {
        (r.measure_id, r.period.label, clean(r.group_name).casefold()): r for r in report.rankings
    }
    for facts in report.group_facts:
        measure = measures.get(facts.measure_id)
        if measure is None:
            if facts.measure_id not in skipped:
                problems.error(
                    facts.where, not_listed("Measure", facts.measure_id, "Measures", measures)
                )
            continue
        ranking = full.get(
            (facts.measure_id, facts.period.label, clean(facts.group_name).casefold())
        )
        if ranking is None and not facts.group_name:  # unnamed: the period's only group
            only = [r for k, r in full.items() if k[:2] == (facts.measure_id, facts.period.label)]
            ranking = only[0] if len(only) == 1 else None
        if ranking is None or facts.area or sum(a.is_own_area for a in ranking.areas) != 1:
            continue
        for words in disagreements(ranking, facts, measure.polarity):
            problems.warning(
                facts.where,
                f"{words} for {facts.measure_id} ({facts.period.label}); the report uses the"
                " Rankings sheet's figures, so check one or the other",
            )


def _ratings(report: Report, problems: _Problems, skipped: set[str]) -> None:
    _given_twice(
        report.ratings,
        lambda r: (r.subject, r.period, r.area),
        lambda r: (
            f"The rating of {r.subject} for {r.period.label}" + (f" ({r.area})" if r.area else "")
        ),
        problems,
    )
    measures = {m.id: m for m in report.measures}
    subjects = [*measures, *(a.id for a in report.actions)]
    for rating in report.ratings:
        if rating.subject not in subjects:
            if rating.subject not in skipped:
                problems.error(
                    rating.where,
                    f"Subject '{rating.subject}' is not a measure on the Measures sheet or an"
                    f" action on the Key actions sheet{did_you_mean(rating.subject, subjects)}",
                )
            continue
        measure = measures.get(rating.subject)
        if measure is None:
            continue
        status = measure_status(
            measure,
            rating.period,
            comparison_period(report.settings),
            report.settings.compare_with,
            area=rating.area,
            population=None if rating.area else report.settings.population,
            confidence=report.settings.confidence,
        )
        current = status.current
        if current is not None and current.period == rating.period:
            words = contradiction(rating, status)
            if words:
                problems.warning(problems.cell(rating.where, "Direction"), words)


def _coverage(report: Report, problems: _Problems, skipped: set[str]) -> None:
    covered = {page_id for page in report.commentary for page_id in page.covers}
    for action in report.actions:
        for measure in action.measures:
            if fits_a_table(report, measure):  # a table's row needs no commentary
                continue
            if measure.observations and measure.id not in covered and action.id not in covered:
                problems.warning(
                    measure.where,
                    f"Measure {measure.id} has figures but no commentary; add a row for it on"
                    " the Commentary sheet",
                )
        if not action.measures and action.id not in covered and action.id not in skipped:
            problems.warning(
                action.where,
                f"Key action {action.id} has no measure and no commentary, so its page would be"
                " empty; add a measure or a Commentary row for it",
            )


def _sources(report: Report, problems: _Problems) -> None:
    first: dict[str, tuple[Location, str]] = {}
    uses: dict[str, int] = defaultdict(int)
    records: list[tuple[str, KeyAction | Measure]] = [
        *(("action", a) for a in report.actions),
        *(("measure", m) for m in report.measures),
    ]
    for kind, record in records:
        if record.source:
            first.setdefault(record.source, (record.where, f"{kind} {record.id}"))
            uses[record.source] += 1
    sources = list(first)
    for i, source in enumerate(sources):
        for other in sources[i + 1 :]:
            ratio = difflib.SequenceMatcher(None, source.casefold(), other.casefold()).ratio()
            if ratio > SIMILAR_SOURCES:
                rare, common = (other, source) if uses[other] <= uses[source] else (source, other)
                problems.warning(
                    problems.cell(first[rare][0], "Source"),
                    f"Source '{rare}' of {first[rare][1]} is nearly the same as '{common}'"
                    f" ({first[common][1]}); if they are the same source, spell them the same",
                )


__all__ = [
    "validate",
]
