"""A line chart places its figures by when they were: evenly spaced for a series of like figures
one after the other, an empty place for a missing period, and on a time axis for a series that
mixes lengths, whose line never joins a year's figure to a quarter's."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.test_layout import measure

from safecity_reports.charts.drawing import Painter
from safecity_reports.core.model import FigureKind, Polarity, Unit
from safecity_reports.core.status import measure_status
from safecity_reports.layout.document import Chart, ChartKind, Series
from safecity_reports.layout.measure_page import series_chart
from safecity_reports.layout.time_charts import time_axis
from safecity_reports.run.chart_jobs import chart_file_name
from safecity_reports.styles import load_styles

QUARTERS = ("2013/14 Q1", "2013/14 Q2", "2013/14 Q3", "2013/14 Q4")


def _measure(periods, values, unit=Unit.PERCENTAGE, kind=FigureKind.FOR_THE_PERIOD, **more):
    built = measure(
        "1.1a",
        values,
        unit=unit,
        periods=periods,
        name="Community orders completed",
        decimals=1,
        polarity=Polarity.HIGH_IS_GOOD,
        **more,
    )
    # oldest first, as the reader sorts them (a year sorts before its own fourth quarter)
    return replace(
        built, kind=kind, observations=tuple(sorted(built.observations, key=lambda o: o.period))
    )


def _chart(m):
    last = m.observations[-1].period
    figure = series_chart(m, measure_status(m, last, last))
    assert figure is not None
    return figure


def _places(chart):
    return [(start + end) / 2 for start, end in chart.times]


def test_a_year_typed_before_quarters_is_placed_by_when_it_was():
    m = _measure(("2012/13", *QUARTERS), [71.4, 68.2, 70.5, 73.9, 74.6])
    axis = time_axis(m.observations, m.kind)
    # months from April 2012: the year covers the first twelve, each quarter the next three
    assert axis.times == ((0, 12), (12, 15), (15, 18), (18, 21), (21, 24))
    assert _places(_chart(m).chart) == [6, 13.5, 16.5, 19.5, 22.5]
    assert axis.lines == ((1, 2, 3, 4),)  # the quarters; the year in no line
    assert axis.apart == (0,)
    assert axis.labels == ("2012/13 (12 months)", *QUARTERS)


def test_an_ordinary_series_is_laid_out_evenly_as_before():
    m = _measure(QUARTERS, [68.2, 70.5, 73.9, 74.6])
    chart = _chart(m).chart
    assert (chart.times, chart.lines, chart.apart) == ((), (), ())
    assert chart.categories == QUARTERS
    assert chart.series == (Series("Actual", (68.2, 70.5, 73.9, 74.6)),)
    # years, months and rolling spans one after the other are ordinary too
    for periods in [
        ("2011/12", "2012/13", "2013/14"),
        ("Jan 2014", "Feb 2014", "Mar 2014"),
        ("Oct 2012 - Sep 2013", "Jan 2013 - Dec 2013", "Apr 2013 - Mar 2014"),
    ]:
        kind = FigureKind.ROLLING_12_MONTHS if "-" in periods[0] else FigureKind.FOR_THE_PERIOD
        axis = time_axis(_measure(periods, [1.0, 2.0, 3.0], kind=kind).observations, kind)
        assert (axis.times, axis.lines, axis.apart) == ((), (), ())


def test_a_missing_quarter_keeps_an_empty_place_on_the_axis():
    m = _measure(("2013/14 Q1", "2013/14 Q2", "2013/14 Q4"), [68.2, 70.5, 74.6])
    figure = _chart(m)
    assert figure.chart.categories == QUARTERS
    assert figure.chart.series[0].values == (68.2, 70.5, None, 74.6)  # the line breaks there
    assert figure.chart.times == ()  # like figures: still evenly spaced
    assert figure.alt.endswith(
        "Highest 74.6% in 2013/14 Q4; lowest 68.2% in 2013/14 Q1; latest 74.6% in 2013/14 Q4,"
        " after 70.5% in 2013/14 Q2; no figure for 2013/14 Q3."
    )
    # and the title does not count Q2 to Q4 as a second quarter running
    assert figure.chart.title == "Community orders completed rose in 2013/14 Q4"


def test_a_period_another_figure_covers_is_not_given_an_empty_place():
    m = _measure(("2013/14 Q1", "2013/14 Q2", "Dec 2013", "2013/14 Q4"), [31, 35, 9, 28])
    axis = time_axis(m.observations, m.kind)
    assert [p.label for p in axis.periods] == ["2013/14 Q1", "2013/14 Q2", "Dec 2013", "2013/14 Q4"]
    assert axis.lines == ((0, 1),)  # Q4 does not follow Q2: no line across the missing months
    assert axis.apart == (2,)
    assert axis.labels[2] == "Dec 2013 (1 month)"


def test_no_drawn_line_joins_the_years_figure_to_a_quarters(tmp_path):
    m = _measure(("2012/13", *QUARTERS), [71.4, 68.2, 70.5, 73.9, 74.6])
    painter = Painter(load_styles())
    painter.paint(_chart(m).chart, tmp_path / "chart.png")
    (axes,) = painter.figure.axes
    drawn = [line.get_xdata() for line in axes.get_lines() if len(line.get_xdata()) > 1]
    assert drawn  # the quarters' line, and the year's bar
    for xs in drawn:  # each lies within the year's twelve months or within the quarters'
        assert all(x <= 12 for x in xs) or all(x >= 12 for x in xs), xs
    year_bar = [xs for xs in drawn if max(xs) <= 12]
    assert len(year_bar) == 1 and max(year_bar[0]) - min(year_bar[0]) > 11  # across the year
    labels = [t.get_text().replace("\n", " ") for t in axes.get_xticklabels()]
    assert labels == ["2012/13 (12 months)", *QUARTERS]


def test_a_year_beside_its_own_quarters_is_drawn_apart_and_named_at_its_bar(tmp_path):
    m = _measure((*QUARTERS, "2013/14"), [80.1, 82.3, 79.5, 83.0, 81.2])
    figure = _chart(m)
    chart = figure.chart
    # a year ends with its fourth quarter, and sorts before it
    assert chart.categories == (*QUARTERS[:3], "2013/14 (12 months)", QUARTERS[3])
    assert chart.lines == ((0, 1, 2, 4),)
    assert chart.apart == (3,)
    assert figure.alt == (
        "Line chart (per cent), 2013/14 Q1 to 2013/14 Q4: Community orders completed rose in"
        " 2013/14 Q4. Highest 83% in 2013/14 Q4; lowest 79.5% in 2013/14 Q3; latest 83% in"
        " 2013/14 Q4, after 79.5% in 2013/14 Q3; drawn apart, as it covers another length of"
        " time: 81.2% in 2013/14 (12 months)."
    )
    painter = Painter(load_styles())
    painter.paint(chart, tmp_path / "chart.png")
    (axes,) = painter.figure.axes
    ticks = [t.get_text().replace("\n", " ") for t in axes.get_xticklabels()]
    assert ticks == list(QUARTERS)  # its name would fall among theirs: it is beside its bar
    assert any(t.get_text().startswith("2013/14 (12 months)\n81.2") for t in axes.texts)


def test_the_alt_text_keeps_the_year_out_of_the_quarters_shape():
    # a count: the year's total is far above any quarter, but it is no "highest"
    m = _measure(("2012/13", *QUARTERS), [1650, 402, 431, 398, 377], unit=Unit.COUNT)
    m = replace(m, polarity=Polarity.LOW_IS_GOOD, decimals=0)
    figure = _chart(m)
    assert figure.alt == (
        # 398 -> 377 is tested as counts (issue 23): no significant change
        "Line chart (number), 2012/13 (12 months) to 2013/14 Q4: Community orders completed: no"
        " significant change in 2013/14 Q4. Highest 431 in 2013/14 Q2; lowest 377 in 2013/14 Q4;"
        " latest 377 in 2013/14 Q4, after 398 in 2013/14 Q3; drawn apart, as it covers another"
        " length of time: 1,650 in 2012/13 (12 months)."
    )


def test_two_figures_of_different_lengths_are_not_bars_side_by_side():
    m = replace(_measure(("2012/13", "2013/14 Q1"), [2010, 480], unit=Unit.COUNT), decimals=0)
    figure = _chart(m)
    assert figure.chart.kind is ChartKind.LINE
    assert figure.chart.apart == (0,) and figure.chart.lines == ()
    assert "drawn apart, as it covers another length of time: 2,010 in 2012/13" in figure.alt
    assert "highest" not in figure.alt.lower()
    # two like figures are still bars from zero
    assert _chart(_measure(QUARTERS[:2], [1.0, 2.0])).chart.kind is ChartKind.BARS


def test_rolling_figures_a_quarter_apart_then_half_a_year_are_placed_by_date():
    periods = ("Oct 2012 - Sep 2013", "Jan 2013 - Dec 2013", "Jul 2013 - Jun 2014")
    m = _measure(periods, [26.1, 25.4, 24.9], kind=FigureKind.ROLLING_12_MONTHS)
    axis = time_axis(m.observations, m.kind)
    assert axis.times == ((0, 12), (3, 15), (9, 21))
    assert axis.lines == ((0, 1, 2),)  # like figures, each following on: joined
    assert axis.apart == ()


def test_snapshots_are_placed_at_the_end_of_their_month():
    m = _measure(("Jun 2013", "Sep 2013", "Mar 2014"), [120, 131, 118], kind=FigureKind.SNAPSHOT)
    axis = time_axis(m.observations, m.kind)
    assert axis.times == ((0, 0), (3, 3), (9, 9))
    assert axis.lines == ((0, 1, 2),)


@pytest.mark.parametrize(
    "change",
    [
        {"times": ((0.0, 12.0), (12.0, 15.0))},
        {"lines": ((0, 1),)},
        {"apart": (0,)},
    ],
)
def test_a_chart_on_a_time_axis_has_its_own_image_file(change):
    plain = Chart(
        ChartKind.LINE,
        "Orders",
        ("2012/13", "2013/14 Q1"),
        (Series("Actual", (71.4, 68.2)),),
        "Per cent",
    )
    styles = load_styles()
    assert chart_file_name(replace(plain, **change), styles) != chart_file_name(plain, styles)
