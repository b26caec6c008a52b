"""Splitting cleaned text into sentences and headings."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from ims.extract.sentences import _SPACE_BEFORE_BREAK, _SPACES_BUT_BREAK, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_sentences_end_at_a_point_before_a_capital():
    assert texts("Polen koopt tanks. Litouwen oefent mee! Wie volgt? 2025 wordt druk.") == [
        "Polen koopt tanks.", "Litouwen oefent mee!", "Wie volgt?", "2025 wordt druk.",
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    assert texts("Volgens mw. De Groot en drs. K.L. Smit vaart Zr.Ms. Tromp uit. Nr. 4 volgt.") == [
        "Volgens mw. De Groot en drs. K.L. Smit vaart Zr.Ms. Tromp uit.",
        "Nr. 4 volgt.",
    ]


def test_a_point_inside_a_quoted_title_does_not_end_a_sentence():
    assert texts("Het rapport «Veiligheid. Een nieuwe kijk» verscheen gisteren. Daarna kwam er meer.") == [
        "Het rapport «Veiligheid. Een nieuwe kijk» verscheen gisteren.",
        "Daarna kwam er meer.",
    ]


def test_line_breaks_inside_a_sentence_read_as_spaces():
    sentences = split_sentences("De oefening met\nZweden begint in\nmaart. Daarna volgt Finland.")
    assert sentences[0].text == "De oefening met Zweden begint in maart."
    assert (sentences[0].start, sentences[0].end) == (0, 39)


def test_headings_are_their_own_sentences():
    text = (
        "Inleiding\nDe brief gaat over Italië.\n\nSamenwerking met Spanje\nSpanje oefent mee."
        "\n\nSlot volgt hier"
    )
    sentences = split_sentences(text)
    assert [(s.text, s.heading) for s in sentences] == [
        ("Inleiding", True),
        ("De brief gaat over Italië.", False),
        ("Samenwerking met Spanje", True),
        ("Spanje oefent mee.", False),
        ("Slot volgt hier", True),
    ]


def test_a_line_that_runs_on_is_not_a_heading():
    text = "Eerste zin.\n\nDe samenwerking met het Verenigd\nKoninkrijk groeit."
    assert texts(text) == ["Eerste zin.", "De samenwerking met het Verenigd Koninkrijk groeit."]


def test_list_items_start_new_sentences():
    assert texts("Drie doelen:\n– eerste doel;\n– tweede doel") == [
        "Drie doelen:",
        "– eerste doel;",
        "– tweede doel",
    ]


def test_a_short_line_is_a_heading_only_after_a_blank_line():
    assert [s.heading for s in split_sentences("Eerste zin.\nKorte regel\nVolgende zin.")] == [False, False]
    assert [s.heading for s in split_sentences("Eerste zin.\n\nKorte regel\nVolgende zin.")] == [
        False, True, False,
    ]


_PIECES = st.sampled_from(
    ["De", "brief", "Nederland", "mw.", "Zr.Ms.", "K.L.", "2019", ".", "!", "?", " ", " ", "\n", "\n\n",
     "«Titel. Deel»", "“", "”", "\n– ", "\n• ", ":", "Samenwerking met Spanje"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_sentences_cover_the_text_in_order(text):
    sentences = split_sentences(text)
    flat = text.replace("\n", " ")
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        assert s.text == flat[s.start : s.end] == s.text.strip() != ""
    assert all(a.end <= b.start for a, b in pairwise(sentences))
    assert "".join(s.text for s in sentences).replace(" ", "") == flat.replace(" ", "")


_SPACED = st.lists(st.sampled_from(["a", " ", "\n", "\t", "\u2003", "\xa0", "\x1c", "\u3000", "."]), max_size=20)


@given(_SPACED.map("".join))
def test_the_scan_for_a_space_before_a_line_break_agrees_with_a_plain_search(text):
    # Which heading regex _headings uses hangs on this: the faster one is right only without such a space.
    plain = any(space + "\n" in text for space in _SPACES_BUT_BREAK)
    assert (_SPACE_BEFORE_BREAK.search(text) is not None) == plain


def test_the_list_of_spaces_is_every_space_but_the_line_break():
    assert set(_SPACES_BUT_BREAK) == {chr(c) for c in range(0x110000) if chr(c).isspace()} - {"\n"}


def test_a_german_ordinal_after_an_article_ends_no_sentence():
    text = "Het bataljon valt onder de 10. Panzerdivision. Zie ook bijlage 2. Daar staat meer."
    assert [s.text for s in split_sentences(text)] == [
        "Het bataljon valt onder de 10. Panzerdivision.",
        "Zie ook bijlage 2.",
        "Daar staat meer.",
    ]


def test_numbered_and_lettered_items_of_a_list_are_sentences_of_their_own():
    text = "De Kamer ontvangt:\n1. een brief over de tankers;\n2. een overzicht.\na) de kosten;\nb) de planning."
    assert [s.text for s in split_sentences(text)] == [
        "De Kamer ontvangt:", "1. een brief over de tankers;", "2. een overzicht.", "a) de kosten;", "b) de planning."
    ]
    # A line that breaks a sentence ends in no mark: the number on the next line does not start an item.
    text = "Zo gaat het. Dit staat in de brief met nummer\n12) en verder niets."
    assert [s.text for s in split_sentences(text)][1] == "Dit staat in de brief met nummer 12) en verder niets."
