"""Required only what the report uses (issue 29, item 1): Unit, Polarity, Frequency and Decimals
may be blank where the report can do without them. A workbook of ratings only, with nothing but
Measure, Name and its Ratings filled, checks clean and makes a one-page report; a blank Polarity
gives the direction of travel without better or worse; a blank Frequency makes nothing late."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import convert_with_libreoffice, needs_libreoffice, problem_lines
from fixtures.examples import RAG_LIST, _build, ratings_only
from safecity_reports.core.model import Frequency, Polarity
from safecity_reports.core.verdicts import Concern, judge
from safecity_reports.layout.document import Callout, Paragraph, Table
from safecity_reports.layout.report import build_document
from safecity_reports.reading.load import load_report


def _pdf_text(path: Path) -> tuple[int, str]:
    pages = PdfReader(path).pages
    return len(pages), " ".join(" ".join((p.extract_text() or "").split()) for p in pages)


def _one_page_of_ratings(path: Path, make_report, out: Path) -> None:
    checked = make_report("check", path)
    assert checked.exit_code == 0, checked.output
    assert checked.output.splitlines() == [f"{path}: no errors, 0 warning(s)"]
    made = make_report(path, "--output", out)
    assert made.exit_code == 0, made.output
    pages, text = _pdf_text(out / f"{path.stem}.pdf")
    assert pages == 1
    for mid, name, rating in RAG_LIST:
        assert f"{mid} {name} {rating}" in text
    assert "CS02 Repeat victims of domestic abuse is rated Red for 2016/17 Q3." in text
    assert "it holds no figures to compare" in text
    for words in ("better", "worse", "late", "Exceptions", "no figure for", "Contents"):
        assert words not in text


def test_a_workbook_of_only_measures_names_and_ratings_makes_a_one_page_report(
    tmp_path, make_report
):
    path = tmp_path / "glanmorfa.xlsx"
    ratings_only().save(path)
    _one_page_of_ratings(path, make_report, tmp_path / "out")


@needs_libreoffice
def test_the_ratings_only_workbook_saved_by_libreoffice_makes_the_same_page(tmp_path, make_report):
    path = tmp_path / "source.xlsx"
    ratings_only().save(path)
    resaved = convert_with_libreoffice(path, "xlsx", tmp_path / "lo")
    _one_page_of_ratings(resaved, make_report, tmp_path / "out")


def test_the_example_holds_only_measure_name_and_ratings():
    wb = ratings_only()
    headers = [c.value for c in wb["Measures"][1]]
    filled = {
        headers[c.column - 1] for row in wb["Measures"].iter_rows(min_row=2) for c in row if c.value
    }
    assert filled == {"Measure", "Name"}
    assert not any(row for row in wb["Data"].iter_rows(min_row=2, values_only=True) if any(row))


# -- measures with figures, and a source that states neither direction nor frequency ---------


def _treatment(**measure: object) -> object:
    """A drug and alcohol service's quarterly figures: D1 with whatever ``measure`` sets."""
    d1 = {"Measure": "D1", "Name": "Alcohol-related hospital admissions", "Unit": "Count"}
    d1 |= {"Decimals": 0, "Theme": "Treatment", **measure}
    data = [
        {"Measure": "D1", "Period": p, "Actual": v}
        for p, v in (("2015/16 Q4", 412), ("2016/17 Q1", 398), ("2016/17 Q2", 455))
    ]
    records = {
        "Measures": [{k: v for k, v in d1.items() if v is not None}],
        "Data": data,
        "Commentary": [{"Page": "D1", "Text": "Admissions rose over the summer."}],
    }
    settings = {
        "Partnership": "Tenby Vale Substance Misuse Partnership",
        "Report title": "Treatment update",
        "Reporting period": "2016/17 Q3",
        "Report date": "January 2017",
    }
    return _build(settings, records)


def test_a_blank_unit_is_an_error_once_the_measure_has_figures(tmp_path, make_report):
    """A blank Decimals never is: each figure then prints as typed (issue 25 item 3)."""
    path = tmp_path / "tenby.xlsx"
    _treatment(Unit=None, Decimals=None).save(path)
    result = make_report("check", path)
    assert result.exit_code == 1
    lines = problem_lines(result.output)
    assert lines[0] == (
        "tenby.xlsx, sheet Measures, cell D2: Unit is blank, but measure D1 has figures on the"
        " Data sheet (the first at Data!C2): pick one of Percentage, Rate per 1,000, Rate per"
        " 10,000, Count, Rank, Pair of counts or Pounds, or type your own, such as 'Days'; leave"
        " it blank only for a measure with no figures"
    )
    assert not [line for line in lines if "Decimals" in line]


def _laid_out(tmp_path: Path, **measure: object):
    path = tmp_path / "tenby.xlsx"
    _treatment(**measure).save(path)
    report, warnings = load_report(path)
    verdicts = judge(report)
    document = build_document(report, verdicts, date(2017, 1, 10))
    blocks = list(_walk(document.blocks))
    texts = ["".join(s.text for s in b.spans) for b in blocks if isinstance(b, Paragraph)]
    texts += [
        "".join(s.text for s in line) for b in blocks if isinstance(b, Callout) for line in b.lines
    ]
    cells = [c.text for b in blocks if isinstance(b, Table) for r in b.rows for c in r]
    return report, warnings, verdicts.of("D1"), " ".join(texts + cells)


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(getattr(block, "blocks", ()))


def test_a_blank_polarity_gives_the_direction_without_better_or_worse(tmp_path):
    # a rate, whose change the workbook gives no counts to test (a count of events would be
    # tested, and this one's rise is within chance either way)
    rate = {"Unit": "Rate per 1,000", "Frequency": "Quarterly"}
    report, warnings, verdict, text = _laid_out(tmp_path, Polarity=None, **rate)
    measure = report.measures[0]
    assert (measure.polarity, measure.polarity_stated) == (Polarity.NO_PREFERENCE, False)
    assert (
        "Which way is good is not stated: the report says whether the number went up or down,"
        " not whether that is better or worse." in text
    )
    assert "No preferred direction" not in text
    assert "Rose from 398 in 2016/17 Q1 to 455 in 2016/17 Q2." in text
    assert "admissions (Quarterly: 2016/17 Q1 to 2016/17 Q2) 398 455 ▲ up Actual" in text
    for words in ("▲ up,", "which is worse", "GOOD", "POOR"):
        assert words not in text
    stated = _laid_out(tmp_path, Polarity="Low is good", **rate)[3]
    assert "398 455 ▲ up, worse" in stated  # the same figures with a polarity are judged
    assert "which is worse" in stated


def test_a_blank_frequency_makes_no_figure_late(tmp_path):
    report, warnings, verdict, text = _laid_out(tmp_path, Polarity="Low is good", Frequency=None)
    assert report.measures[0].frequency is None
    assert Concern.LATE not in verdict.concerns
    assert not any("though one is due" in w.message for w in warnings)
    assert "D1 Alcohol-related hospital admissions (2016/17 Q1 to 2016/17 Q2)" in text
    # the same figures with a stated frequency are late: the test can fail
    _, quarterly_warnings, quarterly, _ = _laid_out(
        tmp_path, Polarity="Low is good", Frequency="Quarterly"
    )
    assert Concern.LATE in quarterly.concerns
    assert any("though one is due" in w.message for w in quarterly_warnings)


@pytest.mark.parametrize("header", ["Unit", "Polarity", "Frequency", "Decimals"])
def test_the_measures_columns_a_report_can_do_without_are_optional(header):
    from safecity_reports.reading.schema import MEASURES

    assert not MEASURES.column(header).required


def test_frequency_is_none_only_where_not_stated(tmp_path):
    report, *_ = _laid_out(tmp_path, Frequency="Annual")
    assert report.measures[0].frequency is Frequency.ANNUAL


def test_a_measure_whose_page_would_hold_only_its_rating_is_said_in_the_summary_only(tmp_path):
    from fixtures.workbooks import add_row
    from safecity_reports.layout.document import Contents, Heading, Span

    wb = ratings_only()
    add_row(wb, "Commentary", {"Page": "CS02", "Text": "Referrals rose after new screening."})
    wb.save(tmp_path / "glanmorfa.xlsx")
    report, warnings = load_report(tmp_path / "glanmorfa.xlsx")
    assert warnings == []
    document = build_document(report, judge(report), date(2017, 1, 10))
    blocks = list(_walk(document.blocks))
    pages = [b.text for b in blocks if isinstance(b, Heading) and b.level == 2]
    assert "CS02 Repeat victims of domestic abuse" in pages
    assert not any(p.startswith(("CS01", "CS03", "CS07")) for p in pages)
    # a report this short has no contents list (issue 25: contents only past a few pages); its
    # only page is CS02's
    assert not any(isinstance(b, Contents) for b in blocks)
    assert [p for p in pages if p.startswith("CS")] == ["CS02 Repeat victims of domestic abuse"]
    spans = [s for b in blocks for s in getattr(b, "spans", ()) if isinstance(s, Span)]
    spans += [s for b in blocks for item in getattr(b, "items", ()) for s in item[1]]
    links = {s.text: s.link for s in spans if s.link}
    # the Exceptions' names link to where each measure is given: a page, or the summary
    assert links["CS02 Repeat victims of domestic abuse"] == "page-CS02"
    assert links["CS01 Violence with injury in the night-time economy"] == "summary"


def test_a_blank_polarity_is_an_error_where_a_target_to_reach_needs_it(tmp_path, make_report):
    path = tmp_path / "tenby.xlsx"
    _treatment(Polarity=None, Target=400).save(path)
    result = make_report("check", path)
    assert result.exit_code == 1
    assert (
        "tenby.xlsx, sheet Measures, cell E2: Polarity is blank, but measure D1 has a Target to"
        " reach, and which side of it is good must be known: type one of High is good, Low is"
        " good or No preferred direction, or a Target type that says it (Stay below, Stay"
        " above, Reduce on last year or Increase on last year)" in problem_lines(result.output)
    )
    _treatment(Polarity=None, Target=400, **{"Target type": "Stay below"}).save(path)
    assert make_report("check", path).exit_code == 0
