"""Every write of the monitoring: keyword-only, validated with ``full_clean()``, in a transaction, through
``record_save`` (clearance ceiling, version, history, audit). Milestones are written by the register's
``milestone_create`` and ``milestone_update``; this module adds the plan's and the official's side."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction

from ims.core.services import RegisterError, record_link, record_save
from ims.register.models import Initiative, Milestone, Partner
from ims.register.services import _apply_edit, editor_check, milestone_create

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
    _apply_edit(plan, fields, editable=PLAN_EDITABLE, version=version)
    editor_check(actor=actor, record=plan)
    return record_save(plan, actor=actor)


def plan_milestone_add(
    *, plan: CooperationPlan, title: str, due_on: dt.date, owner=None, initiative: Initiative | None = None,
    status: str = "planned", classification: int | None = None, actor=None,
) -> Milestone:
    """A milestone of the plan (and, optionally, of one of its initiatives), with its owner."""
    return milestone_create(plan=plan, initiative=initiative, owner=owner, title=title, due_on=due_on,
                            status=status, classification=classification, actor=actor)


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


@transaction.atomic
def activity_record(
    *, official: Official, kind: str, occurred_on: dt.date, partner: Partner, text: str, goal_category: str = "",
    initiatives: Sequence[Initiative] = (), plans: Sequence[CooperationPlan] = (), classification: int = 0,
    actor=None,
) -> Activity:
    """What an official did and what it served; nothing is stored when it serves something above the official's
    clearance (the official could not have worked on what they may not see)."""
    ceiling = int(official.user.clearance) if official.user_id else int(official.clearance)
    for served in [*initiatives, *plans]:
        if int(served.classification) > ceiling:
            kind_of = "Het initiatief" if isinstance(served, Initiative) else "Het samenwerkingsplan"
            raise RegisterError(f"{kind_of} ‘{served}’ is hoger gerubriceerd dan het screeningsniveau van "
                                f"{official}; koppel de activiteit daar niet aan.")
    activity = Activity(official=official, kind=kind, occurred_on=occurred_on, partner=partner, text=text,
                        goal_category=goal_category, classification=classification)
    editor_check(actor=actor, record=activity)
    return record_link(activity, add={"initiatives": list(initiatives), "plans": list(plans)}, actor=actor)
