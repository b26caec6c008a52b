"""A small register with one open and one Stg. Confidentieel record of every kind, and API clients per user."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from ims.accounts.models import Role
from ims.core.classification import Classification
from ims.core.services import record_link
from ims.register import models, services
from ims.register.services import GoalInput
from tests.factories import (
    FrameworkFactory,
    InitiativeFactory,
    ParticipationFactory,
    PartnerFactory,
    RingAssignmentFactory,
    SourceDocumentFactory,
)

CONF = Classification.CONFIDENTIAL
SECRET_TITLE = "Geheime samenwerking Noordflank"


@dataclass
class Register:
    germany: models.Partner
    belgium: models.Partner
    hidden_partner: models.Partner
    nato: models.Partner
    shown: models.Initiative
    other: models.Initiative
    hidden: models.Initiative
    letter: models.SourceDocument
    secret_note: models.SourceDocument
    agreement: models.Agreement
    hidden_agreement: models.Agreement
    contribution: models.Contribution
    hidden_contribution: models.Contribution
    spending: models.DefenceSpending
    hidden_spending: models.DefenceSpending
    commitment: models.Commitment
    hidden_commitment: models.Commitment
    milestone: models.Milestone
    hidden_milestone: models.Milestone


@pytest.fixture
def register(db) -> Register:
    germany = PartnerFactory(code="DE", name_nl="Duitsland", name_en="Germany")
    belgium = PartnerFactory(code="BE", name_nl="België", name_en="Belgium")
    hidden_partner = PartnerFactory(code="NO", name_nl="Noorwegen", name_en="Norway", classification=CONF)
    nato = FrameworkFactory(code="NATO", name_nl="NAVO", name_en="NATO", kind="organisation")
    record_link(nato, add={"members": [germany, belgium]})
    RingAssignmentFactory(partner=germany, ring="affiliated", valid_from=dt.date(2012, 1, 1),
                          valid_to=dt.date(2018, 1, 1), reason="Beleidsnota 2012")
    RingAssignmentFactory(partner=germany, ring="strategic", valid_from=dt.date(2018, 1, 1), reason="Rapportage 2019")
    RingAssignmentFactory(partner=belgium, ring="strategic", valid_from=dt.date(2012, 1, 1))
    # A classified change of ring that a Departementaal Vertrouwelijk user must not learn of.
    RingAssignmentFactory(partner=belgium, ring="opportunity", valid_from=dt.date(2010, 1, 1),
                          valid_to=dt.date(2012, 1, 1), reason="Geheime herindeling", classification=CONF)

    letter = SourceDocumentFactory(title="Kamerbrief IMS 2019", kamerstuk="33 279, nr. 30",
                                   text="Duitsland blijft een strategische partner. Nog een zin.")
    secret_note = SourceDocumentFactory(title="Notitie Walrus", kamerstuk="", reference="GEHEIM-7",
                                        text="Noorwegen doet mee aan de geheime oefening.", classification=CONF)
    open_cite = services.citation_get_or_create(document=letter, start=0, end=44, page=1)
    secret_cite = services.citation_get_or_create(document=secret_note, start=0, end=20, page=2)

    shown = services.initiative_create(
        title="Duits-Nederlandse brigade", summary="Integratie van 11 Luchtmobiele Brigade", kind="operational",
        form="integrated_operational", origin="bottom_up", status="running", participants=[("DE", "lead")],
        frameworks=["NATO"], planned_start=dt.date(2014, 1, 1), planned_end=dt.date(2019, 1, 1),
        goals=[GoalInput(category="military", statement="Inzetbaarheid", values={"2019": Decimal(3)})],
        budgets={2019: Decimal("1000000")}, citations=[open_cite, secret_cite],
    )
    other = InitiativeFactory(title="Benelux luchtruimbewaking", status="study", form="pooling", kind="general",
                              planned_start=dt.date(2017, 1, 1))
    ParticipationFactory(initiative=other, partner=belgium)
    hidden = InitiativeFactory(title=SECRET_TITLE, summary="Alleen voor wie het mag zien", status="running",
                               form="pooling", classification=CONF)
    ParticipationFactory(initiative=hidden, partner=germany)
    ParticipationFactory(initiative=hidden, partner=hidden_partner)

    agreement = services.agreement_create(kind="MoU", title="MoU luchtmobiel", parties=["DE"],
                                          signed_on=dt.date(2014, 5, 1), initiative=shown, citations=[open_cite])
    hidden_agreement = services.agreement_create(kind="DOI", title="DOI Walrus", parties=["DE", "NO"],
                                                 classification=CONF, signed_on=dt.date(2019, 2, 1))
    # An open agreement about a classified initiative: the agreement shows, the initiative does not.
    services.agreement_create(kind="LOI", title="LOI ondersteuning", parties=["BE"], initiative=hidden)

    contribution = services.contribution_create(operation="Resolute Support", year=2019, location="DE",
                                                personnel=120, partners=["DE", "BE", "NO"])
    hidden_contribution = services.contribution_create(operation="Operatie Walrus", year=2019, location="NO",
                                                       partners=["NO"], classification=CONF)
    spending = services.spending_record(partner="DE", status="actual", year=2019, pct_gdp=Decimal("1.36"))
    hidden_spending = services.spending_record(partner="BE", status="planned", year=2020, pct_gdp=Decimal("1.1"),
                                               classification=CONF)
    commitment = services.commitment_create(subject="Rapporteren over de brigade", member="Bosman",
                                            made_on=dt.date(2018, 6, 1), answered_in=letter)
    hidden_commitment = services.commitment_create(subject="Walrus toelichten", made_on=dt.date(2019, 6, 1),
                                                   classification=CONF)
    milestone = services.milestone_create(initiative=shown, title="Integratie voltooid", due_on=dt.date(2019, 3, 1))
    hidden_milestone = services.milestone_create(initiative=hidden, title="Walrus gereed", due_on=dt.date(2020, 1, 1))
    return Register(
        germany=germany, belgium=belgium, hidden_partner=hidden_partner, nato=nato, shown=shown, other=other,
        hidden=hidden, letter=letter, secret_note=secret_note, agreement=agreement,
        hidden_agreement=hidden_agreement, contribution=contribution, hidden_contribution=hidden_contribution,
        spending=spending, hidden_spending=hidden_spending, commitment=commitment,
        hidden_commitment=hidden_commitment, milestone=milestone, hidden_milestone=hidden_milestone,
    )


@pytest.fixture
def dv_user(make_user):
    return make_user(Role.ANALYST, Classification.DEPARTMENTAL_CONFIDENTIAL, username="dv")


@pytest.fixture
def confidential_user(make_user):
    return make_user(Role.ANALYST, Classification.CONFIDENTIAL, username="conf")


@pytest.fixture
def api():
    """A fresh API client logged in as ``user`` (through the session, as a browser would be)."""

    def as_user(user=None) -> APIClient:
        client = APIClient()
        if user is not None:
            client.force_login(user)
        return client

    return as_user


def rows(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]
