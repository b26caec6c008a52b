"""The BIA's dashboard: every number is a link to the list behind it, and the two always agree, for every role
and clearance; what is above a user's clearance is in no number and no list."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

import pytest
import time_machine
from django.urls import reverse

from ims.accounts.models import Role
from ims.core.services import record_save
from ims.register import services as register
from tests.monitoring.conftest import exported

D = dt.date
BUILT = dt.datetime(2019, 10, 1, 12, tzinfo=dt.UTC)
VIEWED = dt.datetime(2020, 5, 1, 12, tzinfo=dt.UTC)


@pytest.fixture
def watched(plans):
    """Late, due-soon and later milestones at two levels, gaps in initiatives, open commitments past due."""
    with time_machine.travel(BUILT, tick=False):
        for level, plan, initiative in ((0, plans.plan, plans.open_initiative),
                                        (3, plans.secret_plan, plans.secret_initiative)):
            tag = f"L{level}"
            register.milestone_create(plan=plan, title=f"{tag} te laat", due_on=D(2020, 2, 1))
            register.milestone_create(plan=plan, initiative=initiative, title=f"{tag} ook te laat",
                                      due_on=D(2019, 12, 1))
            register.milestone_create(plan=plan, title=f"{tag} binnenkort", due_on=D(2020, 6, 1))
            register.milestone_create(plan=plan, title=f"{tag} later", due_on=D(2020, 11, 1))
            register.milestone_create(plan=plan, title=f"{tag} gereed", due_on=D(2019, 9, 1), status="done",
                                      done_on=D(2019, 9, 1))
            register.initiative_create(title=f"{tag} zonder mijlpaal", status="preparation",
                                       participants=[("DE", "participant")], classification=level)
            register.commitment_create(subject=f"{tag} toezegging", made_on=D(2019, 1, 1), due_on=D(2019, 6, 1),
                                       classification=level)
            register.commitment_create(subject=f"{tag} nog niet verlopen", made_on=D(2019, 1, 1),
                                       due_on=D(2021, 6, 1), classification=level)
        register.ring_assign(partner=plans.uk, ring="strategic", valid_from=D(2019, 1, 1))
        # Germany in the same ring: an initiative with both counts once in the ring's row.
        germany = register.partner_upsert(code="DE", kind="country")
        register.ring_assign(partner=germany, ring="strategic", valid_from=D(2019, 1, 1))
        # Several partners on one initiative, one of them hidden below Stg. Geheim: counted once per partner.
        hidden = register.partner_upsert(code="NO", kind="country")
        hidden.classification = 3
        record_save(hidden)
        register.initiative_create(title="Drie partners", status="running",
                                   participants=[("GB", "participant"), ("DE", "participant"),
                                                 ("NO", "participant")])
    return plans


USERS = [(role, level) for role in Role.values for level in (0, 3)]


@pytest.mark.parametrize(("role", "level"), USERS)
def test_every_number_is_the_count_of_the_list_it_links_to(watched, make_user, client, role, level):
    client.force_login(make_user(role, level, username=f"{role}-{level}"))
    with time_machine.travel(VIEWED, tick=False):
        numbers = client.get(reverse("monitoring:dashboard"), {"format": "json"}).json()["numbers"]
        assert len(numbers) > 20
        for number in numbers:
            url = urlparse(number["url"])
            listed = client.get(f"{url.path}?{url.query}&format=json")
            assert listed.status_code == 200, number
            assert exported(listed)["count"] == number["count"], number
        page = client.get(reverse("monitoring:dashboard")).content.decode()
    by_key = {n["key"]: n["count"] for n in numbers}
    # What the user may see, and nothing more: two of each at level 0, twice as many at level 3.
    factor = 2 if level == 3 else 1
    assert by_key["late"] == 2 * factor
    assert by_key["due_soon"] == 1 * factor
    assert by_key["overdue_commitments"] == 1 * factor
    assert by_key["gap_no_milestone"] == 1 * factor + 1  # and "Drie partners", open
    for number in numbers:
        assert f'href="{number["url"].replace("&", "&amp;")}"' in page, number
    # The plan's open initiative and "Drie partners", and at Stg. Geheim the secret one too.
    assert by_key["partner_GB_running"] == (3 if level == 3 else 2)
    # The same in the ring's row: "Drie partners" has two partners in the ring and counts once.
    assert by_key["ring_strategic_running"] == (3 if level == 3 else 2)
    assert ("partner_NO_running" in by_key) == (level == 3)
    assert ("Noorwegen" in page) == (level == 3)


def test_late_milestones_oldest_first_and_nothing_hidden(watched, make_user, client):
    client.force_login(make_user("bia_member", 0, username="bia-0"))
    with time_machine.travel(VIEWED, tick=False):
        rows = exported(client.get(reverse("monitoring:milestone-list"), {"state": "late", "format": "json"}))["rows"]
        page = client.get(reverse("monitoring:dashboard")).content.decode()
    assert [r["title"] for r in rows] == ["L0 ook te laat", "L0 te laat"]
    assert {r["state"] for r in rows} == {"late"}
    assert "L3 te laat" not in page and "L3 ook te laat" not in page and "L3 binnenkort" not in page


def test_the_csv_twin_lists_the_same_milestones(watched, make_user, client):
    client.force_login(make_user("viewer", 3, username="viewer-3"))
    with time_machine.travel(VIEWED, tick=False):
        csv = b"".join(client.get(reverse("monitoring:milestone-list"),
                                  {"state": "due_soon", "format": "csv"}).streaming_content).decode()
    lines = csv.lstrip("\ufeff").strip().splitlines()  # the project's CSV: a BOM and semicolons, for Excel
    assert lines[0].startswith("Nummer;Mijlpaal;Gepland gereed;Status;Termijn")
    assert sorted(line.split(";")[1] for line in lines[1:]) == ["L0 binnenkort", "L3 binnenkort"]


def test_the_dashboard_is_the_home_page_of_bia_members(make_user, client):
    client.force_login(make_user("bia_member", 0, username="bia"))
    assert client.get("/").url == reverse("monitoring:dashboard")
    client.force_login(make_user("analyst", 0, username="analist-0"))
    assert client.get("/").url == reverse("register:initiative-list")


def test_the_dashboard_asks_the_same_number_of_queries_however_much_there_is(
        plans, make_user, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(make_user("bia_member", 3, username="bia-3"))

    def queries() -> int:
        client.get(reverse("monitoring:dashboard"))  # seen before: the login's session renewal is not the page's
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("monitoring:dashboard")).status_code == 200
        return len(captured)

    few = queries()
    for n in range(30):
        register.milestone_create(plan=plans.plan, title=f"M{n}", due_on=D(2019, 1, 1) + dt.timedelta(days=20 * n))
        register.initiative_create(title=f"I{n}", status="running", participants=[("DE", "participant")])
    assert queries() == few


def test_the_plan_page_asks_the_same_number_of_queries_however_many_milestones(plans, make_user, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ims.monitoring import services as monitoring

    client.force_login(make_user("bia_member", 3, username="bia-3"))
    url = reverse("monitoring:plan-detail", args=[plans.plan.pk])

    def queries() -> int:
        client.get(url)  # seen before: the login's session renewal is not the page's
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    with time_machine.travel(BUILT, tick=False):
        first = register.milestone_create(plan=plans.plan, title="M0", due_on=D(2019, 3, 1))
        monitoring.progress_note_add(milestone=first, noted_on=D(2019, 2, 1), text="Begonnen.")
    few = queries()
    with time_machine.travel(BUILT, tick=False):
        for n in range(1, 30):
            milestone = register.milestone_create(plan=plans.plan, initiative=plans.open_initiative, title=f"M{n}",
                                                  due_on=D(2019, 1, 1) + dt.timedelta(days=20 * n))
            monitoring.progress_note_add(milestone=milestone, noted_on=D(2019, 2, 1), text=f"Notitie {n}.")
    assert queries() == few


def test_plan_page_draws_its_timeline(watched, make_user, client):
    client.force_login(make_user("viewer", 0, username="viewer-0"))
    with time_machine.travel(VIEWED, tick=False):
        page = client.get(reverse("monitoring:plan-detail", args=[watched.plan.pk])).content.decode()
        hidden = client.get(reverse("monitoring:plan-detail", args=[watched.secret_plan.pk]))
    assert hidden.status_code == 404
    assert page.count('class="bar late"') == 2
    assert page.count('class="bar due_soon"') == 1
    assert page.count('class="bar done"') == 1
    assert 'class="bar initiative"' in page  # the open initiative; the secret one is left out
    assert "Geheime onderzeebootsamenwerking" not in page
    assert 'class="today"' in page
