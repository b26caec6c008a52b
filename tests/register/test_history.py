"""Every change is kept with the user who made it: from services, the web admin and commands alike."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ims.register import services
from ims.register.models import Initiative
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_each_service_change_is_recorded_with_its_user(make_user):
    alice, bob = make_user(username="alice"), make_user(username="bob")
    PartnerFactory(code="DE")
    initiative = services.initiative_create(title="Brigade", participants=[("DE", "lead")], actor=alice)
    services.initiative_update(initiative=initiative, status="running", actor=bob)
    services.initiative_update(initiative=initiative, status="completed", actor=alice)

    rows = list(initiative.history.order_by("history_date").values_list("status", "history_user__username",
                                                                          "history_type"))
    assert rows == [("idea", "alice", "+"), ("running", "bob", "~"), ("completed", "alice", "~")]
    initiative.refresh_from_db()
    assert (initiative.created_by, initiative.updated_by) == (alice, alice)


def test_admin_changes_are_recorded_with_the_logged_in_user(make_user, client):
    admin = make_user(role="administrator", username="beheerder", is_staff=True, is_superuser=True)
    initiative = services.initiative_create(title="Oud", actor=admin)
    client.force_login(admin)
    url = reverse("admin:register_initiative_change", args=[initiative.pk])
    form = client.get(url).context["adminform"].form
    data = {name: ("" if value is None else value) for name, value in form.initial.items()
            if not isinstance(value, list)}
    data.update({
        "title": "Nieuw", "kind": "general", "status": "study", "classification": 0,
        "participations-TOTAL_FORMS": 0, "participations-INITIAL_FORMS": 0,
        "goals-TOTAL_FORMS": 0, "goals-INITIAL_FORMS": 0, "budgets-TOTAL_FORMS": 0, "budgets-INITIAL_FORMS": 0,
    })
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = Initiative.history.filter(id=initiative.pk).latest("history_date")
    assert (latest.title, latest.history_user) == ("Nieuw", admin)
    assert Initiative.history.filter(id=initiative.pk).count() == 2
