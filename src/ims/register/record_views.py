"""Pages of the smaller lists and of single records: commitments to Parliament, contributions, defence spending,
procurement, agreements and source documents. Parse the request, call a selector, render."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ims.core.exports import EXPORT_FORMATS, export_response
from ims.core.pagination import paginate, query_without
from ims.text.passages import cut

from . import record_selectors as records
from . import selectors
from .charts import spending_table
from .presentation import display, facet_links
from .record_forms import CommitmentFilterForm, DocumentFilterForm, PartnerYearFilterForm, SpendingFilterForm
from .vocab import CommitmentStatus

YEAR_FACET = {"year": "year"}


def _codes(partners: Sequence) -> str:
    return " ".join(p.code for p in partners)


def _list(request: HttpRequest, *, template: str, form, rows, facets: dict, params: dict[str, str],
          export: tuple[str, Sequence[str], Callable[[Any], Sequence[Any]]],
          shown: Callable[[Any], Sequence[Any]] | None = None, **extra) -> HttpResponse:
    """A list page with the register's conventions: filters, facets that filter, a pager and CSV/JSON twins.

    ``shown``: a row's values as the spreadsheets show them (labels for codes), where they differ from the JSON's."""
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        name, columns, row = export
        return export_response(fmt, query=request.GET.urlencode(), name=name, columns=columns, rows=rows, row=row,
                               shown=shown)
    context = {
        "form": form,
        "page": paginate(request, rows),
        "facets": facet_links(request.GET, facets, params),
        "query": query_without(request, "page"),
        **extra,
    }
    return render(request, template, context)


def _one(getter: Callable[..., Any], **kwargs) -> Any:
    """A record the user may see; a hidden one is as missing as one that does not exist."""
    try:
        return getter(**kwargs)
    except ObjectDoesNotExist:
        raise Http404 from None


@login_required
def commitment_list(request: HttpRequest) -> HttpResponse:
    form = CommitmentFilterForm(request.GET or None)
    rows = records.commitment_rows(user=request.user, filters=form.filters())
    return _list(
        request, template="register/commitment_list.html", form=form, rows=rows,
        facets=records.commitment_facets(queryset=rows), params={"commitment_status": "status", **YEAR_FACET},
        export=("toezeggingen", ["id", "subject", "member", "made_on", "due_on", "status", "answered_in"],
                lambda c: [c.pk, c.subject, c.member, c.made_on, c.due_on, c.status,
                           c.answered_in.cite_label() if c.answered_in else ""]),
        shown=lambda c: [c.pk, c.subject, c.member, c.made_on, c.due_on, display(c, "status"),
                         c.answered_in.cite_label() if c.answered_in else ""],
        open_status=CommitmentStatus.OPEN,
    )


@login_required
def commitment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _one(records.commitment_get, user=request.user, pk=pk)
    return render(request, "register/commitment_detail.html", {"c": commitment, "record": commitment})


@login_required
def contribution_list(request: HttpRequest) -> HttpResponse:
    form = PartnerYearFilterForm(request.GET or None, partners=selectors.partner_choices(user=request.user))
    rows = records.contribution_rows(user=request.user, filters=form.filters())
    return _list(
        request, template="register/contribution_list.html", form=form, rows=rows,
        facets=records.year_facets(queryset=rows), params=YEAR_FACET,
        export=("bijdragen", ["id", "operation", "year", "location", "personnel", "partners"],
                lambda c: [c.pk, c.operation, c.year, c.location.code if c.location else "", c.personnel,
                           _codes(c.visible_partners)]),
    )


@login_required
def contribution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = _one(records.contribution_get, user=request.user, pk=pk)
    return render(request, "register/contribution_detail.html", {"c": contribution, "record": contribution})


@login_required
def spending_list(request: HttpRequest) -> HttpResponse:
    form = SpendingFilterForm(request.GET or None, partners=selectors.partner_choices(user=request.user))
    rows = records.spending_rows(user=request.user, filters=form.filters())
    table = None if request.GET.get("format") in EXPORT_FORMATS else spending_table(rows)
    return _list(
        request, template="register/spending_list.html", form=form, rows=rows,
        facets=records.spending_facets(queryset=rows), params={"spending_status": "status", **YEAR_FACET},
        export=("defensie-uitgaven", ["id", "partner", "year", "status", "amount", "currency", "pct_gdp"],
                lambda s: [s.pk, s.partner.code, s.year, s.status, s.amount, s.currency, s.pct_gdp]),
        shown=lambda s: [s.pk, s.partner.code, s.year, display(s, "status"), s.amount, s.currency, s.pct_gdp],
        table=table,
    )


@login_required
def spending_detail(request: HttpRequest, pk: int) -> HttpResponse:
    figure = _one(records.spending_get, user=request.user, pk=pk)
    return render(request, "register/spending_detail.html", {"s": figure, "record": figure})


@login_required
def procurement_list(request: HttpRequest) -> HttpResponse:
    form = PartnerYearFilterForm(request.GET or None, partners=selectors.partner_choices(user=request.user))
    rows = records.procurement_rows(user=request.user, filters=form.filters())
    return _list(
        request, template="register/procurement_list.html", form=form, rows=rows,
        facets=records.year_facets(queryset=rows), params=YEAR_FACET,
        export=("verwervingen", ["id", "partner", "system", "quantity", "year"],
                lambda p: [p.pk, p.partner.code, p.system, p.quantity, p.year]),
    )


@login_required
def procurement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    procurement = _one(records.procurement_get, user=request.user, pk=pk)
    return render(request, "register/procurement_detail.html", {"p": procurement, "record": procurement})


@login_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _one(records.agreement_get, user=request.user, pk=pk)
    return render(request, "register/agreement_detail.html", {"a": agreement, "record": agreement})


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    form = DocumentFilterForm(request.GET or None)
    rows = records.document_rows(user=request.user, **form.filters())
    return _list(
        request, template="register/document_list.html", form=form, rows=rows,
        facets=records.document_facets(queryset=rows), params=YEAR_FACET,
        export=("documenten", ["id", "title", "date", "kamerstuk", "reference", "classification"],
                lambda d: [d.pk, d.title, d.date, d.kamerstuk, d.reference, d.classification]),
        shown=lambda d: [d.pk, d.title, d.date, d.kamerstuk, d.reference, display(d, "classification")],
    )


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The document: its metadata, its text with every cited passage marked and addressable as
    ``#passage-<start>-<end>``, and the records and facts taken from it."""
    found = _one(records.document_page, user=request.user, pk=pk)
    spans = found.spans + _asked_passage(request, len(found.document.text))
    return render(request, "register/document_detail.html", {
        "d": found.document, "record": found.document, "found": found, "pieces": cut(found.document.text, spans),
    })


def _asked_passage(request: HttpRequest, length: int) -> list[tuple[int, int]]:
    """A passage the link asks to mark (``?passage=<start>-<end>``, as the search's snippets link): it becomes
    addressable as ``#passage-<start>-<end>`` like a cited one. Only of a document the user may read anyway."""
    start, _, end = request.GET.get("passage", "").partition("-")
    if not (start.isdigit() and end.isdigit() and len(start) < 10 and len(end) < 10):
        return []
    if not 0 <= int(start) < int(end) <= length:
        return []
    return [(int(start), int(end))]
