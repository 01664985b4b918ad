"""Issue 29 item 6: one vocabulary for a change across counts and rates. The table's Travel, the
page's sentences and a compact table's notes word a change by one function (``change_words``),
so that a count and its rate on one row read alike: 'up, worse (not tested)' beside 'up, worse
(significant)', never 'up, worse' beside 'a significant increase, which is worse'. The figures
are a small district's burglaries (a count) and their rate per 1,000 households with counts."""

from __future__ import annotations

import pytest

from safecity_reports.core.model import (
    Frequency,
    KeyAction,
    Measure,
    Observation,
    PageLayout,
    Polarity,
    Priority,
    Report,
    Settings,
    Unit,
)
from safecity_reports.core.periods import parse_period
from safecity_reports.core.status import Direction, Judgement
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.change_words import meaning_words, travel_words, verdict_words
from safecity_reports.layout.compact import compact_table
from safecity_reports.layout.narrative import change_sentence, travel_spans, year_sentence

Q2_15, Q1, Q2 = (parse_period(p) for p in ("2015/16 Q2", "2016/17 Q1", "2016/17 Q2"))

JUDGED = (Judgement.IMPROVING, Judgement.WORSENING)


@pytest.mark.parametrize("direction", [Direction.UP, Direction.DOWN])
@pytest.mark.parametrize("judgement", list(Judgement))
@pytest.mark.parametrize("tested", [False, True])
@pytest.mark.parametrize("mark_untested", [False, True])
def test_the_table_and_the_sentence_say_the_same_verdict(
    direction, judgement, tested, mark_untested
):
    verdict = verdict_words(judgement, tested, mark_untested)
    table = travel_words(direction, judgement, tested, mark_untested)
    sentence = meaning_words(judgement, tested, mark_untested)
    assert table == (f"{direction.value}, {verdict}" if verdict else direction.value)
    assert sentence.endswith(verdict)
    assert (sentence == "") is (verdict == "")
    if judgement in JUDGED:
        how = "(significant)" if tested else "(not tested)" if mark_untested else ""
        assert (
            verdict == f"{'better' if judgement is Judgement.IMPROVING else 'worse'} {how}".strip()
        )
        assert sentence == f", which is {verdict}"
    assert "increase" not in sentence and "decrease" not in sentence


def test_nothing_to_compare_is_na():
    assert travel_words(Direction.NOT_AVAILABLE, Judgement.NOT_JUDGED) == "n/a"
    assert travel_words(Direction.SAME, Judgement.NO_CHANGE, True, True) == "no change"


def _measure(mid, name, unit, decimals, figures, **more):
    observations = tuple(
        Observation(period, value, count=count)
        for period, value, count in zip((Q2_15, Q1, Q2), *figures, strict=True)
    )
    return Measure(
        mid,
        "1",
        name,
        unit,
        Polarity.LOW_IS_GOOD,
        Frequency.QUARTERLY,
        decimals,
        observations,
        **more,
    )


# 210 burglaries last year, 150 last quarter, 240 now; per 1,000 households (counts typed)
COUNT = _measure("1a", "Burglary", Unit.COUNT, 0, ((210.0, 150.0, 240.0), (None, None, None)))
RATE = _measure(
    "1b",
    "Burglary rate",
    Unit.RATE,
    2,
    ((5.25, 3.75, 6.0), (210, 150, 240)),
    rate_per=1000.0,
    unit_label="Rate per 1,000 households",
)


def _report():
    action = KeyAction("1", "1", "Reduce burglary", "Police", measures=(COUNT, RATE))
    settings = Settings("Northdale CSP", "Quarterly report", Q2, layout=PageLayout.TABLES)
    return Report(settings, (Priority("1", "Burglary", (action,)),))


def _text(spans):
    return "".join(s.text for s in spans)


def test_a_count_and_its_rate_on_one_row_are_worded_alike():
    report = _report()
    verdicts = judge(report)
    count, rate = verdicts.of("1a").status, verdicts.of("1b").status
    # a count of events in equal periods is tested as a count, its rate as a rate (issue 29)
    assert count.test is not None and count.test.counts and count.test.significant
    assert rate.test is not None and rate.test.significant
    assert verdicts.tested_any
    table = compact_table((COUNT, RATE), verdicts, report, "Burglary")
    travel = [_text(row[4].spans) for row in table.rows]
    assert travel == ["▲ up, worse (significant)", "▲ up, worse (significant)"]
    # the sentences say the same verdicts in the same words
    assert change_sentence(count, verdicts.tested_any) == (
        "Rose from 150 in 2016/17 Q1 to 240 in 2016/17 Q2, which is worse (significant)."
    )
    assert change_sentence(rate, verdicts.tested_any) == (
        "Rose from 3.75 in 2016/17 Q1 to 6 in 2016/17 Q2, which is worse (significant)."
    )
    # and so do the notes on the year's change (210 -> 240 is chance; 5.25 -> 6 too)
    notes = [_text(row[-1].spans) for row in table.rows]
    assert notes[0].startswith(
        "Compared with a year earlier (210 in 2015/16 Q2): no significant change."
    )
    assert notes[1].startswith(
        "Compared with a year earlier (5.25 in 2015/16 Q2): no significant change."
    )
    assert year_sentence(rate, True) in notes[1]


def test_travel_spans_are_the_words_with_their_arrow():
    spans = travel_spans(Direction.DOWN, Judgement.IMPROVING, True)
    assert _text(spans) == "▼ down, better (significant)"
    assert _text(travel_spans(Direction.NOT_AVAILABLE, Judgement.NOT_JUDGED)) == "[x]"
