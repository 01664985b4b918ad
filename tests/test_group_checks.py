"""A ranking of the own area alone is refused by check; a ranking's values keep the measure's
decimal places wherever they are printed."""

from __future__ import annotations

from tests.test_layout import measure

from conftest import problem_lines
from safecity_reports.core.model import Polarity, RankedArea, Ranking, Unit
from safecity_reports.core.periods import parse_period
from safecity_reports.layout.document import FigureBlock, KeepTogether, Paragraph, Table
from safecity_reports.layout.measure_page import ranking_blocks


def test_check_refuses_a_rankings_sheet_of_the_own_area_alone(workbook, saved, make_report):
    ws = workbook["Rankings"]
    for row in range(ws.max_row, 1, -1):
        if ws.cell(row, 3).value != "Testshire":
            ws.delete_rows(row)
    assert [ws.cell(r, 3).value for r in range(2, ws.max_row + 1)] == ["Testshire"]
    result = make_report("check", saved(workbook))
    assert result.exit_code == 1, result.output
    assert any(
        "The 1.2 ranking for 2015/16 lists one area (Testshire), and a group of one cannot be "
        "ranked" in line
        for line in problem_lines(result.output)
    ), result.output


def test_ranking_values_keep_the_measures_decimals():
    rate = measure("1.1", [12.5], unit=Unit.PERCENTAGE, periods=("2016/17",), decimals=1)
    ranking = Ranking(
        "1.1",
        parse_period("2016/17"),
        (
            RankedArea("Luton", 12.0),
            RankedArea("Testshire", 12.5, is_own_area=True),
            RankedArea("Bristol", 13.25),
        ),
        group_average=12.6,
    )
    assert rate.polarity is Polarity.LOW_IS_GOOD
    blocks = ranking_blocks(rate, ranking)
    (table,) = [b for b in blocks if isinstance(b, Table)]
    # each up to the measure's decimals, as typed: 12 has none to print (issue 25 item 3)
    assert [row[2].text for row in table.rows] == ["12%", "12.5%", "13.3%"]
    (lead,) = [b for b in blocks if isinstance(b, Paragraph)]
    assert lead.spans[0].text == "Testshire is 2nd of 3 with 12.5%."
    (figure,) = [
        b
        for k in blocks
        if isinstance(k, KeepTogether)
        for b in k.blocks
        if isinstance(b, FigureBlock)
    ]
    assert figure.chart.decimals == 1
    assert "Highest Bristol 13.3%; lowest Luton 12%; group average 12.6%." in figure.alt
