"""The monitoring's edit pages: plans, milestones of plans, progress notes, officials and activities. Thin, as the
register's: check the role, load what the user may see (a hidden record is a 404, as a missing one), validate
the form, call one service, and show a refusal beside the form. An edit carries the version its editor
started from; a save against a newer one shows what changed instead of overwriting it (``StaleEdit``)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ims.accounts.permissions import Action, may
from ims.core.services import RegisterError, StaleEdit
from ims.register import services as register
from ims.register.form_views import _conflicts
from ims.register.models import Milestone

from . import form_selectors, selectors, services
from .edit_forms import (
    ActivityForm,
    DeleteForm,
    OfficialForm,
    PlanForm,
    PlanMilestoneForm,
    ProgressNoteForm,
    goal_formset,
)
from .models import Activity, CooperationPlan, Official, ProgressNote


def _editor(request: HttpRequest) -> None:
    if not may(request.user, Action.EDIT):
        raise PermissionDenied


def _found(getter: Callable, **kwargs):
    """A record the user may see; a hidden one is as missing as one that does not exist."""
    try:
        return getter(**kwargs)
    except ObjectDoesNotExist:
        raise Http404 from None


def _refusal(form, error: Exception) -> None:
    """Put a service's refusal on the form: beside the field it names where the form has that field."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    elif isinstance(error, ValidationError):
        form.add_error(None, error.messages)
    else:
        form.add_error(None, str(error))


def _stale(request: HttpRequest, form, stale: StaleEdit, stored, make) -> tuple:
    """The form again, with the editor's values but the stored version: saving again is a deliberate choice to
    replace what the other person saved, made after seeing it."""
    conflicts = _conflicts(form, stored)
    resent = request.POST.copy()
    resent["base_version"] = str(stale.current)
    return make(resent, stored), conflicts


def _page(request: HttpRequest, context: dict) -> HttpResponse:
    return render(request, "monitoring/edit_form.html", {"formsets": [], "conflict": None, "conflicts": [],
                                                         **context})


# --- plans ----------------------------------------------------------------------------------------------

def _plan_page(request: HttpRequest, plan: CooperationPlan | None) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = PlanForm(data, instance=plan or CooperationPlan(), user=request.user)
    goals = goal_formset(data=data, plan=form.instance)
    conflict, conflicts = None, []
    if data is not None and all([form.is_valid(), goals.is_valid()]):
        try:
            saved = services.plan_save(
                actor=request.user, plan=plan, fields=form.changes(), initiatives=form.cleaned_data["initiatives"],
                goals=goals.rows(), version=form.cleaned_data["base_version"] if plan else None)
        except StaleEdit as stale:
            conflict = stale
            stored = selectors.plan_for_edit(user=request.user, pk=plan.pk)
            form, conflicts = _stale(request, form, stale, stored,
                                     lambda resent, s: PlanForm(resent, instance=s, user=request.user))
            goals = goal_formset(data=request.POST, plan=stored)
        except (ValidationError, RegisterError, PermissionDenied) as error:
            _refusal(form, error)
        else:
            messages.success(request, _("Samenwerkingsplan opgeslagen.") if plan else
                             _("Samenwerkingsplan aangemaakt."))
            return redirect("monitoring:plan-detail", pk=saved.pk)
    crumbs = [(reverse("monitoring:plan-list"), _("Samenwerkingsplannen"))]
    if plan:
        crumbs.append((reverse("monitoring:plan-detail", args=[plan.pk]), plan.title))
    return _page(request, {
        "form": form, "formsets": [("goals", goals, _("Doelen"))], "conflict": conflict, "conflicts": conflicts,
        "heading": _("Samenwerkingsplan bewerken") if plan else _("Nieuw samenwerkingsplan"), "crumbs": crumbs,
        "cancel": crumbs[-1][0],
    })


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest) -> HttpResponse:
    _editor(request)
    return _plan_page(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    return _plan_page(request, _found(selectors.plan_for_edit, user=request.user, pk=pk))


# --- milestones and progress notes ----------------------------------------------------------------------

def _milestone_page(request: HttpRequest, plan: CooperationPlan | None, milestone) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    # A new one is validated as it will be stored: within the plan's period, at the plan's level at least.
    instance = milestone if milestone is not None else Milestone(plan=plan, classification=plan.classification)
    form = PlanMilestoneForm(data, instance=instance, user=request.user, plan=plan)
    conflict, conflicts = None, []
    if data is not None and form.is_valid():
        try:
            if milestone is None:
                saved = services.plan_milestone_add(plan=plan, actor=request.user, **form.changes())
            else:
                saved = register.milestone_update(milestone=milestone, actor=request.user,
                                                  version=form.cleaned_data["base_version"], **form.changes())
        except StaleEdit as stale:
            conflict = stale
            stored = form_selectors.milestone_for_edit(user=request.user, pk=milestone.pk)
            form, conflicts = _stale(request, form, stale, stored, lambda resent, s: PlanMilestoneForm(
                resent, instance=s, user=request.user, plan=plan))
        except (ValidationError, RegisterError, PermissionDenied) as error:
            _refusal(form, error)
        else:
            messages.success(request, _("Mijlpaal opgeslagen.") if milestone else _("Mijlpaal toegevoegd."))
            return redirect(_milestone_home(saved))
    crumbs = _milestone_crumbs(plan, milestone)
    return _page(request, {
        "form": form, "conflict": conflict, "conflicts": conflicts, "crumbs": crumbs, "cancel": crumbs[-1][0],
        "heading": _("Mijlpaal bewerken") if milestone else _("Nieuwe mijlpaal van het plan"),
    })


def _milestone_home(milestone) -> str:
    """The page a milestone is shown on: its plan's, else its initiative's."""
    if milestone.plan_id:
        return reverse("monitoring:plan-detail", args=[milestone.plan_id])
    return reverse("register:initiative-detail", args=[milestone.initiative_id])


def _milestone_crumbs(plan: CooperationPlan | None, milestone) -> list[tuple[str, str]]:
    if plan is not None:
        return [(reverse("monitoring:plan-list"), _("Samenwerkingsplannen")),
                (reverse("monitoring:plan-detail", args=[plan.pk]), plan.title)]
    return [(reverse("monitoring:milestone-list"), _("Mijlpalen")), (_milestone_home(milestone), milestone.title)]


@login_required
@require_http_methods(["GET", "POST"])
def plan_milestone_create(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    return _milestone_page(request, _found(selectors.plan_for_edit, user=request.user, pk=pk), None)


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    milestone = _found(form_selectors.milestone_for_edit, user=request.user, pk=pk)
    return _milestone_page(request, milestone.plan if milestone.plan_id else None, milestone)


@login_required
@require_http_methods(["GET", "POST"])
def milestone_note(request: HttpRequest, pk: int) -> HttpResponse:
    """A dated progress note on a milestone."""
    _editor(request)
    milestone = _found(form_selectors.milestone_for_edit, user=request.user, pk=pk)
    data = request.POST if request.method == "POST" else None
    form = ProgressNoteForm(data, instance=ProgressNote(milestone=milestone, classification=milestone.classification))
    if data is not None and form.is_valid():
        try:
            services.progress_note_add(milestone=milestone, actor=request.user, **form.cleaned_data)
        except (ValidationError, RegisterError, PermissionDenied) as error:
            _refusal(form, error)
        else:
            messages.success(request, _("Voortgang vastgelegd."))
            return redirect(_milestone_home(milestone))
    crumbs = [*_milestone_crumbs(milestone.plan if milestone.plan_id else None, milestone)]
    return _page(request, {
        "form": form, "crumbs": crumbs, "cancel": crumbs[-1][0],
        "heading": _("Voortgang bij ‘%(title)s’") % {"title": milestone.title},
    })


# --- officials and activities ---------------------------------------------------------------------------

def _official_page(request: HttpRequest, official: Official | None) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = OfficialForm(data, instance=official or Official(), user=request.user)
    conflict, conflicts = None, []
    if data is not None and form.is_valid():
        try:
            if official is None:
                saved = services.official_create(actor=request.user, **form.changes())
            else:
                saved = services.official_update(official=official, actor=request.user,
                                                 version=form.cleaned_data["base_version"], **form.changes())
        except StaleEdit as stale:
            conflict = stale
            stored = form_selectors.official_for_edit(user=request.user, pk=official.pk)
            form, conflicts = _stale(request, form, stale, stored,
                                     lambda resent, s: OfficialForm(resent, instance=s, user=request.user))
        except (ValidationError, RegisterError, PermissionDenied) as error:
            _refusal(form, error)
        else:
            messages.success(request, _("Functionaris opgeslagen.") if official else
                             _("Functionaris aangemaakt."))
            return redirect("monitoring:official-detail", pk=saved.pk)
    crumbs = [(reverse("monitoring:official-list"), _("Attachés en functionarissen"))]
    if official:
        crumbs.append((reverse("monitoring:official-detail", args=[official.pk]), official.name))
    return _page(request, {
        "form": form, "conflict": conflict, "conflicts": conflicts, "crumbs": crumbs, "cancel": crumbs[-1][0],
        "heading": _("Functionaris bewerken") if official else _("Nieuwe functionaris"),
    })


@login_required
@require_http_methods(["GET", "POST"])
def official_create(request: HttpRequest) -> HttpResponse:
    _editor(request)
    return _official_page(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def official_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    return _official_page(request, _found(form_selectors.official_for_edit, user=request.user, pk=pk))


def _official_crumbs(official: Official) -> list[tuple[str, str]]:
    return [(reverse("monitoring:official-list"), _("Attachés en functionarissen")),
            (reverse("monitoring:official-detail", args=[official.pk]), official.name)]


def _activity_page(request: HttpRequest, official: Official, activity: Activity | None) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = ActivityForm(data, instance=activity or Activity(official=official), user=request.user, official=official)
    conflict, conflicts = None, []
    if data is not None and form.is_valid():
        try:
            if activity is None:
                saved = services.activity_record(official=official, actor=request.user, **form.changes(),
                                                 **form.links())
            else:
                saved = services.activity_update(activity=activity, actor=request.user, **form.changes(),
                                                 **form.links(), version=form.cleaned_data["base_version"])
        except StaleEdit as stale:
            conflict = stale
            stored = form_selectors.activity_for_edit(user=request.user, pk=activity.pk)
            form, conflicts = _stale(request, form, stale, stored, lambda resent, s: ActivityForm(
                resent, instance=s, user=request.user, official=official))
        except (ValidationError, RegisterError, PermissionDenied) as error:
            _refusal(form, error)
        else:
            messages.success(request, _("Activiteit opgeslagen.") if activity else _("Activiteit vastgelegd."))
            return redirect("monitoring:activity-detail", pk=saved.pk) if activity else \
                redirect("monitoring:official-detail", pk=official.pk)
    crumbs = _official_crumbs(official)
    if activity is not None:
        crumbs.append((reverse("monitoring:activity-detail", args=[activity.pk]), str(activity)))
    return _page(request, {
        "form": form, "conflict": conflict, "conflicts": conflicts, "crumbs": crumbs, "cancel": crumbs[-1][0],
        "heading": (_("Activiteit van %(name)s bewerken") if activity else
                    _("Activiteit van %(name)s vastleggen")) % {"name": official.name},
    })


@login_required
@require_http_methods(["GET", "POST"])
def official_activity(request: HttpRequest, pk: int) -> HttpResponse:
    """Record what an official did, and what it served."""
    _editor(request)
    return _activity_page(request, _found(form_selectors.official_for_edit, user=request.user, pk=pk), None)


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    activity = _found(form_selectors.activity_for_edit, user=request.user, pk=pk)
    return _activity_page(request, activity.official, activity)


@login_required
@require_http_methods(["GET", "POST"])
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask, then delete an activity. The question carries the version it was asked about: an activity someone
    changed in between is not deleted unseen, but shown again as it is now."""
    _editor(request)
    activity = _found(form_selectors.activity_for_edit, user=request.user, pk=pk)
    form = DeleteForm(request.POST if request.method == "POST" else None, instance=activity)
    refusal = ""
    if form.is_bound and form.is_valid():
        try:
            services.activity_delete(activity=activity, actor=request.user, version=form.cleaned_data["base_version"])
        except StaleEdit as stale:
            refusal = str(stale)
            activity = form_selectors.activity_for_edit(user=request.user, pk=pk)
            form = DeleteForm(instance=activity)
        except (RegisterError, PermissionDenied) as error:
            refusal = str(error)
        else:
            messages.success(request, _("Activiteit verwijderd."))
            return redirect("monitoring:official-detail", pk=activity.official_id)
    return render(request, "monitoring/activity_delete.html", {
        "form": form, "refusal": refusal, "activity": activity, "crumbs": _official_crumbs(activity.official),
        "cancel": reverse("monitoring:activity-detail", args=[activity.pk]),
    })
