"""Accepting a fact creates or updates the register record it describes, citing where it was found;
accepting the same fact from another letter matches instead of duplicating."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from ims.core.services import RegisterError
from ims.ingest.models import ExtractedFact
from ims.ingest.services import fact_accept, fact_reject, facts_accept_bulk
from ims.register.models import Agreement, DefenceSpending, Initiative, RingAssignment
from ims.register.services import document_register
from tests.db import in_db

pytestmark = pytest.mark.django_db

TEXT = ("Den Haag, 2 oktober 2019. Nederland en Duitsland tekenden een MoU. België besteedt 0,95% van het bbp. "
        "Duitsland is een strategische partner.")


@pytest.fixture
def document(reference_partners):
    return document_register(title="Brief", text=TEXT, date=dt.date(2019, 10, 2))


def make_fact(document, fact_type, payload, start=0, end=None, confidence=0.9):
    return ExtractedFact.objects.create(document=document, fact_type=fact_type, payload=payload, start=start,
                                        end=end or len(document.text), confidence=confidence)


def test_accepting_an_agreement_creates_it_with_a_citation(document, analyst):
    fact = make_fact(document, "agreement", {"kind": "MoU", "parties": ["DE", "NL"], "date": "2019-10-02",
                                             "subject": "elektronische oorlogsvoering"}, 26, 71)
    fact_accept(fact=fact, actor=analyst)
    agreement = in_db(Agreement).get()
    assert sorted(agreement.parties.values_list("code", flat=True)) == ["DE", "NL"]
    citation = agreement.citations.get()
    assert (citation.document, citation.start, citation.end) == (document, 26, 71)
    fact.refresh_from_db()
    assert (fact.status, fact.target, fact.reviewed_by) == ("accepted", f"register.agreement:{agreement.pk}", analyst)


def test_the_same_agreement_from_another_letter_is_matched_not_duplicated(document, analyst):
    payload = {"kind": "MoU", "parties": ["DE", "NL"], "date": "2019-10-02", "subject": "x"}
    fact_accept(fact=make_fact(document, "agreement", payload), actor=analyst)
    other = document_register(title="Latere brief", text="Het MoU met Duitsland van oktober 2019.")
    fact_accept(fact=make_fact(other, "agreement", {**payload, "date": "2019-10"}), actor=analyst)
    assert in_db(Agreement).count() == 1
    assert in_db(Agreement).get().citations.count() == 2


def test_an_initiative_is_matched_by_a_similar_name(document, analyst):
    fact_accept(fact=make_fact(document, "initiative", {"name": "Tactical Edge Networking", "partners": ["DE", "NL"],
                                                        "form": None, "status": "preparation"}), actor=analyst)
    fact_accept(fact=make_fact(document, "initiative", {"name": "het Tactical Edge Networking-project",
                                                        "partners": ["DE", "NL", "BE"]}, 1, 5), actor=analyst)
    initiative = in_db(Initiative).get()
    assert sorted(initiative.participations.values_list("partner__code", flat=True)) == ["BE", "DE", "NL"]


def test_a_correction_is_what_goes_into_the_register(document, analyst):
    fact = make_fact(document, "defence_spending", {"partner": "BE", "year": 2019, "amount": None, "currency": None,
                                                    "pct_gdp": 0.59, "status": "actual"})
    fact_accept(fact=fact, actor=analyst, corrections={"pct_gdp": 0.95})
    assert in_db(DefenceSpending).get(partner__code="BE").pct_gdp == Decimal("0.95")
    fact.refresh_from_db()
    assert fact.corrected and fact.payload["pct_gdp"] == 0.95


def test_a_ring_fact_opens_a_period_from_the_letter_date(document, analyst):
    fact_accept(fact=make_fact(document, "partner_ring", {"partner": "DE", "ring": "strategic", "year": 2019}),
                actor=analyst)
    period = in_db(RingAssignment).get(partner__code="DE")
    assert (period.ring, period.valid_from, period.valid_to) == ("strategic", dt.date(2019, 10, 2), None)


def test_a_rejected_fact_changes_nothing_in_the_register(document, analyst):
    fact = make_fact(document, "agreement", {"kind": "MoU", "parties": ["DE", "NL"], "date": "2019"})
    fact_reject(fact=fact, actor=analyst, note="dubbel")
    assert not in_db(Agreement).exists()
    with pytest.raises(RegisterError, match="al beoordeeld"):
        fact_accept(fact=fact, actor=analyst)


def test_a_fact_naming_an_unknown_partner_stays_pending_with_a_reason(document, analyst):
    fact = make_fact(document, "procurement", {"partner": "XX", "system": "F-35", "quantity": 9, "year": 2019})
    with pytest.raises(RegisterError, match="XX"):
        fact_accept(fact=fact, actor=analyst)
    fact.refresh_from_db()
    assert fact.status == "pending"


def test_bulk_accept_takes_only_facts_above_the_threshold(document, analyst):
    high = make_fact(document, "partner_ring", {"partner": "DE", "ring": "strategic", "year": 2019}, confidence=0.95)
    low = make_fact(document, "partner_ring", {"partner": "FR", "ring": "strategic", "year": 2019}, confidence=0.5)
    result = facts_accept_bulk(facts=[high, low], actor=analyst, min_confidence=0.9)
    assert (result.accepted, result.failed) == (1, [])
    assert list(in_db(RingAssignment).values_list("partner__code", flat=True)) == ["DE"]


def test_the_review_screen_highlights_evidence_and_takes_decisions(document, analyst, login):
    fact = make_fact(document, "agreement", {"kind": "MoU", "parties": ["DE", "NL"], "date": "2019-10-02"}, 26, 71)
    client = login(analyst)
    page = client.get(reverse("ingest:review", args=[document.pk])).content.decode()
    assert f'<mark class="evidence" data-facts="{fact.pk} ">{TEXT[26:71]}</mark>' in page
    response = client.post(reverse("ingest:fact-decide", args=[fact.pk]), {"decision": "accept"})
    assert response.status_code == 302
    assert in_db(Agreement).count() == 1


def test_viewers_have_no_review_queue(document, viewer, login):
    assert login(viewer).get(reverse("ingest:queue")).status_code == 404


def test_two_reviewers_accepting_one_fact_at_once_record_it_once(document, make_user):
    from ims.core.services import StaleEdit

    first, second = make_user(username="eerste"), make_user(username="tweede")
    fact = make_fact(document, "agreement", {"kind": "MoU", "parties": ["DE", "NL"], "date": "2019-10-02",
                                             "subject": "oefenterreinen"})
    both_saw = fact.version
    fact_accept(fact=in_db(ExtractedFact).get(pk=fact.pk), actor=first, version=both_saw)

    # The second reviewer's page still shows the fact as pending, at the version both loaded.
    stale_copy = in_db(ExtractedFact).get(pk=fact.pk)
    stale_copy.status = "pending"
    with pytest.raises(StaleEdit):
        fact_accept(fact=stale_copy, actor=second, version=both_saw)

    assert in_db(Agreement).count() == 1  # the second accept's register write was rolled back with it
    fact.refresh_from_db()
    assert (fact.reviewed_by, fact.version) == (first, both_saw + 1)


def test_the_review_page_sends_the_version_it_showed(document, analyst, login):
    fact = make_fact(document, "partner_ring", {"partner": "DE", "ring": "strategic", "date": "2019-10-02"})
    page = login(analyst).get(reverse("ingest:review", args=[document.pk])).content.decode()
    assert page.count(f'name="version" value="{fact.version}"') == 3  # accept, reject and correct


def test_without_a_reliable_confidence_band_the_review_screen_offers_no_bulk_acceptance(
    document, analyst, login, tmp_path, monkeypatch
):
    from ims.ingest import forms

    stored = tmp_path / "bulk_threshold.json"
    stored.write_text('{"threshold": 1.01}', encoding="utf-8")
    monkeypatch.setattr(forms, "BULK_THRESHOLD_FILE", stored)
    forms.default_bulk_threshold.cache_clear()
    try:
        fact = make_fact(document, "partner_ring", {"partner": "DE", "ring": "strategic", "year": 2019}, confidence=1)
        client = login(analyst)
        page = client.get(reverse("ingest:review", args=[document.pk])).content.decode()
        assert "Geen enkele zekerheidsband is betrouwbaar genoeg" in page
        assert reverse("ingest:bulk-accept", args=[document.pk]) not in page
        client.post(reverse("ingest:bulk-accept", args=[document.pk]), {"min_confidence": "0"})
        fact.refresh_from_db()
        assert fact.status == "pending"
    finally:
        forms.default_bulk_threshold.cache_clear()


def test_bulk_accept_reads_a_dutch_threshold_and_links_each_refusal_to_its_card(document, analyst, login):
    from bs4 import BeautifulSoup

    high = make_fact(document, "partner_ring", {"partner": "DE", "ring": "strategic", "year": 2019}, confidence=0.9)
    unknown = make_fact(document, "procurement", {"partner": "XX", "system": "F-35", "quantity": 9, "year": 2019},
                        confidence=0.95)
    low = make_fact(document, "partner_ring", {"partner": "FR", "ring": "strategic", "year": 2019}, confidence=0.8)
    response = login(analyst).post(reverse("ingest:bulk-accept", args=[document.pk]), {"min_confidence": "0,85"},
                                   follow=True)
    statuses = dict(in_db(ExtractedFact).values_list("pk", "status"))
    assert (statuses[high.pk], statuses[unknown.pk], statuses[low.pk]) == ("accepted", "pending", "pending")
    said = BeautifulSoup(response.content, "lxml").select(".messages li")
    assert said[0].get_text() == "1 feit geaccepteerd."
    refusal = said[1]
    assert refusal.select_one("a")["href"] == f"#fact-{unknown.pk}"
    assert refusal.get_text().startswith("Verwerving niet vastgelegd:") and "XX" in refusal.get_text()
    assert f"Feit {unknown.pk}" not in refusal.get_text()
