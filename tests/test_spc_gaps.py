"""A missing month inside an XmR chart (issue 23): the chart joins the figures either side, and
``check`` warns, at the cell of the figure after the gap, that the gap hides a point."""

from __future__ import annotations

from tests.fixtures.period_examples import _workbook, monthly_spc

from safecity_reports.reading.load import load_report


def _warnings(tmp_path, drop: int | None = None, typed: str | None = None) -> list[str]:
    settings, rows = monthly_spc()
    asb = [dict(r) for r in rows["Data"] if r["Measure"] == "1.1a"][-18:]
    gone = asb[5]
    if typed is not None:
        asb[5] = {**gone, "Actual": typed}
    elif drop is not None:
        del asb[5]
    rows = {**rows, "Data": [r for r in rows["Data"] if r["Measure"] != "1.1a"] + asb}
    path = tmp_path / "asb.xlsx"
    _workbook(settings, rows).save(path)
    _, problems = load_report(path)
    return [str(p) for p in problems if p.severity == "warning"], str(gone["Period"])


def test_a_missing_month_inside_the_chart_is_warned_of(tmp_path):
    warnings, month = _warnings(tmp_path, drop=5)
    found = [w for w in warnings if "inside its XmR chart" in w]
    assert len(found) == 1
    assert (
        f"Measure 1.1a has no figure for {month} inside its XmR chart: the chart leaves a gap"
        in found[0]
    )
    assert "add the figure if it exists" in found[0]


def test_a_figure_that_is_not_a_number_is_a_gap_too(tmp_path):
    warnings, month = _warnings(tmp_path, typed="n/a")
    found = [w for w in warnings if "inside its XmR chart" in w]
    assert len(found) == 1 and f"{month} (not a number)" in found[0]


def test_no_gap_no_warning(tmp_path):
    warnings, _ = _warnings(tmp_path)
    assert not [w for w in warnings if "XmR chart" in w]
