"""How words are turned into index terms, the same way on every database: folded (lower case, no diacritics),
split into words, and stemmed by Snowball's Dutch stemmer.

The stemmer is Snowball's original Dutch algorithm ("dutch_porter" in snowballstemmer 3), the one behind
PostgreSQL's ``dutch`` text-search configuration, so that the FTS5 index on SQLite and the ``tsvector`` on
PostgreSQL reduce a word to the same stem. The stop words are PostgreSQL's Dutch list as well. No Django here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import snowballstemmer

STEMMER = "dutch_porter"
# What stands in the SQLite index for a stop word: PostgreSQL drops stop words but keeps their positions, so
# a phrase "bewaking van het luchtruim" still needs two words between its ends; a placeholder does the same.
STOP_MARK = "qq0"
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case without diacritics: "Geïntegreerd" -> "geintegreerd" (one character per character)."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return unicodedata.normalize("NFC", folded)


@cache
def stop_words() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "dutch_stop.txt"
    return frozenset(fold(line.strip()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


@cache
def _stemmer():
    return snowballstemmer.stemmer(STEMMER)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The index term of one word (already a word: no spaces or punctuation); a stop word becomes STOP_MARK."""
    folded = fold(word)
    if folded in stop_words():
        return STOP_MARK
    return _stemmer().stemWord(folded)


class Token(NamedTuple):  # a tuple: a letter has thousands of them, and a dataclass costs several times more
    start: int  # offsets into the text the token was read from
    end: int
    term: str  # the stem, or STOP_MARK


def tokens(text: str) -> list[Token]:
    """Every word of ``text`` with its place in it and its index term."""
    return list(iter_tokens(text))


def iter_tokens(text: str, start: int = 0) -> Iterator[Token]:
    """The words of ``text`` one by one (from the word at ``start`` on), for a reader that may stop early."""
    while 0 < start < len(text) and text[start - 1].isalnum():
        start -= 1  # not from the middle of a word
    for m in _WORD.finditer(text, start):
        yield Token(m.start(), m.end(), stem(m.group()))


def terms(text: str) -> str:
    """``text`` as the SQLite index stores it: its index terms, separated by spaces, in order."""
    return " ".join(stem(m.group()) for m in _WORD.finditer(text))


def words(text: str) -> list[str]:
    """The words of ``text``, as they stand (for building queries)."""
    return _WORD.findall(text)
