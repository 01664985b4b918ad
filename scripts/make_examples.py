"""Write the example workbooks in inputs/examples/ from today's template (made-up figures in the
shapes real partnerships publish). Run from the repository: python scripts/make_examples.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from safecity_reports.reading import schema  # noqa: E402
from safecity_reports.reading.template import new_workbook  # noqa: E402

Rows = dict[str, list[dict[str, Any]]]


def _write(path: Path, settings: dict[str, Any], records: Rows) -> None:
    wb = new_workbook()
    ws = wb[schema.SETTINGS]
    names = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    for name, value in settings.items():
        ws.cell(row=names[name], column=2, value=value)
    for sheet, rows in records.items():
        spec = next(s for s in schema.DATA_SHEETS if s.name == sheet)
        headers = [c.header for c in spec.columns]
        target = wb[sheet]
        for values in rows:
            row = target.max_row + 1
            for header, value in values.items():
                target.cell(row=row, column=headers.index(header) + 1, value=value)
    wb.save(path)


def _measure(mid: str, action: str, name: str, **more: Any) -> dict[str, Any]:
    row = {
        "Measure": mid,
        "Action": action,
        "Name": name,
        "Unit": "Count",
        "Polarity": "Low is good",
        "Frequency": "Quarterly",
        "Decimals": 0,
    }
    row.update(more)
    return row


def _data(mid: str, *figures: tuple[str, Any]) -> list[dict[str, Any]]:
    return [{"Measure": mid, "Period": p, "Actual": a} for p, a in figures]


def force_year_to_date() -> tuple[dict[str, Any], Rows]:
    """A force area's crime table at Q3: counts from April, baselines, year-end targets."""
    ytd = {"Figures are": "Year to date", "Baseline period": "2012/13", "Target date": "2013/14"}
    return (
        {
            "Partnership": "Westshire Police and Crime Commissioner",
            "Report title": "Police and crime plan: performance",
            "Reporting period": "2013/14 Q3",
        },
        {
            "Agencies": [{"Agency": "Westshire Constabulary"}],
            "Priorities": [{"Priority": 1, "Name": "Cut crime"}],
            "Key actions": [
                {
                    "Action": "1.1",
                    "Priority": 1,
                    "Key action": "Reduce victim-based crime.",
                    "Lead agency": "Westshire Constabulary",
                }
            ],
            "Measures": [
                _measure(
                    "1.1a",
                    "1.1",
                    "Victim-based crime - Count",
                    Baseline=40861,
                    Target=38000,
                    Source="Westshire Constabulary",
                    **ytd,
                ),
                _measure(
                    "1.1b",
                    "1.1",
                    "Burglary - Count",
                    Baseline=4150,
                    Target="Reduction",
                    Source="Westshire Constabulary",
                    **ytd,
                ),
            ],
            "Data": [
                *_data(
                    "1.1a",
                    ("2012/13 Q3", 30658),
                    ("2013/14 Q1", 9870),
                    ("2013/14 Q2", 20409),
                    ("2013/14 Q3", 29012),
                ),
                *_data(
                    "1.1b",
                    ("2012/13 Q3", 3120),
                    ("2013/14 Q1", 1002),
                    ("2013/14 Q2", 2110),
                    ("2013/14 Q3", 3185),
                ),
            ],
            "Commentary": [{"Page": "1.1", "Text": "Crime is below last year's level so far."}],
        },
    )


def year_end_comparative() -> tuple[dict[str, Any], Rows]:
    """A year-end report: two annual figures per measure, no key actions of substance."""
    annual = {"Frequency": "Annual", "Unit": "Rate per 1,000", "Decimals": 2}
    return (
        {
            "Partnership": "Eastvale Community Safety Partnership",
            "Report title": "Annual strategic assessment",
            "Reporting period": "2018/19",
        },
        {
            "Agencies": [{"Agency": "Eastvale Council"}],
            "Priorities": [{"Priority": 1, "Name": "Violence"}],
            "Key actions": [
                {
                    "Action": "1.1",
                    "Priority": 1,
                    "Key action": "Violence measures.",
                    "Lead agency": "Eastvale Council",
                }
            ],
            "Measures": [
                _measure("1.1a", "1.1", "Violence against the person - Rate per 1,000", **annual),
                _measure(
                    "1.1b",
                    "1.1",
                    "Robbery - Rate per 1,000",
                    **{**annual, "Little change": "2%"},
                ),
            ],
            "Data": [
                *_data("1.1a", ("2017/18", 50.30), ("2018/19", 53.18)),
                *_data("1.1b", ("2017/18", 0.76), ("2018/19", 0.75)),
            ],
        },
    )


def one_period_monthly() -> tuple[dict[str, Any], Rows]:
    """A report for one month with no earlier figures: nothing can be compared."""
    return (
        {
            "Partnership": "Northbridge Safer Neighbourhoods",
            "Report title": "Monthly dashboard",
            "Reporting period": "Jan 2016",
        },
        {
            "Agencies": [{"Agency": "Northbridge Police"}],
            "Priorities": [{"Priority": 1, "Name": "Anti-social behaviour"}],
            "Key actions": [
                {
                    "Action": "1.1",
                    "Priority": 1,
                    "Key action": "Respond to anti-social behaviour.",
                    "Lead agency": "Northbridge Police",
                }
            ],
            "Measures": [
                _measure("1.1a", "1.1", "ASB incidents - Count", Frequency="Monthly"),
                _measure("1.1b", "1.1", "Repeat callers - Count", Frequency="Monthly"),
            ],
            "Data": [*_data("1.1a", ("Jan 2016", 412)), *_data("1.1b", ("Jan 2016", 37))],
            "Commentary": [{"Page": "1.1", "Text": "The first month of the new dashboard."}],
        },
    )


def late_figures() -> tuple[dict[str, Any], Rows]:
    """A quarterly report where one measure's figure is late and another's is still to come."""
    return (
        {
            "Partnership": "Southdown Safer Communities",
            "Report title": "Performance report",
            "Reporting period": "2013/14 Q4",
        },
        {
            "Agencies": [{"Agency": "Southdown Council"}],
            "Priorities": [{"Priority": 1, "Name": "Reduce reoffending"}],
            "Key actions": [
                {
                    "Action": "1.1",
                    "Priority": 1,
                    "Key action": "Support offenders away from crime.",
                    "Lead agency": "Southdown Council",
                }
            ],
            "Measures": [
                _measure(
                    "1.1a",
                    "1.1",
                    "Offenders in work at the end of their order (%)",
                    Unit="Percentage",
                    Polarity="High is good",
                    Decimals=1,
                ),
                _measure("1.1b", "1.1", "Proven reoffences - Count"),
                _measure("1.1c", "1.1", "Offenders managed - Count"),
            ],
            "Data": [
                *_data("1.1a", ("2013/14 Q1", 50.9), ("2013/14 Q2", 46.6)),
                *_data("1.1b", ("2013/14 Q3", 212), ("2013/14 Q4", "NYA")),
                *_data("1.1c", ("2013/14 Q3", 140), ("2013/14 Q4", 138)),
            ],
            "Commentary": [{"Page": "1.1", "Text": "Two returns are late this quarter."}],
        },
    )


EXAMPLES = {
    "force-year-to-date.xlsx": force_year_to_date,
    "year-end-comparative.xlsx": year_end_comparative,
    "one-period-monthly.xlsx": one_period_monthly,
    "late-figures.xlsx": late_figures,
}


def main() -> None:
    folder = ROOT / "inputs" / "examples"
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in EXAMPLES.items():
        _write(folder / name, *make())
        print(f"Wrote {folder / name}")


if __name__ == "__main__":
    main()
