"""On every write path of the review queue a record the reviewer may not see is indistinguishable from a missing
one: a hidden partner's code is refused as an unknown code is, and no answer confirms a hidden record or narrows
its dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from ims.core.classification import Classification
from ims.core.services import RegisterError, record_save
from ims.ingest.models import ExtractedFact
from ims.ingest.services import fact_accept, facts_accept_bulk
from ims.register.models import (
    Agreement,
    Contribution,
    DefenceSpending,
    Initiative,
    Participation,
    Partner,
    Procurement,
    RingAssignment,
)
from ims.register.services import contribution_create, document_register, initiative_create
from ims.register.vocab import PartnerKind
from tests.db import in_db

pytestmark = pytest.mark.django_db

SECRET, LOW = Classification.SECRET, Classification.DEPARTMENTAL_CONFIDENTIAL
HIDDEN, UNKNOWN = "GEHEIM_VERBOND", "ONBEKEND_VERBOND"
TEXT = "Den Haag, 2 oktober 2019. Een brief over samenwerking met partners."


@pytest.fixture
def document(reference_partners):
    record_save(Partner(code=HIDDEN, kind=PartnerKind.ORGANISATION, name_nl="Geheim verbond",
                        name_en="Secret alliance", classification=SECRET))
    return document_register(title="Brief", text=TEXT, date=dt.date(2019, 10, 2))


@pytest.fixture
def reviewer(make_user):
    """An analyst below the secret records' classification."""
    return make_user("analyst", LOW, username="analist-laag")


def make_fact(document, fact_type, payload):
    return ExtractedFact.objects.create(document=document, fact_type=fact_type, payload=payload, start=0,
                                        end=len(document.text), confidence=0.9)


def refusal(document, reviewer, fact_type, payload, corrections=None) -> str:
    fact = make_fact(document, fact_type, payload)
    with pytest.raises(RegisterError) as caught:
        fact_accept(fact=fact, actor=reviewer, corrections=corrections)
    fact.refresh_from_db()
    assert fact.status == "pending"
    return str(caught.value)


# Each fact type that names partners, with the partner field set to ``code``.
PAYLOADS = {
    "partner_ring": lambda code: {"partner": code, "ring": "strategic", "year": 2019},
    "agreement": lambda code: {"kind": "MoU", "parties": sorted(["NL", code]), "date": "2019-10-02"},
    "defence_spending": lambda code: {"partner": code, "year": 2019, "status": "actual", "pct_gdp": 1.2},
    "contribution": lambda code: {"operation": "Resolute Support", "year": 2019, "partners": [code]},
    "procurement": lambda code: {"partner": code, "system": "F-35", "quantity": 2, "year": 2019},
    "initiative": lambda code: {"name": "Gezamenlijke vorming", "partners": ["DE", code]},
}


@pytest.mark.parametrize("fact_type", list(PAYLOADS))
def test_a_hidden_partners_code_is_refused_as_an_unknown_code_is(document, reviewer, fact_type):
    unknown = refusal(document, reviewer, fact_type, PAYLOADS[fact_type](UNKNOWN))
    hidden = refusal(document, reviewer, fact_type, PAYLOADS[fact_type](HIDDEN))
    assert hidden == unknown.replace(UNKNOWN, HIDDEN)
    secret = in_db(Partner).get(code=HIDDEN)
    assert not in_db(Participation).filter(partner=secret).exists()
    assert not in_db(RingAssignment).filter(partner=secret).exists()
    assert not in_db(Agreement).filter(parties=secret).exists()
    assert not in_db(Contribution).filter(partners=secret).exists()


def test_correcting_the_partners_of_a_matched_record_to_a_hidden_code_is_refused_as_an_unknown_code(
    document, reviewer
):
    initiative_create(title="Gezamenlijke vorming", participants=[("DE", "participant")])
    contribution_create(operation="Resolute Support", year=2019, partners=["DE"])
    for fact_type, field in (("initiative", "partners"), ("contribution", "partners")):
        payload = PAYLOADS[fact_type]("BE")
        unknown = refusal(document, reviewer, fact_type, payload, corrections={field: [UNKNOWN]})
        hidden = refusal(document, reviewer, fact_type, payload, corrections={field: [HIDDEN]})
        assert hidden == unknown.replace(UNKNOWN, HIDDEN)
    assert list(in_db(Initiative).get().participations.values_list("partner__code", flat=True)) == ["DE"]
    assert list(in_db(Contribution).get().partners.values_list("code", flat=True)) == ["DE"]


def test_the_review_screens_correction_answers_alike_for_a_hidden_and_an_unknown_code(document, reviewer, login):
    client = login(reviewer)
    answers = []
    for code in (UNKNOWN, HIDDEN):
        fact = make_fact(document, "initiative", PAYLOADS["initiative"]("DE"))
        response = client.post(reverse("ingest:fact-decide", args=[fact.pk]),
                               {"decision": "correct", "version": fact.version, "name": "Gezamenlijke vorming",
                                "partners": f"DE {code}"}, follow=True)
        card = BeautifulSoup(response.content.decode(), "lxml").select_one(f"#fact-{fact.pk}")
        answers.append([e.get_text().replace(code, "CODE") for e in card.select(".error")])
    assert answers[0] == answers[1] and "Onbekende partner: CODE." in answers[0][-1]
    assert not in_db(Participation).filter(partner__code=HIDDEN).exists()


def test_a_hidden_spending_figure_is_neither_confirmed_nor_changed(document, reviewer):
    payload = {"partner": "BE", "year": 2019, "status": "actual", "pct_gdp": 0.95}
    hidden = record_save(DefenceSpending(partner=in_db(Partner).get(code="BE"), year=2019, status="actual",
                                         pct_gdp=Decimal("1.50"), classification=SECRET))
    fact = make_fact(document, "defence_spending", payload)
    fact_accept(fact=fact, actor=reviewer)  # as if the hidden figure were not there: recorded at the fact's level
    fact.refresh_from_db()
    made = in_db(DefenceSpending).get(pk=fact.target.rsplit(":", 1)[1])
    assert (made.classification, made.pct_gdp) == (Classification.UNCLASSIFIED, Decimal("0.95"))
    stored = in_db(DefenceSpending).get(pk=hidden.pk)
    assert (stored.pct_gdp, stored.version) == (Decimal("1.50"), hidden.version)


def test_a_visible_figure_a_classified_fact_may_not_change_is_refused_without_changing_it(document, make_user):
    cleared = make_user("analyst", SECRET, username="analist-hoog")
    visible = record_save(DefenceSpending(partner=in_db(Partner).get(code="BE"), year=2019, status="actual",
                                          pct_gdp=Decimal("0.90")))
    secret_letter = record_save(ExtractedFact(document=document, fact_type="defence_spending", start=0, end=5,
                                              confidence=0.9, classification=SECRET,
                                              payload={"partner": "BE", "year": 2019, "status": "actual",
                                                       "pct_gdp": 0.95}))
    with pytest.raises(RegisterError, match="lager gerubriceerd"):
        fact_accept(fact=secret_letter, actor=cleared)
    assert in_db(DefenceSpending).get(pk=visible.pk).pct_gdp == Decimal("0.90")


def _period(code: str, ring: str, start: dt.date, end: dt.date | None = None, level: int = 0) -> RingAssignment:
    return record_save(RingAssignment(partner=in_db(Partner).get(code=code), ring=ring, valid_from=start,
                                      valid_to=end, classification=level))


def test_a_hidden_ring_period_stands_in_no_ones_way_and_is_left_alone(document, reviewer):
    """Ring periods are layered by classification (ims.register.ring_layers): a fact goes into its own layer,
    so a hidden period answers exactly as a missing one (the fact is accepted) and is never changed, while a
    later period the reviewer can see is refused without naming its dates."""
    hidden_later = _period("PL", "strategic", dt.date(2020, 3, 1), level=SECRET)
    _period("CZ", "strategic", dt.date(2020, 3, 1))  # visible, later
    hidden_in_force = _period("HU", "strategic", dt.date(2015, 1, 1), level=SECRET)
    for code in ("PL", "HU", "SK"):  # SK has no period at all
        fact = make_fact(document, "partner_ring", {"partner": code, "ring": "affiliated", "year": 2019})
        fact_accept(fact=fact, actor=reviewer)
        added = in_db(RingAssignment).get(partner__code=code, classification=0)
        assert (added.ring, added.valid_to) == ("affiliated", None)
    answer = refusal(document, reviewer, "partner_ring", {"partner": "CZ", "ring": "affiliated", "year": 2019})
    for leak in ("gerubriceerd", "2020", "Stg", "geheim"):
        assert leak not in answer.lower()
    for period in (hidden_later, hidden_in_force):
        stored = in_db(RingAssignment).get(pk=period.pk)
        assert (stored.valid_from, stored.valid_to, stored.version) == (period.valid_from, None, period.version)


def test_bulk_acceptance_gives_the_same_reasons_for_hidden_and_unknown_codes(document, reviewer):
    facts = [make_fact(document, "procurement", PAYLOADS["procurement"](code)) for code in (UNKNOWN, HIDDEN)]
    result = facts_accept_bulk(facts=facts, actor=reviewer)
    assert result.accepted == 0
    reasons = [reason.replace(code, "CODE") for (_, reason), code in zip(result.failed, (UNKNOWN, HIDDEN),
                                                                         strict=True)]
    assert reasons[0] == reasons[1]
    assert not in_db(Procurement).exists()
