"""The .docx zip written with its pictures deflated ahead (``render.docx.package``) holds what
python-docx's own save holds: the same parts, in the same order, with the same bytes; every
part's checksum right; readable by python-docx and by LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess
import threading
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.packuri import PackURI

from safecity_reports import png
from safecity_reports.render.docx import package


def _word_with_pictures(folder: Path) -> tuple[docx.document.Document, package.Deflated]:
    """A Word document of text and two pictures, the second placed twice; the pictures' parts
    deflated ahead, as the report's writer does."""
    folder.mkdir(parents=True, exist_ok=True)
    word = docx.Document()
    deflated = package.Deflated()
    word.add_paragraph("Recorded crime – all offences: 2016/17 Q2 (Jul–Sep)")
    pictures = []
    for number in (1, 2):
        picture = folder / f"chart{number}.png"
        rows = b"".join(b"\0" + bytes((number * 90, y, 200)) * 60 for y in range(40))
        picture.write_bytes(png.encode(rows, 60, 40, 3, dpi=150))
        pictures.append(picture)
    for picture in (*pictures, pictures[1]):
        word.add_picture(str(picture))
    for part in word.part.package.iter_parts():
        if part.partname.startswith("/word/media/"):
            deflated.add(part.partname, part.blob)
    return word, deflated


def _entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None  # every part's CRC-32 right
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def test_the_zip_holds_what_python_docx_writes(tmp_path: Path) -> None:
    word, deflated = _word_with_pictures(tmp_path)
    ours = package.save(word, deflated)
    own = io.BytesIO()
    word.save(own)
    assert len(deflated.entries) == 2
    assert _entries(ours) == _entries(own.getvalue())
    reopened = docx.Document(io.BytesIO(ours))
    assert len(reopened.inline_shapes) == 3
    deflated.close()


def test_a_pictures_bytes_deflated_ahead_are_what_the_zip_holds(tmp_path: Path) -> None:
    word, deflated = _word_with_pictures(tmp_path)
    marker = next(iter(deflated.entries))
    # The deflated bytes are what the zip holds: a picture's entry deflated otherwise reads
    # back otherwise.
    other = b"not the picture"
    deflated.add(marker, other)
    with zipfile.ZipFile(io.BytesIO(package.save(word, deflated))) as archive:
        assert archive.read(PackURI(marker).membername) == other
    deflated.close()


def test_a_zip_that_would_need_zip64_is_saved_by_python_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    word, deflated = _word_with_pictures(tmp_path)
    monkeypatch.setattr(package, "_MOST", 1000)
    ours = package.save(word, deflated)
    own = io.BytesIO()
    word.save(own)
    assert _entries(ours) == _entries(own.getvalue())
    deflated.close()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it(tmp_path: Path) -> None:
    word, deflated = _word_with_pictures(tmp_path)
    document = tmp_path / "pictures.docx"
    document.write_bytes(package.save(word, deflated))
    deflated.close()
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(tmp_path / "out"),
            str(document),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "out" / "pictures.txt").read_text(encoding="utf-8-sig")
    assert "Recorded crime – all offences" in text


def test_another_threads_document_is_saved_as_python_docx_saves_it(tmp_path: Path) -> None:
    """The writer in python-docx's place writes this module's zip only for the thread saving
    with parts deflated ahead: an analyst's own document, saved meanwhile in another thread,
    keeps its own pictures."""
    ours, deflated = _word_with_pictures(tmp_path / "ours")
    theirs, unused = _word_with_pictures(tmp_path / "theirs")
    unused.close()
    for key in list(deflated.entries):
        deflated.add(key, b"ours, not theirs")  # so that a mix-up shows
    saved: dict[str, bytes] = {}
    ready, done = threading.Event(), threading.Event()

    def save_theirs() -> None:
        ready.wait(10)
        packed = io.BytesIO()
        theirs.save(packed)
        saved["theirs"] = packed.getvalue()
        done.set()

    other = threading.Thread(target=save_theirs)
    other.start()
    real = package._ZipWriter.write

    def write_slowly(self: package._ZipWriter, pack_uri: str, blob: bytes) -> None:
        if not ready.is_set():  # their save runs while ours is in the middle of writing
            ready.set()
            done.wait(10)
        real(self, pack_uri, blob)

    package._ZipWriter.write = write_slowly  # type: ignore[method-assign]
    try:
        package.save(ours, deflated)
    finally:
        package._ZipWriter.write = real  # type: ignore[method-assign]
        other.join()
        deflated.close()
    own = io.BytesIO()
    theirs.save(own)
    assert _entries(saved["theirs"]) == _entries(own.getvalue())


def test_a_report_saved_by_python_docx_keeps_its_pictures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chart's picture is kept only deflated from when the report's writer places it, never
    read again: saved by python-docx instead (a zip that would need ZIP64), it is inflated from
    there, and the document holds the picture's own bytes."""
    from safecity_reports.render.docx.document import write_docx
    from safecity_reports.styles import load_styles
    from test_render_docx import CHART, build_document

    rows = b"".join(b"\0" + bytes((90, y, 200)) * 60 for y in range(40))
    picture = tmp_path / "chart.png"
    picture.write_bytes(png.encode(rows, 60, 40, 3, dpi=150))
    made = {}
    for name, most in (("ours", package._MOST), ("python-docx", 1000)):
        monkeypatch.setattr(package, "_MOST", most)
        path = tmp_path / f"{name}.docx"
        write_docx(build_document(), {CHART: picture}, path, load_styles())
        made[name] = dict(_entries(path.read_bytes()))
    for entries in made.values():
        pictures = [data for name, data in entries.items() if name.startswith("word/media/chart")]
        assert pictures == [picture.read_bytes()]
    assert made["ours"].keys() == made["python-docx"].keys()
