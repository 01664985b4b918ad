"""Chart titles: distinct on each page and through the document, each naming its measure; a
position over time is drawn with 1st at the top, and its title and alt text say so."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import matplotlib.image
import numpy as np
import pytest
from tests.fixtures.examples import EXAMPLES
from tests.test_layout import measure

from safecity_reports.core.model import Polarity, Unit
from safecity_reports.core.periods import parse_period
from safecity_reports.core.status import measure_status
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.document import Chart, ChartKind, FigureBlock, Heading, Series
from safecity_reports.layout.measure_page import RANK_AXIS, series_chart
from safecity_reports.layout.names import distinct_names, short_name
from safecity_reports.layout.narrative import active_title
from safecity_reports.layout.report import build_document
from safecity_reports.reading.load import load_report
from safecity_reports.run.chart_jobs import draw_chart
from safecity_reports.styles import load_styles

Q2 = Path(__file__).resolve().parent.parent / "inputs" / "q2.xlsx"


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(getattr(block, "blocks", ()))


def _charts_by_page(report):
    """Chart titles under each page heading (level 1 or 2), and the page's measures."""
    document = build_document(report, judge(report), date(2017, 5, 1))
    pages: dict[str, list[str]] = {}
    page = ""
    for block in _walk(document.blocks):
        if isinstance(block, Heading) and block.level <= 2:
            page = block.text
        elif isinstance(block, FigureBlock):
            pages.setdefault(page, []).append(block.chart.title)
    return pages


def _reports(tmp_path):
    yield "q2", load_report(Q2)[0]
    for name, build in sorted(EXAMPLES.items()):
        path = tmp_path / name
        build().save(path)
        yield name, load_report(path)[0]


def test_every_chart_title_is_distinct_and_names_its_measure(tmp_path):
    seen = 0
    for name, report in _reports(tmp_path):
        pages = _charts_by_page(report)
        titles = [t for ts in pages.values() for t in ts]
        assert len(set(titles)) == len(titles), (name, titles)
        for page, page_titles in pages.items():
            measures = [m for m in report.measures if page.split()[0].startswith(m.id[:3])]
            for title in page_titles:
                seen += 1
                if title.startswith(("Key figures for action", "Action ")):
                    continue  # an action's figures, not a measure's
                # one of the page's measures' short names (issue 29 item 6), made from its name
                assert any(title.startswith(short_name(m)[:12]) for m in measures), (
                    name,
                    page,
                    title,
                )
    assert seen > 15


def test_q2_treatment_completion_charts_say_which_clients():
    titles = _charts_by_page(load_report(Q2)[0])
    (page,) = [p for p in titles if p.startswith("2.2a-c")]
    assert titles[page] == [
        "Treatment Completion & Non-representation (opiate) fell in 2016/17 Q2",
        "Treatment Completion & Non-representation (non-opiate) rose in 2016/17 Q2",
        "Treatment Completion & Non-representation (alcohol) fell in 2016/17 Q2",
    ]


@pytest.mark.parametrize(
    ("short", "full", "names"),
    [
        (("Total Crime", "Burglary"), ("Total Crime - Rate", "Burglary - Rate"), None),
        (
            ("Treatment", "Treatment"),
            ("Treatment (% opiate clients)", "Treatment (% alcohol clients)"),
            ("Treatment (opiate)", "Treatment (alcohol)"),
        ),
        (("Crime", "Crime"), ("Crime - rate", "Crime - count"), ("Crime (rate)", "Crime (count)")),
        (("Crime", "Crime"), ("Crime", "Crime "), ("Crime", "Crime ")),
    ],
)
def test_distinct_names(short, full, names):
    assert distinct_names(short, full) == (names or short)


def test_a_position_over_time_is_drawn_with_1st_at_the_top():
    rank = measure(
        "1.4",
        [9, 7, 4],
        unit=Unit.RANK,
        periods=("2016/17 Q1", "2016/17 Q2", "2016/17 Q3"),
        name="Most similar group position",
        decimals=0,
    )
    figure = series_chart(
        rank, measure_status(rank, parse_period("2016/17 Q3"), parse_period("2016/17 Q2"))
    )
    assert figure is not None
    assert figure.chart.inverted and figure.chart.y_label == RANK_AXIS == (
        "Position (1st at the top)"
    )
    assert figure.chart.title == (
        "Most similar group position moved nearer 1st for the second quarter running"
    )
    assert figure.alt == (
        "Line chart (position (1st at the top)), 2016/17 Q1 to 2016/17 Q3: Most similar group"
        " position moved nearer 1st for the second quarter running. Worst 9th in 2016/17 Q1;"
        " best 4th in 2016/17 Q3; latest 4th in 2016/17 Q3, after 7th in 2016/17 Q2."
    )
    rate = measure("1.1", [9, 7], polarity=Polarity.LOW_IS_GOOD)
    other = series_chart(
        rate, measure_status(rate, parse_period("2016/17 Q2"), parse_period("2016/17 Q1"))
    )
    assert other is not None and not other.chart.inverted and "fell" in other.chart.title


@pytest.mark.parametrize("inverted", [True, False])
def test_an_inverted_chart_draws_a_falling_number_as_a_rising_line(tmp_path, inverted):
    styles = load_styles()
    chart = Chart(
        ChartKind.LINE,
        "Position",
        ("2016/17 Q1", "2016/17 Q2", "2016/17 Q3", "2016/17 Q4"),
        (Series("Actual", (12.0, 9.0, 6.0, 3.0)),),
        RANK_AXIS,
        inverted=inverted,
    )
    draw_chart(chart, styles, tmp_path / "rank.png")
    image = matplotlib.image.imread(tmp_path / "rank.png")[..., :3]
    colour = np.array([int(styles.palette.primary[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    rows, columns = np.nonzero(np.all(np.abs(image - colour) < 0.02, axis=-1))
    left, right = np.percentile(columns, 5), np.percentile(columns, 60)
    start = rows[columns <= left].mean()
    later = rows[(columns >= right - 3) & (columns <= right + 3)].mean()
    # image rows grow downwards: the line rises when its later rows are smaller
    assert bool(later < start) is inverted


@pytest.mark.parametrize(
    ("periods", "values", "title"),
    [
        # rises from Q1 to Q2 and from Q2 to Q4, but Q3 is missing: not two quarters running
        (("2013/14 Q1", "2013/14 Q2", "2013/14 Q4"), [1.0, 2.0, 3.0], "Orders rose in 2013/14 Q4"),
        # last year's figure is passed over, not counted as the quarter before Q1
        (("2012/13", "2013/14 Q1", "2013/14 Q2"), [1.0, 2.0, 3.0], "Orders rose in 2013/14 Q2"),
        # a year's figure typed among its quarters does not break their run
        (
            ("2013/14 Q1", "2013/14 Q2", "2013/14 Q3", "2013/14", "2013/14 Q4"),
            [1.0, 2.0, 3.0, 9.0, 4.0],
            "Orders rose for the third quarter running",
        ),
    ],
)
def test_a_run_counts_only_figures_of_one_length_one_after_another(periods, values, title):
    m = measure("1.1", values, periods=periods, name="Orders", polarity=Polarity.HIGH_IS_GOOD)
    m = replace(m, observations=tuple(sorted(m.observations, key=lambda o: o.period)))
    last = m.observations[-1].period
    assert active_title(measure_status(m, last, last)) == title
