"""The blank data-entry workbook that agencies fill in, written from ``schema``."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from safecity_reports.reading.schema import (
    DATA_SHEETS,
    INSTRUCTIONS,
    LISTS,
    LISTS_SHEET,
    SETTING_ROWS,
    SETTINGS,
    Sheet,
)

ENTRY_ROWS = 2000
"""How far down the dropdowns and input messages reach."""

_HEADER_FILL = PatternFill("solid", fgColor="12436D")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_WRAP = Alignment(wrap_text=True, vertical="top")

_INSTRUCTIONS = """How to fill in this workbook

Each quarter, each agency adds its figures and commentary here; the partnership coordinator then runs
make-report on the workbook to produce the board report in Word and PDF.

Type figures as plain numbers: a percentage as 58 (or 58%), a rate as 28.06. Type n/a or - for a
figure that is not available. A pair of counts, such as arrests and charges, is typed as 11 / 2.
Do not type previous and current values, arrows or judgements: the report works them out from the
Data sheet, so they always agree with the figures.

Periods: a financial-year quarter as 2016/17 Q2, a financial year as 2015/16, a calendar year as
2016, a month as Sep 2016, a rolling twelve months as Oct 2013 - Sep 2014.

Commentary: one row per paragraph. Start a line with "- " for a bullet, "-- " for a sub-bullet.
Wrap words in **double stars** to make them bold.

Comparison groups: if you have every area's figure, list them on the Rankings sheet (Group: Most
Similar Group) and the report works out the rank, the average, the distance and the position. If
you only have the published facts, type them on the Group position sheet instead, e.g. Measure 1.1,
Period 2016/17, Group Most Similar Group, Group size 15, Rank 10, Rank 1 is Lowest, Position In line,
Distance from average 6.2.

Ratings: one row per measure or action on the Ratings sheet, e.g. Subject 1.2a, Period 2016/17 Q3,
Rating Amber, Rated by Head of Community Safety, Direction Improving, Comment Down 9% on last year.

Summary columns (Settings): e.g. Previous, Current, Change, Group position, Distance from group
average, Rank, Rating. Several areas: type each figure's area in the Data sheet's Area column (e.g.
Calderdale); Area pages (Settings) Yes gives each area a page of its own.

What each figure covers (Measures, Figures are): blank or For the period for a quarter's own
figure; Year to date for a running total from April (2013/14 Q3 is April to December 2013, and is
compared with April to December 2012); Rolling 12 months for the 12 months to the period's end;
Snapshot for a position on the last day (a caseload); Survey wave for one wave of a survey. The
report only compares figures that cover the same length of time.

Compare with (Settings): blank compares a quarter with the quarter before, and year-to-date or
rolling figures with the same period a year earlier; type Same period a year earlier to compare
every figure with a year before (crime is seasonal).

Baseline (Measures): Baseline period 2012/13 and Baseline 40861 give the figure progress is judged
from; the report compares it with the current figure only where both cover the same length of time.

Targets (Measures): Target 38000 with Target date 2013/14 is due at the end of 2013/14, and the
report says whether the year so far is on track; Target type Stay below or Stay above makes it a
limit; Target Reduction means lower than last year.

Profiled targets (Data): where the force or partnership profiles the year's target (crime is
higher in summer), type the target due by each period on that period's row, e.g.
Profiled target 29450 on the 2013/14 Q3 row of victim-based crime (April to December) on the
way to 38000 by the end of 2013/14. The report then says whether the figure is on or off track
against the profile. Left blank, a year-to-date figure is held to an even share of the target
(9/12 of it at Q3) and a quarter's own figure reads "not yet due"; a limit (Stay below, Stay
above) applies as it stands in every period, on or off track until its date.

Little change (Measures): 2% (or a number such as 0.5) makes a smaller change read "little change"
rather than better or worse.

Figures still to come (Data, Actual): type NYA, not yet available, awaiting data or words like
them (No New Data Published, TBC); the report prints the words as typed, never a figure, and check
lists them in one warning.

Layout (Settings): blank (Automatic) puts measures with only one or two figures and no commentary
into one table per priority; Tables only puts every measure there (a year-end table of crime
types); Pages for every measure gives each its own page.

Plain lists of measures (Measures): a report without priorities or key actions leaves Action
blank and types a Theme, e.g. Violence or Homes and neighbourhoods; each theme gets its own section
and the Priorities and Key actions sheets may stay empty. Lead agency (Key actions) may be blank
too. Leave blank what the source does not say: the report prints nothing there, so do not type "-"
or make an agency up.

Units (Measures): pick one from the dropdown, or type the unit your source uses. Rate per 1,000
households (or Rate per 100,000 population) is a rate per that number of whatever follows, and the
chart's axis says so; anything else, such as Days or Score, is a plain number printed with its unit
("34 days").

Counts behind rates (Measures): a rate's changes are tested against chance only where the
workbook gives its counts: the Data sheet's Count (and Denominator), a Population typed for the
measure, or Yes under Partnership population for a rate per head of all the residents, which
then uses the Settings sheet's Population (type its source too). Never mark Yes a rate of young
people, children, pupils or households: type their number in Population instead.

Click a column's header to see what goes in it. Columns with a dropdown only accept its values,
except Unit, which takes your own words too.
Check the workbook before sending it on: make-report check workbook.xlsx

The sheets:"""


def _header(ws: Worksheet, sheet: Sheet) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=1, column=index, value=column.header)
        cell.fill, cell.font, cell.alignment = _HEADER_FILL, _HEADER_FONT, _WRAP
        ws.column_dimensions[get_column_letter(index)].width = column.width
        prompt = DataValidation(allow_blank=True, showInputMessage=True)
        prompt.promptTitle = column.header[:32]
        prompt.prompt = column.help[:255]
        prompt.add(cell.coordinate)
        ws.add_data_validation(prompt)
    ws.freeze_panes = "A2"


def _dropdowns(ws: Worksheet, sheet: Sheet, list_ranges: dict[str, str]) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        if not column.choices:
            continue
        letter = get_column_letter(index)
        rule = DataValidation(type="list", formula1=list_ranges[column.choices], allow_blank=True)
        rule.errorTitle = column.header[:32]
        rule.showErrorMessage = True
        if column.typed_too:  # the list suggests; Excel lets other text through after a note
            rule.errorStyle = "information"
            rule.error = f"Not one of the usual {column.choices.lower()}: kept as typed."
        else:
            rule.error = f"Choose a value from the list ({column.choices})."
        rule.add(f"{letter}2:{letter}{ENTRY_ROWS}")
        ws.add_data_validation(rule)


def _lists(wb: Workbook) -> dict[str, str]:
    ws = wb.create_sheet(LISTS_SHEET)
    ranges = {}
    for index, (name, values) in enumerate(LISTS.items(), start=1):
        letter = get_column_letter(index)
        ws.cell(row=1, column=index, value=name).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=index, value=value)
        ws.column_dimensions[letter].width = 24
        ranges[name] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
    ranges["Agencies"] = f"Agencies!$A$2:$A${ENTRY_ROWS}"
    ws.sheet_state = "hidden"
    return ranges


def new_workbook() -> Workbook:
    """A blank template: instructions, settings, and every data sheet with its headers."""
    wb = Workbook()
    intro = wb.active
    assert intro is not None
    intro.title = INSTRUCTIONS
    intro.column_dimensions["A"].width = 110
    lines = [*_INSTRUCTIONS.splitlines(), *(f"{s.name}: {s.purpose}" for s in DATA_SHEETS)]
    for row, line in enumerate(lines, start=1):
        intro.cell(row=row, column=1, value=line)
    intro["A1"].font = Font(bold=True, size=14)

    settings = wb.create_sheet(SETTINGS)
    for index, (header, width) in enumerate(
        (("Setting", 22), ("Value", 50), ("What goes here", 80)), 1
    ):
        cell = settings.cell(row=1, column=index, value=header)
        cell.fill, cell.font = _HEADER_FILL, _HEADER_FONT
        settings.column_dimensions[get_column_letter(index)].width = width
    for row, (name, help_text, _required) in enumerate(SETTING_ROWS, start=2):
        settings.cell(row=row, column=1, value=name).font = Font(bold=True)
        settings.cell(row=row, column=3, value=help_text).alignment = _WRAP
    settings.freeze_panes = "A2"

    sheets = [wb.create_sheet(sheet.name) for sheet in DATA_SHEETS]
    list_ranges = _lists(wb)
    for ws, sheet in zip(sheets, DATA_SHEETS, strict=True):
        _header(ws, sheet)
        _dropdowns(ws, sheet, list_ranges)
    return wb


def write_template(path: Path) -> None:
    """Write the blank template to ``path`` (through a temporary file, so never half-written)."""
    from safecity_reports.files import replace_atomically

    with replace_atomically(path) as tmp:
        new_workbook().save(tmp)
