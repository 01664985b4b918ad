"""The little markup agencies use in a commentary cell, parsed into paragraphs and bullets.

What a data officer types in one cell, line by line:

- a plain line is a paragraph;
- ``- text`` (or ``• text``) is a bullet; ``-- text``, or an indented ``- text``, is a sub-bullet;
- ``**words**`` are bold.

Everything else is kept exactly as typed: characters such as ``<``, ``>``, ``&`` and single
stars are text, not markup, so a renderer must escape them itself. Nothing here can fail: text
that is not markup is simply text.
"""

from __future__ import annotations

import re

from safecity_reports.core.model import Run, TextBlock

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_SUB_BULLET = re.compile(r"^--[ \t]+")
_BULLET = re.compile(r"^(?:-[ \t]+|•[ \t]*)")
_INDENT = 2
"""Leading spaces (or a tab) that make a ``- `` bullet a sub-bullet."""


def parse_runs(line: str) -> tuple[Run, ...]:
    """Split one line into runs where ``**bold**`` starts and ends; unmatched stars stay text."""
    runs: list[Run] = []
    position = 0
    for match in _BOLD.finditer(line):
        if match.start() > position:
            runs.append(Run(line[position : match.start()]))
        runs.append(Run(match.group(1), bold=True))
        position = match.end()
    if position < len(line):
        runs.append(Run(line[position:]))
    return tuple(runs)


def _level(line: str) -> tuple[int, str]:
    """The bullet level of a line and its text without the bullet mark."""
    stripped = line.lstrip(" \t")
    indent = line[: len(line) - len(stripped)]
    indented = "\t" in indent or len(indent) >= _INDENT
    if m := _SUB_BULLET.match(stripped):
        return 2, stripped[m.end() :]
    if m := _BULLET.match(stripped):
        return (2 if indented else 1), stripped[m.end() :]
    return 0, stripped


def parse_blocks(text: str) -> tuple[TextBlock, ...]:
    """The paragraphs and bullets of one commentary cell, one block per non-blank line."""
    blocks = []
    for raw in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.replace("\u00a0", " ").rstrip()
        if line.strip() in ("", "-", "--", "•"):  # a bullet mark with nothing after it
            continue
        level, body = _level(line)
        if body:
            blocks.append(TextBlock(parse_runs(body), level))
    return tuple(blocks)
