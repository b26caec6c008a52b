"""A process killed with SIGKILL in the middle of a 1,000-document ingest leaves no half document, and
running the same command again completes the batch."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

COUNTRIES = ["België", "Duitsland", "Frankrijk", "Noorwegen", "Denemarken", "Polen", "Litouwen", "Spanje"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober"]


def write_letters(folder: Path, n: int) -> list[Path]:
    """Small letters of our own making, each stating an agreement and a spending figure."""
    paths = []
    for i in range(n):
        country = COUNTRIES[i % len(COUNTRIES)]
        month = MONTHS[i % len(MONTHS)]
        day = 1 + i % 27
        text = (f"Den Haag, {day} {month} 2019\n\nGeachte voorzitter,\n\nOp {day} {month} 2019 tekenden Nederland "
                f"en {country} een Memorandum of Understanding over samenwerking nummer {i}. "
                f"{country} besteedt in 2019 {1 + i % 3},{i % 10}% van het bbp aan defensie.\n")
        path = folder / f"brief-{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def database_url(tmp_path):
    """A database of its own, outside the test transaction, for the subprocesses to share."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'crash.sqlite3'}"
        return
    name = f"ims_crash_{uuid.uuid4().hex[:8]}"
    admin_url = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def query(url: str, sql: str) -> list[tuple]:
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            return db.execute(sql).fetchall()
    with psycopg.connect(url) as db:
        return db.execute(sql).fetchall()


def ims(url: str, *args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "IMS_DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "ims.conf.ci"}
    return subprocess.Popen([sys.executable, "-m", "ims.cli", *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, **kwargs)


@pytest.mark.django_db
def test_sigkill_mid_batch_leaves_no_half_document_and_a_rerun_completes(tmp_path, database_url):
    letters = write_letters(tmp_path, 1000)
    assert ims(database_url, "migrate", "-v0").wait(timeout=120) == 0
    assert ims(database_url, "load-reference").wait(timeout=120) == 0

    run = ims(database_url, "ingest", *map(str, letters))
    deadline = time.monotonic() + 240
    stored = 0
    while time.monotonic() < deadline and run.poll() is None:
        stored = query(database_url, "SELECT COUNT(*) FROM register_sourcedocument")[0][0]
        if stored >= 100:
            break
        time.sleep(0.05)
    assert run.poll() is None, "the batch must still be running when it is killed"
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    assert 100 <= stored < 1000

    per_document = query(database_url, """
        SELECT d.id, d.extracted_at IS NOT NULL, COUNT(f.id) FROM register_sourcedocument d
        LEFT JOIN ingest_extractedfact f ON f.document_id = d.id GROUP BY d.id, d.extracted_at""")
    assert per_document, "some documents were stored before the kill"
    assert all(read and facts >= 2 for _, read, facts in per_document), "every stored document is whole"

    rerun = ims(database_url, "ingest", *map(str, letters))
    assert rerun.wait(timeout=600) == 0, rerun.stderr.read().decode()[-2000:]
    documents, facts = query(database_url, """
        SELECT COUNT(DISTINCT d.id), COUNT(f.id) FROM register_sourcedocument d
        JOIN ingest_extractedfact f ON f.document_id = d.id""")[0]
    assert documents == 1000
    assert facts >= 2000
