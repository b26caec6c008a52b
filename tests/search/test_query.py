"""The search language and the snippets, without a database."""

from __future__ import annotations

from ims.search.analysis import fold, terms
from ims.search.excerpt import passage
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


def test_a_snippet_is_the_passage_around_the_first_match():
    text = "Aanhef. De Noorse mariniers oefenen met geïntegreerde eenheden in het noorden. Noorse mariniers."
    query = parse('"Noorse mariniers" oefenen')
    found = passage(text, query.needles(), query.terms(), width=4)
    assert text[found.start:found.end] == "De Noorse mariniers oefenen"
    assert found.parts[1] == ("Noorse", True) and found.leading and found.trailing
    phrase = parse('"mariniers oefenen"')
    assert passage(text, phrase.needles(), phrase.terms(), width=2).start == text.index("mariniers")
    title_only = passage(text, parse("fregat").needles(), parse("fregat").terms(), width=3)
    assert (title_only.start, title_only.leading) == (0, False)  # no match in the text: its start
