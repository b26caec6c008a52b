"""Creating and editing an initiative with its participants, goals and indicators, milestones and budgets on
the web: through the register's services, with the version check, errors beside their fields, and no
classification above the editor's own."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from ims.core.audit import AuditEntry
from ims.register import services
from ims.register.models import Initiative, Milestone, Participation
from tests.db import in_db

pytestmark = pytest.mark.django_db


def form_data(response) -> dict:
    """What a browser sends back for the form as shown: every input, select and textarea with its value."""
    assert response.status_code == 200, response.status_code
    page = BeautifulSoup(response.content, "lxml").select_one("form.stacked")
    data: dict = {}
    for field in page.select("input[name], select[name], textarea[name]"):
        name = field["name"]
        if field.name == "select":
            chosen = field.select_one("option[selected]")
            data[name] = chosen["value"] if chosen else ""
        elif field.name == "textarea":
            data[name] = field.get_text()
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = "on"
        else:
            data[name] = field.get("value", "")
    return data


def errors_of(response) -> dict[str, list[str]]:
    """The messages beside each field, by the field's name."""
    page = BeautifulSoup(response.content, "lxml")
    found: dict[str, list[str]] = {}
    for error in page.select("[data-field-error]"):
        field = error.find_parent(class_="field").select_one("[name]")
        found.setdefault(field["name"], []).append(error.get_text())
    return found


@pytest.fixture
def partners():
    for code in ("DE", "NL", "BE"):
        services.partner_upsert(code=code, kind="country")
    secret = services.partner_upsert(code="GEHEIMORG", kind="organisation", name_nl="Geheime organisatie",
                                      name_en="Secret")
    secret.classification = 3
    secret.save()
    return secret


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def pk_of(code: str) -> str:
    return str(services.partner_for(code).pk)


def test_an_analyst_creates_an_initiative_with_its_parts(make_user, partners):
    author = make_user("analyst", 1, username="auteur")
    client = session(author)
    url = reverse("register:initiative-create")
    data = form_data(client.get(url)) | {
        "title": "Gezamenlijke brigade", "status": "study", "classification": "1",
        "participations-0-partner": pk_of("DE"), "participations-0-role": "lead",
        "goals-0-category": "military", "goals-0-statement": "Interoperabel worden", "goals-0-indicator": "oefeningen",
        "goals-0-baseline": "1", "goals-0-target": "4",
        "milestones-0-title": "Eerste oefening", "milestones-0-due_on": "2027-03-01", "milestones-0-status": "planned",
        "budgets-0-year": "2027", "budgets-0-amount_eur": "2500000",
    }
    response = client.post(url, data)

    assert response.status_code == 302, errors_of(response)
    made = in_db(Initiative).get(title="Gezamenlijke brigade")
    assert response["Location"] == reverse("register:initiative-detail", args=[made.pk])
    assert (made.status, made.classification, made.created_by) == ("study", 1, author)
    assert list(made.participations.values_list("partner__code", "role")) == [("DE", "lead")]
    assert list(made.goals.values_list("statement", "indicator", "target")) == [("Interoperabel worden",
                                                                                "oefeningen", 4)]
    milestone = made.milestones.get()
    assert (milestone.title, milestone.due_on, milestone.classification) == ("Eerste oefening", dt.date(2027, 3, 1), 1)
    assert list(made.budgets.values_list("year", flat=True)) == [2027]
    audited = set(AuditEntry.objects.filter(action="create", actor=author).values_list("object_type", flat=True))
    assert {"register.initiative", "register.participation", "register.goal", "register.milestone",
            "register.initiativebudget"} <= audited
    shown = client.get(response["Location"]).content.decode()
    assert "Eerste oefening" in shown and "Interoperabel worden" in shown


def test_the_form_offers_no_classification_above_the_editor_and_refuses_one(make_user, partners):
    client = session(make_user("analyst", 1, username="laag"))
    url = reverse("register:initiative-create")
    shown = form_data(client.get(url))
    page = BeautifulSoup(client.get(url).content, "lxml")
    assert [o["value"] for o in page.select("select[name=classification] option")] == ["0", "1"]
    assert "Geheime organisatie" not in page.get_text()
    response = client.post(url, shown | {"title": "Te hoog", "classification": "3"})
    assert response.status_code == 200
    assert "classification" in errors_of(response)
    response = client.post(url, shown | {"title": "Geheime partner", "participations-0-partner": str(partners.pk),
                                         "participations-0-role": "participant"})
    assert "participations-0-partner" in errors_of(response)
    assert not in_db(Initiative).filter(title__in=["Te hoog", "Geheime partner"]).exists()


def test_two_leads_and_a_done_date_on_an_open_milestone_are_refused_beside_their_fields(analyst, partners):
    client = session(analyst)
    url = reverse("register:initiative-create")
    data = form_data(client.get(url)) | {
        "title": "Twee leiders", "participations-TOTAL_FORMS": "2",
        "participations-0-partner": pk_of("DE"), "participations-0-role": "lead",
        "participations-1-partner": pk_of("NL"), "participations-1-role": "lead",
        "milestones-0-title": "Klaar?", "milestones-0-due_on": "2020-01-01", "milestones-0-status": "planned",
        "milestones-0-done_on": "2020-02-01",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    errors = errors_of(response)
    assert "participations-1-role" in errors and "lead nation" in errors["participations-1-role"][0]
    assert "milestones-0-done_on" in errors
    assert not in_db(Initiative).filter(title="Twee leiders").exists()


def test_editing_parts_changes_them_and_keeps_the_others(analyst, partners):
    initiative = services.initiative_create(title="Staf", participants=[("DE", "lead"), ("NL", "participant")])
    services.milestone_create(initiative=initiative, title="Start", due_on=dt.date(2026, 1, 1))
    client = session(analyst)
    url = reverse("register:initiative-edit", args=[initiative.pk])
    data = form_data(client.get(url))
    rows = {data[f"participations-{n}-partner"]: n for n in range(2)}
    data |= {f"participations-{rows[pk_of('NL')]}-DELETE": "on",
             "participations-2-partner": pk_of("BE"), "participations-2-role": "observer",
             "milestones-0-status": "done", "milestones-0-done_on": ""}
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    assert sorted(in_db(Participation).filter(initiative=initiative).values_list("partner__code", "role")) == [
        ("BE", "observer"), ("DE", "lead")]
    milestone = in_db(Milestone).get(initiative=initiative)
    assert milestone.status == "done" and milestone.done_on is not None
    initiative.refresh_from_db()
    assert initiative.version == 2  # the parts moved the initiative's version on


def test_a_stale_edit_of_the_parts_is_refused_in_dutch(make_user, partners):
    initiative = services.initiative_create(title="Staf", participants=[("DE", "lead")])
    alice, bob = session(make_user(username="alice")), session(make_user(username="bob"))
    url = reverse("register:initiative-edit", args=[initiative.pk])
    alice_form, bob_form = form_data(alice.get(url)), form_data(bob.get(url))
    assert bob.post(url, bob_form | {"participations-1-partner": pk_of("NL"),
                                     "participations-1-role": "participant"}).status_code == 302
    refused = alice.post(url, alice_form | {"participations-1-partner": pk_of("BE"),
                                            "participations-1-role": "participant"})
    assert refused.status_code == 200
    assert "intussen gewijzigd door bob" in refused.content.decode()
    assert sorted(in_db(Participation).filter(initiative=initiative).values_list("partner__code", flat=True)) == [
        "DE", "NL"]


def test_roles_without_edit_rights_get_no_form(viewer):
    client = session(viewer)
    assert client.get(reverse("register:initiative-create")).status_code == 403
    assert client.post(reverse("register:initiative-create"), {"title": "Nee", "base_version": "1"}).status_code == 403
    assert not in_db(Initiative).filter(title="Nee").exists()


def test_an_end_before_the_start_and_a_partner_twice_are_refused_beside_their_fields(analyst, partners):
    client = session(analyst)
    url = reverse("register:initiative-create")
    data = form_data(client.get(url)) | {
        "title": "Verkeerd om", "planned_start": "2026-05-01", "planned_end": "2026-01-01",
        "budgets-0-year": "1800", "budgets-0-amount_eur": "-5",
    }
    response = client.post(url, data)
    errors = errors_of(response)
    assert "planned_end" in errors and "vóór" in errors["planned_end"][0]
    assert {"budgets-0-year", "budgets-0-amount_eur"} <= set(errors)

    twice = form_data(client.get(url)) | {
        "title": "Dubbel", "participations-TOTAL_FORMS": "2",
        "participations-0-partner": pk_of("DE"), "participations-0-role": "participant",
        "participations-1-partner": pk_of("DE"), "participations-1-role": "observer",
    }
    response = client.post(url, twice)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "lxml")
    assert page.select_one("#participations .error") is not None
    assert not in_db(Initiative).filter(title__in=["Verkeerd om", "Dubbel"]).exists()


def test_the_service_refuses_a_partner_the_editor_cannot_see(make_user, partners):
    from ims.register.relations import PartRefused, PartRow, Parts, initiative_save

    editor = make_user("analyst", 1, username="laag")
    with pytest.raises(PartRefused) as refused:
        initiative_save(actor=editor, fields={"title": "Via de dienst"},
                        parts=Parts(participations=[PartRow(values={"partner": partners, "role": "participant"})]))
    assert (refused.value.part, refused.value.index) == ("participations", 0)
    assert not in_db(Initiative).filter(title="Via de dienst").exists()
