from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from ims.accounts.permissions import Action, may
from ims.register.models import SourceDocument

from .models import ExtractedFact, FactStatus, IngestItem, IngestJob


def review_documents(*, user) -> QuerySet[SourceDocument]:
    """Documents with facts, with the number of facts per review state the user may see."""
    visible = ExtractedFact.objects.visible_to(user)
    return (
        SourceDocument.objects.visible_to(user)
        .filter(extracted_facts__in=visible)
        .annotate(
            pending=Count("extracted_facts", filter=Q(extracted_facts__status=FactStatus.PENDING), distinct=True),
            accepted=Count("extracted_facts", filter=Q(extracted_facts__status=FactStatus.ACCEPTED), distinct=True),
            rejected=Count("extracted_facts", filter=Q(extracted_facts__status=FactStatus.REJECTED), distinct=True),
        )
        .order_by("-pending", "-date")
    )


def review_document(*, user, pk: int) -> tuple[SourceDocument, list[ExtractedFact]]:
    document = SourceDocument.objects.visible_to(user).get(pk=pk)
    facts = list(ExtractedFact.objects.visible_to(user).filter(document=document).order_by("start", "pk"))
    return document, facts


def fact_get(*, user, pk: int) -> ExtractedFact:
    return ExtractedFact.objects.visible_to(user).select_related("document").get(pk=pk)


def jobs_recent(*, user, limit: int = 10) -> list[IngestJob]:
    # Jobs carry file names only; a user sees their own jobs, administrators see all.
    qs = IngestJob.objects.all() if may(user, Action.ADMINISTER) else IngestJob.objects.filter(created_by=user)
    return list(qs.order_by("-created_at")[:limit])


def job_items(*, user, job: IngestJob) -> list[IngestItem]:
    """The files of a job. A file stored as a document above the user's clearance is shown without its name
    (the document's file name) and message; an administrator sees every job, not every document."""
    items = list(job.items.all())
    documents = [i.document_id for i in items if i.document_id]
    visible = set(SourceDocument.objects.visible_to(user).filter(pk__in=documents).values_list("pk", flat=True))
    for item in items:
        if item.document_id and item.document_id not in visible:
            item.filename, item.message, item.document_id = str(_("(gerubriceerd document)")), "", None
    return items


def job_get(*, user, pk: int) -> IngestJob:
    qs = IngestJob.objects.all() if may(user, Action.ADMINISTER) else IngestJob.objects.filter(created_by=user)
    return qs.prefetch_related("items").get(pk=pk)
