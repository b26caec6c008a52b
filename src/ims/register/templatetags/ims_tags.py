from __future__ import annotations

from decimal import Decimal
from urllib.parse import quote

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import gettext_lazy as _

from ims.register.presentation import display as record_display
from ims.register.presentation import labels
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


@register.filter
def facet_title(name: str) -> str:
    return _FACETS[name][0] if name in _FACETS else name


def _facet_choices(facet: str) -> list[tuple[str, str]]:
    # Partner kinds and initiative kinds share the facet name "kind"; both vocabularies are tried, the
    # facet's own first.
    own = _FACETS[facet][1].choices if facet in _FACETS else []
    return [*PartnerKind.choices, *own]


@register.filter
def choice_label(value: str, facet: str) -> str:
    if not value:
        return _("(geen)")
    return labels(("facet", facet), lambda: _facet_choices(facet)).get(value) or value


@register.filter
def ring_label(value: str) -> str:
    return labels(Ring, lambda: Ring.choices).get(value, value)


@register.filter
def display(record, name: str):
    """``{{ record|display:"status" }}`` shows what ``record.get_status_display`` would, without rebuilding the
    field's choices for every row."""
    return record_display(record, name)


# A value both the int and the str path converters accept, that no real URL contains.
_MARKER = "7301946285"
_URLS: dict[tuple, tuple[str, str]] = {}


@receiver(setting_changed)
def _forget_urls(*, setting: str, **kwargs) -> None:
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME"}:
        _URLS.clear()


@register.simple_tag
def row_url(viewname: str, arg: str | int) -> str:
    """``{% url viewname arg %}`` for a link on every row of a list: Django's reverse() costs tens of
    microseconds a call, so the URL is reversed once (per URL configuration, script prefix and language)
    and the argument put in its place, quoted as reverse() quotes it."""
    key = (viewname, get_urlconf(), get_script_prefix(), translation.get_language())
    parts = _URLS.get(key)
    if parts is None:
        before, after = reverse(viewname, args=[_MARKER]).split(_MARKER)
        parts = _URLS[key] = (before, after)
    return parts[0] + quote(str(arg), safe=RFC3986_SUBDELIMS + "/~:@") + parts[1]


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
