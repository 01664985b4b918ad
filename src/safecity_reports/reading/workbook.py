"""Reading the agencies' workbook into the model.

The reader forgives what spreadsheet users do: sheets and columns are found by name whatever
their case or order, blank rows are skipped, numbers typed as text are numbers, ``58%`` is 58,
``n/a`` means not available. What it cannot make sense of it reports cell by cell, with the
value and what would be accepted, and carries on, so one run lists every problem. The input
file is read into memory once and never written.

This module opens the file (refusing .xls, .csv, password-protected and damaged files), reads
each sheet's records (settings, priorities, key actions, measures, data, commentary, rankings,
key figures) and links them into the model, reporting unknown settings, duplicated settings,
bad decimals, unknown measures and links that go nowhere. Finding sheets, columns and rows, and
the problems of a blank or broken cell, live in ``sheets``; what one cell's value means, and its
messages, in ``cells``. Only this module and ``sheets`` import openpyxl.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from safecity_reports.core.formatting import MOST_TYPED, typed_places
from safecity_reports.core.model import (
    SUMMARY_COLUMNS,
    Baseline,
    Commentary,
    CompareWith,
    Figure,
    FigureKind,
    Frequency,
    GroupFacts,
    GroupSide,
    KeyAction,
    Location,
    Measure,
    MultipleTesting,
    Observation,
    PageLayout,
    Polarity,
    Priority,
    RankedArea,
    Ranking,
    RatedDirection,
    Rating,
    RatingLevel,
    Report,
    Settings,
    TargetKind,
    TextBlock,
    Unit,
)
from safecity_reports.core.periods import Period, PeriodKind
from safecity_reports.core.series import in_order
from safecity_reports.errors import Problem, UsageError, WorkbookError
from safecity_reports.reading import populations, schema
from safecity_reports.reading.awaiting import awaiting, lead_agencies, settle_awaited
from safecity_reports.reading.cells import BAD, CellError, as_choice, clean, key, page_ids
from safecity_reports.reading.markup import parse_blocks
from safecity_reports.reading.messages import did_you_mean, id_sort_key, not_listed, one_of
from safecity_reports.reading.optional import figures_need, needs_polarity
from safecity_reports.reading.printed_change import printed_text
from safecity_reports.reading.publication import publication_warnings
from safecity_reports.reading.series_facts import SeriesFactsRows
from safecity_reports.reading.sheets import Row, SheetReader
from safecity_reports.reading.units import ReadUnit, UnitError, read_unit
from safecity_reports.reading.zipcheck import Package, check_file_size, check_package

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_UNKNOWN_PERIOD = Period(date.max, date.max, PeriodKind.QUARTER, "?")
"""Stands in for a reporting period that could not be read, so later checks stay quiet."""


@dataclass(frozen=True)
class Reading:
    """What reading a workbook found."""

    report: Report
    """The report, without the rows that had errors."""
    problems: list[Problem]
    """Every problem with single cells, sheets and links between sheets."""
    skipped_ids: frozenset[str]
    """Ids of rows left out because of their errors, so references to them are not errors too."""
    complete: bool
    """False when a sheet or an id column is missing, so that cross-record checks would mislead."""
    figure_cells: dict[tuple[Location, str], Location] = field(default_factory=dict)
    """The cell of each figure on the Data sheet, by its observation's row and its column
    ('Actual', 'Benchmark'), so a warning about a figure names the figure's own cell; and so
    of the cells other checks across records are about (a key action's Lead agency and
    Source, a measure's Source, a rating's Direction), by their record's ``where``."""
    texts: tuple[tuple[Location, str], ...] = ()
    """Every text the report may print, with its cell, for checks on the fonts that draw it."""


def read_workbook(path: Path) -> tuple[Report, list[Problem]]:
    """Read the workbook at ``path``: the report (rows with errors left out) and every problem.

    Raises ``UsageError`` when there is no such file, and ``WorkbookError`` when the file cannot
    be read as a workbook at all (an .xls, .csv or .ods file, an encrypted or damaged one).
    """
    reading = read(path)
    return reading.report, reading.problems


def read(path: Path) -> Reading:
    """``read_workbook``, with what the validator needs to avoid repeating the reader's errors."""
    path = Path(path)
    data, wb, package = _open(path)
    reader = _Reader(path.name, data, wb)
    if package.has_macros:
        reader.problem(
            None,
            "The workbook contains macros; they were not run, and the report uses only the"
            " values saved in its cells",
            "warning",
        )
    return reader.read()


def _open(path: Path) -> tuple[bytes, Workbook, Package]:
    name = path.name
    if path.is_dir():
        raise UsageError(f"{path} is a folder, not a workbook")
    if not path.exists():
        raise UsageError(f"{path}: there is no such file")
    try:
        check_file_size(name, path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise WorkbookError(f"{name} cannot be opened: {exc.strerror}") from None
    suffix = path.suffix.lower()
    if not data:
        raise WorkbookError(f"{name} is empty (0 bytes): it is not a workbook")
    if data.startswith(_OLE):
        if suffix in (".xlsx", ".xlsm"):
            raise WorkbookError(
                f"{name} is password-protected: open it in Excel, remove the password"
                " (File > Info > Protect Workbook) and save it"
            )
        raise WorkbookError(
            f"{name}: This is an Excel 97-2003 .xls file: open it in Excel and save it as .xlsx"
            " (Excel Workbook)"
        )
    if not data.startswith(b"PK"):
        if suffix in (".csv", ".txt", ".tsv"):
            raise WorkbookError(
                f"{name}: This is a {suffix[1:].upper()} file, which holds one sheet without"
                " formats: copy its figures into the template (make-report template) and save"
                " that as .xlsx"
            )
        raise WorkbookError(f"{name} is not an Excel workbook (.xlsx)")
    package = check_package(name, data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about features it does not keep
            wb = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of error on a damaged file
        raise WorkbookError(
            f"{name} cannot be read as a workbook ({exc}): open it in Excel and save it again"
        ) from None
    return data, wb, package


def _as_typed(measure: Measure, observations: Iterable[Observation]) -> Measure:
    """A measure whose Decimals is blank: its most decimals are the most any of its figures,
    its target or its baseline was typed with, so that what is worked out from them (a change,
    a share of the target) prints at their precision."""
    numbers = [
        *(v for o in observations for v in (o.actual, o.benchmark) if isinstance(v, float)),
        *(v for v in (measure.target, measure.baseline and measure.baseline.value) if v),
    ]
    return replace(measure, decimals=max((typed_places(v) for v in numbers), default=0))


class _Reader(SheetReader):
    """Reads each sheet of one workbook into records, collecting problems as it goes."""

    awaited: dict[str, str]
    """Each measure's lead agency, whose return a blank newest figure awaits."""
    unstated: dict[str, tuple[Row, tuple[str, ...]]]
    """The Measures row and blank columns (Unit, Decimals) of each measure that may do without
    them as long as it has no figures on the Data sheet (a measure rated only)."""
    population_cell: Location | None = None
    """The cell of Settings' Population, where there is a Population row."""
    decimals_blank: set[str]
    """The measures whose Decimals is blank: each figure prints as typed."""

    def read(self) -> Reading:
        settings = self._settings()
        agencies = tuple(r.text("Agency", True) for r in self.rows(schema.AGENCIES))
        agencies = tuple(a for a in agencies if a)
        priorities = self._priorities()
        actions = self._actions(agencies)
        self.unstated = {}
        measures = self._measures()
        self._check_populations(settings, measures)
        self.awaited = lead_agencies((a for a, _ in actions), (m for m, _ in measures))
        observations = self._data(measures)
        measures = [
            (_as_typed(m, observations.get(m.id, ())) if m.id in self.decimals_blank else m, row)
            for m, row in measures
        ]
        commentary = self._commentary()
        rankings = self._rankings()
        figures = self._figures()
        group_facts = self._group_facts()
        ratings = self._ratings()
        self._check_numeric_ids()
        report = _assemble(
            settings,
            priorities,
            actions,
            measures,
            observations,
            commentary,
            rankings,
            figures,
            agencies,
            self.name,
            self,
        )
        report = replace(report, group_facts=tuple(group_facts), ratings=tuple(ratings))
        return Reading(
            report,
            self.problems,
            frozenset(self.skipped),
            self.complete,
            self.figure_cells,
            tuple(self.texts),
        )

    def _settings(self) -> Settings:
        placeholder = Settings("", "", _UNKNOWN_PERIOD)
        ws = self.sheet(schema.SETTINGS)
        if ws is None:
            return placeholder
        names = {key(name): name for name, _, _ in schema.SETTING_ROWS}
        helps = {name: help_text for name, help_text, _ in schema.SETTING_ROWS}
        found: dict[str, list[Row]] = {}
        for cells in ws.iter_rows(max_col=2):
            label, number = cells[0].value, cells[0].row
            if label is None or not clean(label) or (number == 1 and key(label) == "setting"):
                continue
            if key(label) not in names:
                self.problem(
                    Location(ws.title, cells[0].coordinate),
                    f"'{clean(label)}' is not a setting, so it is ignored; the settings"
                    f" are {one_of(names.values())}"
                    f"{did_you_mean(clean(label), names.values(), listed=0)}",
                    "warning",
                )
                continue
            name = names[key(label)]
            value_cell = cells[1] if len(cells) > 1 else None
            row = Row(self, ws.title, number, {name: value_cell}, helps)
            if name in found and name != "Footnote":
                self.problem(
                    Location(ws.title, cells[0].coordinate),
                    f"{name} is given twice (also at {found[name][0].location(name)}); delete one",
                )
            found.setdefault(name, []).append(row)
        for name, _, required in schema.SETTING_ROWS:
            if required and name not in found:
                self.problem(
                    f"sheet {ws.title}, column A",
                    f"There is no '{name}' row: type {name} in column A and its value in column B",
                )

        def one(name: str) -> Row | None:
            return found[name][0] if name in found else None

        def text(name: str, required: bool) -> str:
            row = one(name)
            return row.text(name, required) if row else ""

        period = one("Reporting period")
        comparison = one("Comparison period")
        report_date = one("Report date")
        dated = report_date.date("Report date") if report_date else None
        rank_one = one("Rank 1 is")
        rank_word = rank_one.choice("Rank 1 is", ("Lowest", "Highest"), False) if rank_one else None
        compare = one("Compare with")
        compare_with = compare.choice("Compare with", _COMPARE, required=False) if compare else None
        chosen = one("Layout")
        layout = (
            chosen.choice("Layout", schema.LISTS["Layouts"], required=False) if chosen else None
        )
        testing = one("Multiple testing")
        multiple = (
            testing.choice("Multiple testing", _MULTIPLE_TESTING, required=False)
            if testing
            else None
        )
        result = Settings(
            partnership=text("Partnership", True),
            title=text("Report title", True),
            period=(period.period("Reporting period") if period else None) or _UNKNOWN_PERIOD,
            comparison_period=comparison.period("Comparison period", False) if comparison else None,
            report_date=dated[0] if dated else None,
            report_month=bool(dated and dated[1]),
            contact=text("Contact", False),
            next_update=text("Next update", False),
            rank_one_is_lowest={"Lowest": True, "Highest": False}.get(rank_word or ""),
            author=text("Published by", False),
            footnotes=tuple(t for r in found.get("Footnote", []) if (t := r.text("Footnote"))),
            compare_with=CompareWith(compare_with) if compare_with else None,
            layout=PageLayout(layout) if layout else PageLayout.AUTOMATIC,
            summary_columns=self._summary_columns(one("Summary columns")),
            area_pages=bool(one("Area pages"))
            and one("Area pages").choice("Area pages", (schema.YES, "No"), False)  # type: ignore[union-attr]
            == schema.YES,
            **_population(one("Population"), one("Population source"), one("Confidence")),
            multiple_testing=MultipleTesting(multiple) if multiple else MultipleTesting.NONE,
        )
        stated = one("Population")
        self.population_cell = stated.location("Population") if stated else None
        where = report_date.location("Report date") if report_date else f"sheet {ws.title}"
        cell = report_date.cells.get("Report date") if report_date else None
        typed = cell is not None and cell.value is not None and bool(clean(cell.value))
        if dated or not typed:  # a date that cannot be read has its own error
            for message in publication_warnings(result, date.today()):
                self.problem(where, message, "warning")
        return result

    def _check_populations(self, settings: Settings, measures: list[tuple[Measure, Row]]) -> None:
        """What each rate is per, against Settings' Population (``populations``)."""
        marked = [(m, r) for m, r in measures if m.partnership_population]
        for m, r in marked:
            column = populations.COLUMN
            for where, message, severity in populations.measure_problems(
                m, r.raw(column), r.location(column), settings.population
            ):
                self.problem(where, message, severity)
        for cell, message, severity in populations.unused_population(
            settings.population, self.population_cell, [m for m, _ in marked]
        ):
            self.problem(cell, message, severity)

    def _summary_columns(self, row: Row | None) -> tuple[str, ...]:
        """The summary's columns as listed (commas between), each one of ``SUMMARY_COLUMNS``."""
        text = row.text("Summary columns") if row else ""
        chosen: list[str] = []
        for item in (part.strip() for part in text.split(",")):
            if not item:
                continue
            try:
                name = as_choice("Summary columns", item, SUMMARY_COLUMNS)
            except CellError as exc:
                assert row is not None
                row.fail("Summary columns", str(exc))
                continue
            if name not in chosen:
                chosen.append(name)
        return tuple(chosen)

    def _priorities(self) -> list[Priority]:
        priorities = []
        for row in self.rows(schema.PRIORITIES):
            pid, name = row.id("Priority"), row.text("Name", True)
            if self.keep(row, pid):
                priorities.append(Priority(pid, name, where=row.location("Priority")))
        return priorities

    def _actions(self, agencies: tuple[str, ...]) -> list[tuple[KeyAction, Row]]:
        actions = []
        for row in self.rows(schema.KEY_ACTIONS):
            action_id = row.id("Action")
            agency = row.text("Lead agency")
            agency = next((a for a in agencies if a.casefold() == agency.casefold()), agency)
            action = KeyAction(
                id=action_id,
                priority_id=row.id("Priority"),
                text=row.text("Key action", True),
                lead_agency=agency,
                heading=row.text("Page heading"),
                source=row.text("Source"),
                where=row.location("Action"),
            )
            if self.keep(row, action_id):
                actions.append((action, row))
                self._cells(row, "Action", "Lead agency", "Source")
        return actions

    def _measures(self) -> list[tuple[Measure, Row]]:
        measures = []
        self.decimals_blank = set()
        for row in self.rows(schema.MEASURES):
            measure_id = row.id("Measure")
            unit = _unit(row)
            polarity = row.choice("Polarity", schema.LISTS["Polarities"], required=False)
            frequency = row.choice("Frequency", schema.LISTS["Frequencies"], required=False)
            decimals = row.number("Decimals")
            if decimals is None and row.ok:
                self.decimals_blank.add(measure_id)
            if decimals is not None and (not decimals.is_integer() or not 0 <= decimals <= 3):
                row.fail(
                    "Decimals",
                    f"Decimals '{decimals:g}' is not one of: 0, 1, 2, 3; type one of them, or"
                    " leave it blank for a measure with no figures",
                )
            target, target_kind = _target(row)
            tolerance = row.number("Tolerance")
            details = _measure_details(row, target_kind)
            if polarity is None and target is not None:
                needs_polarity(row, measure_id, details.get("target_kind", TargetKind.REACH))
            action_id, name = row.id("Action", False), row.text("Name", True)
            benchmark_label, source, notes = (row.text(h) for h in ("Benchmark", "Source", "Notes"))
            if not self.keep(row, measure_id):
                self.skipped.add(action_id)  # its action is not really bare
            else:
                self._cells(row, "Measure", "Source")
                if unit is None:  # an error only if the measure has figures (``_data``)
                    self.unstated.setdefault(measure_id, (row, ("Unit",)))
                unit = unit or ReadUnit(Unit.NUMBER)
                measures.append(
                    (
                        Measure(
                            id=measure_id,
                            unit=unit.unit,
                            unit_label=unit.label,
                            rate_per=unit.rate_per,
                            theme=row.text("Theme"),
                            polarity=Polarity(polarity) if polarity else Polarity.NO_PREFERENCE,
                            polarity_stated=polarity is not None,
                            frequency=Frequency(frequency) if frequency else None,
                            decimals=MOST_TYPED if decimals is None else int(decimals),
                            target=target,
                            tolerance=tolerance,
                            where=row.location("Measure"),
                            action_id=action_id,
                            name=name,
                            short_name=row.text("Short name"),
                            benchmark_label=benchmark_label,
                            source=source,
                            notes=notes,
                            **details,
                        ),
                        row,
                    )
                )
        return measures

    def _data(self, measures: list[tuple[Measure, Row]]) -> dict[str, list[Observation]]:
        units = {m.id: m.unit for m, _ in measures}
        known = [*units, *self.skipped]
        observations: dict[str, list[Observation]] = {}
        self.series_facts = SeriesFactsRows()
        pending: list[tuple[Row, str, str]] = []
        for row in self.rows(schema.DATA):
            measure_id = row.id("Measure")
            if measure_id and measure_id not in known:
                row.fail("Measure", not_listed("Measure", measure_id, "Measures", known))
            if measure_id in self.unstated:
                figures_need(*self.unstated.pop(measure_id), measure_id, row.location("Actual"))
            unit = units.get(measure_id, Unit.COUNT)
            period = row.period("Period")
            kind = row.choice("Row is", schema.ROW_KINDS, required=False) or "Actual"
            if kind != "Actual":  # a series' own baseline or target, not a figure
                actual = row.value("Actual", unit, True)
                measure = next((m for m, _ in measures if m.id == measure_id), None)
                self.series_facts.add(row, kind, measure, period, actual, row.text("Area"))
                continue
            awaited = self.awaited.get(measure_id, "")
            actual = row.value("Actual", unit, not awaited)
            if actual is None and awaited and row.ok:  # a draft while an agency is late
                actual = awaiting(awaited)
                pending.append((row, measure_id, awaited))
            benchmark = row.value("Benchmark", unit)
            note, area = row.text("Note"), row.text("Area")
            count, denominator = row.number("Count"), row.number("Denominator")
            for header, number in (("Count", count), ("Denominator", denominator)):
                if number is not None and number < 0:
                    row.fail(
                        header, f"{header} '{number:g}' is below zero; type a number of 0 or more"
                    )
            if denominator == 0:
                row.fail("Denominator", "Denominator '0' is not a population; type it above 0")
            profiled = row.number("Profiled target")
            printed = _printed_change(row)
            if row.ok and measure_id in units:
                assert period is not None and actual is not None
                where = row.location("Period")
                for header in ("Actual", "Benchmark", "Profiled target", "Printed change"):
                    self.figure_cells[(where, header)] = row.location(header)
                observations.setdefault(measure_id, []).append(
                    Observation(
                        period,
                        actual,
                        benchmark,
                        note,
                        where,
                        area,
                        count,
                        denominator,
                        profiled,
                        printed,
                    )
                )
        settle_awaited(observations, pending)
        return observations

    def _commentary(self) -> list[Commentary]:
        pages: list[tuple[tuple[str, ...], list[TextBlock], Row]] = []
        for row in self.rows(schema.COMMENTARY):
            page = row.id("Page", required=not pages)
            covers = page_ids(page) if page else (pages[-1][0] if pages else ())
            if page and not covers:
                row.fail(
                    "Page",
                    f"Page '{page}' is not a range: give the first and last measure, e.g. 1.2a-c",
                )
            text = row.text("Text", True)
            if not row.ok:
                continue
            cell = row.location("Text")
            blocks = [replace(block, where=cell) for block in parse_blocks(str(text))]
            if pages and (not page or covers == pages[-1][0]):
                pages[-1][1].extend(blocks)
            else:
                pages.append((covers, list(blocks), row))
        return [Commentary(c, tuple(b), r.location("Page")) for c, b, r in pages]

    def _rankings(self) -> list[Ranking]:
        """Each group's areas, found by measure, period (its months, whatever its label), group
        name (several groups may rank one measure in one period: 'London boroughs' and 'Most
        similar group') and area: an area given twice in one group, or limits given twice, is
        an error naming both cells. Limits with no group name are the limits of the measure
        and period's only group."""
        Key = tuple[str, Period | None, str]
        groups: dict[Key, list[tuple[RankedArea, Row, Period]]] = {}
        names: dict[Key, set[str]] = {}
        spoilt: set[Key] = set()
        seen: dict[tuple[str, Period | None, str, str], Row] = {}
        for row in self.rows(schema.RANKINGS):
            measure_id, period = row.id("Measure"), row.period("Period")
            area, value = row.text("Area", True), row.number("Value", True)
            own = row.choice("Own area", (schema.YES, "No"), required=False) == schema.YES
            count, population = row.number("Count"), row.number("Population")
            group = row.text("Group")
            key: Key = (measure_id, period, clean(group).casefold())
            if group:
                names.setdefault(key, set()).add(group)
            place = (*key, clean(area).casefold())
            if area and period is not None and place in seen:
                within = f" in {group}" if group else ""
                row.fail(
                    "Area",
                    f"{area} is ranked twice{within} for {measure_id} {period.label} (also at"
                    f" {seen[place].location('Area')}); delete one",
                )
            seen.setdefault(place, row)
            if row.ok and period is not None and value is not None:
                ranked_area = RankedArea(area, value, own, count, population)
                groups.setdefault(key, []).append((ranked_area, row, period))
            else:
                spoilt.add(key)  # a group missing a row would give wrong positions
        for key in spoilt:
            groups.pop(key, None)
        limits: dict[Key, tuple[float | None, ...]] = {}
        limit_rows: dict[Key, Row] = {}
        ranked = [*groups, *spoilt]
        for row in self.rows(schema.GROUP_LIMITS):
            measure_id, period = row.id("Measure"), row.period("Period")
            numbers = tuple(row.number(h) for h in ("Group average", "Lower limit", "Upper limit"))
            group = row.text("Group")
            key = (measure_id, period, clean(group).casefold())
            if not group:  # the measure and period's only group, whatever its name
                only = {k for k in ranked if k[:2] == key[:2]}
                key = only.pop() if len(only) == 1 else key
            within = f" ({group})" if group else ""
            if period is not None and key in limit_rows:
                row.fail(
                    "Measure",
                    f"The limits for {measure_id} {period.label}{within} are given twice (also"
                    f" at {limit_rows[key].location('Measure')}); delete one",
                )
            if period is not None:
                limit_rows.setdefault(key, row)
            if row.ok and period is not None:
                if schema.RANKINGS.name not in self.missing and key not in ranked:
                    row.fail(
                        "Measure",
                        f"There is no ranking for {measure_id} {period.label}{within} on"
                        " the Rankings sheet, so these limits are not used",
                        "warning",
                    )
                limits[key] = numbers
        rankings = []
        for key, rows in groups.items():
            average, lower, upper = limits.get(key, (None, None, None))
            # the own area first, then by name: not in the order of the rows
            areas = tuple(
                sorted(
                    (a for a, _, _ in rows), key=lambda a: (not a.is_own_area, a.area.casefold())
                )
            )
            first = min(rows, key=lambda r: r[1].row_number)
            rankings.append(
                Ranking(
                    key[0],
                    first[2],
                    areas,
                    average,
                    lower,
                    upper,
                    first[1].location("Measure"),
                    group_name=min(names.get(key, {""}), key=lambda n: (n.casefold(), n)),
                )
            )
        return rankings

    def _group_facts(self) -> list[GroupFacts]:
        facts = []
        for row in self.rows(schema.GROUP_POSITION):
            measure_id, period = row.id("Measure"), row.period("Period")
            size, rank = row.number("Group size"), row.number("Rank")
            for header, number in (("Group size", size), ("Rank", rank)):
                if number is not None and (not number.is_integer() or number < 1):
                    row.fail(header, f"{header} '{number:g}' is not a whole number of 1 or more")
            if size is not None and size < 2 and row.ok:
                row.fail(
                    "Group size",
                    f"Group size '{size:g}' is a group of one area, which cannot be compared:"
                    " type how many areas the group has, your own included (e.g. 15)",
                )
            if size is not None and rank is not None and rank > size and row.ok:
                row.fail("Rank", f"Rank '{rank:g}' is more than the Group size '{size:g}'")
            one = row.choice("Rank 1 is", ("Lowest", "Highest"), required=False)
            side = row.choice("Position", schema.LISTS["Positions"], required=False)
            distance, average = row.number("Distance from average"), row.number("Group average")
            if row.ok and period is not None:
                facts.append(
                    GroupFacts(
                        measure_id=measure_id,
                        period=period,
                        area=row.text("Area"),
                        group_name=row.text("Group"),
                        group_size=None if size is None else int(size),
                        rank=None if rank is None else int(rank),
                        rank_one_is_lowest={"Lowest": True, "Highest": False}.get(one or ""),
                        position=GroupSide(side) if side else None,
                        distance=distance,
                        group_average=average,
                        where=row.location("Measure"),
                    )
                )
        return facts

    def _ratings(self) -> list[Rating]:
        ratings = []
        for row in self.rows(schema.RATINGS):
            subject, period = row.id("Subject"), row.period("Period")
            level = row.choice("Rating", schema.LISTS["Ratings"])
            direction = row.choice("Direction", schema.LISTS["Directions"], required=False)
            if row.ok and period is not None and level:
                self._cells(row, "Subject", "Direction")
                ratings.append(
                    Rating(
                        subject=subject,
                        period=period,
                        level=RatingLevel(level),
                        area=row.text("Area"),
                        rated_by=row.text("Rated by"),
                        direction=RatedDirection(direction) if direction else None,
                        comment=row.text("Comment"),
                        where=row.location("Subject"),
                    )
                )
        return ratings

    def _figures(self) -> list[Figure]:
        figures = []
        units = (Unit.COUNT.value, Unit.PERCENTAGE.value, Unit.MONEY.value)
        for row in self.rows(schema.KEY_FIGURES):
            action_id, label = row.id("Action"), row.text("Figure", True)
            value, unit = row.number("Value", True), row.choice("Unit", units)
            out_of, target = row.number("Out of"), row.number("Target")
            if row.ok and value is not None and unit:
                figures.append(
                    Figure(
                        action_id, label, value, Unit(unit), out_of, target, row.location("Action")
                    )
                )
        return figures

    def _cells(self, row: Row, first: str, *headers: str) -> None:
        """Remember the cells of ``headers`` in ``row``, by the row's ``first`` cell (where its
        record is said to be), so a check across records names the cell it is about."""
        for header in headers:
            if row.cells.get(header) is not None:
                self.figure_cells[(row.location(first), header)] = row.location(header)

    def _check_numeric_ids(self) -> None:
        """Warn where an id typed as a number may have lost a final 0 (1.10 became 1.1)."""
        by_column: dict[tuple[str, str], list[str]] = {}
        for text, where, header in self.numeric_ids:
            by_column.setdefault((where.sheet, header), []).append(text)
        for text, where, header in self.numeric_ids:
            same = by_column[(where.sheet, header)]
            prefix, _, tail = text.partition(".")
            if len(tail) == 1 and (same.count(text) > 1 or (tail == "1" and f"{prefix}.9" in same)):
                self.problem(
                    where,
                    f"{header} {text} was typed as a number, so Excel may have"
                    f" turned {text}0 into {text}: format the column as Text and type"
                    " the ids again",
                    "warning",
                )


_COMPARE = tuple(c.value for c in CompareWith)


_CONFIDENCES = {"95%": 0.95, "99.8%": 0.998}
_MULTIPLE_TESTING = tuple(m.value for m in MultipleTesting)


def _population(
    population: Row | None, source: Row | None, confidence: Row | None
) -> dict[str, Any]:
    """Settings' Population, Population source and Confidence, as keyword arguments."""
    details: dict[str, Any] = {}
    number = population.number("Population") if population else None
    if number is not None:
        if number <= 0:
            population.fail(  # type: ignore[union-attr]
                "Population", f"Population '{number:g}' is not a population; type it above 0"
            )
        else:
            details["population"] = number
    if source and (text := source.text("Population source")):
        details["population_source"] = text
    if confidence is not None and confidence.raw("Confidence") is not None:
        raw = confidence.raw("Confidence")
        scale = 100 if isinstance(raw, int | float) and raw <= 1 else 1
        typed = f"{float(raw) * scale:g}%" if isinstance(raw, int | float) else clean(str(raw))
        typed = typed.replace(" ", "")
        if not typed.endswith("%"):
            typed += "%"
        if typed in _CONFIDENCES:
            details["confidence"] = _CONFIDENCES[typed]
        else:
            confidence.fail(
                "Confidence",
                f"Confidence '{clean(str(raw))}' is not a level the report uses; type 95% or 99.8%",
            )
    return details


def _unit(row: Row) -> ReadUnit | None:
    """The Unit column: a listed unit, a rate per N of anything, or any other text."""
    typed = row.raw("Unit")
    if typed is None or typed is BAD:
        return None
    try:
        return read_unit(str(typed))
    except UnitError as exc:
        row.fail("Unit", str(exc))
        return None


def _target(row: Row) -> tuple[float | None, TargetKind | None]:
    """The Target column: a figure, or 'Reduction' / 'Increase' (a change on last year)."""
    raw = row.raw("Target")
    if isinstance(raw, str) and (kind := schema.TARGET_WORDS.get(clean(raw).casefold())):
        return None, kind
    return row.number("Target"), None


def _printed_change(row: Row) -> str:
    """The Printed change cell as the source printed it ('' where blank)."""
    value, cell = row.raw("Printed change"), row.cells.get("Printed change")
    if value is None or value is BAD:
        return ""
    text = printed_text(value, str(cell.number_format) if cell is not None else "")
    row.reader.texts.append((row.location("Printed change"), text))  # for the font check
    return text


def _measure_details(row: Row, target_word: TargetKind | None) -> dict[str, Any]:
    """The optional columns of a measure (kind of figure, baseline, target type and date,
    little change), as keyword arguments of ``Measure``; blank ones are left out."""
    details: dict[str, Any] = {}
    kind = row.choice("Figures are", schema.LISTS["Figure kinds"], required=False)
    if kind:
        details["kind"] = FigureKind(kind)
    period, value = row.period("Baseline period", False), row.number("Baseline")
    if period is not None and value is not None:
        details["baseline"] = Baseline(period, value)
    elif period is not None or value is not None:
        blank = "Baseline" if period is not None else "Baseline period"
        row.fail(
            blank,
            f"{blank} is blank, but the measure has a"
            f" {'baseline period' if period is not None else 'baseline'}: give both, or neither",
        )
    target_kind = row.choice("Target type", schema.LISTS["Target types"], required=False)
    if target_kind and target_word and TargetKind(target_kind) is not target_word:
        row.fail(
            "Target type",
            f"Target type '{target_kind}' disagrees with the Target '{row.text('Target')}',"
            f" which means '{target_word.value}': change one of them",
        )
    if target_kind or target_word:
        details["target_kind"] = TargetKind(target_kind) if target_kind else target_word
    due = row.period("Target date", False)
    if due is not None:
        details["target_due"] = due
    raw = row.raw("Little change")
    little = row.number("Little change")
    if little is not None:
        if little < 0:
            row.fail(
                "Little change",
                f"Little change '{little:g}' is below zero; type a size of change, such as 0.5"
                " or 2%",
            )
        details["little_change"] = little
        details["little_change_relative"] = (
            isinstance(raw, str) and raw.strip().endswith("%")
        ) or "%" in str(row.cells["Little change"].number_format)  # type: ignore[union-attr]
    lag = row.number("Lag")
    if lag is not None:
        if not lag.is_integer() or not 0 <= lag <= 24:
            row.fail("Lag", f"Lag '{lag:g}' is not a whole number of months from 0 to 24")
        else:
            details["lag_months"] = int(lag)
    population = row.raw("Population")
    if isinstance(population, str) and clean(population).casefold() == "not known":
        details["population_not_known"] = True
    elif (number := row.number("Population")) is not None:
        if number <= 0:
            row.fail("Population", f"Population '{number:g}' is not a population; type it above 0")
        else:
            details["population"] = number
    if row.choice(populations.COLUMN, (schema.YES, "No"), required=False) == schema.YES:
        details["partnership_population"] = True
    return details


def _implied_action(measure: Measure) -> KeyAction:
    """The key action a measure without one is listed under: no text, no lead agency."""
    return KeyAction(
        id=measure.id,
        priority_id="",
        text="",
        lead_agency="",
        measures=(measure,),
        where=measure.where,
        implied=True,
    )


def _assemble(
    settings: Settings,
    priorities: list[Priority],
    actions: list[tuple[KeyAction, Row]],
    measures: list[tuple[Measure, Row]],
    observations: dict[str, list[Observation]],
    commentary: list[Commentary],
    rankings: list[Ranking],
    figures: list[Figure],
    agencies: tuple[str, ...],
    name: str,
    reader: _Reader,
) -> Report:
    """Link measures to actions and actions to priorities, reporting links that go nowhere.

    Priorities, actions and an action's measures are held in the order of their ids (1.2
    before 1.10), not in the order of the rows, so a sheet sorted another way gives the same
    report. Measures listed by theme instead of action have only their author's order (V1
    Violence before H1 Homes), which is kept."""
    priorities = sorted(priorities, key=lambda p: id_sort_key(p.id))
    actions = sorted(actions, key=lambda pair: id_sort_key(pair[0].id))
    measures = sorted(
        measures, key=lambda pair: (0, id_sort_key(pair[0].id)) if pair[0].action_id else (1, ())
    )
    priority_ids = [p.id for p in priorities]
    action_ids = [a.id for a, _ in actions]
    by_action: dict[str, list[Measure]] = {}
    given: set[str] = set()  # a duplicated measure id gets its figures once, with the first
    themed: dict[str, list[KeyAction]] = {}  # theme -> implied actions, one per measure
    for measure, row in measures:
        if not measure.action_id:
            if action_ids and not measure.theme:
                row.fail(
                    "Action",
                    f"Measure {measure.id} has no Action and no Theme, so it is listed under"
                    " 'Measures': type the id of its key action, or a Theme",
                    "warning",
                )
            first = measure.id not in given
            found = observations.get(measure.id, ()) if first else ()
            given.add(measure.id)
            series = in_order(found)
            facts = reader.series_facts.of(measure.id) if first else ()
            themed.setdefault(measure.theme, []).append(
                _implied_action(replace(measure, observations=series, series_facts=facts))
            )
            continue
        if measure.action_id in action_ids:
            first = measure.id not in given
            found = observations.get(measure.id, ()) if first else ()
            given.add(measure.id)
            series = in_order(found)
            facts = reader.series_facts.of(measure.id) if first else ()
            by_action.setdefault(measure.action_id, []).append(
                replace(measure, observations=series, series_facts=facts)
            )
            continue
        if measure.action_id not in reader.skipped:
            row.fail("Action", not_listed("Action", measure.action_id, "Key actions", action_ids))
        reader.skipped.add(measure.id)
    by_priority: dict[str, list[KeyAction]] = {}
    for action, row in actions:
        held = tuple(by_action.pop(action.id, ()))  # a duplicated action id: the first holds them
        if action.priority_id in priority_ids:
            by_priority.setdefault(action.priority_id, []).append(replace(action, measures=held))
            continue
        if action.priority_id not in reader.skipped:
            row.fail(
                "Priority", not_listed("Priority", action.priority_id, "Priorities", priority_ids)
            )
        reader.skipped.update([action.id, *(m.id for m in held)])
    linked = []
    for priority in priorities:
        ordered = sorted(by_priority.pop(priority.id, ()), key=lambda a: id_sort_key(a.id))
        linked.append(Priority(priority.id, priority.name, tuple(ordered), priority.where))
    for number, (theme, implied) in enumerate(themed.items(), start=1):
        linked.append(
            Priority(
                f"T{number}", theme or "Measures", tuple(implied), implied[0].where, implied=True
            )
        )
    return Report(
        settings, tuple(linked), tuple(commentary), tuple(rankings), tuple(figures), agencies, name
    )
