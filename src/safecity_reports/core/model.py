"""The partnership's report as data: immutable, typed, read from the workbook and nothing else.

Only facts that an agency records live here. Everything that can be worked out from them
(previous and current values, arrows, judgements, positions in a ranking, totals) is computed
by ``status`` and never stored, so the report cannot contradict itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from safecity_reports.core.periods import Period


class Polarity(Enum):
    """Which direction of travel is good for a measure."""

    HIGH_IS_GOOD = "High is good"
    LOW_IS_GOOD = "Low is good"
    NO_PREFERENCE = "No preferred direction"


class Unit(Enum):
    """What a measure's values are, which decides how they are printed and compared."""

    PERCENTAGE = "Percentage"
    RATE_PER_1000 = "Rate per 1,000"
    RATE_PER_10000 = "Rate per 10,000"
    COUNT = "Count"
    RANK = "Rank"
    PAIR = "Pair of counts"
    MONEY = "Pounds"
    RATE = "Rate per N"
    """A rate per some other number than 1,000 or 10,000 (``Measure.rate_per`` says which)."""
    NUMBER = "Number"
    """Any other figure: a plain number, its unit as typed in ``Measure.unit_label``."""

    @property
    def noun(self) -> str:
        """The word the polarity panel uses: 'A high percentage is GOOD'."""
        return {Unit.PERCENTAGE: "percentage", Unit.RANK: "position"}.get(self, "number")


class FigureKind(Enum):
    """What stretch of time each of a measure's figures covers, which decides what it may be
    compared with (see ``coverage``)."""

    FOR_THE_PERIOD = "For the period"
    YEAR_TO_DATE = "Year to date"
    ROLLING_12_MONTHS = "Rolling 12 months"
    SNAPSHOT = "Snapshot"
    SURVEY_WAVE = "Survey wave"
    NOT_STATED = "Not stated"
    """The source does not say what stretch of time a figure covers: it is labelled by the
    period it was reported for, its length is never printed, and it is compared only with
    another figure of the measure labelled alike (a month with a month)."""


class TargetKind(Enum):
    """What a measure's target asks for."""

    REACH = "Reach"
    STAY_BELOW = "Stay below"
    STAY_ABOVE = "Stay above"
    REDUCE_ON_LAST_YEAR = "Reduce on last year"
    INCREASE_ON_LAST_YEAR = "Increase on last year"


class CompareWith(Enum):
    """Which earlier figure the report compares each current figure with."""

    PREVIOUS_PERIOD = "Previous period"
    SAME_PERIOD_A_YEAR_EARLIER = "Same period a year earlier"


class PageLayout(Enum):
    """Whether measures get a page each or share a table (Settings' Layout)."""

    AUTOMATIC = "Automatic"
    """A measure with one or two figures of its own goes into its priority's table."""
    PAGES = "Pages for every measure"
    """Every measure has a page (or shares one its commentary names), as before."""
    TABLES = "Tables only"
    """Every measure goes into its priority's table, except one with a full comparison group."""


class MultipleTesting(Enum):
    """Whether the period's tests of change allow for how many there are (Settings' Multiple
    testing, issue 23)."""

    NONE = "None"
    """Each change is judged on its own test, and How to read says how many were made."""
    FALSE_DISCOVERY_RATE = "False discovery rate"
    """Benjamini and Hochberg's adjustment across the period's tests: a change is significant
    only where it stays so with the false discovery rate held at the tests' level."""


COMPACT_MOST_FIGURES = 2
"""Automatic layout: a measure with at most this many figures of its own (and no commentary)
goes into its priority's table rather than onto a page."""


class Frequency(Enum):
    """How often a measure is reported."""

    MONTHLY = "Monthly"
    QUARTERLY = "Quarterly"
    ROLLING_12_MONTHS = "Rolling 12 months"
    ANNUAL = "Annual"
    BIENNIAL = "Biennial"


@dataclass(frozen=True)
class Location:
    """Where in the workbook a fact was read from, for messages."""

    sheet: str
    """The sheet's name as the workbook spells it."""
    cell: str
    """A cell reference such as ``E7`` (or a row, ``row 7``, where no one cell is meant)."""

    def __str__(self) -> str:
        return f"sheet {self.sheet}, cell {self.cell}"


NOWHERE = Location("", "")


@dataclass(frozen=True)
class NotAvailable:
    """A figure the agency has marked as not available (typed as ``n/a`` or ``-``), or a
    placeholder such as ``NYA`` or ``awaiting data``, kept as typed."""

    typed: str = ""
    """A placeholder's words as typed (``NYA``); empty for plain ``n/a``."""
    awaiting: str = ""
    """For a figure of the reporting period left blank in a draft: the agency whose return is
    awaited (``typed`` then reads 'awaiting <agency>'); empty otherwise."""

    def __str__(self) -> str:
        return self.typed or "n/a"


def awaiting(agency: str) -> NotAvailable:
    """The figure of the reporting period still to come from ``agency``'s return."""
    return NotAvailable(f"awaiting {agency}", agency)


NOT_AVAILABLE = NotAvailable()


@dataclass(frozen=True)
class Pair:
    """Two counts reported together, such as arrests and charges ("11 / 2")."""

    first: float
    """The first count (e.g. arrests)."""
    second: float
    """The second count (e.g. charges)."""


Value = float | Pair | NotAvailable
"""A recorded figure: a number, a pair of counts, or explicitly not available."""


@dataclass(frozen=True)
class Run:
    """A stretch of commentary text with one format."""

    text: str
    """The text as typed."""
    bold: bool = False
    """Whether it was marked ``**bold**``."""


@dataclass(frozen=True)
class TextBlock:
    """A paragraph or a bullet of commentary."""

    runs: tuple[Run, ...]
    """The text, split where its format changes."""
    level: int = 0
    """0 for a paragraph, 1 for a bullet (``- ``), 2 for a sub-bullet (``-- ``)."""
    where: Location = field(default=NOWHERE, compare=False, repr=False)
    """The cell it was typed in, for messages (not part of its repr, so caches ignore it)."""

    @property
    def text(self) -> str:
        """The plain text of the block."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Observation:
    """A measure's figures for one period."""

    period: Period
    """The period the figures are for."""
    actual: Value
    """The partnership's own figure."""
    benchmark: Value | None = None
    """The comparator's figure for the same period; None where no benchmark is given."""
    note: str = ""
    """A footnote on this period's figure (e.g. 'Month 5 of 2016/17')."""
    where: Location = field(default=NOWHERE, compare=False)
    """The row it was read from."""
    area: str = ""
    """The area the figure is for, when one workbook holds several; '' for the partnership."""
    count: float | None = None
    """The number of events behind the figure (the Count column, issue 14), where given."""
    denominator: float | None = None
    """The population or cohort the figure is per (the Denominator column), where given."""
    profiled_target: float | None = None
    """The target due by this period on the way to a target with a later date (the Profiled
    target column), where the partnership profiles one; None: an even share, or none."""
    printed_change: str = ""
    """The source's own printed change beside this figure, as typed (the Printed change
    column, e.g. '-4%'); '' where none is given."""


@dataclass(frozen=True)
class Baseline:
    """The figure a measure's progress is judged from, e.g. the 12 months to March 2013."""

    period: Period
    """The period the baseline figure covers."""
    value: float
    """The baseline figure."""


@dataclass(frozen=True)
class SeriesFacts:
    """One series' own baseline and target (an area's, or the partnership's), typed as Data
    rows whose Row is says Baseline or Target; where a series gives none, the Measures
    sheet's apply to it."""

    area: str = ""
    """The area the facts are for; '' for the partnership."""
    baseline: Baseline | None = None
    """The series' own baseline, where a Baseline row gives one."""
    target: float | None = None
    """The series' own target, where a Target row gives one."""
    target_due: Period | None = None
    """The period at whose end that target is due (the Target row's Period)."""
    where: Location = field(default=NOWHERE, compare=False)
    """The first row they were read from."""


@dataclass(frozen=True)
class Measure:
    """A performance measure and its series."""

    id: str
    """Its id, the action's id plus a letter where an action has several: ``1.2a``."""
    action_id: str
    """The key action it measures."""
    name: str
    """Its name as the board reads it: ``Total Crime - Rate per 1,000``."""
    unit: Unit
    """What its values are."""
    polarity: Polarity
    """Which way is good (``NO_PREFERENCE`` where the workbook does not say: see
    ``polarity_stated``)."""
    frequency: Frequency | None
    """How often it is reported; None where the workbook does not say, and then no figure of it
    is ever called late."""
    decimals: int
    """The most decimal places to print: the Decimals column, or where it is blank the most any
    of its figures was typed with (``reading``). Each figure prints with the decimals it was
    typed with, up to this (``core.formatting``)."""
    observations: tuple[Observation, ...] = ()
    """Its figures, oldest period first."""
    benchmark_label: str = ""
    """What the benchmark is, e.g. 'Most similar group average'."""
    target: float | None = None
    """The value to reach, where a target is set."""
    tolerance: float | None = None
    """How far short of the target still counts as near it (amber)."""
    source: str = ""
    """Where the figures come from."""
    notes: str = ""
    """A note printed under the measure's table."""
    where: Location = field(default=NOWHERE, compare=False)
    """The row it was read from."""
    kind: FigureKind = FigureKind.FOR_THE_PERIOD
    """What each figure covers: the period named, the year to date, a rolling 12 months..."""
    lag_months: int = 0
    """How many months after its period ends a figure is published, as the source states it
    (Measures' Lag): no figure is late before its period has ended and this lag has passed."""
    baseline: Baseline | None = None
    """The figure progress is judged from, where given."""
    target_kind: TargetKind = TargetKind.REACH
    """What the target asks for."""
    target_due: Period | None = None
    """The period at whose end the target is due; None: the target applies to every period."""
    little_change: float | None = None
    """A change smaller than this reads "little change"; None: too small to print."""
    little_change_relative: bool = False
    """Whether ``little_change`` is a percentage of the earlier figure (typed ``2%``)."""
    theme: str = ""
    """A heading under which a measure with no key action is listed."""
    population: float | None = None
    """The population the measure's rates are per where it is not the partnership's (the
    Measures sheet's Population column, issue 14); None: the partnership's, for a rate."""
    population_not_known: bool = False
    """The Population column says 'Not known': the partnership's population does not apply."""
    partnership_population: bool = False
    """The Partnership population column says 'Yes': the measure is a rate per head of the
    partnership's residents, so Settings' Population is what its figures are per (issue 23).
    False (blank, or a workbook without the column): it is never assumed."""
    unit_label: str = ""
    """The unit as typed where it says more than ``unit``: 'Rate per 1,000 households', 'Days';
    empty for a unit typed as one of the listed ones."""
    rate_per: float | None = None
    """For ``Unit.RATE``: what the rate is per (100, 100,000 ...)."""
    polarity_stated: bool = True
    """False where the workbook's Polarity is blank: the report gives the direction of travel
    without calling it better or worse (as for no preferred direction), and does not claim
    that neither way is preferred."""
    series_facts: tuple[SeriesFacts, ...] = ()
    """Each series' own baseline and target (Data rows), by area; the measure's own
    ``baseline`` and ``target`` are the default for a series that gives none."""
    short_name: str = ""
    """What headings and chart titles call it, as typed ('Total crime'); empty: made from
    ``name`` (``layout.names``)."""


@dataclass(frozen=True)
class KeyAction:
    """A key action of a priority, with the agency that leads it."""

    id: str
    """Its id: ``1.2``."""
    priority_id: str
    """The priority it serves."""
    text: str
    """What the partnership will do."""
    lead_agency: str
    """The agency that leads it."""
    heading: str = ""
    """A heading for its page where it has no measure (e.g. the outcome sought)."""
    source: str = ""
    """Where its figures come from, for an action with no measure."""
    measures: tuple[Measure, ...] = ()
    """Its measures, in workbook order; empty for a narrative-only action."""
    where: Location = field(default=NOWHERE, compare=False)
    """The row it was read from."""
    implied: bool = False
    """Made by the reader for a measure the workbook gives no key action: it has no text and no
    lead agency, and the report prints nothing for it."""


@dataclass(frozen=True)
class Priority:
    """One of the partnership's priorities."""

    id: str
    """Its number: ``1``."""
    name: str
    """Its name: 'Reduce crime and anti-social behaviour'."""
    actions: tuple[KeyAction, ...] = ()
    """Its key actions in id order."""
    where: Location = field(default=NOWHERE, compare=False)
    """The row it was read from."""
    implied: bool = False
    """A theme (or 'Measures') the reader made for measures with no key action: its name is the
    theme; it has no number of its own to print."""


@dataclass(frozen=True)
class Commentary:
    """Narrative for one page: a measure, a group of measures sharing a page, or an action."""

    covers: tuple[str, ...]
    """The measure or action ids the page is about, e.g. ``('1.2a', '1.2b', '1.2c')``."""
    blocks: tuple[TextBlock, ...]
    """Its paragraphs and bullets in order."""
    where: Location = field(default=NOWHERE, compare=False)
    """The first row it was read from."""


@dataclass(frozen=True)
class RankedArea:
    """One area's figure in a comparison-group ranking."""

    area: str
    """The area's name."""
    value: float
    """Its figure for the ranking's period."""
    is_own_area: bool = False
    """Whether this is the partnership's own area."""
    count: float | None = None
    """The number of events behind the figure, where given (issue 14)."""
    population: float | None = None
    """The population the figure is per, where given (issue 14)."""


@dataclass(frozen=True)
class Ranking:
    """A comparison group's figures for one measure and period (e.g. a Most Similar Group)."""

    measure_id: str
    """The measure it belongs to."""
    period: Period
    """The period of the figures."""
    areas: tuple[RankedArea, ...]
    """The areas as listed; positions are worked out from the values and the polarity."""
    group_average: float | None = None
    """The group's average, where given."""
    lower_limit: float | None = None
    """The lower limit of the normal range, where given."""
    upper_limit: float | None = None
    """The upper limit of the normal range, where given."""
    where: Location = field(default=NOWHERE, compare=False)
    """The first row it was read from."""
    group_name: str = ""
    """The group's name as the partnership prints it, e.g. 'Most Similar Group'."""


class GroupSide(Enum):
    """Where an area lies against its comparison group's limits, as typed."""

    ABOVE = "Above"
    IN_LINE = "In line"
    BELOW = "Below"


@dataclass(frozen=True)
class GroupFacts:
    """A comparison group's printed facts about one area, without the other areas' figures."""

    measure_id: str
    """The measure they belong to."""
    period: Period
    """The period of the figures."""
    area: str = ""
    """The area they are about; '' for the partnership."""
    group_name: str = ""
    """The group's name, e.g. 'Most Similar Group'."""
    group_size: int | None = None
    """How many areas the group has, own area included."""
    rank: int | None = None
    """The area's rank in the group."""
    rank_one_is_lowest: bool | None = None
    """Whether rank 1 is the lowest figure (False: the highest); None where the workbook does
    not say, so the report names no direction (or the Settings' default, as assumed)."""
    position: GroupSide | None = None
    """Above, in line with or below the group's limits."""
    distance: float | None = None
    """The difference from the group average, in per cent of the average."""
    group_average: float | None = None
    """The group's average figure."""
    where: Location = field(default=NOWHERE, compare=False)
    """The row it was read from."""


class RatingLevel(Enum):
    """A rating given by a person (red, amber, green, or not rated)."""

    RED = "Red"
    AMBER = "Amber"
    GREEN = "Green"
    GREY = "Grey"
    NOT_RATED = "Not rated"


class RatedDirection(Enum):
    """A direction of travel as a rater typed it."""

    IMPROVING = "Improving"
    WORSENING = "Worsening"
    NO_CHANGE = "No change"
    NOT_KNOWN = "Not known"


@dataclass(frozen=True)
class Rating:
    """A RAG rating of a measure or action for one period, as given by its rater."""

    subject: str
    """The measure's or action's id."""
    period: Period
    """The period rated."""
    level: RatingLevel
    """The rating."""
    area: str = ""
    """The area rated; '' for the partnership."""
    rated_by: str = ""
    """Who rated it, e.g. the lead officer."""
    direction: RatedDirection | None = None
    """The direction of travel as the rater gave it."""
    comment: str = ""
    """A short reason, printed with the rating."""
    where: Location = field(default=NOWHERE, compare=False)
    """The row it was read from."""


@dataclass(frozen=True)
class Figure:
    """A key figure of a narrative action (a fund allocation, a count of test purchases)."""

    action_id: str
    """The action it belongs to."""
    label: str
    """What it counts."""
    value: float
    """The figure."""
    unit: Unit
    """Count, percentage or pounds."""
    out_of: float | None = None
    """Where the figure is a part of a whole, the whole (3 sales out of 14 tests)."""
    target: float | None = None
    """A target for the share (``value / out_of``) as a percentage, where set."""
    where: Location = field(default=NOWHERE, compare=False)
    """The row it was read from."""


SUMMARY_COLUMNS = (
    "Previous",
    "Current",
    "Change",
    "Direction",
    "Baseline",
    "Change since baseline",
    "Target",
    "Target status",
    "Group position",
    "Distance from group average",
    "Rank",
    "Rating",
    "Previous period",
)
"""The columns the summary may show, as typed in Settings' Summary columns."""

DEFAULT_SUMMARY_COLUMNS = ("Previous", "Current", "Direction")
"""The summary's columns when none are chosen."""


@dataclass(frozen=True)
class Settings:
    """The report's own details."""

    partnership: str
    """The partnership's name."""
    title: str
    """The report's title."""
    period: Period
    """The period being reported on."""
    comparison_period: Period | None = None
    """The period compared against; None means the one before ``period``."""
    report_date: date | None = None
    """The date on the report (a month's last day where a month was typed); None where the
    workbook gives none."""
    report_month: bool = False
    """Whether the Report date was typed as a month ('December 2016'): it is printed as that
    month, and ``report_date`` is its last day."""
    contact: str = ""
    """Who to contact about the report, as typed (Settings' Contact); '' for none."""
    next_update: str = ""
    """When the next report is due, as typed (Settings' Next update); '' for none."""
    author: str = ""
    """Who publishes it."""
    footnotes: tuple[str, ...] = ()
    """Notes printed at the end of the front matter."""
    compare_with: CompareWith | None = None
    """The comparison basis; None: the previous period for figures for a period, the same
    period a year earlier for year-to-date and rolling figures."""
    summary_columns: tuple[str, ...] = ()
    """The summary's columns as chosen (names from ``SUMMARY_COLUMNS``); () means the default."""
    area_pages: bool = False
    """With several areas: whether each area also gets a page of its own."""
    layout: PageLayout = PageLayout.AUTOMATIC
    """Whether measures get a page each or share their priority's table."""
    population: float | None = None
    """The partnership's population, which turns into counts the rates of the measures whose
    Partnership population is 'Yes' (issues 14 and 23)."""
    population_source: str = ""
    """Which estimate ``population`` is and where it comes from."""
    confidence: float = 0.95
    """The level of confidence intervals and significance tests: 0.95 or 0.998."""
    multiple_testing: MultipleTesting = MultipleTesting.NONE
    """Whether the period's tests are adjusted for their number (``core.multiplicity``)."""
    rank_one_is_lowest: bool | None = None
    """Settings' 'Rank 1 is': the direction assumed for a Group position row that gives none
    (printed as assumed); None: such a rank is printed with no direction."""
    rating_names: tuple[tuple[str, str], ...] = ()
    """(Ratings sheet word, name printed) for each rating a council renamed in its styles;
    () prints the sheet's words. Set by ``build_document``, not read from the workbook."""


@dataclass(frozen=True)
class Implausible:
    """A figure the workbook's checks call implausible (a jump of more than half in one
    comparison, which looks like a typing mistake): a fact the reader found, carried to the
    verdicts so the Exceptions page asks the board to check it."""

    measure_id: str
    """The measure whose figure it is."""
    period: str
    """The figure's period, as labelled."""
    area: str
    """The figure's area; '' for the partnership's own."""
    reason: str
    """Why it looks implausible, in words that follow 'looks implausible: ' (e.g. 'it rose by
    80% from 10 in 2016/17 Q1')."""


@dataclass(frozen=True)
class Revision:
    """A published figure that a later return changed (the Revisions sheet, issue 16)."""

    measure_id: str
    period: str
    """The period of the revised figure, as labelled."""
    column: str
    """What changed, e.g. Actual."""
    old: str
    """The figure as it was, as text."""
    new: str
    """The figure as it is now, as text."""
    agency: str = ""
    revised_by: str = ""
    revised_on: str = ""
    reason: str = ""
    """Why, as the return gave it; '' when it gave no reason."""


@dataclass(frozen=True)
class Report:
    """Everything the workbook says."""

    settings: Settings
    """The report's own details."""
    priorities: tuple[Priority, ...]
    """The priorities in order, each with its actions and their measures."""
    commentary: tuple[Commentary, ...] = ()
    """The narrative pages."""
    rankings: tuple[Ranking, ...] = ()
    """Comparison-group rankings."""
    figures: tuple[Figure, ...] = ()
    """Key figures of narrative actions."""
    agencies: tuple[str, ...] = ()
    """The partnership's agencies, as offered in the workbook's dropdowns."""
    source_name: str = ""
    """The workbook's file name, for messages."""
    group_facts: tuple[GroupFacts, ...] = ()
    """Comparison groups' printed facts (the Group position sheet)."""
    ratings: tuple[Rating, ...] = ()
    """RAG ratings of measures and actions."""
    revisions: tuple[Revision, ...] = ()
    """Figures revised since the last published report (from the optional Revisions sheet)."""
    implausible: tuple[Implausible, ...] = ()
    """Figures the workbook's checks called implausible (``reading.timeliness``), for Exceptions;
    empty for a report not read and checked from a workbook."""

    # Worked out once for each report (it never changes): asked for in every measure's checks,
    # they made checking a report of thousands of measures take time in the square of them.
    # (Kept by hand: functools.cached_property holds a lock that a forked process can inherit
    # held.)
    @property
    def actions(self) -> tuple[KeyAction, ...]:
        """Every key action, in priority order."""
        found = self.__dict__.get("_actions")
        if found is None:
            found = tuple(a for p in self.priorities for a in p.actions)
            object.__setattr__(self, "_actions", found)
        return found

    @property
    def measures(self) -> tuple[Measure, ...]:
        """Every measure, in priority and action order."""
        found = self.__dict__.get("_measures")
        if found is None:
            found = tuple(m for a in self.actions for m in a.measures)
            object.__setattr__(self, "_measures", found)
        return found
