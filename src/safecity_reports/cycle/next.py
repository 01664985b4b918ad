"""``make-report next``: the next period's workbook, made from this period's.

The settings move on (the reporting period, and the comparison period when one is given; the
report date is cleared), every figure is kept, the commentary moves to the ``Commentary archive``
sheet (kept, not printed), and every measure gets an empty row for the new period on the Data
sheet, with its benchmark carried where the benchmark is a fixed figure. ``check`` on the result
then lists exactly the figures the agencies have to fill in.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from safecity_reports.core.model import Measure, NotAvailable, Pair
from safecity_reports.core.periods import Period, PeriodKind, parse_period
from safecity_reports.cycle.book import open_book, save_book, settings, table
from safecity_reports.errors import UsageError
from safecity_reports.reading import schema
from safecity_reports.reading.load import load_report


@dataclass(frozen=True)
class NextResult:
    """What ``next_workbook`` did."""

    period: Period
    """The new reporting period."""
    added: tuple[tuple[str, str], ...]
    """(measure, period) of each empty row added to the Data sheet."""
    carried: tuple[str, ...]
    """Measures whose fixed benchmark was carried into the new row."""
    not_due: tuple[tuple[str, str], ...]
    """(measure, period its next figure is for) where that period ends after the new one."""
    archived: int
    """How many commentary rows moved to the archive."""


def _label(kind: PeriodKind, start: date, end: date) -> str:
    if kind is PeriodKind.QUARTER:
        fy = start.year if start.month >= 4 else start.year - 1
        return f"{fy}/{(fy + 1) % 100:02d} Q{(start.month - 4) % 12 // 3 + 1}"
    if kind is PeriodKind.FINANCIAL_YEAR:
        return f"{start.year}/{(start.year + 1) % 100:02d}"
    if kind is PeriodKind.CALENDAR_YEAR:
        return str(start.year)
    if kind is PeriodKind.MONTH:
        return f"{calendar.month_abbr[start.month]} {start.year}"
    return (
        f"{calendar.month_abbr[start.month]} {start.year} - "
        f"{calendar.month_abbr[end.month]} {end.year}"
    )


def shifted(period: Period, months: int) -> Period:
    """The period of the same kind and length ``months`` later."""

    def move(day: date, last: bool) -> date:
        index = day.year * 12 + day.month - 1 + months
        year, month = index // 12, index % 12 + 1
        return date(year, month, calendar.monthrange(year, month)[1] if last else 1)

    start, end = move(period.start, False), move(period.end, True)
    return parse_period(_label(period.kind, start, end))


def _months_between(earlier: Period, later: Period) -> int:
    return (later.end.year - earlier.end.year) * 12 + later.end.month - earlier.end.month


def next_period(period: Period) -> Period:
    """The period after ``period``: ``2016/17 Q2`` gives ``2016/17 Q3``."""
    return shifted(period, period.months)


def new_row_period(measure: Measure, new: Period) -> Period:
    """The period of the measure's next figure: the new reporting period for a measure whose
    figures are of its kind, else the one after its latest figure at the series' own step."""
    series = [o.period for o in measure.observations]
    if not series or (series[-1].kind is new.kind and series[-1].months == new.months):
        return new
    step = _months_between(series[-2], series[-1]) if len(series) > 1 else series[-1].months
    return shifted(series[-1], max(step, 1))


def fixed_benchmark(measure: Measure) -> float | None:
    """The benchmark when every figure given has the same one (a fixed figure, such as a
    national standard), over at least two periods; else None."""
    numbers = [
        o.benchmark
        for o in measure.observations
        if o.benchmark is not None and not isinstance(o.benchmark, NotAvailable | Pair)
    ]
    if len(numbers) >= 2 and len(set(numbers)) == 1:
        return float(numbers[0])  # type: ignore[arg-type]
    return None


def next_workbook(
    source: Path, target: Path, period: str | None = None, force: bool = False
) -> NextResult:
    """Write the next period's workbook, made from ``source``, to ``target``.

    Raises ``ValidationFailed`` if ``source`` has errors, ``UsageError`` for a ``period`` that
    is not a period or not after the current one, a ``target`` that is the source, or one that
    exists already (unless ``force``: it may hold the quarter's figures).
    """
    source, target = Path(source), Path(target)
    if target.exists() and target.resolve() == source.resolve():
        raise UsageError(f"writing {target} would overwrite the input workbook; name a new file")
    if target.exists() and not force:
        raise UsageError(
            f"{target} already exists; name a new file, or use --force to overwrite it"
        )
    report, _ = load_report(source)
    current = report.settings.period
    if period is None:
        new = next_period(current)
    else:
        try:
            new = parse_period(period)
        except ValueError as exc:
            raise UsageError(f"--period: {exc}") from None
        if new <= current:
            raise UsageError(
                f"--period '{new}' is not after the workbook's reporting period '{current}'"
            )
    book = open_book(source)
    cells = settings(book.wb)
    cells["Reporting period"].value = new.label
    comparison = report.settings.comparison_period
    if comparison is not None and "Comparison period" in cells:
        cells["Comparison period"].value = shifted(comparison, _months_between(current, new)).label
    if "Report date" in cells:
        cells["Report date"].value = None

    archived = 0
    commentary = table(book.wb, schema.COMMENTARY)
    if commentary is not None and (records := commentary.records()):
        archive = table(book.wb, schema.COMMENTARY_ARCHIVE, create=True)
        assert archive is not None
        page = ""
        for record in records:
            page = record.text("Page") or page
            archive.append({**record.values, "Period": current.label, "Page": page})
        archived = len(records)
        commentary.rewrite([])

    data = table(book.wb, schema.DATA)
    assert data is not None  # load_report has found it
    existing = {(r.text("Measure"), r.text("Period")) for r in data.records()}
    added, carried, not_due = [], [], []
    for measure in report.measures:
        due = new_row_period(measure, new)
        if due.end > new.end:
            not_due.append((measure.id, due.label))
            continue
        if (measure.id, due.label) in existing:
            continue
        benchmark = fixed_benchmark(measure)
        data.append({"Measure": measure.id, "Period": due.label, "Benchmark": benchmark})
        added.append((measure.id, due.label))
        if benchmark is not None:
            carried.append(measure.id)
    save_book(book.wb, target)
    return NextResult(new, tuple(added), tuple(carried), tuple(not_due), archived)
