"""Batch ingestion as a background job with progress.

On the embedded default (SQLite, no broker) a job runs in a thread of the web process; on a server,
with ``IMS_TASKS=celery``, it runs on a Celery worker through the Redis broker. Either way the job row
carries the progress that the web page and the command line show.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import F
from django.utils import timezone

from .models import IngestItem, IngestJob, ItemStatus, JobStatus
from .services import documents_ingest

ITEM_STATUS = {"ingested": ItemStatus.INGESTED, "unchanged": ItemStatus.UNCHANGED, "failed": ItemStatus.FAILED}


def job_create(*, paths: Sequence[str | Path], actor=None, bundle: bool = False) -> IngestJob:
    with transaction.atomic():
        job = IngestJob.objects.create(created_by=actor, total=len(paths), backend=settings.IMS_TASKS, bundle=bundle)
        IngestItem.objects.bulk_create(IngestItem(job=job, filename=Path(p).name, path=str(p)) for p in paths)
    return job


def job_run(job_id: int) -> IngestJob:
    """Run a job to the end, updating its progress after every file."""
    job = IngestJob.objects.get(pk=job_id)
    IngestJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, started_at=timezone.now())
    items = list(job.items.order_by("pk"))

    def progress(done: int, total: int, name: str) -> None:
        IngestJob.objects.filter(pk=job.pk).update(processed=done)

    try:
        outcomes = documents_ingest(paths=[i.path for i in items], actor=job.created_by, progress=progress,
                                    bundle=job.bundle)
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
        close_old_connections()


def job_start(*, paths: Sequence[str | Path], actor=None, bundle: bool = False) -> IngestJob:
    """Create a job and start it on the configured backend; returns at once. ``bundle``: the files are parts
    of one document, in this order."""
    job = job_create(paths=paths, actor=actor, bundle=bundle)
    if settings.IMS_TASKS == "celery":
        from .tasks import run_ingest_job

        transaction.on_commit(lambda: run_ingest_job.delay(job.pk))
    else:
        import threading

        transaction.on_commit(lambda: threading.Thread(target=_run_in_thread, args=(job.pk,), daemon=True).start())
    return job
