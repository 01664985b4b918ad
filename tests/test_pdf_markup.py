"""Text escaped for the PDF's paragraph markup (``render.pdf.markup``) as the standard library
escapes it, without importing what that module imports and the report never uses."""

from __future__ import annotations

import subprocess
import sys
from xml.sax.saxutils import escape as sax_escape

from hypothesis import given
from hypothesis import strategies as st

from safecity_reports.render.pdf.markup import escape

MARKUP = st.text(alphabet=st.sampled_from("&<>\"'; amp lt gt quot#x27 Southampton £½→\n"))


@given(st.one_of(MARKUP, st.text()))
def test_escaped_as_the_standard_library_escapes(text: str) -> None:
    assert escape(text) == sax_escape(text)
    assert escape(text, quotes=True) == sax_escape(text, {'"': "&quot;"})


WRITER = """
import sys
import safecity_reports.render.pdf.document
found = sorted({"urllib.request", "ssl", "http.client", "xml.sax.saxutils"} & set(sys.modules))
assert not found, found
"""


def test_the_pdf_writer_imports_no_network_modules() -> None:
    done = subprocess.run([sys.executable, "-c", WRITER], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
