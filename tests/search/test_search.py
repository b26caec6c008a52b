"""The search's cases on whichever database the run uses (the suite runs on SQLite and on PostgreSQL)."""

from __future__ import annotations

import pytest

from ims.search.selectors import search
from tests.db import in_db

pytestmark = pytest.mark.django_db


def _found(results) -> set[tuple[str, str]]:
    return {(hit.kind, hit.title) for hit in results.hits}


def test_a_plural_finds_the_singular_and_back(corpus, analyst):
    both = {("initiative", "Vervanging onderzeebootcapaciteit"), ("initiative", "Kroonjuweel")}
    assert _found(search(user=analyst, q="onderzeeboten")) == both  # "onderzeeboot" in the first one's summary
    assert _found(search(user=analyst, q="onderzeeboot")) == both  # "onderzeeboten" in the second one's


def test_onderzeeboten_finds_onderzeeboot(corpus, analyst):
    results = search(user=analyst, q="onderzeeboten verwerven")
    assert _found(results) == {("initiative", "Vervanging onderzeebootcapaciteit")}


def test_an_adjective_finds_the_country_and_its_records(corpus, analyst):
    results = search(user=analyst, q="Noorse")
    found = _found(results)
    assert ("partner", "Noorwegen") in found
    assert ("initiative", "Koudweertraining in het hoge noorden") in found  # Norway takes part
    assert ("document", "Brief over de mariniers") in found
    assert ("initiative", "Luchtruim") not in found


def test_a_quoted_phrase_matches_only_the_phrase(corpus, analyst):
    loose = _found(search(user=analyst, q="Noorse mariniers"))
    assert {("document", "Brief over de mariniers"), ("document", "Brief over oefeningen")} <= loose
    phrase = _found(search(user=analyst, q='"Noorse mariniers"'))
    assert ("document", "Brief over de mariniers") in phrase
    assert ("document", "Brief over oefeningen") not in phrase


def test_diacritics_fold_both_ways(corpus, analyst):
    assert ("initiative", "Luchtruim") in _found(search(user=analyst, q="geintegreerde"))
    assert ("initiative", "Luchtruim") in _found(search(user=analyst, q="geïntegreerd"))


def test_a_hyphenated_compound_is_found_by_its_parts(corpus, analyst):
    assert ("initiative", "Luchtruim") in _found(search(user=analyst, q="luchtruim bewaking"))
    assert ("initiative", "Luchtruim") in _found(search(user=analyst, q='"Benelux-luchtruim"'))


def test_or_and_minus(corpus, analyst):
    either = _found(search(user=analyst, q="arctische OR geïntegreerde"))
    assert {("initiative", "Koudweertraining in het hoge noorden"), ("initiative", "Luchtruim")} <= either
    without = _found(search(user=analyst, q="mariniers -Schotland"))
    assert ("document", "Brief over de mariniers") in without
    assert ("document", "Brief over oefeningen") not in without


def test_only_stop_words_or_only_exclusions_find_nothing(corpus, analyst):
    assert search(user=analyst, q="van het de").count == 0
    assert search(user=analyst, q="-mariniers").count == 0


def test_snippets_show_the_words_as_written_and_link_to_the_place(corpus, analyst):
    hit = next(h for h in search(user=analyst, q="Noorse mariniers").hits if h.title == "Brief over de mariniers")
    marked = [text for text, mark in hit.excerpt.parts if mark]
    assert "Noorse" in marked and "mariniers" in marked
    text = corpus["phrase"].text
    assert text[hit.excerpt.start:hit.excerpt.end] == "".join(t for t, _ in hit.excerpt.parts)
    assert hit.url


def test_clearance_on_hits_counts_facets_and_snippets(corpus, analyst, viewer):
    secret = search(user=analyst, q="kroonjuweel")
    assert secret.count == 3  # the initiative, its milestone and the classified letter
    assert dict(secret.facets["kind"]) == {"initiative": 1, "milestone": 1, "document": 1}
    hidden = search(user=viewer, q="kroonjuweel")
    assert hidden.count == 0 and hidden.hits == [] and hidden.facets["kind"] == [] and hidden.facets["year"] == []
    seen = search(user=viewer, q="Noorse mariniers")
    assert ("document", "Gerubriceerde brief") not in _found(seen)
    assert all("kroonjuweel" not in "".join(t for t, _ in h.excerpt.parts).lower() for h in seen.hits)
    assert seen.count == len(seen.hits)
    assert "2021" not in dict(seen.facets["year"])  # the classified letter's year is not counted either


def test_facets_filter_and_count(corpus, analyst):
    everything = search(user=analyst, q="Noorse")
    kinds = dict(everything.facets["kind"])
    documents = search(user=analyst, q="Noorse", kind="document")
    assert documents.count == kinds["document"] == len(documents.hits)
    assert {h.kind for h in documents.hits} == {"document"}
    in_2019 = search(user=analyst, q="Noorse", kind="document", year=2019)
    assert [h.title for h in in_2019.hits] == ["Brief over de mariniers"]


def test_the_index_follows_edits_and_deletes(corpus, analyst):
    from ims.core.services import record_delete
    from ims.register import services

    services.initiative_update(initiative=corpus["arctic"], actor=analyst, title="Sneeuwschoenoefening")
    assert ("initiative", "Sneeuwschoenoefening") in _found(search(user=analyst, q="sneeuwschoenoefening"))
    assert search(user=analyst, q="koudweertraining").count == 0
    record_delete(corpus["apart"])
    assert ("document", "Brief over oefeningen") not in _found(search(user=analyst, q="Schotland"))


def test_a_rebuilt_index_finds_the_same(corpus, analyst):
    from ims.search.services import rebuild

    queries = ["onderzeeboten", "Noorse", '"Noorse mariniers"', "geintegreerde", "kroonjuweel", "mariniers -Schotland"]
    before = {q: (_found(search(user=analyst, q=q)), search(user=analyst, q=q).count) for q in queries}
    assert rebuild() >= 10
    assert {q: (_found(search(user=analyst, q=q)), search(user=analyst, q=q).count) for q in queries} == before


def test_the_stemmer_is_postgresqls_dutch_one(corpus):
    """The SQLite index stems in Python; it must reduce words as PostgreSQL's dutch configuration does."""
    from django.db import connection

    from ims.search.analysis import STOP_MARK, stem, words

    if connection.vendor != "postgresql":
        pytest.skip("compares with PostgreSQL's stemmer")
    sample = sorted({w.lower() for w in words(
        "onderzeeboten onderzeeboot geïntegreerde eenheden Noorse Noren Noorwegen mariniers luchtruimbewaking "
        "bewaking Benelux-luchtruim toezeggingen toezegging samenwerking samenwerkingsverbanden brigades "
        "fregatten helikopters oefeningen oefenen verwerving verworven België Duitse Franse opleidingen")})
    with connection.cursor() as cursor:
        for word in sample:
            cursor.execute("SELECT ts_lexize('dutch_stem', %s)", [word])
            (lexemes,) = cursor.fetchone()
            expected = lexemes[0] if lexemes else STOP_MARK
            assert stem(word) == expected, word


def test_a_partner_raised_above_a_viewer_is_no_longer_a_way_to_find_its_initiatives(corpus, analyst, viewer):
    from ims.core.services import record_save
    from ims.register.models import Partner

    assert ("initiative", "Koudweertraining in het hoge noorden") in _found(search(user=viewer, q="Noorwegen"))
    norway = in_db(Partner).get(code="NO")
    norway.classification = 2
    record_save(norway)
    assert ("initiative", "Koudweertraining in het hoge noorden") not in _found(search(user=viewer, q="Noorwegen"))
    assert ("partner", "Noorwegen") not in _found(search(user=viewer, q="Noorwegen"))
    assert ("partner", "Noorwegen") in _found(search(user=analyst, q="Noorwegen"))


def test_the_command_rebuilds_the_index(corpus, analyst):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("search_index", stdout=out)
    assert out.getvalue().split()[0].isdigit() and int(out.getvalue().split()[0]) >= 10
    assert ("partner", "Noorwegen") in _found(search(user=analyst, q="Noorse"))
