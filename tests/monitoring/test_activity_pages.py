"""An official's activity has a page of its own: what it served (links to the initiatives and plans, the goal
category), a history tab, and, for editors, an edit form and a delete behind a question. Editing keeps the links
the editor cannot see, refuses a new link above the official's clearance and a save or delete against a version
someone changed since; a hidden activity answers as a missing one on every page."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from ims.monitoring import services as monitoring
from ims.monitoring.models import Activity
from tests.core.test_visible_language import TELLTALE_PATTERN, visible_text
from tests.monitoring.test_forms import MISSING, audited, form_data, non_field_errors, session
from tests.register.test_initiative_forms import errors_of

D = dt.date


@pytest.fixture
def attache(plans):
    """An attaché cleared for everything, with a meeting that serves the open and the secret initiative and the
    plan, recorded by a system job."""
    official = monitoring.official_create(name="Kolonel A. de Vries", partner=plans.uk, starts_on=D(2019, 1, 1),
                                          clearance=3)
    activity = monitoring.activity_record(
        official=official, kind="meeting", occurred_on=D(2019, 9, 1), partner=plans.uk, text="Overleg in Londen.",
        initiatives=[plans.open_initiative, plans.secret_initiative], plans=[plans.plan])
    return activity


def stored(activity) -> Activity:
    return Activity.objects.unrestricted().get(pk=activity.pk)


def linked(activity) -> tuple[list[int], list[int]]:
    row = stored(activity)
    return (sorted(row.initiatives.unrestricted().values_list("pk", flat=True)),
            sorted(row.plans.unrestricted().values_list("pk", flat=True)))


def test_the_activity_page_links_what_it_serves_and_offers_edit_and_delete(plans, attache, make_user):
    client = session(make_user("bia_member", 0, username="open"))
    response = client.get(reverse("monitoring:activity-detail", args=[attache.pk]))

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "lxml")
    hrefs = {a["href"] for a in page.select("a[href]")}
    assert {reverse("register:initiative-detail", args=[plans.open_initiative.pk]),
            reverse("monitoring:plan-detail", args=[plans.plan.pk]),
            reverse("monitoring:official-detail", args=[attache.official_id]),
            reverse("monitoring:activity-history", args=[attache.pk]),
            reverse("monitoring:activity-edit", args=[attache.pk]),
            reverse("monitoring:activity-delete", args=[attache.pk])} <= hrefs
    text = visible_text(response.content.decode())
    assert "Overleg op 1 september 2019" in text and "Geheime onderzeebootsamenwerking" not in text
    assert reverse("register:initiative-detail", args=[plans.secret_initiative.pk]) not in hrefs
    assert not TELLTALE_PATTERN.findall(text)
    # The official's page leads to it.
    official_page = client.get(reverse("monitoring:official-detail", args=[attache.official_id])).content.decode()
    assert reverse("monitoring:activity-detail", args=[attache.pk]) in official_page


def test_an_activity_that_serves_nothing_says_so(plans, bia):
    official = monitoring.official_create(name="Majoor D.", partner=plans.uk, starts_on=D(2019, 1, 1))
    activity = monitoring.activity_record(official=official, kind="visit", occurred_on=D(2019, 5, 2),
                                          partner=plans.uk, text="Kennismaking.")
    text = visible_text(session(bia).get(reverse("monitoring:activity-detail", args=[activity.pk])).content.decode())
    assert "Deze activiteit dient geen doel, initiatief of samenwerkingsplan." in text


def test_editing_an_activity_keeps_the_links_the_editor_cannot_see(plans, attache, make_user):
    editor = make_user("analyst", 1, username="middel")
    client = session(editor)
    url = reverse("monitoring:activity-edit", args=[attache.pk])
    data = form_data(client.get(url))
    assert data["initiatives"] == [str(plans.open_initiative.pk)]  # the secret one is neither shown nor chosen
    assert (data["kind"], data["occurred_on"], data["base_version"]) == ("meeting", "2019-09-01", "1")
    response = client.post(url, data | {"text": "Overleg in Londen en Portsmouth.", "initiatives": [],
                                        "goal_category": "military"})

    assert response.status_code == 302, errors_of(response) or non_field_errors(response)
    assert response["Location"] == reverse("monitoring:activity-detail", args=[attache.pk])
    row = stored(attache)
    assert (row.text, row.goal_category, row.version) == ("Overleg in Londen en Portsmouth.", "military", 2)
    assert linked(attache) == ([plans.secret_initiative.pk], [plans.plan.pk])
    assert audited(editor, "monitoring.activity", "update") == 1


def test_a_stale_activity_edit_is_refused_in_dutch(plans, attache, make_user):
    alice, bob = session(make_user(username="alice")), session(make_user(username="bob"))
    url = reverse("monitoring:activity-edit", args=[attache.pk])
    alice_form, bob_form = form_data(alice.get(url)), form_data(bob.get(url))
    assert bob.post(url, bob_form | {"text": "Van Bob"}).status_code == 302
    refused = alice.post(url, alice_form | {"text": "Van Alice", "plans": []})

    assert refused.status_code == 200
    assert "intussen gewijzigd door bob" in refused.content.decode()
    assert stored(attache).text == "Van Bob"
    assert linked(attache)[1] == [plans.plan.pk]
    again = form_data(refused)
    assert again["text"] == "Van Alice" and again["base_version"] == "2"


def test_a_new_link_above_the_officials_clearance_is_refused_on_edit(plans, bia):
    official = monitoring.official_create(name="Majoor D.", partner=plans.uk, starts_on=D(2019, 1, 1))
    activity = monitoring.activity_record(official=official, kind="visit", occurred_on=D(2019, 5, 2),
                                          partner=plans.uk, text="Bezoek.", initiatives=[plans.open_initiative])
    client = session(bia)
    url = reverse("monitoring:activity-edit", args=[activity.pk])
    response = client.post(url, form_data(client.get(url)) | {
        "text": "Bezoek aan de onderzeebootbasis.",
        "initiatives": [str(plans.open_initiative.pk), str(plans.secret_initiative.pk)]})

    assert response.status_code == 200
    assert ("Het initiatief ‘Geheime onderzeebootsamenwerking’ is hoger gerubriceerd dan het screeningsniveau van "
            "Majoor D.") in non_field_errors(response)
    assert (stored(activity).text, stored(activity).version) == ("Bezoek.", 1)
    assert linked(activity) == ([plans.open_initiative.pk], [])


def test_an_activity_edit_cannot_name_a_plan_the_editor_cannot_see(plans, attache, low):
    client = session(low)
    url = reverse("monitoring:activity-edit", args=[attache.pk])
    data = form_data(client.get(url))
    hidden = client.post(url, data | {"plans": [str(plans.secret_plan.pk)]})
    missing = client.post(url, data | {"plans": [str(MISSING)]})
    assert "plans" in errors_of(hidden) and "plans" in errors_of(missing)
    assert errors_of(hidden)["plans"][0].replace(str(plans.secret_plan.pk), "N") == \
        errors_of(missing)["plans"][0].replace(str(MISSING), "N")
    assert stored(attache).version == 1


def test_deleting_an_activity_asks_first_and_keeps_it_in_the_history(plans, attache, bia):
    client = session(bia)
    url = reverse("monitoring:activity-delete", args=[attache.pk])
    question = client.get(url)
    assert question.status_code == 200 and stored(attache)
    assert "Activiteit verwijderen?" in visible_text(question.content.decode())
    response = client.post(url, {"base_version": "1"})

    assert response.status_code == 302
    assert response["Location"] == reverse("monitoring:official-detail", args=[attache.official_id])
    assert not Activity.objects.unrestricted().filter(pk=attache.pk).exists()
    assert audited(bia, "monitoring.activity", "delete") == 1
    history = visible_text(client.get(reverse("monitoring:official-history", args=[attache.official_id]))
                           .content.decode())
    assert "verwijderd: Activiteit: 1 september 2019: Overleg in Londen." in history
    assert client.get(reverse("monitoring:activity-detail", args=[attache.pk])).status_code == 404


def test_a_delete_against_a_changed_activity_shows_it_again(plans, attache, make_user):
    alice, bob = session(make_user(username="alice")), session(make_user(username="bob"))
    asked = form_data_of_question(alice.get(reverse("monitoring:activity-delete", args=[attache.pk])))
    edit = reverse("monitoring:activity-edit", args=[attache.pk])
    assert bob.post(edit, form_data(bob.get(edit)) | {"text": "Van Bob"}).status_code == 302
    refused = alice.post(reverse("monitoring:activity-delete", args=[attache.pk]), asked)

    assert refused.status_code == 200
    text = visible_text(refused.content.decode())
    assert "intussen gewijzigd door bob" in text and "Van Bob" in text
    assert stored(attache).text == "Van Bob"
    # Asked again about the version now stored, a second yes deletes it.
    assert alice.post(reverse("monitoring:activity-delete", args=[attache.pk]),
                      form_data_of_question(refused)).status_code == 302
    assert not Activity.objects.unrestricted().filter(pk=attache.pk).exists()


def form_data_of_question(response) -> dict:
    assert response.status_code == 200
    form = BeautifulSoup(response.content, "lxml").select_one("section.confirm form")
    return {i["name"]: i.get("value", "") for i in form.select("input[name]")}


@pytest.mark.parametrize("name", ["activity-detail", "activity-history", "activity-edit", "activity-delete"])
def test_a_hidden_activity_answers_as_a_missing_one(plans, low, name):
    official = monitoring.official_create(name="Majoor D.", partner=plans.uk, starts_on=D(2019, 1, 1), clearance=3)
    secret = monitoring.activity_record(official=official, kind="visit", occurred_on=D(2019, 5, 2), partner=plans.uk,
                                        text="Geheim bezoek.", classification=3)
    client = session(low)
    for method in ("get", "post"):
        hidden = getattr(client, method)(reverse(f"monitoring:{name}", args=[secret.pk]), {"base_version": "1"})
        missing = getattr(client, method)(reverse(f"monitoring:{name}", args=[MISSING]), {"base_version": "1"})
        assert hidden.status_code == missing.status_code, method
        assert hidden.status_code in (404, 405)
    assert stored(secret).version == 1


def test_an_activity_has_a_history_tab(plans, attache, make_user):
    editor = make_user("bia_member", 3, username="redacteur")
    monitoring.activity_update(activity=stored(attache), occurred_on=D(2019, 9, 2), actor=editor)
    monitoring.activity_update(activity=stored(attache), initiatives=[plans.secret_initiative], plans=[],
                               actor=editor)
    client = session(editor)
    detail = visible_text(client.get(reverse("monitoring:activity-detail", args=[attache.pk])).content.decode())
    assert "Gegevens Geschiedenis" in detail
    text = visible_text(client.get(reverse("monitoring:activity-history", args=[attache.pk])).content.decode())
    assert "redacteur" in text and "1 september 2019 2 september 2019" in text
    # Links by name, those the reader may not see left out.
    assert ("Dient initiatieven Geheime onderzeebootsamenwerking, Gezamenlijke amfibische oefening "
            "Geheime onderzeebootsamenwerking") in text
    assert "Dient samenwerkingsplannen Actieplan Verenigd Koninkrijk 2019–2020 –" in text
    assert not TELLTALE_PATTERN.findall(text)
    low = visible_text(session(make_user("viewer", 0)).get(reverse("monitoring:activity-history", args=[attache.pk]))
                       .content.decode())
    assert "Geheime onderzeebootsamenwerking" not in low and "[" not in low
    assert "Dient initiatieven Gezamenlijke amfibische oefening" in low
