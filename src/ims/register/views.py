"""Pages of the register: parse the request, call a selector, render. No queries of their own."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ims.core.exports import EXPORT_FORMATS, export_response
from ims.core.pagination import paginate, query_without

from . import selectors
from .forms import InitiativeFilterForm, PartnerFilterForm
from .presentation import timeline, year_position
from .vocab import AgreementKind


def _wants_partial(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "ims-live-filter"


@login_required
def partner_list(request: HttpRequest) -> HttpResponse:
    form = PartnerFilterForm(request.GET or None)
    partners = selectors.partner_list(user=request.user, filters=form.filters())
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        partners = list(partners)
        counts = selectors.initiative_counts(user=request.user, partners=partners)
        return export_response(
            fmt, query=request.GET.urlencode(), name="partners", rows=partners,
            columns=["code", "kind", "name_nl", "name_en", "ring", "initiatives"],
            row=lambda p: [p.code, p.kind, p.name_nl, p.name_en, p.current_ring or "", counts.get(p.pk, 0)],
        )
    page = paginate(request, partners, default_size=50)
    counts = selectors.initiative_counts(user=request.user, partners=page.object_list)
    for partner in page.object_list:
        partner.initiative_count = counts.get(partner.pk, 0)
    context = {
        "form": form,
        "page": page,
        "facets": selectors.partner_facets(user=request.user, queryset=partners),
        "query": query_without(request, "page"),
    }
    template = "register/_partner_results.html" if _wants_partial(request) else "register/partner_list.html"
    return render(request, template, context)


@login_required
def partner_detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        page = selectors.partner_page(user=request.user, code=code)
    except ObjectDoesNotExist:
        raise Http404 from None
    today = timezone.localdate()
    segments, years = timeline(page.rings, today)
    ticks = [(y, year_position(y, page.rings, today)) for y in years]
    return render(request, "register/partner_detail.html", {"p": page, "segments": segments, "ticks": ticks})


@login_required
def initiative_list(request: HttpRequest) -> HttpResponse:
    form = InitiativeFilterForm(request.GET or None, partners=selectors.partner_choices(user=request.user))
    initiatives = selectors.initiative_list(user=request.user, filters=form.filters())
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return export_response(
            fmt, query=request.GET.urlencode(), name="initiatieven", rows=initiatives,
            columns=["id", "title", "kind", "form", "status", "planned_start", "planned_end", "partners"],
            row=lambda i: [i.pk, i.title, i.kind, i.form, i.status, i.planned_start, i.planned_end,
                           " ".join(p.partner.code for p in i.participations.all())],
        )
    context = {
        "form": form,
        "page": paginate(request, initiatives),
        "facets": selectors.initiative_facets(queryset=initiatives),
        "query": query_without(request, "page"),
    }
    template = "register/_initiative_results.html" if _wants_partial(request) else "register/initiative_list.html"
    return render(request, template, context)


@login_required
def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        initiative = selectors.initiative_get(user=request.user, pk=pk)
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
        )
    context = {
        "page": paginate(request, agreements),
        "facets": selectors.agreement_facets(queryset=agreements),
        "kinds": AgreementKind.choices,
        "kind": kind,
        "q": q,
        "query": query_without(request, "page"),
    }
    return render(request, "register/agreement_list.html", context)
