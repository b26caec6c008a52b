"""The database's part of the search: writing an entry's full-text side, and matching, ranking and counting in
one statement. PostgreSQL: a ``tsvector`` (``dutch``), ``websearch_to_tsquery``, ``ts_rank_cd``. SQLite: FTS5
over the Snowball stems (``ims.search.analysis``), ``bm25``. The snippets are cut in Python (``excerpt``) from
the hits of the shown page only, so no database reads a whole letter to show a line of it.

Clearance is part of the matching query itself: on PostgreSQL a condition on the matched row's level, on SQLite
a condition on the FTS5 rowid, which carries the entry's level, kind and year (see ``fts_rowid``). So no hit,
count or facet comes from an entry above the reader's level, and the database never joins the matches to
another table to find that out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

from . import analysis
from .models import Kind, SearchEntry
from .query import Query, fts5_match, tsquery_sql

# Ranking weights: a word in the title counts more than one in the text.
_TITLE_WEIGHT, _BODY_WEIGHT = 5.0, 1.0

_TERM_LENGTH = 200  # the vocabulary's column; a longer "word" (a run of digits, a pasted string) splits nothing

# The SQLite rowid of an entry's FTS5 row: its id, kind, level and year packed into one integer, so that a
# match's facets and clearance are read from the index's own row list. Reading them from a table instead means
# a lookup per matching row, and a word found in 11,000 entries made that the larger part of a search.
_YEAR_BITS, _LEVEL_BITS, _KIND_BITS = 12, 3, 4
_LEVEL_SHIFT = _YEAR_BITS
_KIND_SHIFT = _YEAR_BITS + _LEVEL_BITS
_ID_SHIFT = _YEAR_BITS + _LEVEL_BITS + _KIND_BITS
# Codes of the kinds in the rowid: append only, a stored index depends on them.
KIND_CODES: tuple[str, ...] = ("partner", "initiative", "agreement", "contribution", "commitment", "milestone",
                               "document")
assert set(KIND_CODES) == set(Kind.values)


def fts_rowid(entry: SearchEntry) -> int:
    year = entry.year if entry.year and 0 < entry.year < (1 << _YEAR_BITS) else 0  # 0: no year
    level = min(int(entry.classification), (1 << _LEVEL_BITS) - 1)
    return (entry.pk << _ID_SHIFT) | (KIND_CODES.index(entry.kind) << _KIND_SHIFT) | (level << _LEVEL_SHIFT) | year


def _postgresql() -> bool:
    return connection.vendor == "postgresql"


def _vocabulary(stemmed: Iterable[str]) -> list[tuple[str]]:
    """The index terms in ``stemmed`` (texts as ``analysis.terms`` gives them), once each, for the vocabulary
    the compound splitting consults."""
    found: set[str] = set()
    for text in stemmed:
        found.update(text.split())
    found.discard(analysis.STOP_MARK)
    return [(term,) for term in sorted(found) if len(term) <= _TERM_LENGTH]


def write(entry: SearchEntry) -> None:
    """Store (or replace) the full-text side of one entry."""
    write_many([entry], fresh=False)


def write_many(rows: list[SearchEntry], *, fresh: bool) -> None:
    """Store the full-text side of many entries; ``fresh``: none of them has one yet."""
    stemmed = [(row, analysis.terms(row.title), analysis.terms(row.body)) for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany("INSERT INTO search_term (term) VALUES (%s) ON CONFLICT DO NOTHING",
                           _vocabulary(text for _, title, body in stemmed for text in (title, body)))
        if _postgresql():
            cursor.executemany(
                "UPDATE search_searchentry SET vector = setweight(to_tsvector('dutch', %s), 'A')"
                " || setweight(to_tsvector('dutch', %s), 'B') WHERE id = %s",
                [(analysis.fold(row.title), analysis.fold(row.body), row.pk) for row in rows],
            )
            return
        if not fresh:
            _forget_fts(cursor, [row.pk for row in rows])
        cursor.executemany("INSERT INTO search_fts (rowid, title, body) VALUES (%s, %s, %s)",
                           [(fts_rowid(row), title, body) for row, title, body in stemmed])


def _forget_fts(cursor, entry_ids: list[int]) -> None:
    # The rowid range of an entry: whatever level, kind and year it was stored with.
    cursor.executemany("DELETE FROM search_fts WHERE rowid >= %s AND rowid < %s",
                       [(pk << _ID_SHIFT, (pk + 1) << _ID_SHIFT) for pk in entry_ids])


def forget(entry_ids: list[int]) -> None:
    if _postgresql() or not entry_ids:
        return  # on PostgreSQL the vector goes with its row
    with connection.cursor() as cursor:
        _forget_fts(cursor, entry_ids)


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_term")
        if not _postgresql():
            cursor.execute("DELETE FROM search_fts")


def analyze() -> None:
    """Fresh planner statistics after a rebuild, so that the first searches are planned for the new index."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchentry" if _postgresql() else "ANALYZE")


def known_terms(candidates: Iterable[str]) -> set[str]:
    """Those of ``candidates`` that are index terms of some entry (the compound splitting's vocabulary)."""
    wanted = sorted(set(candidates))
    if not wanted:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT term FROM search_term WHERE term IN ({', '.join(['%s'] * len(wanted))})", wanted)
        return {row[0] for row in cursor.fetchall()}


@dataclass(frozen=True)
class Found:
    counts: list[tuple[str, int | None, int]]  # (kind, year, hits) over all visible matches
    ids: list[int]  # the asked page of entry ids, best first


def find(query: Query, *, level: int, kind: str, year: int | None, offset: int, limit: int) -> Found:
    """The matches visible at ``level``: counted by kind and year, and one page of them (of ``kind`` and
    ``year`` where given) ranked best first."""
    if _postgresql():
        return _find_postgresql(query, level=level, kind=kind, year=year, offset=offset, limit=limit)
    return _find_sqlite(query, level=level, kind=kind, year=year, offset=offset, limit=limit)


def _find_postgresql(query: Query, *, level: int, kind: str, year: int | None, offset: int, limit: int) -> Found:
    """Two statements: counting reads no vector and ranks nothing; only the second ranks. (One statement with
    the matches in a CTE measured slower: PostgreSQL then ranks every match and stores the lot.)"""
    expression, query_params = tsquery_sql(query)
    where, params = "", []
    if kind:
        where += " AND e.kind = %s"
        params.append(kind)
    if year is not None:
        where += " AND e.year = %s"
        params.append(year)
    matched = (f"FROM search_searchentry e, (SELECT {expression} AS q) q"
               " WHERE e.vector @@ q.q AND e.classification <= %s")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT e.kind, e.year, COUNT(*) {matched} GROUP BY e.kind, e.year", [*query_params, level])
        counts = [(row_kind, row_year, n) for row_kind, row_year, n in cursor.fetchall()]
        cursor.execute(f"SELECT e.id {matched}{where} ORDER BY ts_rank_cd(e.vector, q.q) DESC, e.id LIMIT %s OFFSET %s",
                       [*query_params, level, *params, limit, offset])
        return Found(counts, [row[0] for row in cursor.fetchall()])


def _find_sqlite(query: Query, *, level: int, kind: str, year: int | None, offset: int, limit: int) -> Found:
    """Two statements over the FTS5 index alone, no table joined. Counting needs no rank, and grouping on the
    packed key before checking its level checks each group once instead of each row; only the second ranks."""
    where: list[str] = []
    params: list = []
    level_of = f"((rowid >> {_LEVEL_SHIFT}) & {(1 << _LEVEL_BITS) - 1})"
    match = fts5_match(query)
    if kind:
        where.append(f"((rowid >> {_KIND_SHIFT}) & {(1 << _KIND_BITS) - 1}) = %s")
        params.append(KIND_CODES.index(kind))
    if year is not None:
        where.append(f"(rowid & {(1 << _YEAR_BITS) - 1}) = %s")
        params.append(year)
    key = f"rowid & {(1 << _ID_SHIFT) - 1}"
    counts: dict[tuple[str, int | None], int] = {}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {key} AS k, COUNT(*) FROM search_fts WHERE search_fts MATCH %s GROUP BY k"
                       f" HAVING ((k >> {_LEVEL_SHIFT}) & {(1 << _LEVEL_BITS) - 1}) <= %s", [match, level])
        for packed, n in cursor.fetchall():
            facet = (KIND_CODES[packed >> _KIND_SHIFT], (packed & ((1 << _YEAR_BITS) - 1)) or None)
            counts[facet] = counts.get(facet, 0) + n  # the same kind and year at several levels
        condition = "".join(f" AND {w}" for w in where)
        cursor.execute(f"SELECT rowid >> {_ID_SHIFT} FROM search_fts WHERE search_fts MATCH %s AND {level_of} <= %s"
                       f"{condition} ORDER BY bm25(search_fts, {_TITLE_WEIGHT}, {_BODY_WEIGHT}), rowid"
                       " LIMIT %s OFFSET %s", [match, level, *params, limit, offset])
        ids = [row[0] for row in cursor.fetchall()]
    return Found([(k, y, n) for (k, y), n in counts.items()], ids)
