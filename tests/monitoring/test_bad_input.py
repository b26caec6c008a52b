"""Bad input gets a clear Dutch message and nothing is stored (issue 15, item 6)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from ims.core.services import RegisterError
from ims.monitoring import services as monitoring
from ims.monitoring.models import Activity, CooperationPlan, Official, ProgressNote
from ims.register import services as register
from ims.register.models import Milestone
from tests.db import in_db

D = dt.date


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(m for messages in error.message_dict.values() for m in messages)
    return str(error)


def test_a_milestone_due_before_its_plan_starts(plans):
    with pytest.raises(ValidationError) as refused:
        monitoring.plan_milestone_add(plan=plans.plan, title="Te vroeg", due_on=D(2018, 12, 31))
    assert "vóór het begin van het samenwerkingsplan" in _message(refused.value)
    assert not in_db(Milestone).filter(title="Te vroeg").exists()


def test_a_milestone_due_after_its_plan_ends(plans):
    with pytest.raises(ValidationError) as refused:
        monitoring.plan_milestone_add(plan=plans.plan, title="Te laat", due_on=D(2021, 1, 1))
    assert "na het einde van het samenwerkingsplan" in _message(refused.value)
    assert not in_db(Milestone).filter(title="Te laat").exists()


def test_the_plan_edges_themselves_are_allowed(plans):
    for day in (D(2019, 1, 1), D(2020, 12, 31)):
        monitoring.plan_milestone_add(plan=plans.plan, title=f"Rand {day}", due_on=day)
    assert in_db(Milestone).filter(plan=plans.plan).count() == 2


def test_a_progress_note_dated_in_the_future(plans):
    milestone = monitoring.plan_milestone_add(plan=plans.plan, title="Oefening", due_on=D(2020, 6, 1))
    with time_machine.travel(dt.datetime(2020, 3, 1, 12, tzinfo=dt.UTC), tick=False):
        with pytest.raises(ValidationError) as refused:
            monitoring.progress_note_add(milestone=milestone, noted_on=D(2020, 3, 2), text="Morgen gaat het goed.")
        assert "dag die nog moet komen" in _message(refused.value)
        assert not in_db(ProgressNote).exists()
        monitoring.progress_note_add(milestone=milestone, noted_on=D(2020, 3, 1), text="Planning rond.")
    assert in_db(ProgressNote).get().classification == milestone.classification


def test_an_owner_who_cannot_see_the_initiative(plans):
    with pytest.raises(ValidationError) as refused:
        monitoring.plan_milestone_add(plan=plans.plan, initiative=plans.secret_initiative, owner=plans.owner,
                                      title="Onzichtbaar voor de eigenaar", due_on=D(2020, 1, 1))
    assert "screeningsniveau" in _message(refused.value)
    assert not in_db(Milestone).filter(title="Onzichtbaar voor de eigenaar").exists()


def test_an_owner_who_cannot_see_the_plan(plans):
    with pytest.raises(ValidationError):
        monitoring.plan_milestone_add(plan=plans.secret_plan, owner=plans.owner, title="Geheim", due_on=D(2020, 1, 1))
    assert not in_db(Milestone).filter(title="Geheim").exists()


def test_a_plan_that_ends_before_it_starts(plans):
    with pytest.raises(ValidationError) as refused:
        monitoring.plan_create(title="Achterstevoren", partner=plans.uk, starts_on=D(2020, 1, 1),
                               ends_on=D(2019, 1, 1))
    assert "einde van de periode ligt vóór het begin" in _message(refused.value)
    assert not in_db(CooperationPlan).filter(title="Achterstevoren").exists()


def test_shrinking_a_plan_past_its_milestones(plans):
    monitoring.plan_milestone_add(plan=plans.plan, title="Eind 2020", due_on=D(2020, 12, 1))
    with pytest.raises(ValidationError) as refused:
        monitoring.plan_update(plan=plans.plan, ends_on=D(2020, 6, 30))
    assert "Eind 2020" in _message(refused.value)
    assert in_db(CooperationPlan).get(pk=plans.plan.pk).ends_on == D(2020, 12, 31)


def test_an_activity_linked_to_an_initiative_above_the_officials_clearance(plans):
    official = monitoring.official_create(name="Kolonel A. de Vries", partner=plans.uk, starts_on=D(2019, 8, 1))
    with pytest.raises(RegisterError) as refused:
        monitoring.activity_record(official=official, kind="meeting", occurred_on=D(2019, 9, 1), partner=plans.uk,
                                   text="Overleg over onderzeeboten.", initiatives=[plans.secret_initiative])
    assert "hoger gerubriceerd dan het screeningsniveau van Kolonel A. de Vries" in str(refused.value)
    assert not in_db(Activity).exists()


def test_an_activity_linked_to_a_plan_above_the_clearance_of_the_officials_user(plans):
    official = monitoring.official_create(user=plans.owner, partner=plans.uk, starts_on=D(2019, 8, 1))
    assert (official.name, official.clearance) == ("eigenaar", 0)
    with pytest.raises(RegisterError):
        monitoring.activity_record(official=official, kind="visit", occurred_on=D(2019, 9, 1), partner=plans.uk,
                                   text="Bezoek.", plans=[plans.secret_plan])
    assert not in_db(Activity).exists()


def test_an_official_posted_backwards(plans):
    with pytest.raises(ValidationError) as refused:
        monitoring.official_create(name="Majoor B.", partner=plans.uk, starts_on=D(2020, 1, 1), ends_on=D(2019, 1, 1))
    assert "vóór het begin" in _message(refused.value)
    assert not in_db(Official).exists()


def test_a_viewer_may_not_write(plans, viewer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        monitoring.plan_create(title="Van een raadpleger", partner=plans.uk, starts_on=D(2019, 1, 1),
                               ends_on=D(2019, 12, 31), actor=viewer)
    assert not in_db(CooperationPlan).filter(title="Van een raadpleger").exists()


def test_plans_and_milestones_keep_their_history(plans, analyst):
    milestone = monitoring.plan_milestone_add(plan=plans.plan, title="Oefening", due_on=D(2020, 6, 1), actor=analyst)
    register.milestone_update(milestone=milestone, status="at_risk", actor=analyst)
    monitoring.plan_update(plan=plans.plan, title="Actieplan VK", actor=analyst)
    assert [h.status for h in Milestone.history.filter(id=milestone.pk).order_by("history_date")] == [
        "planned", "at_risk"]
    assert list(CooperationPlan.history.filter(id=plans.plan.pk).order_by("history_date")
                .values_list("title", flat=True))[-1] == "Actieplan VK"
    assert in_db(CooperationPlan).get(pk=plans.plan.pk).version == 2
