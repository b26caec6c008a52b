"""Every read of the register. Each selector takes the requesting user and applies clearance first,
so no page, list, count or export can show a record above that user's clearance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from .models import (
    Agreement,
    Contribution,
    DefenceSpending,
    Goal,
    Initiative,
    Milestone,
    Participation,
    Partner,
    Procurement,
    RingAssignment,
)


def _today() -> dt.date:
    return timezone.localdate()


def _current_ring(user, on: dt.date) -> Subquery:
    in_force = (
        RingAssignment.objects.visible_to(user)
        .filter(partner=OuterRef("pk"), valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))
        .order_by("-valid_from")
        .values("ring")[:1]
    )
    return Subquery(in_force)


# --- partners -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PartnerFilters:
    ring: str = ""
    kind: str = ""
    q: str = ""


def partner_list(*, user, filters: PartnerFilters = PartnerFilters(), on: dt.date | None = None) -> QuerySet[Partner]:
    """Partners with the ring in force on a date (today by default)."""
    qs = Partner.objects.visible_to(user).annotate(current_ring=_current_ring(user, on or _today()))
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.ring:
        qs = qs.filter(current_ring=filters.ring)
    if filters.q:
        qs = qs.filter(Q(name_nl__icontains=filters.q) | Q(name_en__icontains=filters.q) | Q(code__iexact=filters.q))
    return qs.order_by("name_nl")


def partner_choices(*, user) -> list[tuple[str, str, str]]:
    """(code, Dutch name, kind) of every visible partner, for filter menus: plain tuples, no model instances."""
    return list(Partner.objects.visible_to(user).order_by("name_nl").values_list("code", "name_nl", "kind"))


def initiative_counts(*, user, partners: list[Partner]) -> dict[int, int]:
    """How many initiatives the user may see per partner, for one page of partners in one query."""
    rows = (
        Participation.objects.filter(partner__in=[p.pk for p in partners],
                                     initiative__in=Initiative.objects.visible_to(user).values("pk"))
        .order_by().values("partner").annotate(n=Count("initiative", distinct=True)).values_list("partner", "n")
    )
    return dict(rows)


def partner_facets(*, user, queryset: QuerySet[Partner]) -> dict[str, list[tuple[str, int]]]:
    """Counts per ring and kind over an already filtered (and clearance-filtered) partner list."""
    rings = queryset.order_by().values("current_ring").annotate(n=Count("pk")).values_list("current_ring", "n")
    kinds = queryset.order_by().values("kind").annotate(n=Count("pk")).values_list("kind", "n")
    return {"ring": sorted((r or "", n) for r, n in rings), "kind": sorted(kinds)}


def partner_get(*, user, code: str) -> Partner:
    return Partner.objects.visible_to(user).annotate(current_ring=_current_ring(user, _today())).get(code=code)


# The partner page shows the most recent initiatives and links to the full, filtered list.
PARTNER_PAGE_INITIATIVES = 25


@dataclass(frozen=True)
class PartnerPage:
    partner: Partner
    rings: list[RingAssignment]
    initiatives: list[Initiative]
    initiative_count: int
    agreements: list[Agreement]
    spending: list[DefenceSpending]
    contributions: list[Contribution]
    procurements: list[Procurement]
    frameworks: list[Partner]
    members: list[Partner]


def partner_page(*, user, code: str) -> PartnerPage:
    partner = partner_get(user=user, code=code)
    return PartnerPage(
        partner=partner,
        rings=list(RingAssignment.objects.visible_to(user).filter(partner=partner)
                   .prefetch_related("citations__document").order_by("valid_from")),
        initiatives=list(initiative_list(user=user, filters=InitiativeFilters(partner=code, sort="-start"))
                         [:PARTNER_PAGE_INITIATIVES]),
        initiative_count=initiative_counts(user=user, partners=[partner]).get(partner.pk, 0),
        # The page shows kind, title and date only, so the list's prefetches are not needed here.
        agreements=list(Agreement.objects.visible_to(user).filter(parties=partner).order_by("-signed_on", "title")),
        spending=list(DefenceSpending.objects.visible_to(user).filter(partner=partner)
                      .prefetch_related("citations__document").order_by("year", "status")),
        contributions=list(Contribution.objects.visible_to(user).filter(partners=partner)
                           .prefetch_related(Prefetch("location", queryset=Partner.objects.visible_to(user)))
                           .order_by("-year")),
        procurements=list(Procurement.objects.visible_to(user).filter(partner=partner).order_by("-year")),
        frameworks=list(partner.memberships.visible_to(user).order_by("name_nl")),
        members=list(partner.members.visible_to(user).order_by("name_nl")),
    )


# --- initiatives ----------------------------------------------------------------------------------------

SORTS = {
    "title": ("title",),
    "-title": ("-title",),
    "status": ("status", "title"),
    "form": ("form", "title"),
    "start": ("planned_start", "title"),
    "-start": ("-planned_start", "title"),
    "changed": ("-updated_at",),
}


@dataclass(frozen=True)
class InitiativeFilters:
    partner: str = ""
    ring: str = ""
    form: str = ""
    status: str = ""
    kind: str = ""
    category: str = ""
    framework: str = ""
    q: str = ""
    sort: str = "title"


def _participations_for(user) -> Prefetch:
    return Prefetch(
        "participations",
        queryset=Participation.objects.filter(partner__in=Partner.objects.visible_to(user))
        .select_related("partner").order_by("partner__name_nl"),
    )


def initiative_list(*, user, filters: InitiativeFilters = InitiativeFilters()) -> QuerySet[Initiative]:
    qs = Initiative.objects.visible_to(user)
    if filters.partner:
        qs = qs.filter(participations__partner__code=filters.partner)
    if filters.ring:
        with_ring = partner_list(user=user, filters=PartnerFilters(ring=filters.ring)).values("pk")
        qs = qs.filter(participations__partner__in=with_ring)
    if filters.form:
        qs = qs.filter(form=filters.form)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.category:
        qs = qs.filter(goals__category=filters.category)
    if filters.framework:
        qs = qs.filter(frameworks__code=filters.framework)
    if filters.q:
        qs = qs.filter(Q(title__icontains=filters.q) | Q(summary__icontains=filters.q))
    if filters.ring or filters.category:
        # Joins through to-many relations can repeat an initiative; keep each once.
        qs = qs.filter(pk__in=qs.values("pk"))
    return qs.prefetch_related(_participations_for(user)).order_by(*SORTS.get(filters.sort, SORTS["title"]))


def initiative_facets(*, queryset: QuerySet[Initiative]) -> dict[str, list[tuple[str, int]]]:
    """Counts per status, form and kind over the filtered list (which is already clearance-filtered)."""
    base = Initiative.objects.filter(pk__in=queryset.values("pk")).order_by()
    return {
        name: sorted(base.values(name).annotate(n=Count("pk")).values_list(name, "n"))
        for name in ("status", "form", "kind")
    }


def initiative_get(*, user, pk: int) -> Initiative:
    return (
        Initiative.objects.visible_to(user)
        .prefetch_related(
            _participations_for(user),
            Prefetch("frameworks", queryset=Partner.objects.visible_to(user)),
            Prefetch("related", queryset=Initiative.objects.visible_to(user)),
            Prefetch("goals", queryset=Goal.objects.prefetch_related("measurements")),
            Prefetch("milestones", queryset=Milestone.objects.visible_to(user)),
            Prefetch("agreements", queryset=Agreement.objects.visible_to(user)),
            "budgets",
            "citations__document",
        )
        .get(pk=pk)
    )


# --- agreements -----------------------------------------------------------------------------------------

def agreement_list(*, user, partner: str = "", kind: str = "", q: str = "") -> QuerySet[Agreement]:
    qs = Agreement.objects.visible_to(user)
    if partner:
        qs = qs.filter(parties__code=partner)
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(subject__icontains=q))
    return qs.prefetch_related(
        Prefetch("parties", queryset=Partner.objects.visible_to(user).order_by("code")),
        # A prefetch, not a join, so that a classified initiative comes back as None.
        Prefetch("initiative", queryset=Initiative.objects.visible_to(user)),
        "citations__document",
    ).order_by("-signed_on", "title")


def agreement_facets(*, queryset: QuerySet[Agreement]) -> dict[str, list[tuple[str, int]]]:
    """Counts per instrument over the filtered (and clearance-filtered) agreement list."""
    base = Agreement.objects.filter(pk__in=queryset.values("pk")).order_by()
    return {"agreement_kind": sorted(base.values("kind").annotate(n=Count("pk")).values_list("kind", "n"))}
