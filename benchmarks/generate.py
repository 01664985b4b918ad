"""Realistic synthetic workbooks in our template's format, of any number of measures.

Each measure has 5 to 8 periods (quarters, financial years, months or rolling years, ending at
or before the reporting period), a third have a benchmark series and some a target; every page
has commentary paragraphs with bullets, sub-bullets and bold; about one measure in thirty is a
Most Similar Group position with a ranking table of fifteen areas and the group's limits; one
action in ten has no measure but key figures. The same ``measures`` and ``seed`` always give the
same workbook, and it passes ``validate.load_report`` with no errors and no warnings.

    python -m benchmarks.generate 300 bench-300.xlsx
"""

from __future__ import annotations

import random
import string
import sys
from pathlib import Path

from openpyxl.workbook.workbook import Workbook

from safecity_reports.reading import schema
from safecity_reports.reading.template import new_workbook

REPORTING_PERIOD = "2016/17 Q2"
AGENCIES = (
    "Safe City Partnership",
    "Hampshire Constabulary",
    "Southampton City Council",
    "Hampshire Fire and Rescue",
    "National Probation Service",
    "Public Health",
)
SOURCES = (
    "Iquanta crime data",
    "Safe City Survey",
    "Police records management system",
    "Youth Offending Team returns",
    "Hospital emergency department data",
    "Licensing register",
    "Fire incident recording system",
)
TOPICS = (
    "Total crime",
    "Anti-social behaviour",
    "Violence with injury",
    "Domestic abuse",
    "Shoplifting",
    "Burglary",
    "Criminal damage",
    "Hate crime",
    "Night-time violence",
    "Repeat victimisation",
    "Reoffending",
    "Young people entering the justice system",
    "Deliberate fires",
    "Alcohol-related admissions",
    "Vehicle crime",
    "Cycle theft",
)
AREAS = (
    "Luton",
    "Eastbourne",
    "Plymouth",
    "Gloucester",
    "Derby",
    "Slough",
    "Hounslow",
    "Reading",
    "Cardiff",
    "Newcastle",
    "Northampton",
    "Leeds",
    "Bristol, City of",
    "Portsmouth",
)
OWN_AREA = "Southampton"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WORDS = (
    "partnership",
    "patrols",
    "neighbourhood",
    "campaign",
    "victims",
    "offenders",
    "city",
    "quarter",
    "agencies",
    "residents",
    "support",
    "prevention",
    "figures",
    "reports",
    "officers",
    "schools",
    "licensed premises",
    "hotspots",
    "outreach",
    "referrals",
)


def quarters(count: int) -> list[str]:
    """The ``count`` financial-year quarters up to the reporting period."""
    labels, year, quarter = [], 2016, 2
    for _ in range(count):
        labels.append(f"{year}/{(year + 1) % 100:02d} Q{quarter}")
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return labels[::-1]


def years(count: int) -> list[str]:
    return [f"{y}/{(y + 1) % 100:02d}" for y in range(2016 - count, 2016)]


def months(count: int) -> list[str]:
    # Sep 2016 (month 8 counted from January) and the months before it
    return [f"{MONTHS[m % 12]} {m // 12}" for m in range(2016 * 12 + 8 - count + 1, 2016 * 12 + 9)]


def rolling_years(count: int) -> list[str]:
    """Twelve-month spans ending each quarter, the last ending Sep 2016."""
    spans = []
    for k in range(count):
        end = 2016 * 12 + 8 - 3 * k
        start = end - 11
        spans.append(f"{MONTHS[start % 12]} {start // 12} - {MONTHS[end % 12]} {end // 12}")
    return spans[::-1]


FREQUENCIES = (
    ("Quarterly", quarters),
    ("Quarterly", quarters),
    ("Annual", years),
    ("Monthly", months),
    ("Rolling 12 months", rolling_years),
)
UNITS = (
    ("Rate per 1,000", 2, 5.0, 60.0),
    ("Percentage", 0, 20.0, 95.0),
    ("Count", 0, 20.0, 900.0),
    ("Rate per 10,000", 1, 2.0, 40.0),
)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _commentary(rng: random.Random, topic: str) -> list[str]:
    """Two or three paragraphs, with bullets and sometimes a sub-bullet and bold words."""
    rows = [
        f"{topic} {rng.choice(('rose', 'fell', 'held steady'))} this quarter. "
        + " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(2, 4)))
    ]
    rows.append("Activity this quarter included:")
    for _ in range(rng.randint(2, 4)):
        rows.append(f"- **{rng.choice(WORDS).capitalize()}**: {_sentence(rng, rng.randint(6, 20))}")
    if rng.random() < 0.4:
        rows.append(f"-- {_sentence(rng, rng.randint(5, 12))}")
    if rng.random() < 0.5:
        rows.append(" ".join(_sentence(rng, rng.randint(8, 14)) for _ in range(2)))
    return rows


def make_workbook(measures: int, seed: int = 0) -> Workbook:
    """A valid workbook with ``measures`` measures (at least 1)."""
    rng = random.Random(seed)
    wb = new_workbook()
    rows: dict[str, list[tuple[object, ...]]] = {s.name: [] for s in schema.DATA_SHEETS}
    priorities = min(8, max(3, measures // 40))
    for number in range(1, priorities + 1):
        rows["Priorities"].append((number, f"Priority {number}: {rng.choice(TOPICS).lower()}"))
    rows["Agencies"] = [(a,) for a in AGENCIES]

    made, action_number = 0, 0
    while made < measures:
        action_number += 1
        priority = (action_number - 1) % priorities + 1
        action = f"{priority}.{(action_number - 1) // priorities + 1}"
        topic = rng.choice(TOPICS)
        lead = rng.choice(AGENCIES)
        text = f"Reduce {topic.lower()} through {rng.choice(WORDS)} and {rng.choice(WORDS)} work."
        if action_number % 10 == 0:  # an action reported by key figures, with no measure
            rows["Key actions"].append(
                (action, priority, text, lead, f"More {rng.choice(WORDS)}", rng.choice(SOURCES))
            )
            tests = rng.randint(10, 40)
            rows["Key figures"] += [
                (action, "Funding allocated", rng.randint(5, 50) * 1000, "Pounds", None, None),
                (action, "Test purchases refused", rng.randint(1, tests), "Count", tests, 70),
            ]
            rows["Commentary"] += [(action, line) for line in _commentary(rng, topic)]
            continue
        rows["Key actions"].append((action, priority, text, lead, None, None))
        count = min(rng.choice((1, 1, 2, 2, 3)), measures - made)
        ids = [action] if count == 1 else [action + string.ascii_lowercase[i] for i in range(count)]
        for measure in ids:
            made += 1
            if made % 30 == 0:
                _ranked_measure(rng, rows, measure, action, topic)
            else:
                _measure(rng, rows, measure, action, topic)
        page = ids[0] if count == 1 else f"{ids[0]}-{ids[-1][-1]}"
        rows["Commentary"] += [(page, line) for line in _commentary(rng, topic)]

    _set(wb, "Partnership", "Benchmark Safe City Partnership")
    _set(wb, "Report title", "Performance report")
    _set(wb, "Reporting period", REPORTING_PERIOD)
    _set(wb, "Published by", "Benchmark Safe City Partnership")
    _set(wb, "Report date", "November 2016")
    for name, records in rows.items():
        ws = wb[name]
        for record in records:
            ws.append(record)
    return wb


def _measure(rng: random.Random, rows: dict, measure: str, action: str, topic: str) -> None:
    frequency, labels = rng.choice(FREQUENCIES)
    unit, decimals, low, high = rng.choice(UNITS)
    periods = labels(rng.randint(5, 8))
    benchmark = rng.random() < 0.35
    target = round(rng.uniform(low, high), decimals) if rng.random() < 0.25 else None
    polarity = rng.choice(("High is good", "Low is good", "Low is good", "No preferred direction"))
    rows["Measures"].append(
        (
            measure,
            action,
            f"{topic} ({unit.lower()}) - measure {measure}",
            unit,
            polarity,
            frequency,
            decimals,
            "Most similar group average" if benchmark else None,
            target,
            round(abs(target) * 0.05, decimals) if target is not None else None,
            rng.choice(SOURCES),
            "Figures are provisional." if rng.random() < 0.1 else None,
        )
    )
    value = rng.uniform(low, high)
    for period in periods:
        value = min(high, max(low, value * rng.uniform(0.9, 1.1)))
        actual: object = round(value, decimals)
        if rng.random() < 0.03:
            actual = "n/a"
        bench = round(min(high, value * rng.uniform(0.85, 1.15)), decimals) if benchmark else None
        rows["Data"].append((measure, period, actual, bench, None))


def _ranked_measure(rng: random.Random, rows: dict, measure: str, action: str, topic: str) -> None:
    """A Most Similar Group position: its latest figure is our place in the ranking."""
    rows["Measures"].append(
        (
            measure,
            action,
            f"Most Similar Group position ({topic.lower()} per 1,000)",
            "Rank",
            "Low is good",
            "Quarterly",
            0,
            None,
            None,
            None,
            "Iquanta crime data",
            None,
        )
    )
    values = rng.sample(range(40, 140), len(AREAS) + 1)
    own = values[-1]
    position = 1 + sum(v < own for v in values)
    periods = quarters(rng.randint(5, 8))
    for i, period in enumerate(periods):
        place = position if i == len(periods) - 1 else rng.randint(1, len(AREAS) + 1)
        rows["Data"].append((measure, period, place, None, None))
    for area, value in zip((*AREAS, OWN_AREA), values, strict=True):
        rows["Rankings"].append(
            (measure, REPORTING_PERIOD, area, value, "Yes" if area == OWN_AREA else None)
        )
    average = sum(values) / len(values)
    rows["Group limits"].append(
        (
            measure,
            REPORTING_PERIOD,
            round(average, 1),
            round(average * 0.8, 1),
            round(average * 1.2, 1),
        )
    )


def _set(wb: Workbook, name: str, value: object) -> None:
    ws = wb[schema.SETTINGS]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == name)
    ws.cell(row=row, column=2).value = value


def write_workbook(path: Path, measures: int, seed: int = 0) -> Path:
    """Write the workbook with ``measures`` measures to ``path``."""
    make_workbook(measures, seed).save(path)
    return Path(path)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m benchmarks.generate MEASURES OUTPUT.xlsx")
    print(f"Wrote {write_workbook(Path(sys.argv[2]), int(sys.argv[1]))}")
