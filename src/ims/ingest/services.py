"""Reading letters into the review queue, and the reviewer's decisions on what was found.

A document goes in whole or not at all: one transaction stores it with its facts, so a crash or a bad
file never leaves half a document behind. The same file twice (by SHA-256) changes nothing.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from ims.core.services import RegisterError, record_save
from ims.extract.pipeline import ExtractionResult, extract_paths
from ims.register.models import SourceDocument
from ims.register.services import citation_get_or_create, document_register
from ims.text.dates import date_and_precision

from .apply import apply_fact
from .models import BundledReading, ExtractedFact, FactStatus
from .selectors import known_names

Progress = Callable[[int, int, str], None]


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


@transaction.atomic
def _store(path: Path, digest: str, result: ExtractionResult, actor, bundle: uuid.UUID | None = None) -> Outcome:
    raw = result.raw
    meta = result.meta
    date, precision = date_and_precision(meta.date)
    document = document_register(
        title=meta.subject or path.stem, text=raw.text, date=date, date_precision=precision,
        reference=meta.reference or "", kamerstuk=meta.kamerstuk or "", filename=path.name, actor=actor,
        sha256=digest,
    )
    # A document may already be registered (by hand, or as a citation source) without having been read.
    document.text = document.text or raw.text
    document.extracted_at = timezone.now()
    record_save(document, actor=actor)
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
    return Outcome(path.name, "ingested", document=document, facts=len(result.facts))


def documents_ingest(
    *, paths: Sequence[str | Path], actor=None, progress: Progress | None = None, bundle: bool = False
) -> list[Outcome]:
    """Read, extract and store each file; a failing file gets one clear message and the others go on.

    ``bundle``: the files are parts of one document, in this order (see :mod:`ims.extract.pipeline`).
    The extractor also looks for what the register already knows (:func:`selectors.known_names`).
    """
    paths = [Path(p) for p in paths]
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
        existing = SourceDocument.objects.filter(sha256=digest, extracted_at__isnull=False).first()
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
    # only the new parts are stored.
    batch = [paths[n] for n in readable] if bundle else [path for _, path, _ in fresh]
    results = extract_paths(batch, bundles=[range(len(batch))] if bundle else (), known=known_names(user=actor))
    by_index = dict(zip(readable if bundle else [n for n, _, _ in fresh], results, strict=True))
    bundles: dict[tuple[str, ...], uuid.UUID] = {}
    for n, path, digest in fresh:
        result = by_index[n]
        if not result.ok:
            outcomes.append(Outcome(path.name, "failed", result.error or "onbekende fout"))
        else:
            key = bundles.setdefault(result.bundle.members, uuid.uuid4()) if result.bundle else None
            try:
                outcomes.append(_store(path, digest, result, actor, key))
            except RegisterError as exc:
                outcomes.append(Outcome(path.name, "failed", str(exc)))
        done += 1
        if progress:
            progress(done, len(paths), path.name)
    return outcomes


def _citation_for(fact: ExtractedFact):
    return citation_get_or_create(document=fact.document, start=fact.start, end=fact.end, page=fact.page)


@transaction.atomic
def fact_accept(
    *, fact: ExtractedFact, actor, corrections: dict | None = None, version: int | None = None
) -> ExtractedFact:
    """Accept a fact (optionally corrected) into the register, citing the place it was found.

    ``version`` is the fact's version as the reviewer saw it; if another reviewer has changed the fact since, the
    save is refused and the register records made for it are rolled back with it.
    """
    if version is not None:
        fact.version = version
    if fact.status != FactStatus.PENDING:
        raise RegisterError("Dit feit is al beoordeeld.")
    payload = {**fact.payload, **(corrections or {})}
    target = apply_fact(fact.fact_type, payload, _citation_for(fact), fact.document.date, actor,
                        level=fact.classification)
    fact.payload, fact.corrected = payload, bool(corrections)
    fact.status, fact.target = FactStatus.ACCEPTED, target
    fact.reviewed_by, fact.reviewed_at = actor, timezone.now()
    return record_save(fact, actor=actor)


@transaction.atomic
def fact_reject(*, fact: ExtractedFact, actor, note: str = "", version: int | None = None) -> ExtractedFact:
    if version is not None:
        fact.version = version
    if fact.status != FactStatus.PENDING:
        raise RegisterError("Dit feit is al beoordeeld.")
    fact.status, fact.note = FactStatus.REJECTED, note
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
