"""scipy (a second to import) is imported only when a statistic that needs it is computed: a
report whose measures make no significance test, funnel or interval never pays for it; and
then only ``scipy.special``, never ``scipy.stats`` (half a second more)."""

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
assert "scipy.special" in sys.modules, "the test was made with scipy"
from scipy.special import _ufuncs  # a scipy without its own Boost binomial uses scipy.stats's
if hasattr(_ufuncs, "_binom_pmf"):
    assert "scipy.stats" not in sys.modules, "the test imported scipy.stats"
"""


def test_scipy_is_imported_only_when_a_test_is_made() -> None:
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# q2 states no population, so it makes no significance test; its pages still print Wilson and
# Byar's intervals, whose normal quantile is the standard library's: scipy is not imported.
LAY_OUT_Q2 = """
import sys
from datetime import date
from pathlib import Path
from safecity_reports.core.verdicts import judge
from safecity_reports.layout.report import build_document
from safecity_reports.reading.load import load_report
report, _ = load_report(Path("inputs/q2.xlsx"))
document = build_document(report, judge(report), date(2026, 12, 6))
assert any("confidence interval" in str(block) for block in document.blocks), "no interval printed"
assert "scipy" not in sys.modules, sorted(m for m in sys.modules if m.startswith("scipy"))[:5]
"""


def test_an_interval_alone_does_not_import_scipy() -> None:
    done = subprocess.run([sys.executable, "-c", LAY_OUT_Q2], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_standard_librarys_normal_quantile_is_scipys() -> None:
    from scipy.stats import norm

    from safecity_reports.stats.intervals import z_score

    for confidence in (0.5, 0.8, 0.9, 0.95, 0.99, 0.998, 0.999999):
        expected = norm.ppf(confidence + (1 - confidence) / 2)
        assert abs(z_score(confidence) - expected) <= 1e-14 * expected
