"""Batch ingestion as a background job with progress.

On the embedded default (SQLite, no broker) a job runs in a thread of the web process; on a server,
with ``IMS_TASKS=celery``, it runs on a Celery worker through the Redis broker. Either way the job row
carries the progress that the web page and the command line show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from django.conf import settings
from django.db import connections, transaction
from django.db.models import F
from django.utils import timezone

from .models import IngestItem, IngestJob, ItemStatus, JobStatus
from .services import Stated, documents_ingest

ITEM_STATUS = {"ingested": ItemStatus.INGESTED, "unchanged": ItemStatus.UNCHANGED, "failed": ItemStatus.FAILED}


def job_create(*, paths: Sequence[str | Path], actor=None, bundle: bool = False, classification: int = 0,
               metadata: Mapping[str, str] | None = None, refused: Sequence[tuple[str, str]] = (),
               stated: Sequence[Stated] | None = None) -> IngestJob:
    """A job for ``paths``; ``refused`` are files the upload already turned down (name, why), listed with the
    others so that every file of the batch has its line; ``stated``: per path, see :func:`documents_ingest`."""
    stated = list(stated) if stated is not None else [Stated()] * len(paths)
    with transaction.atomic():
        job = IngestJob.objects.create(created_by=actor, total=len(paths) + len(refused), processed=len(refused),
                                       backend=settings.IMS_TASKS, bundle=bundle, classification=classification,
                                       metadata=dict(metadata or {}))
        IngestItem.objects.bulk_create(
            [IngestItem(job=job, filename=name, status=ItemStatus.FAILED, message=why) for name, why in refused]
            + [IngestItem(job=job, filename=Path(p).name, path=str(p), classification=s.classification,
                          metadata=dict(s.metadata)) for p, s in zip(paths, stated, strict=True)])
    return job


def job_run(job_id: int) -> IngestJob:
    """Run a job to the end, updating its progress after every file."""
    job = IngestJob.objects.get(pk=job_id)
    IngestJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, started_at=timezone.now())
    items = list(job.items.exclude(status=ItemStatus.FAILED).order_by("pk"))
    refused = job.total - len(items)

    def progress(done: int, total: int, name: str) -> None:
        IngestJob.objects.filter(pk=job.pk).update(processed=refused + done)

    try:
        outcomes = documents_ingest(paths=[i.path for i in items], actor=job.created_by, progress=progress,
                                    bundle=job.bundle, classification=job.classification, metadata=job.metadata,
                                    stated=[Stated(i.classification, i.metadata) for i in items])
        by_name = {o.filename: o for o in outcomes}
        for item in items:
            outcome = by_name.get(Path(item.path).name)
            if outcome:
                IngestItem.objects.filter(pk=item.pk).update(status=ITEM_STATUS[outcome.status],
                                                              message=outcome.message, document=outcome.document)
        IngestJob.objects.filter(pk=job.pk).update(status=JobStatus.DONE, processed=F("total"),
                                                   finished_at=timezone.now())
    except Exception as exc:  # the job must end in a visible state, whatever went wrong
        IngestJob.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, error=str(exc)[:2000],
                                                   finished_at=timezone.now())
        raise
    job.refresh_from_db()
    return job


def _run_in_thread(job_id: int) -> None:
    try:
        job_run(job_id)
    finally:
        # The thread ends here and its connections with it: close them now. close_old_connections() would keep
        # a healthy one open (CONN_MAX_AGE) until the garbage collector happened to find it, holding a database
        # session nobody can use (and a test database that cannot be dropped).
        connections.close_all()


def job_thread_name(job_id: int) -> str:
    return f"ims-ingest-job-{job_id}"


def job_start(*, paths: Sequence[str | Path], actor=None, bundle: bool = False, classification: int = 0,
              metadata: Mapping[str, str] | None = None, refused: Sequence[tuple[str, str]] = (),
              stated: Sequence[Stated] | None = None) -> IngestJob:
    """Create a job and start it on the configured backend; returns at once. ``bundle``: the files are parts
    of one document, in this order; ``classification``, ``metadata`` and ``stated``: see
    :func:`documents_ingest`."""
    job = job_create(paths=paths, actor=actor, bundle=bundle, classification=classification, metadata=metadata,
                     refused=refused, stated=stated)
    if not paths:
        IngestJob.objects.filter(pk=job.pk).update(status=JobStatus.DONE, finished_at=timezone.now())
        return job
    if settings.IMS_TASKS == "celery":
        from .tasks import run_ingest_job

        transaction.on_commit(lambda: run_ingest_job.delay(job.pk))
    else:
        import threading

        transaction.on_commit(lambda: threading.Thread(target=_run_in_thread, args=(job.pk,), daemon=True,
                                                       name=job_thread_name(job.pk)).start())
    return job
