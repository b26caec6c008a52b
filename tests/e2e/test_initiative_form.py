"""A policy officer creates an initiative with a participant and a milestone through the form, and finds them
on the initiative's page and in its history; then follows a citation to the quoted passage."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from ims.register import services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "browser-test-wachtwoord"


@pytest.fixture
def officer():
    for code in ("DE", "BE"):
        services.partner_upsert(code=code, kind="country")
    UserFactory(username="beleidsmedewerker", role="analyst", clearance=1, password=PASSWORD)


def test_create_an_initiative_with_a_participant_and_a_milestone(officer, logged_in, screenshot_dir):
    page = logged_in("beleidsmedewerker", PASSWORD)
    page.click("text=Nieuw initiatief")
    page.wait_for_url("**/initiatieven/nieuw/")
    page.fill("#id_title", "Gezamenlijke kustwacht")
    page.select_option("#id_status", label="studie")
    page.select_option("#id_participations-0-partner", label="Duitsland")
    page.select_option("#id_participations-0-role", label="lead nation of coördinator")
    page.fill("#id_milestones-0-title", "Haalbaarheidsstudie gereed")
    page.fill("#id_milestones-0-due_on", "2027-06-30")
    page.screenshot(path=str(screenshot_dir / "initiative-form.png"), full_page=True)
    page.click("button[type=submit].primary")

    page.wait_for_url("**/initiatieven/*/")
    expect(page.locator("h1")).to_have_text("Gezamenlijke kustwacht")
    facts = page.locator(".facts").first
    expect(facts).to_contain_text("Duitsland")
    expect(page.locator("text=Haalbaarheidsstudie gereed")).to_be_visible()
    expect(page.locator("text=30 juni 2027")).to_be_visible()

    page.click(".tabs >> text=Geschiedenis")
    page.wait_for_url("**/geschiedenis/")
    history = page.locator(".history-entries")
    expect(history).to_contain_text("beleidsmedewerker")
    expect(history).to_contain_text("Deelname: Duitsland")
    expect(history).to_contain_text("Mijlpaal: Haalbaarheidsstudie gereed")
    expect(history).to_contain_text("studie")


def test_a_citation_opens_the_letter_at_the_quoted_passage(officer, logged_in):
    letter = services.document_register(title="Kamerbrief kustwacht", text="Aanhef. De minister zegt toe de Kamer "
                                        "in juni te informeren. Slot.", date=dt.date(2026, 2, 1))
    promise = "De minister zegt toe de Kamer in juni te informeren."
    start = letter.text.index(promise)
    citation = services.citation_get_or_create(document=letter, start=start, end=start + len(promise))
    services.commitment_create(subject="Informeren over de kustwacht", made_on=dt.date(2026, 2, 1),
                               due_on=dt.date(2026, 6, 30), citations=[citation])
    page = logged_in("beleidsmedewerker", PASSWORD)
    page.click("nav.mainnav >> text=Toezeggingen")
    page.click("a.cite")
    page.wait_for_url(f"**/documenten/{letter.pk}/#passage-{start}-{start + len(promise)}")
    target = page.locator(f"#passage-{start}-{start + len(promise)}")
    expect(target).to_have_text(promise)
    expect(target).to_have_class("passage evidence targeted")
