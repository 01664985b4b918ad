"""Each chart text measured once, as the chart's PDF draws it (``charts.text_size``): the
fitting's renderer measures as the PDF backend does, scaled to its resolution, and the PDF
backend finds the sizes kept without changing one."""

from __future__ import annotations

import io

import pytest
from matplotlib.backends import _backend_pdf_ps, backend_pdf
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from safecity_reports.charts import text_size
from safecity_reports.charts.fitting import measure

TEXTS = ("Southampton 12.5%", "2015/16 Q3", "0", "Number of offences (rate)", "fi ffl AVA")
PROPS = (
    FontProperties(size=9.0),
    FontProperties(size=8.5, weight="bold"),
    FontProperties(family="DejaVu Serif", size=11.0, style="italic"),
)


def _pdf_renderer() -> backend_pdf.RendererPdf:
    return backend_pdf.RendererPdf(backend_pdf.PdfFile(io.BytesIO()), 72, 4, 3)


def _pdf_own(text: str, prop: FontProperties) -> tuple[float, float, float]:
    """The PDF backend's own measure, as matplotlib has it."""
    own = _backend_pdf_ps.RendererPDFPSBase.get_text_width_height_descent
    return own(_pdf_renderer(), text, prop, False)  # type: ignore[no-any-return]


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_measures_as_the_pdf_backend_measures_it(text: str) -> None:
    text_size.forget()
    for prop in PROPS:
        assert text_size.text_size(text, prop) == _pdf_own(text, prop)
        assert _pdf_renderer().get_text_width_height_descent(text, prop, False) == _pdf_own(
            text, prop
        )


def test_sizes_kept_are_told_apart_by_text_font_and_size() -> None:
    text_size.forget()
    sizes = {(t, i): text_size.text_size(t, p) for t in TEXTS for i, p in enumerate(PROPS)}
    assert len(set(sizes.values())) == len(sizes)
    for (t, i), size in sizes.items():  # asked again, in another order: the same answers
        assert text_size.text_size(t, PROPS[-1 - i]) == _pdf_own(t, PROPS[-1 - i])
        assert text_size.text_size(t, PROPS[i]) == size


@pytest.mark.parametrize("dpi", [72.0, 100.0, 200.0])
def test_the_fitting_measures_a_text_as_the_pdf_draws_it_at_its_resolution(dpi: float) -> None:
    figure = Figure(figsize=(6, 4), dpi=dpi)
    FigureCanvasAgg(figure)
    renderer = measure(figure)
    for text in TEXTS:
        for prop in PROPS:
            width, height, descent = _pdf_own(text, prop)
            got = renderer.get_text_width_height_descent(text, prop, False)
            assert got == pytest.approx((width * dpi / 72, height * dpi / 72, descent * dpi / 72))
    # a text laid out by matplotlib is as wide as the PDF's measure says
    label = figure.text(0, 0, "Southampton 12.5%", fontproperties=PROPS[0])
    box = label.get_window_extent(renderer)
    assert box.width == pytest.approx(_pdf_own("Southampton 12.5%", PROPS[0])[0] * dpi / 72)


def test_math_text_is_measured_by_the_renderers_own_method() -> None:
    figure = Figure(figsize=(6, 4), dpi=100)
    FigureCanvasAgg(figure)
    renderer = measure(figure)
    own = figure.canvas.get_renderer().__class__.get_text_width_height_descent
    math = r"$x^2$"
    assert renderer.get_text_width_height_descent(math, PROPS[0], True) == own(
        renderer, math, PROPS[0], True
    )
    assert not text_size.measurable(True)
    assert not text_size.measurable("TeX")
    assert text_size.measurable(False)
