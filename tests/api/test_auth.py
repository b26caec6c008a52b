"""Who may call the API: a token or a session (with CSRF for changes); nobody else sees any data."""

from __future__ import annotations

import io

import pytest
import yaml
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from ims.core.audit import AuditEntry

pytestmark = pytest.mark.django_db

PATHS = ["partners/", "partners/DE/", "initiatives/", "initiatives/1/", "initiatives/1/milestones/", "milestones/",
         "agreements/", "contributions/", "defence-spending/", "commitments/", "documents/", "schema/"]


def createtoken(username: str) -> str:
    out = io.StringIO()
    call_command("createtoken", username, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


@pytest.mark.parametrize("path", PATHS)
def test_anonymous_requests_get_401_and_no_data(register, path):
    response = APIClient().get(f"/api/v1/{path}")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert set(yaml.safe_load(response.content)) == {"detail"}  # the schema answers in YAML, the rest in JSON


def test_anonymous_changes_get_401(register):
    client = APIClient()
    url = f"/api/v1/initiatives/{register.shown.pk}/"
    assert client.patch(url, {"title": "x"}, format="json", headers={"If-Match": '"1"'}).status_code == 401
    assert client.post(f"{url}milestones/", {"title": "x", "due_on": "2020-01-01"}, format="json").status_code == 401


def test_createtoken_prints_a_working_token_and_audits_it_without_the_key(register, analyst):
    key = createtoken("analist")
    assert len(key) == 40
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/initiatives/").json()["count"] == 3
    entry = AuditEntry.objects.filter(object_type="authtoken.token").latest("id")
    assert (entry.action, entry.object_repr) == ("create", "API-token van analist")
    assert key not in str(entry.changes) + entry.object_repr + entry.object_id


def test_a_token_edit_is_attributed_to_the_tokens_user(register, analyst):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {createtoken('analist')}")
    response = client.patch(f"/api/v1/initiatives/{register.shown.pk}/", {"status": "completed"}, format="json",
                            headers={"If-Match": '"1"'})
    assert response.status_code == 200
    entry = AuditEntry.objects.filter(action="update", object_type="register.initiative").latest("id")
    assert entry.actor_name == "analist"
    assert register.shown.history.latest("history_date").history_user == analyst


def test_a_new_token_replaces_the_old_one(register, analyst):
    old, new = createtoken("analist"), createtoken("analist")
    assert old != new
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {old}")
    assert client.get("/api/v1/initiatives/").status_code == 401
    client.credentials(HTTP_AUTHORIZATION=f"Token {new}")
    assert client.get("/api/v1/initiatives/").status_code == 200
    assert list(AuditEntry.objects.filter(object_type="authtoken.token").values_list("action", flat=True)) == [
        "create", "delete", "create"]


def test_createtoken_refuses_unknown_and_inactive_users(make_user):
    with pytest.raises(CommandError, match="Onbekende gebruiker"):
        createtoken("niemand")
    make_user(username="weg", is_active=False)
    with pytest.raises(CommandError, match="niet actief"):
        createtoken("weg")


def test_the_token_of_a_deactivated_user_stops_working(register, analyst):
    key = createtoken("analist")
    analyst.is_active = False
    analyst.save()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/initiatives/").status_code == 401


def test_session_changes_need_the_csrf_token(register, analyst):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(analyst)
    url = f"/api/v1/initiatives/{register.shown.pk}/"
    assert client.get(url).status_code == 200
    refused = client.patch(url, {"status": "completed"}, format="json", headers={"If-Match": '"1"'})
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    client.get("/login/")  # sets the CSRF cookie, as the login page does in a browser
    token = client.cookies["csrftoken"].value
    accepted = client.patch(url, {"status": "completed"}, format="json",
                            headers={"If-Match": '"1"', "X-CSRFToken": token})
    assert accepted.status_code == 200


def test_token_changes_need_no_csrf_token(register, analyst):
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {createtoken('analist')}")
    response = client.patch(f"/api/v1/initiatives/{register.shown.pk}/", {"status": "completed"}, format="json",
                            headers={"If-Match": '"1"'})
    assert response.status_code == 200
