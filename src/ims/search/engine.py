"""The database's part of the search: writing an entry's full-text side, and matching, ranking, counting and
snippets. PostgreSQL: a ``tsvector`` (``dutch``), ``websearch_to_tsquery``, ``ts_rank_cd``, ``ts_headline``.
SQLite: FTS5 over the Snowball stems (``ims.search.analysis``), ``bm25``, ``snippet``.

Every query here takes the ids of the entries the user may see as a subquery, built by the selector through
the clearance filter, so no match, count or snippet comes from an entry above the user's clearance.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from . import analysis
from .excerpt import END_MARK, START_MARK
from .query import Query, fts5_match, tsquery_sql

# Ranking weights: a word in the title counts more than one in the text.
_TITLE_WEIGHT, _BODY_WEIGHT = 5.0, 1.0
SNIPPET_WORDS = 24


def _postgresql() -> bool:
    return connection.vendor == "postgresql"


def write(entry_id: int, title: str, body: str) -> None:
    """Store (or replace) the full-text side of one entry."""
    write_many([(entry_id, title, body)], fresh=False)


def write_many(rows: list[tuple[int, str, str]], *, fresh: bool) -> None:
    """Store the full-text side of many entries ``(id, title, body)``; ``fresh``: none of them has one yet."""
    with connection.cursor() as cursor:
        if _postgresql():
            cursor.executemany(
                "UPDATE search_searchentry SET vector = setweight(to_tsvector('dutch', %s), 'A')"
                " || setweight(to_tsvector('dutch', %s), 'B') WHERE id = %s",
                [(analysis.fold(title), analysis.fold(body), pk) for pk, title, body in rows],
            )
            return
        if not fresh:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(pk,) for pk, _, _ in rows])
        cursor.executemany("INSERT INTO search_fts (rowid, title, body) VALUES (%s, %s, %s)",
                           [(pk, analysis.terms(title), analysis.terms(body)) for pk, title, body in rows])


def forget(entry_ids: list[int]) -> None:
    if _postgresql() or not entry_ids:
        return  # on PostgreSQL the vector goes with its row
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({', '.join(['%s'] * len(entry_ids))})", entry_ids)


def clear() -> None:
    if not _postgresql():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")


@dataclass(frozen=True)
class Matches:
    """A WITH clause that defines ``h(id, rank, kind, year)``: the visible entries that match, the rank higher for
    better hits."""

    sql: str
    params: list


def matches(query: Query, visible_sql: str, visible_params: tuple, *, ranked: bool = True) -> Matches:
    """``ranked=False`` leaves the rank out (0 for all): counting needs none, and ranking every hit costs."""
    if _postgresql():
        expression, params = tsquery_sql(query)
        rank = "ts_rank_cd(e.vector, q.q)" if ranked else "0"
        sql = (f"WITH q AS (SELECT {expression} AS q), h AS (SELECT e.id, {rank} AS rank, e.kind,"
               f" e.year FROM search_searchentry e, q WHERE e.vector @@ q.q AND e.id IN ({visible_sql}))")
        return Matches(sql, [*params, *visible_params])
    # Materialized: else SQLite may run the full-text match again for every row it joins.
    rank = f"bm25(search_fts, {_TITLE_WEIGHT}, {_BODY_WEIGHT})" if ranked else "0"
    sql = (f"WITH m AS MATERIALIZED (SELECT rowid AS id, {rank} AS rank"
           " FROM search_fts WHERE search_fts MATCH %s), h AS (SELECT e.id, -m.rank AS rank, e.kind, e.year FROM m"
           f" JOIN search_searchentry e ON e.id = m.id WHERE e.id IN ({visible_sql}))")
    return Matches(sql, [fts5_match(query), *visible_params])


def counts(found: Matches) -> list[tuple[str, int | None, int]]:
    """``(kind, year, number of hits)`` over all matches: the facets and, summed, the total."""
    with connection.cursor() as cursor:
        cursor.execute(f"{found.sql} SELECT kind, year, COUNT(*) FROM h GROUP BY kind, year", found.params)
        return [(kind, year, n) for kind, year, n in cursor.fetchall()]


def ranked(found: Matches, *, kind: str, year: int | None, offset: int, limit: int) -> list[int]:
    """One page of matching entry ids, best first, of one kind and year where given."""
    where, params = [], []
    if kind:
        where.append("kind = %s")
        params.append(kind)
    if year is not None:
        where.append("year = %s")
        params.append(year)
    condition = ("WHERE " + " AND ".join(where)) if where else ""
    with connection.cursor() as cursor:
        cursor.execute(f"{found.sql} SELECT id FROM h {condition} ORDER BY rank DESC, id LIMIT %s OFFSET %s",
                       [*found.params, *params, limit, offset])
        return [row[0] for row in cursor.fetchall()]


def snippets_are_terms() -> bool:
    """Whether ``snippets`` gives index terms (SQLite's index holds stems) rather than the text as written."""
    return not _postgresql()


def snippets(query: Query, entry_ids: list[int]) -> dict[int, str]:
    """The database's snippet of each entry's text, matching words between START_MARK and END_MARK."""
    if not entry_ids:
        return {}
    ids = ", ".join(["%s"] * len(entry_ids))
    with connection.cursor() as cursor:
        if _postgresql():
            expression, params = tsquery_sql(query)
            options = (f'StartSel="{START_MARK}", StopSel="{END_MARK}", MaxWords={SNIPPET_WORDS}, '
                       f"MinWords={SNIPPET_WORDS // 2}, MaxFragments=1")
            cursor.execute(f"SELECT e.id, ts_headline('dutch', e.body, q.q, %s) FROM search_searchentry e,"
                           f" (SELECT {expression} AS q) q WHERE e.id IN ({ids})", [options, *params, *entry_ids])
        else:
            cursor.execute(f"SELECT rowid, snippet(search_fts, 1, %s, %s, '…', {SNIPPET_WORDS}) FROM search_fts"
                           f" WHERE search_fts MATCH %s AND rowid IN ({ids})",
                           [START_MARK, END_MARK, fts5_match(query), *entry_ids])
        return dict(cursor.fetchall())
