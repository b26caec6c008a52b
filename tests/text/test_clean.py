"""Cleaning text pulled from PDFs, with every cleaned character traceable to the original."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from ims.text.clean import CleanText, _deletions, clean_text


def fold(text: str) -> str:
    return " ".join(text.split())


def assert_faithful(clean: CleanText) -> None:
    """Every non-space character of the cleaned text is the original character it maps to."""
    for i, ch in enumerate(clean.text):
        if not ch.isspace():
            assert clean.original[clean.to_original(i)] == ch, (i, ch)


def original_of(clean: CleanText, phrase: str) -> str:
    start = clean.text.index(phrase)
    a, b = clean.span_to_original(start, start + len(phrase))
    return clean.original[a:b]


def test_word_hyphenated_across_lines_is_joined():
    clean = clean_text("over de interna-\ntionale samenwerking")
    assert "internationale samenwerking" in clean.text
    assert original_of(clean, "internationale") == "interna-\ntionale"
    assert_faithful(clean)


def test_hyphen_of_a_compound_with_a_name_is_kept():
    clean = clean_text("de Frans-\nItaliaanse brigade en de Patriot-\n \nraketten")
    assert "Frans-Italiaanse brigade" in clean.text and "Patriot-raketten" in clean.text
    assert_faithful(clean)


def test_suspended_hyphen_before_en_is_kept():
    assert "bi-\nen multilaterale" in clean_text("de bi-\nen multilaterale contacten").text


def test_running_footers_are_dropped():
    original = (
        "Eerste regel van de brief.\n Pagina 2 van 9 \nTweede regel.\n"
        "Tweede Kamer, vergaderjaar 2030–2031, 35 123, nr. 4 7\nDerde regel."
    )
    clean = clean_text(original)
    assert clean.text == "Eerste regel van de brief.\nTweede regel.\nDerde regel."
    assert original_of(clean, "Derde regel.") == "Derde regel."
    assert_faithful(clean)


def test_letterhead_and_return_address_are_dropped():
    original = (
        "> Retouradres Postbus 1 1000 AA Stad\n\nMinisterie\nOnze referentie\nXY2030000001\n"
        "Datum 3 maart 2030\nBetreft Oefening in Finland\nBij beantwoording datum,\n"
        "onze referentie en betreft\nvermelden.\nInleiding\nDe oefening met Finland begint."
    )
    clean = clean_text(original)
    assert clean.text == "Inleiding\nDe oefening met Finland begint."
    assert original_of(clean, "De oefening") == "De oefening"


def test_a_letter_run_into_one_line_is_not_dropped_as_its_return_address():
    # Some sources store a whole letter on one line that starts with the return address: that line is
    # the letter, not furniture.
    original = "> Retouradres Postbus 1 1000 AA Stad " + "Hierbij bericht ik u over de oefening in Finland. " * 5
    assert "oefening in Finland" in clean_text(original).text


def test_side_block_repeated_on_every_page_is_dropped():
    original = (
        "Tekst over Canada.\nOnze referentie\nAB2030000002\nMeer tekst.\n"
        "Onze referentie\nAB2030000002\nSlot over Canada."
    )
    assert clean_text(original).text == "Tekst over Canada.\nMeer tekst.\nSlot over Canada."


def test_footnote_numbers_and_footnote_block_are_dropped():
    original = (
        "zoals eerder gemeld\n3\n. Verder over Mali.\n"
        + " " * 30
        + "\n3\n Kamerstuk 12 345, nr. 6\n Pagina 4 van 9\nNieuwe pagina begint."
    )
    clean = clean_text(original)
    assert clean.text == "zoals eerder gemeld. Verder over Mali.\nNieuwe pagina begint."
    assert_faithful(clean)


def test_footnote_marker_glued_to_a_word_is_dropped():
    clean = clean_text("De nota kent drie bijlagen2. Die gaan over Peru.")
    assert clean.text == "De nota kent drie bijlagen. Die gaan over Peru."
    assert_faithful(clean)


def test_footnote_marker_glued_to_the_last_word_of_the_text_is_dropped_too():
    assert clean_text("Zie de bijlagen3 \n").text == "Zie de bijlagen"
    assert clean_text("met de F35 \n").text == "met de F35"  # a capital before: a name, not a note


def test_soft_hyphens_are_dropped():
    clean = clean_text("samen\u00adwerking en\u00ad\nrichting")
    assert clean.text == "samenwerking enrichting"
    assert_faithful(clean)


def test_detached_superscript_is_reattached_to_its_number():
    original = "stond het hoofdkwartier van het\ne\n2 Frans-Duitse korps gereed."
    clean = clean_text(original)
    assert "het\n2e Frans-Duitse korps" in clean.text
    moved = clean.text.index("2e") + 1
    assert clean.to_original(moved) == original.index("\ne\n") + 1  # the "e" points at itself
    assert_faithful(clean)


def test_layout_whitespace_is_folded():
    original = "Een zin over \n \nOekraïne  en\u00a0Moldavië. \n \n \n \nVolgende   alinea.  "
    clean = clean_text(original)
    assert clean.text == "Een zin over\n\nOekraïne en Moldavië.\n\nVolgende alinea."
    assert_faithful(clean)
    assert original_of(clean, "Volgende alinea.") == "Volgende   alinea."


def test_empty_and_blank_texts():
    assert clean_text("").text == ""
    assert clean_text(" \n \n ").text == ""


# ------------------------------------------------------------------ properties

_LOWER = set("abcdefghijklmnopqrstuvwxyz") | {chr(c) for c in range(0xE0, 0x100)}


def deleted_by_the_rules(text: str) -> set[int]:
    """What the whitespace pass deletes, character by character, straight from its rules."""
    n, out = len(text), set()
    k = 0
    while k < n:  # spaces: a run touching a line break goes whole, any other run keeps its first space
        if text[k] != " ":
            k += 1
            continue
        end = k
        while end < n and text[end] == " ":
            end += 1
        touches_break = text[k - 1 : k] == "\n" or text[end : end + 1] == "\n"
        out.update(range(k if touches_break else k + 1, end))
        k = end
    for q in range(n - 1):  # a space or break before punctuation, after a letter, digit or closing mark
        after = text[q + 2 : q + 3]
        before_punct = text[q] in " \n" and text[q + 1] in ".,;:" and (not after or after.isspace())
        if before_punct and (q == 0 or text[q - 1].isalnum() or text[q - 1] in ")»”’"):
            out.add(q)

    def closes(p: int) -> bool:  # what may follow a footnote marker
        if p == n or text[p].isspace():
            return True
        return text[p] in ".,;:" and (p + 1 == n or text[p + 1].isspace())

    k = 3
    while k < n:  # a footnote marker: one or two digits right after three lowercase letters
        if text[k] in "0123456789" and all(c in _LOWER for c in text[k - 3 : k]):
            end = k + 2 if k + 1 < n and text[k + 1].isdecimal() and closes(k + 2) else k + 1 if closes(k + 1) else 0
            if end:
                out.update(range(k, end))
                k = end
                continue
        k += 1
    out.update(k for k, ch in enumerate(text) if ch == "\u00ad")
    body = text.strip()
    if body:
        lead = len(text) - len(text.lstrip())
        out.update(range(lead))
        out.update(range(lead + len(body), n))
    else:
        out.update(range(n))
    return out


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*" \n.,;:ab1é2\u00ad)»X\u2003", "abc", "ies", "  ", " \n "]), max_size=40))
def test_whitespace_pass_deletes_exactly_what_its_rules_say(pieces):
    text = "".join(pieces)
    spans = _deletions(text)
    assert all(a < b for a, b in spans) and all(b1 <= a2 for (_, b1), (a2, _) in pairwise(spans))
    assert {k for a, b in spans for k in range(a, b)} == deleted_by_the_rules(text)


_PIECES = st.sampled_from(
    [
        "woord", "Nederland", "samen-\nwerking", "Duits-\nNederlandse", "bi-\nen", " ", "  ", "\n", " \n",
        "\n \n", "\u00a0", "\t", ".", ",", " .", "2019", "12", "\n4\n", "\ne\n", "Pagina 1 van 3", "\f",
        "«", "»", "€4,9",
    ]
)
_WORDS = st.sampled_from(["Noorwegen", "en", "Nederland", "oefenen", "samen", "in", "2020", "F-35", "(EDA)"])
_SPACES = st.sampled_from([" ", "  ", "\n", " \n", "\n \n", " \n\n ", "\t", "\u00a0"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join), st.data())
def test_offset_map_always_points_inside_the_original(original, data):
    clean = clean_text(original)
    assert_faithful(clean)
    if clean.text:
        start = data.draw(st.integers(0, len(clean.text) - 1))
        end = data.draw(st.integers(start, len(clean.text)))
        a, b = clean.span_to_original(start, end)
        assert 0 <= a <= b <= len(original)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SPACES), min_size=1, max_size=30), st.data())
def test_mapped_slice_folds_to_the_cleaned_slice(pairs, data):
    """When only whitespace changes, the original slice of any span reads the same as the cleaned one."""
    original = "".join(word + space for word, space in pairs)
    clean = clean_text(original)
    assert fold(clean.text) == fold(original)
    start = data.draw(st.integers(0, max(0, len(clean.text) - 1)))
    end = data.draw(st.integers(start, len(clean.text)))
    a, b = clean.span_to_original(start, end)
    assert fold(original[a:b]) == fold(clean.text[start:end])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_cleans_without_error(original):
    clean = clean_text(original)
    assert_faithful(clean)
    assert not re.search(r"[ \t]\n|\n[ \t]|\n\n\n", clean.text)
