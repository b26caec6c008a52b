"""Review queue, review screen and batch uploads. Only roles that may edit the register review facts."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ims.accounts.permissions import Action, may
from ims.assessment.ring_change import RingChange
from ims.assessment.services import RingNeedsConfirmation
from ims.core.services import RegisterError

from . import selectors, services, staging
from .correction import Partners, correction_form, corrections_from
from .fields import fact_label
from .forms import NO_RELIABLE_BAND_MESSAGE, BulkAcceptForm, RejectForm, UploadForm, bulk_accept_offered, confirm_forms
from .models import FactStatus
from .presentation import cards, document_url, highlight, record_text, record_url
from .undo import fact_undo


def reviewer_required(view):
    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not may(request.user, Action.EDIT):
            raise Http404  # the queue holds unreviewed text; for others it does not exist
        return view(request, *args, **kwargs)

    return wrapped


@reviewer_required
def queue(request: HttpRequest) -> HttpResponse:
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            staged = staging.upload_stage(files=form.cleaned_data["documents"], actor=request.user,
                                  bundle=form.cleaned_data["bundle"], refused=form.refused)
            if staged.files:
                return redirect("ingest:upload-confirm", token=staged.token)
            staging.staged_discard(staged)
            form.add_error("documents", [f"{name}: {why}" for name, why in staged.refused])
    context = {
        "documents": selectors.review_documents(user=request.user),
        "jobs": selectors.jobs_recent(user=request.user),
        "form": form,
    }
    return render(request, "ingest/queue.html", context)


@reviewer_required
def upload_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The upload's second step: what was read from each file, to correct, then confirm (the job starts) or
    cancel (the files go)."""
    staged = staging.staged_get(token=token, actor=request.user)
    if staged is None:
        raise Http404
    if request.method == "POST" and "cancel" in request.POST:
        staging.staged_discard(staged)
        messages.success(request, _("Inlezen geannuleerd; de bestanden zijn verwijderd."))
        return redirect("ingest:queue")
    forms = confirm_forms(staged, request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and all(f.is_valid() for f in forms):
        job = staging.upload_confirm(staged=staged, actor=request.user, stated=[f.stated() for f in forms])
        if job is None:
            raise Http404
        return redirect("ingest:job", pk=job.pk)
    return render(request, "ingest/upload_confirm.html", {
        "staged": staged, "files": list(zip(staged.files, forms, strict=True)),
    }, status=400 if request.method == "POST" else 200)


@reviewer_required
def job(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        job = selectors.job_get(user=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    if request.GET.get("format") == "json":
        return JsonResponse({"status": job.status, "processed": job.processed, "total": job.total,
                             "percent": job.percent, "error": job.error})
    items = selectors.job_items(user=request.user, job=job)
    for item in items:
        item.document_url = document_url(item.document_id) if item.document_id else None
    return render(request, "ingest/job.html", {"job": job, "items": items})


def _review_page(request: HttpRequest, pk: int, *, problem: tuple[int, str, Form | None] | None = None,
                 change: RingChange | None = None, status: int = 200) -> HttpResponse:
    """The review screen; ``problem`` is (fact id, error, the bound correction form if any) for a decision that
    was refused, shown on that fact's card; ``change``: what that fact, a ring placement, would change in the
    partner's history, for a BIA member to confirm."""
    try:
        document, facts = selectors.review_document(user=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    names = selectors.partner_names(user=request.user)
    partners = Partners(names)
    forms = {f.pk: correction_form(f, partners) for f in facts}
    if problem is not None and problem[2] is not None:
        forms[problem[0]] = problem[2]
    shown = cards(facts, document.text, forms=forms, partner_names=names,
                  records=selectors.target_records(user=request.user, facts=facts))
    for card in shown:
        if problem is not None and card.fact.pk == problem[0]:
            card.error = problem[1]
            card.corrected = problem[2] is not None
            card.open_form = card.corrected and change is None
            card.ring_change = change
    context = {"document": document, "pieces": highlight(document.text, [(f.start, f.end, f.pk) for f in facts]),
               "cards": shown, "bulk": BulkAcceptForm() if bulk_accept_offered() else None,
               "no_bulk": NO_RELIABLE_BAND_MESSAGE, "partner_names": sorted(names.items(), key=lambda i: i[1]),
               "pending": sum(1 for f in facts if f.status == FactStatus.PENDING),
               "document_url": document_url(document.pk),
               "can_set_ring": may(request.user, Action.SET_RING),
               "bundle": selectors.bundle_parts(user=request.user, document=document),
               # Every file the letter came in (the same text as PDF and as .txt is one document).
               "files": list(document.files.order_by("pk"))}
    return render(request, "ingest/review.html", context, status=status)


@reviewer_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_page(request, pk)


def _fact_or_404(request, pk):
    try:
        return selectors.fact_get(user=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None


def _posted_version(request: HttpRequest) -> int | None:
    """The fact's version as the reviewer's page showed it; a form without one (an old page) checks nothing."""
    try:
        return int(request.POST["version"])
    except (KeyError, ValueError):
        return None


def _recorded(request: HttpRequest, fact, text: str) -> None:
    """The success message, with a link to the register record the fact became."""
    record = selectors.target_records(user=request.user, facts=[fact]).get(fact.target)
    url = record_url(record) if record is not None else None
    if record is None:
        messages.success(request, text)
    elif url is None:
        messages.success(request, format_html("{} {}", text, record_text(record)))
    else:
        messages.success(request, format_html('{} <a href="{}">{}</a>', text, url, record_text(record)))


@require_POST
@reviewer_required
def fact_decide(request: HttpRequest, pk: int) -> HttpResponse:
    fact = _fact_or_404(request, pk)
    decision = request.POST.get("decision")
    version = _posted_version(request)
    confirmed = request.POST.get("confirmed") == "on"
    form = None
    try:
        if decision == "accept":
            services.fact_accept(fact=fact, actor=request.user, version=version, confirmed=confirmed)
            _recorded(request, fact, _("Feit geaccepteerd en vastgelegd als"))
        elif decision == "correct":
            form = correction_form(fact, Partners(selectors.partner_names(user=request.user)), request.POST)
            if not form.is_valid():
                return _review_page(request, fact.document_id, status=400,
                                    problem=(fact.pk, _("Verbeter de gemarkeerde velden."), form))
            services.fact_accept(fact=fact, actor=request.user, version=version, confirmed=confirmed,
                                 corrections=corrections_from(form, fact.payload))
            _recorded(request, fact, _("Feit gecorrigeerd en vastgelegd als"))
        elif decision == "reject":
            reject = RejectForm(request.POST)
            if not reject.is_valid():  # a reason too long: said on the card, not cut off or dropped unseen
                return _review_page(request, fact.document_id, status=400, problem=(
                    fact.pk, _("Niet afgewezen: %(reason)s") % {"reason": " ".join(reject.errors["note"])}, None))
            services.fact_reject(fact=fact, actor=request.user, version=version,
                                 note=reject.cleaned_data.get("note", ""))
            messages.success(request, _("Feit afgewezen."))
        elif decision == "undo":
            was_accepted = fact.status == FactStatus.ACCEPTED
            fact_undo(fact=fact, actor=request.user, version=version)
            messages.success(request, _("Acceptatie teruggedraaid: het feit wacht weer op beoordeling.")
                             if was_accepted else _("Afwijzing teruggedraaid: het feit wacht weer op beoordeling."))
        else:
            messages.error(request, _("Onbekende beslissing."))
    except RingNeedsConfirmation as confirm:
        return _review_page(request, fact.document_id, problem=(fact.pk, str(confirm), form), change=confirm.change)
    except (RegisterError, ValidationError, PermissionDenied) as exc:
        reason = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        return _review_page(request, fact.document_id, status=400,
                            problem=(fact.pk, _("Niet vastgelegd: %(reason)s") % {"reason": reason}, form))
    return redirect(reverse("ingest:review", args=[fact.document_id]) + f"#fact-{fact.pk}")


@require_POST
@reviewer_required
def bulk_accept(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        document, facts = selectors.review_document(user=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    form = BulkAcceptForm(request.POST)
    if not bulk_accept_offered():
        messages.error(request, NO_RELIABLE_BAND_MESSAGE)
    elif not form.is_valid():
        messages.error(request, _("Geef een zekerheid tussen 0 en 1."))
    else:
        result = services.facts_accept_bulk(facts=facts, actor=request.user,
                                            min_confidence=form.cleaned_data["min_confidence"])
        messages.success(request, ngettext("%(n)s feit geaccepteerd.", "%(n)s feiten geaccepteerd.",
                                           result.accepted) % {"n": result.accepted})
        kinds = {f.pk: f.fact_type for f in facts}
        for fact_id, reason in result.failed:
            # Named as its card is, and linked to it: the reviewer has no use for a fact's number.
            messages.error(request, format_html('<a href="#fact-{}">{}</a> {}', fact_id,
                                                fact_label(kinds[fact_id]).capitalize(),
                                                _("niet vastgelegd: %(reason)s") % {"reason": reason}))
    return redirect("ingest:review", pk=document.pk)
