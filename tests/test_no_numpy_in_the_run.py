"""The report's own process (and the Word process forked from it) never imports numpy: only the
chart process needs it, with matplotlib. openpyxl is read without it (``reading.openpyxl_alone``)
and Word's pictures are rendered into a plain buffer (``charts.raster``): 0.1 s of q2's run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROGRAM = """
import sys
from safecity_reports.cli import main
try:
    main([sys.argv[1], "-o", sys.argv[2], "--no-cache", "-q"])
except SystemExit as exc:
    assert exc.code == 0, exc.code
assert "numpy" not in sys.modules, "imported by the report's process"
import numpy  # importable still, for whatever needs it after
from openpyxl.compat.numbers import NUMERIC_TYPES
assert float in NUMERIC_TYPES
print("ok")
"""


def test_the_report_is_made_without_numpy_in_its_process(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(ROOT / "inputs" / "q2.xlsx"), str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
    assert (tmp_path / "q2.docx").stat().st_size > 0
    assert (tmp_path / "q2.pdf").stat().st_size > 0


def test_openpyxl_imported_after_numpy_keeps_numpys_numbers() -> None:
    program = (
        "import numpy\n"
        "from safecity_reports.reading.openpyxl_alone import import_openpyxl\n"
        "import_openpyxl()\n"
        "from openpyxl.compat.numbers import NUMERIC_TYPES\n"
        "assert numpy.int64 in NUMERIC_TYPES\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
