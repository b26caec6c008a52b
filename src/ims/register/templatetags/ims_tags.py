from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from urllib.parse import quote

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.html import conditional_escape as esc  # what {{ value }} writes
from django.utils.html import format_html, format_html_join
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from ims.register.charts import percent as percent_text
from ims.register.presentation import display as record_display
from ims.register.presentation import labels, partner_name, partner_short
from ims.register.presentation import period as period_text
from ims.register.vocab import (
    AgreementKind,
    CommitmentStatus,
    Form,
    GoalCategory,
    Kind,
    MilestoneStatus,
    PartnerKind,
    Ring,
    SpendingStatus,
    Status,
)

register = template.Library()

_FACETS = {
    "status": (_("Status"), Status),
    "form": (_("Samenwerkingsvorm"), Form),
    "kind": (_("Soort"), Kind),
    "ring": (_("Schil"), Ring),
    "category": (_("Doelcategorie"), GoalCategory),
    "agreement_kind": (_("Instrument"), AgreementKind),
    "commitment_status": (_("Status"), CommitmentStatus),
    "spending_status": (_("Soort cijfer"), SpendingStatus),
    "year": (_("Jaar"), None),
    "milestone_status": (_("Status"), MilestoneStatus),
    "partner": (_("Partner"), PartnerKind),
}


@register.filter
def facet_title(name: str) -> str:
    return _FACETS[name][0] if name in _FACETS else name


def _facet_choices(facet: str) -> list[tuple[str, str]]:
    # Partner kinds and initiative kinds share the facet name "kind"; both vocabularies are tried, the
    # facet's own first.
    own = _FACETS[facet][1].choices if facet in _FACETS and _FACETS[facet][1] is not None else []
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


@register.filter
def name(partner) -> str:
    """``{{ partner|name }}``: the partner's name in the language of the page."""
    return partner_name(partner)


@register.filter
def short(partner) -> str:
    """``{{ partner|short }}``: the partner's code or usual abbreviation ("NAVO"), for chips."""
    return partner_short(partner)


@register.simple_tag
def period(start, end) -> str:
    """``{% period start end %}``: a period in words, whichever of its ends are known."""
    return period_text(start, end)


# A value both the int and the str path converters accept, that no real URL contains.
_MARKER = "7301946285"
_URLS: dict[tuple, tuple[str, str]] = {}


@receiver(setting_changed)
def _forget_urls(*, setting: str, **kwargs) -> None:
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME"}:
        _URLS.clear()


def _url_maker(context: template.Context, viewname: str):
    # Within one rendering the URL configuration, script prefix and language stay put; looking them up
    # (thread-locals) on every row is most of what is left to save once reverse() is not called per row.
    remembered = context.render_context.get("row_url")
    if remembered is None:
        remembered = context.render_context["row_url"] = {}
    make = remembered.get(viewname)
    if make is None:
        key = (viewname, get_urlconf(), get_script_prefix(), translation.get_language())
        parts = _URLS.get(key)
        if parts is None:
            before, after = reverse(viewname, args=[_MARKER]).split(_MARKER)
            parts = _URLS[key] = (before, after)
        before, after = parts
        safe = RFC3986_SUBDELIMS + "/~:@"

        def make(arg: str | int) -> str:
            return before + quote(str(arg), safe=safe) + after

        remembered[viewname] = make
    return make


@register.simple_tag(takes_context=True)
def row_url(context: template.Context, viewname: str, arg: str | int) -> str:
    """``{% url viewname arg %}`` for a link on every row of a list: Django's reverse() costs tens of
    microseconds a call, so the URL is reversed once (per URL configuration, script prefix and language)
    and the argument put in its place, quoted as reverse() quotes it."""
    return _url_maker(context, viewname)(arg)


# --- list rows ------------------------------------------------------------------------------------------
# The rows of the two big lists are written here rather than in their templates, like the options of
# core.widgets.QuickSelect: per variable the template engine costs some forty Python calls (lookup,
# localisation, escaping), which made the rows half of a list page's time. The markup is exactly what the
# templates rendered before, whitespace included.

_PARTNER_ROW = ('\n    <tr><td><a href="{url}">{name}</a></td><td>{short}</td><td>{kind}</td>\n'
                '      <td>{ring}</td>\n'
                '      <td class="num">{count}</td></tr>\n  ')


@register.simple_tag(takes_context=True)
def partner_rows(context: template.Context, partners: Iterable) -> SafeString:
    """The ``<tr>`` of each partner on the partner list (see ``_PARTNER_ROW``): name, short name, kind, ring."""
    url = _url_maker(context, "register:partner-detail")
    kinds = labels(("field", "register.Partner.kind"), lambda: PartnerKind.choices)
    rings = labels(Ring, lambda: Ring.choices)
    rows = []
    for p in partners:
        ring = p.current_ring
        rows.append(_PARTNER_ROW.format(
            url=esc(url(p.code)), name=esc(partner_name(p)), short=esc(partner_short(p)),
            kind=esc(kinds.get(p.kind, p.kind)),
            ring=f'<span class="ring ring-{esc(ring)}">{esc(rings.get(ring, ring))}</span>' if ring else "–",
            # Small integers: no locale groups their digits.
            count=p.initiative_count or 0,
        ))
    return mark_safe("".join(rows))


_INITIATIVE_ITEM = '<li><a href="{url}">{title}</a> <span class="status status-{status}">{status_label}</span></li>'


@register.simple_tag(takes_context=True)
def initiative_items(context: template.Context, initiatives: Iterable) -> SafeString:
    """The ``<li>`` of each initiative on a partner's page (see ``_INITIATIVE_ITEM``)."""
    url = _url_maker(context, "register:initiative-detail")
    return mark_safe("".join(
        _INITIATIVE_ITEM.format(url=esc(url(i.pk)), title=esc(i.title), status=esc(i.status),
                                status_label=esc(record_display(i, "status")))
        for i in initiatives
    ))


_INITIATIVE_ROW = ('\n    <tr><td><a href="{url}">{title}</a></td>\n'
                   '      <td>{chips}</td>\n'
                   '      <td>{form}</td>\n'
                   '      <td><span class="status status-{status}">{status_label}</span></td>\n'
                   '      <td><span class="badge clearance-{level}">{level_label}</span></td></tr>\n  ')
_CHIP = '<span class="chip" title="{}">{}</span>'


@register.simple_tag(takes_context=True)
def initiative_rows(context: template.Context, initiatives: Iterable) -> SafeString:
    """The ``<tr>`` of each initiative on the initiative list (see ``_INITIATIVE_ROW``): the initiatives come
    from ``selectors.initiative_rows``, with their participants on ``visible_participations``."""
    url = _url_maker(context, "register:initiative-detail")
    rows = []
    for i in initiatives:
        form = record_display(i, "form")
        rows.append(_INITIATIVE_ROW.format(
            url=esc(url(i.pk)), title=esc(i.title),
            chips="".join(_CHIP.format(esc(partner_name(p.partner)), esc(partner_short(p.partner)))
                          for p in i.visible_participations),
            form=esc(form) if form else "–",
            status=esc(i.status), status_label=esc(record_display(i, "status")),
            level=i.classification, level_label=esc(record_display(i, "classification")),
        ))
    return mark_safe("".join(rows))


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


@register.filter
def percent(value: Decimal | None) -> str:
    """A share of GDP in Dutch notation: "1,20 %"."""
    return percent_text(value)


# The page of each kind of record, by model name: (URL name, attribute that names it in the URL).
_RECORD_PAGES = {
    "initiative": ("register:initiative-detail", "pk"),
    "agreement": ("register:agreement-detail", "pk"),
    "commitment": ("register:commitment-detail", "pk"),
    "contribution": ("register:contribution-detail", "pk"),
    "defencespending": ("register:spending-detail", "pk"),
    "procurement": ("register:procurement-detail", "pk"),
    "partner": ("register:partner-detail", "code"),
}


@register.simple_tag
def record_anchor(record) -> SafeString:
    """A link to a record's own page, named as its page names it; a ring period links to its partner."""
    if record._meta.model_name == "ringassignment":
        when = period_text(record.valid_from, record.valid_to)
        text = f"{record_display(record, 'ring')}: {partner_name(record.partner)} ({when})"
        return format_html('<a href="{}">{}</a>', reverse("register:partner-detail", args=[record.partner.code]), text)
    kind = record._meta.model_name
    page = _RECORD_PAGES.get(kind)
    # A partner by its name in the page's language; a commitment by its subject, as its own page heads it.
    text = partner_name(record) if kind == "partner" else record.subject[:160] if kind == "commitment" else str(record)
    if page is None:
        return format_html("{}", text)
    return format_html('<a href="{}">{}</a>', reverse(page[0], args=[getattr(record, page[1])]), text)
