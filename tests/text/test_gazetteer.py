"""Names of countries and organisations, matched on whole words."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ims.text.countries import country_name
from ims.text.gazetteer import (
    COUNTRY,
    ORGANISATIONS,
    _entries,
    _names_regex,
    _trie_pattern,
    country_code,
    find_mentions,
    is_region,
    mentions_in_spans,
    organisation,
    patterns,
)


def ids(text: str) -> list[str]:
    return [m.id for m in find_mentions(text)]


def test_names_adjectives_and_people():
    assert ids("Polen, de Italiaanse marine, de Canadezen en Zuid-Korea") == ["PL", "IT", "KR"]
    assert ids("Spanjaarden") == []  # not in the table: nothing rather than a guess
    assert ids("de Portugese en Chinese delegaties") == ["PT", "CN"]


def test_compound_adjectives_give_both_countries():
    assert ids("de Frans-Duitse brigade") == ["FR", "DE"]
    assert ids("het Belgisch-Luxemburgse bataljon") == ["BE", "LU"]


def test_short_forms_are_case_sensitive():
    assert ids("de VS en het VK") == ["US", "GB"]
    assert ids("Ajax vs. Feyenoord") == []


def test_whole_words_only():
    assert ids("Nederlanderschap, Polenreis, Irakese") == []
    assert ids("de NAVO-top en EU-gelden") == ["NATO", "EU"]


def test_regions_are_not_countries():
    assert ids("Latijns-Amerika en het Midden-Oosten") == []
    assert is_region("Europa") and not is_region("Estland")


def test_organisations_and_groups():
    assert ids("de OVSE, de VN en de Northern Group") == ["OSCE", "UN", "NORTHERN_GROUP"]
    benelux = find_mentions("de Benelux-landen")[0]
    assert benelux.id == "BENELUX" and benelux.members == ("BE", "LU", "NL")
    assert find_mentions("de Benelux")[0].members == ()


def test_typographic_apostrophe():
    assert ids("de Bahama’s en de Bahama's") == ["BS", "BS"]


def test_tables_for_the_django_side():
    assert country_name("GB") == "Verenigd Koninkrijk"
    assert country_name("DE") == "Duitsland"
    assert country_name("GB", "en") == "United Kingdom"
    assert country_code("Noorse") == "NO" and country_code("Atlantis") is None
    assert {org.id for org in ORGANISATIONS} == {
        "NATO", "EU", "UN", "OSCE", "EDA", "BENELUX", "NORTHERN_GROUP", "JEF", "EI2", "PESCO",
    }
    assert organisation("EI2").kind == "framework" and organisation("NATO").kind == "organisation"


def test_patterns_for_grep():
    found = patterns()
    assert len(found) == len(set(found)) > 300
    assert "Verenigde Staten" in found and "Belgische" in found and "NAVO" in found
    assert all(m.kind == COUNTRY for m in find_mentions("Chili"))


def leftmost_longest(words: list[str], text: str) -> list[tuple[int, int]]:
    """The plain definition: from left to right, the longest word starting at the first place one does."""
    found, pos = [], 0
    while pos < len(text):
        lengths = [len(w) for w in words if text.startswith(w, pos)]
        if lengths:
            found.append((pos, pos + max(lengths)))
            pos += max(lengths)
        else:
            pos += 1
    return found


def test_trie_regex_takes_the_longest_word_where_one_starts():
    words = ["ab", "abcd", "abx", "b", "bcd", "c"]
    regex = re.compile(_trie_pattern(words))
    for text in ("abcd", "abce", "abxab", "xbcdx", "aabcab", "ccab", ""):
        assert [m.span() for m in regex.finditer(text)] == leftmost_longest(words, text), text


_SURFACES = sorted(_entries())


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_SURFACES), st.sampled_from([" ", "-", "x", "e", "se", "landen", "Noord-", "’"])),
        max_size=10,
    ).map("".join)
)
def test_the_names_regex_is_leftmost_longest_over_all_names(text):
    assert [m.span() for m in _names_regex().finditer(text)] == leftmost_longest(_SURFACES, text)


def test_mentions_by_span_are_the_mentions_of_the_whole_text_cut_up():
    text = "Duitsland en Frankrijk. Het Verenigd Koninkrijk en de NAVO."
    starts = [0, 24, 37]
    ends = [23, 36, len(text)]  # the second span cuts "Verenigd Koninkrijk": a name of no span
    by_span = mentions_in_spans(text, starts, ends)
    assert [[m.id for m in span] for span in by_span] == [["DE", "FR"], [], ["NATO"]]
    for k, span in enumerate(by_span):
        assert span == [
            m._replace(start=m.start - starts[k], end=m.end - starts[k])
            for m in find_mentions(text)
            if starts[k] <= m.start and m.end <= ends[k]
        ]


def test_a_name_written_without_its_diaeresis_is_the_same_country():
    assert [m.id for m in find_mentions("Belgie, Italie en Oekraine")] == ["BE", "IT", "UA"]
