"""Figures as typed (issue 25 item 3): a figure prints with the decimals it was typed with, up to
its measure's Decimals; Decimals may be blank; a change prints at the precision of its figures."""

from __future__ import annotations

import pickle

import pytest
from tests.fixtures.workbooks import save, set_cell, valid_workbook

from safecity_reports.core.formatting import Typed, change_places, format_value, typed_places
from safecity_reports.core.model import Unit
from safecity_reports.layout.summary_columns import change_spans
from safecity_reports.reading.cells import as_number, as_value
from safecity_reports.reading.load import load_report


@pytest.mark.parametrize(
    ("value", "number_format", "places"),
    [
        (38, "General", 0),  # Excel and LibreOffice keep no trailing zero: 38.0 is stored as 38
        (8.9, "General", 1),
        (38, "0.0", 1),  # the cell shows 38.0: that is what the officer typed and saw
        (38.04, "0.0", 2),  # shown as 38.0 but typed 38.04: never fewer than the number needs
        (0.38, "0%", 0),  # Excel's percent: 38%
        (0.089, "0.0%", 1),
        (1 / 3, "General", 3),  # a formula's result: as many as Decimals allows
        (1234.5, "#,##0.00", 2),
        ("38.0", "General", 1),  # typed as text: the text's decimals
        ("1,234.50", "@", 2),
        ("58%", "General", 0),
    ],
)
def test_the_decimals_typed_are_read_from_the_cell(value, number_format, places):
    number = as_number("Actual", value, number_format, required=False)
    assert isinstance(number, Typed)
    assert typed_places(number) == places
    copied = pickle.loads(pickle.dumps(number))  # charts are drawn in another process
    assert (float(copied), copied.places) == (float(number), places)


@pytest.mark.parametrize(
    ("value", "number_format", "decimals", "printed"),
    [
        (38, "General", 1, "38%"),  # not 38.0%
        (8.9, "General", 2, "8.9%"),  # not 8.90%
        (6.5, "General", 2, "6.5%"),
        (38, "0.0", 2, "38.0%"),
        (0.0895, "0.00%", 1, "9.0%"),  # up to the measure's decimals, rounded as Excel rounds
        (29.92, "General", 2, "29.92%"),
    ],
)
def test_a_figure_prints_as_typed_up_to_its_decimals(value, number_format, decimals, printed):
    figure = as_value("Actual", value, Unit.PERCENTAGE, number_format)
    assert format_value(figure, Unit.PERCENTAGE, decimals) == printed


def test_a_change_prints_at_the_precision_of_its_figures():
    # 38 to 40.5 is +2.5 points, not +2.50; 28.06 to 29.92 is +1.86
    assert change_places(38.0, 40.5, 2) == 1
    measure = _q2_measure("2.2c")  # a percentage measure with Decimals 2
    assert change_spans(measure, 40.3, 38.0)[0].text == "-2.3 points"
    assert change_spans(measure, 5.8, 5.75)[0].text == "-0.05 points"
    rate = _q2_measure("1.2a")
    assert change_spans(rate, 28.06, 29.92)[0].text == "+1.86 (+6.6%)"
    assert change_spans(rate, 25.4, 28.0)[0].text == "+2.6 (+10.2%)"


def _q2_measure(measure_id):
    from pathlib import Path

    q2 = Path(__file__).resolve().parent.parent / "inputs" / "q2.xlsx"
    return next(m for m in load_report(q2)[0].measures if m.id == measure_id)


def test_blank_decimals_is_as_typed(tmp_path):
    wb = valid_workbook()
    set_cell(wb, "Measures", 2, "Decimals", None)
    report, problems = load_report(save(wb, tmp_path))[:2]
    assert not [p for p in problems if "Decimals" in str(p)]
    measure = report.measures[0]
    typed = max(typed_places(o.actual) for o in measure.observations)  # type: ignore[arg-type]
    assert measure.decimals == typed
    for o in measure.observations:
        assert format_value(o.actual, measure.unit, measure.decimals) == format_value(
            o.actual, measure.unit, 3
        )
