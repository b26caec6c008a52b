"""The API's plans, milestones with their derived state, officials and activities: clearance, ETag/If-Match,
412 on a stale save, and bad input refused with a Dutch message."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from rest_framework.test import APIClient

from ims.monitoring import services as monitoring
from ims.register import services as register

D = dt.date


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def patch(client: APIClient, url: str, data: dict, version: int | None = None):
    headers = {} if version is None else {"If-Match": f'"{version}"'}
    return client.patch(url, data, format="json", headers=headers)


@pytest.fixture
def world(plans):
    register.milestone_create(plan=plans.plan, title="Te laat", due_on=D(2020, 1, 15))
    register.milestone_create(plan=plans.plan, title="Binnenkort", due_on=D(2020, 3, 1), owner=plans.owner)
    register.milestone_create(plan=plans.secret_plan, title="Geheim te laat", due_on=D(2020, 1, 1))
    official = monitoring.official_create(name="Kolonel A. de Vries", partner=plans.uk, starts_on=D(2019, 8, 1),
                                          clearance=3)
    monitoring.activity_record(official=official, kind="visit", occurred_on=D(2019, 9, 1), partner=plans.uk,
                               text="Werkbezoek", initiatives=[plans.open_initiative, plans.secret_initiative])
    return plans


def test_plans_by_clearance(world, make_user):
    low = client_for(make_user("viewer", 0, username="v0")).get("/api/v1/plans/").json()
    high = client_for(make_user("viewer", 3, username="v3")).get("/api/v1/plans/").json()
    assert [p["title"] for p in low["results"]] == ["Actieplan Verenigd Koninkrijk 2019–2020"]
    assert low["results"][0]["initiatives"] == [world.open_initiative.pk]
    assert low["results"][0]["goals"] == [{"category": "military", "statement": "Amfibische eenheden kunnen samen "
                                                                               "optreden."}]
    assert high["count"] == 2
    hidden = client_for(make_user("viewer", 0, username="v0b")).get(f"/api/v1/plans/{world.secret_plan.pk}/")
    assert hidden.status_code == 404


def test_milestones_carry_their_derived_state_and_filter_on_it(world, make_user):
    client = client_for(make_user("viewer", 0, username="v0"))
    with time_machine.travel(dt.datetime(2020, 2, 1, 12, tzinfo=dt.UTC), tick=False):
        rows = client.get("/api/v1/milestones/").json()["results"]
        late = client.get("/api/v1/milestones/", {"state": "late"}).json()["results"]
        bad = client.get("/api/v1/milestones/", {"state": "delayed"})
    assert {(r["title"], r["state"]) for r in rows} == {("Te laat", "late"), ("Binnenkort", "due_soon")}
    assert [r["title"] for r in late] == ["Te laat"]
    assert next(r for r in rows if r["title"] == "Binnenkort")["owner"] == "eigenaar"
    assert bad.status_code == 400


def test_patch_a_plan_with_if_match_and_a_stale_save_is_412(world, make_user):
    client = client_for(make_user("bia_member", 3, username="bia3"))
    url = f"/api/v1/plans/{world.plan.pk}/"
    read = client.get(url)
    assert read["ETag"] == '"1"'
    assert patch(client, url, {"title": "Actieplan VK"}).status_code == 428
    saved = patch(client, url, {"title": "Actieplan VK"}, version=1)
    assert (saved.status_code, saved.json()["version"], saved["ETag"]) == (200, 2, '"2"')
    stale = patch(client, url, {"summary": "Later"}, version=1)
    assert stale.status_code == 412
    assert (stale.json()["submitted"], stale.json()["current"]) == (1, 2)
    assert stale.json()["current_values"]["title"] == "Actieplan VK"


def test_a_plan_that_would_end_before_it_starts_is_a_dutch_400(world, make_user):
    client = client_for(make_user("analyst", 3, username="a3"))
    response = patch(client, f"/api/v1/plans/{world.plan.pk}/", {"ends_on": "2018-01-01"}, version=1)
    assert response.status_code == 400
    assert "vóór het begin" in str(response.json())


def test_a_viewer_may_not_patch_a_plan(world, make_user):
    client = client_for(make_user("viewer", 3, username="v3"))
    assert patch(client, f"/api/v1/plans/{world.plan.pk}/", {"title": "x"}, version=1).status_code == 403


def test_officials_and_activities_name_nothing_hidden(world, make_user):
    client = client_for(make_user("viewer", 0, username="v0"))
    officials = client.get("/api/v1/officials/").json()["results"]
    activities = client.get("/api/v1/activities/").json()["results"]
    assert [o["name"] for o in officials] == ["Kolonel A. de Vries"]
    assert activities[0]["initiatives"] == [world.open_initiative.pk]
    assert client.get("/api/v1/activities/", {"kind": "meeting"}).json()["count"] == 0
