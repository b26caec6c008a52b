"""Every write of the monitoring: keyword-only, validated with ``full_clean()``, in a transaction, through
``record_save`` (clearance ceiling, version, history, audit). Milestones are written by the register's
``milestone_create`` and ``milestone_update``; this module adds the plan's and the official's side."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from ims.core.services import RegisterError, record_delete, record_link, record_save, record_version_step
from ims.register.models import Initiative, Milestone, Partner
from ims.register.services import apply_editable_fields, editor_check, milestone_create

from .models import Activity, CooperationPlan, Official, PlanGoal, ProgressNote


@transaction.atomic
def plan_create(
    *, title: str, partner: Partner, starts_on: dt.date, ends_on: dt.date, summary: str = "",
    goals: Sequence[tuple[str, str]] = (), initiatives: Sequence[Initiative] = (), classification: int = 0,
    actor=None,
) -> CooperationPlan:
    """A cooperation plan with its goals (category, statement) and the initiatives it covers."""
    plan = CooperationPlan(title=title, partner=partner, starts_on=starts_on, ends_on=ends_on, summary=summary,
                           classification=classification)
    editor_check(actor=actor, record=plan)
    record_link(plan, add={"initiatives": list(initiatives)}, actor=actor)
    for category, statement in goals:
        record_save(PlanGoal(plan=plan, category=category, statement=statement), actor=actor)
    return plan


PLAN_EDITABLE = frozenset({"title", "partner", "starts_on", "ends_on", "summary", "classification"})


@transaction.atomic
def plan_update(*, plan: CooperationPlan, actor=None, version: int | None = None, **fields) -> CooperationPlan:
    """Change a plan's plain fields; a newer stored version refuses the save (``StaleEdit``)."""
    apply_editable_fields(plan, fields, editable=PLAN_EDITABLE, version=version)
    editor_check(actor=actor, record=plan)
    return record_save(plan, actor=actor)


@dataclass(frozen=True)
class GoalRow:
    """One goal of a plan as its edit form sends it: ``pk`` None for a new one."""

    category: str = ""
    statement: str = ""
    pk: int | None = None
    delete: bool = False


@transaction.atomic
def plan_save(
    *, actor, fields: dict, plan: CooperationPlan | None = None, version: int | None = None,
    initiatives: Sequence[Initiative] | None = None, goals: Sequence[GoalRow] = (),
) -> CooperationPlan:
    """Create a plan (``plan`` None) or change one, with the initiatives it covers and its goals, as the web form
    sends them: one write of the plan (fields and initiatives, one audit entry), then each goal.

    ``initiatives`` is the full choice among the initiatives the actor may see; links to initiatives hidden from
    the actor are neither shown to them nor removed. ``version`` is the plan's version the editor started from:
    a newer one refuses the whole save (``StaleEdit``), also when only the goals changed.
    """
    creating = plan is None
    plan = plan if plan is not None else CooperationPlan()
    apply_editable_fields(plan, fields, editable=PLAN_EDITABLE, version=None if creating else version)
    editor_check(actor=actor, record=plan)
    add: dict[str, list] = {}
    remove: dict[str, list] = {}
    if initiatives is not None:
        current = set(Initiative.objects.for_actor(actor).filter(cooperation_plans=plan)) if not creating else set()
        chosen = set(initiatives)
        add["initiatives"] = sorted(chosen - current, key=lambda i: i.pk)
        remove["initiatives"] = sorted(current - chosen, key=lambda i: i.pk)
    before = plan.version
    record_link(plan, add=add, remove=remove, actor=actor)
    written = False
    for row in goals:
        goal = PlanGoal(plan=plan) if row.pk is None else plan.goals.filter(pk=row.pk).first()
        if goal is None:
            raise RegisterError("Dit doel bestaat niet meer.")
        if row.delete:
            if row.pk is not None:
                record_delete(goal, actor=actor)
                written = True
            continue
        if row.pk is not None and (goal.category, goal.statement) == (row.category, row.statement):
            continue
        goal.category, goal.statement = row.category, row.statement
        record_save(goal, actor=actor)
        written = True
    # One save of the form is one version step, whether the plan's fields, its goals or both changed.
    if written and not creating and plan.version == before:
        record_version_step(plan, actor=actor)
    return plan


def plan_milestone_add(
    *, plan: CooperationPlan, title: str, due_on: dt.date, owner=None, initiative: Initiative | None = None,
    status: str = "planned", done_on: dt.date | None = None, classification: int | None = None, actor=None,
) -> Milestone:
    """A milestone of the plan (and, optionally, of one of its initiatives), with its owner."""
    return milestone_create(plan=plan, initiative=initiative, owner=owner, title=title, due_on=due_on,
                            done_on=done_on, status=status, classification=classification, actor=actor)


def progress_note_add(*, milestone: Milestone, noted_on: dt.date, text: str, actor=None) -> ProgressNote:
    """A dated note on a milestone; it takes the milestone's classification."""
    note = ProgressNote(milestone=milestone, noted_on=noted_on, text=text, classification=milestone.classification)
    editor_check(actor=actor, record=note)
    return record_save(note, actor=actor)


def official_create(
    *, name: str = "", partner: Partner, starts_on: dt.date, ends_on: dt.date | None = None, user=None,
    kind: str = "attache", clearance: int = 0, classification: int = 0, actor=None,
) -> Official:
    """An official posted to a partner: a user (whose clearance and name count) or just a name."""
    if user is not None:
        name = name or user.get_full_name() or user.username
        clearance = int(user.clearance)
    if not name:
        raise RegisterError("Geef de naam van de functionaris, of kies een gebruiker.")
    official = Official(name=name, partner=partner, starts_on=starts_on, ends_on=ends_on, user=user, kind=kind,
                        clearance=clearance, classification=classification)
    editor_check(actor=actor, record=official)
    return record_save(official, actor=actor)


OFFICIAL_EDITABLE = frozenset({"kind", "user", "name", "partner", "starts_on", "ends_on", "clearance",
                               "classification"})


@transaction.atomic
def official_update(*, official: Official, actor=None, version: int | None = None, **fields) -> Official:
    """Change an official; for one who is a user, the user's clearance counts (and their name, if none is
    given). A newer stored version refuses the save (``StaleEdit``)."""
    apply_editable_fields(official, fields, editable=OFFICIAL_EDITABLE, version=version)
    if official.user_id:
        official.name = official.name or official.user.get_full_name() or official.user.username
        official.clearance = int(official.user.clearance)
    if not official.name:
        raise RegisterError("Geef de naam van de functionaris, of kies een gebruiker.")
    editor_check(actor=actor, record=official)
    return record_save(official, actor=actor)


def served_above_clearance(*, official: Official, served: Sequence[Initiative | CooperationPlan]) -> str:
    """Why an activity of ``official`` may not serve one of ``served`` (one classified above the official's
    clearance, which for a user is the user's own), or "" when it may."""
    ceiling = int(official.user.clearance) if official.user_id else int(official.clearance)
    for record in served:
        if int(record.classification) > ceiling:
            kind_of = "Het initiatief" if isinstance(record, Initiative) else "Het samenwerkingsplan"
            return (f"{kind_of} ‘{record}’ is hoger gerubriceerd dan het screeningsniveau van {official}; "
                    "koppel de activiteit daar niet aan.")
    return ""


@transaction.atomic
def activity_record(
    *, official: Official, kind: str, occurred_on: dt.date, partner: Partner, text: str, goal_category: str = "",
    initiatives: Sequence[Initiative] = (), plans: Sequence[CooperationPlan] = (), classification: int = 0,
    actor=None,
) -> Activity:
    """What an official did and what it served; nothing is stored when it serves something above the official's
    clearance (the official could not have worked on what they may not see)."""
    refusal = served_above_clearance(official=official, served=[*initiatives, *plans])
    if refusal:
        raise RegisterError(refusal)
    activity = Activity(official=official, kind=kind, occurred_on=occurred_on, partner=partner, text=text,
                        goal_category=goal_category, classification=classification)
    editor_check(actor=actor, record=activity)
    return record_link(activity, add={"initiatives": list(initiatives), "plans": list(plans)}, actor=actor)


ACTIVITY_EDITABLE = frozenset({"kind", "occurred_on", "partner", "text", "goal_category", "classification"})


def _link_changes(actor, activity: Activity, name: str, chosen: Sequence) -> tuple[list, list]:
    """What to add to and remove from an activity's links ``name`` (initiatives or plans) for the editor's
    ``chosen``, the full choice among those the editor may see: links hidden from the editor stay as they are."""
    field = Activity._meta.get_field(name)
    current = set(field.related_model.objects.for_actor(actor).filter(**{field.related_query_name(): activity}))
    wanted = set(chosen)
    return sorted(wanted - current, key=lambda r: r.pk), sorted(current - wanted, key=lambda r: r.pk)


@transaction.atomic
def activity_update(
    *, activity: Activity, actor=None, version: int | None = None, initiatives: Sequence[Initiative] | None = None,
    plans: Sequence[CooperationPlan] | None = None, **fields,
) -> Activity:
    """Change an activity and what it serves, as one write (one audit entry, one version step); a newer stored
    version refuses the save (``StaleEdit``). ``initiatives`` and ``plans`` are the editor's full choice among
    those they may see (None leaves the links alone). A newly linked initiative or plan above the official's
    clearance refuses the whole save, as on recording; links made before stay, even if the official's clearance
    has since gone down, so that an edit of the text is not blocked by a link its editor may not see."""
    apply_editable_fields(activity, fields, editable=ACTIVITY_EDITABLE, version=version)
    editor_check(actor=actor, record=activity)
    add: dict[str, list] = {}
    remove: dict[str, list] = {}
    for name, chosen in (("initiatives", initiatives), ("plans", plans)):
        if chosen is not None:
            add[name], remove[name] = _link_changes(actor, activity, name, chosen)
    refusal = served_above_clearance(official=activity.official, served=[r for rs in add.values() for r in rs])
    if refusal:
        raise RegisterError(refusal)
    return record_link(activity, add=add, remove=remove, actor=actor)


def activity_delete(*, activity: Activity, actor=None, version: int | None = None) -> None:
    """Delete an activity (its history keeps it); a newer stored version than the one the editor saw refuses
    the delete (``StaleEdit``), as it would refuse a save."""
    if version is not None:
        activity.version = version
    editor_check(actor=actor, record=activity)
    record_delete(activity, actor=actor)
