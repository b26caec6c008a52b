"""A small register to assess: Benelux and German partners, NATO as the shared framework, one open and
one secret bottom-up initiative, and users of every role at two clearances."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ims.accounts.models import Role
from ims.core.classification import Classification
from ims.register import services as register
from ims.register.services import GoalInput

NAVY_TITLE = "Gezamenlijke marinestaf"
SECRET_TITLE = "Geheime samenwerking Noordflank"
AIR_TITLE = "Luchtruimbewaking boven de Benelux"
NO_FORM_TITLE = "Verkenning zonder vorm"


@pytest.fixture
def bia(make_user):
    return make_user(Role.BIA_MEMBER, Classification.SECRET, username="bia-lid")


@pytest.fixture
def low_bia(make_user):
    return make_user(Role.BIA_MEMBER, Classification.UNCLASSIFIED, username="bia-ongerubriceerd")


@pytest.fixture
def low_analyst(make_user):
    return make_user(Role.ANALYST, Classification.UNCLASSIFIED, username="analist-ongerubriceerd")


@pytest.fixture
def world(db):
    """Partners, rings in force and initiatives; returns the records by short name."""
    from tests.factories import PartnerFactory

    names = {"NL": "Nederland", "BE": "België", "DE": "Duitsland", "FR": "Frankrijk", "CN": "China"}
    partners = {code: PartnerFactory(code=code, name_nl=name) for code, name in names.items()}
    register.partner_upsert(code="NATO", kind="organisation", name_nl="NAVO", name_en="NATO",
                            members=["BE", "DE", "FR", "NL"])
    for code, ring in (("BE", "strategic"), ("DE", "affiliated"), ("FR", "affiliated")):
        register.ring_assign(partner=partners[code], ring=ring, valid_from=dt.date(2019, 1, 1),
                             reason="Vastgesteld voor de test.")
    navy = register.initiative_create(
        title=NAVY_TITLE, kind="general", form="integrated_operational", origin="bottom_up", status="running",
        participants=[("BE", "lead"), ("NL", "participant"), ("FR", "observer")],
        planned_start=dt.date(2020, 1, 1), planned_end=dt.date(2024, 12, 31),
        staff_fte=Decimal("4"), units_committed=1, budgets={2020: Decimal("400000"), 2021: Decimal("600000")},
        goals=[
            GoalInput("military", "Beide marines blijven samen inzetbaar", expected_result="Eén operationele staf",
                      indicator="gezamenlijke oefeningen"),
            GoalInput("financial_economic", "Opleiding en onderhoud worden gedeeld",
                      expected_result="Lagere kosten per schip"),
            GoalInput("political_strategic", "De Benelux-band wordt sterker", indicator="gezamenlijke verklaringen"),
        ],
    )
    for title, due in (("Staf ingericht", dt.date(2021, 1, 1)), ("Eerste oefening", dt.date(2022, 1, 1))):
        register.milestone_create(initiative=navy, title=title, due_on=due)
    secret = register.initiative_create(
        title=SECRET_TITLE, kind="operational", form="operational", origin="bottom_up", status="running",
        participants=[("DE", "lead")], classification=Classification.SECRET,
        goals=[GoalInput("military", f"Geheim doel {n}") for n in range(3)],
    )
    air = register.initiative_create(
        title=AIR_TITLE, kind="operational", form="operational", origin="top_down", status="preparation",
        participants=[("BE", "lead"), ("FR", "participant")],
        goals=[GoalInput("military", "Het luchtruim wordt gezamenlijk bewaakt", expected_result="24/7 dekking")],
    )
    no_form = register.initiative_create(title=NO_FORM_TITLE, origin="bottom_up", status="study",
                                         participants=[("DE", "participant")],
                                         goals=[GoalInput("military", "Nog te bepalen")])
    return {"partners": partners, "navy": navy, "secret": secret, "air": air, "no_form": no_form}
