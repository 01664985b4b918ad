"""reportlab's paragraphs imported with their web address pattern compiled only when first
used (``render.pdf.lean_import``): the same pattern, the same answers, and every other pattern
compiled as before."""

from __future__ import annotations

import re
import subprocess
import sys

from safecity_reports.render.pdf.lean_import import URI_PATTERN_START, LazyPattern

PROGRAM = """
import re, sys
compile = re.compile
import safecity_reports.render.pdf.document
assert re.compile is compile, "re.compile put back"
from reportlab.platypus import paragraph
from safecity_reports.render.pdf.lean_import import LazyPattern
lazy = paragraph.uri_pat
assert isinstance(lazy, LazyPattern), type(lazy)
assert lazy._compiled is None, "compiled at import"
assert isinstance(paragraph._wsc_re_split.__self__, re.Pattern), "other patterns compiled"
own = re.compile(*lazy.pattern_and_flags)
for uri in ("https://www.southampton.gov.uk/council-data/safety", "ftp://10.0.0.1/x",
            "www.example.org/a/b", "not an address", "http://localhost:8080/", "C:\\\\x\\\\y"):
    assert bool(lazy.match(uri)) == bool(own.match(uri)), uri
    if own.match(uri):
        assert lazy.match(uri).groups() == own.match(uri).groups()
    with_lazy = paragraph._uri_split_pairs(uri)
    paragraph.uri_pat = own
    assert with_lazy == paragraph._uri_split_pairs(uri), uri
    paragraph.uri_pat = lazy
assert lazy.flags == own.flags and lazy.pattern == own.pattern
print(paragraph._uri_split_pairs("https://www.southampton.gov.uk/council-data/safety"))
"""


def test_the_web_address_pattern_is_compiled_when_first_used() -> None:
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "'https://www.southampton.gov.uk/'" in done.stdout


def test_reportlab_still_has_the_pattern_this_leaves_to_first_use() -> None:
    from reportlab.platypus import paragraph

    lazy = paragraph.uri_pat
    assert isinstance(lazy, LazyPattern), "reportlab changed: its own import is used"
    assert lazy.pattern.startswith(URI_PATTERN_START)
    assert lazy.flags & re.IGNORECASE
