"""A compound in the query also finds its parts written apart, on either database (the suite runs on both)."""

from __future__ import annotations

import datetime as dt

import pytest

from ims.search.compounds import cuts, splits
from ims.search.query import fts5_match, parse, tsquery_sql
from ims.search.selectors import search


def _titles(results) -> set[str]:
    return {hit.title for hit in results.hits}


def test_a_word_is_cut_everywhere_with_the_linking_letters_taken_off():
    assert ("luchtruim", "bewaking") in cuts("luchtruimbewaking")
    assert ("vrede", "missie") in cuts("vredesmissie")  # -s-
    assert ("troep", "verplaatsing") in cuts("troepenverplaatsing")  # -en-
    assert ("ziekte", "kosten") in cuts("ziektekosten")
    assert all(len(a) >= 4 and len(b) >= 4 for a, b in cuts("luchtruimbewaking"))
    assert cuts("fregat") == []  # too short to be two words


def test_only_cuts_into_two_known_terms_count():
    vocabulary = {"luchtruim", "bewak", "lucht"}
    assert splits("luchtruimbewaking", lambda terms: vocabulary & set(terms)) == [("luchtruim", "bewaking")]
    assert splits("luchtruimbewaking", lambda terms: set()) == []


def test_the_parts_are_asked_for_anywhere_in_the_entry_on_both_databases():
    query = parse("luchtruimbewaking", known=lambda terms: {"luchtruim", "bewak"} & set(terms))
    assert fts5_match(query) == '(("luchtruimbewak" OR ("luchtruim" AND "bewak")))'
    assert tsquery_sql(query)[1] == ["luchtruimbewaking", "luchtruim bewaking"]  # unquoted: both, anywhere
    assert query.terms() == {"luchtruimbewak", "luchtruim", "bewak"}  # all marked in the snippets
    assert parse('"luchtruimbewaking"', known=lambda terms: set(terms)).clauses[0].alternatives[0].words == (
        "luchtruimbewaking",)  # quoted: the word as written, nothing split


@pytest.fixture
def compounds(corpus):
    from ims.register import services

    services.initiative_create(
        title="Vredesoperaties in de Sahel", summary="Een missie die de vrede in de regio moet bewaren.",
        planned_start=dt.date(2018, 1, 1))
    services.initiative_create(
        title="Oefening Snelle Verplaatsing", summary="De verplaatsing van troepen per spoor over grote afstand.",
        planned_start=dt.date(2022, 1, 1))
    services.initiative_create(
        title="Missie zonder verband", summary="Oefenen met troepen, zonder verplaatsing of vrede.",
        classification=3, planned_start=dt.date(2022, 1, 1))
    return corpus


@pytest.mark.django_db
def test_luchtruimbewaking_finds_the_bewaking_of_the_benelux_airspace(corpus, analyst):
    results = search(user=analyst, q="luchtruimbewaking")
    assert "Luchtruim" in _titles(results)
    hit = next(h for h in results.hits if h.title == "Luchtruim")
    marked = {text.lower() for text, mark in hit.excerpt.parts if mark}
    assert {"bewaking", "luchtruim"} <= marked


@pytest.mark.django_db
def test_two_compounds_of_our_own_with_linking_letters(compounds, analyst, viewer):
    assert "Vredesoperaties in de Sahel" in _titles(search(user=analyst, q="vredesmissie"))  # vrede + s + missie
    moved = _titles(search(user=analyst, q="troepenverplaatsing"))  # troepen + verplaatsing
    assert {"Oefening Snelle Verplaatsing", "Missie zonder verband"} <= moved
    assert "Missie zonder verband" not in _titles(search(user=viewer, q="troepenverplaatsing"))  # clearance holds


@pytest.mark.django_db
def test_a_word_whose_parts_the_index_does_not_hold_is_not_split(compounds, analyst):
    assert search(user=analyst, q="sneeuwverplaatsing").count == 0  # "sneeuw" is in no entry
