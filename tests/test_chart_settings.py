"""The charts' matplotlib settings worked out once for a painter (``charts.settings``): charts
drawn with them are the same to the byte as drawn inside ``style.context``, each chart starts
from the same settings, and every setting is put back after it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import matplotlib as mpl
import pytest
from matplotlib import style

from chart_bytes import drawn
from safecity_reports.charts import settings
from safecity_reports.charts.drawing import AFCHARTS_STYLE

LOOK = {"font.size": 11.5, "lines.linewidth": 3, "axes.grid.axis": "x", "pdf.fonttype": 3}


def test_charts_the_same_to_the_byte_as_drawn_in_matplotlibs_style_context(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = drawn(tmp_path / "kept")

    @contextlib.contextmanager
    def in_style_context(self: settings.Settings) -> Iterator[None]:
        with style.context(self.styles):
            yield

    monkeypatch.setattr(settings.Settings, "applied", in_style_context)
    assert drawn(tmp_path / "style-context") == kept


def _in_style_context() -> dict[str, object]:
    with style.context([AFCHARTS_STYLE, LOOK]):
        return dict(mpl.rcParams)


def _applied(kept: settings.Settings) -> dict[str, object]:
    with kept.applied():
        return dict(mpl.rcParams)


def test_the_settings_are_style_contexts_even_after_others_change() -> None:
    kept = settings.Settings([AFCHARTS_STYLE, LOOK])
    assert _applied(kept) == _in_style_context()
    with mpl.rc_context({"font.size": 30.0, "grid.color": "red", "hatch.linewidth": 4.0}):
        # settings the styles name are theirs again; others are as they are
        assert _applied(kept) == _in_style_context()
        assert _applied(kept)["hatch.linewidth"] == 4.0


def test_every_setting_put_back_after_a_chart() -> None:
    kept = settings.Settings([AFCHARTS_STYLE, LOOK])
    before = dict(mpl.rcParams)
    with kept.applied():
        assert mpl.rcParams["font.size"] == 11.5
        mpl.rcParams["lines.markersize"] = 99
    assert dict(mpl.rcParams) == before


def test_named_are_the_style_sheets_settings_and_the_looks_without_the_blacklist() -> None:
    names = settings.named([AFCHARTS_STYLE, {**LOOK, "backend": "agg"}])
    assert {"font.size", "axes.prop_cycle", "xtick.labelcolor"} <= set(names)  # the sheet's
    assert set(LOOK) <= set(names)
    assert len(names) == len(set(names)) == 29  # 28 in the sheet, pdf.fonttype
    assert "backend" not in names
