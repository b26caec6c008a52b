"""The search's one read: hits, counts, facets and snippets, all over the entries the user may see."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from ims.accounts.permissions import Action, may
from ims.core.clearance import clearance_of

from .engine import find, known_terms
from .excerpt import Excerpt, passage
from .models import Kind, SearchEntry
from .query import Query, parse

PER_PAGE = 20
MAX_PAGE = 50  # nobody reads the thousandth hit; a deep OFFSET only costs


@dataclass(frozen=True)
class Hit:
    kind: str
    object_id: int
    title: str
    year: int | None
    url: str
    excerpt: Excerpt


@dataclass(frozen=True)
class Results:
    query: Query
    count: int  # hits of the chosen kind and year
    hits: list[Hit] = field(default_factory=list)
    # (value, count) per facet: kinds among the hits of the chosen year, years among those of the chosen kind
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


# Names of pages this project does not have (yet): the document page comes with another part of the project.
# Remembered, because a failed reverse() costs as much as the rest of a hit.
_MISSING_PAGES: set[str] = set()


def _url(entry: SearchEntry, excerpt: Excerpt, *, editor: bool) -> str:
    """Where a hit is shown: its own page, else the page it is on; a document at the place of the snippet.

    Until documents have a page of their own, an editor is sent to the document's review screen."""
    def page(name: str, *args) -> str:
        if not name or name in _MISSING_PAGES:
            return ""
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            _MISSING_PAGES.add(name)
            return ""

    if entry.kind == Kind.DOCUMENT:
        url = page("register:document-detail", entry.object_id)
        if url:
            passage = f"{excerpt.start}-{excerpt.end}"
            return f"{url}?passage={passage}#passage-{passage}" if excerpt.end else url
        return page("ingest:review", entry.object_id) if editor else ""
    if entry.kind == Kind.PARTNER:
        return page("register:partner-detail", entry.anchor)
    if entry.kind == Kind.INITIATIVE:
        return page("register:initiative-detail", entry.object_id)
    if entry.kind == Kind.MILESTONE:
        if entry.anchor.startswith("plan:"):
            return page("monitoring:plan-detail", int(entry.anchor.removeprefix("plan:")))
        return page("register:initiative-detail", int(entry.anchor))
    if entry.kind == Kind.CONTRIBUTION and entry.anchor:
        return page("register:partner-detail", entry.anchor)
    lists = {Kind.AGREEMENT: "register:agreement-list", Kind.COMMITMENT: "register:commitment-list",
             Kind.CONTRIBUTION: "register:contribution-list"}
    found = page(lists.get(entry.kind, ""))
    return f"{found}?{urlencode({'q': entry.title[:60]})}" if found else ""


def search(*, user, q: str, kind: str = "", year: int | None = None, page: int = 1,
           per_page: int = PER_PAGE) -> Results:
    query = parse(q, known=known_terms)
    # The level the gate reads the index at for this user (``SearchEntry.objects.for_user``): the engine puts it
    # into the full-text query itself, and the page's entries are read through the gate as well.
    level = clearance_of(user)
    if query.empty or level is None:
        return Results(query=query, count=0)
    page = min(max(page, 1), MAX_PAGE)
    found = find(query, level=level, kind=kind, year=year, offset=(page - 1) * per_page, limit=per_page)
    kinds: Counter[str] = Counter()
    years: Counter[str] = Counter()
    total = 0
    # Each facet counts the hits the other filter leaves, so that its values are the choices still open.
    for row_kind, row_year, n in found.counts:
        if year is None or row_year == year:
            kinds[row_kind] += n
        if not kind or row_kind == kind:
            years[str(row_year) if row_year else ""] += n
            if year is None or row_year == year:
                total += n
    entries = SearchEntry.objects.for_user(user).in_bulk(found.ids)
    terms = query.terms()
    needles = query.needles()
    editor = may(user, Action.EDIT)
    hits = []
    for pk in found.ids:
        entry = entries.get(pk)
        if entry is None:
            continue
        excerpt = passage(entry.body, needles, terms)
        url = _url(entry, excerpt, editor=editor)
        hits.append(Hit(entry.kind, entry.object_id, entry.title, entry.year, url, excerpt))
    order = {value: n for n, value in enumerate(Kind.values)}
    facets = {
        "kind": sorted(kinds.items(), key=lambda item: order.get(item[0], 99)),
        "year": sorted(((y, n) for y, n in years.items() if y), reverse=True),
    }
    return Results(query=query, count=total, hits=hits, facets=facets)


def page_count(results: Results, per_page: int = PER_PAGE) -> int:
    return min(MAX_PAGE, math.ceil(results.count / per_page))
