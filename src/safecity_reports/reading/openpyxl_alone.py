"""openpyxl imported without numpy, where numpy is not imported yet.

openpyxl imports numpy (0.1 s, more than openpyxl itself) only to accept numpy's numbers as the
values of cells it writes. Reading a workbook never needs it, and the run reads the workbook
while the chart process (which has numpy with matplotlib) waits for its charts: a report's
charts are sent a tenth of a second sooner without it. numpy stays importable: what needs it
later (Word's pictures, the statistics) imports it then.
"""

from __future__ import annotations

import sys


def import_openpyxl() -> None:
    """Import openpyxl, without numpy unless numpy is already imported."""
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # openpyxl then takes no numpy
    try:
        import openpyxl  # noqa: F401
    finally:
        if sys.modules.get("numpy", ...) is None:
            del sys.modules["numpy"]
