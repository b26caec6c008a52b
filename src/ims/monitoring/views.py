"""Pages of the monitoring: parse the request, call a selector, render. No queries of their own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ims.accounts.models import Role
from ims.core.audit import AuditAction, audit
from ims.core.exports import EXPORT_FORMATS, export_response
from ims.core.pagination import paginate, query_without
from ims.register.history_views import render_history
from ims.register.models import Milestone
from ims.register.presentation import display, facet_links
from ims.register.vocab import Status

from . import feed, form_selectors, selectors
from .agenda import AGENDA_FORMATS, agenda_data, agenda_filename, render_agenda
from .agenda import CONTENT_TYPES as AGENDA_TYPES
from .forms import MilestoneFilterForm
from .models import Activity, CalendarFeed, PlanGoal
from .presentation import headline_numbers, plan_timeline, status_rows
from .status import state_of, today
from .vocab import InitiativeGap, MilestoneState

MILESTONE_FACET_FILTERS = {"milestone_status": "status"}
PLAN_FACET_FILTERS = {"partner": "partner"}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The start page: the dashboard for BIA members, the initiatives for everyone else."""
    user = request.user
    if user.role == Role.BIA_MEMBER:
        return redirect("monitoring:dashboard")
    return redirect("register:initiative-list")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    board = selectors.dashboard(user=request.user)
    numbers = headline_numbers(board)
    per_ring, per_partner = status_rows(board)
    if request.GET.get("format") == "json":
        audit(action=AuditAction.EXPORT, object_type="dashboard", changes={"format": "json", "query": ""})
        rows = [{"key": n.key, "label": str(n.label), "count": n.count, "url": n.url} for n in numbers]
        rows += [{"key": cell.key, "label": f"{row.label}: {status}", "count": cell.count, "url": cell.url}
                 for row in (*per_ring, *per_partner) for status, cell in zip(Status.labels, row.cells, strict=True)]
        return JsonResponse({"numbers": rows})
    return render(request, "monitoring/dashboard.html", {
        "board": board, "numbers": numbers, "per_ring": per_ring, "per_partner": per_partner,
        "statuses": Status.choices, "today": today(),
    })


def _milestone_export(fmt: str, request: HttpRequest, rows) -> HttpResponse:
    on = today()
    states = dict(MilestoneState.choices)
    return export_response(
        fmt, query=request.GET.urlencode(), name="mijlpalen", rows=rows,
        columns=["id", "title", "due_on", "status", "state", "done_on", "initiative", "plan", "owner"],
        row=lambda m: [m.pk, m.title, m.due_on, m.status, state_of(status=m.status, due_on=m.due_on, on=on),
                       m.done_on, m.initiative.title if m.initiative_id else "",
                       m.plan.title if m.plan_id else "", m.owner.username if m.owner_id else ""],
        shown=lambda m: [m.pk, m.title, m.due_on, display(m, "status"),
                         states.get(state_of(status=m.status, due_on=m.due_on, on=on), ""), m.done_on,
                         m.initiative.title if m.initiative_id else "", m.plan.title if m.plan_id else "",
                         m.owner.username if m.owner_id else ""],
    )


@login_required
def milestone_list(request: HttpRequest) -> HttpResponse:
    form = MilestoneFilterForm(request.GET or None)
    milestones = selectors.milestone_rows(user=request.user, filters=form.filters())
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return _milestone_export(fmt, request, milestones)
    facets = selectors.milestone_facets(queryset=milestones)
    on = today()
    page = paginate(request, milestones, count=sum(n for _, n in facets["milestone_status"]))
    for m in page.object_list:
        m.state = state_of(status=m.status, due_on=m.due_on, on=on)
    return render(request, "monitoring/milestone_list.html", {
        "form": form, "page": page, "query": query_without(request, "page"),
        "facets": facet_links(request.GET, facets, MILESTONE_FACET_FILTERS),
    })


@login_required
def initiative_gaps(request: HttpRequest) -> HttpResponse:
    gap = request.GET.get("gap", "")
    if gap not in InitiativeGap.values:
        gap = InitiativeGap.NO_MILESTONE
    initiatives = selectors.initiative_gap_list(user=request.user, gap=gap).prefetch_related(None).only(
        "pk", "title", "status", "updated_at")
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return export_response(fmt, query=request.GET.urlencode(), name="initiatieven-aandacht", rows=initiatives,
                               columns=["id", "title", "status", "updated_at"],
                               row=lambda i: [i.pk, i.title, i.status, i.updated_at],
                               shown=lambda i: [i.pk, i.title, display(i, "status"), i.updated_at])
    return render(request, "monitoring/initiative_gaps.html", {
        "gap": gap, "gaps": InitiativeGap.choices, "page": paginate(request, initiatives),
        "query": query_without(request, "page"),
    })


@login_required
def commitment_list(request: HttpRequest) -> HttpResponse:
    commitments = selectors.overdue_commitments(user=request.user)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return export_response(fmt, query=request.GET.urlencode(), name="toezeggingen-over-termijn",
                               rows=commitments, columns=["id", "member", "subject", "made_on", "due_on"],
                               row=lambda c: [c.pk, c.member, c.subject, c.made_on, c.due_on])
    return render(request, "monitoring/commitment_list.html", {
        "page": paginate(request, commitments), "query": query_without(request, "page"),
    })


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    partner = request.GET.get("partner", "")[:20]
    q = request.GET.get("q", "")[:100]
    plans = selectors.plan_list(user=request.user, partner=partner, q=q)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return export_response(fmt, query=request.GET.urlencode(), name="samenwerkingsplannen", rows=plans,
                               columns=["id", "title", "partner", "starts_on", "ends_on", "milestones"],
                               row=lambda p: [p.pk, p.title, p.partner.code, p.starts_on, p.ends_on,
                                              p.milestone_count])
    return render(request, "monitoring/plan_list.html", {
        "page": paginate(request, plans), "q": q, "query": query_without(request, "page"),
        "facets": facet_links(request.GET, selectors.plan_facets(queryset=plans), PLAN_FACET_FILTERS),
    })


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        page = selectors.plan_page(user=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    on = today()
    for m in page.milestones:
        m.state = state_of(status=m.status, due_on=m.due_on, on=on)
    timeline = plan_timeline(starts_on=page.plan.starts_on, ends_on=page.plan.ends_on,
                             initiatives=page.initiatives, milestones=page.milestones, today=on)
    return render(request, "monitoring/plan_detail.html", {"p": page, "timeline": timeline})


@login_required
def official_list(request: HttpRequest) -> HttpResponse:
    partner = request.GET.get("partner", "")[:20]
    officials = selectors.official_list(user=request.user, partner=partner)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return export_response(fmt, query=request.GET.urlencode(), name="functionarissen", rows=officials,
                               columns=["id", "name", "kind", "partner", "starts_on", "ends_on", "activities"],
                               row=lambda o: [o.pk, o.name, o.kind, o.partner.code, o.starts_on, o.ends_on,
                                              o.activity_count],
                               shown=lambda o: [o.pk, o.name, display(o, "kind"), o.partner.code, o.starts_on,
                                                o.ends_on, o.activity_count])
    return render(request, "monitoring/official_list.html", {
        "page": paginate(request, officials), "query": query_without(request, "page"),
    })


@login_required
def official_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        page = selectors.official_page(user=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    return render(request, "monitoring/official_detail.html", {"p": page})


@login_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        activity = selectors.activity_get(user=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    return render(request, "monitoring/activity_detail.html", {"a": activity})


# The parts whose changes a plan's and an official's history tab include, with their pointer to the record.
PLAN_PARTS = [(PlanGoal, "plan"), (Milestone, "plan")]
OFFICIAL_PARTS = [(Activity, "official")]


def _history_view(find: Callable[..., models.Model], kind: str, parts: Sequence[tuple[type[models.Model], str]] = ()):
    """The history tab of a plan, an official or an activity, as ``register.history_views.history_view`` makes the
    register's: the record found as its own page finds it (``find(user=, pk=)``), so the tab is shown to exactly
    those who may open the page."""
    @login_required
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        try:
            record = find(user=request.user, pk=pk)
        except ObjectDoesNotExist:
            raise Http404 from None
        return render_history(request, record, kind, pk, namespace="monitoring", parts=list(parts))

    view.__name__ = f"{kind}_history"
    return view


plan_history = _history_view(selectors.plan_for_edit, "plan", PLAN_PARTS)
official_history = _history_view(form_selectors.official_for_edit, "official", OFFICIAL_PARTS)
activity_history = _history_view(form_selectors.activity_for_edit, "activity")


@login_required
@require_http_methods(["GET", "POST"])
def calendar(request: HttpRequest) -> HttpResponse:
    """The user's own feed address: issue a new one (the old one stops working) or revoke it. A personal
    setting, like an API token: every role may have one, and it shows only what the user may see."""
    address = ""
    choice = request.POST.get("feed", "")
    if choice == "issue":
        secret = feed.feed_issue(user=request.user)
        address = request.build_absolute_uri(reverse("monitoring:calendar-feed", args=[secret]))
        messages.success(request, _("Nieuw agenda-adres gemaakt; een eerder adres werkt niet meer."))
    elif choice == "revoke" and feed.feed_revoke(user=request.user):
        messages.success(request, _("Het agenda-adres is ingetrokken."))
    return render(request, "monitoring/calendar.html", {
        "address": address, "has_feed": CalendarFeed.objects.filter(user=request.user).exists(),
    })


def calendar_feed(request: HttpRequest, secret: str) -> HttpResponse:
    """The iCalendar feed behind a secret address: no login (a calendar program cannot log in), so the secret
    is the key; an unknown or revoked one is a plain 404."""
    user = feed.feed_owner(secret=secret)
    if user is None:
        raise Http404
    body = feed.feed_calendar(user=user, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="ims-mijlpalen.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response


@login_required
def agenda_download(request: HttpRequest) -> HttpResponse:
    """The BIA agenda for a meeting date (today by default), at the user's own clearance."""
    fmt = request.GET.get("format", "pdf")
    try:
        meeting = dt.date.fromisoformat(request.GET.get("date") or today().isoformat())
    except ValueError:
        raise Http404 from None
    if fmt not in AGENDA_FORMATS:
        raise Http404
    data = agenda_data(user=request.user, meeting=meeting)
    audit(action=AuditAction.DOWNLOAD, object_type="agenda", changes={"format": fmt, "date": str(meeting)})
    response = HttpResponse(render_agenda(data, fmt), content_type=AGENDA_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{agenda_filename(data, fmt)}"'
    return response
