"""Every read of the register. Each selector takes the requesting user and applies clearance first,
so no page, list, count or export can show a record above that user's clearance.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from ims.core.models import clearance_of

from .models import (
    Agreement,
    Citation,
    Commitment,
    Contribution,
    DefenceSpending,
    Goal,
    Initiative,
    Milestone,
    Participation,
    Partner,
    Procurement,
    RingAssignment,
    SourceDocument,
)
from .ring_layers import effective_periods
from .vocab import Ring


def _today() -> dt.date:
    return timezone.localdate()


def related_visible_to(user, relation: str) -> Q:
    """A condition that the record at the end of ``relation`` is one ``user`` may see: the rule of
    ``for_user`` on a joined row, for a model whose own gate does not reach that record (a cooperation plan
    names its partner, but carries its own classification).

    It is a join, not a subquery: ``partner__in=Partner.objects.for_user(user)`` makes SQLite build the list
    of every visible partner and probe each one; a condition on the joined row lets it start from the small
    side (a page of initiatives). Nobody gets a condition that matches anything: without a clearance it
    matches no row, as ``for_user`` returns none.
    """
    level = clearance_of(user)
    if level is None:
        return Q(pk__in=[])  # like for_user: no rows at all
    return Q(**{f"{relation}__classification__lte": level})


def _current_ring(user, on: dt.date) -> Subquery:
    in_force = (
        RingAssignment.objects.for_user(user)
        .filter(partner=OuterRef("pk"), valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))
        .order_by("-classification", "-valid_from")  # the most classified layer the user sees wins
        .values("ring")[:1]
    )
    return Subquery(in_force)


# --- partners -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PartnerFilters:
    ring: str = ""
    kind: str = ""
    q: str = ""
    # Only partners the register says something about: a ring (now or once), or a part in an initiative,
    # agreement or contribution the user may see. These come first by ring, the closest partners on top.
    active: bool = False


def _active(user) -> Q:
    """A partner with a visible ring period, initiative, agreement or contribution."""
    partner = OuterRef("pk")
    return (Q(Exists(RingAssignment.objects.for_user(user).filter(partner=partner)))
            | Q(Exists(Participation.objects.for_user(user).filter(partner=partner)))
            | Q(Exists(Agreement.objects.for_user(user).filter(parties=partner)))
            | Q(Exists(Contribution.objects.for_user(user).filter(partners=partner))))


def partner_list(*, user, filters: PartnerFilters = PartnerFilters(), on: dt.date | None = None) -> QuerySet[Partner]:
    """Partners with the ring in force on a date (today by default)."""
    qs = Partner.objects.for_user(user).annotate(current_ring=_current_ring(user, on or _today()))
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.ring:
        qs = qs.filter(current_ring=filters.ring)
    if filters.q:
        qs = qs.filter(Q(name_nl__icontains=filters.q) | Q(name_en__icontains=filters.q) | Q(code__iexact=filters.q))
    if filters.active:
        closeness = Case(*(When(current_ring=ring, then=Value(rank)) for rank, ring in enumerate(Ring.values)),
                         default=Value(len(Ring.values)))
        return qs.filter(_active(user)).order_by(closeness, "name_nl")
    return qs.order_by("name_nl")


def partner_rows(*, user, filters: PartnerFilters = PartnerFilters()) -> QuerySet[Partner]:
    """``partner_list`` for the list page and its exports: only the columns they show (the others are deferred,
    and reading one costs a query per row)."""
    return partner_list(user=user, filters=filters).only("pk", "code", "kind", "name_nl", "name_en")


def partner_choices(*, user) -> list[tuple[str, str, str]]:
    """(code, Dutch name, kind) of every visible partner, for filter menus: plain tuples, no model instances."""
    return list(Partner.objects.for_user(user).order_by("name_nl").values_list("code", "name_nl", "kind"))


def initiative_counts(*, user, partners: list[Partner]) -> dict[int, int]:
    """How many initiatives the user may see per partner, for one page of partners in one query."""
    rows = (
        Participation.objects.for_user(user).filter(partner__in=[p.pk for p in partners])
        .order_by().values("partner").annotate(n=Count("initiative", distinct=True)).values_list("partner", "n")
    )
    return dict(rows)


def partner_facets(*, user, queryset: QuerySet[Partner]) -> dict[str, list[tuple[str, int]]]:
    """Counts per ring and kind over an already filtered (and clearance-filtered) partner list."""
    # One query grouped by both (a few dozen rows), summed here: each query costs more to build than to run.
    rings: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for ring, kind, n in (queryset.order_by().values("current_ring", "kind").annotate(n=Count("pk"))
                          .values_list("current_ring", "kind", "n")):
        rings[ring or ""] += n
        kinds[kind] += n
    return {"ring": sorted(rings.items()), "kind": sorted(kinds.items())}


def partner_get(*, user, code: str) -> Partner:
    return Partner.objects.for_user(user).annotate(current_ring=_current_ring(user, _today())).get(code=code)


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
    # The page lists title and status of the most recent initiatives, with the number of all of them: one
    # query (a window count over the whole list), without the list page's participants and columns.
    initiatives = list(
        initiative_list(user=user, filters=InitiativeFilters(partner=code, sort="-start"))
        .prefetch_related(None).only("pk", "title", "status").annotate(total=Window(Count("pk")))
        [:PARTNER_PAGE_INITIATIVES]
    )
    # Every list below carries only the columns the page shows (the others are deferred: reading one costs a
    # query per row), and citations come as plain lists on ``visible_citations``.
    citations = visible_citations(user)
    return PartnerPage(
        partner=partner,
        rings=effective_periods(RingAssignment.objects.for_user(user).filter(partner=partner)
                                .only("ring", "valid_from", "valid_to", "reason", "classification")
                                .prefetch_related(citations).order_by("valid_from")),
        initiatives=initiatives,
        initiative_count=initiatives[0].total if initiatives else 0,
        # The page shows kind, title and date only, so the list's prefetches are not needed here.
        agreements=list(Agreement.objects.for_user(user).filter(parties=partner).only("kind", "title", "signed_on")
                        .order_by("-signed_on", "title")),
        spending=list(DefenceSpending.objects.for_user(user).filter(partner=partner)
                      .only("year", "status", "amount", "currency", "pct_gdp").prefetch_related(citations)
                      .order_by("year", "status")),
        contributions=list(Contribution.objects.for_user(user).filter(partners=partner)
                           .only("operation", "year", "location", "personnel")
                           .prefetch_related(Prefetch("location",
                                                      queryset=Partner.objects.for_user(user)
                                                      .only("name_nl", "name_en")))
                           .order_by("-year")),
        procurements=list(Procurement.objects.for_user(user).filter(partner=partner)
                          .only("system", "quantity", "year").order_by("-year")),
        frameworks=list(partner.memberships.for_user(user).only("code", "name_nl", "name_en").order_by("name_nl")),
        members=list(partner.members.for_user(user).only("code", "name_nl", "name_en").order_by("name_nl")),
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
        queryset=Participation.objects.for_user(user).select_related("partner").order_by("partner__name_nl"),
    )


def _coded(user, code: str) -> QuerySet[Partner]:
    """The partner a filter names, resolved through the gate: a hidden code filters like a missing one."""
    return Partner.objects.for_user(user).filter(code=code).values("pk")


def initiative_list(*, user, filters: InitiativeFilters = InitiativeFilters()) -> QuerySet[Initiative]:
    qs = Initiative.objects.for_user(user)
    if filters.partner:
        qs = qs.filter(participations__partner__in=_coded(user, filters.partner))
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
        qs = qs.filter(frameworks__in=_coded(user, filters.framework))
    if filters.q:
        qs = qs.filter(Q(title__icontains=filters.q) | Q(summary__icontains=filters.q))
    if filters.ring or filters.category:
        # Joins through to-many relations can repeat an initiative; keep each once. The outer query must not
        # carry those joins itself (filtering the joined queryset by its own keys kept the repeats).
        qs = Initiative.objects.for_user(user).filter(pk__in=qs.values("pk"))
    return qs.prefetch_related(_participations_for(user)).order_by(*SORTS.get(filters.sort, SORTS["title"]))


# What the initiative list page and its CSV/JSON exports show of each initiative and each participant.
INITIATIVE_ROW_FIELDS = ("pk", "title", "kind", "form", "status", "classification", "planned_start", "planned_end")


def initiative_rows(*, user, filters: InitiativeFilters = InitiativeFilters()) -> QuerySet[Initiative]:
    """``initiative_list`` for the list page and its exports: only the columns they show.

    Turning every column of every row and participant into Python (timestamps, decimals, whole partners)
    cost more than the query itself. Other fields are deferred, so reading one costs a query per row: a
    caller that needs more uses ``initiative_list``. The participations the user may see are a plain list on
    ``visible_participations``: a prefetch into ``participations.all()`` builds a queryset per row.
    """
    participants = Prefetch(
        "participations",
        queryset=Participation.objects.for_user(user).select_related("partner")
        .only("initiative", "partner__code", "partner__name_nl", "partner__name_en").order_by("partner__name_nl"),
        to_attr="visible_participations",
    )
    return (initiative_list(user=user, filters=filters).prefetch_related(None)
            .prefetch_related(participants).only(*INITIATIVE_ROW_FIELDS))


INITIATIVE_FACETS = ("status", "form", "kind")


def initiative_facets(*, queryset: QuerySet[Initiative]) -> dict[str, list[tuple[str, int]]]:
    """Counts per status, form and kind over the filtered list (which is already clearance-filtered)."""
    base = Initiative.objects.among(queryset).order_by()
    # One query grouped by all three (at most a few hundred combinations), summed per facet here.
    counts: dict[str, Counter[str]] = {name: Counter() for name in INITIATIVE_FACETS}
    for *values, n in base.values(*INITIATIVE_FACETS).annotate(n=Count("pk")).values_list(*INITIATIVE_FACETS, "n"):
        for name, value in zip(INITIATIVE_FACETS, values, strict=True):
            counts[name][value] += n
    return {name: sorted(counts[name].items()) for name in INITIATIVE_FACETS}


def initiative_get(*, user, pk: int) -> Initiative:
    return (
        Initiative.objects.for_user(user)
        .prefetch_related(
            _participations_for(user),
            Prefetch("related", queryset=Initiative.objects.for_user(user)),
            Prefetch("goals", queryset=Goal.objects.for_user(user).prefetch_related("measurements")),
            Prefetch("milestones", queryset=Milestone.objects.for_user(user)),
            Prefetch("agreements", queryset=Agreement.objects.for_user(user)),
            "budgets",
        )
        .get(pk=pk)
    )


def initiative_page(*, user, pk: int) -> Initiative:
    """``initiative_get`` for the initiative's page: the related records it shows, as plain lists.

    On attributes (``visible_participations``, ``visible_frameworks``, ``budget_list``, ``goal_list`` with
    each goal's ``measurement_list``, ``visible_milestones``, ``visible_agreements``, ``visible_related``,
    ``visible_citations``) rather than in ``.all()``, which builds a queryset per relation; and only with the
    columns the page shows (others are deferred: reading one costs a query).
    """
    return (
        Initiative.objects.for_user(user)
        .prefetch_related(
            Prefetch("participations",
                     queryset=Participation.objects.for_user(user).select_related("partner")
                     .only("initiative", "role", "partner__code", "partner__name_nl", "partner__name_en")
                     .order_by("partner__name_nl"),
                     to_attr="visible_participations"),
            Prefetch("frameworks", queryset=Partner.objects.for_user(user).only("name_nl", "name_en"),
                     to_attr="visible_frameworks"),
            Prefetch("related", queryset=Initiative.objects.for_user(user).only("title"), to_attr="visible_related"),
            Prefetch("goals", to_attr="goal_list",
                     queryset=Goal.objects.for_user(user)
                     .prefetch_related(Prefetch("measurements", to_attr="measurement_list"))),
            Prefetch("milestones", queryset=Milestone.objects.for_user(user)
                     .only("initiative", "title", "due_on", "done_on", "status"), to_attr="visible_milestones"),
            Prefetch("agreements", queryset=Agreement.objects.for_user(user)
                     .only("initiative", "kind", "title", "signed_on"), to_attr="visible_agreements"),
            Prefetch("budgets", to_attr="budget_list"),
            visible_citations(user),
        )
        .get(pk=pk)
    )


# --- agreements -----------------------------------------------------------------------------------------

def agreement_list(*, user, partner: str = "", kind: str = "", q: str = "") -> QuerySet[Agreement]:
    qs = Agreement.objects.for_user(user)
    if partner:
        qs = qs.filter(parties__in=_coded(user, partner))
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(subject__icontains=q))
    return qs.prefetch_related(
        Prefetch("parties", queryset=Partner.objects.for_user(user).order_by("code")),
        # A prefetch, not a join, so that a classified initiative comes back as None.
        Prefetch("initiative", queryset=Initiative.objects.for_user(user)),
        visible_citations(user),
    ).order_by("-signed_on", "title")


def agreement_facets(*, queryset: QuerySet[Agreement]) -> dict[str, list[tuple[str, int]]]:
    """Counts per instrument over the filtered (and clearance-filtered) agreement list."""
    base = Agreement.objects.among(queryset).order_by()
    return {"agreement_kind": sorted(base.values("kind").annotate(n=Count("pk")).values_list("kind", "n"))}


def initiative_for_edit(*, user, pk: int) -> Initiative:
    """One initiative as its editor loads it: plain fields only, and only if the user can see it."""
    return Initiative.objects.for_user(user).select_related("updated_by").get(pk=pk)


# --- the API's reads ------------------------------------------------------------------------------------
# The same filters as the pages, and every related record clearance-filtered as well: a list row never names
# a partner, initiative or source document the user may not see (a hidden one comes back as None or is left
# out of a list).

def visible_citations(user) -> Prefetch:
    """Citations into documents the user may see, on ``visible_citations``."""
    return Prefetch(
        "citations",
        queryset=Citation.objects.for_user(user)
        .select_related("document").only("pk", "start", "end", "page", "document__id", "document__kamerstuk",
                                         "document__reference", "document__title")
        .order_by("document_id", "start"),
        to_attr="visible_citations",
    )


def ring_history(user) -> Prefetch:
    """A partner's ring periods the user may see, oldest first, on ``ring_history``."""
    return Prefetch(
        "ring_assignments",
        queryset=RingAssignment.objects.for_user(user).prefetch_related(visible_citations(user))
        .order_by("valid_from"),
        to_attr="ring_history",
    )


def partner_records(*, user, filters: PartnerFilters = PartnerFilters()) -> QuerySet[Partner]:
    """``partner_list`` with each partner's ring history, members, memberships and citations."""
    visible = Partner.objects.for_user(user).order_by("code")
    return partner_list(user=user, filters=filters).prefetch_related(
        ring_history(user),
        Prefetch("members", queryset=visible, to_attr="visible_members"),
        Prefetch("memberships", queryset=visible, to_attr="visible_memberships"),
        visible_citations(user),
    )


def initiative_records(*, user, filters: InitiativeFilters = InitiativeFilters()) -> QuerySet[Initiative]:
    """``initiative_list`` with the frameworks and citations as well, for rows that name them."""
    return initiative_list(user=user, filters=filters).prefetch_related(
        Prefetch("frameworks", queryset=Partner.objects.for_user(user).order_by("code"),
                 to_attr="visible_frameworks"),
        visible_citations(user),
    )


def initiative_record(*, user, pk: int) -> Initiative:
    """``initiative_get`` plus the clearance-filtered citations and frameworks (on their own attributes)."""
    initiative = initiative_get(user=user, pk=pk)
    prefetch_related_objects(
        [initiative], visible_citations(user),
        Prefetch("frameworks", queryset=Partner.objects.for_user(user).order_by("code"),
                 to_attr="visible_frameworks"),
    )
    return initiative


def contribution_list(*, user, partner: str = "", year: int | None = None, q: str = "") -> QuerySet[Contribution]:
    qs = Contribution.objects.for_user(user)
    if partner:
        joined = qs.filter(Q(partners__in=_coded(user, partner)) | Q(location__in=_coded(user, partner)))
        # The join through partners can repeat a row; the outer query must not carry it (see initiative_list).
        qs = Contribution.objects.for_user(user).filter(pk__in=joined.values("pk"))
    if year:
        qs = qs.filter(year=year)
    if q:
        qs = qs.filter(Q(operation__icontains=q) | Q(role__icontains=q))
    visible = Partner.objects.for_user(user)
    return qs.prefetch_related(
        # Prefetches, not joins, so that a hidden partner or location comes back as absent.
        Prefetch("location", queryset=visible),
        Prefetch("partners", queryset=visible.order_by("code"), to_attr="visible_partners"),
        visible_citations(user),
    ).order_by("-year", "operation", "pk")


def spending_list(*, user, partner: str = "", year: int | None = None, status: str = "") -> QuerySet[DefenceSpending]:
    qs = DefenceSpending.objects.for_user(user).filter(partner__in=Partner.objects.for_user(user).values("pk"))
    if partner:
        qs = qs.filter(partner__code=partner)
    if year:
        qs = qs.filter(year=year)
    if status:
        qs = qs.filter(status=status)
    return qs.select_related("partner").prefetch_related(visible_citations(user)).order_by(
        "partner__code", "year", "status", "pk")


def commitment_list(*, user, status: str = "", q: str = "") -> QuerySet[Commitment]:
    qs = Commitment.objects.for_user(user)
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(subject__icontains=q) | Q(member__icontains=q))
    return qs.prefetch_related(
        Prefetch("answered_in", queryset=SourceDocument.objects.for_user(user).defer("text")),
        visible_citations(user),
    ).order_by("-made_on", "pk")


def milestone_list(*, user, initiative: int | None = None, status: str = "") -> QuerySet[Milestone]:
    """Milestones the user may see, of initiatives and plans the user may see (the gate reads all three levels,
    which can differ, from the milestone's stored reach)."""
    qs = Milestone.objects.for_user(user)
    if initiative:
        qs = qs.filter(initiative_id=initiative)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("due_on", "pk")


def milestone_get(*, user, pk: int) -> Milestone:
    return milestone_list(user=user).get(pk=pk)


def document_list(*, user, q: str = "", year: int | None = None) -> QuerySet[SourceDocument]:
    """Source documents' metadata; the full text stays in the database."""
    qs = SourceDocument.objects.for_user(user).defer("text")
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(kamerstuk__icontains=q) | Q(reference__icontains=q))
    if year:
        qs = qs.filter(date__year=year)
    return qs.order_by("-date", "title", "pk")


# --- the network of partners, frameworks and initiatives -------------------------------------------------

@dataclass(frozen=True)
class NetworkFilters:
    form: str = ""
    status: str = ""
    year: int | None = None  # initiatives running at some time in that year


@dataclass(frozen=True)
class Network:
    """Who works with whom, as plain rows: every row is visible to the user, and so is both ends of every link.

    ``partners`` holds countries and organisations alike (with ``kind`` and today's ``current_ring``);
    ``participations`` and ``framework_links`` link an initiative id to a partner id, ``memberships`` a member's
    id to its organisation's.
    """

    initiatives: list[dict]
    partners: list[dict]
    participations: list[tuple[int, int]]
    framework_links: list[tuple[int, int]]
    memberships: list[tuple[int, int]]


def network(*, user, filters: NetworkFilters = NetworkFilters()) -> Network:
    """The initiatives the filters select, the partners that take part in them or frame them, and the
    memberships among those partners; everything clearance-filtered, so nothing hidden is a node, a link or a
    count."""
    initiatives = initiative_list(user=user, filters=InitiativeFilters(form=filters.form, status=filters.status))
    if filters.year:
        initiatives = (
            initiatives.annotate(began=Coalesce("actual_start", "planned_start"),
                                 ended=Coalesce("actual_end", "planned_end"))
            .filter(began__year__lte=filters.year)
            .filter(Q(ended__isnull=True) | Q(ended__year__gte=filters.year))
        )
    rows = list(initiatives.prefetch_related(None).values("pk", "title", "form", "status"))
    ids = [row["pk"] for row in rows]
    visible_partner = related_visible_to(user, "partner")
    participations = list(Participation.objects.for_user(user).filter(initiative_id__in=ids)
                          .order_by("initiative_id", "partner_id").values_list("initiative_id", "partner_id"))
    framework_links = list(Initiative.frameworks.through.objects.filter(visible_partner, initiative_id__in=ids)
                           .order_by("initiative_id", "partner_id").values_list("initiative_id", "partner_id"))
    shown = {partner for _, partner in participations} | {partner for _, partner in framework_links}
    partners = list(partner_list(user=user).filter(pk__in=shown)
                    .values("pk", "code", "kind", "name_nl", "name_en", "current_ring"))
    memberships = list(Partner.members.through.objects.filter(from_partner_id__in=shown, to_partner_id__in=shown)
                       .order_by("to_partner_id", "from_partner_id").values_list("to_partner_id", "from_partner_id"))
    return Network(initiatives=rows, partners=partners, participations=participations,
                   framework_links=framework_links, memberships=memberships)
