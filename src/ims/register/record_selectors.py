"""Reads for the register's smaller lists and record pages: commitments to Parliament, contributions, defence
spending, procurement, agreements and source documents. Like ``selectors``, every function takes the user and
applies clearance first, so that no row, count or facet shows a record above the user's clearance.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import ExtractYear

from ims.text.passages import passage_key

from . import selectors
from .models import (
    Agreement,
    Citation,
    CitedRecord,
    Commitment,
    Contribution,
    DefenceSpending,
    Initiative,
    Partner,
    Procurement,
    RingAssignment,
    SourceDocument,
)
from .vocab import CommitmentStatus


def _years(queryset: QuerySet, field_name: str = "year") -> list[tuple[str, int]]:
    """Counts per year over a filtered list, newest year first; rows without a year are left out."""
    rows = (queryset.order_by().exclude(**{f"{field_name}__isnull": True}).values(field_name)
            .annotate(n=Count("pk", distinct=True)).values_list(field_name, "n"))
    counts: Counter[str] = Counter()
    for year, n in rows:
        counts[str(year)] += n
    return sorted(counts.items(), reverse=True)


def _flat(queryset: QuerySet) -> QuerySet:
    """The same rows without the joins that filtering on to-many relations added (so no row comes twice)."""
    return queryset.model.objects.among(queryset)


# --- commitments to Parliament --------------------------------------------------------------------------

@dataclass(frozen=True)
class CommitmentFilters:
    status: str = ""
    year: int | None = None
    q: str = ""


def commitment_rows(*, user, filters: CommitmentFilters = CommitmentFilters()) -> QuerySet[Commitment]:
    """Open commitments first, the earliest deadline on top (those without one after them); then the answered
    ones, the most recent first."""
    qs = selectors.commitment_list(user=user, status=filters.status, q=filters.q)
    if filters.year:
        qs = qs.filter(made_on__year=filters.year)
    open_first = Case(When(status=CommitmentStatus.OPEN, then=Value(0)), default=Value(1),
                      output_field=IntegerField())
    return qs.order_by(open_first, F("due_on").asc(nulls_last=True), "-made_on", "pk")


def commitment_facets(*, queryset: QuerySet[Commitment]) -> dict[str, list[tuple[str, int]]]:
    base = queryset.order_by()
    return {
        "commitment_status": sorted(base.values("status").annotate(n=Count("pk")).values_list("status", "n")),
        "year": _years(base.annotate(made_year=ExtractYear("made_on")), "made_year"),
    }


def commitment_get(*, user, pk: int) -> Commitment:
    return selectors.commitment_list(user=user).get(pk=pk)


# --- contributions to operations and missions -----------------------------------------------------------

@dataclass(frozen=True)
class YearFilters:
    """The filters of the contribution, procurement and spending lists."""

    partner: str = ""
    year: int | None = None
    q: str = ""
    status: str = ""


def contribution_rows(*, user, filters: YearFilters = YearFilters()) -> QuerySet[Contribution]:
    return selectors.contribution_list(user=user, partner=filters.partner, year=filters.year, q=filters.q)


def contribution_get(*, user, pk: int) -> Contribution:
    return selectors.contribution_list(user=user).get(pk=pk)


def year_facets(*, queryset: QuerySet) -> dict[str, list[tuple[str, int]]]:
    return {"year": _years(_flat(queryset))}


# --- defence spending -----------------------------------------------------------------------------------

def spending_rows(*, user, filters: YearFilters = YearFilters()) -> QuerySet[DefenceSpending]:
    return selectors.spending_list(user=user, partner=filters.partner, year=filters.year, status=filters.status)


def spending_facets(*, queryset: QuerySet[DefenceSpending]) -> dict[str, list[tuple[str, int]]]:
    base = queryset.order_by()
    return {
        "spending_status": sorted(base.values("status").annotate(n=Count("pk")).values_list("status", "n")),
        "year": _years(base),
    }


def spending_get(*, user, pk: int) -> DefenceSpending:
    return selectors.spending_list(user=user).get(pk=pk)


# --- procurement ----------------------------------------------------------------------------------------

def procurement_rows(*, user, filters: YearFilters = YearFilters()) -> QuerySet[Procurement]:
    qs = Procurement.objects.for_user(user).filter(partner__in=Partner.objects.for_user(user).values("pk"))
    if filters.partner:
        qs = qs.filter(partner__code=filters.partner)
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.q:
        qs = qs.filter(system__icontains=filters.q)
    return (qs.select_related("partner").prefetch_related(selectors.visible_citations(user))
            .order_by(F("year").desc(nulls_last=True), "system", "pk"))


def procurement_get(*, user, pk: int) -> Procurement:
    return procurement_rows(user=user).get(pk=pk)


# --- agreements -----------------------------------------------------------------------------------------

def agreement_get(*, user, pk: int) -> Agreement:
    return selectors.agreement_list(user=user).get(pk=pk)


# --- source documents -----------------------------------------------------------------------------------

def document_rows(*, user, q: str = "", year: int | None = None) -> QuerySet[SourceDocument]:
    """The documents' metadata (how often the register cites each is not counted: a citation by a record the
    user may not see would show in the count)."""
    return selectors.document_list(user=user, q=q, year=year)


def document_facets(*, queryset: QuerySet[SourceDocument]) -> dict[str, list[tuple[str, int]]]:
    return {"year": _years(queryset.annotate(doc_year=ExtractYear("date")), "doc_year")}


# The kinds of record that cite documents, in the order the document page lists them.
CITING = (Initiative, Agreement, Commitment, Contribution, DefenceSpending, Procurement, Partner, RingAssignment)


@dataclass
class DocumentPage:
    document: SourceDocument
    # (start, end) of every place the page marks: where the records the user may see cite the document, and
    # the facts read from it (a citation by a hidden record is not marked: the mark would give it away).
    spans: list[tuple[int, int]]
    # Per kind of record (its plural name), the visible records citing the document, each with the keys
    # ("start-end") of the passages it cites.
    records: list[tuple[str, list[tuple[CitedRecord, list[str]]]]] = field(default_factory=list)
    facts: list = field(default_factory=list)


def _facts_from(user, document: SourceDocument) -> list:
    """The facts read from the document that the user may see. The ingest app reads documents into the
    register, so the register does not import it; without it installed there are no facts."""
    if not apps.is_installed("ims.ingest"):
        return []
    fact = apps.get_model("ingest", "ExtractedFact")
    return list(fact.objects.for_user(user).filter(document=document).order_by("start", "pk"))


def document_page(*, user, pk: int) -> DocumentPage:
    document = SourceDocument.objects.for_user(user).get(pk=pk)
    page = DocumentPage(document=document, spans=[])
    for model in CITING:
        cited_here = Q(citations__document=document)
        # for_user reaches what a record is shown through as well (a ring period's partner).
        found = list(model.objects.for_user(user).filter(cited_here).distinct().prefetch_related(
            Prefetch("citations", queryset=Citation.objects.for_user(user).filter(document=document),
                     to_attr="here")))
        if found:
            page.records.append((str(model._meta.verbose_name_plural),
                                 [(record, [passage_key(c.start, c.end) for c in record.here]) for record in found]))
            page.spans += [(c.start, c.end) for record in found for c in record.here]
    page.facts = _facts_from(user, document)
    page.spans += [(f.start, f.end) for f in page.facts]
    return page

