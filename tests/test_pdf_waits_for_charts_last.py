"""The PDF makes its pages while the charts are still being drawn and waits for a chart only as
it puts the chart's drawing in (``write_pdf``'s ``drawing``): the main process is then free
when the last chart is drawn, with only the drawings left to put in. Before, its second pass
waited at each chart it came to, and made the pages after the last chart only once it was
drawn."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pikepdf
import pytest

from safecity_reports.core.verdicts import judge
from safecity_reports.layout.report import build_document
from safecity_reports.reading.workbook import read
from safecity_reports.render.pdf import document as pdf_document
from safecity_reports.run.chart_jobs import draw_charts
from safecity_reports.styles import load_styles
from test_pdf_repeatable import EXAMPLE, _pages


def _forms(pdf: Path) -> list[bytes]:
    """Each chart's drawing as the PDF holds it."""
    with pikepdf.open(pdf) as document:
        return sorted(
            thing.read_bytes()
            for thing in document.objects
            if isinstance(thing, pikepdf.Stream) and thing.get("/Subtype") == "/Form"
        )


def test_the_pages_are_made_before_any_chart_is_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    styles = load_styles()
    reading = read(EXAMPLE)
    document = build_document(reading.report, judge(reading.report), date(2026, 12, 6))
    images = draw_charts(document.charts, styles, tmp_path / "drawn")
    assert images
    there = tmp_path / "there.pdf"
    pdf_document.write_pdf(document, images, there, styles)

    drawn_by_name = {path.name: path for path in images.values()}
    later = tmp_path / "later"
    later.mkdir()
    events: list[str] = []
    build = pdf_document.ReportTemplate.build

    def building(self: object, *args: object, **options: object) -> None:
        build(self, *args, **options)
        events.append("pages made")

    def drawing(path: Path) -> None:
        events.append(path.name)
        # the chart is drawn now: its PDF drawing appears (Word's PNG is never made for the PDF)
        shutil.copy(drawn_by_name[path.name].with_suffix(".pdf"), path.with_suffix(".pdf"))

    pages = pdf_document.count_pages(document, styles)  # the first pass, made by then
    monkeypatch.setattr(pdf_document.ReportTemplate, "build", building)
    promised = {chart: later / path.name for chart, path in images.items()}
    result = tmp_path / "later.pdf"
    pdf_document.write_pdf(document, promised, result, styles, pages=pages, drawing=drawing)

    assert events[0] == "pages made"
    assert sorted(events[1:]) == sorted({path.name for path in promised.values()})  # each once
    assert not any(later.glob("*.png"))
    assert _pages(result) == _pages(there)
    assert _forms(result) == _forms(there)


def test_a_chart_that_fails_to_be_drawn_fails_the_pdf(tmp_path: Path) -> None:
    styles = load_styles()
    reading = read(EXAMPLE)
    document = build_document(reading.report, judge(reading.report), date(2026, 12, 6))
    charts = list(dict.fromkeys(document.charts))
    promised = {chart: tmp_path / f"chart-{number}.png" for number, chart in enumerate(charts)}

    def drawing(path: Path) -> None:
        raise RuntimeError(f"drawing {path.name} failed")

    with pytest.raises(RuntimeError, match="drawing chart-0.png failed"):
        pdf_document.write_pdf(document, promised, tmp_path / "r.pdf", styles, drawing=drawing)
    assert not (tmp_path / "r.pdf").exists()
