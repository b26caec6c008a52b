"""Pages of the assessment: parse the request, call a selector, service or the framework, render.

Reads go through selectors with the requesting user, so a record above the user's clearance is a 404
here as everywhere. Edits ask :func:`ims.accounts.permissions.may` before showing a form and the
services ask again before writing.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import get_text_list, slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ims import framework as fw
from ims.accounts.permissions import Action, may, roles_that_may
from ims.core.audit import AuditAction, audit
from ims.core.exports import EXPORT_FORMATS, export_response
from ims.core.services import RegisterError
from ims.register.presentation import labels, partner_name
from ims.register.vocab import Ring

from . import selectors, services
from .charts import flip_chart_svg
from .forms import CriteriaForm, ProposalForm, RingForm, ScenarioChoiceForm, ScenarioForm
from .pdf import render_pdf
from .results import DEFAULT_SCENARIO, Outcome, initiative_outcome, proposal_outcome, proposal_query

FRAGMENT_HEADER = "ims-assessment"
PARTNER_CODE = re.compile(r"[A-Z][A-Z0-9_]{0,19}")
SVG_TYPE = "image/svg+xml; charset=utf-8"


def _wants_fragment(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == FRAGMENT_HEADER


def _context(outcome: Outcome) -> dict:
    return {"outcome": outcome, "categories": list(fw.GoalCategory)}


# --- one initiative ----------------------------------------------------------------------------------------

def _initiative(request: HttpRequest, pk: int):
    form = ScenarioChoiceForm(
        request.GET or None,
        scenarios=selectors.scenarios_all(user=request.user),
        initiatives=selectors.compare_choices(user=request.user, exclude=pk),
        initial={"scenario": DEFAULT_SCENARIO},
    )
    # A field that does not validate is shown with its error; the valid ones still apply.
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    try:
        mapped, outcome = initiative_outcome(user=request.user, pk=pk,
                                             scenario_name=data.get("scenario") or DEFAULT_SCENARIO,
                                             compare=data.get("compare") or [])
    except ObjectDoesNotExist:
        raise Http404 from None
    return form, mapped, outcome


@login_required
def initiative(request: HttpRequest, pk: int) -> HttpResponse:
    form, mapped, outcome = _initiative(request, pk)
    query = request.GET.urlencode()
    context = {
        **_context(outcome),
        "form": form,
        "initiative": mapped.initiative,
        "query": query,
        "pdf_url": reverse("assessment:initiative-pdf", args=[pk]) + (f"?{query}" if query else ""),
        "chart_url": reverse("assessment:initiative-chart", args=[pk]) + (f"?{query}" if query else ""),
        "proposal_url": reverse("assessment:proposal") + "?" + proposal_query(
            mapped.data, outcome.scenario.name if outcome.scenario else DEFAULT_SCENARIO),
    }
    return render(request, "assessment/initiative.html", context)


@login_required
def initiative_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    _form, mapped, outcome = _initiative(request, pk)
    if not outcome.ok:
        messages.error(request, _("Dit initiatief kan nog niet worden beoordeeld; er is geen PDF."))
        return redirect(reverse("assessment:initiative", args=[pk]) + f"?{request.GET.urlencode()}")
    pdf = render_pdf(request, {**_context(outcome), "initiative": mapped.initiative,
                               "subject": mapped.initiative.title})
    audit(action=AuditAction.DOWNLOAD, actor=request.user, obj=mapped.initiative,
          changes={"format": "pdf", "scenario": outcome.scenario.name,
                   "total": round(outcome.assessment.total.value, 1)})
    return _pdf_response(pdf, f"beoordeling-initiatief-{pk}.pdf")


@login_required
def initiative_chart(request: HttpRequest, pk: int) -> HttpResponse:
    _form, _mapped, outcome = _initiative(request, pk)
    if outcome.comparison is None:
        return HttpResponseBadRequest("; ".join(outcome.problems), content_type="text/plain; charset=utf-8")
    return HttpResponse(flip_chart_svg(outcome.comparison, standalone=True), content_type=SVG_TYPE)


def _pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- a new proposal ----------------------------------------------------------------------------------------

def _proposal(request: HttpRequest) -> tuple[ProposalForm, Outcome | None]:
    form = ProposalForm(
        request.GET or None,
        partners=selectors.partner_choices(user=request.user),
        scenarios=selectors.scenarios_all(user=request.user),
        initiatives=selectors.compare_choices(user=request.user),
    )
    if not form.is_bound:
        return form, None
    form.is_valid()  # the form's own problems; the framework's join them on the same fields
    return form, proposal_outcome(user=request.user, form=form)


@login_required
def proposal(request: HttpRequest) -> HttpResponse:
    form, outcome = _proposal(request)
    query = request.GET.urlencode()
    context = {
        **_context(outcome),
        "form": form,
        "query": query,
        "pdf_url": f"{reverse('assessment:proposal-pdf')}?{query}",
        "chart_url": f"{reverse('assessment:proposal-chart')}?{query}",
    }
    template = "assessment/_proposal_result.html" if _wants_fragment(request) else "assessment/proposal.html"
    return render(request, template, context)


@login_required
def proposal_pdf(request: HttpRequest) -> HttpResponse:
    _form, outcome = _proposal(request)
    if outcome is None or not outcome.ok:
        messages.error(request, _("Het voorstel is nog niet volledig; er is geen PDF."))
        return redirect(f"{reverse('assessment:proposal')}?{request.GET.urlencode()}")
    title = outcome.assessment.proposal.title
    pdf = render_pdf(request, {**_context(outcome), "subject": title})
    audit(action=AuditAction.DOWNLOAD, actor=request.user, object_type="assessment.proposal", object_repr=title,
          changes={"format": "pdf", "scenario": outcome.scenario.name, "query": request.GET.urlencode(),
                   "total": round(outcome.assessment.total.value, 1)})
    return _pdf_response(pdf, f"beoordeling-{slugify(title)[:60] or 'voorstel'}.pdf")


@login_required
def proposal_chart(request: HttpRequest) -> HttpResponse:
    form, outcome = _proposal(request)
    if outcome is None or outcome.comparison is None:
        problems = [f"{label}: {message}" if label else message for _id, label, message in form.error_summary()]
        problems = problems or list(outcome.problems if outcome else [_("Het voorstel is nog niet volledig.")])
        return HttpResponseBadRequest("; ".join(problems), content_type="text/plain; charset=utf-8")
    return HttpResponse(flip_chart_svg(outcome.comparison, standalone=True), content_type=SVG_TYPE)


# --- partner rings -----------------------------------------------------------------------------------------

@login_required
def rings(request: HttpRequest) -> HttpResponse:
    divergent = request.GET.get("afwijkend") == "1"
    rows = selectors.ring_overview(user=request.user, divergent_only=divergent)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return _rings_export(fmt, rows, query=request.GET.urlencode())
    context = {
        "rows": rows,
        "divergent": divergent,
        "divergent_count": len(selectors.ring_divergences(user=request.user)) if not divergent else len(rows),
        "partners": selectors.partner_choices(user=request.user),
        "who": _who_may(),
    }
    return render(request, "assessment/rings.html", context)


def _rings_export(fmt: str, rows: list[selectors.RingRow], *, query: str) -> HttpResponse:
    rings = labels(Ring, lambda: Ring.choices)

    def values(row: selectors.RingRow, shown: bool) -> list:
        criteria, suggestion = row.criteria, row.suggestion
        ring = row.partner.current_ring or ""
        suggested = suggestion.ring if suggestion else ""
        return [
            row.partner.code, partner_name(row.partner) if shown else row.partner.name_nl,
            rings.get(ring, "") if shown else ring, rings.get(suggested, "") if shown else suggested,
            suggestion.date if suggestion else None,
            criteria.political_distance if criteria else None, criteria.culture_similarity if criteria else None,
            criteria.operational_synergy if criteria else None, criteria.valid_from if criteria else None,
            suggestion.explanation if suggestion else "", row.divergent,
        ]

    return export_response(
        fmt, query=query, name="schillen", rows=rows,
        columns=["code", "name", "ring", "suggested_ring", "suggested_on", "political_distance",
                 "culture_similarity", "operational_synergy", "criteria_from", "explanation", "divergent"],
        row=lambda row: values(row, shown=False), shown=lambda row: values(row, shown=True),
    )


@login_required
def ring_partner_pick(request: HttpRequest) -> HttpResponse:
    """The partner menu on the rings page is a GET form; send the choice on to that partner's page."""
    code = request.GET.get("partner", "")
    if not PARTNER_CODE.fullmatch(code):
        return redirect("assessment:rings")
    return redirect("assessment:partner-rings", code=code)


@login_required
@require_http_methods(["GET", "POST"])
def partner_rings(request: HttpRequest, code: str) -> HttpResponse:
    try:
        page = selectors.partner_rings(user=request.user, code=code)
    except ObjectDoesNotExist:
        raise Http404 from None
    partner = page.row.partner
    criteria_form = CriteriaForm(user=request.user, initial=_criteria_initial(page))
    decision: selectors.RingDecision | None = None
    ring_form = RingForm(initial={"ring": page.row.suggestion.ring if page.row.suggestion else None})
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "criteria":
                if not may(request.user, Action.EDIT):
                    raise PermissionDenied
                criteria_form = CriteriaForm(request.POST, user=request.user)
                if criteria_form.is_valid():
                    data = criteria_form.cleaned_data
                    _criteria, suggestion = services.criteria_record(
                        partner=partner, distance=data["political_distance"], culture=data["culture_similarity"],
                        synergy=data["operational_synergy"], reason=data["reason"], actor=request.user,
                        valid_from=data["valid_from"], classification=data["classification"],
                    )
                    messages.success(request, _("Criteria vastgelegd. %(text)s") % {"text": suggestion.explanation})
                    return redirect("assessment:partner-rings", code=code)
            elif action == "ring":
                if not may(request.user, Action.SET_RING):
                    raise PermissionDenied
                ring_form = RingForm(request.POST)
                if ring_form.is_valid():
                    data = ring_form.cleaned_data
                    try:
                        assignment = services.ring_set(partner=partner, ring=data["ring"], reason=data["reason"],
                                                       actor=request.user, valid_from=data["valid_from"],
                                                       confirmed=data["confirmed"])
                    except services.RingNeedsConfirmation:
                        # Shown from what the user may see; the service decided on the whole history.
                        decision = selectors.ring_decision(user=request.user, partner=partner, ring=data["ring"],
                                                           valid_from=data["valid_from"])
                    else:
                        messages.success(request, _("Schil vastgesteld: %(ring)s vanaf %(date)s.")
                                         % {"ring": assignment.get_ring_display(),
                                            "date": date_format(assignment.valid_from)})
                        return redirect("assessment:partner-rings", code=code)
            elif action == "refresh":
                if not may(request.user, Action.EDIT):
                    raise PermissionDenied
                suggestion = services.suggestion_refresh(partner=partner, actor=request.user)
                messages.success(request, _("Voorstel opnieuw berekend. %(text)s") % {"text": suggestion.explanation})
                return redirect("assessment:partner-rings", code=code)
            else:
                return HttpResponseBadRequest(_("Onbekende handeling."))
        except RegisterError as error:
            messages.error(request, str(error))
    context = {
        "page": page,
        "partner": partner,
        "criteria_form": criteria_form,
        "ring_form": ring_form,
        "can_edit": may(request.user, Action.EDIT),
        "can_set_ring": may(request.user, Action.SET_RING),
        "decision": decision,
        "who": _who_may(),
    }
    return render(request, "assessment/partner_rings.html", context)


def _who_may() -> dict[str, str]:
    """Which roles may record criteria and which may set the ring, in words, from the permissions matrix."""
    return {"criteria": get_text_list([str(r.label) for r in roles_that_may(Action.EDIT)], _("en")),
            "ring": get_text_list([str(r.label) for r in roles_that_may(Action.SET_RING)], _("en"))}


def _criteria_initial(page: selectors.PartnerRings) -> dict:
    current = page.row.criteria
    if current is None:
        return {}
    return {name: getattr(current, name) for name in ("political_distance", "culture_similarity",
                                                       "operational_synergy")}


# --- scenarios ---------------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def scenarios(request: HttpRequest) -> HttpResponse:
    can_edit = may(request.user, Action.EDIT)
    form = ScenarioForm(user=request.user)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        form = ScenarioForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.scenario_create(name=data["name"], label_nl=data["label_nl"], date=data["date"],
                                         weights=form.weights(), actor=request.user,
                                         classification=data["classification"])
            except RegisterError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Scenario ‘%(name)s’ toegevoegd.") % {"name": data["name"]})
                return redirect("assessment:scenarios")
    context = {
        "scenarios": list(selectors.scenarios_all(user=request.user).values()),
        "shipped": set(fw.SCENARIOS),
        "categories": list(fw.GoalCategory),
        "form": form,
        "can_edit": can_edit,
    }
    return render(request, "assessment/scenarios.html", context)
