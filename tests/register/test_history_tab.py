"""The history tab of a record page: who changed what, when, in Dutch labels and values, and nothing of a
version or a part the reader's clearance does not reach."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ims.core.services import record_delete, record_link, record_save
from ims.register import services
from ims.register.history import record_history
from ims.register.models import Participation
from tests.core.test_visible_language import NOT_DUTCH, TELLTALE_PATTERN, visible_text

pytestmark = pytest.mark.django_db


def history_page(user, name: str, arg) -> BeautifulSoup:
    client = Client()
    client.force_login(user)
    response = client.get(reverse(name, args=[arg]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "lxml")


@pytest.fixture
def initiative(make_user):
    editor = make_user("analyst", 3, username="redacteur")
    for code in ("DE", "NL"):
        services.partner_upsert(code=code, kind="country")
    secret = services.partner_upsert(code="GEHEIMORG", kind="organisation", name_nl="Geheime organisatie",
                                     name_en="Secret")
    secret.classification = 3
    record_save(secret, actor=editor)
    made = services.initiative_create(title="Brigade", status="idea", participants=[("DE", "lead")],
                                      budgets={2020: Decimal("1500000.50")}, actor=editor)
    services.initiative_update(initiative=made, status="running", planned_start=dt.date(2020, 3, 1),
                               sovereign_capability=True, actor=editor)
    record_save(Participation(initiative=made, partner=secret, role="participant"), actor=editor)
    services.milestone_create(initiative=made, title="Geheime mijlpaal", due_on=dt.date(2021, 1, 1), actor=editor)
    milestone = made.milestones.get()
    milestone.classification = 3
    record_save(milestone, actor=editor)
    return made


def test_the_history_says_who_changed_what_when_in_dutch(initiative, analyst):
    page = history_page(analyst, "register:initiative-history", initiative.pk)
    text = visible_text(str(page))
    assert not TELLTALE_PATTERN.findall(text)
    update = next(e for e in page.select(".history-entry") if "gewijzigd: Initiatief" in e.get_text())
    cells = [[td.get_text() for td in tr.select("td")] for tr in update.select("tbody tr")]
    assert ["Status", "idee", "in uitvoering"] in cells
    assert ["Geplande start", "–", "1 maart 2020"] in cells
    assert ["Raakt een capaciteit die Nederland zelfstandig wil behouden", "nee", "ja"] in cells
    assert "redacteur" in update.get_text()
    assert "Deelname: Duitsland" in text and "Budget: 2020" in text
    assert "1.500.000,5" in text  # amounts in Dutch notation
    assert "Geheime mijlpaal" in text and "Geheime organisatie" in text


def test_a_low_clearance_reader_sees_no_hidden_part_or_earlier_value(initiative, make_user):
    reader = make_user("viewer", 1, username="lezer")
    text = visible_text(str(history_page(reader, "register:initiative-history", initiative.pk)))
    assert "Geheime" not in text and "GEHEIMORG" not in text
    assert "Deelname: Duitsland" in text


def test_the_values_a_record_had_above_the_readers_clearance_are_withheld(make_user):
    editor, reader = make_user("analyst", 3, username="redacteur"), make_user("viewer", 1, username="lezer")
    commitment = services.commitment_create(subject="Geheime belofte", made_on=dt.date(2020, 1, 1),
                                            classification=3, actor=editor)
    commitment.subject, commitment.classification = "Openbare belofte", 1
    record_save(commitment, actor=editor)
    entries = record_history(user=reader, record=commitment)
    assert len(entries) == 1 and entries[0].withheld
    shown = {c.label: (c.old, c.new) for c in entries[0].changes}
    assert shown["Onderwerp"] == ("niet zichtbaar voor uw screeningsniveau", "Openbare belofte")
    page = history_page(reader, "register:commitment-history", commitment.pk)
    assert "Geheime belofte" not in page.get_text()
    assert len(record_history(user=editor, record=commitment)) == 2


def test_a_partner_page_has_a_history_of_its_rings(make_user):
    editor = make_user("analyst", 3, username="redacteur")
    germany = services.partner_upsert(code="DE", kind="country", actor=editor)
    services.ring_assign(partner=germany, ring="strategic", valid_from=dt.date(2019, 1, 1), actor=editor)
    page = history_page(editor, "register:partner-history", "DE")
    text = visible_text(str(page))
    assert "Schilindeling:" in text and "strategic" not in text
    assert page.select_one(".tabs a[aria-current=page]").get_text() == "Geschiedenis"
    client = Client()
    client.force_login(editor)
    assert client.get("/partners/deu/geschiedenis/")["Location"] == reverse("register:partner-history", args=["DE"])


def changed_rows(page: BeautifulSoup, subject: str) -> list[list[str]]:
    """The (label, before, after) rows of the entries about ``subject``, oldest entry first."""
    entries = [e for e in page.select(".history-entry") if subject in e.get_text()]
    return [[td.get_text() for td in tr.select("td")] for e in reversed(entries) for tr in e.select("tbody tr")]


@pytest.fixture
def editor(make_user):
    return make_user("analyst", 3, username="redacteur")


@pytest.fixture
def secret_partner(editor):
    secret = services.partner_upsert(code="GEHEIMORG", kind="organisation", name_nl="Geheime organisatie",
                                     name_en="Secret")
    secret.classification = 3
    return record_save(secret, actor=editor)


def test_a_change_to_an_agreements_parties_names_them(editor):
    partners = {code: services.partner_upsert(code=code, kind="country") for code in ("DE", "FR", "NL")}
    agreement = services.agreement_create(kind="MoU", title="Samenwerking op zee", parties=["FR", "DE"],
                                          actor=editor)
    record_link(agreement, add={"parties": [partners["NL"]]}, remove={"parties": [partners["FR"]]}, actor=editor)
    page = history_page(editor, "register:agreement-history", agreement.pk)
    rows = changed_rows(page, "Overeenkomst")
    assert ["Partijen", "–", "Duitsland, Frankrijk"] in rows  # alphabetical, not in the order of the ids
    assert ["Partijen", "Duitsland, Frankrijk", "Duitsland, Nederland"] in rows
    assert not NOT_DUTCH.findall(visible_text(str(page)))


def test_a_change_to_an_initiatives_frameworks_names_them(editor):
    for code, name in (("NAVO", "Noord-Atlantische Verdragsorganisatie"), ("EU", "Europese Unie")):
        services.partner_upsert(code=code, kind="organisation", name_nl=name, name_en=name)
    initiative = services.initiative_create(title="Brigade", frameworks=["NAVO"], actor=editor)
    record_link(initiative, add={"frameworks": services.partners_for(["EU"])}, actor=editor)
    rows = changed_rows(history_page(editor, "register:initiative-history", initiative.pk), "gewijzigd: Initiatief")
    assert ["Kaders", "Noord-Atlantische Verdragsorganisatie",
            "Europese Unie, Noord-Atlantische Verdragsorganisatie"] in rows


def test_a_related_record_above_the_readers_clearance_is_withheld_and_named_for_a_cleared_one(
        editor, secret_partner, make_user):
    services.partner_upsert(code="DE", kind="country")
    agreement = services.agreement_create(kind="MoU", title="Samenwerking op zee", parties=["DE"], actor=editor)
    record_link(agreement, add={"parties": [secret_partner]}, actor=editor)
    low = history_page(make_user("viewer", 1, username="lezer"), "register:agreement-history", agreement.pk)
    assert ["Partijen", "Duitsland", "Duitsland, niet zichtbaar voor uw screeningsniveau"] in \
        changed_rows(low, "gewijzigd: Overeenkomst")
    assert "Geheime" not in low.get_text() and "GEHEIMORG" not in low.get_text()
    high = history_page(editor, "register:agreement-history", agreement.pk)
    assert ["Partijen", "Duitsland", "Duitsland, Geheime organisatie"] in changed_rows(high, "gewijzigd: Overeenkomst")


def test_a_deleted_related_record_is_said_to_be_deleted(editor):
    partners = {code: services.partner_upsert(code=code, kind="country") for code in ("DE", "FR")}
    agreement = services.agreement_create(kind="MoU", title="Samenwerking op zee", parties=["DE", "FR"],
                                          actor=editor)
    record_link(agreement, remove={"parties": [partners["FR"]]}, actor=editor)
    record_delete(partners["FR"], actor=editor)
    rows = changed_rows(history_page(editor, "register:agreement-history", agreement.pk), "Overeenkomst")
    assert ["Partijen", "–", "Duitsland, 1 verwijderd record"] in rows
    assert ["Partijen", "Duitsland, 1 verwijderd record", "Duitsland"] in rows


def test_the_queries_of_a_history_page_do_not_grow_with_the_related_records(editor, secret_partner):
    codes = ["BE", "DE", "DK", "ES", "FR", "GB", "IT", "LU", "NO", "PL", "PT", "SE"]
    partners = [services.partner_upsert(code=code, kind="country") for code in codes]
    client = Client()
    client.force_login(editor)

    def agreement(parties: int) -> str:
        made = services.agreement_create(kind="MoU", title=f"Met {parties}", parties=codes[:parties], actor=editor)
        record_link(made, add={"parties": [secret_partner]}, remove={"parties": partners[:1]}, actor=editor)
        record_link(made, remove={"parties": partners[1:parties]}, actor=editor)
        return reverse("register:agreement-history", args=[made.pk])

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200 and "Belgi" in response.content.decode()
        return len(captured)

    few, many = agreement(2), agreement(len(codes))
    queries(few)  # the first page a session reads asks once for what the next ones find kept
    assert queries(few) == queries(many)
