"""Reference data: every country, and the organisations and standing frameworks the letters name.

The goal categories and the depth ladder are vocabularies in code (``vocab``), not rows, so they need
no loading; this module loads what can change with the world: countries and frameworks.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from ims.core.countries import COUNTRY_CODES, country_name

from .models import Partner
from .services import partner_upsert
from .vocab import PartnerKind


@dataclass(frozen=True)
class Body:
    code: str
    kind: str
    name_nl: str
    name_en: str
    members: tuple[str, ...] = ()


ORG, FW = PartnerKind.ORGANISATION, PartnerKind.FRAMEWORK

NATO_MEMBERS = ("AL", "BE", "BG", "CA", "HR", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IT", "LV",
                "LT", "LU", "ME", "MK", "NL", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "TR", "GB", "US")
EU_MEMBERS = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
              "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")

BODIES: tuple[Body, ...] = (
    Body("NATO", ORG, "NAVO", "NATO", NATO_MEMBERS),
    Body("EU", ORG, "Europese Unie", "European Union", EU_MEMBERS),
    Body("UN", ORG, "Verenigde Naties", "United Nations"),
    Body("OSCE", ORG, "OVSE", "OSCE"),
    Body("EDA", ORG, "Europees Defensieagentschap", "European Defence Agency"),
    Body("BENELUX", FW, "Benelux", "Benelux", ("BE", "LU", "NL")),
    Body("NORTHERN_GROUP", FW, "Northern Group", "Northern Group",
         ("DK", "EE", "FI", "DE", "IS", "LV", "LT", "NL", "NO", "PL", "SE", "GB")),
    Body("JEF", FW, "Joint Expeditionary Force", "Joint Expeditionary Force",
         ("DK", "EE", "FI", "IS", "LV", "LT", "NL", "NO", "SE", "GB")),
    Body("EI2", FW, "Europees Interventie-initiatief", "European Intervention Initiative"),
    Body("PESCO", FW, "Permanente Gestructureerde Samenwerking", "Permanent Structured Cooperation"),
    Body("BENESAM", FW, "Belgisch-Nederlandse marinesamenwerking", "Belgian-Netherlands naval cooperation",
         ("BE", "NL")),
    Body("GNC1", FW, "1 (Duits-Nederlands) Legerkorps", "1 German-Netherlands Corps", ("DE", "NL")),
    Body("NRF", FW, "NATO Response Force", "NATO Response Force"),
    Body("VJTF", FW, "Very High Readiness Joint Task Force", "Very High Readiness Joint Task Force"),
    Body("EFP", FW, "Enhanced Forward Presence", "Enhanced Forward Presence"),
)


@transaction.atomic
def reference_load() -> dict[str, int]:
    """Load or refresh all reference partners; a second run writes nothing and returns zero new rows."""
    before = Partner.objects.count()
    existing = dict(Partner.objects.values_list("code", "name_nl"))
    for code in COUNTRY_CODES:
        if existing.get(code) != country_name(code, "nl"):
            partner_upsert(code=code, kind=PartnerKind.COUNTRY)
    for body in BODIES:
        partner_upsert(code=body.code, kind=body.kind, name_nl=body.name_nl, name_en=body.name_en,
                       members=body.members)
    return {"partners": Partner.objects.count(), "new": Partner.objects.count() - before}
