from __future__ import annotations

import re
from collections.abc import Iterable

from django.apps import apps
from django.db.models import Count, Model, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from ims.accounts.permissions import Action, may
from ims.core.classification import Classification
from ims.extract.known import KnownName, KnownNames
from ims.register.models import Agreement, Contribution, Initiative, Partner, Procurement, SourceDocument
from ims.register.presentation import partner_name
from ims.text.dates import PartialDate

from .models import BundledReading, ExtractedFact, FactStatus, IngestItem, IngestJob


def _count(visible: QuerySet, status: str) -> Count:
    return Count("extracted_facts", filter=Q(extracted_facts__status=status, extracted_facts__in=visible),
                 distinct=True)


def review_documents(*, user) -> QuerySet[SourceDocument]:
    """Documents read in (with facts or without), with the number of facts per review state the user may see."""
    visible = ExtractedFact.objects.for_user(user)
    return (
        SourceDocument.objects.for_user(user)
        .filter(Q(pk__in=visible.values("document")) | Q(extracted_at__isnull=False))
        .annotate(
            pending=_count(visible, FactStatus.PENDING),
            accepted=_count(visible, FactStatus.ACCEPTED),
            rejected=_count(visible, FactStatus.REJECTED),
        )
        .order_by("-pending", "-date")
    )


def review_document(*, user, pk: int) -> tuple[SourceDocument, list[ExtractedFact]]:
    document = SourceDocument.objects.for_user(user).get(pk=pk)
    facts = list(ExtractedFact.objects.for_user(user).filter(document=document).order_by("start", "pk"))
    return document, facts


def partner_names(*, user) -> dict[str, str]:
    """Code -> name (in the page's language) of every partner the user may see, for the partner picker."""
    return {p.code: partner_name(p) for p in Partner.objects.for_user(user).only("code", "name_nl", "name_en")}


def target_records(*, user, facts: Iterable[ExtractedFact]) -> dict[str, Model]:
    """The register records accepted facts were recorded as ('register.initiative:3' -> the record), those the
    user may see."""
    wanted: dict[str, set[str]] = {}
    for fact in facts:
        if fact.target and ":" in fact.target:
            label, pk = fact.target.rsplit(":", 1)
            wanted.setdefault(label, set()).add(pk)
    found = {}
    for label, pks in wanted.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        qs = model.objects.filter(pk__in=pks)
        if hasattr(qs, "for_user"):
            qs = qs.for_user(user)
        if any(f.name == "partner" for f in model._meta.get_fields()):
            qs = qs.select_related("partner")
        found.update({f"{label}:{obj.pk}": obj for obj in qs})
    return found


def fact_get(*, user, pk: int) -> ExtractedFact:
    return ExtractedFact.objects.for_user(user).select_related("document").get(pk=pk)


def jobs_recent(*, user, limit: int = 10) -> list[IngestJob]:
    # Jobs carry file names only; a user sees their own jobs, administrators see all.
    qs = IngestJob.objects.all() if may(user, Action.ADMINISTER) else IngestJob.objects.filter(created_by=user)
    return list(qs.order_by("-created_at")[:limit])


def job_items(*, user, job: IngestJob) -> list[IngestItem]:
    """The files of a job. A file stored as a document above the user's clearance is shown without its name
    (the document's file name) and message; an administrator sees every job, not every document."""
    items = list(job.items.all())
    documents = [i.document_id for i in items if i.document_id]
    visible = set(SourceDocument.objects.for_user(user).filter(pk__in=documents).values_list("pk", flat=True))
    # What a file left in the queue, counted as the review screen counts it: the facts the user may see.
    facts = dict(ExtractedFact.objects.for_user(user).filter(document__in=visible).values("document")
                 .annotate(n=Count("pk")).values_list("document", "n"))
    for item in items:
        if item.document_id and item.document_id not in visible:
            item.filename, item.message, item.document_id = str(_("(gerubriceerd document)")), "", None
        item.facts = facts.get(item.document_id, 0)
    return items


def job_get(*, user, pk: int) -> IngestJob:
    qs = IngestJob.objects.all() if may(user, Action.ADMINISTER) else IngestJob.objects.filter(created_by=user)
    return qs.prefetch_related("items").get(pk=pk)


def bundle_parts(*, user, document: SourceDocument) -> tuple[str, list[SourceDocument]] | None:
    """Why ``document`` was read as part of a bundle, and the parts (``document`` among them) the user may see,
    in reading order; None when it was read on its own."""
    try:
        reading = document.bundled_reading
    except BundledReading.DoesNotExist:
        return None
    visible = SourceDocument.objects.for_user(user)
    parts = [r.document for r in BundledReading.objects.filter(bundle=reading.bundle, document__in=visible)
             .select_related("document").order_by("position")]
    return reading.get_reason_display(), parts


_BRACKETED = re.compile(r"\s*\(([^()]{2,20})\)\s*")


def _name_forms(title: str) -> tuple[str, tuple[str, ...]]:
    """'Tactical Edge Networking (TEN)' -> the name without the bracketed acronym, and the acronym."""
    acronyms = tuple(m.group(1).strip() for m in _BRACKETED.finditer(title))
    name = " ".join(_BRACKETED.sub(" ", title).split())
    return (name, acronyms) if name else (title, ())


def known_names(*, user, level: int = Classification.UNCLASSIFIED) -> KnownNames:
    """What the register can teach the extractor: the initiatives, operations, agreements and systems in it,
    as plain data for :func:`ims.extract.pipeline.extract_paths`.

    Only records classified at ``level`` or lower (a fact is as classified as its document, and documents are
    read in unclassified) and, for a ``user``, only what that user may see: a known name passes the record's
    partners into a fact, which must not show more than its readers may know.
    """

    def records(model) -> QuerySet:
        qs = model.objects.for_level(level)
        return qs if user is None else qs.for_user(user)

    initiatives = []
    for initiative in records(Initiative).prefetch_related("participations__partner").order_by("pk"):
        name, aliases = _name_forms(initiative.title)
        partners = sorted({p.partner.code for p in initiative.participations.all()})
        initiatives.append(KnownName(name, aliases, {"partners": partners}))
    operations: dict[str, KnownName] = {}
    for contribution in records(Contribution).select_related("location").order_by("year", "pk"):
        name, aliases = _name_forms(contribution.operation)
        location = contribution.location.code if contribution.location else None
        operations[name.casefold()] = KnownName(name, aliases, {"location": location})  # the latest year's
    agreements = []
    for agreement in records(Agreement).prefetch_related("parties").order_by("pk"):
        subject = " ".join(agreement.subject.split())
        fields = {"kind": agreement.kind, "parties": sorted(p.code for p in agreement.parties.all()),
                  "date": (PartialDate.from_date(agreement.signed_on, agreement.signed_precision).iso()
                           if agreement.signed_on else None)}
        agreements.append(KnownName(agreement.title, (subject,) if 0 < len(subject) <= 80 else (), fields))
    systems: dict[tuple[str, str], KnownName] = {}
    for procurement in records(Procurement).select_related("partner").order_by("pk"):
        name, aliases = _name_forms(procurement.system)
        systems[(name.casefold(), procurement.partner.code)] = KnownName(name, aliases,
                                                                        {"partner": procurement.partner.code})
    return KnownNames(tuple(initiatives), tuple(operations.values()), tuple(agreements), tuple(systems.values()))

