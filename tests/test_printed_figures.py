"""One rule for every printed figure: 12.5 at no decimals and 0.25 at one decimal are spelt the
same wherever the report prints them (summary table, period table, sentence, ranking, chart label
and alt text), rounding half away from zero as Excel does: "13%" and "0.3", never "12%" or "0.2".
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from matplotlib.text import Text

from safecity_reports.charts.drawing import Painter
from safecity_reports.core.model import (
    Frequency,
    KeyAction,
    Measure,
    Observation,
    PageLayout,
    Polarity,
    Priority,
    RankedArea,
    Ranking,
    Report,
    Settings,
    Unit,
)
from safecity_reports.core.periods import parse_period
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.document import (
    Block,
    BulletList,
    Callout,
    FigureBlock,
    KeepTogether,
    Paragraph,
    Table,
)
from safecity_reports.layout.report import build_document
from safecity_reports.styles import load_styles

Q1, Q2 = parse_period("2016/17 Q1"), parse_period("2016/17 Q2")


def _measure(id_: str, unit: Unit, decimals: int, values, benchmarks) -> Measure:
    return Measure(
        id=id_,
        action_id=id_,
        name=f"Measure {id_}",
        unit=unit,
        polarity=Polarity.HIGH_IS_GOOD,
        frequency=Frequency.QUARTERLY,
        decimals=decimals,
        observations=tuple(
            Observation(p, v, b) for p, v, b in zip((Q1, Q2), values, benchmarks, strict=True)
        ),
        benchmark_label="Group average",
        source="Test data",
    )


PERCENT = _measure("1.1", Unit.PERCENTAGE, 0, [10.0, 12.5], [20.0, 12.5])
"""12.5% at no decimals: 13% (binary half-to-even would print 12%)."""
RATE = _measure("1.2", Unit.RATE_PER_1000, 1, [0.5, 0.25], [0.75, 0.25])
"""0.25 at one decimal: 0.3 (binary half-to-even would print 0.2)."""
RANKED = _measure("1.3", Unit.PERCENTAGE, 0, [10.0, 12.5], [20.0, 12.5])
"""The same figures with a comparison group, in which the own area has 12.5."""
RANKING = Ranking(
    "1.3",
    Q2,
    (RankedArea("Here", 12.5, True), RankedArea("There", 30.0), RankedArea("Elsewhere", 50.0)),
)
RATE_RANKED = _measure("1.4", Unit.RATE_PER_1000, 1, [0.5, 0.25], [0.75, 0.25])
RATE_RANKING = Ranking(
    "1.4",
    Q2,
    (RankedArea("Here", 0.25, True), RankedArea("There", 0.75), RankedArea("Elsewhere", 0.5)),
)


def _report() -> Report:
    actions = tuple(
        KeyAction(m.id, "1", f"Action {m.id}", "Police", measures=(m,))
        for m in (PERCENT, RATE, RANKED, RATE_RANKED)
    )
    return Report(
        # pages for every measure: the compact table prints changes (0.5 to 0.3 is -0.2)
        Settings("Testford Partnership", "Performance report", Q2, layout=PageLayout.PAGES),
        (Priority("1", "Reduce crime", actions),),
        rankings=(RANKING, RATE_RANKING),
    )


def _texts(block: Block, place: dict[str, list[str]]) -> None:
    """Every printed text of ``block``, by the kind of place it is printed in."""
    if isinstance(block, Table):
        kind = "summary table" if block.caption.lower().startswith("summary") else "table"
        for row in (*block.header, *block.rows):
            place[kind].extend(cell.text for cell in row)
    elif isinstance(block, Paragraph):
        place["sentence"].append("".join(span.text for span in block.spans))
    elif isinstance(block, BulletList):
        place["sentence"].extend("".join(s.text for s in spans) for _, spans in block.items)
    elif isinstance(block, Callout):
        place["sentence"].extend("".join(s.text for s in spans) for spans in block.lines)
    elif isinstance(block, KeepTogether):
        for inner in block.blocks:
            _texts(inner, place)
    elif isinstance(block, FigureBlock):
        place["alt text"].append(block.alt)


def _chart_labels(painter: Painter) -> list[str]:
    """The values a drawn chart prints beside its lines and bars and in its key (not the value
    axis's ticks, which are round numbers of their own)."""
    labels = []
    for axes in painter.figure.axes:
        labels.extend(text.get_text() for text in axes.texts)
        legend = axes.get_legend()
        if legend is not None:
            labels.extend(text.get_text() for text in legend.get_texts())
    labels.extend(t.get_text() for t in painter.figure.texts if isinstance(t, Text))
    return labels


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, str]:
    report = _report()
    document = build_document(report, judge(report), date(2016, 11, 1))
    place: dict[str, list[str]] = {
        k: [] for k in ("summary table", "table", "sentence", "alt text", "chart label")
    }
    for block in document.blocks:
        _texts(block, place)
    painter = Painter(load_styles())
    folder: Path = tmp_path_factory.mktemp("charts")
    for index, chart in enumerate(document.charts):
        painter.paint(chart, folder / f"{index}.png")
        place["chart label"].extend(_chart_labels(painter))
    return {kind: "\n".join(texts) for kind, texts in place.items()}


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?%?", text))


@pytest.mark.parametrize("kind", ["summary table", "table", "sentence", "alt text", "chart label"])
@pytest.mark.parametrize(("spelt", "never"), [("13%", {"12%", "12.5%"}), ("0.3", {"0.2", "0.25"})])
def test_each_figure_has_one_spelling_in_every_place(printed, kind, spelt, never) -> None:
    numbers = _numbers(printed[kind])
    assert spelt in numbers, f"{spelt} not in the {kind}: {printed[kind]}"
    assert not numbers & never, f"the {kind} also prints {numbers & never}"


def test_ranking_values_keep_the_measures_decimals(printed) -> None:
    # high is good, so the own area's 12.5 and 0.25 come last of three
    assert "lowest Here 0.3." in printed["alt text"]
    assert "lowest Here 13%." in printed["alt text"]
    assert "Here is 3rd of 3 with 13%." in printed["sentence"]
    assert "Here is 3rd of 3 with 0.3." in printed["sentence"]
