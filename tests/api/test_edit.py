"""PATCH of an initiative and POST/PATCH of milestones: permissions, If-Match, no lost updates, audit and
history, and the register's validation in Dutch."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ims.accounts.models import Role
from ims.core.audit import AuditEntry
from ims.core.classification import Classification
from ims.register import services
from ims.register.models import Initiative, Milestone
from tests.db import in_db

pytestmark = pytest.mark.django_db


def patch(client, url: str, data: dict, version: int | str | None = None):
    headers = {} if version is None else {"If-Match": f'"{version}"' if isinstance(version, int) else version}
    return client.patch(url, data, format="json", headers=headers)


@pytest.fixture
def url(register) -> str:
    return f"/api/v1/initiatives/{register.shown.pk}/"


def test_patch_changes_the_initiative_and_moves_the_version_on(register, analyst, api, url):
    client = api(analyst)
    response = patch(client, url, {"status": "completed", "actual_end": "2019-06-30", "sovereign_capability": True},
                     version=1)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["actual_end"], body["sovereign_capability"], body["version"]) == (
        "completed", "2019-06-30", True, 2)
    assert response["ETag"] == '"2"'
    assert client.get(url)["ETag"] == '"2"'


def test_patch_writes_an_audit_entry_and_a_history_row_with_the_user(register, analyst, api, url):
    patch(api(analyst), url, {"title": "Brigade (hernoemd)"}, version=1)
    entry = AuditEntry.objects.filter(action="update", object_type="register.initiative").latest("id")
    assert entry.actor_name == "analist"
    assert entry.changes == {"title": ["Duits-Nederlandse brigade", "Brigade (hernoemd)"]}
    latest = register.shown.history.latest("history_date")
    assert (latest.title, latest.history_user, latest.history_type) == ("Brigade (hernoemd)", analyst, "~")


def test_patch_without_if_match_is_428(register, analyst, api, url):
    response = patch(api(analyst), url, {"title": "Zonder versie"})
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]
    register.shown.refresh_from_db()
    assert register.shown.title == "Duits-Nederlandse brigade"


@pytest.mark.parametrize("header", ["*", "abc", '"1", "2"'])
def test_an_if_match_without_one_version_is_400(register, analyst, api, url, header):
    response = patch(api(analyst), url, {"title": "x"}, version=header)
    assert response.status_code == 400
    assert "If-Match" in response.json()["detail"]


def test_two_clients_from_the_same_version_cannot_lose_an_update(register, make_user, api, url):
    alice, bob = make_user(username="alice"), make_user(username="bob")
    first, second = api(alice), api(bob)
    version = int(first.get(url)["ETag"].strip('"'))
    assert int(second.get(url)["ETag"].strip('"')) == version

    won = patch(first, url, {"summary": "Versie van Alice"}, version=version)
    assert won.status_code == 200 and won.json()["version"] == version + 1

    lost = patch(second, url, {"summary": "Versie van Bob"}, version=version)
    assert lost.status_code == 412
    body = lost.json()
    assert (body["submitted"], body["current"]) == (version, version + 1)
    assert body["current_values"]["summary"] == "Versie van Alice"
    assert body["current_values"]["version"] == version + 1
    assert body["changed_by"] == "alice"
    assert "intussen gewijzigd" in body["detail"]
    assert lost["ETag"] == f'"{version + 1}"'
    assert in_db(Initiative).get(pk=register.shown.pk).summary == "Versie van Alice"

    retried = patch(second, url, {"summary": "Versie van Bob"}, version=body["current"])
    assert retried.status_code == 200 and retried.json()["version"] == version + 2


def test_a_conflict_on_a_record_meanwhile_raised_above_clearance_shows_nothing(register, make_user, api, url):
    dv = make_user(Role.ANALYST, Classification.DEPARTMENTAL_CONFIDENTIAL, username="dv-editor")
    boss = make_user(Role.ANALYST, Classification.SECRET, username="chef")
    assert api(dv).get(url).status_code == 200
    assert patch(api(boss), url, {"classification": "secret"}, version=1).status_code == 200
    response = patch(api(dv), url, {"summary": "Te laat"}, version=1)
    assert response.status_code == 404
    assert "Duits-Nederlandse" not in response.content.decode()


def test_a_viewer_may_read_but_not_patch(register, viewer, api, url):
    client = api(viewer)
    assert client.get(url).status_code == 200
    assert patch(client, url, {"title": "Mag niet"}, version=1).status_code == 403
    assert client.post(f"{url}milestones/", {"title": "x", "due_on": "2020-01-01"}, format="json").status_code == 403
    assert patch(client, f"/api/v1/milestones/{register.milestone.pk}/", {"status": "done"}, version=1
                 ).status_code == 403
    register.shown.refresh_from_db()
    assert register.shown.title == "Duits-Nederlandse brigade"


def test_patch_of_a_hidden_initiative_is_404(register, dv_user, api):
    response = patch(api(dv_user), f"/api/v1/initiatives/{register.hidden.pk}/", {"title": "x"}, version=1)
    assert response.status_code == 404


def test_classification_only_up_to_the_editors_own_clearance(register, dv_user, api, url):
    client = api(dv_user)
    response = patch(client, url, {"classification": "confidential"}, version=1)
    assert response.status_code == 400
    assert response.json()["classification"] == ["De rubricering ligt boven uw eigen screeningsniveau."]
    ok = patch(client, url, {"classification": "departmental_confidential"}, version=1)
    assert ok.status_code == 200 and ok.json()["classification"] == "departmental_confidential"


def test_model_validation_comes_back_as_dutch_field_errors(register, analyst, api, url):
    client = api(analyst)
    response = patch(client, url, {"planned_end": "2010-01-01"}, version=1)
    assert response.status_code == 400
    assert response.json() == {"planned_end": ["Het geplande einde ligt vóór de geplande start."]}
    response = patch(client, url, {"status": "afgeblazen", "title": ""}, version=1)
    assert response.status_code == 400
    errors = response.json()
    assert "is een ongeldige keuze" in errors["status"][0]
    assert errors["title"] == ["Dit veld mag niet leeg zijn."]


def test_fields_that_cannot_be_edited_are_refused_not_ignored(register, analyst, api, url):
    response = patch(api(analyst), url, {"participants": [], "version": 7}, version=1)
    assert response.status_code == 400
    assert set(response.json()) == {"participants", "version"}
    assert patch(api(analyst), url, {}, version=1).status_code == 400


def test_post_a_milestone_on_an_initiative(register, make_user, api, url):
    bia = make_user(Role.BIA_MEMBER, Classification.CONFIDENTIAL, username="bia")
    response = api(bia).post(f"{url}milestones/", {"title": "Evaluatie", "due_on": "2020-06-01"}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["initiative"], body["status"], body["version"]) == (register.shown.pk, "planned", 1)
    milestone = in_db(Milestone).get(pk=body["id"])
    assert (milestone.created_by, milestone.classification) == (bia, register.shown.classification)
    assert AuditEntry.objects.filter(action="create", object_type="register.milestone",
                                     object_id=str(milestone.pk), actor_name="bia").exists()


def test_post_a_milestone_validates_in_dutch_and_refuses_hidden_initiatives(register, dv_user, api, url):
    client = api(dv_user)
    response = client.post(f"{url}milestones/", {"title": "Gereed", "due_on": "2020-06-01", "done_on": "2020-06-01"},
                           format="json")
    assert response.status_code == 400
    assert "gereeddatum" in str(response.json())
    hidden = client.post(f"/api/v1/initiatives/{register.hidden.pk}/milestones/",
                         {"title": "x", "due_on": "2020-01-01"}, format="json")
    assert hidden.status_code == 404
    assert not in_db(Milestone).filter(title="x").exists()


def test_patch_a_milestone_done_and_back(register, analyst, api):
    client = api(analyst)
    url = f"/api/v1/milestones/{register.milestone.pk}/"
    assert patch(client, url, {"status": "done"}).status_code == 428
    done = patch(client, url, {"status": "done"}, version=1)
    assert done.status_code == 200, done.content
    assert (done.json()["done_on"], done.json()["version"]) == (timezone.localdate().isoformat(), 2)
    dated = patch(client, url, {"done_on": "2019-02-27"}, version=2)
    assert dated.json()["done_on"] == "2019-02-27"
    at_risk = patch(client, url, {"status": "at_risk", "due_on": "2019-09-01"}, version=3)
    assert (at_risk.json()["status"], at_risk.json()["done_on"], at_risk.json()["due_on"]) == (
        "at_risk", None, "2019-09-01")
    stale = patch(client, url, {"status": "cancelled"}, version=3)
    assert stale.status_code == 412
    assert (stale.json()["submitted"], stale.json()["current"]) == (3, 4)
    assert stale.json()["current_values"]["status"] == "at_risk"
    history = list(Milestone.history.filter(id=register.milestone.pk).order_by("history_date")
                   .values_list("status", "history_user__username"))
    assert history[-3:] == [("done", "analist"), ("done", "analist"), ("at_risk", "analist")]


def test_the_service_refuses_a_viewer_too(register, viewer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.milestone_update(milestone=register.milestone, actor=viewer, status="done")
    with pytest.raises(PermissionDenied):
        services.milestone_create(initiative=register.shown, title="x", due_on=dt.date(2020, 1, 1), actor=viewer)
