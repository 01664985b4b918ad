"""Names of measures that share a page: their common words said once."""

from __future__ import annotations


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


def shared_parts(names: tuple[str, ...]) -> tuple[str, ...]:
    """What tells measures apart once their common words are removed ('day', 'night'), or ()."""
    words, prefix, suffix = _common(names)
    if len(names) < 2 or (prefix < 2 and suffix < 2):
        return ()
    parts = tuple(" ".join(w[prefix : len(w) - suffix]) for w in words)
    return parts if all(parts) else ()


def shared_title(names: tuple[str, ...]) -> str:
    """One title for measures that share a page: common words said once ('day / night (%)')."""
    if len(names) == 1:
        return names[0]
    words, prefix, suffix = _common(names)
    if prefix < 2 and suffix < 2:
        return "; ".join(names)
    middles = [" ".join(w[prefix : len(w) - suffix]) for w in words]
    head = " ".join(words[0][:prefix])
    tail = " ".join(words[0][len(words[0]) - suffix :]) if suffix else ""
    return " ".join(part for part in (head, " / ".join(middles), tail) if part)


def distinct_names(short: tuple[str, ...], full: tuple[str, ...]) -> tuple[str, ...]:
    """A name for each of the measures on one page that no other there shares, for their charts'
    titles: the short name; where two share it, the short name with what tells them apart
    ('Treatment completion (opiate)'); failing that, the full name."""
    parts = shared_parts(full)
    names = []
    for index, (name, whole) in enumerate(zip(short, full, strict=True)):
        part = parts[index].strip("()%,;: ") if parts else ""
        if short.count(name) == 1:
            names.append(name)
        elif part and part not in name:
            names.append(f"{name} ({part})")
        else:
            names.append(whole)
    return tuple(names) if len(set(names)) == len(names) else full
