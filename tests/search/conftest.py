"""A small register written through the register's services, so that the search index is kept by the write path."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture
def corpus(db):
    from ims.register import services

    services.partner_upsert(code="NO", kind="country")
    services.partner_upsert(code="BE", kind="country")
    services.partner_upsert(code="DE", kind="country")
    subs = services.initiative_create(
        title="Vervanging onderzeebootcapaciteit",
        summary="Samen met een partner een nieuwe onderzeeboot verwerven.", participants=[("DE", "lead")],
        planned_start=dt.date(2019, 3, 1),
    )
    arctic = services.initiative_create(
        title="Koudweertraining in het hoge noorden", summary="Oefenen onder arctische omstandigheden.",
        participants=[("NO", "lead")], planned_start=dt.date(2020, 1, 1),
    )
    benelux = services.initiative_create(
        title="Luchtruim", summary="Gezamenlijke bewaking van het Benelux-luchtruim door geïntegreerde eenheden.",
        participants=[("BE", "participant")], planned_start=dt.date(2017, 6, 1),
    )
    secret = services.initiative_create(
        title="Kroonjuweel", summary="Een geheim project met onderzeeboten.", classification=3,
        planned_start=dt.date(2021, 1, 1),
    )
    services.milestone_create(initiative=secret, title="Kroonjuweel gereed", due_on=dt.date(2022, 1, 1))
    phrase = services.document_register(
        title="Brief over de mariniers", date=dt.date(2019, 5, 1),
        text="De minister schrijft dat Noorse mariniers samen met Nederlandse eenheden oefenen. " * 3,
    )
    apart = services.document_register(
        title="Brief over oefeningen", date=dt.date(2020, 5, 1),
        text="De mariniers trainen in Schotland; later volgt een Noorse oefening met andere eenheden.",
    )
    hidden = services.document_register(
        title="Gerubriceerde brief", date=dt.date(2021, 5, 1),
        text="Het kroonjuweel staat hier, naast Noorse mariniers.",
    )
    hidden.classification = 2
    from ims.core.services import record_save

    record_save(hidden)
    return {"subs": subs, "arctic": arctic, "benelux": benelux, "secret": secret, "phrase": phrase,
            "apart": apart, "hidden": hidden}
