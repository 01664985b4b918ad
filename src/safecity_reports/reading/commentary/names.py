"""Which measure of a page a piece of commentary names, resolved by the longest match.

A measure is named by the words of its name that no other measure of the page shares (their
first six letters, so 'burglaries' names 'Burglary'), by an abbreviation ('ASB', 'MARAC'), or by
the head of its name written out ('violence with injury'). The longest match wins: 'non-opiate'
is one word, so a sentence about non-opiate clients does not name the measure of opiate
clients, and 'violence without injury' does not name 'Violence with injury'.
"""

from __future__ import annotations

import re

GENERIC = frozenset(
    [
        "the",
        "and",
        "for",
        "per",
        "with",
        "from",
        "into",
        "during",
        "within",
        "year",
        "years",
        "rate",
        "number",
        "percentage",
        "proportion",
        "total",
        "level",
        "all",
        "city",
        "people",
        "related",
        "incidents",
        "incident",
        "measure",
        "figure",
        "figures",
        "combined",
        "1,000",
        "1000",
        "10,000",
        "clients",
        "population",
        "count",
    ]
)
"""Words of a measure's name that do not say which measure a sentence is about."""

_WORD = re.compile(r"[a-z][a-z'’]*(?:-[a-z][a-z'’]*)*")
_NON = re.compile(r"\bnon\s+(?=[a-z])")
"""'non opiate' is written for 'non-opiate'."""


def _tokens(text: str) -> list[str]:
    """The words of ``text``, a hyphenated word kept whole ('non-opiate', 'anti-social')."""
    return _WORD.findall(_NON.sub("non-", text.lower()))


def _stem(word: str) -> str:
    return "-".join(part[:6] for part in word.split("-"))


def stems(text: str) -> set[str]:
    """The stems of the words of ``text`` that can name a measure, whole hyphenated words and
    their parts alike."""
    found = set()
    for token in _tokens(text):
        for word in {token, *token.split("-")}:
            if len(word) >= 3 and word not in GENERIC:
                found.add(_stem(word))
    return found


def _standalone(text: str) -> set[str]:
    """The stems of the words of ``text`` that stand alone, not inside a hyphenated word."""
    return {_stem(w) for w in _tokens(text) if len(w) >= 3 and w not in GENERIC}


def acronyms(name: str) -> set[str]:
    """Abbreviations a writer uses for the measure: typed in brackets, or the initials of the
    words before the first dash or bracket ('Anti-social Behaviour' gives 'asb')."""
    found = {a.lower() for a in re.findall(r"\(([A-Z]{2,})\)", name)}
    head = re.split(r"\s[-–(]|\(", name)[0]
    initials = "".join(w[0] for w in re.split(r"[\s-]+", head) if w[:1].isalpha())
    if len(initials) >= 2:
        found.add(initials.lower())
    return found


def head(name: str) -> str:
    """The name before its first dash or bracket, in lower case: 'violence with injury'."""
    first = re.split(r"\s[-–]\s|\(", name)[0]
    return " ".join(_tokens(first))


def words_of(text: str) -> set[str]:
    """The stems and whole words of a piece of commentary, to match measure names against: a
    hyphenated word gives its parts only where it is no measure's word ('non-opiate' stays
    whole; a hyphenated word of no name gives its parts)."""
    found: set[str] = set()
    for token in _tokens(text):
        found.add(_stem(token))
        found.add(token)
        if "-" in token:
            found |= {_stem(p) for p in token.split("-")} | set(token.split("-"))
    return found


def own_names(names: dict[str, str]) -> dict[str, frozenset[str]]:
    """For each measure id, the stems and abbreviations of its name (``names[id]``) that no
    other measure of the page uses. A word that stands alone in one name and only inside a
    hyphenated word in another ('opiate' and 'non-opiate') belongs to the first."""
    every = {i: stems(n) | acronyms(n) for i, n in names.items()}
    alone = {i: _standalone(n) | acronyms(n) for i, n in names.items()}
    own = {}
    for i in names:
        others = set().union(*(s for j, s in every.items() if j != i))
        others_alone = set().union(*(s for j, s in alone.items() if j != i))
        kept = {w for w in every[i] if w not in others or (w in alone[i] and w not in others_alone)}
        own[i] = frozenset(kept)
    return own


def matched(text: str, names: dict[str, frozenset[str]]) -> set[str]:
    """The ids whose own names ``text`` uses, a hyphenated word of the text that is itself a
    name hiding its parts ('non-opiate' does not also say 'opiate')."""
    known = set().union(*names.values()) if names else set()
    words: set[str] = set()
    for token in _tokens(text):
        stem = _stem(token)
        words |= {stem, token}
        if "-" in token and stem not in known:
            parts = token.split("-")
            words |= {_stem(p) for p in parts} | set(parts)
    return {i for i, own in names.items() if words & own}


def by_head(text: str, heads: dict[str, str]) -> set[str]:
    """The ids whose name's head the text writes out, a head inside a longer one written out
    at the same place not counted ('violence with injury' is not inside 'violence without
    injury'; 'crime' is inside 'total crime')."""
    spaced = f" {' '.join(_tokens(text))} "
    spans = {}
    for i, phrase in heads.items():
        if len(phrase.split()) < 2:
            continue
        at = spaced.find(f" {phrase} ")
        if at >= 0:
            spans[i] = (at, at + len(phrase) + 1)
    return {
        i
        for i, (a, b) in spans.items()
        if not any(j != i and c <= a and b <= d and d - c > b - a for j, (c, d) in spans.items())
    }
