"""Dutch labels for fact types and fields on the review screen."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

FACT_TYPES = {
    "partner_ring": _("schilindeling"),
    "agreement": _("overeenkomst"),
    "defence_spending": _("defensie-uitgaven"),
    "contribution": _("bijdrage aan een operatie"),
    "procurement": _("verwerving"),
    "commitment": _("toezegging"),
    "initiative": _("initiatief"),
}
FIELDS = {
    "partner": _("partner"), "ring": _("schil"), "year": _("jaar"), "kind": _("instrument"),
    "parties": _("partijen"), "date": _("datum"), "subject": _("onderwerp"), "amount": _("bedrag"),
    "currency": _("valuta"), "pct_gdp": _("% van het bbp"), "status": _("status"), "operation": _("operatie"),
    "location": _("locatie"), "personnel": _("militairen"), "partners": _("partners"), "system": _("systeem"),
    "quantity": _("aantal"), "member": _("Kamerlid"), "name": _("naam"), "form": _("samenwerkingsvorm"),
}


@register.filter
def fact_label(fact_type: str) -> str:
    return FACT_TYPES.get(fact_type, fact_type)


@register.filter
def field_label(name: str) -> str:
    return FIELDS.get(name, name)


@register.filter
def show_value(value) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)
