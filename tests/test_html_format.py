"""``--format html`` and lists of formats, and the charts' SVGs: drawn from the same figure as
the PDF's and PNG's, and only when the web page is asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fixtures.workbooks import save, valid_workbook
from safecity_reports.cli import main
from safecity_reports.layout.document import Chart, ChartKind, Series
from safecity_reports.run.chart_jobs import draw_jobs, plan_charts
from safecity_reports.run.image_cache import ImageCache
from safecity_reports.styles import load_styles

STYLES = load_styles()
CHART = Chart(
    ChartKind.LINE,
    "Total Crime rose for the second quarter running",
    ("2015/16 Q4", "2016/17 Q1", "2016/17 Q2"),
    (Series("Actual", (27.7, 28.06, 29.92)),),
    "Rate per 1,000",
)


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save(valid_workbook(), tmp_path_factory.mktemp("book"))


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("html", ["q2.html"]),
        ("pdf,docx,html", ["q2.docx", "q2.html", "q2.pdf"]),
        ("html, both", ["q2.docx", "q2.html", "q2.pdf"]),
        ("both", ["q2.docx", "q2.pdf"]),
        ("pdf", ["q2.pdf"]),
    ],
)
def test_format_names_the_documents_written(workbook, tmp_path, given, written):
    out = tmp_path / "out"
    result = run(workbook, "-o", out, "--format", given, "-q")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if p.suffix != ".json") == written


def test_a_list_with_an_unknown_format_is_a_usage_error(workbook, tmp_path):
    result = run(workbook, "-o", tmp_path / "out", "--format", "pdf,odt")
    assert result.exit_code == 2
    assert "'odt' is not one of 'docx', 'pdf', 'html', 'both'" in result.output
    assert not (tmp_path / "out").exists()


def test_the_help_names_every_format():
    result = run("report", "--help")
    assert "docx, pdf, both (docx and pdf), html (a web page)" in " ".join(result.output.split())


def test_the_svg_is_drawn_only_when_asked_for_and_the_rest_is_the_same(tmp_path):
    plain, with_svg = tmp_path / "plain.png", tmp_path / "with-svg.png"
    list(draw_jobs([(CHART, plain)], STYLES))
    list(draw_jobs([(CHART, with_svg)], STYLES, svg=True))
    assert not plain.with_suffix(".svg").exists()
    svg = with_svg.with_suffix(".svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "viewBox=" in svg
    # the same figure: the PDF and the PNG drawn with an SVG are those drawn without
    assert with_svg.read_bytes() == plain.read_bytes()
    assert with_svg.with_suffix(".pdf").read_bytes() == plain.with_suffix(".pdf").read_bytes()


def test_a_cached_chart_without_its_svg_is_drawn_again_for_the_page(tmp_path):
    cache = ImageCache(tmp_path / "cache")
    paths, to_draw = plan_charts([CHART], STYLES, tmp_path / "run", cache)
    list(draw_jobs(to_draw, STYLES))
    assert plan_charts([CHART], STYLES, tmp_path / "run", cache)[1] == []  # the documents: cached
    paths, to_draw = plan_charts([CHART], STYLES, tmp_path / "run", cache, svg=True)
    assert to_draw == [(CHART, paths[CHART])] and paths[CHART].parent == cache.folder
    assert not paths[CHART].exists(), "a document would take the old PNG for the new drawing"
    list(draw_jobs(to_draw, STYLES, svg=True))
    assert plan_charts([CHART], STYLES, tmp_path / "run", cache, svg=True)[1] == []


def test_without_fork_the_page_is_the_same(workbook, tmp_path, monkeypatch):
    from datetime import date

    from safecity_reports.build import build_report

    pages = []
    for fork in ("1", "0"):
        monkeypatch.setenv("SAFECITY_REPORTS_FORK", fork)
        out = tmp_path / f"fork-{fork}"
        build_report(workbook, out, formats=("html",), use_cache=False, today=date(2016, 11, 1))
        pages.append((out / "q2.html").read_bytes())
    assert pages[0] == pages[1]
    assert pages[0].count(b"<svg") >= 1


def test_an_inline_svg_keeps_its_ids_to_itself():
    from safecity_reports.render.html.svg import NotAnSvg, inline_svg

    source = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg width="10pt" height="5pt" viewBox="0 0 10 5"'
        ' xmlns="http://www.w3.org/2000/svg"><metadata>made</metadata><defs><style>*{x:y}</style>'
        '<clipPath id="c1"><rect/></clipPath><path id="g1" d="M0 0"/></defs>'
        '<g clip-path="url(#c1)"><use xlink:href="#g1"/></g></svg>'
    )
    drawn = inline_svg(source, "figure-3-", "Crime & disorder", "A line <rising>")
    assert drawn.startswith('<svg class="chart"') and drawn.endswith("</svg>")
    assert 'viewBox="0 0 10 5"' in drawn and "width=" not in drawn
    assert 'id="figure-3-c1"' in drawn and "url(#figure-3-c1)" in drawn
    assert 'xlink:href="#figure-3-g1"' in drawn
    assert "<style" not in drawn and "<metadata" not in drawn and "<?xml" not in drawn
    assert '<title id="figure-3-title">Crime &amp; disorder</title>' in drawn
    assert '<desc id="figure-3-desc">A line &lt;rising&gt;</desc>' in drawn
    with pytest.raises(NotAnSvg):
        inline_svg("<html></html>", "p-", "t", "d")
