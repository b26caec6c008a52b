"""A record above a user's clearance is invisible everywhere: list, detail, partner page, counts, exports, admin."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from ims.accounts.models import Role
from ims.core.classification import Classification
from ims.core.services import record_link
from ims.register import models, selectors
from tests.factories import InitiativeFactory, ParticipationFactory, PartnerFactory

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Geheime samenwerking Noordflank"


@pytest.fixture
def register():
    germany = PartnerFactory(code="DE", name_nl="Duitsland")
    hidden = InitiativeFactory(title=SECRET_TITLE, summary="Alleen voor wie het mag zien",
                               classification=Classification.CONFIDENTIAL, status="study")
    shown = InitiativeFactory(title="Open oefening", classification=Classification.UNCLASSIFIED, status="running")
    for initiative in (hidden, shown):
        ParticipationFactory(initiative=initiative, partner=germany)
    return {"hidden": hidden, "shown": shown, "partner": germany}


@pytest.fixture
def dv_user(make_user):
    return make_user(Role.ANALYST, Classification.DEPARTMENTAL_CONFIDENTIAL, username="dv")


@pytest.fixture
def confidential_user(make_user):
    return make_user(Role.ANALYST, Classification.CONFIDENTIAL, username="conf")


def test_list_hides_it_from_a_departmental_confidential_user(register, dv_user, login):
    body = login(dv_user).get(reverse("register:initiative-list")).content.decode()
    assert "Open oefening" in body
    assert SECRET_TITLE not in body


def test_list_shows_it_to_a_user_with_enough_clearance(register, confidential_user, login):
    body = login(confidential_user).get(reverse("register:initiative-list")).content.decode()
    assert SECRET_TITLE in body


def test_detail_is_404_not_403(register, dv_user, login):
    response = login(dv_user).get(reverse("register:initiative-detail", args=[register["hidden"].pk]))
    assert response.status_code == 404
    assert SECRET_TITLE not in response.content.decode()


def test_partner_page_and_its_count_leave_it_out(register, dv_user, confidential_user, login):
    url = reverse("register:partner-detail", args=["DE"])
    body = login(dv_user).get(url).content.decode()
    assert "Open oefening" in body and SECRET_TITLE not in body
    germany = register["partner"]
    assert selectors.initiative_counts(user=dv_user, partners=[germany]) == {germany.pk: 1}
    assert selectors.initiative_counts(user=confidential_user, partners=[germany]) == {germany.pk: 2}
    response = login(dv_user).get(reverse("register:partner-list") + "?format=json")
    listing = json.loads(b"".join(response.streaming_content))
    assert {r["code"]: r["initiatives"] for r in listing["rows"]}["DE"] == 1


def test_facet_counts_leave_it_out(register, dv_user):
    qs = selectors.initiative_list(user=dv_user)
    facets = selectors.initiative_facets(queryset=qs)
    assert dict(facets["status"]) == {"running": 1}


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_exports_leave_it_out(register, dv_user, confidential_user, login, fmt):
    url = reverse("register:initiative-list") + f"?format={fmt}"
    response = login(dv_user).get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"Open oefening" in body and SECRET_TITLE.encode() not in body
    response = login(confidential_user).get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert SECRET_TITLE.encode() in body


def test_free_text_search_does_not_reveal_it(register, dv_user, login):
    body = login(dv_user).get(reverse("register:initiative-list") + "?q=Noordflank").content.decode()
    assert SECRET_TITLE not in body
    assert "Geen initiatieven gevonden" in body


def test_admin_hides_it_from_an_administrator_without_clearance(register, make_user, client):
    admin_dv = make_user(Role.ADMINISTRATOR, Classification.DEPARTMENTAL_CONFIDENTIAL, username="beheer-dv",
                         is_staff=True, is_superuser=True)
    client.force_login(admin_dv)
    changelist = client.get(reverse("admin:register_initiative_changelist"))
    assert changelist.status_code == 200
    body = changelist.content.decode()
    assert "Open oefening" in body and SECRET_TITLE not in body
    change = client.get(reverse("admin:register_initiative_change", args=[register["hidden"].pk]))
    assert SECRET_TITLE not in change.content.decode()
    history = client.get(reverse("admin:register_initiative_history", args=[register["hidden"].pk]))
    assert SECRET_TITLE not in history.content.decode()


def test_anonymous_users_see_nothing(register, client):
    response = client.get(reverse("register:initiative-list"))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not selectors.initiative_list(user=None).exists()


def test_inactive_user_sees_nothing(register, make_user):
    user = make_user(Role.ANALYST, Classification.SECRET, is_active=False)
    assert models.Initiative.objects.for_user(user).count() == 0


def test_agreement_list_does_not_leak_a_classified_initiative_title(register, dv_user, login):
    agreement = models.Agreement.objects.create(kind="MoU", title="Open MoU", initiative=register["hidden"])
    record_link(agreement, add={"parties": [register["partner"]]})
    body = login(dv_user).get(reverse("register:agreement-list")).content.decode()
    assert "Open MoU" in body and SECRET_TITLE not in body


def test_agreement_facets_count_only_visible_agreements(register, dv_user, login):
    from ims.register.models import Agreement

    Agreement.objects.create(kind="MoU", title="Open MoU")
    Agreement.objects.create(kind="MoU", title="Geheim MoU", classification=Classification.SECRET)
    Agreement.objects.create(kind="TREATY", title="Open verdrag")
    facets = selectors.agreement_facets(queryset=selectors.agreement_list(user=dv_user))
    assert dict(facets["agreement_kind"]) == {"MoU": 1, "TREATY": 1}
    body = login(dv_user).get(reverse("register:agreement-list")).content.decode()
    assert "Geheim MoU" not in body and "Instrument" in body
