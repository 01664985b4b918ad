"""Checking ``style.toml`` key by key, as the workbook is checked: every problem at once.

``KEYS`` is the one description of the file: its tables, their keys, and what each key accepts.
``check`` walks the parsed file against it and returns one located ``Problem`` per thing wrong
(an unknown table or key with the nearest known one, a value of the wrong kind, a missing key);
``StylesInvalid`` carries them to the command line, which prints one ``Error:`` line each.
"""

from __future__ import annotations

import difflib
import functools
import importlib.resources
import json
import math
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from safecity_reports.errors import Problem, UsageError, ValidationFailed


@dataclass(frozen=True)
class Kind:
    """What a key's value must be."""

    accepts: str
    """The words a message uses for what is accepted."""
    test: Callable[[object], bool]
    """Whether a value (as TOML reads it) is acceptable."""


def _number(low: float, high: float) -> Callable[[object], bool]:
    def test(value: object) -> bool:
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and math.isfinite(value)
            and low < value <= high
        )

    return test


def _is_colour(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", value) is not None


COLOUR = Kind('a colour as "#RRGGBB" (such as "#12436D")', _is_colour)
POINTS = Kind("a size in points above 0 and at most 100 (such as 10)", _number(0, 100))
INCHES = Kind("a length in inches above 0 and at most 20 (such as 6.3)", _number(0, 20))
DPI = Kind(
    "a whole number of dots per inch from 72 to 1200 (such as 200)",
    lambda v: isinstance(v, int) and not isinstance(v, bool) and 72 <= v <= 1200,
)
NAME = Kind(
    'a font name in quotes (such as "DejaVu Sans")',
    lambda v: isinstance(v, str) and v.strip() != "",
)
FILE = Kind(
    'a file name in quotes (a file beside style.toml), or "" for none',
    lambda v: isinstance(v, str),
)
LANGUAGE = Kind(
    'a language tag in quotes (such as "en-GB" or "cy-GB")',
    lambda v: (
        isinstance(v, str) and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", v) is not None
    ),
)
RATING_NAME = Kind(
    'a name for the rating in quotes, at most 30 characters (such as "Off track")',
    lambda v: isinstance(v, str) and v.strip() == v and 0 < len(v) <= 30 and v.isprintable(),
)
COLOURS = Kind(
    'a list of one to four colours as "#RRGGBB" (such as ["#12436D", "#28A197"])',
    lambda v: isinstance(v, list) and 1 <= len(v) <= 4 and all(_is_colour(c) for c in v),
)


@dataclass(frozen=True)
class Key:
    """One key of a table."""

    kind: Kind
    required: bool = True


_PALETTE = (
    "primary secondary tertiary muted text note rule header_fill stripe_fill good bad neutral"
)
_SIZES = "body note table title heading1 heading2 heading3"
RATING_KEYS = ("red", "amber", "green", "grey", "not_rated")
"""The ratings as ``style.toml`` names them: ``red`` is its name, ``red_fill`` its colour."""

KEYS: Mapping[str, Mapping[str, Key]] = {
    "palette": {name: Key(COLOUR) for name in _PALETTE.split()},
    "fonts": {"regular": Key(FILE), "bold": Key(FILE), "family": Key(NAME)},
    "sizes": {name: Key(POINTS) for name in _SIZES.split()},
    "charts": {
        "dpi": Key(DPI),
        "width_inches": Key(INCHES),
        "height_inches": Key(INCHES),
        "categorical": Key(COLOURS, required=False),
    },
    "document": {"language": Key(LANGUAGE), "logo": Key(FILE), "reference_docx": Key(FILE)},
    # optional, as it came after councils had copied the styles: a missing key keeps its default
    "ratings": {
        **{name: Key(RATING_NAME, required=False) for name in RATING_KEYS},
        **{f"{name}_fill": Key(COLOUR, required=False) for name in RATING_KEYS},
    },
}
"""Every table of ``style.toml`` and every key it may hold, with what the key accepts."""


class StylesInvalid(ValidationFailed, UsageError):
    """``style.toml`` holds problems: one ``Error:`` line each, exit code 2 (wrong usage)."""

    exit_code = 2

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        Exception.__init__(self, "\n".join(f"Error: {p}" for p in problems))


def shown(value: object) -> str:
    """A value as it is written in TOML: ``"high"``, ``200``, ``["#12436D"]``."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(value)  # a TOML date or time


def _nearest(name: str, known: list[str]) -> str | None:
    close = difflib.get_close_matches(name.casefold(), known, n=1, cutoff=0.6)
    return close[0] if close else None


def check(data: Mapping[str, object], where: str) -> list[Problem]:
    """Every problem with ``data`` (a parsed ``style.toml``) against ``KEYS``: first what is there
    but wrong, in file order, then what is missing. A misspelt table or key is reported once,
    with the name it was probably meant to be, and not again as missing. Never raises."""
    problems: list[Problem] = []
    meant: set[str] = set()  # "table" or "table.key" that a misspelling stands for

    def unknown(what: str, name: str, known: list[str], shape: str) -> None:
        near = _nearest(name, known)
        if near is not None:
            meant.add(near if shape.startswith("[") else f"{what}.{near}")
            hint = f"did you mean {shape.format(near)}?"
        else:
            hint = f"it has {', '.join(shape.format(k) for k in known)}"
        place = "style.toml" if shape.startswith("[") else f"[{what}]"
        name_shown = f"[{name}]" if shape.startswith("[") else f"{what}.{name}"
        kind = "table" if shape.startswith("[") else "key"
        problems.append(Problem(where, f"{name_shown} is not a {kind} of {place} ({hint})"))

    for name, table in data.items():
        if name not in KEYS:
            unknown("", name, list(KEYS), "[{}]")
        elif not isinstance(table, dict):
            problems.append(
                Problem(where, f"{name} must be a table, [{name}], got {name} = {shown(table)}")
            )
        else:
            for key, value in table.items():
                spec = KEYS[name].get(key)
                if spec is None:
                    unknown(name, key, list(KEYS[name]), "'{}'")
                elif not spec.kind.test(value):
                    problems.append(
                        Problem(
                            where, f"{name}.{key} must be {spec.kind.accepts}, got {shown(value)}"
                        )
                    )
    for name, keys in KEYS.items():
        table = data.get(name)
        if name not in data and name not in meant:
            if not any(spec.required for spec in keys.values()):
                continue  # a table of optional keys may be left out
            problems.append(
                Problem(where, f"the [{name}] table is missing; it holds {', '.join(keys)}")
            )
        elif isinstance(table, dict):
            for key, spec in keys.items():
                if spec.required and key not in table and f"{name}.{key}" not in meant:
                    problems.append(
                        Problem(where, f"{name}.{key} is missing; give {spec.kind.accepts}")
                    )
    problems += _same_rating_names(data.get("ratings"), where)
    return problems


@functools.cache
def default_ratings() -> Mapping[str, str]:
    """The ``[ratings]`` table of the default ``style.toml``: what a key left out keeps."""
    text = (importlib.resources.files(__package__) / "default" / "style.toml").read_text("utf-8")
    return MappingProxyType(tomllib.loads(text)["ratings"])


def _same_rating_names(table: object, where: str) -> list[Problem]:
    """Two ratings with the same name, given or kept (the front page counts each under its
    own); reported at the key given, not the one kept."""
    if not isinstance(table, dict):
        return []
    named: dict[str, str] = {}
    problems = []
    given = sorted(RATING_KEYS, key=lambda k: k in table)  # the kept names first
    for key in given:
        name = table.get(key, default_ratings()[key])
        if not RATING_NAME.test(name):
            continue
        assert isinstance(name, str)
        if name.casefold() in named:
            problems.append(
                Problem(
                    where,
                    f"ratings.{key} and ratings.{named[name.casefold()]} are both {shown(name)};"
                    " give each rating a name of its own",
                )
            )
        else:
            named[name.casefold()] = key
    return problems


def check_files(
    data: Mapping[str, Mapping[str, object]], folder: Path, where: str
) -> list[Problem]:
    """Problems with the files ``data`` (already checked by ``check``) names beside it: a font or
    logo that is not there, a logo that is not a PNG, a reference document that is not there."""
    problems: list[Problem] = []
    for table, key in (
        ("fonts", "regular"),
        ("fonts", "bold"),
        ("document", "logo"),
        ("document", "reference_docx"),
    ):
        name = data[table][key]
        assert isinstance(name, str)
        if not name:
            continue
        if not (folder / name).is_file():
            problems.append(
                Problem(
                    where, f"{table}.{key} names {shown(name)}, which is not a file in {folder}"
                )
            )
        elif key == "logo" and not name.lower().endswith(".png"):
            problems.append(
                Problem(where, f"{table}.{key}: the logo must be a .png file, got '{name}'")
            )
    return problems
