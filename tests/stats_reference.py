"""Where the statistics' reference figures live, and how to read them.

They are in ``tests/reference/stats`` (their sources and licences in its README), so that a
clone of the repository with nothing beside it passes its tests.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "reference" / "stats"


def reference_folder() -> Path:
    """The folder holding rates.csv, proportions.csv, byars_wilson.csv and spc.json."""
    return FOLDER


def csv_rows(name: str) -> list[dict[str, str]]:
    """The rows of one reference CSV, as text keyed by column name."""
    with (reference_folder() / name).open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def spc_cases() -> list[dict]:
    """The XmR chart cases of spc.json."""
    return json.loads((reference_folder() / "spc.json").read_text(encoding="utf-8"))["cases"]


def figure(text: str) -> float | None:
    """A reference figure, or None where the reference has no result (an empty cell)."""
    return float(text) if text.strip() else None
