"""Numbers written into a chart's PDF as matplotlib writes them (``charts.pdf_numbers``)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.backends import backend_pdf

from chart_bytes import drawn_with_and_without
from safecity_reports.charts import drawing, pdf_numbers  # noqa: F401 - installs it

ORIGINAL = backend_pdf.pdfRepr.original


def test_installed() -> None:
    assert hasattr(backend_pdf.pdfRepr, "original")
    assert pdf_numbers.install()  # again: nothing changes


@given(st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**12), 10**12))
def test_each_number_written_as_matplotlib_writes_it(number: float) -> None:
    for value in {number, np.float64(number), float(number)}:
        assert backend_pdf.pdfRepr(value) == ORIGINAL(value)


@pytest.mark.parametrize(
    "value",
    [
        0.0,
        -0.0,
        1e-11,
        -1e-11,
        0.5,
        1e15,
        True,
        False,
        None,
        "a (b)",
        b"c",
        [1.5, 2],
        (3,),
        {"Type": backend_pdf.Name("Page")},
        np.float32(1.25),
        np.int64(7),
        backend_pdf.Op.moveto,
    ],
)
def test_everything_else_as_matplotlib(value: object) -> None:
    assert backend_pdf.pdfRepr(value) == ORIGINAL(value)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, np.float64("nan")])
def test_no_number_is_refused(value: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        backend_pdf.pdfRepr(value)
    with pytest.raises(ValueError, match="finite"):
        ORIGINAL(value)


def test_charts_the_same_to_the_byte_as_drawn_by_matplotlib_alone(tmp_path: Path) -> None:
    kept, alone = drawn_with_and_without(pdf_numbers, tmp_path)
    assert kept == alone
