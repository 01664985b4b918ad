"""What the report calls a measure: the one generator of every heading, caption and chart title.

A measure's Short name is used as typed; where it is blank one is made from its Name: the
unit dropped ('Total Crime - Rate per 1,000' -> 'Total Crime'), a verb phrase made a noun
phrase ('Increase the number of people exiting drug programmes' -> 'Number of people exiting
drug programmes'), and a long name cut at a word, never inside brackets. Every name printed is
balanced (no bracket left open or closed twice) and never a bare id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from safecity_reports.core.model import Measure
from safecity_reports.layout.pages import Page

LONGEST = 72
"""The most characters a made short name has before it is cut at a word."""

_VERBS = frozenset(
    [
        "achieve",
        "boost",
        "continue",
        "cut",
        "decrease",
        "deliver",
        "develop",
        "encourage",
        "ensure",
        "grow",
        "halve",
        "implement",
        "improve",
        "increase",
        "keep",
        "lower",
        "maintain",
        "maximise",
        "minimise",
        "monitor",
        "prevent",
        "promote",
        "protect",
        "provide",
        "raise",
        "reduce",
        "support",
        "sustain",
        "tackle",
        "target",
    ]
)
"""Words that start a name which says what to do rather than what is measured."""
_UNIT_TAIL = re.compile(
    r"(rate|count|number|numbers|total|per\b|%|percentage|proportion|incidents per|crimes per"
    r"|\d{4}|arrests)",
    re.IGNORECASE,
)
"""The start of a tail after ' - ' that names the unit or period, not the measure."""
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z']*[A-Z]s?)\)")
_TRAILING = frozenset(
    [
        "a",
        "about",
        "after",
        "an",
        "and",
        "are",
        "as",
        "at",
        "before",
        "between",
        "by",
        "during",
        "for",
        "from",
        "in",
        "into",
        "is",
        "of",
        "on",
        "or",
        "over",
        "than",
        "that",
        "the",
        "to",
        "under",
        "was",
        "were",
        "which",
        "who",
        "whose",
        "with",
        "within",
    ]
)
"""Words a cut name never ends with."""
_TARGET_TAIL = re.compile(r"\s+by\s+[\d.,]+\s*%?.*$", re.IGNORECASE)
"""' by 10%' and what follows: the size of an aim, not what is measured."""


def balanced(text: str) -> str:
    """``text`` without a bracket that is never closed or closes none: 'rate)' -> 'rate'."""
    pairs = {")": "(", "]": "["}
    dropped: set[int] = set()
    opened: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        if char in "([":
            opened.append((char, index))
        elif char in pairs:
            if opened and opened[-1][0] == pairs[char]:
                opened.pop()
            else:
                dropped.add(index)
    dropped.update(index for _, index in opened)
    kept = "".join(c for i, c in enumerate(text) if i not in dropped)
    return " ".join(kept.split()).strip()


def _depth_zero_cuts(text: str, cut: str) -> list[int]:
    """Where ``cut`` starts in ``text`` outside any brackets."""
    places, depth = [], 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(cut, index):
            places.append(index)
    return places


def cut_at_word(text: str, longest: int = LONGEST) -> str:
    """``text`` cut to at most ``longest`` characters at a word, outside brackets, not ending
    on a joining word ('of', 'the', 'which' ...) or a comma."""
    if len(text) <= longest:
        return text
    words = text.split()
    kept: list[str] = []
    for word in words:
        if len(" ".join([*kept, word])) > longest:
            break
        kept.append(word)
    while kept and (
        kept[-1].casefold().strip(",;:") in _TRAILING
        or balanced(" ".join(kept)) != " ".join(kept)
        or kept[-1] in ("-", "&", "/")
    ):
        kept.pop()
    return " ".join(kept).rstrip(",;:") if kept else balanced(words[0])


def _noun_phrase(text: str) -> str:
    """A name that starts with what to do made the thing measured: 'Increase the number of
    people exiting drug programmes by 10%' -> 'Number of people exiting drug programmes'."""
    words = text.split()
    if len(words) < 3 or words[0].casefold() not in _VERBS:
        return text
    rest = words[1:]
    if rest[0].casefold() in ("the", "a", "an"):
        rest = rest[1:]
    phrase = _TARGET_TAIL.sub("", " ".join(rest)).strip(" .,;:")
    return phrase[:1].upper() + phrase[1:] if phrase else text


def _abbreviated(text: str) -> str:
    """Words followed by their initials in brackets said by the initials alone: 'a
    Multi-Agency Risk Assessment Conference (MARAC)' -> 'a MARAC'."""
    for match in reversed(list(_ACRONYM.finditer(text))):
        letters = [c for c in match.group(1) if c.isupper()]
        words = text[: match.start()].split()
        initials = [
            (index, part[:1].upper())
            for index, word in enumerate(words)
            for part in word.split("-")
            if part
        ]
        if len(initials) >= len(letters) and [i for _, i in initials[-len(letters) :]] == letters:
            first = initials[-len(letters)][0]
            kept = " ".join(words[:first])
            text = f"{kept} {match.group(1)}{text[match.end() :]}".strip()
    return text


def made_short_name(name: str) -> str:
    """A short name made from a measure's full name (see the module's docstring)."""
    text = " ".join(name.split()).rstrip(". ").removeprefix("% ")
    text = text[:1].upper() + text[1:]
    cuts = _depth_zero_cuts(text, " - ")
    if cuts:
        head, tail = text[: cuts[0]].strip(), text[cuts[0] + 3 :].strip()
        acronym = _ACRONYM.search(head)
        if _UNIT_TAIL.match(tail) or tail.split()[0].casefold() in _VERBS:
            text = head if len(head) >= 6 else text  # 'Robbery' stands alone; 'ASB' would not
        elif acronym and len(tail.split()) >= 3:
            # 'Multi Agency Safeguarding Hub (MASH) - Referrals which are ...': the body named
            # first is not what is measured; the tail is, said of the body's short name
            tail = re.sub(r"\s*\([^()]*\)\s*$", "", tail)
            text = f"{acronym.group(1)} {tail[:1].lower()}{tail[1:]}"
    text = _noun_phrase(text)
    if len(text) > LONGEST:
        text = _abbreviated(text)
    brackets = _depth_zero_cuts(text, " (")
    if brackets and len(text[: brackets[0]].strip()) >= 6:
        text = text[: brackets[0]].strip()  # the unit or an aside in brackets
    return balanced(cut_at_word(balanced(text)))


def short_name(measure: Measure) -> str:
    """What a chart title or a sentence calls the measure: its Short name as typed, else one
    made from its Name ('Total Crime - Rate per 1,000' -> 'Total Crime')."""
    return balanced(measure.short_name) or made_short_name(measure.name) or measure.id


def full_name(measure: Measure) -> str:
    """The measure's name as a heading or caption prints it: as typed, without a final full
    stop, its brackets balanced."""
    return balanced(measure.name.rstrip(". ")) or short_name(measure)


def heading(measure: Measure) -> str:
    """A measure's heading and the words that link to it: its id and name ('1.2a Total Crime -
    Rate per 1,000'), never the id alone."""
    return f"{measure.id} {full_name(measure)}"


def listed(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def subject(measures: Sequence[Measure]) -> str:
    """What a group of measures is about, for a heading such as 'Commentary on ...': their
    short names, common words said once ('Treatment completion: opiate / alcohol'), or listed
    (the first three and how many more)."""
    shorts = tuple(dict.fromkeys(short_name(m) for m in measures))
    if len(shorts) == 1:
        return shorts[0]
    common = shared_title(shorts)
    if common != "; ".join(shorts):
        return common
    if len(shorts) <= 4:
        return listed(shorts)
    return listed([*shorts[:3], f"{len(shorts) - 3} more measures"])


def commentary_heading(page: Page) -> str:
    """What a page's commentary is about, never its ids alone ('Commentary on 1'): 'Commentary
    on Total Crime, Anti-social Behaviour and Burglary in a dwelling'; where that is long,
    'Commentary on measures 1.3a-f'; on a page with no measure, 'Commentary on key action 2.1'
    (its heading, the action's words, is just above)."""
    if not page.measures:
        return f"Commentary on key action {page.action.id}"
    about = subject(page.measures)
    if len(about) <= LONGEST + 8:
        return f"Commentary on {about}"
    return f"Commentary on measures {page.label}"


def table_title(measures: Sequence[Measure]) -> str:
    """A table's title: 'Total Crime in a table', or 'Measures 1.1 to 1.4b in one table'."""
    if len(measures) == 1:
        return f"{heading(measures[0])}: the figures in a table"
    return f"Measures {measures[0].id} to {measures[-1].id} in one table"


def shared_tail(names: Sequence[str]) -> str:
    """The unit every name ends with after ' - ', said once in a table's header instead of on
    every row ('rate per 1,000 population'), or '' where the names do not all end alike or a
    head would be too short to stand alone."""
    tails = set()
    for name in names:
        cuts = _depth_zero_cuts(name, " - ")
        if not cuts or len(name[: cuts[-1]].strip()) < 6:
            return ""
        tails.add(name[cuts[-1] + 3 :].strip())
    tail = tails.pop() if len(tails) == 1 and len(names) > 1 else ""
    return tail if _UNIT_TAIL.match(tail) else ""


def _common(names: tuple[str, ...]) -> tuple[list[list[str]], int, int]:
    words = [name.split() for name in names]
    prefix = 0
    while all(len(w) > prefix for w in words) and len({w[prefix] for w in words}) == 1:
        prefix += 1
    suffix = 0
    while (
        all(len(w) > prefix + suffix for w in words) and len({w[-1 - suffix] for w in words}) == 1
    ):
        suffix += 1
    return words, prefix, suffix


def _clean(part: str) -> bool:
    """Whether a part of a name stands on its own: no bracket or colon cut through."""
    return bool(part) and balanced(part) == part and ":" not in part


def shared_parts(names: tuple[str, ...]) -> tuple[str, ...]:
    """What tells measures apart once their common words are removed ('day', 'night'), or ()."""
    words, prefix, suffix = _common(names)
    if len(names) < 2 or (prefix < 2 and suffix < 2):
        return ()
    parts = tuple(" ".join(w[prefix : len(w) - suffix]) for w in words)
    return parts if all(parts) else ()


def shared_title(names: tuple[str, ...]) -> str:
    """One title for measures that share a page: common words said once ('day / night (%)').

    Where what tells them apart is cut out of brackets ('(TNO's)' and '(TNO's): rate'), the
    common words alone; with too few in common, the names joined with '; '."""
    if len(names) == 1:
        return names[0]
    words, prefix, suffix = _common(names)
    if prefix < 2 and suffix < 2:
        return "; ".join(names)
    middles = [" ".join(w[prefix : len(w) - suffix]) for w in words]
    head = " ".join(words[0][:prefix])
    tail = " ".join(words[0][len(words[0]) - suffix :]) if suffix else ""
    whole = " ".join(part for part in (head, " / ".join(middles), tail) if part)
    if all(_clean(m) for m in middles) and balanced(whole) == whole:
        return whole
    if prefix >= 2 and balanced(head) == head:
        return head.rstrip(" -:,;")
    return "; ".join(names)


def _part(text: str) -> str:
    """What tells a measure apart, without brackets: '(TNO's): rate' -> 'rate', '(% opiate
    clients)' -> 'opiate'; a part all in brackets keeps what they hold ('(TNO's)' -> 'TNO's')."""
    outside = re.sub(r"\([^()]*\)", "", balanced(text))
    return balanced(outside if outside.strip("()%,;:- ") else text).strip("()%,;:- ")


def common_head(names: tuple[str, ...]) -> str:
    """The words measures' names start with alike, without a joining word at the end ('People
    in the city who feel safe during the day / night' -> 'People in the city who feel safe');
    '' where they share fewer than two."""
    words, prefix, _ = _common(names)
    head = words[0][:prefix] if len(names) > 1 else []
    while head and head[-1].casefold().strip(",;:-") in _TRAILING | {"", "-"}:
        head.pop()
    text = " ".join(head).rstrip(" ,;:-")
    return text if len(head) >= 2 and balanced(text) == text else ""


def parts_apart(names: tuple[str, ...]) -> tuple[str, ...]:
    """``shared_parts`` without brackets cut through: ('opiate', 'non-opiate'), or ()."""
    parts = tuple(_part(p) for p in shared_parts(names))
    return parts if all(parts) else ()


def distinct_names(short: tuple[str, ...], full: tuple[str, ...]) -> tuple[str, ...]:
    """A name for each of the measures on one page that no other there shares, for their charts'
    titles: the short name; where two share it, the short name with what tells them apart
    ('Treatment completion (opiate)'); failing that, the full name."""
    parts = shared_parts(full)
    names = []
    for index, (name, whole) in enumerate(zip(short, full, strict=True)):
        part = _part(parts[index]) if parts else ""
        if short.count(name) == 1:
            names.append(name)
        elif part and part not in name:
            names.append(f"{name} ({part})")
        else:
            names.append(balanced(whole))
    return tuple(names) if len(set(names)) == len(names) else full
