"""Reference data: every country, and the organisations and standing frameworks the letters name.

The goal categories and the depth ladder are vocabularies in code (``vocab``), not rows, so they need
no loading; this module loads what can change with the world: countries and frameworks.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from ims.text.countries import COUNTRY_CODES, country_name
from ims.text.gazetteer import ORGANISATIONS

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


NATO_MEMBERS = ("AL", "BE", "BG", "CA", "HR", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IT", "LV",
                "LT", "LU", "ME", "MK", "NL", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "TR", "GB", "US")
EU_MEMBERS = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
              "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")
# Memberships the register keeps that the gazetteer does not need for reading text.
MEMBERS: dict[str, tuple[str, ...]] = {
    "NATO": NATO_MEMBERS,
    "EU": EU_MEMBERS,
    "NORTHERN_GROUP": ("DK", "EE", "FI", "DE", "IS", "LV", "LT", "NL", "NO", "PL", "SE", "GB"),
    "JEF": ("DK", "EE", "FI", "IS", "LV", "LT", "NL", "NO", "SE", "GB"),
}
FW = PartnerKind.FRAMEWORK
# Standing frameworks the register tracks beyond the organisation ids of the exchange format.
EXTRA_FRAMEWORKS: tuple[Body, ...] = (
    Body("BENESAM", FW, "Belgisch-Nederlandse marinesamenwerking", "Belgian-Netherlands naval cooperation",
         ("BE", "NL")),
    Body("GNC1", FW, "1 (Duits-Nederlands) Legerkorps", "1 German-Netherlands Corps", ("DE", "NL")),
    Body("NRF", FW, "NATO Response Force", "NATO Response Force"),
    Body("VJTF", FW, "Very High Readiness Joint Task Force", "Very High Readiness Joint Task Force"),
    Body("EFP", FW, "Enhanced Forward Presence", "Enhanced Forward Presence"),
)
# The short name a partner goes by where there is no room for its full name (the chips on lists), in Dutch and
# English, where that is not simply its code: "NAVO" is the Dutch name of NATO, as the titles say.
ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "NATO": ("NAVO", "NATO"),
    "UN": ("VN", "UN"),
    "OSCE": ("OVSE", "OSCE"),
    "ANTI_ISIS": ("Anti-ISIS", "Anti-ISIS"),
    "NORTHERN_GROUP": ("Northern Group", "Northern Group"),
    "BENELUX": ("Benelux", "Benelux"),
    "BENESAM": ("Benesam", "Benesam"),
}
# The organisations and frameworks of the exchange format come from the gazetteer: one list of names.
BODIES: tuple[Body, ...] = (
    *(Body(o.id, o.kind, o.name_nl, o.name_en, MEMBERS.get(o.id, o.members)) for o in ORGANISATIONS),
    *EXTRA_FRAMEWORKS,
)


@transaction.atomic
def reference_load() -> dict[str, int]:
    """Load or refresh all reference partners; a second run writes nothing and returns zero new rows."""
    every = Partner.objects.unrestricted()  # a loader: it compares with every partner, whatever its level
    before = every.count()
    existing = {code: names for code, *names in every.values_list("code", "name_nl", "name_en")}
    for code in COUNTRY_CODES:
        if existing.get(code) != [country_name(code, "nl"), country_name(code, "en")]:
            partner_upsert(code=code, kind=PartnerKind.COUNTRY)
    for body in BODIES:
        partner_upsert(code=body.code, kind=body.kind, name_nl=body.name_nl, name_en=body.name_en,
                       members=body.members)
    after = every.count()
    return {"partners": after, "new": after - before}
