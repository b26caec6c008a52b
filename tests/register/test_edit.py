"""Editing an initiative on the web: the form carries the version it started from, so nothing is lost."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ims.core.audit import AuditEntry
from ims.register.models import Initiative
from tests.db import in_db
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def _form_data(response) -> dict:
    """What a browser would send back: every field of the form as it was shown."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = "" if value is None else value
    return data


def _session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_analyst_changes_an_initiative_and_the_change_is_audited(analyst):
    initiative = InitiativeFactory(title="Staf", status="idea")
    client = _session(analyst)
    url = reverse("register:initiative-edit", args=[initiative.pk])
    data = _form_data(client.get(url)) | {"status": "running", "summary": "Gezamenlijke staf"}

    response = client.post(url, data)

    assert response.status_code == 302
    stored = in_db(Initiative).get(pk=initiative.pk)
    assert (stored.status, stored.summary, stored.version, stored.updated_by) == (
        "running", "Gezamenlijke staf", 2, analyst)
    entry = AuditEntry.objects.filter(action="update").latest("pk")
    assert entry.changes["status"] == ["idea", "running"]


def test_two_sessions_editing_at_once_lose_nothing(make_user):
    alice, bob = make_user(username="alice"), make_user(username="bob")
    initiative = InitiativeFactory(title="Staf", status="idea")
    url = reverse("register:initiative-edit", args=[initiative.pk])
    as_alice, as_bob = _session(alice), _session(bob)
    alice_form, bob_form = _form_data(as_alice.get(url)), _form_data(as_bob.get(url))

    assert as_bob.post(url, bob_form | {"title": "Staf (Bob)"}).status_code == 302
    refused = as_alice.post(url, alice_form | {"title": "Staf (Alice)", "status": "study"})

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "intussen gewijzigd door bob" in page
    assert "versie 1" in page and "versie 2" in page
    assert [(label, theirs, mine) for label, theirs, mine in refused.context["conflicts"]] == [
        ("titel", "Staf (Bob)", "Staf (Alice)"), ("status", "idee", "studie"),
    ]
    assert in_db(Initiative).get(pk=initiative.pk).title == "Staf (Bob)"

    # Having seen Bob's change, Alice saves again on purpose: now her form names the stored version.
    again = _form_data(refused)
    assert str(again["base_version"]) == "2" and again["title"] == "Staf (Alice)"
    assert as_alice.post(url, again).status_code == 302
    stored = in_db(Initiative).get(pk=initiative.pk)
    assert (stored.title, stored.version) == ("Staf (Alice)", 3)
    assert list(stored.history.order_by("history_date").values_list("title", flat=True)) == [
        "Staf", "Staf (Bob)", "Staf (Alice)"]


def test_a_viewer_may_not_edit(viewer, login):
    initiative = InitiativeFactory(title="Staf")
    url = reverse("register:initiative-edit", args=[initiative.pk])
    client = login(viewer)
    assert client.get(url).status_code == 403
    assert client.post(url, {"title": "Anders", "base_version": 1}).status_code == 403
    assert in_db(Initiative).get(pk=initiative.pk).title == "Staf"


def test_an_initiative_above_the_editors_clearance_is_not_found(make_user, login):
    editor = make_user(username="dv", clearance=1)
    initiative = InitiativeFactory(title="Geheim project", classification=2)
    url = reverse("register:initiative-edit", args=[initiative.pk])
    client = login(editor)
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "Anders", "base_version": 1}).status_code == 404
    assert in_db(Initiative).get(pk=initiative.pk).title == "Geheim project"


def test_an_editor_cannot_raise_a_record_above_their_own_clearance(make_user, login):
    editor = make_user(username="dv", clearance=1)
    initiative = InitiativeFactory(title="Staf", classification=0)
    url = reverse("register:initiative-edit", args=[initiative.pk])
    client = login(editor)
    shown = client.get(url)
    assert [value for value, _label in shown.context["form"].fields["classification"].choices] == [0, 1]

    response = client.post(url, _form_data(shown) | {"classification": 3})

    assert response.status_code == 200 and response.context["form"].errors["classification"]
    assert in_db(Initiative).get(pk=initiative.pk).classification == 0


def test_bad_input_gets_a_dutch_message_and_is_not_stored(analyst, login):
    initiative = InitiativeFactory(title="Staf")
    url = reverse("register:initiative-edit", args=[initiative.pk])
    client = login(analyst)
    data = _form_data(client.get(url)) | {"planned_start": "2020-05-01", "planned_end": "2019-01-01"}

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Het geplande einde ligt vóór de geplande start." in response.content.decode()
    stored = in_db(Initiative).get(pk=initiative.pk)
    assert (stored.planned_start, stored.planned_end, stored.version) == (
        initiative.planned_start, initiative.planned_end, 1)


def test_the_initiative_page_offers_editing_only_to_editors(analyst, viewer):
    initiative = InitiativeFactory(title="Staf", classification=0)
    url = reverse("register:initiative-detail", args=[initiative.pk])
    edit = reverse("register:initiative-edit", args=[initiative.pk])
    assert edit in _session(analyst).get(url).content.decode()
    assert edit not in _session(viewer).get(url).content.decode()
