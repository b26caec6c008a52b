"""Every read of the monitoring. Each selector takes the requesting user and starts from the register's
clearance-filtered querysets, so the dashboard's numbers, the lists they link to and their exports are the same
querysets: a number counts the list behind it with the list's own queryset and conditions, never a second rule.

The dashboard counts in the database and side by side (one query for late and due soon, one for the three
gaps, one grouped query per partner and one per ring), so its number of queries does not grow with the register;
each count is still the list's queryset filtered by the list's condition, and the tests compare every number with
its list."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, CharField, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from ims.register import selectors as register
from ims.register.models import Commitment, Goal, Initiative, Milestone, Participation
from ims.register.vocab import CommitmentStatus, PartnerKind, Ring, Status

from .models import Activity, CooperationPlan, Official, PlanGoal, ProgressNote
from .status import late_or_due_soon_q, state_q, today
from .vocab import InitiativeGap, MilestoneState

# Initiatives the BIA watches for gaps: those being prepared or carried out (an idea needs no milestone yet,
# and a finished one no update).
IN_PROGRESS = (Status.PREPARATION, Status.RUNNING)
STALE_MONTHS = 6


# --- milestones -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MilestoneFilters:
    state: str = ""  # late or due_soon (derived)
    status: str = ""
    plan: int | None = None
    initiative: int | None = None
    owner: str = ""  # a username
    partner: str = ""  # the plan's partner


def milestone_list(*, user, filters: MilestoneFilters = MilestoneFilters(), on: dt.date | None = None
                   ) -> QuerySet[Milestone]:
    """Milestones the user may see (and whose initiative and plan the user may see), oldest due date first."""
    qs = register.milestone_list(user=user, initiative=filters.initiative, status=filters.status)
    if filters.state in MilestoneState.values:
        qs = qs.filter(state_q(filters.state, on=on))
    if filters.plan:
        qs = qs.filter(plan_id=filters.plan)
    if filters.owner:
        qs = qs.filter(owner__username=filters.owner)
    if filters.partner:
        qs = qs.filter(plan__partner__code=filters.partner)
    return qs


def milestone_rows(*, user, filters: MilestoneFilters = MilestoneFilters(), on: dt.date | None = None
                   ) -> QuerySet[Milestone]:
    """``milestone_list`` with what the list page and its exports show of the initiative, plan and owner (all
    visible: ``milestone_list`` leaves out a milestone whose initiative or plan the user may not see)."""
    return (milestone_list(user=user, filters=filters, on=on)
            .select_related("initiative", "plan", "owner")
            .only("pk", "title", "due_on", "done_on", "status", "classification", "initiative__title",
                  "plan__title", "owner__username", "owner__first_name", "owner__last_name"))


def milestone_facets(*, queryset: QuerySet[Milestone]) -> dict[str, list[tuple[str, int]]]:
    """Counts per status over the filtered list."""
    rows = queryset.order_by().values("status").annotate(n=Count("pk")).values_list("status", "n")
    return {"milestone_status": sorted(rows)}


# --- initiatives that need attention --------------------------------------------------------------------

def months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` earlier (the month's last day where it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _gap_conditions(user, on: dt.date) -> dict[str, Q]:
    """Per gap, the condition on an initiative: what ``initiative_gap_list`` filters on and what the dashboard
    counts with, so the number and its list are one rule. Only what the user may see counts: a hidden milestone is
    no milestone to them."""
    seen = Milestone.objects.for_user(user).filter(initiative=OuterRef("pk"))
    concrete = Goal.objects.for_user(user).filter(initiative=OuterRef("pk")).exclude(expected_result="",
                                                                                      indicator="")
    # "Not updated since the cutoff day" as a moment (the cutoff's midnight, local time), not as the date of each
    # row's timestamp: SQLite would convert every timestamp in Python, and no index could serve the comparison.
    cutoff = timezone.make_aware(dt.datetime.combine(months_before(on, STALE_MONTHS), dt.time.min))
    return {
        InitiativeGap.NO_MILESTONE: ~Q(Exists(seen)),
        InitiativeGap.NO_RESULT: ~Q(Exists(concrete)),
        InitiativeGap.STALE: Q(updated_at__lt=cutoff),
    }


def _in_progress(user) -> QuerySet[Initiative]:
    return register.initiative_list(user=user).filter(status__in=IN_PROGRESS)


def initiative_gap_list(*, user, gap: str, on: dt.date | None = None) -> QuerySet[Initiative]:
    """Initiatives in preparation or running that lack a milestone, a concrete result or indicator, or an
    update in six months."""
    conditions = _gap_conditions(user, on or today())
    if gap not in conditions:
        raise ValueError(f"unknown gap {gap!r}")
    return _in_progress(user).filter(conditions[gap])


def initiative_gap_counts(*, user, on: dt.date | None = None) -> dict[str, int]:
    """The length of each ``initiative_gap_list``, all in one pass over the initiatives in progress."""
    conditions = _gap_conditions(user, on or today())
    return _in_progress(user).aggregate(**{gap: Count("pk", filter=condition)
                                           for gap, condition in conditions.items()})


def overdue_commitments(*, user, on: dt.date | None = None) -> QuerySet[Commitment]:
    """Commitments to Parliament still open after their due date, oldest due date first."""
    return (register.commitment_list(user=user, status=CommitmentStatus.OPEN)
            .filter(due_on__lt=on or today()).order_by("due_on", "pk"))


# --- the dashboard --------------------------------------------------------------------------------------

DASHBOARD_ROWS = 10


@dataclass(frozen=True)
class PartnerRow:
    code: str
    name: str
    ring: str
    counts: dict[str, int]  # status -> initiatives


@dataclass(frozen=True)
class Dashboard:
    partners: list[PartnerRow]
    rings: dict[str, dict[str, int]]  # ring -> status -> initiatives
    due_soon: int
    due_soon_rows: list[Milestone]
    late: int
    late_rows: list[Milestone]
    gaps: dict[str, int]
    overdue_commitments: int


def status_counts(*, user) -> tuple[list[PartnerRow], dict[str, dict[str, int]]]:
    """Initiatives by status per visible country, and per ring.

    Each partner count is ``initiative_list`` filtered on that partner and status, and each ring count that list
    filtered on the ring and status. Both are counted from the visible participations (a participation is unique
    per initiative and partner, so counting them per partner counts initiatives; per ring an initiative with two
    partners in the ring is counted once), grouped in the database: two queries, however many partners and rings.
    A partner's ring is its ring in force today (``partner_list``), read once for all partners.

    Countries only in the partner rows: they are the partners with a ring, and the ones the initiative list
    filters on as partner.
    """
    partners = list(register.partner_list(user=user).values_list("pk", "code", "name_nl", "kind", "current_ring"))
    participations = Participation.objects.for_user(user).order_by()
    countries = {pk: (code, name, ring or "") for pk, code, name, kind, ring in partners if kind == PartnerKind.COUNTRY}
    counts: dict[int, dict[str, int]] = {}
    rows = (participations.filter(partner__kind=PartnerKind.COUNTRY).values("partner_id", "initiative__status")
            .annotate(n=Count("pk")).values_list("partner_id", "initiative__status", "n"))
    for pk, status, n in rows:
        if pk in countries:
            counts.setdefault(pk, {})[status] = n
    out = [PartnerRow(countries[pk][0], countries[pk][1], countries[pk][2], counts[pk]) for pk in counts]
    closeness = {ring: rank for rank, ring in enumerate([*Ring.values, ""])}
    out.sort(key=lambda row: (closeness.get(row.ring, 9), row.name))

    rings: dict[str, dict[str, int]] = {ring: {} for ring in Ring.values}
    members: dict[str, list[int]] = {}
    for pk, _code, _name, _kind, ring in partners:
        if ring in rings:
            members.setdefault(ring, []).append(pk)
    if members:
        ring_of = Case(*(When(partner_id__in=pks, then=Value(ring)) for ring, pks in members.items()),
                       output_field=CharField())
        # Participations of partners without a ring group under no ring and are left out here; filtering them
        # out in the query instead would make SQLite start from the partners and look initiatives up at random.
        rows = (participations.annotate(ring=ring_of).values("ring", "initiative__status")
                .annotate(n=Count("initiative_id", distinct=True)).values_list("ring", "initiative__status", "n"))
        for ring, status, n in rows:
            if ring in rings:
                rings[ring][status] = n
    return out, rings


def milestone_state_counts(*, user, on: dt.date | None = None) -> dict[str, int]:
    """The length of ``milestone_list`` for each derived state (late, due soon), in one query: the same
    conditions, counted side by side over the milestones that can be in either."""
    on = on or today()
    states = {state: state_q(state, on=on) for state in MilestoneState.values}
    return (milestone_list(user=user).filter(late_or_due_soon_q(on=on))
            .aggregate(**{state: Count("pk", filter=condition) for state, condition in states.items()}))


def dashboard(*, user, on: dt.date | None = None) -> Dashboard:
    on = on or today()
    due_soon = milestone_rows(user=user, filters=MilestoneFilters(state=MilestoneState.DUE_SOON), on=on)
    late = milestone_rows(user=user, filters=MilestoneFilters(state=MilestoneState.LATE), on=on)
    partners, rings = status_counts(user=user)
    milestones = milestone_state_counts(user=user, on=on)
    return Dashboard(
        partners=partners,
        rings=rings,
        due_soon=milestones[MilestoneState.DUE_SOON],
        due_soon_rows=list(due_soon[:DASHBOARD_ROWS]),
        late=milestones[MilestoneState.LATE],
        late_rows=list(late[:DASHBOARD_ROWS]),
        gaps=initiative_gap_counts(user=user, on=on),
        overdue_commitments=overdue_commitments(user=user, on=on).count(),
    )


# --- plans ----------------------------------------------------------------------------------------------

def _plans(user) -> QuerySet[CooperationPlan]:
    """Plans the user may see, of partners the user may see."""
    return CooperationPlan.objects.for_user(user).filter(register.related_visible_to(user, "partner"))


def plan_list(*, user, partner: str = "", q: str = "") -> QuerySet[CooperationPlan]:
    qs = _plans(user)
    if partner:
        qs = qs.filter(partner__code=partner)
    if q:
        qs = qs.filter(title__icontains=q)
    return qs.select_related("partner").annotate(
        milestone_count=Count("milestones", filter=Q(milestones__in=register.milestone_list(user=user)),
                              distinct=True),
    ).order_by("-starts_on", "title", "pk")


def plan_facets(*, queryset: QuerySet[CooperationPlan]) -> dict[str, list[tuple[str, int]]]:
    rows = (CooperationPlan.objects.among(queryset).order_by()
            .values("partner__code").annotate(n=Count("pk")).values_list("partner__code", "n"))
    return {"partner": sorted(rows)}


@dataclass(frozen=True)
class PlanPage:
    plan: CooperationPlan
    goals: list[PlanGoal]
    initiatives: list[Initiative]
    milestones: list[Milestone]


def plan_page(*, user, pk: int) -> PlanPage:
    # The plan as ``plan_list`` shows it, without the list's milestone count: the page lists the milestones
    # themselves, and that count would weigh every visible milestone of every plan.
    plan = _plans(user).select_related("partner").get(pk=pk)
    notes = Prefetch("progress_notes", queryset=ProgressNote.objects.for_user(user).order_by("-noted_on", "-pk"),
                     to_attr="visible_notes")
    return PlanPage(
        plan=plan,
        goals=list(plan.goals.order_by("category", "pk")),
        initiatives=list(register.initiative_list(user=user).prefetch_related(None).filter(cooperation_plans=plan)
                         .only("pk", "title", "status", "planned_start", "planned_end", "actual_start",
                               "actual_end")),
        milestones=list(milestone_rows(user=user, filters=MilestoneFilters(plan=plan.pk)).prefetch_related(notes)),
    )


# --- officials and activities ---------------------------------------------------------------------------

def official_list(*, user, partner: str = "") -> QuerySet[Official]:
    qs = Official.objects.for_user(user).filter(register.related_visible_to(user, "partner"))
    if partner:
        qs = qs.filter(partner__code=partner)
    # The same activities as the official's page lists (``activity_list``), counted per official.
    shown = _activities(user).values("pk")
    return qs.select_related("partner").annotate(
        activity_count=Count("activities", filter=Q(activities__in=shown), distinct=True),
    ).order_by("name", "pk")


def _activities(user) -> QuerySet[Activity]:
    """Activities the user may see, of officials and partners the user may see."""
    return (Activity.objects.for_user(user).filter(official__in=Official.objects.for_user(user).values("pk"))
            .filter(register.related_visible_to(user, "partner")))


def serves_something(user) -> Q:
    """An activity that serves a goal category, or an initiative or plan the user may see."""
    return (~Q(goal_category="")
            | Q(Exists(Initiative.objects.for_user(user).filter(official_activities=OuterRef("pk"))))
            | Q(Exists(CooperationPlan.objects.for_user(user).filter(activities=OuterRef("pk")))))


def activity_list(*, user, official: int | None = None, serving: bool | None = None, kind: str = "",
                  goal_category: str = "") -> QuerySet[Activity]:
    qs = _activities(user)
    if official:
        qs = qs.filter(official_id=official)
    if kind:
        qs = qs.filter(kind=kind)
    if goal_category:
        qs = qs.filter(goal_category=goal_category)
    if serving is not None:
        qs = qs.filter(serves_something(user)) if serving else qs.exclude(serves_something(user))
    return qs.select_related("partner").prefetch_related(
        Prefetch("initiatives", queryset=Initiative.objects.for_user(user).only("pk", "title"),
                 to_attr="visible_initiatives"),
        Prefetch("plans", queryset=CooperationPlan.objects.for_user(user).only("pk", "title"),
                 to_attr="visible_plans"),
    ).order_by("-occurred_on", "-pk")


def activity_get(*, user, pk: int) -> Activity:
    """One activity as its page shows it: what it serves among what the user may see, and its official (one
    whose page the user may open)."""
    return activity_list(user=user).filter(register.related_visible_to(user, "official__partner")).select_related(
        "official").annotate(
        serves=Exists(Activity.objects.for_user(user).filter(pk=OuterRef("pk")).filter(serves_something(user)))
    ).get(pk=pk)


@dataclass(frozen=True)
class OfficialPage:
    official: Official
    total: int
    serving: int
    activities: list[Activity]
    unserving: list[Activity]

    @property
    def share(self) -> int | None:
        """Percentage of the activities that serve a goal, initiative or plan (None without activities)."""
        return round(100 * self.serving / self.total) if self.total else None


def official_page(*, user, pk: int) -> OfficialPage:
    official = official_list(user=user).get(pk=pk)
    activities = list(activity_list(user=user, official=pk).annotate(serves=Exists(
        Activity.objects.for_user(user).filter(pk=OuterRef("pk")).filter(serves_something(user)))))
    serving = sum(1 for a in activities if a.serves)
    return OfficialPage(official=official, total=len(activities), serving=serving, activities=activities,
                        unserving=[a for a in activities if not a.serves])


# --- the API's reads ------------------------------------------------------------------------------------

def plan_records(*, user, partner: str = "", q: str = "") -> QuerySet[CooperationPlan]:
    """``plan_list`` with each plan's goals and the initiatives the user may see."""
    return plan_list(user=user, partner=partner, q=q).prefetch_related(
        Prefetch("goals", queryset=PlanGoal.objects.order_by("pk"), to_attr="goal_list"),
        Prefetch("initiatives", queryset=Initiative.objects.for_user(user).only("pk").order_by("pk"),
                 to_attr="visible_initiatives"),
    )


def plan_for_edit(*, user, pk: int) -> CooperationPlan:
    """One plan as its editor loads it: plain fields only, and only if the user can see it and its partner."""
    return _plans(user).get(pk=pk)
