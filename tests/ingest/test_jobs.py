"""A batch runs as a background job whose progress the page and command line follow: in a thread on the
embedded default, on a Celery worker with the Redis broker on a server."""

from __future__ import annotations

import gc
import shutil
import threading
import time

import pytest
import redis
from django.db import connection
from django.urls import reverse

from ims.ingest.jobs import job_create, job_run, job_start, job_thread_name
from ims.ingest.models import IngestJob
from ims.register.models import SourceDocument
from tests.db import in_db


@pytest.fixture
def seed_copies(shared_dir, tmp_path):
    out = tmp_path / "seeds"
    shutil.copytree(shared_dir / "seeds", out)
    return sorted(out.glob("*.txt"))


def wait_for(job: IngestJob, seconds: float = 60) -> IngestJob:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job.pk} still {job.status} after {seconds}s")


@pytest.mark.django_db
def test_a_job_records_progress_and_the_outcome_per_file(seed_copies, tmp_path, analyst):
    broken = tmp_path / "leeg.txt"
    broken.write_bytes(b"")
    job = job_create(paths=[*seed_copies[:2], broken], actor=analyst)
    assert (job.status, job.processed, job.percent) == ("queued", 0, 0)
    job = job_run(job.pk)
    assert (job.status, job.processed, job.total, job.percent) == ("done", 3, 3, 100)
    statuses = dict(job.items.values_list("filename", "status"))
    assert statuses == {seed_copies[0].name: "ingested", seed_copies[1].name: "ingested", "leeg.txt": "failed"}


@pytest.mark.django_db(transaction=True)
def test_in_process_job_runs_in_a_thread_and_the_page_follows_it(seed_copies, analyst, login, settings, monkeypatch):
    settings.IMS_TASKS = "inprocess"
    # A session the thread leaves open stays open however long the job takes (sessions kept for reuse) and
    # whenever the garbage collector would have come by to drop it with the thread's other leftovers.
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", None)
    gc.disable()
    try:
        job = wait_for(job_start(paths=seed_copies, actor=analyst))
        for thread in [t for t in threading.enumerate() if t.name == job_thread_name(job.pk)]:
            thread.join(timeout=30)
        if connection.vendor == "postgresql":
            # On PostgreSQL such a session keeps the test database from being dropped at the end of the run, and
            # on a server it holds one of the database's sessions for nothing.
            assert other_sessions() == 0
    finally:
        gc.enable()
    assert job.status == "done" and in_db(SourceDocument).count() == 5
    status = login(analyst).get(reverse("ingest:job", args=[job.pk]) + "?format=json").json()
    assert status == {"status": "done", "processed": 5, "total": 5, "percent": 100, "error": ""}


def other_sessions() -> int:
    """Sessions on the test database other than this thread's own."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND pid <> pg_backend_pid()")
        return cursor.fetchone()[0]


def redis_available() -> bool:
    try:
        return bool(redis.Redis.from_url("redis://127.0.0.1:6379/0", socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.mark.django_db(transaction=True)
def test_celery_job_runs_on_a_worker_through_redis(seed_copies, analyst, settings):
    if not redis_available():
        pytest.fail("Redis at 127.0.0.1:6379 is needed for the Celery test")
    from celery.contrib.testing.worker import start_worker

    from ims.celery import app

    settings.IMS_TASKS = "celery"
    app.conf.broker_url = "redis://127.0.0.1:6379/15"  # a database of its own, emptied first
    redis.Redis.from_url(app.conf.broker_url).flushdb()
    with start_worker(app, perform_ping_check=False, pool="solo", concurrency=1):
        job = job_start(paths=seed_copies[:3], actor=analyst)
        assert job.backend == "celery"
        job = wait_for(job)
    assert (job.status, job.processed) == ("done", 3)
    assert in_db(SourceDocument).count() == 3
