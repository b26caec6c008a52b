"""The monitoring's web forms: a cooperation plan with its goals and initiatives, a milestone of a plan, a
progress note, an official and an activity. Each writes exactly what was asked through the services (read back
here through the selectors, as the user sees it), with one audit entry per record written; each bad input of
the issue gets a Dutch message on the form and stores nothing; a record the editor may not see can be neither
opened nor linked, and answers as a missing one."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from ims.core.audit import AuditEntry
from ims.monitoring import selectors
from ims.monitoring import services as monitoring
from ims.monitoring.models import Activity, CooperationPlan, Official, PlanGoal, ProgressNote
from ims.register.models import Milestone
from tests.register.test_initiative_forms import errors_of

D = dt.date
MISSING = 999_999


def form_data(response) -> dict:
    """What a browser sends back for the form as shown (every input, every selected option)."""
    assert response.status_code == 200, response.status_code
    page = BeautifulSoup(response.content, "lxml").select_one("form.stacked")
    data: dict = {}
    for field in page.select("input[name], select[name], textarea[name]"):
        name = field["name"]
        if field.name == "select":
            chosen = [o["value"] for o in field.select("option[selected]")]
            data[name] = chosen if field.has_attr("multiple") else (chosen[0] if chosen else "")
        elif field.name == "textarea":
            data[name] = field.get_text().strip()
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = "on"
        else:
            data[name] = field.get("value", "")
    return data


def non_field_errors(response) -> str:
    page = BeautifulSoup(response.content, "lxml")
    return " ".join(e.get_text() for e in page.select("form.stacked p.error"))


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def audited(actor, object_type: str, action: str = "create") -> int:
    return AuditEntry.objects.filter(actor=actor, object_type=object_type, action=action).count()


# --- plans ----------------------------------------------------------------------------------------------

def test_a_bia_member_creates_a_plan_with_goals_and_initiatives(plans, bia):
    client = session(bia)
    url = reverse("monitoring:plan-create")
    data = form_data(client.get(url)) | {
        "title": "Routekaart Duitsland 2021–2023", "partner": str(plans.uk.pk), "starts_on": "2021-01-01",
        "ends_on": "2023-12-31", "summary": "Bij de intentieverklaring.", "classification": "1",
        "initiatives": [str(plans.open_initiative.pk), str(plans.secret_initiative.pk)],
        "goals-0-category": "military", "goals-0-statement": "Gezamenlijke brigade operationeel.",
    }
    response = client.post(url, data)

    assert response.status_code == 302, errors_of(response)
    page = selectors.plan_page(user=bia, pk=CooperationPlan.objects.for_user(bia).get(title=data["title"]).pk)
    assert response["Location"] == reverse("monitoring:plan-detail", args=[page.plan.pk])
    assert (page.plan.starts_on, page.plan.ends_on, page.plan.classification, page.plan.created_by) == (
        D(2021, 1, 1), D(2023, 12, 31), 1, bia)
    assert [(g.category, g.statement) for g in page.goals] == [("military", "Gezamenlijke brigade operationeel.")]
    assert {i.pk for i in page.initiatives} == {plans.open_initiative.pk, plans.secret_initiative.pk}
    assert audited(bia, "monitoring.cooperationplan") == 1
    assert audited(bia, "monitoring.plangoal") == 1
    assert "Gezamenlijke brigade operationeel." in client.get(response["Location"]).content.decode()


def test_editing_a_plan_keeps_the_links_the_editor_cannot_see(plans, make_user):
    editor = make_user("analyst", 1, username="middel")
    client = session(editor)
    url = reverse("monitoring:plan-edit", args=[plans.plan.pk])
    data = form_data(client.get(url))
    assert data["initiatives"] == [str(plans.open_initiative.pk)]  # the secret one is neither shown nor chosen
    goal = plans.plan.goals.get()
    data |= {"title": "Actieplan VK (herzien)", "initiatives": [], "goals-0-DELETE": "on",
             "goals-1-category": "political_strategic", "goals-1-statement": "Jaarlijks overleg op ministersniveau."}
    response = client.post(url, data)

    assert response.status_code == 302, errors_of(response)
    plan = CooperationPlan.objects.unrestricted().get(pk=plans.plan.pk)
    assert plan.title == "Actieplan VK (herzien)"
    assert plan.version == 2  # fields, initiatives and goals: one save, one version step
    assert list(plan.initiatives.unrestricted().values_list("pk", flat=True)) == [plans.secret_initiative.pk]
    assert not PlanGoal.objects.filter(pk=goal.pk).exists()
    assert list(plan.goals.values_list("statement", flat=True)) == ["Jaarlijks overleg op ministersniveau."]
    assert audited(editor, "monitoring.cooperationplan", "update") == 1
    assert audited(editor, "monitoring.plangoal", "delete") == 1


def test_a_stale_plan_edit_is_refused_in_dutch(plans, make_user):
    alice, bob = session(make_user(username="alice")), session(make_user(username="bob"))
    url = reverse("monitoring:plan-edit", args=[plans.plan.pk])
    alice_form, bob_form = form_data(alice.get(url)), form_data(bob.get(url))
    assert bob.post(url, bob_form | {"title": "Van Bob"}).status_code == 302
    refused = alice.post(url, alice_form | {"title": "Van Alice", "goals-1-category": "military",
                                            "goals-1-statement": "Van Alice"})

    assert refused.status_code == 200
    assert "intussen gewijzigd door bob" in refused.content.decode()
    assert CooperationPlan.objects.unrestricted().get(pk=plans.plan.pk).title == "Van Bob"
    assert not PlanGoal.objects.filter(statement="Van Alice").exists()
    # Her values stay in the form, now on the stored version: a second save is her deliberate choice.
    again = form_data(refused)
    assert again["title"] == "Van Alice" and again["base_version"] == "2"


def test_a_plan_period_that_ends_before_it_starts(plans, bia):
    client = session(bia)
    url = reverse("monitoring:plan-create")
    response = client.post(url, form_data(client.get(url)) | {
        "title": "Achterstevoren", "partner": str(plans.uk.pk), "starts_on": "2021-01-01", "ends_on": "2020-01-01"})

    assert response.status_code == 200
    assert "Het einde van de periode ligt vóór het begin." in errors_of(response)["ends_on"]
    assert not CooperationPlan.objects.unrestricted().filter(title="Achterstevoren").exists()


def test_shrinking_a_plan_past_its_milestones_names_the_milestone(plans, bia):
    monitoring.plan_milestone_add(plan=plans.plan, title="Eind 2020", due_on=D(2020, 12, 1))
    client = session(bia)
    url = reverse("monitoring:plan-edit", args=[plans.plan.pk])
    response = client.post(url, form_data(client.get(url)) | {"ends_on": "2020-06-30"})

    assert response.status_code == 200
    assert "De mijlpaal ‘Eind 2020’ valt buiten deze periode" in non_field_errors(response)
    assert CooperationPlan.objects.unrestricted().get(pk=plans.plan.pk).ends_on == D(2020, 12, 31)


def test_a_hidden_initiative_or_partner_answers_as_a_missing_one(plans, low):
    secret = plans.secret_initiative
    client = session(low)
    url = reverse("monitoring:plan-create")
    shown = form_data(client.get(url))
    assert str(secret.pk) not in client.get(url).content.decode().split('name="initiatives"')[1].split("</select>")[0]
    base = shown | {"partner": str(plans.uk.pk), "starts_on": "2021-01-01", "ends_on": "2021-12-31"}

    hidden = client.post(url, base | {"title": "Met geheim", "initiatives": [str(secret.pk)]})
    missing = client.post(url, base | {"title": "Met niets", "initiatives": [str(MISSING)]})
    assert errors_of(hidden)["initiatives"] == [
        f"Onbekende keuze ({secret.pk}): die bestaat niet of u mag die niet zien."]
    assert errors_of(missing)["initiatives"] == [
        f"Onbekende keuze ({MISSING}): die bestaat niet of u mag die niet zien."]
    assert not CooperationPlan.objects.unrestricted().filter(title__in=["Met geheim", "Met niets"]).exists()

    # The secret plan itself: its form is a 404, as one that does not exist.
    assert client.get(reverse("monitoring:plan-edit", args=[plans.secret_plan.pk])).status_code == 404
    assert client.get(reverse("monitoring:plan-edit", args=[MISSING])).status_code == 404
    assert client.post(reverse("monitoring:plan-milestone-create", args=[plans.secret_plan.pk]),
                       {"title": "Toch", "due_on": "2020-01-01", "status": "planned",
                        "base_version": "1"}).status_code == 404
    assert not Milestone.objects.unrestricted().filter(title="Toch").exists()


def test_the_form_offers_no_classification_above_the_editor(plans, low):
    client = session(low)
    url = reverse("monitoring:plan-create")
    page = BeautifulSoup(client.get(url).content, "lxml")
    assert [o["value"] for o in page.select("select[name=classification] option")] == ["0"]
    response = client.post(url, form_data(client.get(url)) | {
        "title": "Te hoog", "partner": str(plans.uk.pk), "starts_on": "2021-01-01", "ends_on": "2021-12-31",
        "classification": "3"})
    assert "classification" in errors_of(response)
    assert not CooperationPlan.objects.unrestricted().filter(title="Te hoog").exists()


# --- milestones and progress notes ----------------------------------------------------------------------

def _milestone_form(client, plan) -> tuple[str, dict]:
    url = reverse("monitoring:plan-milestone-create", args=[plan.pk])
    return url, form_data(client.get(url))


def test_a_milestone_of_a_plan_with_its_owner(plans, bia):
    client = session(bia)
    url, data = _milestone_form(client, plans.plan)
    response = client.post(url, data | {"title": "Eerste gezamenlijke oefening", "initiative": str(
        plans.open_initiative.pk), "owner": str(plans.owner.pk), "due_on": "2020-05-01", "status": "on_track"})

    assert response.status_code == 302, errors_of(response)
    assert response["Location"] == reverse("monitoring:plan-detail", args=[plans.plan.pk])
    shown = selectors.milestone_list(user=bia, filters=selectors.MilestoneFilters(plan=plans.plan.pk)).get()
    assert (shown.title, shown.initiative, shown.owner, shown.due_on, shown.status, shown.classification) == (
        "Eerste gezamenlijke oefening", plans.open_initiative, plans.owner, D(2020, 5, 1), "on_track", 0)
    assert audited(bia, "register.milestone") == 1
    assert "Eerste gezamenlijke oefening" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(("due_on", "message"), [
    ("2018-12-31", "De mijlpaal valt vóór het begin van het samenwerkingsplan"),
    ("2021-01-01", "De mijlpaal valt na het einde van het samenwerkingsplan"),
])
def test_a_milestone_outside_its_plans_period(plans, bia, due_on, message):
    client = session(bia)
    url, data = _milestone_form(client, plans.plan)
    response = client.post(url, data | {"title": "Buiten de periode", "due_on": due_on, "status": "planned"})

    assert response.status_code == 200
    assert message in " ".join(errors_of(response)["due_on"])
    assert not Milestone.objects.unrestricted().filter(title="Buiten de periode").exists()


def test_an_owner_who_cannot_see_the_initiative(plans, bia):
    client = session(bia)
    url, data = _milestone_form(client, plans.plan)
    response = client.post(url, data | {"title": "Onzichtbaar", "initiative": str(plans.secret_initiative.pk),
                                        "owner": str(plans.owner.pk), "due_on": "2020-01-01", "status": "planned"})

    assert response.status_code == 200
    assert "kan dit initiatief of plan niet zien" in " ".join(errors_of(response)["owner"])
    assert not Milestone.objects.unrestricted().filter(title="Onzichtbaar").exists()


def offered(response, name: str) -> set[str]:
    """The usernames a user menu offers."""
    page = BeautifulSoup(response.content, "lxml")
    return {option.get_text().rsplit("(", 1)[-1].rstrip(")") for option in
            page.select(f"select[name={name}] option") if option.get("value")}


def test_the_owner_menu_offers_only_users_who_can_see_the_milestone(plans, bia, make_user):
    make_user("viewer", 3, username="geheim")
    make_user("viewer", 3, username="weg", is_active=False)
    client = session(bia)
    assert offered(client.get(reverse("monitoring:plan-milestone-create", args=[plans.plan.pk])), "owner") == {
        "bia", "eigenaar", "geheim"}
    assert offered(client.get(reverse("monitoring:plan-milestone-create", args=[plans.secret_plan.pk])),
                   "owner") == {"bia", "geheim"}
    # A milestone of the secret initiative in the open plan: only owners who can see the initiative.
    secret = monitoring.plan_milestone_add(plan=plans.plan, initiative=plans.secret_initiative, title="Onder water",
                                           due_on=D(2020, 6, 1))
    url = reverse("monitoring:milestone-edit", args=[secret.pk])
    assert offered(client.get(url), "owner") == {"bia", "geheim"}
    # One sent anyway is refused by the model's own check, in words, not as an unknown choice.
    response = client.post(url, form_data(client.get(url)) | {"owner": str(plans.owner.pk)})
    assert response.status_code == 200
    assert "kan dit initiatief of plan niet zien" in " ".join(errors_of(response)["owner"])
    assert Milestone.objects.unrestricted().get(pk=secret.pk).owner is None


def test_an_officials_user_must_be_able_to_see_the_official(plans, bia, make_user):
    make_user("viewer", 2, username="middel")
    official = monitoring.official_create(name="Kolonel A. de Vries", partner=plans.uk, starts_on=D(2019, 8, 1),
                                          classification=2)
    client = session(bia)
    url = reverse("monitoring:official-edit", args=[official.pk])
    menu = offered(client.get(url), "user")
    assert {"bia", "middel"} <= menu and "eigenaar" not in menu
    response = client.post(url, form_data(client.get(url)) | {"user": str(plans.owner.pk)})
    assert response.status_code == 200
    assert "eigenaar kan deze functionaris niet zien" in " ".join(errors_of(response)["user"])
    assert Official.objects.unrestricted().get(pk=official.pk).user is None


def test_a_milestone_tied_to_a_hidden_initiative_answers_as_a_missing_one(plans, low):
    client = session(low)
    url, data = _milestone_form(client, plans.plan)
    answers = [client.post(url, data | {"title": "Verborgen", "initiative": str(pk), "due_on": "2020-01-01",
                                        "status": "planned"}) for pk in (plans.secret_initiative.pk, MISSING)]
    assert errors_of(answers[0])["initiative"] == errors_of(answers[1])["initiative"] == [
        "Onbekende keuze: die bestaat niet of u mag die niet zien."]
    assert not Milestone.objects.unrestricted().filter(title="Verborgen").exists()


def test_editing_a_milestone_and_a_stale_edit(plans, make_user):
    milestone = monitoring.plan_milestone_add(plan=plans.plan, title="Oefening", due_on=D(2020, 6, 1))
    alice, bob = session(make_user("bia_member", 3, username="alice")), session(make_user(username="bob"))
    url = reverse("monitoring:milestone-edit", args=[milestone.pk])
    alice_form, bob_form = form_data(alice.get(url)), form_data(bob.get(url))
    assert "initiative" not in alice_form  # what a milestone belongs to stays as it was made

    response = bob.post(url, bob_form | {"status": "at_risk", "owner": str(plans.owner.pk)})
    assert response.status_code == 302, errors_of(response)
    refused = alice.post(url, alice_form | {"status": "cancelled"})
    assert refused.status_code == 200
    assert "intussen gewijzigd door bob" in refused.content.decode()
    stored = Milestone.objects.unrestricted().get(pk=milestone.pk)
    assert (stored.status, stored.owner, stored.version) == ("at_risk", plans.owner, 2)
    assert [h.status for h in Milestone.history.filter(id=milestone.pk).order_by("history_date")] == [
        "planned", "at_risk"]


def test_a_progress_note_and_one_dated_in_the_future(plans, bia):
    milestone = monitoring.plan_milestone_add(plan=plans.plan, title="Oefening", due_on=D(2020, 6, 1))
    client = session(bia)
    url = reverse("monitoring:milestone-note", args=[milestone.pk])
    with time_machine.travel(dt.datetime(2020, 3, 1, 12, tzinfo=dt.UTC), tick=False):
        data = form_data(client.get(url))
        assert data["noted_on"] == "2020-03-01"
        refused = client.post(url, data | {"noted_on": "2020-03-02", "text": "Morgen gaat het goed."})
        assert refused.status_code == 200
        assert "Een voortgangsnotitie kan niet gedateerd zijn op een dag die nog moet komen." in errors_of(
            refused)["noted_on"]
        assert not ProgressNote.objects.unrestricted().exists()
        response = client.post(url, data | {"text": "Planning rond."})
    assert response.status_code == 302, errors_of(response)
    note = selectors.plan_page(user=bia, pk=plans.plan.pk).milestones[0].visible_notes[0]
    assert (note.noted_on, note.text, note.classification) == (D(2020, 3, 1), "Planning rond.", 0)
    assert audited(bia, "monitoring.progressnote") == 1


# --- officials and activities ---------------------------------------------------------------------------

def test_an_official_who_is_a_user_and_one_who_is_just_a_name(plans, bia, make_user):
    attache = make_user("viewer", 1, username="attache", first_name="Anna", last_name="de Wit")
    client = session(bia)
    url = reverse("monitoring:official-create")
    data = form_data(client.get(url))
    response = client.post(url, data | {"kind": "attache", "user": str(attache.pk), "partner": str(plans.uk.pk),
                                        "starts_on": "2019-08-01", "clearance": "0"})
    assert response.status_code == 302, errors_of(response)
    by_user = selectors.official_list(user=bia).get(user=attache)
    assert (by_user.name, by_user.clearance, by_user.partner, by_user.starts_on, by_user.ends_on) == (
        "Anna de Wit", 1, plans.uk, D(2019, 8, 1), None)

    response = client.post(url, data | {"kind": "other", "name": "Kolonel B. Jansen", "partner": str(plans.uk.pk),
                                        "starts_on": "2019-08-01", "ends_on": "2022-07-31", "clearance": "2"})
    assert response.status_code == 302, errors_of(response)
    by_name = selectors.official_list(user=bia).get(name="Kolonel B. Jansen")
    assert (by_name.kind, by_name.user, by_name.clearance, by_name.ends_on) == ("other", None, 2, D(2022, 7, 31))
    assert audited(bia, "monitoring.official") == 2


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"name": ""}, "name", "Geef de naam van de functionaris, of kies een gebruiker."),
    ({"name": "Majoor C.", "ends_on": "2018-12-31"}, "ends_on", "Het einde van de periode ligt vóór het begin."),
])
def test_an_official_without_a_name_or_posted_backwards(plans, bia, fields, field, message):
    client = session(bia)
    url = reverse("monitoring:official-create")
    response = client.post(url, form_data(client.get(url)) | {"partner": str(plans.uk.pk),
                                                              "starts_on": "2019-01-01"} | fields)
    assert response.status_code == 200
    assert message in errors_of(response)[field]
    assert not Official.objects.unrestricted().exists()


def test_editing_an_official_and_a_stale_edit(plans, make_user):
    official = monitoring.official_create(name="Kolonel A. de Vries", partner=plans.uk, starts_on=D(2019, 8, 1))
    alice, bob = session(make_user(username="alice")), session(make_user(username="bob"))
    url = reverse("monitoring:official-edit", args=[official.pk])
    alice_form, bob_form = form_data(alice.get(url)), form_data(bob.get(url))
    assert bob.post(url, bob_form | {"ends_on": "2022-07-31"}).status_code == 302
    refused = alice.post(url, alice_form | {"name": "Kolonel A. de Vries-Smit"})

    assert "intussen gewijzigd door bob" in refused.content.decode()
    stored = Official.objects.unrestricted().get(pk=official.pk)
    assert (stored.name, stored.ends_on, stored.version) == ("Kolonel A. de Vries", D(2022, 7, 31), 2)


def test_recording_an_activity_and_what_it_serves(plans, bia):
    official = monitoring.official_create(name="Kolonel A. de Vries", partner=plans.uk, starts_on=D(2019, 8, 1),
                                          clearance=3)
    client = session(bia)
    url = reverse("monitoring:official-activity", args=[official.pk])
    data = form_data(client.get(url))
    assert data["partner"] == str(plans.uk.pk)  # the official's partner, unless the editor chooses another
    response = client.post(url, data | {
        "kind": "meeting", "occurred_on": "2019-09-01", "text": "Overleg over de amfibische oefening.",
        "goal_category": "military", "initiatives": [str(plans.open_initiative.pk)], "plans": [str(plans.plan.pk)]})

    assert response.status_code == 302, errors_of(response)
    page = selectors.official_page(user=bia, pk=official.pk)
    activity = page.activities[0]
    assert (activity.kind, activity.occurred_on, activity.partner, activity.goal_category) == (
        "meeting", D(2019, 9, 1), plans.uk, "military")
    assert [i.pk for i in activity.visible_initiatives] == [plans.open_initiative.pk]
    assert [p.pk for p in activity.visible_plans] == [plans.plan.pk]
    assert (page.total, page.serving) == (1, 1)
    assert audited(bia, "monitoring.activity") == 1


def test_an_activity_linked_to_an_initiative_above_the_officials_clearance(plans, bia):
    official = monitoring.official_create(name="Kolonel A. de Vries", partner=plans.uk, starts_on=D(2019, 8, 1))
    client = session(bia)
    url = reverse("monitoring:official-activity", args=[official.pk])
    response = client.post(url, form_data(client.get(url)) | {
        "kind": "meeting", "occurred_on": "2019-09-01", "text": "Overleg over onderzeeboten.",
        "initiatives": [str(plans.secret_initiative.pk)]})

    assert response.status_code == 200
    assert ("Het initiatief ‘Geheime onderzeebootsamenwerking’ is hoger gerubriceerd dan het screeningsniveau van "
            "Kolonel A. de Vries") in non_field_errors(response)
    assert not Activity.objects.unrestricted().exists()


def test_an_activity_cannot_name_a_plan_the_editor_cannot_see(plans, low):
    official = monitoring.official_create(name="Majoor D.", partner=plans.uk, starts_on=D(2019, 8, 1), clearance=3)
    client = session(low)
    url = reverse("monitoring:official-activity", args=[official.pk])
    data = form_data(client.get(url)) | {"kind": "visit", "occurred_on": "2019-09-01", "text": "Bezoek."}
    hidden = client.post(url, data | {"plans": [str(plans.secret_plan.pk)]})
    missing = client.post(url, data | {"plans": [str(MISSING)]})
    assert "plans" in errors_of(hidden) and "plans" in errors_of(missing)
    assert not Activity.objects.unrestricted().exists()


# --- who may write --------------------------------------------------------------------------------------

def test_roles_without_edit_rights_get_no_form_and_no_buttons(plans, viewer):
    milestone = monitoring.plan_milestone_add(plan=plans.plan, title="Oefening", due_on=D(2020, 6, 1))
    official = monitoring.official_create(name="Kolonel A. de Vries", partner=plans.uk, starts_on=D(2019, 8, 1))
    activity = monitoring.activity_record(official=official, kind="visit", occurred_on=D(2019, 9, 1),
                                          partner=plans.uk, text="Bezoek.")
    client = session(viewer)
    for url in (reverse("monitoring:plan-create"), reverse("monitoring:plan-edit", args=[plans.plan.pk]),
                reverse("monitoring:plan-milestone-create", args=[plans.plan.pk]),
                reverse("monitoring:milestone-edit", args=[milestone.pk]),
                reverse("monitoring:milestone-note", args=[milestone.pk]), reverse("monitoring:official-create"),
                reverse("monitoring:official-edit", args=[official.pk]),
                reverse("monitoring:official-activity", args=[official.pk]),
                reverse("monitoring:activity-edit", args=[activity.pk]),
                reverse("monitoring:activity-delete", args=[activity.pk])):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"title": "Nee", "name": "Nee", "text": "Nee", "base_version": "1"}).status_code == 403
    for page in (reverse("monitoring:plan-detail", args=[plans.plan.pk]), reverse("monitoring:dashboard"),
                 reverse("monitoring:official-detail", args=[official.pk]), reverse("monitoring:plan-list"),
                 reverse("monitoring:activity-detail", args=[activity.pk])):
        assert "/bewerken/" not in client.get(page).content.decode()
        assert "/verwijderen/" not in client.get(page).content.decode()
        assert "/nieuw/" not in client.get(page).content.decode()


def test_editors_find_the_forms_from_the_pages(plans, bia):
    milestone = monitoring.plan_milestone_add(plan=plans.plan, title="Oefening", due_on=D(2020, 6, 1))
    official = monitoring.official_create(name="Kolonel A. de Vries", partner=plans.uk, starts_on=D(2019, 8, 1))
    activity = monitoring.activity_record(official=official, kind="visit", occurred_on=D(2019, 9, 1),
                                          partner=plans.uk, text="Bezoek.")
    client = session(bia)
    links = {
        reverse("monitoring:plan-detail", args=[plans.plan.pk]): [
            reverse("monitoring:plan-edit", args=[plans.plan.pk]),
            reverse("monitoring:plan-milestone-create", args=[plans.plan.pk]),
            reverse("monitoring:milestone-edit", args=[milestone.pk]),
            reverse("monitoring:milestone-note", args=[milestone.pk])],
        reverse("monitoring:dashboard"): [reverse("monitoring:plan-create"), reverse("monitoring:official-create")],
        reverse("monitoring:plan-list"): [reverse("monitoring:plan-create")],
        reverse("monitoring:official-list"): [reverse("monitoring:official-create")],
        reverse("monitoring:official-detail", args=[official.pk]): [
            reverse("monitoring:official-edit", args=[official.pk]),
            reverse("monitoring:official-activity", args=[official.pk]),
            reverse("monitoring:activity-detail", args=[activity.pk])],
        reverse("monitoring:activity-detail", args=[activity.pk]): [
            reverse("monitoring:activity-edit", args=[activity.pk]),
            reverse("monitoring:activity-delete", args=[activity.pk])],
        reverse("monitoring:milestone-list"): [reverse("monitoring:milestone-edit", args=[milestone.pk])],
    }
    for page, wanted in links.items():
        hrefs = {a["href"] for a in BeautifulSoup(client.get(page).content, "lxml").select("a[href]")}
        assert set(wanted) <= hrefs, page
        for href in wanted:
            assert client.get(href).status_code == 200, href
