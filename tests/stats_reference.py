"""Where the statistics' reference figures live, and how to read them.

The folder is ``shared/reference/stats`` beside the repository (CI clones the repository next to a
copy of ``shared/``). It is found from ``SAFECITY_SHARED`` (the ``shared`` folder) if set, else by
looking in each folder upward from the repository. There is no skipping: without the figures the
tests cannot say the statistics are right, so collection fails with a message saying where we
looked.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
INSIDE_SHARED = Path("reference") / "stats"


def reference_folder() -> Path:
    """The folder holding rates.csv, proportions.csv, byars_wilson.csv and spc.json."""
    override = os.environ.get("SAFECITY_SHARED")
    if override:
        folder = Path(override) / INSIDE_SHARED
        if not folder.is_dir():
            raise FileNotFoundError(
                f"SAFECITY_SHARED is {override!r} but {folder} is not a folder: point it at the "
                "'shared' folder that holds reference/stats"
            )
        return folder
    looked = []
    for parent in [REPOSITORY, *REPOSITORY.parents]:
        folder = parent / "shared" / INSIDE_SHARED
        if folder.is_dir():
            return folder
        looked.append(str(folder))
    raise FileNotFoundError(
        "the statistics' reference figures (shared/reference/stats) were not found; looked in "
        + ", ".join(looked)
        + ". Set SAFECITY_SHARED to the 'shared' folder (e.g. SAFECITY_SHARED=/work/shared)."
    )


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
