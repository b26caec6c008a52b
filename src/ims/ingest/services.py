"""Reading letters into the review queue, and the reviewer's decisions on what was found.

A document goes in whole or not at all: one transaction stores it with its facts, so a crash or a bad
file never leaves half a document behind. The same letter twice changes nothing, whether it comes as the
same file (by SHA-256) or in another format (by the fingerprint of its text, :mod:`ims.text.fingerprint`):
the new file is kept with the document, its facts are not queued again.

Only documents the uploader may see count as "the same": a document above their clearance is never filled,
changed or named; the upload is stored as a new document at the uploader's classification.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from ims.accounts.permissions import Action, may
from ims.assessment.services import ring_set
from ims.core.audit import audit_mark
from ims.core.models import clearance_of
from ims.core.services import RegisterError, record_save
from ims.extract.pipeline import ExtractionResult, extract_paths
from ims.register.matching import RingHistoryConflict
from ims.register.models import SourceDocument
from ims.register.services import citation_get_or_create, document_register
from ims.text.dates import date_and_precision
from ims.text.fingerprint import text_fingerprint

from .apply import apply_fact
from .models import BundledReading, DocumentFile, ExtractedFact, FactStatus
from .selectors import known_names

Progress = Callable[[int, int, str], None]
# What an uploader may state about a single document instead of what IMS reads from it.
METADATA_FIELDS = ("title", "date", "reference", "kamerstuk")


@dataclass(frozen=True)
class Stated:
    """What the uploader stated about one file (at the upload's confirmation step): its classification (None:
    the batch's) and its metadata (:data:`METADATA_FIELDS`; what is left out comes from the batch, else from the
    document itself)."""

    classification: int | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    filename: str
    status: str  # ingested | unchanged | failed
    message: str = ""
    document: SourceDocument | None = None
    facts: int = 0


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def upload_classification(actor) -> int:
    """The classification an upload gets unless the uploader chooses: the setting, capped at their clearance."""
    default = int(settings.IMS_UPLOAD_CLASSIFICATION)
    ceiling = clearance_of(actor) if actor is not None else None
    return default if ceiling is None else min(default, ceiling)


def _documents(actor, level: int) -> QuerySet[SourceDocument]:
    """Documents an upload at ``level`` by ``actor`` may be the same as: read, visible, classified at least as
    high (what a classified upload says never lands in a document that readers of lower clearance see)."""
    return SourceDocument.objects.for_actor(actor).filter(extracted_at__isnull=False, classification__gte=level)


def _same_file(digest: str, actor, level: int) -> SourceDocument | None:
    return (_documents(actor, level).filter(Q(sha256=digest) | Q(files__sha256=digest))
            .order_by("classification", "pk").first())


def _same_text(fingerprint: str, actor, level: int) -> SourceDocument | None:
    if not fingerprint:
        return None
    return _documents(actor, level).filter(files__text_sha256=fingerprint).order_by("classification", "pk").first()


def _keep_file(document: SourceDocument, path: Path, digest: str, fingerprint: str, actor) -> None:
    DocumentFile.objects.get_or_create(document=document, sha256=digest, defaults={
        "filename": path.name, "path": str(path), "text_sha256": fingerprint, "added_by": actor})


@transaction.atomic
def _store(path: Path, digest: str, result: ExtractionResult, actor, level: int, metadata: Mapping[str, str],
           bundle: uuid.UUID | None = None) -> Outcome:
    raw = result.raw
    meta = result.meta
    fingerprint = text_fingerprint(raw.text)
    twin = _same_text(fingerprint, actor, level)
    if twin is not None:
        _keep_file(twin, path, digest, fingerprint, actor)
        return Outcome(path.name, "unchanged", "dezelfde tekst is al ingelezen; dit bestand is erbij bewaard",
                       document=twin)
    date, precision = date_and_precision(metadata.get("date") or meta.date)
    document = document_register(
        title=metadata.get("title") or meta.subject or path.stem, text=raw.text, date=date,
        date_precision=precision, reference=metadata.get("reference") or meta.reference or "",
        kamerstuk=metadata.get("kamerstuk") or meta.kamerstuk or "", filename=path.name, actor=actor,
        sha256=digest, classification=level,
    )
    # A document may already be registered (by hand, or as a citation source) without having been read.
    document.text = document.text or raw.text
    document.extracted_at = timezone.now()
    record_save(document, actor=actor)
    _keep_file(document, path, digest, fingerprint, actor)
    for fact in result.facts:
        payload = fact.to_json()
        record_save(
            ExtractedFact(
                document=document, fact_type=fact.type, payload=payload, start=fact.evidence.start,
                end=fact.evidence.end, page=raw.page_of(fact.evidence.start) if len(raw.page_starts) > 1 else None,
                confidence=fact.confidence, rule=fact.rule, classification=document.classification,
            ),
            actor=actor,
        )
    if result.bundle is not None and bundle is not None:
        BundledReading.objects.update_or_create(document=document, defaults={
            "bundle": bundle, "position": result.bundle.members.index(result.doc), "reason": result.bundle.reason})
    message = "" if result.facts else "geen feiten gevonden"
    return Outcome(path.name, "ingested", message, document=document, facts=len(result.facts))


def documents_ingest(
    *, paths: Sequence[str | Path], actor=None, progress: Progress | None = None, bundle: bool = False,
    classification: int | None = None, metadata: Mapping[str, str] | None = None,
    stated: Sequence[Stated] | None = None,
) -> list[Outcome]:
    """Read, extract and store each file; a failing file gets one clear message and the others go on.

    ``bundle``: the files are parts of one document, in this order (see :mod:`ims.extract.pipeline`).
    ``classification``: of the documents stored (default :func:`upload_classification`), never above the
    actor's clearance. ``metadata``: title, date (ISO, possibly partial), reference and Kamerstuk number the
    uploader stated for a single document; what is left out comes from the document itself. ``stated``: one
    :class:`Stated` per path, what the uploader said of that file, over ``classification`` and ``metadata``;
    the parts of a bundle share one classification.
    The extractor also looks for what the register already knows (:func:`selectors.known_names`), at each
    document's classification.
    """
    default = upload_classification(actor) if classification is None else int(classification)
    paths = [Path(p) for p in paths]
    stated = list(stated) if stated is not None else [Stated()] * len(paths)
    if len(stated) != len(paths):
        raise ValueError("stated: one per path")
    levels = [default if s.classification is None else int(s.classification) for s in stated]
    ceiling = clearance_of(actor) if actor is not None else None
    if ceiling is not None and max(levels, default=default) > ceiling:
        raise RegisterError("De rubricering ligt boven uw eigen screeningsniveau.")
    if bundle and len(set(levels)) > 1:
        raise RegisterError("De delen van één document hebben één rubricering.")
    metadatas = [{k: v for k, v in {**(metadata or {}), **s.metadata}.items() if k in METADATA_FIELDS and v}
                 for s in stated]
    outcomes: list[Outcome] = []
    fresh: list[tuple[int, Path, str]] = []
    readable: list[int] = []
    for n, path in enumerate(paths):
        try:
            digest = _digest(path)
        except OSError as exc:
            outcomes.append(Outcome(path.name, "failed", f"niet te lezen: {exc.strerror or exc}"))
            continue
        readable.append(n)
        existing = _same_file(digest, actor, levels[n])
        if existing is not None:
            outcomes.append(Outcome(path.name, "unchanged", "al ingelezen", document=existing))
        else:
            fresh.append((n, path, digest))
    done = len(outcomes)
    if progress:
        progress(done, len(paths), "")
    if not fresh:
        return outcomes
    # A declared bundle is read whole, parts read in before included, so that each part has its context;
    # only the new parts are stored. Other files are read with what the register knows at their own level.
    groups: dict[int, list[int]] = {}
    for n in readable if bundle else [n for n, _, _ in fresh]:
        groups.setdefault(levels[n], []).append(n)
    by_index: dict[int, ExtractionResult] = {}
    for level, members in sorted(groups.items()):
        results = extract_paths([paths[n] for n in members], bundles=[range(len(members))] if bundle else (),
                                known=known_names(user=actor, level=level))
        by_index.update(zip(members, results, strict=True))
    bundles: dict[tuple[str, ...], uuid.UUID] = {}
    for n, path, digest in fresh:
        result = by_index[n]
        if not result.ok:
            outcomes.append(Outcome(path.name, "failed", result.error or "onbekende fout"))
        else:
            key = bundles.setdefault(result.bundle.members, uuid.uuid4()) if result.bundle else None
            try:
                outcomes.append(_store(path, digest, result, actor, levels[n], metadatas[n], key))
            except RegisterError as exc:
                outcomes.append(Outcome(path.name, "failed", str(exc)))
        done += 1
        if progress:
            progress(done, len(paths), path.name)
    return outcomes


def _citation_for(fact: ExtractedFact):
    return citation_get_or_create(document=fact.document, start=fact.start, end=fact.end, page=fact.page)


def _ring_fitted_in(fact: ExtractedFact, conflict: RingHistoryConflict, citation, actor, confirmed: bool):
    """A ring fact that does not simply start a new period, fitted into the partner's history as a BIA decision
    is (:func:`ims.assessment.services.ring_set`): by a BIA member, once confirmed. Only where the member sees
    the partner's whole history and the period the fact falls in may take it (classified at least as high):
    otherwise the refusal stays the same as for any other conflict, so that it tells nothing about hidden
    periods."""
    if not may(actor, Action.SET_RING):
        raise RegisterError(f"{conflict} Alleen een BIA-lid kan een schilindeling in de geschiedenis invoegen: "
                            "laat dit feit staan voor een BIA-lid, of wijs het af.")
    # Every period of the partner, hidden ones included, reached from the partner in hand: the fact may only
    # be taken when the member sees them all.
    periods = conflict.partner.ring_assignments.all()
    containing = periods.filter(valid_from__lt=conflict.on).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=conflict.on)).first()
    if periods.for_user(actor).count() != periods.count() or (
            containing is not None and containing.classification < fact.classification):
        # Said as to anyone, naming no hidden period; the rings page is where the member can decide by hand.
        raise RegisterError(f"{conflict} Leg de schil vast op de schilpagina van de partner, of wijs dit feit af.")
    return ring_set(partner=conflict.partner, ring=conflict.ring, valid_from=conflict.on, confirmed=confirmed,
                    reason=f"Uit {fact.document.cite_label()}.", classification=fact.classification,
                    citations=[citation], actor=actor)


@transaction.atomic
def fact_accept(
    *, fact: ExtractedFact, actor, corrections: dict | None = None, version: int | None = None,
    confirmed: bool = False,
) -> ExtractedFact:
    """Accept a fact (optionally corrected) into the register, citing the place it was found.

    ``version`` is the fact's version as the reviewer saw it; if another reviewer has changed the fact since, the
    save is refused and the register records made for it are rolled back with it. The audit trail's last entry
    before the accept is kept with the fact: what follows it, up to the fact's own entry, is what an undo
    reverses (:mod:`ims.ingest.undo`).

    A ring fact dated before the partner's last ring change is fitted into the history as a BIA decision is:
    only by a BIA member, and only ``confirmed`` after seeing what it changes (else ``RingNeedsConfirmation``).
    """
    if version is not None:
        fact.version = version
    if fact.status != FactStatus.PENDING:
        raise RegisterError("Dit feit is al beoordeeld.")
    mark = audit_mark()
    payload = {**fact.payload, **(corrections or {})}
    citation = _citation_for(fact)
    try:
        target = apply_fact(fact.fact_type, payload, citation, fact.document.date, actor,
                            level=fact.classification, corrected=frozenset(corrections or ()))
    except RingHistoryConflict as conflict:
        assignment = _ring_fitted_in(fact, conflict, citation, actor, confirmed)
        target = f"{assignment._meta.label_lower}:{assignment.pk}"
    fact.payload, fact.corrected = payload, bool(corrections)
    fact.status, fact.target, fact.audit_mark = FactStatus.ACCEPTED, target, mark
    fact.reviewed_by, fact.reviewed_at = actor, timezone.now()
    return record_save(fact, actor=actor)


@transaction.atomic
def fact_reject(*, fact: ExtractedFact, actor, note: str = "", version: int | None = None) -> ExtractedFact:
    if version is not None:
        fact.version = version
    if fact.status != FactStatus.PENDING:
        raise RegisterError("Dit feit is al beoordeeld.")
    fact.status, fact.note, fact.audit_mark = FactStatus.REJECTED, note, audit_mark()
    fact.reviewed_by, fact.reviewed_at = actor, timezone.now()
    return record_save(fact, actor=actor)


@dataclass(frozen=True)
class BulkResult:
    accepted: int
    failed: list[tuple[int, str]]


def facts_accept_bulk(*, facts: Iterable[ExtractedFact], actor, min_confidence: float = 0.0) -> BulkResult:
    """Accept every pending fact at or above a confidence; each in its own transaction, failures listed."""
    accepted, failed = 0, []
    for fact in facts:
        if fact.status != FactStatus.PENDING or fact.confidence < min_confidence:
            continue
        try:
            fact_accept(fact=fact, actor=actor)
            accepted += 1
        except RegisterError as exc:
            failed.append((fact.pk, str(exc)))
    return BulkResult(accepted, failed)
