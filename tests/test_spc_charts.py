"""Signal or noise (issue 14): XmR charts on monthly pages, funnel plots of comparison groups and
error bars on line charts, judged on the monthly-spc example (inputs/examples/monthly-spc.xlsx,
whose series are made so that each kind of SPC signal appears) and on q2, whose quarterly pages
keep their plain line charts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from statistics import fmean

import matplotlib.image
import numpy as np
import pytest
from tests.fixtures.period_examples import (
    ASB,
    BURGLARY_GROUP,
    FIRES,
    MONTHS,
    REPEAT_COHORT,
    REPEAT_VICTIMS,
    SPC_POPULATION,
    VIOLENCE,
    _workbook,
    monthly_spc,
)

from safecity_reports.core.groups import from_ranking, group_standing
from safecity_reports.core.model import GroupSide, Polarity, RankedArea, Ranking, Unit
from safecity_reports.core.periods import parse_period
from safecity_reports.core.verdicts import Concern, judge
from safecity_reports.layout.document import (
    Chart,
    ChartKind,
    FigureBlock,
    KeepTogether,
    Mark,
    Paragraph,
    ParagraphStyle,
)
from safecity_reports.layout.funnel_chart import funnel_sentence
from safecity_reports.layout.measure_page import interval_row
from safecity_reports.layout.report import build_document
from safecity_reports.reading.workbook import read_workbook
from safecity_reports.run.chart_jobs import draw_chart
from safecity_reports.stats import funnel_limits, group_dispersion
from safecity_reports.styles import load_styles

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "inputs" / "examples" / "monthly-spc.xlsx"
STYLES = load_styles()


def _read(path: Path):
    report, problems = read_workbook(path)
    assert [p for p in problems if p.severity == "error"] == []
    return report, judge(report)


def _blocks(blocks):
    for block in blocks:
        if isinstance(block, KeepTogether):
            yield from _blocks(block.blocks)
        else:
            yield block


@pytest.fixture(scope="module")
def example():
    report, statuses = _read(EXAMPLE)
    document = build_document(report, statuses, date(2026, 1, 20))
    return report, statuses, list(_blocks(document.blocks))


def _figure(blocks, kind: ChartKind, starts: str) -> FigureBlock:
    (found,) = [
        b
        for b in blocks
        if isinstance(b, FigureBlock) and b.chart.kind is kind and b.chart.title.startswith(starts)
    ]
    return found


def _lead(blocks, starts: str) -> str:
    leads = [
        "".join(s.text for s in b.spans)
        for b in blocks
        if isinstance(b, Paragraph) and b.style is ParagraphStyle.LEAD
    ]
    (found,) = [t for t in leads if t.startswith(starts)]
    return found


def _limits(values):
    """The XmR limits worked out here from the definition: the mean +/- 2.66 mean moving
    ranges, leaving out moving ranges of 3.267 times their mean or more."""
    ranges = [abs(b - a) for a, b in zip(values, values[1:], strict=False)]
    kept = [r for r in ranges if r < 3.267 * fmean(ranges)]
    mean = fmean(values)
    return mean, mean - 2.66 * fmean(kept), mean + 2.66 * fmean(kept)


def _marks(chart: Chart) -> dict[str, Mark]:
    """The special-cause points by month."""
    return {
        c: m
        for c, m in zip(chart.categories, chart.marks, strict=True)
        if m is not Mark.COMMON_CAUSE
    }


def _months(first: str, last: str) -> list[str]:
    return list(MONTHS[MONTHS.index(first) : MONTHS.index(last) + 1])


def test_a_point_beyond_the_upper_limit_is_a_special_cause_of_concern(example):
    _, _, blocks = example
    figure = _figure(blocks, ChartKind.XMR, "ASB incidents")
    chart = figure.chart
    mean, lower, upper = _limits(ASB)
    assert chart.categories == MONTHS
    assert chart.series[0].values == tuple(float(v) for v in ASB)
    assert dict(chart.reference_lines) == pytest.approx(
        {"Mean": mean, "Upper limit": upper, "Lower limit": lower}
    )
    assert ASB[-1] > upper
    assert _marks(chart) == {"Dec 2025": Mark.CONCERN}
    assert chart.trial is False
    assert chart.title == "ASB incidents: special cause of concern in Dec 2025"
    assert _lead(blocks, "Rose from 413").endswith(
        "Special cause of concern: the latest figure (Dec 2025, 498) is above the upper limit"
        " of normal variation."
    )
    assert figure.alt == (
        "XmR chart (number), Jan 2023 to Dec 2025: ASB incidents: special cause of concern in"
        " Dec 2025. 36 figures; mean 416; upper limit 474; lower limit 357. The limits show the"
        " range the figures vary within by chance alone; a figure outside them, or a run or"
        " trend, is a special cause. Special cause of concern in Dec 2025. Latest 498 in"
        " Dec 2025."
    )


def test_a_run_of_falling_rates_is_a_special_cause_of_improvement(example):
    _, _, blocks = example
    chart = _figure(blocks, ChartKind.XMR, "Violence with injury").chart
    rates = [round(c / SPC_POPULATION * 10_000, 2) for c in VIOLENCE]
    assert chart.series[0].values == tuple(rates)
    mean, lower, upper = _limits(rates)
    assert dict(chart.reference_lines) == pytest.approx(
        {"Mean": mean, "Upper limit": upper, "Lower limit": lower}
    )
    # each month from April 2025 lower than the one before: ten points, none beyond a limit
    assert all(b < a for a, b in zip(rates[26:], rates[27:], strict=False))
    assert lower < min(rates[26:]) and max(rates[26:]) < upper
    assert _marks(chart) == dict.fromkeys(_months("Mar 2025", "Dec 2025"), Mark.IMPROVEMENT)
    # an XmR chart shows the limits, not error bars, though the counts are known
    assert chart.intervals == ()
    assert _lead(blocks, "6.2 in Dec 2025").endswith(
        "Special cause of improvement: the latest figure (Dec 2025, 6.2) is part of a run of 7"
        " or more values each lower than the one before. 9 earlier figures show special cause"
        " variation (marked on the chart)."
    )


def test_two_of_three_close_to_the_upper_limit_and_a_target_within_the_limits(example):
    report, _, blocks = example
    figure = _figure(blocks, ChartKind.XMR, "Repeat victims")
    chart = figure.chart
    shares = [round(c / d * 100, 1) for c, d in zip(REPEAT_VICTIMS, REPEAT_COHORT, strict=True)]
    mean, lower, upper = _limits(shares)
    near = mean + 2 / 3 * (upper - mean)
    assert [s > near for s in shares[-3:]] == [True, False, True]
    assert max(shares) < upper  # no point is beyond the limit: the rule is 2 of 3
    assert _marks(chart) == {"Oct 2025": Mark.CONCERN, "Dec 2025": Mark.CONCERN}
    assert dict(chart.reference_lines)["Target"] == 20
    assert lower < 20 < upper
    assert _lead(blocks, "23.5% in Dec 2025").endswith(
        "Special cause of concern: the latest figure (Dec 2025, 23.5%) is one of 2 out of 3"
        " values in a row close to the upper limit. 1 earlier figure shows special cause"
        " variation (marked on the chart). The target will be met in some periods and missed"
        " in others by chance alone: it lies within the range of normal variation."
    )
    assert "Target 20%." in figure.alt
    assert "Special cause of concern in Oct 2025 and Dec 2025." in figure.alt


def test_a_shift_below_the_mean_and_a_target_consistently_met(example):
    _, _, blocks = example
    chart = _figure(blocks, ChartKind.XMR, "Deliberate fires").chart
    mean, _, upper = _limits(FIRES)
    assert all(f < mean for f in FIRES[-8:]) and FIRES[-9] > mean
    assert _marks(chart) == dict.fromkeys(_months("May 2025", "Dec 2025"), Mark.IMPROVEMENT)
    assert upper < 70  # the target is above every value the process normally produces
    # 44 -> 43 fires, tested as counts (issue 23), is no significant change
    assert _lead(blocks, "43 in Dec 2025, against 44").endswith(
        "Special cause of improvement: the latest figure (Dec 2025, 43) is part of a run of 7"
        " or more values below the average. 7 earlier figures show special cause variation"
        " (marked on the chart). The target will be met consistently: it lies outside the range"
        " of normal variation, on the good side, so every value the process normally produces"
        " meets it."
    )


def _asb_months(count: int, tmp_path: Path):
    """The example with only the last ``count`` months of ASB incidents."""
    settings, rows = monthly_spc()
    asb = [r for r in rows["Data"] if r["Measure"] == "1.1a"][-count:]
    rows = {**rows, "Data": [r for r in rows["Data"] if r["Measure"] != "1.1a"] + asb}
    path = tmp_path / f"asb-{count}.xlsx"
    _workbook(settings, rows).save(path)
    report, statuses = _read(path)
    return list(_blocks(build_document(report, statuses, date(2026, 1, 20)).blocks))


def test_under_thirteen_months_the_limits_are_trial_limits(tmp_path):
    blocks = _asb_months(12, tmp_path)
    chart = _figure(blocks, ChartKind.XMR, "ASB incidents").chart
    assert chart.trial and len(chart.categories) == 12
    assert chart.title.endswith("(trial limits)")
    assert "The limits are trial limits: with fewer than 13 figures they may move" in _lead(
        blocks, "Rose from 413"
    )


def test_under_twelve_months_the_page_keeps_its_line_chart(tmp_path):
    blocks = _asb_months(11, tmp_path)
    assert _figure(blocks, ChartKind.LINE, "ASB incidents")
    lead = _lead(blocks, "Rose from 413")
    assert "normal variation" not in lead and "special cause" not in lead.lower()


def test_a_missing_month_breaks_the_moving_range_not_the_chart(tmp_path):
    """A moving range across a gap is not a month's variation: with a month missing in the
    middle of 18, the 17 months are charted with the missing one drawn empty (issue 23), no
    moving range is taken across it, and the page says so."""
    settings, rows = monthly_spc()
    asb = [r for r in rows["Data"] if r["Measure"] == "1.1a"][-18:]
    gone = asb.pop(5)
    rows = {**rows, "Data": [r for r in rows["Data"] if r["Measure"] != "1.1a"] + asb}
    path = tmp_path / "asb-gap.xlsx"
    _workbook(settings, rows).save(path)
    report, statuses = _read(path)
    blocks = list(_blocks(build_document(report, statuses, date(2026, 1, 20)).blocks))
    figure = _figure(blocks, ChartKind.XMR, "ASB incidents")
    chart = figure.chart
    labels = [str(r["Period"]) for r in asb]
    assert chart.categories == (*labels[:5], str(gone["Period"]), *labels[5:])
    values = [float(r["Actual"]) for r in asb]
    assert chart.series[0].values == (*values[:5], None, *values[5:])
    assert not chart.trial  # 17 figures
    ranges = [abs(b - a) for a, b in zip(values, values[1:], strict=False)]
    del ranges[4]  # the range across the gap
    kept = [r for r in ranges if r < 3.267 * fmean(ranges)]
    status = statuses.of("1.1a")
    assert status.xmr is not None
    assert status.xmr[1].mean_moving_range == pytest.approx(fmean(kept))
    assert f"There is no figure for {gone['Period']}: the chart leaves a gap" in _lead(
        blocks, "Rose from"
    )
    assert f"No figure for {gone['Period']}: the line breaks there." in figure.alt
    assert "17 figures" in figure.alt


def test_the_funnel_plot_of_a_group_with_counts_and_populations(example):
    report, statuses, blocks = example
    figure = _figure(blocks, ChartKind.FUNNEL, "Burglary")
    chart = figure.chart
    events = sum(c for _, c, _ in BURGLARY_GROUP)
    people = sum(p for _, _, p in BURGLARY_GROUP)
    rate = events / people * 1000
    assert chart.reference_lines == (("Group rate", pytest.approx(rate)),)
    assert chart.categories == tuple(a for a, _, _ in BURGLARY_GROUP)
    assert chart.x_values == tuple(float(p) for _, _, p in BURGLARY_GROUP)
    assert chart.series[0].values == pytest.approx([c / p * 1000 for _, c, p in BURGLARY_GROUP])
    assert chart.highlight == 0
    assert [c.name for c in chart.curves] == [
        "95% lower limit",
        "95% upper limit",
        "99.8% lower limit",
        "99.8% upper limit",
    ]
    xs = chart.curve_x
    assert xs[0] < min(chart.x_values) and xs[-1] > max(chart.x_values)
    upper = chart.curves[3].values
    # 6 of the 15 areas lie outside the exact 99.8% lines, far more than chance allows: the
    # lines are widened by Spiegelhalter's random-effects adjustment (issue 23)
    spread = group_dispersion(
        [c for _, c, _ in BURGLARY_GROUP], [p for _, _, p in BURGLARY_GROUP], 1000
    )
    assert spread.adjusted
    assert upper[10] == pytest.approx(funnel_limits(rate, xs[10], 1000, 0.998, spread.tau2)[1])
    assert upper[10] > funnel_limits(rate, xs[10], 1000, 0.998)[1]
    # the funnel narrows as the population grows, and 95% lies inside 99.8%
    assert upper[0] > upper[-1]
    assert all(a < b for a, b in zip(chart.curves[1].values, upper, strict=True))
    # Northbridge (6.32) is above the widened 99.8% upper limit at its population: above
    assert (
        funnel_limits(rate, SPC_POPULATION, 1000, 0.998, spread.tau2)[1]
        < 1580 / SPC_POPULATION * 1000
    )
    assert chart.title == (
        "Burglary: Northbridge is higher than the group's rate, beyond chance (2025)"
    )
    assert _lead(blocks, "Northbridge is 15th of 15") == (
        "Northbridge is 15th of 15 with 6.32. Northbridge is above the group's rate of 4.90:"
        " higher than chance and the usual spread between areas would explain for its population"
        " (outside the 99.8% limits; the limits are widened because the areas' rates spread more"
        " than chance allows: Spiegelhalter's overdispersion adjustment)."
    )
    assert figure.alt.startswith(
        "Funnel plot of 15 areas' rate per 1,000 against their population: Burglary:"
        " Northbridge is higher than the group's rate, beyond chance (2025). Group rate 4.90."
        " The funnel's lines show how far an area's rate can differ from the group's by chance"
        " and the usual spread between areas at its population: 95% and 99.8% limits, narrower"
        " for larger populations. The 15 areas' rates spread 4.7 times as much as chance alone"
        " would make them, more than chance allows, so the lines are widened for the differences"
        " between areas that chance does not explain (Spiegelhalter's random-effects"
        " adjustment), and each area is judged against the widened lines. Northbridge (our"
        " area): 6.32, population 250,000. Northbridge is above the group's rate"
    )

    def outside(tau2: float) -> list[str]:
        return [
            area
            for area, count, population in BURGLARY_GROUP
            if not (
                funnel_limits(rate, population, 1000, 0.998, tau2)[0]
                <= count / population * 1000
                <= funnel_limits(rate, population, 1000, 0.998, tau2)[1]
            )
        ]

    assert len(outside(0.0)) == 6
    assert outside(spread.tau2) == ["Northbridge"]
    assert "(Spiegelhalter's random-effects adjustment)" in figure.alt
    assert figure.alt.endswith("Areas outside the 99.8% limits: Northbridge.")
    standing = group_standing(report, "2.3a", Polarity.LOW_IS_GOOD, report.settings.period)
    assert standing is not None and standing.position is GroupSide.ABOVE and standing.warning
    burglary = next(m for m in report.measures if m.id == "2.3a")
    assert Concern.WORSE_THAN_GROUP in statuses.of("2.3a").concerns
    assert burglary.unit is Unit.RATE_PER_1000


def test_the_funnel_position_replaces_the_limits_position():
    """Limits typed on the sheet would put the own area in line; its events and population
    put it above the group's rate beyond chance, and the funnel's word is the one used."""
    areas = tuple(
        RankedArea(a, round(c / p * 1000, 2), i == 0, c, p)
        for i, (a, c, p) in enumerate(BURGLARY_GROUP)
    )
    ranking = Ranking("2.3a", parse_period("2025"), areas, 4.9, 3.0, 7.0)
    assert from_ranking(ranking, Polarity.LOW_IS_GOOD).position is GroupSide.IN_LINE
    by_funnel = from_ranking(ranking, Polarity.LOW_IS_GOOD, Unit.RATE_PER_1000)
    assert by_funnel.position is GroupSide.ABOVE
    # without every area's count there is no funnel: the limits decide
    partial = replace(ranking, areas=(replace(areas[0], count=None), *areas[1:]))
    assert from_ranking(partial, Polarity.LOW_IS_GOOD, Unit.RATE_PER_1000).position is (
        GroupSide.IN_LINE
    )


@pytest.fixture(scope="module")
def q2(tmp_path_factory):
    """q2 with a made-up population of 250,000 for its ASB rate (1.2b, Partnership population
    'Yes'), so that one quarterly line chart has intervals: q2 itself states no population
    (issue 23), so none of its rates has counts."""
    from openpyxl import load_workbook

    wb = load_workbook(ROOT / "inputs" / "q2.xlsx")
    settings = wb["Settings"]
    row = next(r for r in settings.iter_rows() if r[0].value == "Population")
    row[1].value = 250_000
    measures = wb["Measures"]
    column = measures.max_column + 1
    measures.cell(row=1, column=column, value="Partnership population")
    for cells in measures.iter_rows(min_row=2):
        if cells[0].value == "1.2b":
            measures.cell(row=cells[0].row, column=column, value="Yes")
    path = tmp_path_factory.mktemp("q2") / "q2.xlsx"
    wb.save(path)
    report, statuses = _read(path)
    document = build_document(report, statuses, date(2016, 11, 30))
    return report, statuses, list(_blocks(document.blocks))


def test_quarterly_pages_keep_their_line_charts_and_sentences(q2):
    _, _, blocks = q2
    kinds = {b.chart.kind for b in blocks if isinstance(b, FigureBlock)}
    assert ChartKind.XMR not in kinds and ChartKind.FUNNEL not in kinds
    text = " ".join("".join(s.text for s in b.spans) for b in blocks if isinstance(b, Paragraph))
    assert "cause variation" not in text and "special cause" not in text.lower()


def test_line_charts_carry_the_intervals_of_the_period_table(q2):
    report, statuses, blocks = q2
    figure = _figure(blocks, ChartKind.LINE, "Anti-social Behaviour")
    chart = figure.chart
    measure = next(m for m in report.measures if m.id == "1.2b")
    status = statuses.of("1.2b").status
    row = interval_row(measure, status.population, status.confidence, status.dispersion.phi)
    assert row is not None
    printed = [c.text for c in row[1:]]
    assert [f"{low:.2f} to {high:.2f}" for low, high in chart.intervals] == printed
    assert chart.interval_name == "95% confidence interval"
    assert figure.alt.endswith(
        "vertical bars show each figure's 95% confidence interval where it is known."
    )
    # a measure whose events are not known has none
    no_counts = [
        b.chart
        for b in blocks
        if isinstance(b, FigureBlock) and b.chart.kind is ChartKind.LINE and not b.chart.intervals
    ]
    assert no_counts and all(c.interval_name == "" for c in no_counts)


def test_the_xmr_and_funnel_charts_draw_their_marks(example, tmp_path):
    _, _, blocks = example
    xmr = _figure(blocks, ChartKind.XMR, "ASB incidents").chart
    draw_chart(xmr, STYLES, tmp_path / "xmr.png")
    image = matplotlib.image.imread(tmp_path / "xmr.png")
    rgb = np.array([int(STYLES.palette.bad[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    concern = np.all(np.abs(image[..., :3] - rgb) < 2 / 255, axis=-1)
    assert concern.sum() > 50, "the special cause of concern is not drawn in the bad colour"
    draw_chart(_figure(blocks, ChartKind.FUNNEL, "Burglary").chart, STYLES, tmp_path / "f.png")
    assert (tmp_path / "f.png").stat().st_size > 1000


def test_how_to_read_explains_the_xmr_charts_and_funnel_plots(example, q2):
    def guide(blocks) -> str:
        return " ".join(
            "".join(s.text for s in b.spans) for b in blocks if isinstance(b, Paragraph)
        )

    text = guide(example[2])
    assert "Monthly measures with at least 12 figures in a row are drawn as XmR" in text
    assert "the group is also drawn as a funnel plot" in text
    assert "XmR" not in guide(q2[2]) and "funnel plot" not in guide(q2[2])


def test_an_area_outside_only_the_95_percent_lines_is_one_to_watch():
    # 9 areas: too few to widen the lines for (``stats.funnel.FEWEST_TO_WIDEN``)
    group = (("Northbridge", 1290, SPC_POPULATION),) + BURGLARY_GROUP[1:9]
    areas = tuple(
        RankedArea(a, round(c / p * 1000, 2), i == 0, c, p) for i, (a, c, p) in enumerate(group)
    )
    ranking = Ranking("2.3a", parse_period("2025"), areas)
    report, _ = _read(EXAMPLE)
    burglary = next(m for m in report.measures if m.id == "2.3a")
    rate = sum(c for _, c, _ in group) / sum(p for _, _, p in group) * 1000
    own = 1290 / SPC_POPULATION * 1000
    assert funnel_limits(rate, SPC_POPULATION, 1000, 0.95)[1] < own
    assert own < funnel_limits(rate, SPC_POPULATION, 1000, 0.998)[1]
    assert funnel_sentence(burglary, ranking) == (
        f"Northbridge is in line with the group's rate of {rate:.2f}: the difference could be"
        " chance. It is higher at the 95% level (outside the 95% limits): one to watch."
    )
    standing = from_ranking(ranking, Polarity.LOW_IS_GOOD, Unit.RATE_PER_1000)
    assert standing.position is GroupSide.IN_LINE and standing.warning
