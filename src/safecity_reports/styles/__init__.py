"""The report's look, read from a styles folder so a council can restyle it without code.

The defaults ship inside the package (``styles/default``); ``make-report styles DIR`` copies them
out to edit, and ``--styles DIR`` uses the copy.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import tomllib
from dataclasses import dataclass
from pathlib import Path

from safecity_reports.errors import UsageError

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


def _dejavu(bold: bool) -> Path:
    # found without importing matplotlib, which a re-run of an unchanged report never needs
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise UsageError("matplotlib is not installed, and the styles name no font files")
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf" / name


def load_styles(folder: Path | None = None) -> Styles:
    """Read ``style.toml`` from ``folder``. Raises ``UsageError`` naming a bad or missing entry."""
    folder = Path(folder) if folder is not None else DEFAULT_FOLDER
    path = folder / "style.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"the styles file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path} is not valid TOML: {exc}") from None
    try:
        palette = Palette(**data["palette"])
        sizes = Sizes(**data["sizes"])
        fonts, charts, document = data["fonts"], data["charts"], data["document"]

        def optional_file(name: str) -> Path | None:
            return (Path(folder) / name) if name else None

        styles = Styles(
            palette=palette,
            sizes=sizes,
            font_family=fonts["family"],
            font_regular=optional_file(fonts["regular"]) or _dejavu(bold=False),
            font_bold=optional_file(fonts["bold"]) or _dejavu(bold=True),
            chart_dpi=int(charts["dpi"]),
            chart_size=(float(charts["width_inches"]), float(charts["height_inches"])),
            language=document["language"],
            logo=optional_file(document["logo"]),
            reference_docx=optional_file(document["reference_docx"]),
            chart_categorical=tuple(charts.get("categorical", CATEGORICAL)),
        )
    except (KeyError, TypeError) as exc:
        raise UsageError(f"{path}: missing or unknown entry {exc}") from None
    for file in (styles.font_regular, styles.font_bold, styles.logo):
        if file is not None and not file.is_file():
            raise UsageError(f"{path}: the file {file} does not exist")
    if styles.logo is not None and styles.logo.suffix.lower() != ".png":
        raise UsageError(f"{path}: the logo must be a .png file, got '{styles.logo.name}'")
    return styles
