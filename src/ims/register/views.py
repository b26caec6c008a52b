"""Pages of the register: parse the request, call a selector, render. No queries of their own."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ims.core.exports import EXPORT_FORMATS, export_response
from ims.core.pagination import paginate, query_without
from ims.text.countries import alpha2_for

from . import selectors
from .forms import ALL_PARTNERS, InitiativeFilterForm, NetworkFilterForm, PartnerFilterForm
from .presentation import display, facet_links, labels, partner_name, timeline
from .vocab import AgreementKind, Form, PartnerKind, Ring, Status

# The query parameter each facet's links set (the facets are named as the selectors count them).
PARTNER_FACET_FILTERS = {"ring": "ring", "kind": "kind"}
INITIATIVE_FACET_FILTERS = {"status": "status", "form": "form", "kind": "kind"}
AGREEMENT_FACET_FILTERS = {"agreement_kind": "kind"}


def _wants_partial(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "ims-live-filter"


def canonical_partner_code(code: str) -> str:
    """The code a partner's page is filed under: upper case, and a country's alpha-2 for its alpha-3 (DEU -> DE).

    Decided from the text alone, without looking the partner up, so that a hidden partner and a missing one
    are redirected alike."""
    upper = code.upper()
    return alpha2_for(upper) or upper


def _tabs(request: HttpRequest, showing_all: bool) -> list[dict]:
    """The two views of the partner list, as links that keep the other filters."""
    base = request.GET.copy()
    for key in ("scope", "page"):
        base.pop(key, None)
    every = base.copy()
    every["scope"] = ALL_PARTNERS
    return [
        {"label": _("Met schil of activiteit"), "url": "?" + base.urlencode(), "current": not showing_all},
        {"label": _("Alle landen en organisaties"), "url": "?" + every.urlencode(), "current": showing_all},
    ]


@login_required
def partner_list(request: HttpRequest) -> HttpResponse:
    form = PartnerFilterForm(request.GET or None)
    filters = form.filters()
    partners = selectors.partner_rows(user=request.user, filters=filters)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        partners = list(partners)
        counts = selectors.initiative_counts(user=request.user, partners=partners)
        rings = labels(Ring, lambda: Ring.choices)
        return export_response(
            fmt, query=request.GET.urlencode(), name="partners", rows=partners,
            columns=["code", "kind", "name_nl", "name_en", "ring", "initiatives"],
            row=lambda p: [p.code, p.kind, p.name_nl, p.name_en, p.current_ring or "", counts.get(p.pk, 0)],
            shown=lambda p: [p.code, display(p, "kind"), p.name_nl, p.name_en, rings.get(p.current_ring, ""),
                             counts.get(p.pk, 0)],
        )
    facets = selectors.partner_facets(user=request.user, queryset=partners)
    # Every partner has one kind, so the kind counts add up to the length of the list: no COUNT query.
    page = paginate(request, partners, default_size=50, count=sum(n for _, n in facets["kind"]))
    counts = selectors.initiative_counts(user=request.user, partners=page.object_list)
    for partner in page.object_list:
        partner.initiative_count = counts.get(partner.pk, 0)
    context = {
        "form": form,
        "page": page,
        "facets": facet_links(request.GET, facets, PARTNER_FACET_FILTERS),
        "tabs": _tabs(request, showing_all=not filters.active),
        "showing_all": not filters.active,
        "searching": bool(filters.q),
        "query": query_without(request, "page"),
    }
    template = "register/_partner_results.html" if _wants_partial(request) else "register/partner_list.html"
    return render(request, template, context)


@login_required
def partner_detail(request: HttpRequest, code: str) -> HttpResponse:
    canonical = canonical_partner_code(code)
    if canonical != code:
        return redirect("register:partner-detail", code=canonical, permanent=True)
    try:
        page = selectors.partner_page(user=request.user, code=code)
    except ObjectDoesNotExist:
        raise Http404 from None
    today = timezone.localdate()
    segments, ticks = timeline(page.rings, today)
    return render(request, "register/partner_detail.html", {"p": page, "segments": segments, "ticks": ticks})


@login_required
def initiative_list(request: HttpRequest) -> HttpResponse:
    form = InitiativeFilterForm(request.GET or None, partners=selectors.partner_choices(user=request.user))
    initiatives = selectors.initiative_rows(user=request.user, filters=form.filters())
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return export_response(
            fmt, query=request.GET.urlencode(), name="initiatieven", rows=initiatives,
            columns=["id", "title", "kind", "form", "status", "planned_start", "planned_end", "partners"],
            row=lambda i: [i.pk, i.title, i.kind, i.form, i.status, i.planned_start, i.planned_end,
                           " ".join(p.partner.code for p in i.visible_participations)],
            shown=lambda i: [i.pk, i.title, display(i, "kind"), display(i, "form") or "", display(i, "status"),
                             i.planned_start, i.planned_end,
                             ", ".join(partner_name(p.partner) for p in i.visible_participations)],
        )
    facets = selectors.initiative_facets(queryset=initiatives)
    context = {
        "form": form,
        # Every initiative has one status, so the status counts add up to the length of the list.
        "page": paginate(request, initiatives, count=sum(n for _, n in facets["status"])),
        "facets": facet_links(request.GET, facets, INITIATIVE_FACET_FILTERS),
        "query": query_without(request, "page"),
    }
    template = "register/_initiative_results.html" if _wants_partial(request) else "register/initiative_list.html"
    return render(request, template, context)


@login_required
def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        initiative = selectors.initiative_page(user=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    return render(request, "register/initiative_detail.html", {"i": initiative})


@login_required
def agreement_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    kind = kind if kind in AgreementKind.values else ""
    q = request.GET.get("q", "")[:100]
    agreements = selectors.agreement_list(user=request.user, kind=kind, q=q, partner=request.GET.get("partner", ""))
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return export_response(
            fmt, query=request.GET.urlencode(), name="overeenkomsten", rows=agreements,
            columns=["id", "kind", "title", "signed_on", "parties"],
            row=lambda a: [a.pk, a.kind, a.title, a.signed_on, " ".join(p.code for p in a.parties.all())],
            shown=lambda a: [a.pk, display(a, "kind"), a.title, a.signed_on,
                             ", ".join(partner_name(p) for p in a.parties.all())],
        )
    context = {
        "page": paginate(request, agreements),
        "facets": facet_links(request.GET, selectors.agreement_facets(queryset=agreements), AGREEMENT_FACET_FILTERS),
        "kinds": AgreementKind.choices,
        "kind": kind,
        "q": q,
        "query": query_without(request, "page"),
    }
    return render(request, "register/agreement_list.html", context)


@login_required
def network(request: HttpRequest) -> HttpResponse:
    """The picture of who works with whom; its script draws what ``network_data`` gives for the same filters."""
    return render(request, "register/network.html", {
        "form": NetworkFilterForm(request.GET or None), "rings": Ring.choices, "forms": Form.choices,
    })


@login_required
def network_data(request: HttpRequest) -> JsonResponse:
    """Nodes and edges for the network page, in the shape its drawing library reads (``{"data": {...}}``)."""
    form = NetworkFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    graph = selectors.network(user=request.user, filters=form.filters())
    english = request.LANGUAGE_CODE == "en"
    forms, statuses, rings = dict(Form.choices), dict(Status.choices), dict(Ring.choices)
    nodes = [{"data": {
        "id": f"i{i['pk']}", "kind": "initiative", "label": i["title"], "form": i["form"],
        "detail": " · ".join(str(x) for x in (forms.get(i["form"]), statuses.get(i["status"])) if x),
        "url": reverse("register:initiative-detail", args=[i["pk"]]),
    }} for i in graph.initiatives]
    for p in graph.partners:
        country = p["kind"] == PartnerKind.COUNTRY
        nodes.append({"data": {
            "id": f"p{p['pk']}", "kind": "partner" if country else "framework",
            "label": p["name_en"] if english and p["name_en"] else p["name_nl"], "ring": p["current_ring"] or "",
            "detail": str(rings.get(p["current_ring"], "")),
            "url": reverse("register:partner-detail", args=[p["code"]]),
        }})
    edges = [{"data": {"id": f"d{n}", "kind": "participation", "source": f"i{i}", "target": f"p{p}"}}
             for n, (i, p) in enumerate(graph.participations)]
    edges += [{"data": {"id": f"k{n}", "kind": "framework", "source": f"i{i}", "target": f"p{p}"}}
              for n, (i, p) in enumerate(graph.framework_links)]
    edges += [{"data": {"id": f"l{n}", "kind": "membership", "source": f"p{member}", "target": f"p{organisation}"}}
              for n, (member, organisation) in enumerate(graph.memberships)]
    # An edge of a participation takes the colour of the initiative's form.
    form_of = {f"i{i['pk']}": i["form"] for i in graph.initiatives}
    for edge in edges:
        edge["data"]["form"] = form_of.get(edge["data"]["source"], "")
    counts = {"initiatives": len(graph.initiatives),
              "partners": sum(1 for p in graph.partners if p["kind"] == PartnerKind.COUNTRY),
              "frameworks": sum(1 for p in graph.partners if p["kind"] != PartnerKind.COUNTRY)}
    return JsonResponse({"nodes": nodes, "edges": edges, "counts": counts})
