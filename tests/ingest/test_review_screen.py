"""The review screen for someone who knows no codes: values in Dutch, typed corrections whose errors sit on their
field, a link to what an accept recorded, and undo of a decision through the audit trail."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from ims.core.audit import AuditEntry
from ims.core.services import RegisterError, record_save
from ims.ingest.correction import Partners, dutch_number
from ims.ingest.models import ExtractedFact
from ims.ingest.services import fact_accept, fact_reject
from ims.ingest.undo import fact_undo
from ims.register.models import Agreement, Citation, Initiative, Participation, RingAssignment
from ims.register.services import document_register, initiative_create, ring_assign
from tests.db import in_db

pytestmark = pytest.mark.django_db

TEXT = ("Den Haag, 2 oktober 2019. Nederland en Noorwegen starten het initiatief Noordelijke Sensoren. "
        "Duitsland besteedt 4,9 miljard euro, 0,95% van het bbp. Duitsland is een strategische partner.")

SPENT = (TEXT.index("Duitsland besteedt"), TEXT.index("bbp.") + 4)


@pytest.fixture
def document(reference_partners):
    return document_register(title="Brief", text=TEXT, date=dt.date(2019, 10, 2))


def make_fact(document, fact_type, payload, start=26, end=95):
    return ExtractedFact.objects.create(document=document, fact_type=fact_type, payload=payload, start=start,
                                        end=end, confidence=0.8)


def card(html: str, fact) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml").select_one(f"#fact-{fact.pk}")


INITIATIVE = {"name": "Noordelijke Sensoren", "partners": ["NL"], "form": None, "status": "idea"}


def test_values_are_shown_in_dutch_with_the_quoted_evidence(document, analyst, login):
    spending = make_fact(document, "defence_spending", {"partner": "DE", "year": 2019, "amount": 4900000000,
                                                        "currency": "EUR", "pct_gdp": 0.95, "status": "actual"},
                         *SPENT)
    spending.rule = "spending.amount"
    spending.save()
    initiative = make_fact(document, "initiative", {**INITIATIVE, "form": "integrated_operational"})
    html = login(analyst).get(reverse("ingest:review", args=[document.pk])).content.decode()
    # The extraction rule is there for whoever reports a misread fact, folded away: not part of what is read.
    rule = card(html, spending).select_one("details.rule")
    assert not rule.has_attr("open") and "spending.amount" in rule.get_text()
    shown_card = card(html, spending)
    shown_card.select_one("details.rule").decompose()
    shown = shown_card.get_text(" ")
    assert "4.900.000.000" in shown and "0,95 %" in shown and "gerealiseerd" in shown and "Duitsland" in shown
    assert "actual" not in shown and "Tekens" not in shown and "spending." not in shown
    assert f"“{TEXT[SPENT[0]:SPENT[1]]}”" in shown
    shown = card(html, initiative).get_text(" ")
    assert "geïntegreerd" in shown.lower() and "integrated_operational" not in shown and "idee" in shown


def test_the_correction_form_offers_menus_and_a_partner_picker(document, analyst, login):
    fact = make_fact(document, "initiative", INITIATIVE)
    html = login(analyst).get(reverse("ingest:review", args=[document.pk])).content.decode()
    form = card(html, fact).select_one("form.correct")
    status = form.select_one("select[name=status]")
    assert [o.get_text() for o in status.select("option")][:3] == ["(onbekend)", "idee", "studie"]
    assert form.select_one("input[name=partners]")["data-partner-picker"] == "many"
    assert form.select_one("input[name=partners]")["value"] == "Nederland (NL)"
    assert BeautifulSoup(html, "lxml").select_one("#partner-names option[value='Noorwegen (NO)']")


def test_correcting_a_status_with_its_dutch_word_records_it(document, analyst, login):
    fact = make_fact(document, "initiative", INITIATIVE)
    response = login(analyst).post(reverse("ingest:fact-decide", args=[fact.pk]), {
        "decision": "correct", "version": fact.version, "name": "Noordelijke Sensoren", "partners": "NL, NO",
        "form": "", "status": "studie"})
    assert response.status_code == 302
    initiative = in_db(Initiative).get()
    assert initiative.status == "study"
    assert sorted(initiative.participations.values_list("partner__code", flat=True)) == ["NL", "NO"]


def test_a_correction_applies_to_the_initiative_the_fact_matched(document, analyst, login):
    existing = initiative_create(title="Noordelijke Sensoren", status="idea", participants=[("NL", "participant")],
                                 actor=analyst)
    fact = make_fact(document, "initiative", INITIATIVE)
    response = login(analyst).post(reverse("ingest:fact-decide", args=[fact.pk]), {
        "decision": "correct", "version": fact.version, "name": "Noordelijke Sensoren", "partners": "NL",
        "status": "studie"}, follow=True)
    existing.refresh_from_db()
    assert existing.status == "study" and in_db(Initiative).count() == 1
    # The card and the record say the same: the status the reviewer chose.
    assert "studie" in card(response.content.decode(), fact).select_one("dl.facts").get_text()
    page = BeautifulSoup(login(analyst).get(reverse("register:initiative-detail", args=[existing.pk])).content,
                         "lxml")
    assert "studie" in page.select_one("main").get_text() and "idee" not in page.select_one("main").get_text()


def test_an_unknown_partner_is_an_error_on_the_partner_field(document, analyst, login):
    fact = make_fact(document, "initiative", INITIATIVE)
    response = login(analyst).post(reverse("ingest:fact-decide", args=[fact.pk]), {
        "decision": "correct", "version": fact.version, "name": "Noordelijke Sensoren", "partners": "NL, QQ",
        "status": "idea"})
    assert response.status_code == 400
    field = card(response.content.decode(), fact).select_one("form.correct input[name=partners]").parent
    assert "Onbekende partner: QQ" in field.select_one("[data-field-error]").get_text()
    assert card(response.content.decode(), fact).select_one("details")["open"] is not None
    assert not in_db(Initiative).exists()


def test_partners_are_read_from_codes_names_and_alpha3():
    partners = Partners({"NL": "Nederland", "NO": "Noorwegen", "GB": "Verenigd Koninkrijk", "DE": "Duitsland"})
    assert partners.parse("NL, NO") == (["NL", "NO"], [])
    assert partners.parse("nl no") == (["NL", "NO"], [])
    assert partners.parse("Verenigd Koninkrijk; DEU, Noorwegen (NO)") == (["GB", "DE", "NO"], [])
    assert partners.parse("NL, US") == (["NL"], ["US"])
    assert partners.parse("NL US") == ([], ["US"])


def test_numbers_are_read_as_dutch_readers_write_them():
    assert dutch_number("4.900.000.000") == 4_900_000_000
    assert dutch_number("4,9 miljard") == 4_900_000_000
    assert dutch_number("0,95 %") == dutch_number("0.95")
    with pytest.raises(ValueError):
        dutch_number("veel")


def test_a_bad_date_is_an_error_on_the_date_field(document, analyst, login):
    fact = make_fact(document, "agreement", {"kind": "MoU", "parties": ["DE", "NL"], "date": "2019-10-02"})
    response = login(analyst).post(reverse("ingest:fact-decide", args=[fact.pk]), {
        "decision": "correct", "version": fact.version, "kind": "MoU", "parties": "DE NL", "date": "31-02-2019"})
    field = card(response.content.decode(), fact).select_one("input[name=date]").parent
    assert "Geen datum" in field.get_text()
    response = login(analyst).post(reverse("ingest:fact-decide", args=[fact.pk]), {
        "decision": "correct", "version": fact.version, "kind": "MoU", "parties": "DE NL", "date": "mei 2019"})
    assert response.status_code == 302
    assert in_db(Agreement).get().signed_on == dt.date(2019, 5, 1)


def test_the_success_message_links_to_the_record(document, analyst, login):
    fact = make_fact(document, "initiative", INITIATIVE)
    client = login(analyst)
    response = client.post(reverse("ingest:fact-decide", args=[fact.pk]), {"decision": "accept"}, follow=True)
    initiative = in_db(Initiative).get()
    link = BeautifulSoup(response.content.decode(), "lxml").select_one(".messages a")
    assert link["href"] == reverse("register:initiative-detail", args=[initiative.pk])
    assert "Noordelijke Sensoren" in link.get_text()
    assert card(response.content.decode(), fact).select_one(".recorded a")["href"] == link["href"]


def test_undo_of_an_accept_takes_back_what_it_created_and_says_so_in_the_audit_trail(document, analyst, login):
    fact = make_fact(document, "initiative", {**INITIATIVE, "partners": ["NL", "NO"]})
    fact_accept(fact=fact, actor=analyst, corrections={"status": "study"})
    assert in_db(Initiative).count() == 1 and in_db(Citation).count() == 1
    before = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first()
    fact.refresh_from_db()
    response = login(analyst).post(reverse("ingest:fact-decide", args=[fact.pk]),
                                   {"decision": "undo", "version": fact.version})
    assert response.status_code == 302
    assert not in_db(Initiative).exists() and not in_db(Participation).exists() and not in_db(Citation).exists()
    fact.refresh_from_db()
    assert (fact.status, fact.target, fact.payload["status"], fact.corrected) == ("pending", "", "idea", False)
    undone = AuditEntry.objects.filter(id__gt=before).exclude(action="login")
    assert set(undone.values_list("action", flat=True)) == {"delete", "update"}
    assert undone.filter(object_type="register.initiative", action="delete").exists()
    fact_accept(fact=fact, actor=analyst)  # and it can be decided again
    assert in_db(Initiative).get().status == "idea"


def test_undo_of_an_accept_restores_a_record_it_changed(document, analyst):
    ring_assign(partner=_partner("DE"), ring="affiliated", valid_from=dt.date(2015, 1, 1), actor=analyst)
    fact = make_fact(document, "partner_ring", {"partner": "DE", "ring": "strategic", "year": 2019})
    fact_accept(fact=fact, actor=analyst)
    assert in_db(RingAssignment).count() == 2
    fact_undo(fact=fact, actor=analyst)
    period = in_db(RingAssignment).get()
    assert (period.ring, period.valid_to) == ("affiliated", None)


def test_undo_is_refused_when_the_record_changed_since(document, analyst):
    fact = make_fact(document, "initiative", INITIATIVE)
    fact_accept(fact=fact, actor=analyst)
    initiative = in_db(Initiative).get()
    initiative.summary = "Later aangevuld."
    record_save(initiative, actor=analyst)
    with pytest.raises(RegisterError, match="na dit besluit gewijzigd"):
        fact_undo(fact=fact, actor=analyst)
    assert in_db(Initiative).filter(summary="Later aangevuld.").exists()
    fact.refresh_from_db()
    assert fact.status == "accepted"


def test_undo_of_a_reject_puts_the_fact_back(document, analyst, login):
    fact = make_fact(document, "initiative", INITIATIVE)
    fact_reject(fact=fact, actor=analyst, note="geen feit")
    fact.refresh_from_db()
    response = login(analyst).post(reverse("ingest:fact-decide", args=[fact.pk]),
                                   {"decision": "undo", "version": fact.version}, follow=True)
    assert "Afwijzing teruggedraaid" in response.content.decode()
    fact.refresh_from_db()
    assert (fact.status, fact.note) == ("pending", "")


def _partner(code):
    from ims.register.models import Partner

    return in_db(Partner).get(code=code)


def test_an_older_ring_fact_is_offered_to_a_bia_member_and_fitted_in_on_confirmation(document, make_user, login):
    bia = make_user("bia_member", 3, username="bia")
    ring_assign(partner=_partner("DE"), ring="affiliated", valid_from=dt.date(2021, 1, 1), actor=bia)
    fact = make_fact(document, "partner_ring", {"partner": "DE", "ring": "strategic", "year": 2019})
    client = login(bia)
    response = client.post(reverse("ingest:fact-decide", args=[fact.pk]), {"decision": "accept"})
    shown = card(response.content.decode(), fact)
    assert "vóór de laatste wijziging" in shown.get_text() and shown.select_one("input[name=confirmed]")
    assert in_db(RingAssignment).count() == 1
    client.post(reverse("ingest:fact-decide", args=[fact.pk]), {"decision": "accept", "confirmed": "on"})
    periods = list(in_db(RingAssignment).order_by("valid_from").values_list("ring", "valid_from", "valid_to"))
    assert periods == [("strategic", dt.date(2019, 10, 2), dt.date(2021, 1, 1)),
                       ("affiliated", dt.date(2021, 1, 1), None)]
    assert in_db(RingAssignment).get(ring="strategic").citations.count() == 1


def test_an_older_ring_fact_tells_a_policy_officer_who_can_fit_it_in(document, analyst, login):
    ring_assign(partner=_partner("DE"), ring="affiliated", valid_from=dt.date(2021, 1, 1), actor=analyst)
    fact = make_fact(document, "partner_ring", {"partner": "DE", "ring": "strategic", "year": 2019})
    response = login(analyst).post(reverse("ingest:fact-decide", args=[fact.pk]), {"decision": "accept"})
    said = " ".join(card(response.content.decode(), fact).select_one("[data-card-error]").get_text().split())
    assert "ligt vóór een later vastgelegde schilindeling" in said
    assert re.search(r"Alleen een BIA-lid kan een schilindeling in de geschiedenis invoegen: laat dit feit staan "
                     r"voor een BIA-lid, of wijs het af\.", said)
    assert "handmatig" not in said  # nothing the officer could do by hand: the register has no such form for them
    fact.refresh_from_db()
    assert fact.status == "pending"


def test_a_corrected_older_ring_fact_is_confirmed_with_its_correction(document, make_user, login):
    bia = make_user("bia_member", 3, username="bia")
    ring_assign(partner=_partner("DE"), ring="affiliated", valid_from=dt.date(2021, 1, 1), actor=bia)
    fact = make_fact(document, "partner_ring", {"partner": "DE", "ring": "affiliated", "year": 2019})
    client = login(bia)
    corrected = {"decision": "correct", "partner": "DE", "ring": "strategic", "year": "2019"}
    response = client.post(reverse("ingest:fact-decide", args=[fact.pk]), corrected)
    confirm = card(response.content.decode(), fact).select_one(".confirm form")
    sent = {i["name"]: i.get("value", "") for i in confirm.select("input[type=hidden]")}
    assert sent["ring"] == "strategic" and confirm.select_one("button")["value"] == "correct"
    client.post(reverse("ingest:fact-decide", args=[fact.pk]), {**corrected, "confirmed": "on"})
    assert in_db(RingAssignment).get(valid_from=dt.date(2019, 10, 2)).ring == "strategic"


def test_undo_of_an_accept_that_joined_a_record_takes_back_the_partners_and_citation_it_added(document, analyst):
    first = make_fact(document, "initiative", {**INITIATIVE, "partners": ["NL"]})
    fact_accept(fact=first, actor=analyst)
    initiative = in_db(Initiative).get()
    second = make_fact(document, "initiative", {**INITIATIVE, "partners": ["NL", "NO"]}, start=96, end=150)
    fact_accept(fact=second, actor=analyst)
    assert set(initiative.participants.values_list("code", flat=True)) == {"NL", "NO"}
    assert initiative.citations.count() == 2

    second.refresh_from_db()
    fact_undo(fact=second, actor=analyst, version=second.version)

    initiative.refresh_from_db()
    assert set(initiative.participants.values_list("code", flat=True)) == {"NL"}
    assert initiative.citations.count() == 1
    first.refresh_from_db()
    assert first.status == "accepted" and first.target == f"register.initiative:{initiative.pk}"


def test_a_fact_missing_a_value_names_the_field_as_the_correction_form_does(document, analyst, login):
    fact = make_fact(document, "initiative", {"partners": ["NL"], "status": "idea"})
    response = login(analyst).post(reverse("ingest:fact-decide", args=[fact.pk]),
                                   {"decision": "accept", "version": fact.version})
    assert response.status_code == 400
    said = card(response.content.decode(), fact).select_one("[data-card-error]").get_text()
    assert "Vul ‘naam’ in via Corrigeren." in said and "'name'" not in said
    assert not in_db(Initiative).exists()


# One fact of every type, with every field filled as the extractor writes it.
EVERY_TYPE = {
    "partner_ring": {"partner": "DE", "ring": "strategic", "year": 2019},
    "agreement": {"kind": "DOI", "parties": ["DE", "NL"], "date": "2019-05-21", "subject": "materieel"},
    "defence_spending": {"partner": "DE", "year": 2019, "amount": 4900000000, "currency": "EUR", "pct_gdp": 0.95,
                         "status": "actual"},
    "contribution": {"operation": "Resolute Support", "location": "AF", "year": 2019, "personnel": 1200,
                     "partners": ["DE", "NL"]},
    "procurement": {"partner": "DE", "system": "Boxer", "quantity": 12, "year": 2019},
    "commitment": {"member": "Segers", "subject": "een brief over de evaluatie", "date": "2019-10"},
    "initiative": {**INITIATIVE, "form": "integrated_operational"},
}


def test_each_correction_form_sent_back_unchanged_is_valid_and_changes_nothing(document, analyst, login):
    """What the form shows (labels, names, 4.900.000.000, 0,95, 1.200, 21 mei 2019) reads back as the same
    values: a reviewer who corrects one field never has to retype the others."""
    facts = {kind: make_fact(document, kind, payload) for kind, payload in EVERY_TYPE.items()}
    html = login(analyst).get(reverse("ingest:review", args=[document.pk])).content.decode()
    for kind, fact in facts.items():
        form = card(html, fact).select_one("form.correct")
        sent = {}
        for control in form.select("input[name], select[name]"):
            if control.name == "select":
                chosen = control.select_one("option[selected]")
                sent[control["name"]] = chosen["value"] if chosen else ""
            else:
                sent[control["name"]] = control.get("value", "")
        shown = {name: value for name, value in sent.items() if name not in ("csrfmiddlewaretoken", "version")}
        assert "4900000000" not in shown.values() and "0.95" not in shown.values() and "1200" not in shown.values()
        response = login(analyst).post(reverse("ingest:fact-decide", args=[fact.pk]),
                                       {**sent, "decision": "correct"})
        assert response.status_code == 302, (kind, shown)
        fact.refresh_from_db()
        assert (fact.status, fact.corrected, fact.payload) == ("accepted", False, EVERY_TYPE[kind]), kind


def test_counts_and_currencies_are_taken_as_typed(document, analyst, login):
    fact = make_fact(document, "contribution", EVERY_TYPE["contribution"])
    login(analyst).post(reverse("ingest:fact-decide", args=[fact.pk]), {
        "decision": "correct", "operation": "Resolute Support", "location": "Afghanistan", "year": "2019",
        "personnel": "1.250", "partners": "Duitsland, NL"})
    fact.refresh_from_db()
    assert (fact.payload["personnel"], fact.payload["location"]) == (1250, "AF")
    spending = make_fact(document, "defence_spending", EVERY_TYPE["defence_spending"], *SPENT)
    response = login(analyst).post(reverse("ingest:fact-decide", args=[spending.pk]), {
        "decision": "correct", "partner": "DE", "year": "2019", "amount": "4,9 miljard", "currency": "eur",
        "pct_gdp": "1,2 %", "status": "gerealiseerd"})
    assert response.status_code == 302
    spending.refresh_from_db()
    assert {k: spending.payload[k] for k in ("amount", "currency", "pct_gdp")} == {
        "amount": 4_900_000_000, "currency": "EUR", "pct_gdp": 1.2}
    half = make_fact(document, "procurement", EVERY_TYPE["procurement"])
    response = login(analyst).post(reverse("ingest:fact-decide", args=[half.pk]), {
        "decision": "correct", "partner": "DE", "system": "Boxer", "quantity": "2,5", "year": "2019"})
    field = card(response.content.decode(), half).select_one("input[name=quantity]").parent
    assert "Geef een heel getal, zoals 1.200." in field.select_one("[data-field-error]").get_text()


def test_a_reason_too_long_for_a_rejection_is_said_on_the_card_and_nothing_is_decided(document, analyst, login):
    fact = make_fact(document, "initiative", INITIATIVE)
    response = login(analyst).post(reverse("ingest:fact-decide", args=[fact.pk]),
                                   {"decision": "reject", "version": fact.version, "note": "x" * 501})
    assert response.status_code == 400
    said = card(response.content.decode(), fact).select_one("[data-card-error]").get_text()
    assert said.startswith("Niet afgewezen: ") and "500" in said
    fact.refresh_from_db()
    assert (fact.status, fact.note) == ("pending", "")


def test_undo_of_an_older_ring_fact_fitted_into_the_history_gives_the_history_back(document, make_user, login):
    bia = make_user("bia_member", 3, username="bia")
    ring_assign(partner=_partner("DE"), ring="affiliated", valid_from=dt.date(2015, 1, 1), actor=bia)
    ring_assign(partner=_partner("DE"), ring="strategic", valid_from=dt.date(2021, 1, 1), actor=bia)
    history = list(in_db(RingAssignment).order_by("valid_from").values_list("ring", "valid_from", "valid_to"))
    fact = make_fact(document, "partner_ring", {"partner": "DE", "ring": "opportunity", "year": 2019})
    client = login(bia)
    client.post(reverse("ingest:fact-decide", args=[fact.pk]), {"decision": "accept", "confirmed": "on"})
    fitted = list(in_db(RingAssignment).order_by("valid_from").values_list("ring", "valid_from", "valid_to"))
    assert fitted == [("affiliated", dt.date(2015, 1, 1), dt.date(2019, 10, 2)),
                      ("opportunity", dt.date(2019, 10, 2), dt.date(2021, 1, 1)),
                      ("strategic", dt.date(2021, 1, 1), None)]
    fact.refresh_from_db()
    response = client.post(reverse("ingest:fact-decide", args=[fact.pk]),
                           {"decision": "undo", "version": fact.version})
    assert response.status_code == 302
    assert list(in_db(RingAssignment).order_by("valid_from").values_list("ring", "valid_from", "valid_to")) == history
    fact.refresh_from_db()
    assert fact.status == "pending"
