"""Tables for ``reading/commentary/names``: the abbreviations, heads, stems and own words of
measure names, and which measure a piece of text names by them, the longest match winning.
Each expected value is worked out by hand from the rules in the module's docstring (a stem is a
word's first six letters, per part of a hyphenated word; a word of fewer than three letters or a
generic one names nothing), never produced by the code under test; the mutation run of
docs/mutation.md found the gaps."""

from __future__ import annotations

import pytest

from safecity_reports.reading.commentary.names import (
    acronyms,
    by_head,
    head,
    matched,
    own_names,
    stems,
    words_of,
)

ACRONYMS = [
    ("Anti-social Behaviour - Count", {"asb"}),
    ("Multi Agency Risk Assessment Conference (MARAC) cases", {"marac"}),
    ("Domestic abuse (DA) and Hate Crime (HC)", {"da", "hc"}),
    ("Burglary - Rate per 1,000", set()),  # one initial is no abbreviation
    ("Youth (first-time) entrants", set()),  # nor is a word in brackets in lower case
    ("Night–time economy (NTE)", {"nte", "ne"}),  # an en dash inside a word splits nothing
    ("Hate crime – reported", {"hc"}),
    ("Re-offending rate", {"ror"}),
    ("M27 road casualties", {"mrc"}),  # a word that starts with a letter gives its initial
    ("A (B) 2 things", set()),  # one capital in brackets is no abbreviation, nor one initial
]


@pytest.mark.parametrize(("name", "expected"), ACRONYMS)
def test_the_abbreviations_of_a_name(name, expected):
    assert acronyms(name) == expected


HEADS = [
    ("Violence with injury - Rate per 1,000", "violence with injury"),
    ("Total Crime (all)", "total crime"),
    ("Re-offending – youth", "re-offending"),
    ("Night-time economy-related ASB", "night-time economy-related asb"),
    ("Use of Custody (Youth) - Rate", "use of custody"),
]


@pytest.mark.parametrize(("name", "expected"), HEADS)
def test_the_head_of_a_name(name, expected):
    assert head(name) == expected


STEMS = [
    ("Non-opiate clients", {"non-opiate", "non", "opiate"}),
    ("Burglaries of dwellings", {"burgla", "dwelli"}),
    ("The rate per 1,000 for all city people", set()),  # every word generic or short
    (  # every generic word of a name: none names a measure
        "the and for per with from into during within year years rate number percentage "
        "proportion total level all city people related incidents incident measure figure "
        "figures combined clients population count",
        set(),
    ),
    ("Anti-social behaviour", {"anti-social", "anti", "social", "behavi"}),
    ("Hate crime", {"hate", "crime"}),
    ("Re-offending", {"re-offend", "offend"}),  # 're' is too short alone
]


@pytest.mark.parametrize(("text", "expected"), STEMS)
def test_the_stems_of_a_name(text, expected):
    assert stems(text) == expected


def test_the_words_of_commentary():
    assert words_of("Burglaries rose in non opiate anti-social") == {
        "burgla", "burglaries", "rose", "in", "non-opiate", "non", "opiate", "anti-social",
        "anti", "social",
    }  # fmt: skip
    assert words_of("Re-offending fell") == {"re-offend", "re-offending", "re", "offend",
                                             "offending", "fell"}  # fmt: skip


def test_own_names_leave_out_the_words_two_names_share():
    assert own_names({"a": "Violence with injury", "b": "Violence without injury"}) == {
        "a": frozenset(),
        "b": frozenset({"withou"}),
    }
    assert own_names({"a": "Burglary - dwelling", "b": "Burglary - other"}) == {
        "a": frozenset({"dwelli"}),
        "b": frozenset({"other"}),
    }
    assert own_names({"a": "Anti-social behaviour", "b": "Social care"}) == {
        "a": frozenset({"anti-social", "anti", "behavi", "asb"}),
        "b": frozenset({"social", "care", "sc"}),  # alone here, inside 'anti-social' there
    }
    assert own_names({"a": "Gun crime", "b": "Non-gun offences"}) == {
        "a": frozenset({"gun", "crime", "gc"}),  # a word of three letters, alone here
        "b": frozenset({"non-gun", "non", "offenc", "ngo"}),
    }
    assert own_names({}) == {}


MATCHED = [
    ("violence without injury rose", {"d"}),
    ("dwelling burglaries rose", {"a"}),
    ("other burglaries and ASB rose", {"b", "c"}),
    ("burglaries rose", set()),  # a shared word names neither
    ("the anti-social behaviour of some", {"c"}),
    ("half-dwelling", {"a"}),  # a hyphenated word of no name gives its parts
]

NAMES = own_names(
    {
        "a": "Burglary - dwelling",
        "b": "Burglary - other",
        "c": "Anti-social Behaviour",
        "d": "Violence without injury",
    }
)


@pytest.mark.parametrize(("text", "ids"), MATCHED)
def test_which_measures_a_text_names_by_their_own_words(text, ids):
    assert matched(text, NAMES) == ids


def test_nothing_is_named_on_a_page_of_no_names():
    assert matched("burglaries rose", {}) == set()


HEAD_NAMES = {
    "a": "total crime",
    "b": "crime",
    "c": "violence with injury",
    "d": "violence without injury",
}

BY_HEAD = [
    ("total crime and violence with injury rose", {"a", "c"}),
    ("violence without injury rose", {"d"}),
    ("Crime rose", set()),  # a head of one word is no head written out
    ("Total Crime rose", {"a"}),
    ("violence with injury, and violence without injury", {"c", "d"}),
]


@pytest.mark.parametrize(("text", "ids"), BY_HEAD)
def test_which_measures_a_text_names_by_their_heads(text, ids):
    assert by_head(text, HEAD_NAMES) == ids


def test_a_head_inside_a_longer_one_at_the_same_place_is_not_counted():
    heads = {"a": "violence with", "b": "violence with injury"}
    assert by_head("violence with injury rose", heads) == {"b"}
    assert by_head("violence with others rose", heads) == {"a"}
    inner = {"c": "violence with injury", "e": "with injury"}  # ends where the longer one ends
    assert by_head("violence with injury rose", inner) == {"c"}
    assert by_head("less with injury", inner) == {"e"}


def test_two_measures_with_the_same_head_are_both_named():
    same = {"a": "violent crime", "b": "violent crime"}  # a rate and a count, say
    assert by_head("most violent crime rose", same) == {"a", "b"}
