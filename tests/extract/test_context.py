"""The per-document index the extractors share, and the word screens in front of their regexes.

A screen (:class:`Cue` through the document's keyword pass, :class:`Needs` through ``in``) only saves
searching sentences that cannot match; these tests hold it to that: it must never change what a regex
finds, nor any fact.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ims.extract import (
    agreement,
    commitment,
    common,
    contribution,
    defence_spending,
    initiative,
    partner_ring,
    procurement,
)
from ims.extract.common import Needs
from ims.extract.context import Cue, DocContext
from ims.extract.pipeline import extract_text
from ims.text.clean import clean_text
from ims.text.meta import read_meta

MODULES = (agreement, commitment, common, contribution, defence_spending, initiative, partner_ring, procurement)


def screens() -> list[Cue | Needs]:
    """Every screened regex the extractors define, at module level or inside a module-level tuple."""
    found: list[Cue | Needs] = []

    def visit(value: object) -> None:
        if isinstance(value, Cue | Needs):
            found.append(value)
        elif isinstance(value, tuple):
            for item in value:
                visit(item)

    for module in MODULES:
        for value in vars(module).values():
            visit(value)
    return found


SCREENS = screens()


def seed_texts(shared_dir: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((shared_dir / "seeds").glob("*.txt"))]


def seed_docs(shared_dir: Path) -> list[DocContext]:
    return [DocContext("seed", clean_text(text), read_meta(text).date) for text in seed_texts(shared_dir)]


def test_the_extractors_screen_their_costly_regexes():
    assert len(SCREENS) >= 15
    for screen in SCREENS:
        assert screen.words and all(word == word.strip("|") and word for word in screen.words)


# Text made of the regexes' own literal pieces, so that the generated strings do match them often.
_PIECES = sorted(
    {piece for screen in SCREENS for piece in re.findall(r"[a-zà-ÿ'’ ]{2,}", screen.regex.pattern)}
    | {" ", ", ", ". ", "2019", "Nederland", "NAVO", " in ", " de ", "-", "Force"}
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12).map("".join))
def test_a_screened_regex_never_matches_without_one_of_its_words(text):
    for candidate in (text, text.lower()):
        for screen in SCREENS:
            if screen.regex.search(candidate):
                assert any(word in candidate for word in screen.words), (screen.regex.pattern, candidate)


def test_no_seed_sentence_matches_a_screened_regex_without_its_words(shared_dir):
    for doc in seed_docs(shared_dir):
        for i, sentence in enumerate(doc.sentences):
            for text in (sentence.text, doc.lower(i)):
                for screen in SCREENS:
                    if screen.regex.search(text):
                        assert any(word in text for word in screen.words), (screen.regex.pattern, text)


def test_doc_search_finds_what_the_regex_finds(shared_dir):
    cues = [screen for screen in SCREENS if isinstance(screen, Cue)]
    for doc in seed_docs(shared_dir):
        for i in range(len(doc.sentences)):
            for cue in cues:
                plain = cue.regex.search(doc.lower(i))
                screened = doc.search(cue, i)
                assert (plain and plain.span()) == (screened and screened.span())


def test_find_having_and_holds_agree_with_a_plain_search(shared_dir):
    words = ["samenwerking", "bbp", "mou", "(", "nederland", "de ", "force", "zal ", "xyz"]
    for doc in seed_docs(shared_dir):
        text = doc.flat.lower()
        starts = [s.start for s in doc.sentences]
        for word in words:
            expected = sorted(
                {max(k for k, start in enumerate(starts) if start <= p) for p in _positions(text, word)}
            )
            assert doc.find(word) == expected, word
            assert [i for i in range(len(doc.sentences)) if doc.holds(word, i)] == expected, word
        assert doc.having(("bbp", "mou")) == set(doc.find("bbp")) | set(doc.find("mou"))
        # Keywords and words outside the vocabulary (found by a search of their own) together.
        mixed = ("force", "nederland", "xyz", "bbp")
        assert doc.having(mixed) == set().union(*(doc.find(word) for word in mixed))


def _positions(text: str, word: str) -> list[int]:
    found, pos = [], text.find(word)
    while pos >= 0:
        found.append(pos)
        pos = text.find(word, pos + 1)
    return found


@pytest.fixture
def unscreened(monkeypatch):
    """Every screened regex searched on every sentence, as if there were no screens."""
    monkeypatch.setattr(DocContext, "search", lambda self, cue, i: cue.regex.search(self.lower(i)))
    monkeypatch.setattr(Needs, "search", lambda self, text, *args: self.regex.search(text, *args))
    monkeypatch.setattr(Needs, "finditer", lambda self, text: self.regex.finditer(text))


def _facts(texts: list[str]) -> list[list[dict]]:
    return [[f.to_json() for f in extract_text(text, "seed.txt")] for text in texts]


def test_screening_never_changes_a_fact(shared_dir, request):
    # The seeds, and the seeds with their paragraphs in reverse order (other contexts for each sentence).
    texts = seed_texts(shared_dir)
    texts += ["\n\n".join(reversed(text.split("\n\n"))) for text in texts]
    screened = _facts(texts)
    request.getfixturevalue("unscreened")
    assert _facts(texts) == screened
    assert sum(map(len, screened)) > 80
