"""The styles: copied out with ``make-report styles DIR``, used with ``--styles DIR``, and
``style.toml`` checked key by key with every problem on one line of its own."""

from __future__ import annotations

import dataclasses
import shutil
import zipfile
from pathlib import Path

import pikepdf
import pytest

from safecity_reports.build import build_report
from safecity_reports.errors import UsageError
from safecity_reports.styles import DEFAULT_FOLDER, Palette, Sizes, load_styles
from safecity_reports.styles.checks import KEYS, StylesInvalid

ROOT = Path(__file__).resolve().parents[1]
Q2 = ROOT / "inputs" / "q2.xlsx"


def copied(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """The default styles copied to ``tmp_path/styles`` with each (old, new) text replaced."""
    folder = tmp_path / "styles"
    shutil.copytree(DEFAULT_FOLDER, folder, ignore=shutil.ignore_patterns("__pycache__"))
    toml = folder / "style.toml"
    text = toml.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    toml.write_text(text, encoding="utf-8")
    return folder


def test_the_description_of_the_keys_is_the_styles_own() -> None:
    assert set(KEYS["palette"]) == {f.name for f in dataclasses.fields(Palette)}
    assert set(KEYS["sizes"]) == {f.name for f in dataclasses.fields(Sizes)}


def test_the_defaults_load_and_pass_their_own_checks() -> None:
    styles = load_styles()
    assert styles.palette.primary == "#12436D"
    assert styles.chart_dpi == 300
    assert styles.language == "en-GB"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("primary = ", "primry = "),
            "palette.primry is not a key of [palette] (did you mean 'primary'?)",
        ),
        (
            ("dpi = 300", 'dpi = "high"'),
            "charts.dpi must be a whole number of dots per inch from 72 to 1200 (such as 200),"
            ' got "high"',
        ),
        (
            ('muted = "#BFBFBF"', 'muted = "grey"'),
            'palette.muted must be a colour as "#RRGGBB" (such as "#12436D"), got "grey"',
        ),
        (
            ('muted = "#BFBFBF"', 'muted = "#BFBFB"'),
            'palette.muted must be a colour as "#RRGGBB" (such as "#12436D"), got "#BFBFB"',
        ),
        (
            ("body = 10\n", ""),
            "sizes.body is missing; give a size in points above 0 and at most 100 (such as 10)",
        ),
        (
            ("body = 10", "body = -1"),
            "sizes.body must be a size in points above 0 and at most 100 (such as 10), got -1",
        ),
        (
            ('language = "en-GB"', 'language = "English"'),
            'document.language must be a language tag in quotes (such as "en-GB" or "cy-GB"),'
            ' got "English"',
        ),
        (
            ("[charts]", "[chart]"),
            "[chart] is not a table of style.toml (did you mean [charts]?)",
        ),
        (
            ('categorical = ["#12436D"', 'categorical = ["navy"'),
            'charts.categorical must be a list of one to four colours as "#RRGGBB"'
            ' (such as ["#12436D", "#28A197"]), got ["navy", "#28A197", "#801650", "#F46A25"]',
        ),
        (
            ('regular = "fonts/LiberationSans-Regular.ttf"', 'regular = "Arial.ttf"'),
            'fonts.regular names "Arial.ttf", which is not a file in {folder}',
        ),
    ],
)
def test_a_bad_style_file_gets_one_line_naming_the_key_value_and_what_is_accepted(
    tmp_path, make_report, edit, message
) -> None:
    folder = copied(tmp_path, edit)
    result = make_report(Q2, "-o", tmp_path / "out", "--styles", folder)
    assert result.exit_code == 2
    expected = f"Error: {folder / 'style.toml'}: {message.format(folder=folder)}"
    assert result.output.splitlines() == [expected]
    assert not (tmp_path / "out").exists()


def test_every_problem_is_reported_at_once(tmp_path) -> None:
    folder = copied(
        tmp_path,
        ("primary = ", "primry = "),
        ("dpi = 300", 'dpi = "high"'),
        ('text = "#0B0C0C"', 'text = "black"'),
        ("heading3 = 11\n", ""),
    )
    with pytest.raises(StylesInvalid) as caught:
        load_styles(folder)
    lines = str(caught.value).splitlines()
    assert [line.split(": ", 2)[2] for line in lines] == [
        "palette.primry is not a key of [palette] (did you mean 'primary'?)",
        'palette.text must be a colour as "#RRGGBB" (such as "#12436D"), got "black"',
        "charts.dpi must be a whole number of dots per inch from 72 to 1200 (such as 200),"
        ' got "high"',
        "sizes.heading3 is missing; give a size in points above 0 and at most 100 (such as 10)",
    ]
    assert caught.value.exit_code == 2
    assert isinstance(caught.value, UsageError)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "the styles file {toml} does not exist; make-report styles {folder} writes one"),
        ("[palette\n", "{toml} is not valid TOML: "),
    ],
)
def test_a_missing_or_unreadable_style_file(tmp_path, make_report, content, message) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    if content is not None:
        (folder / "style.toml").write_text(content)
    result = make_report(Q2, "-o", tmp_path / "out", "--styles", folder)
    assert result.exit_code == 2
    (line,) = result.output.splitlines()
    assert line.startswith("Error: " + message.format(toml=folder / "style.toml", folder=folder))


def test_styles_copies_the_defaults_out_and_report_uses_the_copy(tmp_path, make_report) -> None:
    folder = tmp_path / "council"
    result = make_report("styles", folder)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["fonts", "reference.docx", "style.toml"]
    assert sorted(p.name for p in (folder / "fonts").iterdir()) == sorted(
        p.name for p in (DEFAULT_FOLDER / "fonts").iterdir()
    )
    assert (folder / "style.toml").read_bytes() == (DEFAULT_FOLDER / "style.toml").read_bytes()
    toml = folder / "style.toml"
    toml.write_text(toml.read_text().replace("#12436D", "#123456"))
    assert load_styles(folder).palette.primary == "#123456"


def test_styles_refuses_a_folder_that_is_not_empty_unless_forced(tmp_path, make_report) -> None:
    folder = tmp_path / "council"
    folder.mkdir()
    (folder / "style.toml").write_text("# my edits\n")
    result = make_report("styles", folder)
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"Error: {folder} is not empty; use --force to overwrite the styles in it"
    ]
    assert (folder / "style.toml").read_text() == "# my edits\n"
    assert make_report("styles", "--force", folder).exit_code == 0
    assert load_styles(folder).palette == load_styles().palette
    (tmp_path / "a file").write_text("")
    result = make_report("styles", tmp_path / "a file")
    assert (result.exit_code, result.output) == (
        2,
        f"Error: {tmp_path / 'a file'} is a file, not a folder\n",
    )


def test_the_styles_language_is_the_documents_language(tmp_path) -> None:
    folder = copied(tmp_path, ('language = "en-GB"', 'language = "cy-GB"'))
    out = tmp_path / "out"
    build_report(Q2, out, styles_folder=folder, use_cache=False)
    with pikepdf.open(out / "q2.pdf") as pdf:
        assert str(pdf.Root.Lang) == "cy-GB"
    with zipfile.ZipFile(out / "q2.docx") as docx:
        styles_xml = docx.read("word/styles.xml").decode()
        core = docx.read("docProps/core.xml").decode()
    assert 'w:lang w:val="cy-GB"' in styles_xml
    assert "en-GB" not in styles_xml
    assert "<dc:language>cy-GB</dc:language>" in core
