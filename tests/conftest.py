"""Shared fixtures: a valid workbook to spoil, and a way to run ``make-report`` in-process."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl.workbook.workbook import Workbook

from fixtures.workbooks import save, valid_workbook
from safecity_reports.cli import main


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the tests' chart and document caches out of the user's own cache folder
    (matplotlib's font list stays where it is, or every run would rebuild it)."""
    import matplotlib

    saved = {name: os.environ.get(name) for name in ("XDG_CACHE_HOME", "MPLCONFIGDIR")}
    os.environ["MPLCONFIGDIR"] = saved["MPLCONFIGDIR"] or matplotlib.get_cachedir()
    folder = tmp_path_factory.mktemp("xdg-cache")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture
def workbook() -> Workbook:
    """A fresh valid workbook (no errors, no warnings) to change."""
    return valid_workbook()


@pytest.fixture
def saved(tmp_path: Path) -> Callable[[Workbook], Path]:
    """Save a workbook as ``q2.xlsx`` in the test's folder."""
    return lambda wb: save(wb, tmp_path)


@pytest.fixture
def make_report() -> Callable[..., Result]:
    """Run ``make-report`` with the given arguments."""
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args])


def problem_lines(output: str) -> list[str]:
    """The output's problem lines as ``where: message``, without their Error:/Warning: labels."""
    return [re.sub(r"^(?:(?:Error|Warning): )+", "", line) for line in output.splitlines()]


needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not on PATH"
)


def convert_with_libreoffice(source: Path, to: str, folder: Path) -> Path:
    """Convert ``source`` headless with LibreOffice (``to`` is "pdf", "csv" ...) into ``folder``,
    with a profile of its own so parallel or earlier runs cannot interfere; returns the result."""
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{folder}/lo-profile",
            "--convert-to",
            to,
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return folder / f"{source.stem}.{to}"


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the charts matplotlib draws in this process, in order."""
    from safecity_reports.charts import drawing as chart_drawing
    from safecity_reports.layout.document import Chart

    titles: list[str] = []
    paint = chart_drawing.Painter.paint

    def counting(self: chart_drawing.Painter, chart: Chart, path: Path) -> None:
        titles.append(chart.title)
        paint(self, chart, path)

    monkeypatch.setattr(chart_drawing.Painter, "paint", counting)
    return titles
