"""Every read of the monitoring. Each selector takes the requesting user and starts from the register's
clearance-filtered querysets, so the dashboard's numbers, the lists they link to and their exports are the same
querysets: a number is the ``count()`` of the list behind it, never a second way of counting."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from ims.register import selectors as register
from ims.register.models import Commitment, Goal, Initiative, Milestone, Participation
from ims.register.vocab import CommitmentStatus, PartnerKind, Ring, Status

from .models import Activity, CooperationPlan, Official, PlanGoal, ProgressNote
from .status import state_q, today
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


def initiative_gap_list(*, user, gap: str, on: dt.date | None = None) -> QuerySet[Initiative]:
    """Initiatives in preparation or running that lack a milestone, a concrete result or indicator, or an
    update in six months. Only what the user may see counts: a hidden milestone is no milestone to them."""
    qs = register.initiative_list(user=user).filter(status__in=IN_PROGRESS)
    if gap == InitiativeGap.NO_MILESTONE:
        seen = Milestone.objects.for_user(user).filter(initiative=OuterRef("pk"))
        return qs.filter(~Exists(seen))
    if gap == InitiativeGap.NO_RESULT:
        concrete = Goal.objects.filter(initiative=OuterRef("pk")).exclude(expected_result="", indicator="")
        return qs.filter(~Exists(concrete))
    if gap == InitiativeGap.STALE:
        cutoff = months_before(on or today(), STALE_MONTHS)
        return qs.filter(updated_at__date__lt=cutoff)
    raise ValueError(f"unknown gap {gap!r}")


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


def partner_status_counts(*, user) -> list[PartnerRow]:
    """Per visible country, the initiatives by status: each count is ``initiative_list`` filtered on that partner
    and status (a participation is unique per initiative and partner, so counting them counts initiatives).

    Countries only: they are the partners with a ring, and the ones the initiative list filters on as partner.
    """
    counts: dict[str, Counter[str]] = {}
    shown = register.initiative_list(user=user).prefetch_related(None).order_by().values("pk")
    rows = (Participation.objects.filter(register._visible_via(user, "partner"), initiative__in=shown,
                                         partner__kind=PartnerKind.COUNTRY).order_by()
            .values("partner__code", "initiative__status").annotate(n=Count("initiative", distinct=True))
            .values_list("partner__code", "initiative__status", "n"))
    for code, status, n in rows:
        counts.setdefault(code, Counter())[status] += n
    partners = register.partner_list(user=user).filter(code__in=counts).values_list("code", "name_nl",
                                                                                   "current_ring")
    out = [PartnerRow(code, name, ring or "", dict(counts[code])) for code, name, ring in partners]
    closeness = {ring: rank for rank, ring in enumerate([*Ring.values, ""])}
    return sorted(out, key=lambda row: (closeness.get(row.ring, 9), row.name))


def ring_status_counts(*, user) -> dict[str, dict[str, int]]:
    """Per ring, the initiatives by status, each the count of ``initiative_list`` filtered on ring and status."""
    out = {}
    for ring in Ring.values:
        rows = (register.initiative_list(user=user, filters=register.InitiativeFilters(ring=ring))
                .prefetch_related(None).order_by().values("status").annotate(n=Count("pk"))
                .values_list("status", "n"))
        out[ring] = dict(rows)
    return out


def dashboard(*, user, on: dt.date | None = None) -> Dashboard:
    on = on or today()
    due_soon = milestone_rows(user=user, filters=MilestoneFilters(state=MilestoneState.DUE_SOON), on=on)
    late = milestone_rows(user=user, filters=MilestoneFilters(state=MilestoneState.LATE), on=on)
    return Dashboard(
        partners=partner_status_counts(user=user),
        rings=ring_status_counts(user=user),
        due_soon=due_soon.count(),
        due_soon_rows=list(due_soon[:DASHBOARD_ROWS]),
        late=late.count(),
        late_rows=list(late[:DASHBOARD_ROWS]),
        gaps={gap: initiative_gap_list(user=user, gap=gap, on=on).count() for gap in InitiativeGap.values},
        overdue_commitments=overdue_commitments(user=user, on=on).count(),
    )


# --- plans ----------------------------------------------------------------------------------------------

def plan_list(*, user, partner: str = "", q: str = "") -> QuerySet[CooperationPlan]:
    qs = CooperationPlan.objects.for_user(user).filter(register._visible_via(user, "partner"))
    if partner:
        qs = qs.filter(partner__code=partner)
    if q:
        qs = qs.filter(title__icontains=q)
    return qs.select_related("partner").annotate(
        milestone_count=Count("milestones", filter=Q(milestones__in=register.milestone_list(user=user)),
                              distinct=True),
    ).order_by("-starts_on", "title", "pk")


def plan_facets(*, queryset: QuerySet[CooperationPlan]) -> dict[str, list[tuple[str, int]]]:
    rows = (CooperationPlan.objects.filter(pk__in=queryset.values("pk")).order_by()
            .values("partner__code").annotate(n=Count("pk")).values_list("partner__code", "n"))
    return {"partner": sorted(rows)}


@dataclass(frozen=True)
class PlanPage:
    plan: CooperationPlan
    goals: list[PlanGoal]
    initiatives: list[Initiative]
    milestones: list[Milestone]


def plan_page(*, user, pk: int) -> PlanPage:
    plan = plan_list(user=user).get(pk=pk)
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
    qs = Official.objects.for_user(user).filter(register._visible_via(user, "partner"))
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
            .filter(register._visible_via(user, "partner")))


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
        Activity.objects.filter(pk=OuterRef("pk")).filter(serves_something(user)))))
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
    return CooperationPlan.objects.for_user(user).filter(register._visible_via(user, "partner")).get(pk=pk)
