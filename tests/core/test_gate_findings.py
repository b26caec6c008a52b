"""The leaks the gate closes, each probed as a low-cleared insider would (issue 13, findings 3 to 7): an
administrator, an analyst and a BIA member at Departementaal Vertrouwelijk against Stg. Geheim records."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import transaction
from django.urls import reverse
from rest_framework.authtoken.models import Token

from ims.api.services import token_issue
from ims.assessment.models import WeightingScenario
from ims.assessment.selectors import scenario_get
from ims.assessment.services import ring_set, scenario_create
from ims.core.audit import AuditEntry
from ims.core.errors import AboveClearance, RegisterError
from ims.core.services import record_save
from ims.framework import GoalCategory
from ims.register import selectors
from ims.register import services as register
from ims.register.models import Initiative, Milestone, Partner, RingAssignment
from ims.register.reference import reference_load
from ims.reporting.builder import build_report
from ims.reporting.builder.loading import RegisterAtLevel
from ims.reporting.render import render
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

DV, SECRET = 1, 3
MARK = "Zwaardvis"  # in every secret title, so that a leak is easy to find in a page


@pytest.fixture
def low_admin(make_user, client):
    admin = make_user("administrator", DV, username="beheer-dv", is_staff=True, is_superuser=True)
    client.force_login(admin)
    return admin


@pytest.fixture
def secret_user(make_user):
    return make_user("analyst", SECRET, username="geheim")


# --- finding 3: an administrator below Stg. Geheim ------------------------------------------------------

def test_no_token_for_a_more_cleared_user(low_admin, secret_user, client):
    add = reverse("admin:authtoken_tokenproxy_add")
    assert secret_user.username not in client.get(add).content.decode()
    response = client.post(add, {"user": secret_user.pk})
    assert response.status_code == 200 and not Token.objects.filter(user=secret_user).exists()
    with pytest.raises(AboveClearance):
        token_issue(user=secret_user, actor=low_admin)


def test_a_token_made_in_the_admin_is_shown_once_and_audited(low_admin, make_user, client):
    colleague = make_user("viewer", 0, username="collega")
    response = client.post(reverse("admin:authtoken_tokenproxy_add"), {"user": colleague.pk}, follow=True)
    key = Token.objects.get(user=colleague).key
    assert key in response.content.decode()
    assert key not in client.get(reverse("admin:authtoken_tokenproxy_changelist")).content.decode()
    entry = AuditEntry.objects.filter(object_type="authtoken.token").last()
    assert entry.action == "create" and entry.changes == {"user": "collega"} and key not in str(entry.changes)


def test_no_clearance_above_ones_own_and_no_more_cleared_user(low_admin, secret_user, make_user, client):
    colleague = make_user("viewer", 0, username="collega")
    url = reverse("admin:accounts_user_change", args=[colleague.pk])
    form = client.get(url).context["adminform"].form
    assert [value for value, _label in form.fields["clearance"].choices] == [0, DV]
    data = {"username": "collega", "role": "analyst", "clearance": SECRET, "is_active": "on",
            "date_joined_0": "2026-01-01", "date_joined_1": "00:00:00"}
    assert client.post(url, data).status_code == 200  # refused: the form shows the error
    colleague.refresh_from_db()
    assert (colleague.clearance, colleague.role) == (0, "viewer")
    client.post(url, {**data, "clearance": DV})
    colleague.refresh_from_db()
    assert (colleague.clearance, colleague.role) == (DV, "analyst")
    entry = AuditEntry.objects.filter(object_type="accounts.user", object_id=str(colleague.pk)).last()
    assert entry.changes == {"role": ["viewer", "analyst"], "clearance": [0, DV]}
    hidden = client.get(reverse("admin:accounts_user_change", args=[secret_user.pk]))
    assert hidden.status_code == 302 and secret_user.username not in client.get(hidden.url).content.decode()


def test_no_record_above_ones_own_clearance_and_no_editable_bookkeeping(low_admin, client):
    url = reverse("admin:register_initiative_add")
    form = client.get(url).context["adminform"].form
    assert [value for value, _label in form.fields["classification"].choices] == [0, DV]
    assert not {"created_by", "updated_by"} & set(form.fields)
    client.post(url, {"title": MARK, "kind": "general", "status": "idea", "classification": SECRET,
                      "participations-TOTAL_FORMS": 0, "participations-INITIAL_FORMS": 0,
                      "goals-TOTAL_FORMS": 0, "goals-INITIAL_FORMS": 0,
                      "budgets-TOTAL_FORMS": 0, "budgets-INITIAL_FORMS": 0})
    assert not Initiative.objects.unrestricted().filter(title=MARK).exists()


# --- finding 5: secret ring periods ---------------------------------------------------------------------

@pytest.fixture
def poland(db):
    reference_load()
    poland = Partner.objects.unrestricted().get(code="PL")
    register.ring_assign(partner=poland, ring="affiliated", valid_from=dt.date(2018, 1, 1))
    return poland


def test_a_secret_period_leaves_the_visible_history_as_it_was(poland, make_user):
    register.ring_assign(partner=poland, ring="strategic", valid_from=dt.date(2021, 3, 1), classification=SECRET)
    visible = RingAssignment.objects.unrestricted().get(partner=poland, classification=0)
    assert visible.valid_to is None  # not closed on the secret date
    low, high = make_user("viewer", DV), make_user("viewer", SECRET)
    assert selectors.partner_get(user=low, code="PL").current_ring == "affiliated"
    assert selectors.partner_get(user=high, code="PL").current_ring == "strategic"
    low_page = selectors.partner_page(user=low, code="PL")
    assert [(r.ring, r.valid_from, r.valid_to) for r in low_page.rings] == [("affiliated", dt.date(2018, 1, 1), None)]
    high_page = selectors.partner_page(user=high, code="PL")
    assert [(r.ring, r.valid_to) for r in high_page.rings] == [("affiliated", dt.date(2021, 3, 1)), ("strategic", None)]
    low_report = RegisterAtLevel(0)
    assert [(r.ring, r.valid_to) for r in low_report.rings if r.partner_id == poland.pk] == [("affiliated", None)]


def test_a_low_cleared_decision_never_touches_or_names_a_secret_period(poland, make_user):
    secret = register.ring_assign(partner=poland, ring="strategic", valid_from=dt.date(2021, 3, 1),
                                  classification=SECRET)
    member = make_user("bia_member", DV, username="bia-dv")
    # On the very day the secret period starts: it neither blocks the decision nor shows in any message.
    decided = ring_set(partner=poland, ring="opportunity", reason="Besluit", actor=member,
                       valid_from=dt.date(2021, 3, 1), confirmed=True)
    secret.refresh_from_db()
    assert (secret.valid_from, secret.valid_to, secret.ring) == (dt.date(2021, 3, 1), None, "strategic")
    assert decided.classification == 0
    assert selectors.partner_get(user=member, code="PL").current_ring == "opportunity"


# --- finding 6: filters resolve their values through the gate -------------------------------------------

@pytest.mark.parametrize("url", ["/overeenkomsten/", "/api/v1/agreements/", "/api/v1/initiatives/"])
def test_a_hidden_partner_code_filters_like_a_missing_one(db, make_user, client, url):
    reference_load()
    hidden = register.partner_upsert(code="ZWAARD", kind="organisation", name_nl=MARK, name_en=MARK)
    hidden.classification = SECRET
    record_save(hidden)
    initiative = register.initiative_create(title="Open initiatief", participants=[("ZWAARD", "participant")])
    register.agreement_create(kind="MoU", title="Open MoU", parties=["ZWAARD", "NL"], initiative=initiative)
    client.force_login(make_user("analyst", DV))
    hidden_answer = client.get(url, {"partner": "ZWAARD"})
    missing_answer = client.get(url, {"partner": "ONBEKEND"})
    assert hidden_answer.status_code == missing_answer.status_code
    for answer in (hidden_answer, missing_answer):
        assert "Open MoU" not in answer.content.decode() and "Open initiatief" not in answer.content.decode()


# --- finding 7: the admin shows nothing of secret material -----------------------------------------------

def test_admin_lists_delete_pages_and_history_keep_secrets(low_admin, client):
    secret = InitiativeFactory(title=f"{MARK} initiatief", classification=SECRET)
    record_save(Milestone(initiative=secret, title="Open mijlpaal", due_on=dt.date(2020, 1, 1)))
    page = client.get(reverse("admin:register_milestone_changelist")).content.decode()
    assert MARK not in page
    reference_load()
    partner = Partner.objects.unrestricted().get(code="PL")
    register.agreement_create(kind="MoU", title=f"{MARK} MoU", parties=["PL"], classification=SECRET)
    page = client.get(reverse("admin:register_partner_delete", args=[partner.pk])).content.decode()
    assert MARK not in page and "boven uw screeningsniveau" not in page
    assert "andere gegevens die naar dit gegeven verwijzen" in page
    lowered = InitiativeFactory(title=f"{MARK} oud", classification=SECRET)
    lowered.title, lowered.classification = "Openbaar nu", 0
    record_save(lowered)
    page = client.get(reverse("admin:register_initiative_history", args=[lowered.pk])).content.decode()
    assert "Openbaar nu" in page and MARK not in page


def test_a_commitment_answered_in_a_secret_letter_is_open_in_a_low_report(db):
    letter = register.document_register(title=f"{MARK} brief", text="Antwoord.", date=dt.date(2020, 5, 1))
    letter.classification = SECRET
    record_save(letter)
    register.commitment_create(subject="Open toezegging", made_on=dt.date(2020, 1, 1), answered_in=letter)
    low, high = RegisterAtLevel(0), RegisterAtLevel(SECRET)
    assert [(c.status, c.answered_in) for c in low.commitments] == [("open", None)]
    assert [c.answered_in for c in high.commitments] == [letter]
    # The report itself: listed as still open, with neither "Beantwoord" nor the letter's date.
    low_text = render(build_report(year=2020, level=0), "md").decode()
    assert "Open toezegging" in low_text and "Nog niet beantwoord" in low_text
    assert "Beantwoord" not in low_text and "mei 2020" not in low_text and MARK not in low_text
    high_text = render(build_report(year=2020, level=SECRET), "md").decode()
    assert "Beantwoord" in high_text and "1 mei 2020" in high_text


def test_a_scenario_name_taken_above_ones_clearance_answers_as_a_free_one(make_user, client):
    """Names of scenarios are unique per classification: a clash with a hidden scenario is no clash, so the
    answer is the one a free name gets, and a reader who may see both gets the more classified one."""
    secret = scenario_create(name="zwaardvis", label_nl=f"{MARK} scenario", date=dt.date(2020, 1, 1),
                             weights={"political_strategic": 1, "military": 3, "financial_economic": 1},
                             classification=SECRET, actor=make_user("analyst", SECRET, username="analist-geheim"))
    analyst = make_user("analyst", DV, username="analist-dv")
    client.force_login(analyst)
    body = {"label_nl": "Mijn scenario", "date": "2021-01-01", "weight_political_strategic": "1",
            "weight_military": "1", "weight_financial_economic": "1", "classification": DV}
    answers = []
    for name in ("zwaardvis", "vrije-naam"):
        with transaction.atomic():  # each from the same register
            response = client.post(reverse("assessment:scenarios"), {**body, "name": name}, follow=True)
            answers.append((response.status_code, response.redirect_chain,
                            response.content.decode().replace(name, "NAAM").replace("csrfmiddlewaretoken", "")))
            transaction.set_rollback(True)
        assert MARK not in answers[-1][2]
    assert answers[0][:2] == answers[1][:2]
    assert re.sub(r'value="[^"]+"', "", answers[0][2]) == re.sub(r'value="[^"]+"', "", answers[1][2])
    client.post(reverse("assessment:scenarios"), {**body, "name": "zwaardvis"})
    client.post(reverse("assessment:scenarios"), {**body, "name": "vrije-naam"})
    stored = WeightingScenario.objects.unrestricted().filter(name="zwaardvis")
    assert sorted(stored.values_list("classification", flat=True)) == [DV, SECRET]
    assert scenario_get(user=analyst, name="zwaardvis").weights[GoalCategory.military] == 1
    assert scenario_get(user=make_user("viewer", SECRET), name="zwaardvis").weights[GoalCategory.military] == 3
    # A clash with a scenario the user can see is still refused, at any level.
    body_weights = {"political_strategic": 1, "military": 1, "financial_economic": 1}
    with pytest.raises(RegisterError, match="al een scenario"):
        scenario_create(name="vrije-naam", label_nl="Nog een", weights=body_weights, classification=0,
                        actor=analyst)
    assert secret.name == "zwaardvis"




# --- write probes: a hidden id answers every write path exactly as a missing one --------------------------

def test_writes_to_hidden_ids_answer_as_writes_to_missing_ones(db, make_user, client):
    secret = InitiativeFactory(title=f"{MARK} initiatief", classification=SECRET)
    milestone = record_save(Milestone(initiative=secret, title=f"{MARK} mijlpaal", due_on=dt.date(2020, 1, 1),
                                      classification=SECRET))
    client.force_login(make_user("analyst", DV))
    missing = max(secret.pk, milestone.pk) + 1000
    probes = [
        ("post", "/api/v1/initiatives/{}/milestones/", {"title": "x", "due_on": "2021-01-01"}, secret.pk),
        ("patch", "/api/v1/initiatives/{}/", {"title": "x"}, secret.pk),
        ("patch", "/api/v1/milestones/{}/", {"title": "x"}, milestone.pk),
        ("post", "/initiatieven/{}/bewerken/", {"title": "x", "base_version": 1}, secret.pk),
    ]
    for method, url, body, hidden in probes:
        answers = []
        for pk in (hidden, missing):
            send = getattr(client, method)
            if url.startswith("/api/"):
                response = send(url.format(pk), body, content_type="application/json", HTTP_IF_MATCH='"1"')
            else:
                response = send(url.format(pk), body)
            page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
            answers.append((response.status_code, page.replace(f"/{pk}/", "/ID/")))
        assert answers[0] == answers[1], url
        assert answers[0][0] == 404 and MARK not in answers[0][1]
    secret.refresh_from_db()
    assert secret.title == f"{MARK} initiatief" and secret.version == 1
