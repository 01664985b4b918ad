"""scipy (a second to import) is imported only when a statistic that needs it is computed: a
report whose measures make no significance test, funnel or interval never pays for it."""

from __future__ import annotations

import subprocess
import sys

PROGRAM = """
import sys
import safecity_reports.build, safecity_reports.core.status, safecity_reports.stats
import safecity_reports.layout.report, safecity_reports.reading.load
assert "scipy" not in sys.modules, "imported before any statistic is computed"
from safecity_reports.stats import compare_counts
assert 0 < compare_counts(10, 1.0, 30, 1.0) < 0.01
assert "scipy.stats" in sys.modules, "the test was made with scipy"
"""


def test_scipy_is_imported_only_when_a_test_is_made() -> None:
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
