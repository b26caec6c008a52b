"""The report pages: choose a year and a level, preview, download, finalise, compare with the last final.

Views parse the request, check the level against the user's clearance, and call the builder, a selector or
a service. A level above the user's clearance is refused outright (403), before anything is built.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ims.accounts.permissions import Action, may
from ims.core.classification import Classification
from ims.core.clearance import clearance_choices, within_clearance

from . import selectors, services
from .builder import build_report
from .builder.report import MIN_YEAR, ReportInputError, check_input
from .diff import change_lines, diff_reports
from .models import REPORT_FORMATS
from .render import CONTENT_TYPES, filename
from .render import render as render_report
from .render.html import report_context


class _Refused(Exception):
    pass


def _choice(request: HttpRequest) -> tuple[int, int]:
    """Year and level from the query string or form; ReportInputError for nonsense, _Refused above clearance."""
    source = request.POST if request.method == "POST" else request.GET
    try:
        year = int(source.get("year") or selectors.default_year(user=request.user))
        level = int(source.get("classification") or 0)
    except ValueError:
        raise ReportInputError("Geef het jaar en de rubricering als getal.") from None
    check_input(year, level)
    if not within_clearance(request.user, level):
        raise _Refused(level)
    return year, level


def _refused(request: HttpRequest, level: int) -> HttpResponse:
    return render(request, "reporting/refused.html", {"level": Classification(level).label}, status=403)


def with_choice(view):
    """Give the view the requested year and level; nonsense goes back with a message, a level above the
    user's clearance gets the refusal page."""
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            year, level = _choice(request)
        except _Refused as refused:
            return _refused(request, refused.args[0])
        except ReportInputError as exc:
            messages.error(request, str(exc))
            return redirect("reporting:index")
        return view(request, year, level, *args, **kwargs)

    return wrapped


def _levels(user) -> list[tuple[int, str]]:
    return clearance_choices(user)


@login_required
@with_choice
def index(request: HttpRequest, year: int, level: int) -> HttpResponse:
    data = build_report(year=year, level=level)
    final = selectors.last_final_visible(user=request.user, year=year, level=level)
    comparison = None
    if final is not None:
        changes = diff_reports(final.data, data)
        comparison = {"version": final, "facts": change_lines(changes["facts"]), "text": changes["text"]}
    context = {
        **report_context(data, "preview"),
        "year": year, "level": level, "levels": _levels(request.user), "min_year": MIN_YEAR,
        "formats": REPORT_FORMATS, "versions": selectors.versions_visible(user=request.user)[:50],
        "comparison": comparison, "may_finalise": may(request.user, Action.EDIT),
        "changes_since_previous": change_lines(data["changes"]),
    }
    return render(request, "reporting/index.html", context)


def _attachment(content: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@with_choice
def draft_download(request: HttpRequest, year: int, level: int, fmt: str) -> HttpResponse:
    if fmt not in REPORT_FORMATS:
        raise Http404
    data = build_report(year=year, level=level)
    content = render_report(data, fmt)
    services.report_downloaded(actor=request.user, year=year, level=level, fmt=fmt)
    return _attachment(content, fmt, filename(data, fmt))


@login_required
def version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        version = selectors.version_get(user=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    context = {**report_context(version.data, "preview"), "version": version,
               "files": version.files.all(), "verified": services.version_verify(version)}
    return render(request, "reporting/version.html", context)


@login_required
def version_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    try:
        stored = selectors.version_file(user=request.user, pk=pk, fmt=fmt)
    except ObjectDoesNotExist:
        raise Http404 from None
    version = stored.version
    services.report_downloaded(actor=request.user, year=version.year, level=version.classification, fmt=fmt,
                               version=version)
    return _attachment(bytes(stored.content), fmt, filename(version.data, fmt))


@require_POST
@login_required
@with_choice
def finalise(request: HttpRequest, year: int, level: int) -> HttpResponse:
    # A role that may not edit is refused like on every other write (403), not sent back with a message.
    if not may(request.user, Action.EDIT):
        raise PermissionDenied
    back = reverse("reporting:index") + f"?year={year}&classification={level}"
    reference = request.POST.get("reference", "")[:100]
    if request.POST.get("confirmed") != "yes":
        # Freezing cannot be undone: first say what it does, and let the user confirm or go back.
        return render(request, "reporting/finalise_confirm.html", {
            "year": year, "level": level, "level_label": Classification(level).label, "reference": reference,
            "previous": selectors.last_final_visible(user=request.user, year=year, level=level), "back": back,
        })
    try:
        version = services.report_finalise(year=year, classification=level, actor=request.user,
                                           reference=reference)
    except services.ReportError as exc:
        messages.error(request, str(exc))
        return redirect(back)
    messages.success(request, f"{version} is definitief vastgelegd.")
    return redirect("reporting:version", pk=version.pk)


@login_required
def source(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        passage = selectors.source_passage(user=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    return render(request, "reporting/source.html", {"p": passage})
