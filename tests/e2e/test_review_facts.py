"""An analyst reads a letter in, sees the facts beside the highlighted text, and accepts, corrects and
rejects them; what was accepted is in the register with its citation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ims.ingest.models import ExtractedFact
from ims.ingest.services import documents_ingest
from ims.register.models import Citation
from ims.register.reference import reference_load
from tests.db import in_db
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def letter_in_queue(shared_dir):
    reference_load()
    UserFactory(username="analist", role="analyst", clearance=3, password="browser-test-wachtwoord")
    outcome = documents_ingest(paths=[shared_dir / "seeds" / "004_4484bafba4789bf3.txt"])[0]
    return outcome.document


def test_accept_correct_and_reject_in_the_review_screen(letter_in_queue, logged_in, live_server, screenshot_dir):
    page = logged_in("analist", "browser-test-wachtwoord")
    page.click("nav >> text=Inlezen")
    page.click(f"text={letter_in_queue.title}")
    expect(page.locator("h1")).to_contain_text(letter_in_queue.title)
    # The page is long; the heading can be on screen before its last cards are parsed, so the count is
    # awaited rather than read once.
    expected = in_db(ExtractedFact).filter(document=letter_in_queue).count()
    assert expected > 10
    expect(page.locator("section.fact")).to_have_count(expected)
    expect(page.locator("mark.evidence").first).to_be_visible()

    ring = in_db(ExtractedFact).filter(document=letter_in_queue, fact_type="partner_ring").order_by("pk").first()
    card = page.locator(f"#fact-{ring.pk}")
    card.locator("h3").click()
    expect(page.locator("mark.evidence.active").first).to_be_visible()
    card.locator("button[value=accept]").click()
    expect(page.locator(".messages")).to_contain_text("geaccepteerd")
    expect(page.locator(f"#fact-{ring.pk}")).to_have_class(re.compile("status-accepted"))

    spending = in_db(ExtractedFact).filter(document=letter_in_queue, fact_type="defence_spending").order_by("pk")[0]
    card = page.locator(f"#fact-{spending.pk}")
    card.locator("summary:has-text('Corrigeren')").click()
    card.locator("input[name=pct_gdp]").fill("1,23")
    card.locator("button[value=correct]").click()
    expect(page.locator(".messages")).to_contain_text("gecorrigeerd")

    doubtful = in_db(ExtractedFact).filter(document=letter_in_queue, status="pending").order_by("-pk").first()
    card = page.locator(f"#fact-{doubtful.pk}")
    card.locator("input[name=note]").fill("geen feit")
    card.locator("button[value=reject]").click()
    expect(page.locator(".messages")).to_contain_text("afgewezen")
    page.screenshot(path=str(screenshot_dir / "review.png"))

    decided = in_db(ExtractedFact).filter(pk__in=[ring.pk, spending.pk, doubtful.pk])
    statuses = dict(decided.values_list("pk", "status"))
    assert statuses == {ring.pk: "accepted", spending.pk: "accepted", doubtful.pk: "rejected"}
    corrected = in_db(ExtractedFact).get(pk=spending.pk)
    assert corrected.corrected and corrected.payload["pct_gdp"] == 1.23
    assert in_db(Citation).filter(document=letter_in_queue, start=ring.start, end=ring.end).exists()
