"""The search language and the snippets, without a database."""

from __future__ import annotations

from ims.search.analysis import fold, terms
from ims.search.excerpt import END_MARK, START_MARK, locate
from ims.search.query import fts5_match, parse, tsquery_sql


def test_folding_and_stemming():
    assert fold("Geïntegreerd café") == "geintegreerd cafe"
    assert terms("Onderzeeboten") == terms("onderzeeboot")
    assert terms("van de") == "qq0 qq0"  # stop words keep their places


def test_words_phrases_or_and_minus():
    query = parse('fregat OR korvet "Noorse mariniers" -oefening')
    assert fts5_match(query) == '(("fregat" OR "korvet") AND ("nor marinier")) NOT ("oefen")'
    sql, params = tsquery_sql(query)
    assert params == ["fregat", "korvet", '"noorse mariniers"', "oefening"]
    assert sql.count("websearch_to_tsquery('dutch', %s)") == 4 and "!!" in sql


def test_an_adjective_also_asks_for_the_country():
    alternatives = parse("Noorse").clauses[0].alternatives
    assert [a.words for a in alternatives] == [("noorse",), ("noorwegen",), ("norway",)]
    assert len(parse('"Noorse"').clauses[0].alternatives) == 1  # quoted: the word as written


def test_stop_words_alone_and_exclusions_alone_ask_nothing():
    assert parse("van het").empty and parse("-fregat").empty and parse("").empty
    assert fts5_match(parse('"van de brigade"')) == '(("brigad"))'  # PostgreSQL drops them at the ends too


def test_a_snippet_is_found_back_in_the_text():
    text = "Aanhef. De Noorse mariniers oefenen met geïntegreerde eenheden in het noorden."
    found = locate(text, f"…{START_MARK}nor{END_MARK} marinier oefen…", frozenset({"nor"}), stemmed=True)
    assert text[found.start:found.end] == "Noorse mariniers oefenen"
    assert found.parts[0] == ("Noorse", True) and found.leading and found.trailing
    assert locate(text, f"De {START_MARK}Noorse{END_MARK} mariniers", frozenset({"nor"}), stemmed=False).start == 8
    fallback = locate(text, "iets anders", frozenset({"geintegreerd"}), stemmed=False)
    assert ("geïntegreerde", True) in fallback.parts
