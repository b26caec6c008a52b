"""Review queue, review screen and batch uploads. Only roles that may edit the register review facts."""

from __future__ import annotations

import hashlib
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ims.accounts.permissions import Action, may
from ims.core.services import RegisterError

from . import selectors, services
from .forms import (
    NO_RELIABLE_BAND_MESSAGE,
    BulkAcceptForm,
    RejectForm,
    UploadForm,
    bulk_accept_offered,
    correction_form,
    corrections_from,
)
from .jobs import job_start
from .models import FactStatus
from .presentation import highlight


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
            settings.UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
            paths = []
            for upload in form.cleaned_data["documents"]:
                data = upload.read()
                # Stored under its digest, so the same file uploaded twice is one file on disk.
                folder = settings.UPLOAD_DIR / hashlib.sha256(data).hexdigest()[:16]
                folder.mkdir(exist_ok=True)
                target = folder / upload.name.replace("/", "_")
                target.write_bytes(data)
                paths.append(target)
            job = job_start(paths=paths, actor=request.user, bundle=form.cleaned_data["bundle"])
            return redirect("ingest:job", pk=job.pk)
    context = {
        "documents": selectors.review_documents(user=request.user),
        "jobs": selectors.jobs_recent(user=request.user),
        "form": form,
    }
    return render(request, "ingest/queue.html", context)


@reviewer_required
def job(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        job = selectors.job_get(user=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    if request.GET.get("format") == "json":
        return JsonResponse({"status": job.status, "processed": job.processed, "total": job.total,
                             "percent": job.percent, "error": job.error})
    return render(request, "ingest/job.html", {"job": job, "items": selectors.job_items(user=request.user, job=job)})


@reviewer_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        document, facts = selectors.review_document(user=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    pieces = highlight(document.text, [(f.start, f.end, f.pk) for f in facts])
    rows = [(f, correction_form(f.fact_type, f.payload)) for f in facts]
    context = {"document": document, "pieces": pieces, "rows": rows,
               "bulk": BulkAcceptForm() if bulk_accept_offered() else None, "no_bulk": NO_RELIABLE_BAND_MESSAGE,
               "pending": sum(1 for f in facts if f.status == FactStatus.PENDING),
               "bundle": selectors.bundle_parts(user=request.user, document=document)}
    return render(request, "ingest/review.html", context)


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


@require_POST
@reviewer_required
def fact_decide(request: HttpRequest, pk: int) -> HttpResponse:
    fact = _fact_or_404(request, pk)
    decision = request.POST.get("decision")
    version = _posted_version(request)
    try:
        if decision == "accept":
            services.fact_accept(fact=fact, actor=request.user, version=version)
            messages.success(request, _("Feit geaccepteerd en vastgelegd als %(target)s.") % {"target": fact.target})
        elif decision == "correct":
            form = correction_form(fact.fact_type, fact.payload, request.POST)
            if not form.is_valid():
                messages.error(request,
                               _("De correctie is niet geldig: %(errors)s") % {"errors": form.errors.as_text()})
            else:
                services.fact_accept(fact=fact, actor=request.user, version=version,
                                     corrections=corrections_from(form, fact.payload))
                messages.success(request,
                                 _("Feit gecorrigeerd en vastgelegd als %(target)s.") % {"target": fact.target})
        elif decision == "reject":
            form = RejectForm(request.POST)
            form.is_valid()
            services.fact_reject(fact=fact, actor=request.user, version=version,
                                 note=form.cleaned_data.get("note", ""))
            messages.success(request, _("Feit afgewezen."))
        else:
            messages.error(request, _("Onbekende beslissing."))
    except RegisterError as exc:
        messages.error(request, _("Niet vastgelegd: %(reason)s") % {"reason": exc})
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
        messages.success(request, _("%(n)s feiten geaccepteerd.") % {"n": result.accepted})
        for fact_id, reason in result.failed:
            messages.error(request, _("Feit %(id)s niet vastgelegd: %(reason)s") % {"id": fact_id, "reason": reason})
    return redirect("ingest:review", pk=document.pk)
