"""The monitoring in the admin goes through the gate as the register's records do: only what the administrator
may see, every save one audit entry with its version moved on, and the activity rule of the services."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from ims.core.audit import AuditEntry
from ims.monitoring import services as monitoring
from ims.monitoring.models import Activity, CooperationPlan, Official, PlanGoal

D = dt.date
INLINE = {"goals-TOTAL_FORMS": 1, "goals-INITIAL_FORMS": 0, "goals-MIN_NUM_FORMS": 0, "goals-MAX_NUM_FORMS": 1000}


@pytest.fixture
def administrator(make_user, client):
    client.force_login(make_user("administrator", 1, username="beheer", is_staff=True, is_superuser=True))
    return client


def test_the_lists_show_only_what_the_administrator_may_see(plans, administrator):
    page = administrator.get(reverse("admin:monitoring_cooperationplan_changelist")).content.decode()
    assert plans.plan.title in page and plans.secret_plan.title not in page
    for name in ("progressnote", "official", "activity"):
        assert administrator.get(reverse(f"admin:monitoring_{name}_changelist")).status_code == 200


def test_a_plan_made_in_the_admin_is_one_audited_change_with_its_goal(plans, administrator):
    response = administrator.post(reverse("admin:monitoring_cooperationplan_add"), {
        "title": "Routekaart Duitsland", "partner": plans.uk.pk, "starts_on": "2021-01-01", "ends_on": "2023-12-31",
        "summary": "", "classification": 0, "base_version": 1, "initiatives": [plans.open_initiative.pk],
        **INLINE, "goals-0-category": "military", "goals-0-statement": "Een gezamenlijke brigade.",
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    plan = CooperationPlan.objects.unrestricted().get(title="Routekaart Duitsland")
    assert list(plan.initiatives.unrestricted()) == [plans.open_initiative]
    assert list(PlanGoal.objects.filter(plan=plan).values_list("statement", flat=True)) == ["Een gezamenlijke brigade."]
    entries = AuditEntry.objects.filter(object_type="monitoring.cooperationplan", object_id=str(plan.pk))
    assert list(entries.values_list("action", flat=True)) == ["create"]
    assert AuditEntry.objects.filter(object_type="monitoring.plangoal", action="create",
                                     actor__username="beheer").count() == 1

    edit = reverse("admin:monitoring_cooperationplan_change", args=[plan.pk])
    goal = plan.goals.get()
    response = administrator.post(edit, {
        "title": "Routekaart Duitsland 2021–2023", "partner": plans.uk.pk, "starts_on": "2021-01-01",
        "ends_on": "2023-12-31", "summary": "", "classification": 0, "base_version": 1,
        "initiatives": [plans.open_initiative.pk], **INLINE, "goals-INITIAL_FORMS": 1, "goals-0-id": goal.pk,
        "goals-0-plan": plan.pk, "goals-0-category": "military", "goals-0-statement": goal.statement,
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert CooperationPlan.objects.unrestricted().get(pk=plan.pk).version == 2
    assert entries.filter(action="update").count() == 1


def test_the_admin_refuses_an_activity_above_the_officials_clearance(plans, make_user, client):
    client.force_login(make_user("administrator", 3, username="hoog", is_staff=True, is_superuser=True))
    official = monitoring.official_create(name="Kolonel A. de Vries", partner=plans.uk, starts_on=D(2019, 8, 1))
    response = client.post(reverse("admin:monitoring_activity_add"), {
        "official": official.pk, "kind": "meeting", "occurred_on": "2019-09-01", "partner": plans.uk.pk,
        "text": "Overleg.", "goal_category": "", "classification": 0, "base_version": 1,
        "initiatives": [plans.secret_initiative.pk],
    })
    assert response.status_code == 200
    assert "hoger gerubriceerd dan het screeningsniveau van Kolonel A. de Vries" in response.content.decode()
    assert not Activity.objects.unrestricted().exists()


def test_an_official_who_is_a_user_takes_the_users_clearance_in_the_admin(plans, administrator, make_user):
    attache = make_user("viewer", 1, username="attache")
    response = administrator.post(reverse("admin:monitoring_official_add"), {
        "kind": "attache", "user": attache.pk, "name": "", "partner": plans.uk.pk, "starts_on": "2019-08-01",
        "clearance": 0, "classification": 0, "base_version": 1,
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    official = Official.objects.unrestricted().get(user=attache)
    assert (official.name, official.clearance) == ("attache", 1)


def test_an_open_official_posted_to_a_hidden_partner_is_not_listed(plans, administrator):
    from ims.register import services as register

    hidden = register.partner_upsert(code="GEHEIMORG", kind="organisation", name_nl="Geheime organisatie",
                                     name_en="Secret")
    hidden.classification = 3
    hidden.save()
    monitoring.official_create(name="Open attaché bij geheim", partner=hidden, starts_on=D(2019, 1, 1))
    monitoring.official_create(name="Open attaché", partner=plans.uk, starts_on=D(2019, 1, 1))
    page = administrator.get(reverse("admin:monitoring_official_changelist")).content.decode()
    assert "Open attaché" in page
    assert "Geheime organisatie" not in page and "Open attaché bij geheim" not in page


def test_the_admin_offers_as_milestone_owner_only_users_who_can_see_it(plans, make_user, client):
    client.force_login(make_user("administrator", 3, username="beheer", is_staff=True, is_superuser=True))
    make_user("viewer", 3, username="geheim")
    secret = monitoring.plan_milestone_add(plan=plans.plan, initiative=plans.secret_initiative, title="Onder water",
                                           due_on=D(2020, 6, 1))
    page = BeautifulSoup(client.get(reverse("admin:register_milestone_change", args=[secret.pk])).content, "lxml")
    offered = {o.get_text() for o in page.select("select[name=owner] option") if o.get("value")}
    assert {"beheer", "geheim"} <= offered and "eigenaar" not in offered
