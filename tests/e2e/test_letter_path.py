"""The whole path a letter takes, as a policy officer who knows no codes: upload it, see its metadata as read from it,
correct that and choose the classification, review it (correct a status by choosing "studie", add a partner with the
picker), accept, follow the link to the record, undo. A viewer who is sent the link to that classified record gets
IMS's own 404 page, in Dutch. And an accepted toezegging is on the toezeggingen page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ims.ingest.fields import date_in_dutch
from ims.ingest.models import ExtractedFact, IngestJob
from ims.ingest.services import documents_ingest
from ims.register.models import Commitment, Initiative, SourceDocument
from ims.register.reference import reference_load
from ims.text.meta import read_meta
from tests.db import in_db
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "browser-test-wachtwoord"


@pytest.fixture
def people(settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.IMS_TASKS = "inprocess"
    reference_load()
    UserFactory(username="beleid", role="analyst", clearance=2, password=PASSWORD)
    UserFactory(username="lezer", role="viewer", clearance=0, password=PASSWORD)


def test_a_policy_officer_takes_a_letter_from_upload_to_the_register_and_back(
        people, shared_dir, browser, logged_in, live_server, screenshot_dir):
    page = logged_in("beleid", PASSWORD)
    page.click("nav >> text=Inlezen")
    letter = shared_dir / "seeds" / "000_c506f414f3057816.txt"
    page.set_input_files("#id_documents", str(letter))
    page.click("button:has-text('Verder')")
    # The confirmation step: what the letter says of itself, prefilled; nothing is read in yet.
    page.wait_for_url(re.compile(r".*/bevestigen/[\w-]+/$"))
    meta = read_meta(letter.read_text(encoding="utf-8"))
    expect(page.locator("#id_0-title")).to_have_value(meta.subject or letter.stem)
    expect(page.locator("#id_0-date")).to_have_value(date_in_dutch(meta.date.iso()))
    assert not IngestJob.objects.exists() and not in_db(SourceDocument).exists()
    page.select_option("#id_0-classification", label="Departementaal Vertrouwelijk")
    page.fill("#id_0-title", "Brief over de samenwerking met België en Duitsland")
    page.fill("#id_0-reference", "BS2015-TEST-1")
    page.fill("#id_0-kamerstuk", "33279-99")
    page.screenshot(path=str(screenshot_dir / "letter-path-confirm.png"))
    page.click("button:has-text('Bevestigen en inlezen')")
    page.wait_for_url(re.compile(r".*/opdrachten/\d+/$"))
    expect(page.locator("#job-done")).to_be_visible(timeout=60_000)
    job = IngestJob.objects.get()
    assert job.status == "done"
    document = in_db(SourceDocument).get()
    assert (document.title, document.reference, document.kamerstuk, document.classification) == (
        "Brief over de samenwerking met België en Duitsland", "BS2015-TEST-1", "33279-99", 1)

    page.reload()
    page.click(f"a:has-text('{document.filename}')")
    expect(page.locator("h1")).to_contain_text(document.title)
    fact = in_db(ExtractedFact).filter(document=document, fact_type="initiative").order_by("start", "pk").first()
    card = page.locator(f"#fact-{fact.pk}")
    expect(card.locator("blockquote.evidence-quote")).to_contain_text(document.text[fact.start:fact.end].split()[0])
    card.locator("summary:has-text('Corrigeren')").click()
    card.locator("select[name=status]").select_option(label="studie")
    card.locator("input.partner-search").fill("Noorwegen (NO)")
    expect(card.locator("input[name=partners]")).to_have_value(re.compile(r"Noorwegen \(NO\)$"))
    card.locator("button[value=correct]").click()
    expect(page.locator(".messages")).to_contain_text("gecorrigeerd")
    page.screenshot(path=str(screenshot_dir / "letter-path-review.png"))

    initiative = in_db(Initiative).get()
    assert initiative.status == "study" and initiative.classification == 1
    assert "NO" in set(initiative.participations.values_list("partner__code", flat=True))
    page.click(".messages a")
    page.wait_for_url(f"**/initiatieven/{initiative.pk}/")
    expect(page.locator("main")).to_contain_text("studie")
    expect(page.locator("main")).to_contain_text("Noorwegen")
    record_url = page.url

    # A viewer given the link to the classified record: the IMS 404 page, in Dutch, saying nothing about why.
    viewer_context = browser.new_context(locale="nl-NL")
    viewer = viewer_context.new_page()
    viewer.goto(f"{live_server.url}/login/")
    viewer.fill("#id_username", "lezer")
    viewer.fill("#id_password", PASSWORD)
    viewer.click("button[type=submit]")
    viewer.wait_for_url(f"{live_server.url}/initiatieven/**")
    response = viewer.goto(record_url)
    assert response.status == 404
    expect(viewer.locator("h1")).to_have_text("Deze pagina is er niet")
    expect(viewer.locator("header, nav").first).to_be_visible()
    viewer_context.close()

    page.go_back()
    card = page.locator(f"#fact-{fact.pk}")
    card.locator("button[value=undo]").click()
    expect(page.locator(".messages")).to_contain_text("teruggedraaid")
    expect(page.locator(f"#fact-{fact.pk}")).to_have_class(re.compile("status-pending"))
    assert not in_db(Initiative).exists()
    fact.refresh_from_db()
    assert fact.status == "pending"


def test_an_accepted_toezegging_is_on_the_toezeggingen_page(people, shared_dir, logged_in, live_server):
    documents_ingest(paths=[shared_dir / "seeds" / "003_3c641113c2f2229c.txt"])
    document = in_db(SourceDocument).get()
    dated = [f for f in in_db(ExtractedFact).filter(document=document, fact_type="commitment").order_by("start", "pk")
             if f.payload.get("date")]
    fact = dated[0]
    page = logged_in("beleid", PASSWORD)
    page.goto(live_server.url + reverse("ingest:review", args=[document.pk]))
    page.locator(f"#fact-{fact.pk} button[value=accept]").click()
    expect(page.locator(".messages")).to_contain_text("geaccepteerd")
    commitment = in_db(Commitment).get()
    page.click(".messages a")
    page.wait_for_url(f"**{reverse('register:commitment-detail', args=[commitment.pk])}")
    page.goto(live_server.url + reverse("register:commitment-list"))
    expect(page.locator("main")).to_contain_text(commitment.subject[:40])
