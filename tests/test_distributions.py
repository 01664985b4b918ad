"""``stats.distributions`` gives what ``scipy.stats`` gives, to the last bit, without importing it.

Every p-value and limit the report prints or judges by came from ``scipy.stats`` before; these
compare the two with ``==`` over grids wider than any workbook's figures."""

from __future__ import annotations

import math
import random
import subprocess
import sys
from pathlib import Path

import pytest
from scipy import stats
from scipy.special import _ufuncs as special_ufuncs

from safecity_reports.stats import distributions
from safecity_reports.stats.distributions import (
    benjamini_hochberg,
    binomial_test,
    chi2_ppf,
    chi2_sf,
    fisher_test,
    normal_isf,
    normal_sf,
)

ROOT = Path(__file__).parent.parent
SHARES = [0.01, 0.1, 0.2, 0.25, 1 / 3, 0.4, 0.5, 0.55, 0.6, 2 / 3, 0.75, 0.9, 0.99]


def _same(ours: float, theirs: float) -> bool:
    return (math.isnan(ours) and math.isnan(theirs)) or ours == float(theirs)


def test_the_binomial_test_is_scipys_for_every_small_count():
    for n in range(1, 61):
        for p in SHARES:
            for k in range(n + 1):
                expected = stats.binomtest(k, n, p).pvalue
                assert binomial_test(k, n, p) == expected, (k, n, p)


def test_the_binomial_test_is_scipys_for_large_counts():
    rng = random.Random(26)
    for _ in range(1500):
        n = rng.choice([rng.randint(61, 500), rng.randint(500, 20_000), rng.randint(1, 5)])
        p = rng.choice([rng.random(), *SHARES, n and 1 / n])
        k = rng.choice([rng.randint(0, n), round(n * p), min(n, round(n * p) + 1)])
        expected = stats.binomtest(k, n, p).pvalue
        assert binomial_test(k, n, p) == expected, (k, n, p)


def test_the_binomial_test_refuses_what_scipy_refuses():
    for k, n, p in [(-1, 5, 0.5), (6, 5, 0.5), (0, 0, 0.5), (1, 5, 1.5), (1, 5, -0.1)]:
        with pytest.raises(ValueError):
            binomial_test(k, n, p)


def test_the_normal_and_chi_squared_functions_are_scipys():
    rng = random.Random(7)
    xs = [0.0, -0.0, 1e-300, 0.5, 1.0, 1.96, 3.09, 8.0, 40.0, -2.0, math.inf, -math.inf, math.nan]
    xs += [rng.uniform(-10, 10) for _ in range(300)]
    for x in xs:
        assert _same(normal_sf(x), stats.norm.sf(x)), x
    qs = [0.0, 1.0, 1e-300, 0.001, 0.025, 0.5, 0.975, 1 - 1e-12, -0.1, 1.1, math.nan]
    qs += [rng.random() for _ in range(300)]
    for q in qs:
        assert _same(normal_isf(q), stats.norm.isf(q)), q
        for df in (0.5, 1, 2, 3, 9, 10.5, 40, 399):
            assert _same(chi2_ppf(q, df), stats.chi2.ppf(q, df)), (q, df)
    for x in [0.0, -1.0, 1e-9, 0.5, 3.0, 30.0, 400.0, 1e4, math.inf, math.nan]:
        for df in (1, 2, 5, 9, 49, 200):
            assert _same(chi2_sf(x, df), stats.chi2.sf(x, df)), (x, df)
    assert math.isnan(chi2_sf(1.0, 0)) and math.isnan(chi2_ppf(0.5, -1))


def test_without_scipys_own_distributions_the_tests_are_scipy_stats(monkeypatch):
    # another scipy, without the private functions: the same answers, through scipy.stats
    monkeypatch.setattr(distributions, "_binomial", distributions._from_scipy_stats)
    monkeypatch.setattr(distributions, "_hyper", distributions._hyper_from_scipy_stats)
    for k, n, p in [(3, 10, 0.5), (0, 7, 0.2), (120, 300, 0.45)]:
        assert binomial_test(k, n, p) == stats.binomtest(k, n, p).pvalue
    for x1, n1, x2, n2 in [(3, 10, 7, 10), (0, 5, 5, 5), (40, 300, 70, 280)]:
        expected = stats.fisher_exact([[x1, n1 - x1], [x2, n2 - x2]]).pvalue
        assert fisher_test(x1, n1, x2, n2) == expected


SCIPYS_OWN = all(
    hasattr(special_ufuncs, name)
    for name in ("_binom_pmf", "_binom_cdf", "_binom_sf", "_hypergeom_pmf", "_hypergeom_sf")
)
"""Whether this scipy has the Boost functions the tests are made from (else scipy.stats's)."""


@pytest.mark.skipif(not SCIPYS_OWN, reason="this scipy has no Boost binomial of its own")
@pytest.mark.parametrize("name", ["late-figures.xlsx", "monthly-spc.xlsx"])
def test_a_workbook_with_tests_does_not_import_scipy_stats(name):
    # the point of the module: reading, checking and judging a workbook with tests of its counts
    # (and, in the monthly one, proportions, a funnel and widened limits) leaves scipy.stats
    # (half a second) unimported
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from safecity_reports import api\n"
        "report, _ = api.read_workbook(Path(sys.argv[1]))\n"
        "api.lay_out(report)\n"
        "assert 'scipy.special' in sys.modules, 'no test was made'\n"
        "print('scipy.stats' in sys.modules)\n"
    )
    workbook = ROOT / "inputs" / "examples" / name
    run = subprocess.run(
        [sys.executable, "-c", code, str(workbook)], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == "False"


def test_fishers_test_is_scipys_for_every_small_table():
    for n1 in range(1, 16):
        for n2 in range(1, 16):
            for x1 in range(n1 + 1):
                for x2 in range(n2 + 1):
                    table = [[x1, n1 - x1], [x2, n2 - x2]]
                    expected = stats.fisher_exact(table).pvalue
                    assert fisher_test(x1, n1, x2, n2) == expected, table


def test_fishers_test_is_scipys_for_large_tables():
    rng = random.Random(14)
    for _ in range(1500):
        n1, n2 = rng.randint(1, 5000), rng.choice([rng.randint(1, 5000), rng.randint(1, 40)])
        share = rng.random()
        x1 = min(n1, max(0, round(n1 * share) + rng.randint(-30, 30)))
        x2 = min(n2, max(0, round(n2 * share) + rng.randint(-30, 30)))
        table = [[x1, n1 - x1], [x2, n2 - x2]]
        assert fisher_test(x1, n1, x2, n2) == stats.fisher_exact(table).pvalue, table
    with pytest.raises(ValueError):
        fisher_test(3, 2, 1, 4)


def test_the_false_discovery_rate_is_scipys():
    rng = random.Random(3)
    cases = [[], [0.3], [0.5, 0.6, 0.1, 0.001], [0.04, 0.04, 0.04], [0.0, 1.0, 0.5, 0.5]]
    for _ in range(400):
        m = rng.randint(2, 60)
        pool = [rng.random(), rng.random() ** 6, rng.choice([0.01, 0.05, 0.2])]
        cases.append([rng.choice(pool) if rng.random() < 0.3 else rng.random() for _ in range(m)])
    for values in cases:
        ours = benjamini_hochberg(values)
        theirs = values if len(values) < 2 else stats.false_discovery_control(values)
        assert ours == [float(q) for q in theirs], values
