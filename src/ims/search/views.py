"""The search page: parse the request, call the selector, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ims.core.pagination import query_without
from ims.register.presentation import facet_links

from . import selectors
from .forms import SearchForm

FACET_FILTERS = {"kind": "kind", "year": "year"}


@login_required
def results(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    params = form.params()
    context: dict = {"form": form, "q": params["q"], "results": None}
    if params["q"]:
        found = selectors.search(user=request.user, **params)
        context.update(
            results=found,
            facets=facet_links(request.GET, found.facets, FACET_FILTERS),
            page_number=params["page"],
            pages=selectors.page_count(found),
            query=query_without(request, "page"),
        )
    return render(request, "search/results.html", context)
