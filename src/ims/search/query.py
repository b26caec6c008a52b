"""The search box's language, read once and written out for each database (no Django here).

Words are all required; ``OR`` (or a capital ``OF``) between two words lets either do; ``"quoted words"``
must stand together, in that order; ``-word`` (or ``-"a phrase"``) must not occur. A country's adjective or
people ("Noorse", "Noren") also finds the country by its Dutch and English names, through the gazetteer the
extraction uses. The same parsed query becomes an FTS5 MATCH expression on SQLite and a ``tsquery`` built with
``websearch_to_tsquery('dutch', …)`` on PostgreSQL, so both find the same records. A compound also asks for
its parts, both anywhere in the entry ("luchtruimbewaking": "luchtruim" and "bewaking"; see ``compounds``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ims.text import gazetteer
from ims.text.countries import country_name

from .analysis import STOP_MARK, fold, stem, words
from .compounds import splits

MAX_LENGTH = 200  # characters of a query; the rest is ignored
MAX_CLAUSES = 12
_PIECE = re.compile(r'-?"[^"]*"?|\S+')


@dataclass(frozen=True)
class Atom:
    """A word or a phrase, as folded words (stop words kept inside a phrase, for their places); ``loose``: the
    words may stand anywhere (the parts of a compound)."""

    words: tuple[str, ...]
    loose: bool = False

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(stem(word) for word in self.words)


@dataclass(frozen=True)
class Clause:
    alternatives: tuple[Atom, ...]  # any one of them will do
    negated: bool = False


@dataclass(frozen=True)
class Query:
    clauses: tuple[Clause, ...]

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negated)

    @property
    def negative(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.negated)

    @property
    def empty(self) -> bool:
        """Nothing to look for: a query of only stop words or only exclusions finds nothing."""
        return not self.positive

    def terms(self) -> frozenset[str]:
        """The index terms a hit may show highlighted."""
        return frozenset(s for c in self.positive for a in c.alternatives for s in a.stems if s != STOP_MARK)

    def needles(self) -> list[tuple[str, ...]]:
        """What a snippet looks for in a text: each word's or phrase's run of index terms."""
        out = []
        for c in self.positive:
            for a in c.alternatives:
                out += [(s,) for s in a.stems] if a.loose else [a.stems]
        return out


def _atom(text: str) -> Atom | None:
    """The words of a piece, without the stop words at its ends (PostgreSQL ignores those as well)."""
    found = [fold(w) for w in words(text)]
    while found and stem(found[0]) == STOP_MARK:
        found.pop(0)
    while found and stem(found[-1]) == STOP_MARK:
        found.pop()
    return Atom(tuple(found)) if found else None


def _country_names(word: str) -> tuple[Atom, ...]:
    """For a country's adjective or people ("Noorse", "Noren"): the country's Dutch and English names."""
    for surface in (word, word[:1].upper() + word[1:].lower()):
        code = gazetteer.country_code(surface)
        if code:
            try:
                names = (country_name(code, "nl"), country_name(code, "en"))
            except KeyError:
                return ()
            return tuple(a for a in (_atom(name) for name in names) if a is not None)
    return ()


def parse(text: str, known: Callable[[Iterable[str]], set[str]] | None = None) -> Query:
    """``known``: which of some index terms the index holds, for splitting compounds (none split without it)."""
    clauses: list[Clause] = []
    join_next = False
    for piece in _PIECE.findall(text[:MAX_LENGTH]):
        if (piece.lower() == "or" or piece == "OF") and clauses and not clauses[-1].negated:
            join_next = True
            continue
        negated = piece.startswith("-") and len(piece) > 1
        body = piece[1:] if negated else piece
        quoted = body.startswith('"')
        atom = _atom(body.strip('"'))
        if atom is None:
            join_next = False
            continue
        alternatives = [atom]
        if not quoted and not negated and len(atom.words) == 1:
            alternatives += [a for a in _country_names(body.strip('"')) if a.stems != atom.stems]
            if known is not None:
                alternatives += [Atom(pair, loose=True) for pair in splits(atom.words[0], known)]
        if join_next and not negated:
            previous = clauses.pop()
            clauses.append(Clause(previous.alternatives + tuple(alternatives)))
        else:
            clauses.append(Clause(tuple(alternatives), negated=negated))
        join_next = False
    return Query(tuple(clauses[:MAX_CLAUSES]))


def fts5_match(query: Query) -> str:
    """The FTS5 MATCH expression over the index terms (see ``analysis.terms``)."""

    def clause(c: Clause) -> str:
        return "(" + " OR ".join(atom(a) for a in c.alternatives) + ")"

    def atom(a: Atom) -> str:
        if a.loose:
            return "(" + " AND ".join(f'"{s}"' for s in a.stems) + ")"
        return '"' + " ".join(a.stems) + '"'

    expression = " AND ".join(clause(c) for c in query.positive)
    return "(" + expression + ")" + "".join(" NOT " + clause(c) for c in query.negative)


def tsquery_sql(query: Query) -> tuple[str, list[str]]:
    """A ``tsquery`` expression of ``websearch_to_tsquery('dutch', …)`` pieces, and its parameters."""
    params: list[str] = []

    def clause(c: Clause) -> str:
        parts = []
        for atom in c.alternatives:
            text = " ".join(atom.words)
            params.append(f'"{text}"' if len(atom.words) > 1 and not atom.loose else text)
            parts.append("websearch_to_tsquery('dutch', %s)")
        return "(" + " || ".join(parts) + ")"

    expression = " && ".join(clause(c) for c in query.positive)
    for c in query.negative:
        expression += " && !!" + clause(c)
    return expression, params
