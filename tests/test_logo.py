"""An optional logo from the styles folder tops the title page of both documents, with alt text."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pikepdf
import pytest

from safecity_reports.build import build_report
from safecity_reports.errors import UsageError
from safecity_reports.styles import DEFAULT_FOLDER, load_styles

ROOT = Path(__file__).resolve().parents[1]


def styles_with_logo(tmp_path: Path, logo_name: str) -> Path:
    folder = tmp_path / "styles"
    shutil.copytree(DEFAULT_FOLDER, folder)
    toml = folder / "style.toml"
    toml.write_text(toml.read_text().replace('logo = ""', f'logo = "{logo_name}"'))
    return folder


def test_the_logo_is_on_the_title_page_of_both_documents(tmp_path):
    from matplotlib.figure import Figure

    folder = styles_with_logo(tmp_path, "logo.png")
    figure = Figure(figsize=(2, 1))
    figure.text(0.1, 0.4, "Council", fontsize=20)
    figure.savefig(folder / "logo.png")
    out = tmp_path / "out"
    build_report(ROOT / "inputs" / "q2.xlsx", out, styles_folder=folder, use_cache=False)

    word = docx.Document(str(out / "q2.docx"))
    first = word.paragraphs[0]._p.xpath(".//wp:docPr")
    assert [p.get("descr") for p in first] == ["Logo of Southampton Safe City Partnership"]

    with pikepdf.open(out / "q2.pdf") as pdf:
        first_page_images = list(pdf.pages[0].Resources.get("/XObject", {}).keys())
        assert len(first_page_images) == 1
        root = pdf.Root.StructTreeRoot

        def figures(node):
            if isinstance(node, pikepdf.Dictionary):
                if node.get("/S") == "/Figure":
                    yield str(node.get("/Alt"))
                yield from figures(node.get("/K"))
            elif isinstance(node, pikepdf.Array):
                for kid in node:
                    yield from figures(kid)

        assert "Logo of Southampton Safe City Partnership" in list(figures(root))


def test_a_logo_that_is_not_a_png_is_refused(tmp_path):
    folder = styles_with_logo(tmp_path, "logo.gif")
    (folder / "logo.gif").write_bytes(b"GIF89a")
    with pytest.raises(UsageError, match="the logo must be a .png file, got 'logo.gif'"):
        load_styles(folder)
