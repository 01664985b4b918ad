"""The overview across partnerships that ``make-report batch`` writes beside their reports: one
row a partnership (its changes counted as its own report counts them, its measures of concern,
its late figures), the workbooks refused and why, then each partnership's concerns by name.

Every number is a count of a partnership's verdicts (``core.tally``), judged once when its
report was made; nothing is judged here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from safecity_reports.core.formatting import format_number
from safecity_reports.core.tally import Tally
from safecity_reports.core.verdicts import Change
from safecity_reports.layout.document import (
    Align,
    Block,
    BulletList,
    Cell,
    Document,
    Heading,
    Paragraph,
    ParagraphStyle,
    Table,
    plain,
)

TITLE = "Partnerships overview"


@dataclass(frozen=True)
class Entry:
    """One workbook of the batch: its report's tally, or why it was refused."""

    workbook: str
    """The workbook's file name."""
    tally: Tally | None
    """Its report's verdicts counted; None when no report was made."""
    refused: str = ""
    """Why no report was made (the first lines of the error); '' when one was."""


COLUMNS = (
    ("Partnership", 3.4),
    ("Period", 1.3),
    ("Measures", 1.1),
    ("Worse, significant", 1.2),
    ("Better, significant", 1.2),
    ("No significant change", 1.2),
    ("Changes not tested", 1.2),
    ("Other", 1.0),
    ("Measures of concern", 1.2),
    ("Late or missing", 1.1),
)
"""The overview table's columns and their relative widths."""


def _untested(tally: Tally) -> int:
    return sum(tally.count(c) for c in (Change.BETTER_UNTESTED, Change.WORSE_UNTESTED))


def row_values(tally: Tally) -> tuple[str | int, ...]:
    """One partnership's row of the overview, as its table and workbook print it."""
    return (
        tally.partnership,
        tally.period,
        tally.measures,
        tally.count(Change.WORSE),
        tally.count(Change.BETTER),
        tally.count(Change.NOT_SIGNIFICANT),
        _untested(tally),
        tally.verdicts
        - tally.count(Change.WORSE)
        - tally.count(Change.BETTER)
        - tally.count(Change.NOT_SIGNIFICANT)
        - _untested(tally),
        len({f.measure for f in tally.flagged}),
        len(tally.late),
    )


def _cell(value: str | int) -> Cell:
    if isinstance(value, int):
        return Cell(plain(format_number(value, 0)), Align.RIGHT)
    return Cell(plain(value))


def names(made: Sequence[Entry]) -> tuple[str, ...]:
    """Each made entry's partnership as the overview names it: with its workbook's name where
    two workbooks name the same partnership."""
    said = [e.tally.partnership if e.tally is not None else e.workbook for e in made]
    return tuple(
        f"{name} ({e.workbook})" if said.count(name) > 1 else name
        for name, e in zip(said, made, strict=True)
    )


def _table(made: Sequence[Entry], one_period: bool) -> Table:
    # one period for all is the subtitle's, not a column's
    shown = [i for i in range(len(COLUMNS)) if not (one_period and COLUMNS[i][0] == "Period")]
    header = (tuple(Cell(plain(COLUMNS[i][0])) for i in shown),)
    rows = []
    for name, entry in zip(names(made), made, strict=True):
        assert entry.tally is not None
        values = row_values(entry.tally)
        cells = [Cell(plain(name), row_header=True)] + [_cell(values[i]) for i in shown[1:]]
        rows.append(tuple(cells))
    return Table(
        caption="Each partnership's changes since the period before, measures of concern and"
        " late figures, as its own report counts them",
        header=header,
        rows=tuple(rows),
        widths=tuple(COLUMNS[i][1] for i in shown),
    )


def refusal_line(entry: Entry) -> str:
    """'workbook: why', the workbook named once."""
    why = entry.refused
    return why if why.startswith(entry.workbook) else f"{entry.workbook}: {why}"


def _refused(refused: Sequence[Entry]) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Workbooks refused", "refused")]
    blocks.append(
        Paragraph(
            plain(
                "No report was made from these workbooks. 'make-report check' followed by the"
                " workbook's name lists every problem, each with its sheet and cell."
            )
        )
    )
    items = tuple((1, plain(refusal_line(e))) for e in refused)
    blocks.append(BulletList(items))
    return blocks


def _concerns(tally: Tally, name: str, anchor: str) -> list[Block]:
    blocks: list[Block] = [Heading(3, name, anchor)]
    if not tally.flagged:
        blocks.append(Paragraph(plain("No measure of concern this period.")))
        return blocks
    items = []
    for flagged in tally.flagged:
        where = f" ({flagged.area})" if flagged.area else ""
        items.append((1, plain(f"{flagged.measure}{where}: {'; '.join(flagged.concerns)}")))
    blocks.append(BulletList(tuple(items)))
    if tally.awaited:
        awaited = ", ".join(f"{agency} ({count})" for agency, count in tally.awaited)
        blocks.append(Paragraph(plain(f"Figures still awaited from {awaited}.")))
    return blocks


def _periods(made: Sequence[Entry]) -> str:
    periods = list(dict.fromkeys(e.tally.period for e in made if e.tally is not None))
    if not periods:
        return ""
    return periods[0] if len(periods) == 1 else f"{len(periods)} periods"


def _counts_sentence(made: int, refused: int) -> str:
    total = made + refused
    workbooks = f"{total} workbook{'s' if total != 1 else ''}"
    reports = f"{made} report{'s' if made != 1 else ''} made"
    return f"{workbooks}: {reports}, {refused} refused." if refused else f"{workbooks}: {reports}."


def overview_document(
    entries: Sequence[Entry], folder: str, made_on: date, language: str = "en-GB"
) -> Document:
    """The overview of a batch's workbooks (in ``entries``' order), from ``folder``, in a
    document declaring ``language``."""
    made = [e for e in entries if e.tally is not None]
    refused = [e for e in entries if e.tally is None]
    period = _periods(made)
    blocks: list[Block] = [
        Heading(1, TITLE, "cover", cover=True),
        *([Paragraph(plain(period), ParagraphStyle.SUBTITLE)] if period else []),
        Paragraph(
            plain(
                f"Made {made_on.day} {made_on:%B %Y} from the workbooks in the folder {folder}."
                f" {_counts_sentence(len(made), len(refused))}"
            )
        ),
    ]
    if made:
        blocks.append(
            Paragraph(
                plain(
                    "Each row counts its partnership's verdicts as its own report does: a change"
                    " is 'significant' where its report tested it against chance; a measure of"
                    " concern is one its Exceptions page lists. 'Other' counts little or no change,"
                    " changes of measures with no better direction, and measures with nothing to"
                    " compare or no figure."
                )
            )
        )
        blocks.append(_table(made, one_period=len({e.tally.period for e in made if e.tally}) == 1))
    if refused:
        blocks += _refused(refused)
    if made:
        blocks.append(Heading(2, "Measures of concern by partnership", "concerns"))
        for number, (name, entry) in enumerate(zip(names(made), made, strict=True), 1):
            assert entry.tally is not None
            blocks += _concerns(entry.tally, name, f"partnership-{number}")
    subject = f"{TITLE}: {period}" if period else TITLE
    return Document(
        title=TITLE,
        subject=subject,
        author="",
        language=language,
        running_head=subject,
        blocks=tuple(blocks),
    )
