"""A small register written through the services, with open and classified records across the years.

Titles and figures that must never reach an open report are recognisable words ("Zeeleeuw", "Walrus",
"Zeeslang", 7,77%), so that a test can look for them in any format's text.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal

import pytest

from ims.core.classification import Classification
from ims.register import services as reg
from ims.register.vocab import PartnerKind

D = dt.date
CONFIDENTIAL = int(Classification.CONFIDENTIAL)
SECRET_WORDS = ("Zeeleeuw", "Walrus", "Zeeslang", "7,77")

DOC_TEXT = ("Brief over de samenwerking. België en Nederland tekenden in april een MoU over de Noordzee. "
            "De Belgische defensie-uitgaven kwamen uit op 0,95 procent. Het lid Jansen vroeg om een overzicht.")
SECRET_TEXT = "Vertrouwelijke notitie over het project en het verdrag met Duitsland, alleen voor ingewijden."


def cite(document, phrase: str):
    start = document.text.index(phrase)
    return [reg.citation_get_or_create(document=document, start=start, end=start + len(phrase), page=1)]


@pytest.fixture
def small_register(db):
    """Partners, rings, initiatives, agreements, spending, contributions and commitments for 2012–2019."""
    for code in ("NL", "BE", "DE", "NO", "FR", "LT"):
        reg.partner_upsert(code=code, kind=PartnerKind.COUNTRY)
    reg.partner_upsert(code="NATO", kind=PartnerKind.ORGANISATION, name_nl="NAVO", name_en="NATO")
    reg.partner_upsert(code="EU", kind=PartnerKind.ORGANISATION, name_nl="Europese Unie", name_en="European Union")
    reg.partner_upsert(code="UN", kind=PartnerKind.ORGANISATION, name_nl="Verenigde Naties", name_en="United Nations")
    letter = reg.document_register(title="Kamerbrief samenwerking 2019", text=DOC_TEXT, date=D(2019, 11, 1),
                                   kamerstuk="35 000 X, nr. 12")
    secret_note = reg.document_register(title="Notitie Walrus", text=SECRET_TEXT, date=D(2019, 6, 1),
                                        reference="DGB-2019-777")
    secret_note.classification = CONFIDENTIAL
    secret_note.save()
    for code in ("BE", "DE"):
        reg.ring_assign(partner=reg.partner_for(code), ring="strategic", valid_from=D(2012, 5, 11))
    reg.ring_assign(partner=reg.partner_for("NO"), ring="affiliated", valid_from=D(2012, 5, 11))
    reg.ring_assign(partner=reg.partner_for("NO"), ring="strategic", valid_from=D(2019, 1, 1))
    reg.ring_assign(partner=reg.partner_for("FR"), ring="affiliated", valid_from=D(2012, 5, 11))

    initiatives = {
        "staf": reg.initiative_create(
            title="Gezamenlijke marinestaf", status="running", form="integrated_operational",
            participants=[("BE", "participant"), ("NL", "participant")], actual_start=D(2015, 3, 1),
            citations=cite(letter, "België en Nederland tekenden in april een MoU over de Noordzee.")),
        "tank": reg.initiative_create(
            title="Opleiding tankbemanningen", status="preparation", form="pooling",
            participants=[("DE", "lead"), ("NL", "participant")], planned_start=D(2019, 3, 1)),
        "drones": reg.initiative_create(title="Idee gezamenlijke drones", status="idea",
                                        participants=[("DE", "participant")], planned_start=D(2018, 1, 1)),
        "oud": reg.initiative_create(title="Afgeronde oefenreeks", status="completed",
                                     participants=[("NO", "participant")], actual_start=D(2013, 1, 1),
                                     actual_end=D(2017, 6, 30)),
        "nationaal": reg.initiative_create(title="Nationale opleiding", status="running",
                                           participants=[("NL", "participant")], actual_start=D(2016, 1, 1)),
        "navo": reg.initiative_create(title="Luchtverdediging in NAVO-verband", status="running",
                                      participants=[("NATO", "participant"), ("NL", "participant")],
                                      frameworks=["NATO"], actual_start=D(2019, 9, 1)),
        "zeeleeuw": reg.initiative_create(
            title="Project Zeeleeuw", status="running", form="pooling", classification=CONFIDENTIAL,
            participants=[("BE", "participant"), ("NL", "participant")], actual_start=D(2016, 5, 1),
            citations=cite(secret_note, "Vertrouwelijke notitie over het project")),
    }
    reg.milestone_create(initiative=initiatives["tank"], title="Eerste lichting opgeleid", due_on=D(2020, 6, 1))
    reg.milestone_create(initiative=initiatives["staf"], title="Gezamenlijk hoofdkwartier", due_on=D(2019, 5, 1),
                         done_on=D(2019, 5, 1), status="done")
    reg.agreement_create(kind="MoU", title="MoU Noordzee", parties=["BE", "NL"], signed_on=D(2019, 4, 2),
                         subject="Samenwerking op de Noordzee",
                         citations=cite(letter, "België en Nederland tekenden in april een MoU over de Noordzee."))
    reg.agreement_create(kind="TREATY", title="Verdrag Walrus", parties=["DE", "NL"], signed_on=D(2019, 6, 12),
                         classification=CONFIDENTIAL, citations=cite(secret_note, "het verdrag met Duitsland"))
    reg.agreement_create(kind="LOI", title="Intentieverklaring opleiding", parties=["DE", "NL"],
                         signed_on=D(2017, 2, 1))
    reg.spending_record(partner="BE", year=2018, status="actual", pct_gdp=Decimal("0.93"))
    reg.spending_record(partner="BE", year=2019, status="actual", amount=Decimal("4900000000"), currency="EUR",
                        pct_gdp=Decimal("0.95"),
                        citations=cite(letter, "De Belgische defensie-uitgaven kwamen uit op 0,95 procent."))
    reg.spending_record(partner="DE", year=2019, status="actual", pct_gdp=Decimal("7.77"),
                        classification=CONFIDENTIAL)
    reg.contribution_create(operation="Enhanced Forward Presence", year=2019, location="LT", personnel=270,
                            partners=["BE", "DE"], role="Gevechtsgroep in Litouwen")
    reg.contribution_create(operation="Operatie Zeeslang", year=2019, personnel=40, partners=["DE"],
                            classification=CONFIDENTIAL)
    reg.contribution_create(operation="ISAF", year=2012, location="LT", role="Afgesloten missie")
    reg.commitment_create(member="Jansen", subject="Overzicht van de samenwerking met België",
                          made_on=D(2018, 11, 1), where_promised="begrotingsbehandeling 2018",
                          answered_in=letter, citations=cite(letter, "Het lid Jansen vroeg om een overzicht."))
    reg.commitment_create(subject="Notitie over soevereiniteit", made_on=D(2019, 2, 1))
    return {"initiatives": initiatives, "letter": letter, "secret_note": secret_note}


# --- reading the rendered files back ---------------------------------------------------------------------

def docx_text(content: bytes) -> str:
    """All text in a DOCX: body, tables, headers, footers and footnotes (tags stripped from the XML parts)."""
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        parts = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")]
    return " ".join(re.sub(r"<[^>]+>", "", part) for part in parts)


def pdf_pages(content: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]
