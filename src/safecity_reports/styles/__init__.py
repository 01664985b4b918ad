"""The report's look, read from a styles folder so a council can restyle it without code.

The defaults ship inside the package (``styles/default``); ``make-report styles DIR`` copies them
out to edit, and ``--styles DIR`` uses the copy.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import shutil
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from safecity_reports.errors import UsageError
from safecity_reports.files import replace_atomically
from safecity_reports.styles.checks import (
    RATING_KEYS,
    StylesInvalid,
    check,
    check_files,
    default_ratings,
)

DEFAULT_FOLDER = Path(str(importlib.resources.files(__name__) / "default"))
"""The styles shipped inside the package (used when no other folder is given). The package is
installed as files (not zipped), so this is a real folder that reportlab and python-docx open."""


@dataclass(frozen=True)
class Palette:
    """Colours as ``#RRGGBB``."""

    primary: str
    secondary: str
    tertiary: str
    muted: str
    text: str
    note: str
    rule: str
    header_fill: str
    stripe_fill: str
    good: str
    bad: str
    neutral: str


@dataclass(frozen=True)
class Sizes:
    """Font sizes in points."""

    body: float
    note: float
    table: float
    title: float
    heading1: float
    heading2: float
    heading3: float


@dataclass(frozen=True)
class RatingLook:
    """How one rating is printed: its words, and the fill of its cell."""

    name: str
    fill: str
    """``#RRGGBB``; its text is black or white (``contrast.text_on``)."""


def _rating_looks(table: dict[str, str]) -> tuple[tuple[str, RatingLook], ...]:
    given = {**default_ratings(), **table}
    return tuple((key, RatingLook(given[key], given[f"{key}_fill"])) for key in RATING_KEYS)


CATEGORICAL = ("#12436D", "#28A197", "#801650", "#F46A25")
"""The Analysis Function's categorical palette (afcharts), first four colours."""


@dataclass(frozen=True)
class Styles:
    """Everything the renderers and charts take their look from."""

    palette: Palette
    sizes: Sizes
    font_family: str
    font_regular: Path
    """A TrueType file with every glyph the report uses."""
    font_bold: Path
    chart_dpi: int
    chart_size: tuple[float, float]
    """Width and height of a chart in inches."""
    language: str
    logo: Path | None
    reference_docx: Path | None
    """The Word document whose styles the report is built on."""
    chart_categorical: tuple[str, ...] = CATEGORICAL
    """Series colours, in order, for a chart with three or more series (two series use primary
    and secondary, one uses primary)."""
    ratings: tuple[tuple[str, RatingLook], ...] = field(default_factory=lambda: _rating_looks({}))
    """Each rating (``red``, ``amber``, ``green``, ``grey``, ``not_rated``) as printed."""

    def rating(self, level: str) -> RatingLook:
        """How the rating ``level`` ("Red", "Not rated": a Ratings sheet word) is printed."""
        return dict(self.ratings)[level.lower().replace(" ", "_")]

    @property
    def rating_names(self) -> dict[str, str]:
        """Each Ratings sheet word ("Not rated") and the name printed for it."""
        return {key.replace("_", " ").capitalize(): look.name for key, look in self.ratings}


def _dejavu(bold: bool) -> Path:
    # found without importing matplotlib, which a re-run of an unchanged report never needs
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise UsageError("matplotlib is not installed, and the styles name no font files")
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf" / name


def load_styles(folder: Path | None = None) -> Styles:
    """Read ``style.toml`` from ``folder`` (the defaults when None).

    Raises ``UsageError`` when there is no ``style.toml`` or it is not TOML, and
    ``StylesInvalid`` (a ``UsageError``) listing every unknown, missing or bad key and every
    file it names that is not there, one problem a line.
    """
    folder = Path(folder) if folder is not None else DEFAULT_FOLDER
    path = folder / "style.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        raise UsageError(
            f"the styles file {path} does not exist; make-report styles {folder} writes one"
        ) from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a folder, not a styles file") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not text in UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path} is not valid TOML: {exc}") from None
    problems = check(data, str(path))
    if not problems:
        problems = check_files(data, folder, str(path))
    if problems:
        raise StylesInvalid(problems)
    fonts, charts, document = data["fonts"], data["charts"], data["document"]

    def optional_file(name: str) -> Path | None:
        return (folder / name) if name else None

    return Styles(
        palette=Palette(**data["palette"]),
        sizes=Sizes(**data["sizes"]),
        font_family=fonts["family"],
        font_regular=optional_file(fonts["regular"]) or _dejavu(bold=False),
        font_bold=optional_file(fonts["bold"]) or _dejavu(bold=True),
        chart_dpi=charts["dpi"],
        chart_size=(float(charts["width_inches"]), float(charts["height_inches"])),
        language=document["language"],
        logo=optional_file(document["logo"]),
        reference_docx=optional_file(document["reference_docx"]),
        chart_categorical=tuple(charts.get("categorical", CATEGORICAL)),
        ratings=_rating_looks(data.get("ratings", {})),
    )


def write_default_styles(folder: Path, force: bool = False) -> list[Path]:
    """Copy the default styles (``style.toml``, ``reference.docx`` and the fonts) into ``folder`` for a
    council to edit, creating it if needed; returns the files written.

    Raises ``UsageError`` if ``folder`` is a file, or a folder that is not empty and ``force`` is
    not given. Each file is written whole or not at all.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise UsageError(f"{folder} is not empty; use --force to overwrite the styles in it")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot make the folder {folder}: {exc.strerror}") from None
    written = []
    for source in sorted(DEFAULT_FOLDER.rglob("*")):  # the fonts are in a folder of their own
        if source.is_file() and "__pycache__" not in source.parts:
            target = folder / source.relative_to(DEFAULT_FOLDER)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise UsageError(
                    f"cannot make the folder {target.parent}: {exc.strerror}"
                ) from None
            with replace_atomically(target) as tmp:
                shutil.copyfile(source, tmp)
            written.append(target)
    return written
