"""Pages that belong to no app: IMS's own error pages, and the user guide.

The error pages are Dutch (English when chosen) and in the IMS layout, whatever went wrong. Django's defaults
are English and plain, and with debug on they list URL patterns and settings; these handlers are named in
``ims.urls`` and ``settings.CSRF_FAILURE_VIEW``. A missing page and one above the user's clearance get the
same 404, so the page says nothing about which of the two it was. Under the API's prefix these pages become
JSON on the way out (``ims.api.middleware.ApiErrorsAsJson``).
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import markdown
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

logger = logging.getLogger(__name__)

# What a visitor gets when even the IMS error page cannot be rendered (a broken template, a database down).
BARE_500 = ("<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"><title>Storing · IMS</title>"
            "<h1>Er ging iets mis in IMS</h1><p>Probeer het over enkele minuten opnieuw. Blijft dit gebeuren, "
            "meld dan aan de beheerder wat u deed en hoe laat het was.</p></html>")


def _bare(template: str, request: HttpRequest) -> str:
    """A page rendered without the context processors: for errors where they (the session, the database)
    may be what failed. The header then shows no menu, which is what such a page needs."""
    return render_to_string(template, {"request": request, "bare": True})


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return HttpResponseBadRequest(_bare("400.html", request))


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    # The services say in Dutch what the role may not do; that message is the most useful line on the page.
    reason = str(exception) if exception and str(exception) else ""
    return render(request, "403.html", {"reason": reason}, status=403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        body = _bare("500.html", request)
    except Exception:
        logger.exception("The 500 page could not be rendered")
        body = BARE_500
    return HttpResponseServerError(body)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent with an expired or missing security token: usually a page left open past a new login."""
    return HttpResponseForbidden(render_to_string("403_csrf.html", request=request))


@cache
def _guide_html(path: Path, modified: float) -> SafeString:
    """The guide as HTML, converted once per version of the file (its modification time is part of the key).

    The Markdown is the project's own text, not user input, so its HTML is trusted."""
    text = path.read_text(encoding="utf-8")
    return mark_safe(markdown.markdown(text, extensions=["tables", "toc", "sane_lists"], output_format="html"))


@login_required
def guide(request: HttpRequest) -> HttpResponse:
    """The user guide (``docs/gebruikershandleiding.md``), the same text as in the repository, as a page."""
    path = Path(settings.IMS_USER_GUIDE)
    html = _guide_html(path, path.stat().st_mtime) if path.is_file() else None
    return render(request, "guide.html", {"guide": html}, status=200 if html is not None else 404)
