"""Register pages for people who know no codes: one Dutch name per partner ("NAVO" on its chip as in its
title), periods and dates in Dutch words, partners found by any spelling of their code, a partner list that
opens on the partners that matter, and counts that are links."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from ims.core.services import record_save
from ims.register import services
from ims.register.presentation import facet_links, partner_short, period
from tests.factories import InitiativeFactory, ParticipationFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def page(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "lxml")


@pytest.fixture
def register():
    for code, name in (("DE", "Duitsland"), ("BE", "België"), ("FJ", "Fiji"), ("GE", "Georgië")):
        PartnerFactory(code=code, name_nl=name)
    services.partner_upsert(code="NATO", kind="organisation", name_nl="Noord-Atlantische Verdragsorganisatie (NAVO)",
                            name_en="North Atlantic Treaty Organization")
    services.ring_assign(partner=services.partner_for("DE"), ring="strategic", valid_from=dt.date(2019, 1, 1))
    brigade = services.initiative_create(title="Brigade", status="running", form="pooling",
                                         participants=[("DE", "lead"), ("NATO", "participant")],
                                         planned_start=dt.date(2017, 1, 1))
    services.initiative_create(title="Onderhoud", status="study", participants=[("BE", "lead")])
    return {"brigade": brigade}


def test_nato_is_navo_on_its_chip_as_in_its_name_and_nato_in_english(register, analyst, login):
    client = login(analyst)
    chips = page(client.get(reverse("register:initiative-list"))).select("span.chip")
    assert {(chip.get_text(), chip["title"]) for chip in chips} >= {
        ("NAVO", "Noord-Atlantische Verdragsorganisatie (NAVO)"), ("DE", "Duitsland")}
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    chips = page(client.get(reverse("register:initiative-list"))).select("span.chip")
    assert ("NATO", "North Atlantic Treaty Organization") in {(chip.get_text(), chip["title"]) for chip in chips}
    with translation.override("nl"):
        assert partner_short("NATO") == "NAVO" and partner_short("DE") == "DE"


def test_periods_and_dates_are_said_in_dutch(register, analyst, login):
    text = " ".join(page(login(analyst).get(reverse("register:initiative-detail", args=[register["brigade"].pk])))
                    .get_text(" ").split())
    assert "Gepland vanaf 1 januari 2017" in text
    assert "Werkelijk nog niet bekend" in text
    assert "?" not in text
    with translation.override("nl"):
        assert period(dt.date(2017, 1, 1), dt.date(2020, 12, 31)) == "1 januari 2017 – 31 december 2020"
        assert period(None, dt.date(2020, 12, 31)) == "tot 31 december 2020"


@pytest.mark.parametrize("typed", ["de", "De", "DEU", "deu"])
def test_a_partner_is_found_by_any_spelling_of_its_code(register, analyst, login, typed):
    response = login(analyst).get(reverse("register:partner-detail", args=[typed]))
    assert response.status_code == 301 and response["Location"] == reverse("register:partner-detail", args=["DE"])


def test_a_hidden_partner_is_redirected_exactly_as_a_missing_one(register, viewer, login):
    services.partner_upsert(code="GEHEIMORG", kind="organisation", name_nl="Geheim", name_en="Secret")
    secret = services.partner_for("GEHEIMORG")
    secret.classification = 3
    record_save(secret)
    client = login(viewer)
    hidden, missing = client.get("/partners/geheimorg/"), client.get("/partners/zzabsent/")
    assert (hidden.status_code, missing.status_code) == (301, 301)
    assert client.get(hidden["Location"]).status_code == client.get(missing["Location"]).status_code == 404


def test_the_partner_list_opens_on_partners_with_a_ring_or_activity_closest_first(register, analyst, login):
    client = login(analyst)
    listed = page(client.get(reverse("register:partner-list")))
    assert [a.get_text() for a in listed.select("table.list tbody td:first-child a")] == [
        "Duitsland", "België", "Noord-Atlantische Verdragsorganisatie (NAVO)"]
    every = listed.select_one("nav.tabs a:not([aria-current])")
    assert every.get_text() == "Alle landen en organisaties"
    everything = page(client.get(reverse("register:partner-list") + every["href"]))
    assert len(everything.select("table.list tbody tr")) == 5
    # A search looks through every territory, whichever tab is open.
    found = page(client.get(reverse("register:partner-list"), {"q": "Fiji"}))
    assert [a.get_text() for a in found.select("table.list tbody td:first-child a")] == ["Fiji"]


def test_counts_beside_a_list_are_links_that_filter_it(register, analyst, login):
    client = login(analyst)
    facets = page(client.get(reverse("register:initiative-list"), {"q": "e"})).select(".facets a")
    running = next(a for a in facets if a.get_text(strip=True) == "in uitvoering")
    assert running["href"] == "?q=e&status=running"
    filtered = page(client.get(reverse("register:initiative-list") + running["href"]))
    assert [a.get_text() for a in filtered.select("table.list tbody td:first-child a")] == ["Brigade"]
    selected = filtered.select_one(".facets li.selected a")
    assert selected["href"] == "?q=e" and selected["aria-current"] == "true"


def test_facet_links_keep_the_other_filters_and_start_at_the_first_page():
    query = QueryDict("q=x&status=idea&page=3")
    facets = facet_links(query, {"status": [("idea", 2), ("running", 1)], "ring": [("", 5)]},
                         {"status": "status"})
    status, ring = facets
    assert [(i.value, i.url, i.selected) for i in status.items] == [("idea", "?q=x", True),
                                                                    ("running", "?q=x&status=running", False)]
    assert ring.param is None and ring.items[0].url == ""


def test_taking_part_in_an_initiative_puts_a_partner_in_the_first_view(register, analyst, login):
    assert "Fiji" not in page(login(analyst).get(reverse("register:partner-list"))).get_text()
    ParticipationFactory(partner=PartnerFactory(code="FJ"), initiative=InitiativeFactory(classification=3))
    assert "Fiji" in page(login(analyst).get(reverse("register:partner-list"))).get_text()
