"""A small register for the monitoring's tests: a plan with the United Kingdom for 2019–2020, initiatives at
two levels, and users of every role at the lowest and highest clearance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

D = dt.date


@dataclass
class Plans:
    plan: object
    secret_plan: object
    open_initiative: object
    secret_initiative: object
    uk: object
    owner: object


@pytest.fixture
def plans(db, make_user):
    from ims.monitoring import services as monitoring
    from ims.register import services as register

    uk = register.partner_upsert(code="GB", kind="country")
    register.partner_upsert(code="DE", kind="country")
    open_initiative = register.initiative_create(title="Gezamenlijke amfibische oefening", status="running",
                                                 participants=[("GB", "lead")])
    secret_initiative = register.initiative_create(title="Geheime onderzeebootsamenwerking", status="running",
                                                   participants=[("GB", "participant")], classification=3)
    plan = monitoring.plan_create(
        title="Actieplan Verenigd Koninkrijk 2019–2020", partner=uk, starts_on=D(2019, 1, 1), ends_on=D(2020, 12, 31),
        goals=[("military", "Amfibische eenheden kunnen samen optreden.")],
        initiatives=[open_initiative, secret_initiative])
    secret_plan = monitoring.plan_create(title="Geheim stappenplan", partner=uk, starts_on=D(2019, 1, 1),
                                         ends_on=D(2021, 12, 31), classification=3)
    owner = make_user("bia_member", 0, username="eigenaar")
    return Plans(plan, secret_plan, open_initiative, secret_initiative, uk, owner)


@pytest.fixture
def bia(make_user):
    return make_user("bia_member", 3, username="bia")


@pytest.fixture
def low(make_user):
    """An editor at the lowest clearance: the secret plan and initiative are hidden from them."""
    return make_user("analyst", 0, username="laag")


def exported(response) -> dict:
    """The body of a list's JSON twin, streamed or not."""
    import json

    body = b"".join(response.streaming_content) if response.streaming else response.content
    return json.loads(body)
