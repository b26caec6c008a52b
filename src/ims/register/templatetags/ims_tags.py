from __future__ import annotations

from decimal import Decimal

from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from ims.register.vocab import AgreementKind, Form, GoalCategory, Kind, PartnerKind, Ring, Status

register = template.Library()

_FACETS = {
    "status": (_("Status"), Status),
    "form": (_("Samenwerkingsvorm"), Form),
    "kind": (_("Soort"), Kind),
    "ring": (_("Schil"), Ring),
    "category": (_("Doelcategorie"), GoalCategory),
    "agreement_kind": (_("Instrument"), AgreementKind),
}
_PARTNER_KINDS = dict(PartnerKind.choices)


@register.filter
def facet_title(name: str) -> str:
    return _FACETS[name][0] if name in _FACETS else name


@register.filter
def choice_label(value: str, facet: str) -> str:
    if not value:
        return _("(geen)")
    choices = dict(_FACETS[facet][1].choices) if facet in _FACETS else {}
    # Partner kinds and initiative kinds share the facet name "kind"; both vocabularies are tried.
    return choices.get(value) or _PARTNER_KINDS.get(value) or value


@register.filter
def ring_label(value: str) -> str:
    return dict(Ring.choices).get(value, value)


@register.filter
def permille(value: float) -> int:
    """A percentage as a coordinate on a 0–1000 SVG axis (an integer, so no locale can put a comma in it)."""
    return round(float(value) * 10)


@register.filter
def money(value: Decimal | None) -> str:
    """Amounts as the ministry writes them: millions and billions in words, thousands separated by dots."""
    if value is None:
        return "–"
    amount = Decimal(value)
    if amount >= 1_000_000_000:
        return f"{amount / 1_000_000_000:.2f}".rstrip("0").rstrip(".").replace(".", ",") + " " + str(_("miljard"))
    if amount >= 1_000_000:
        return f"{amount / 1_000_000:.2f}".rstrip("0").rstrip(".").replace(".", ",") + " " + str(_("miljoen"))
    return f"{amount:,.0f}".replace(",", ".")


@register.simple_tag
def page_sizes() -> tuple[int, ...]:
    return settings.IMS_PAGE_SIZES


@register.simple_tag
def ladder(form: str) -> str:
    """The depth ladder as six small steps, filled up to the initiative's rung."""
    rungs = list(Form)
    reached = rungs.index(Form(form)) if form in Form.values else -1
    steps = format_html_join(
        "", '<span class="step{}" title="{}"></span>',
        ((" on" if n <= reached else "", rung.label) for n, rung in enumerate(rungs)),
    )
    return format_html('<span class="ladder" aria-label="{} {}/6">{}</span>', _("trede"), reached + 1, steps)
