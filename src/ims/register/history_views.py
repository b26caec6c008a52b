"""The history tab of every record page: the record as the user may see it, and its changes."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from . import record_selectors as records
from . import selectors
from .history import record_history
from .models import SourceDocument
from .record_views import _one
from .views import canonical_partner_code

# Per kind of record: how the page finds it (clearance first) and the name of its own page.
GETTERS = {
    "initiative": lambda user, pk: selectors.initiative_for_edit(user=user, pk=pk),
    "agreement": lambda user, pk: records.agreement_get(user=user, pk=pk),
    "commitment": lambda user, pk: records.commitment_get(user=user, pk=pk),
    "contribution": lambda user, pk: records.contribution_get(user=user, pk=pk),
    "spending": lambda user, pk: records.spending_get(user=user, pk=pk),
    "procurement": lambda user, pk: records.procurement_get(user=user, pk=pk),
    "document": lambda user, pk: SourceDocument.objects.for_user(user).defer("text").get(pk=pk),
}


def render_history(request: HttpRequest, record: models.Model, kind: str, arg, *, namespace: str = "register",
                   parts: list[tuple[type[models.Model], str]] | None = None) -> HttpResponse:
    """The history tab of a record whose pages are ``{namespace}:{kind}-detail`` and ``-history``."""
    return render(request, "register/history.html", {
        "record": record, "kind": kind, "arg": arg, "namespace": namespace,
        "entries": record_history(user=request.user, record=record, parts=parts),
    })


def history_view(kind: str):
    @login_required
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        record = _one(GETTERS[kind], user=request.user, pk=pk)
        return render_history(request, record, kind, pk)

    view.__name__ = f"{kind}_history"
    return view


@login_required
def partner_history(request: HttpRequest, code: str) -> HttpResponse:
    canonical = canonical_partner_code(code)
    if canonical != code:
        return redirect("register:partner-history", code=canonical, permanent=True)
    partner = _one(selectors.partner_get, user=request.user, code=code)
    return render_history(request, partner, "partner", code)
