"""The search box in the header: type, see the hits with their snippets, open one at its place."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import expect

from ims.register import services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def register():
    services.partner_upsert(code="DE", kind="country")
    initiative = services.initiative_create(
        title="Vervanging onderzeebootcapaciteit", summary="Samen een nieuwe onderzeeboot verwerven.",
        participants=[("DE", "lead")], planned_start=dt.date(2019, 3, 1))
    letter = services.document_register(
        title="Brief over de onderzeeboten", date=dt.date(2020, 2, 1),
        text="Aanhef.\n\nDe minister meldt dat de nieuwe onderzeeboten in 2028 worden geleverd. Slot.")
    UserFactory(username="analist", role="analyst", clearance=3, password="browser-test-wachtwoord")
    return {"initiative": initiative, "letter": letter}


def test_type_see_hits_and_open_one(register, logged_in, live_server, screenshot_dir):
    page = logged_in("analist", "browser-test-wachtwoord")
    box = page.locator("header form[role=search] input[name=q]")
    box.fill("onderzeeboten")
    box.press("Enter")
    page.wait_for_url("**/zoeken/?q=onderzeeboten")
    hits = page.locator(".hit")
    expect(hits).to_have_count(2)
    expect(page.locator(".result-count")).to_have_text("2 resultaten")
    letter = hits.filter(has_text="Brief over de onderzeeboten")
    expect(letter.locator(".snippet mark")).to_have_text("onderzeeboten")
    expect(page.locator(".facets")).to_contain_text("Brondocument")
    page.screenshot(path=str(screenshot_dir / "search-results.png"), full_page=True)

    href = letter.locator(".hit-title a").get_attribute("href")
    try:
        document_page = reverse("register:document-detail", args=[register["letter"].pk])
    except NoReverseMatch:
        document_page = None
    if document_page:  # the document's page, at the snippet's place
        path, _, fragment = href.partition("#")
        start, end = (int(n) for n in fragment.removeprefix("passage-").split("-"))
        assert path.startswith(document_page) and "onderzeeboten" in register["letter"].text[start:end]
        letter.locator(".hit-title a").click()
        expect(page.locator(f"[id='{fragment}']")).to_contain_text("onderzeeboten")
        expect(page.locator("mark.passage.targeted").first).to_be_visible()
        page.go_back()
    else:  # until documents have a page: the review screen, for an analyst
        assert href == reverse("ingest:review", args=[register["letter"].pk])

    page.locator(".facets a", has_text="Initiatief").click()
    expect(page.locator(".hit")).to_have_count(1)
    page.locator(".hit-title a", has_text="Vervanging onderzeebootcapaciteit").click()
    page.wait_for_url(re.compile(rf".*/initiatieven/{register['initiative'].pk}/$"))
    expect(page.locator("h1")).to_contain_text("Vervanging onderzeebootcapaciteit")
