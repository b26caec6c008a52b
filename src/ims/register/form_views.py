"""Creating and editing an initiative with its parts. The form carries the version its editor started from;
a save against a newer one shows what changed instead of overwriting it (``StaleEdit``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ims.accounts.permissions import Action, may
from ims.core.services import RegisterError, StaleEdit

from . import relations, selectors
from .forms import InitiativeEditForm
from .initiative_forms import part_formsets
from .models import Initiative


def _shown(field, value) -> str:
    """A field's value as the edit form's reader knows it: the choice label, not the stored code."""
    if value in (None, ""):
        return "–"
    choices = dict(field.flatchoices)
    return str(choices.get(value, value))


def _conflicts(form: InitiativeEditForm, stored) -> list[tuple[str, str, str]]:
    """The fields where what the editor submitted differs from what is stored now: (label, theirs, yours)."""
    rows = []
    for name, mine in form.changes().items():
        field = stored._meta.get_field(name)
        theirs = getattr(stored, name)
        if theirs != mine:
            rows.append((str(field.verbose_name), _shown(field, theirs), _shown(field, mine)))
    return rows


def _attach(error: relations.PartRefused, formsets: list) -> bool:
    """Put a refused row's message beside its fields; False when the row's form is not found."""
    for prefix, formset, _heading in formsets:
        if prefix == error.part and formset.is_bound and error.index < len(getattr(formset, "row_forms", [])):
            form = formset.row_forms[error.index]
            cause = error.error
            form.add_error(None, cause if hasattr(cause, "error_dict") or hasattr(cause, "error_list")
                           else str(cause))
            return True
    return False


def _save(request: HttpRequest, initiative: Initiative | None, form: InitiativeEditForm, formsets: list):
    parts = relations.Parts(**{prefix: formset.rows() for prefix, formset, _h in formsets if formset.is_bound})
    return relations.initiative_save(actor=request.user, initiative=initiative, fields=form.changes(),
                                     version=form.cleaned_data["base_version"] if initiative else None, parts=parts)


def _page(request: HttpRequest, initiative: Initiative | None) -> HttpResponse:
    conflict: StaleEdit | None = None
    conflicts: list[tuple[str, str, str]] = []
    data = request.POST if request.method == "POST" else None
    form = InitiativeEditForm(data, instance=initiative or Initiative(), user=request.user)
    formsets = part_formsets(data=data, initiative=form.instance, user=request.user)
    valid = data is not None and form.is_valid()
    valid = all([valid, *(f.is_valid() for _p, f, _h in formsets if f.is_bound)])
    if valid:
        try:
            saved = _save(request, initiative, form, formsets)
        except StaleEdit as stale:
            conflict = stale
            stored = selectors.initiative_for_edit(user=request.user, pk=initiative.pk)
            conflicts = _conflicts(form, stored)
            # The form keeps the editor's values but now carries the stored version: saving again is a
            # deliberate choice to replace what the other person saved, made after seeing it.
            resent = request.POST.copy()
            resent["base_version"] = str(stale.current)
            form = InitiativeEditForm(resent, instance=stored, user=request.user)
            formsets = part_formsets(data=resent, initiative=stored, user=request.user)
        except relations.PartRefused as refused:
            if not _attach(refused, formsets):
                form.add_error(None, str(refused))
        except (RegisterError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Initiatief opgeslagen.") if initiative else _("Initiatief aangemaakt."))
            return redirect("register:initiative-detail", pk=saved.pk)
    return render(request, "register/initiative_form.html", {
        "form": form, "formsets": formsets, "i": initiative, "conflict": conflict, "conflicts": conflicts,
    })


@login_required
@require_http_methods(["GET", "POST"])
def initiative_create(request: HttpRequest) -> HttpResponse:
    if not may(request.user, Action.EDIT):
        raise PermissionDenied
    return _page(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def initiative_edit(request: HttpRequest, pk: int) -> HttpResponse:
    if not may(request.user, Action.EDIT):
        raise PermissionDenied
    try:
        initiative = selectors.initiative_for_edit(user=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    return _page(request, initiative)
