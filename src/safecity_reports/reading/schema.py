"""The workbook format: the sheets agencies fill in, their columns, and what each column accepts.

Both the template writer and the reader work from this one description, so the blank template,
the reader and the messages about bad cells can never disagree about the format.
"""

from __future__ import annotations

from dataclasses import dataclass

from safecity_reports.core.model import (
    SUMMARY_COLUMNS,
    FigureKind,
    Frequency,
    GroupSide,
    PageLayout,
    Polarity,
    RatedDirection,
    RatingLevel,
    TargetKind,
    Unit,
)
from safecity_reports.reading.placeholders import EXAMPLES as placeholder_examples

YES = "Yes"


@dataclass(frozen=True)
class Column:
    """One column of a data sheet."""

    header: str
    """The header text in row 1, which the reader finds the column by."""
    help: str
    """The input message Excel shows on the header, and the meaning of the column."""
    width: int = 14
    """Column width in characters."""
    required: bool = False
    """Whether every row must have a value here."""
    choices: str = ""
    """The name of a list on the Lists sheet (or ``Agencies``) that a dropdown offers."""
    typed_too: bool = False
    """Whether text outside the dropdown's list is accepted too (the dropdown only suggests)."""


@dataclass(frozen=True)
class Sheet:
    """A data sheet: a header row, then one record per row."""

    name: str
    """The sheet's name."""
    purpose: str
    """One line on what the sheet is for, shown on the Instructions sheet."""
    columns: tuple[Column, ...]
    """Its columns, left to right."""

    def column(self, header: str) -> Column:
        """The column with this header."""
        return next(c for c in self.columns if c.header == header)


ROW_KINDS = ("Actual", "Baseline", "Target")
"""What a Data row's Actual may be (its Row is column): a figure, a baseline or a target."""

LISTS = {
    "Units": tuple(u.value for u in Unit if u not in (Unit.RATE, Unit.NUMBER)),
    "Polarities": tuple(p.value for p in Polarity),
    "Frequencies": tuple(f.value for f in Frequency),
    "Row kinds": ROW_KINDS,
    "Yes": (YES,),
    "Figure kinds": tuple(k.value for k in FigureKind),
    "Target types": tuple(k.value for k in TargetKind),
    "Positions": tuple(p.value for p in GroupSide),
    "Rank 1 is": ("Lowest", "Highest"),
    "Ratings": tuple(r.value for r in RatingLevel),
    "Directions": tuple(d.value for d in RatedDirection),
    "Layouts": tuple(p.value for p in PageLayout),
}
"""Dropdown lists kept on the Lists sheet, by name."""

NOT_AVAILABLE_WORDS = ("n/a", "na", "-", "–", "—", "not available")
"""What an agency may type for a figure that is not available."""

PLACEHOLDERS = placeholder_examples
"""Words an agency types where a figure is still to come: kept and printed as typed. Any words
like them are accepted too ('No New Data Published', 'TBC'): ``placeholders.is_placeholder``."""

TARGET_WORDS = {
    "reduction": TargetKind.REDUCE_ON_LAST_YEAR,
    "increase": TargetKind.INCREASE_ON_LAST_YEAR,
}
"""Words the Target column accepts instead of a figure, and the target type each means."""

SETTINGS = "Settings"
SETTING_ROWS = (
    ("Partnership", "The partnership's name, e.g. 'Southampton Safe City Partnership'.", True),
    ("Report title", "The report's title, e.g. 'Performance report'.", True),
    ("Reporting period", "The period this report covers, e.g. '2016/17 Q2'.", True),
    ("Comparison period", "The period to compare against. Leave blank for the one before.", False),
    (
        "Report date",
        "The date the report is published: a day (31/12/2016) or a month ('December 2016')."
        " Leave blank for the day it is made, but not for a report on a period that ended long"
        " ago.",
        False,
    ),
    ("Published by", "Who publishes the report (the document's author).", False),
    (
        "Contact",
        "Who to contact about the report, printed on the front page, e.g. 'Community Safety"
        " Team, 01234 567890, safety@eastvale.gov.uk'. Blank: none printed.",
        False,
    ),
    (
        "Next update",
        "When the next report is due, printed on the front page as typed, e.g. 'March 2017'."
        " Blank: none printed.",
        False,
    ),
    (
        "Footnote",
        "A note printed with the report's front matter. Add more Footnote rows as needed.",
        False,
    ),
    (
        "Compare with",
        "'Previous period' or 'Same period a year earlier'. Leave blank to compare figures for"
        " a period with the previous period, and year-to-date and rolling figures with the same"
        " period a year earlier.",
        False,
    ),
    (
        "Summary columns",
        "The summary's columns, separated by commas, from: "
        + ", ".join(SUMMARY_COLUMNS)
        + ". Leave blank for Previous, Current, Direction. E.g. 'Current, Group position, Rank'.",
        False,
    ),
    (
        "Area pages",
        "With an Area column on the Data sheet: 'Yes' gives each area a page of its own as well"
        " as the overview tables. Leave blank for the overview tables only.",
        False,
    ),
    (
        "Layout",
        "'Pages for every measure', 'Tables only' or 'Automatic'. Leave blank (Automatic) to put"
        " measures with only one or two figures into one table per priority, with their"
        " commentary under it, and give the others a page each.",
        False,
    ),
    (
        "Population",
        "The partnership's population, e.g. 250,900, for the measures whose Partnership"
        " population is 'Yes' (rates per head of the residents): it turns their rates into"
        " counts, so changes can be tested against chance. Leave blank if not known.",
        False,
    ),
    (
        "Population source",
        "Which population estimate that is and where it comes from, e.g. 'ONS mid-2016"
        " population estimate'.",
        False,
    ),
    (
        "Rank 1 is",
        "'Lowest' or 'Highest': what rank 1 means on a Group position row that does not say,"
        " printed as assumed. Blank: such a rank is printed with no direction.",
        False,
    ),
    (
        "Confidence",
        "The confidence level of intervals and tests of change: '95%' or '99.8%'. Leave blank"
        " for 95%.",
        False,
    ),
    (
        "Multiple testing",
        "'None' or 'False discovery rate': whether the period's tests of change allow for how"
        " many there are (Benjamini and Hochberg's false discovery rate). Leave blank (None) to"
        " judge each change on its own test; How to read says how many were tested either way.",
        False,
    ),
)
"""The Settings sheet's rows: (name in column A, what goes in column B, required)."""

AGENCIES = Sheet(
    "Agencies",
    "The partnership's agencies. The Lead agency dropdown offers these.",
    (
        Column(
            "Agency",
            "The agency's name as the report prints it, e.g. 'Hampshire Constabulary'.",
            40,
            True,
        ),
    ),
)

PRIORITIES = Sheet(
    "Priorities",
    "The partnership's priorities, in the order the report shows them.",
    (
        Column("Priority", "The priority's number: 1, 2, 3 ...", 10, True),
        Column(
            "Name",
            "The priority as the board knows it, e.g. 'Reduce crime and anti-social behaviour'.",
            60,
            True,
        ),
    ),
)

KEY_ACTIONS = Sheet(
    "Key actions",
    "The key actions under each priority, and the agency that leads each one. Optional: leave"
    " it empty when measures are listed under themes.",
    (
        Column(
            "Action",
            "The action's id: the priority number, a dot and a number, e.g. 1.2.",
            10,
            True,
        ),
        Column("Priority", "The number of the priority this action serves.", 10, True),
        Column("Key action", "What the partnership will do.", 70, True),
        Column(
            "Lead agency",
            "The agency that leads the action (from the Agencies sheet). Blank if the report does"
            " not name one.",
            30,
            False,
            "Agencies",
        ),
        Column(
            "Page heading",
            "For an action with no measure: a heading for its page, e.g. the outcome sought.",
            50,
        ),
        Column("Source", "For an action with no measure: where its figures come from.", 30),
    ),
)

MEASURES = Sheet(
    "Measures",
    "The measures that show progress on each action: one row per measure.",
    (
        Column(
            "Measure",
            "The measure's id: the action id, plus a letter if the action has several, e.g. 1.2a.",
            10,
            True,
        ),
        Column(
            "Action",
            "The id of the key action this measures, e.g. 1.2. Blank: the measure is listed under"
            " its Theme.",
            10,
        ),
        Column(
            "Name",
            "The measure's name as the board reads it, e.g. 'Total Crime - Rate per 1,000'.",
            50,
            True,
        ),
        Column(
            "Unit",
            "What the figures are: pick one from the list, or type your own: 'Rate per 1,000"
            " households' (a rate per any number of anything), or 'Days', 'Score' (a number"
            " printed with its unit). Blank only for a measure with no figures.",
            16,
            False,
            "Units",
            typed_too=True,
        ),
        Column(
            "Polarity",
            "Which way is good: 'High is good', 'Low is good' or 'No preferred direction'."
            " Blank if the source does not say (not with a Target to reach): the report then"
            " says which way a figure moved, never whether that is better or worse.",
            22,
            False,
            "Polarities",
        ),
        Column(
            "Frequency",
            "How often the measure is reported: 'Monthly', 'Quarterly', 'Rolling 12 months',"
            " 'Annual' or 'Biennial'. Blank if the source does not say: no figure is then"
            " called late.",
            18,
            False,
            "Frequencies",
        ),
        Column(
            "Decimals",
            "The most decimal places to print: 0 to 3. Blank: each figure as typed.",
            10,
        ),
        Column(
            "Benchmark",
            "What the benchmark figures are, e.g. 'Most similar group average'. Blank if none.",
            28,
        ),
        Column(
            "Target",
            "The value to reach, if a target is set (a percentage as 70, not 0.7); or"
            " 'Reduction' / 'Increase' for a change on last year.",
            10,
        ),
        Column("Tolerance", "How far short of the target still counts as near it (amber).", 10),
        Column("Source", "Where the figures come from, e.g. 'Iquanta - Crime Data'.", 30),
        Column("Notes", "A note printed under the measure's table.", 40),
        Column(
            "Figures are",
            "What each figure covers: 'For the period' (blank), 'Year to date' (from April, or"
            " January for months), 'Rolling 12 months', 'Snapshot', 'Survey wave', or 'Not stated'"
            " where the source does not say (no length is printed, and only figures labelled"
            " alike are compared).",
            18,
            False,
            "Figure kinds",
        ),
        Column(
            "Baseline period",
            "The period of the baseline figure, e.g. '2012/13' or 'Apr 2012 - Mar 2013'.",
            20,
        ),
        Column("Baseline", "The baseline figure, e.g. 40861.", 12),
        Column(
            "Target type",
            "'Reach' (blank), 'Stay below', 'Stay above', 'Reduce on last year' or"
            " 'Increase on last year'.",
            20,
            False,
            "Target types",
        ),
        Column(
            "Target date",
            "The period the target is due at the end of, e.g. '2016/17'. Blank: every period.",
            14,
        ),
        Column(
            "Little change",
            "A change smaller than this reads 'little change': a number in the measure's unit,"
            " or a percentage of the earlier figure such as 2%.",
            14,
        ),
        Column(
            "Population",
            "For a rate: the population its figures are per (e.g. 21,500 young people aged 10"
            " to 17), or 'Not known'. Blank: none stated (see Partnership population).",
            14,
        ),
        Column(
            "Partnership population",
            "'Yes' if the measure is a rate per head of the partnership's residents: the"
            " Settings sheet's Population is then what it is per. Blank: not used; changes are"
            " tested only where the Data sheet gives a Count, or this sheet a Population.",
            14,
            False,
            "Yes",
        ),
        Column(
            "Theme",
            "For a measure with no Action: the heading it is listed under, e.g. 'Violence'."
            " Blank: 'Measures'.",
            24,
        ),
        Column(
            "Lag",
            "How many months after its period ends a figure is published, as the source states"
            " it, e.g. 3. No figure is called late before then. Blank: 0.",
            8,
        ),
        Column(
            "Short name",
            "What headings and chart titles call the measure, e.g. 'Total crime'. Blank: made"
            " from the Name.",
            24,
        ),
    ),
)

DATA = Sheet(
    "Data",
    "The figures: one row per measure per period. Previous, current and the arrows are worked out from these.",
    (
        Column("Measure", "The measure's id, as on the Measures sheet.", 10, True),
        Column(
            "Period", "The period, e.g. '2016/17 Q2', '2015/16', 'Oct 2013 - Sep 2014'.", 22, True
        ),
        Column(
            "Actual",
            "The partnership's figure. A percentage as 58 (or 58%); 'n/a' or '-' if not available;"
            " 'NYA', 'not yet available', 'no new data' or 'awaiting data' (or words like them) if"
            " still to come.",
            12,
            True,
        ),
        Column(
            "Benchmark",
            "The benchmark's figure for the same period, if any; 'n/a' or '-' if not available.",
            12,
        ),
        Column(
            "Note",
            "A footnote on this figure, e.g. 'Latest data available: month 5 of 2016/17'.",
            40,
        ),
        Column(
            "Area",
            "When the workbook holds several partnerships or wards: the area the figure is for,"
            " e.g. 'Calderdale'. Blank: the partnership itself.",
            20,
        ),
        Column(
            "Count",
            "The number of events behind the figure, e.g. 2 (children who offended), if known.",
            10,
        ),
        Column(
            "Denominator",
            "The population or cohort the figure is per, e.g. 40 (looked-after children), if"
            " known.",
            12,
        ),
        Column(
            "Profiled target",
            "Where the measure's dated target is profiled: the target due by this period, e.g."
            " 29450 for April to December on the way to 38000 by the end of 2013/14. Blank: a"
            " year-to-date figure is held to an even share of the target.",
            14,
        ),
        Column(
            "Row is",
            "What this row's Actual is. Blank or 'Actual': the figure for the Period. 'Baseline':"
            " the baseline, for the baseline period in Period (e.g. 2015/16). 'Target': the"
            " target due by the end of Period (e.g. 16.5 by 2016/17). With an Area, that area's"
            " own; the Measures sheet's Baseline and Target apply where a row gives none.",
            12,
            choices="Row kinds",
        ),
        Column(
            "Printed change",
            "The change the source prints beside this figure, as it prints it, e.g. '-4%'. Kept"
            " as typed, printed beside the change the report works out, and checked against the"
            " figures. Blank: none.",
            12,
        ),
    ),
)

COMMENTARY = Sheet(
    "Commentary",
    "The narrative for each page: one row per paragraph or bullet.",
    (
        Column(
            "Page",
            "The measure or action the text is about (1.2a or 2.1). Measures that share a page: "
            "a range such as 1.2a-c or a list such as 1.2a, 1.2b.",
            12,
            True,
        ),
        Column(
            "Text",
            "A paragraph. Start a line with '- ' for a bullet or '-- ' for a sub-bullet; "
            "wrap words in **double stars** for bold.",
            100,
            True,
        ),
    ),
)

RANKINGS = Sheet(
    "Rankings",
    "Comparison-group figures for a measure (e.g. a Most Similar Group): one row per area.",
    (
        Column("Measure", "The measure's id, as on the Measures sheet.", 10, True),
        Column("Period", "The period of the group's figures.", 16, True),
        Column("Area", "The area's name.", 24, True),
        Column("Value", "The area's figure.", 10, True),
        Column("Own area", "'Yes' for the partnership's own area.", 10, False, "Yes"),
        Column(
            "Group",
            "The group's name as you print it, e.g. 'Most Similar Group'. Blank: 'comparison group'.",
            22,
        ),
        Column("Count", "The number of events behind the area's figure, where known.", 10),
        Column("Population", "The population the area's figure is per, where known.", 12),
    ),
)

GROUP_POSITION = Sheet(
    "Group position",
    "A comparison group's published facts about your area (position, distance, rank), when you"
    " do not have every area's figure: one row per measure and period.",
    (
        Column("Measure", "The measure's id, as on the Measures sheet.", 10, True),
        Column("Period", "The period of the group's figures, e.g. '2016/17'.", 16, True),
        Column("Area", "For several areas: the area; blank for the partnership.", 18),
        Column("Group", "The group's name, e.g. 'Most Similar Group'.", 22),
        Column("Group size", "How many areas the group has, your own included, e.g. 15.", 10),
        Column("Rank", "Your area's rank in the group, e.g. 10.", 8),
        Column(
            "Rank 1 is",
            "Whether rank 1 is the 'Lowest' or the 'Highest' figure. Blank: not stated (the"
            " rank is printed with no direction, or as Settings' Rank 1 is assumes).",
            10,
            False,
            "Rank 1 is",
        ),
        Column(
            "Position",
            "Against the group's limits: 'Above', 'In line' or 'Below'.",
            10,
            False,
            "Positions",
        ),
        Column(
            "Distance from average",
            "The difference from the group average in per cent, e.g. -12.5 (12.5% below).",
            12,
        ),
        Column("Group average", "The group's average figure, in the measure's unit.", 12),
    ),
)

RATINGS = Sheet(
    "Ratings",
    "RAG ratings given by lead officers: one row per measure or action and period.",
    (
        Column("Subject", "The measure's or action's id, e.g. 1.2a or 2.1.", 10, True),
        Column("Period", "The period rated, e.g. '2016/17 Q3'.", 16, True),
        Column("Area", "For several areas: the area; blank for the partnership.", 18),
        Column(
            "Rating",
            "'Red', 'Amber', 'Green', 'Grey' or 'Not rated'.",
            10,
            True,
            "Ratings",
        ),
        Column("Rated by", "Who gave the rating, e.g. 'Lead officer'.", 20),
        Column(
            "Direction",
            "The direction of travel as the rater gave it: 'Improving', 'Worsening',"
            " 'No change' or 'Not known'. Used only where the figures cannot give one.",
            12,
            False,
            "Directions",
        ),
        Column("Comment", "A short reason, printed with the rating.", 50),
    ),
)

GROUP_LIMITS = Sheet(
    "Group limits",
    "Where given: a comparison group's average and the limits of its normal range.",
    (
        Column("Measure", "The measure's id, as on the Rankings sheet.", 10, True),
        Column("Period", "The period, as on the Rankings sheet.", 16, True),
        Column("Group average", "The group's average figure.", 14),
        Column("Lower limit", "The lower limit of the normal range.", 14),
        Column("Upper limit", "The upper limit of the normal range.", 14),
        Column(
            "Group",
            "The group's name, as on the Rankings sheet; blank where the measure has one group"
            " in that period.",
            22,
        ),
    ),
)

KEY_FIGURES = Sheet(
    "Key figures",
    "Figures for actions without a measure, e.g. fund allocations or test purchases.",
    (
        Column("Action", "The key action's id, e.g. 2.1.", 10, True),
        Column("Figure", "What the figure counts, e.g. 'Taxi Marshals scheme'.", 40, True),
        Column("Value", "The figure.", 12, True),
        Column("Unit", "Count, Percentage or Pounds.", 14, True, "Units"),
        Column(
            "Out of",
            "Where the figure is part of a whole, the whole (3 sales out of 14 tests).",
            10,
        ),
        Column("Target", "The share to reach or beat, as a percentage (70 for 70%).", 10),
    ),
)

DATA_SHEETS = (
    AGENCIES,
    PRIORITIES,
    KEY_ACTIONS,
    MEASURES,
    DATA,
    COMMENTARY,
    RANKINGS,
    GROUP_LIMITS,
    KEY_FIGURES,
    GROUP_POSITION,
    RATINGS,
)
"""Every record sheet, in workbook order (after Instructions and Settings)."""

INSTRUCTIONS = "Instructions"
LISTS_SHEET = "Lists"

# Collection (issue 16): sheets written by ``next``, ``returns`` and ``collect``. All optional:
# the report reads a workbook without them exactly as before. They are not in DATA_SHEETS, so
# the blank template does not carry them.

COMMENTARY_ARCHIVE = Sheet(
    "Commentary archive",
    "Commentary of earlier periods, kept for reference by 'make-report next'; not printed.",
    (
        Column("Period", "The period the commentary was written for.", 14, True),
        *COMMENTARY.columns,
    ),
)

REVISION_REASONS = Sheet(
    "Revision reasons",
    "In a return: why an earlier period's figure was changed, one row per figure.",
    (
        Column("Measure", "The measure's id, e.g. 1.2a.", 10, True),
        Column("Period", "The period of the figure that was changed, e.g. '2016/17 Q2'.", 16, True),
        Column("Reason", "Why it changed, e.g. 'late recorded crimes added'.", 70, True),
    ),
)

ORIGINS = Sheet(
    "Origins",
    "Where each collected value came from: written by 'make-report collect'.",
    (
        Column("Sheet", "The sheet of this workbook the value is on.", 14, True),
        Column("Cell", "The cell of this workbook the value is in.", 8, True),
        Column("Measure", "The measure, action or page the value belongs to.", 10),
        Column("Period", "The period of the figure, for a figure.", 14),
        Column("Column", "The column the value is in, e.g. Actual.", 12),
        Column("Agency", "The agency whose return gave the value.", 30, True),
        Column("Return", "The return's file name.", 30, True),
        Column("SHA-256", "The SHA-256 of the return's file, to tell its versions apart.", 20),
        Column("Return sheet", "The sheet of the return the value was on.", 14),
        Column("Return cell", "The cell of the return the value was in.", 10),
        Column("Signed by", "Who signed the return off.", 24),
        Column("Signed on", "When the return was signed off.", 12),
        Column("Figures are", "'Provisional' or 'Final', as the return was signed off.", 12),
        Column("Collected for", "The reporting period being collected.", 14),
        Column(
            "Value",
            "The value as collected: where the cell holds another now, the coordinator changed"
            " it after collect, and the figure is the coordinator's.",
            12,
        ),
    ),
)

REVISIONS = Sheet(
    "Revisions",
    "Every earlier figure a return changed: written by 'make-report collect'.",
    (
        Column("Measure", "The measure's id.", 10, True),
        Column("Period", "The period of the revised figure.", 14, True),
        Column("Column", "The column that changed, e.g. Actual.", 12, True),
        Column("Old value", "The figure before the revision.", 12),
        Column("New value", "The figure after the revision.", 12),
        Column("Agency", "The agency whose return revised it.", 30),
        Column("Revised by", "Who signed the return off.", 24),
        Column("Revised on", "When the return was signed off.", 12),
        Column("Reason", "Why, as the return gave it.", 50),
        Column("Return", "The return's file name.", 30),
        Column("Collected for", "The reporting period being collected when it changed.", 14),
    ),
)

SIGN_OFFS = Sheet(
    "Sign-offs",
    "Each return's sign-off and data-quality note: written by 'make-report collect'.",
    (
        Column("Agency", "The agency.", 30, True),
        Column("Period", "The period returned.", 14, True),
        Column("Name", "Who signed the return off.", 24),
        Column("Role", "Their role.", 24),
        Column("Date", "When they signed it off.", 12),
        Column("Figures are", "'Provisional' or 'Final'.", 12),
        Column("Accuracy", "Data-quality note: accuracy.", 30),
        Column("Validity", "Data-quality note: validity.", 30),
        Column("Reliability", "Data-quality note: reliability.", 30),
        Column("Timeliness", "Data-quality note: timeliness.", 30),
        Column("Relevance", "Data-quality note: relevance.", 30),
        Column("Completeness", "Data-quality note: completeness.", 30),
        Column("Return", "The return's file name.", 30),
        Column("SHA-256", "The SHA-256 of the return's file.", 20),
    ),
)

COLLECTION_SHEETS = (COMMENTARY_ARCHIVE, ORIGINS, REVISIONS, SIGN_OFFS)
"""Optional sheets the quarter's cycle adds to the partnership's workbook."""

FIGURES_ARE = ("Provisional", "Final")
"""What a return's sign-off may say of its figures."""

DATA_QUALITY = ("Accuracy", "Validity", "Reliability", "Timeliness", "Relevance", "Completeness")
"""The six dimensions of the data-quality note a return's sign-off gives."""
