"""Every path that writes a record — services, the edit form, the admin (fields, choices and inlines), the API,
the review queue and the commands — leaves exactly one audit entry with the before and after of what changed
(fields and relations alike), one history row and a version one higher. A write that changes nothing leaves
nothing."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from ims.core.audit import AuditEntry
from ims.core.services import record_link, record_save
from ims.ingest.models import ExtractedFact
from ims.ingest.services import fact_accept
from ims.register import services as register
from ims.register.models import Contribution, Goal, Initiative, Partner
from ims.register.reference import reference_load
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@contextmanager
def one_change(record):
    """Assert the block changes ``record`` once: one audit entry about it, one history row, version + 1."""
    label = record._meta.label_lower
    history_of = record
    entries = AuditEntry.objects.filter(object_type=label, object_id=str(record.pk)).count()
    rows = type(history_of).history.filter(id=history_of.pk).count()
    version = type(record)._base_manager.values_list("version", flat=True).get(pk=record.pk)
    found = {}
    yield found
    new = list(AuditEntry.objects.filter(object_type=label, object_id=str(record.pk)).order_by("id"))[entries:]
    assert len(new) == 1, [e.changes for e in new]
    assert type(history_of).history.filter(id=history_of.pk).count() == rows + 1
    assert type(record)._base_manager.values_list("version", flat=True).get(pk=record.pk) == version + 1
    found["changes"] = new[0].changes


@pytest.fixture(scope="module")
def noordzee(django_db_setup, django_db_blocker):
    """The reference partners and one initiative, made once for the module (loading the partners costs seconds)
    and rolled back at its end: each test runs in a savepoint inside it and finds them as they were made."""
    with django_db_blocker.unblock(), transaction.atomic():
        reference_load()
        yield register.initiative_create(title="Noordzee", participants=[("DE", "lead")]).pk
        transaction.set_rollback(True)


@pytest.fixture
def world(noordzee, db):
    return Initiative.objects.unrestricted().get(pk=noordzee)


def test_a_field_edit_through_the_service(world, analyst):
    with one_change(world) as found:
        register.initiative_update(initiative=world, actor=analyst, title="Noordzee-patrouille")
    assert found["changes"] == {"title": ["Noordzee", "Noordzee-patrouille"]}


@pytest.mark.parametrize("relation,codes", [("frameworks", ["NATO"]), ("participants", ["BE"])])
def test_each_relation_through_record_link(world, analyst, relation, codes):
    partners = list(Partner.objects.unrestricted().filter(code__in=codes))
    with one_change(world) as found:
        record_link(world, add={relation: partners}, actor=analyst)
    before, after = found["changes"][relation]
    assert set(after) - set(before) == {p.pk for p in partners}
    with one_change(world) as found:
        record_link(world, remove={relation: partners}, actor=analyst)
    assert set(found["changes"][relation][0]) - set(found["changes"][relation][1]) == {p.pk for p in partners}


def test_a_change_that_changes_nothing_leaves_nothing(world, analyst):
    entries = AuditEntry.objects.count()
    record_save(world, actor=analyst)
    record_link(world, add={"frameworks": []}, actor=analyst)
    assert AuditEntry.objects.count() == entries
    assert Initiative.history.filter(id=world.pk).count() == 1


def test_the_edit_form(world, analyst, login):
    client = login(analyst)
    data = {"title": "Noordzee-patrouille", "summary": "", "kind": "general", "form": "", "origin": "",
            "status": "idea", "classification": 0, "base_version": world.version}
    with one_change(world) as found:
        response = client.post(reverse("register:initiative-edit", args=[world.pk]), data)
        assert response.status_code == 302, response.content.decode()[:2000]
    assert found["changes"]["title"] == ["Noordzee", "Noordzee-patrouille"]


def test_the_api(world, analyst, client):
    client.force_login(analyst)
    with one_change(world) as found:
        response = client.patch(reverse("api:initiative-detail", args=[world.pk]), {"status": "running"},
                                content_type="application/json", HTTP_IF_MATCH=f'"{world.version}"')
        assert response.status_code == 200, response.content
    assert found["changes"] == {"status": ["idea", "running"]}


def _admin(make_user, client):
    admin = make_user("administrator", 3, username="beheer", is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


def test_the_admin_fields_and_choices_are_one_change(world, make_user, client):
    client = _admin(make_user, client)
    nato = Partner.objects.unrestricted().get(code="NATO")
    url = reverse("admin:register_initiative_change", args=[world.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k not in {"frameworks", "related", "citations"}}
    data.update({"title": "Noordzee (beheer)", "frameworks": [nato.pk], "base_version": world.version})
    for prefix, rows in (("participations", 1), ("goals", 0), ("budgets", 0)):
        data.update({f"{prefix}-TOTAL_FORMS": rows, f"{prefix}-INITIAL_FORMS": rows,
                     f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000})
    participation = world.participations.get()
    data.update({"participations-0-id": participation.pk, "participations-0-initiative": world.pk,
                 "participations-0-partner": participation.partner_id, "participations-0-role": "lead"})
    with one_change(world) as found:
        response = client.post(url, data)
        assert response.status_code == 302, response.context["adminform"].form.errors
    assert found["changes"]["title"] == ["Noordzee", "Noordzee (beheer)"]
    assert found["changes"]["frameworks"] == [[], [nato.pk]]


def test_an_admin_inline_row_is_one_change(world, make_user, client):
    client = _admin(make_user, client)
    url = reverse("admin:register_initiative_change", args=[world.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k not in {"frameworks", "related", "citations"}}
    data["base_version"] = world.version
    participation = world.participations.get()
    data.update({"participations-TOTAL_FORMS": 1, "participations-INITIAL_FORMS": 1,
                 "participations-0-id": participation.pk, "participations-0-initiative": world.pk,
                 "participations-0-partner": participation.partner_id, "participations-0-role": "lead",
                 "goals-TOTAL_FORMS": 1, "goals-INITIAL_FORMS": 0, "goals-0-category": "military",
                 "goals-0-statement": "Gezamenlijke patrouilles", "budgets-TOTAL_FORMS": 0,
                 "budgets-INITIAL_FORMS": 0})
    entries = AuditEntry.objects.filter(object_type="register.goal").count()
    version = Initiative.objects.unrestricted().get(pk=world.pk).version
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    goal = Goal.objects.unrestricted().get(initiative=world)
    assert AuditEntry.objects.filter(object_type="register.goal").count() == entries + 1
    assert Goal.history.filter(id=goal.pk).count() == 1
    assert Initiative.objects.unrestricted().get(pk=world.pk).version == version + 1


def _fact(document, payload):
    return ExtractedFact.objects.create(document=document, fact_type="contribution", payload=payload, start=0,
                                        end=len(document.text), confidence=0.9)


def test_two_facts_about_one_contribution_are_one_change_each(world, analyst):
    text = "In 2019 droeg Nederland bij aan operatie Atalanta met Duitsland. Later ook met België."
    first = register.document_register(title="Brief 1", text=text, date=dt.date(2019, 10, 2))
    second = register.document_register(title="Brief 2", text=text + " Nogmaals.", date=dt.date(2019, 11, 2))
    fact_accept(fact=_fact(first, {"operation": "Atalanta", "year": 2019, "partners": ["DE"]}), actor=analyst)
    contribution = Contribution.objects.unrestricted().get()
    with one_change(contribution) as found:
        fact_accept(fact=_fact(second, {"operation": "Atalanta", "year": 2019, "partners": ["DE", "BE"],
                                        "personnel": 120}), actor=analyst)
    belgium = Partner.objects.unrestricted().get(code="BE")
    assert found["changes"]["personnel"] == [None, 120]
    assert belgium.pk in found["changes"]["partners"][1] and belgium.pk not in found["changes"]["partners"][0]
    assert len(found["changes"]["citations"][1]) == 2


def test_the_createuser_command_and_changes_to_users(db):
    call_command("createuser", "attache", role="viewer", clearance="unclassified", password="lang-genoeg-ww-1")
    created = AuditEntry.objects.filter(object_type="accounts.user").order_by("id")
    assert created.count() == 1 and created.last().changes["clearance"] == 0
    call_command("createuser", "attache", role="analyst", clearance="secret", password="lang-genoeg-ww-1")
    assert created.count() == 2
    assert created.last().changes == {"role": ["viewer", "analyst"], "clearance": [0, 3]}


def test_the_demo_related_initiatives_go_through_the_gate(world, analyst):
    other = InitiativeFactory(title="Ander")
    with one_change(world) as found:
        record_link(world, add={"related": [other]}, actor=analyst)
    assert found["changes"]["related"] == [[], [other.pk]]
