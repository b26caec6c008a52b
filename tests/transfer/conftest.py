"""A populated register (demo data, an ingest job and a bundle, a review session, an assessment, a finalised
report, users, a group with permissions, an admin log line), and empty databases to import into.

Empty databases are copies of one migrated template per test session: migrating takes longer than the
round trip itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from tests.db import in_db

SUBPROCESS_TIMEOUT = 300


def ims(url: str, *args: str, data_dir: Path) -> subprocess.CompletedProcess:
    """`ims ARGS` against the database at ``url``, in a process of its own."""
    env = {**os.environ, "IMS_DATABASE_URL": url, "IMS_DATA_DIR": str(data_dir),
           "DJANGO_SETTINGS_MODULE": "ims.conf.ci"}
    return subprocess.run([sys.executable, "-m", "ims.cli", *args], env=env, capture_output=True, text=True,
                          timeout=SUBPROCESS_TIMEOUT)


def pg_admin_url() -> str:
    db = settings.DATABASES["default"]
    return f"postgresql://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/postgres"


class Databases:
    """Empty, migrated databases on demand: SQLite files, and PostgreSQL databases while PostgreSQL is tested."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.sqlite_template: Path | None = None
        self.pg_template: str | None = None
        self.pg_made: list[str] = []

    def new(self, vendor: str) -> str:
        if vendor == "sqlite":
            if self.sqlite_template is None:
                self.sqlite_template = self.root / "template.sqlite3"
                self._migrate(f"sqlite:///{self.sqlite_template}")
            copy = self.root / f"{uuid.uuid4().hex[:8]}.sqlite3"
            shutil.copyfile(self.sqlite_template, copy)
            return f"sqlite:///{copy}"
        if self.pg_template is None:
            self.pg_template = self._pg_create()
            self._migrate(self._pg_url(self.pg_template))
        return self._pg_url(self._pg_create(template=self.pg_template))

    def _migrate(self, url: str) -> None:
        done = ims(url, "migrate", "-v0", data_dir=self.root)
        assert done.returncode == 0, done.stderr

    def _pg_url(self, name: str) -> str:
        return pg_admin_url().rsplit("/", 1)[0] + f"/{name}"

    def _pg_create(self, template: str | None = None) -> str:
        name = f"ims_transfer_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(pg_admin_url(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        self.pg_made.append(name)
        return name

    def drop(self) -> None:
        with psycopg.connect(pg_admin_url(), autocommit=True) as admin:
            for name in reversed(self.pg_made):
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    made = Databases(tmp_path_factory.mktemp("transfer"))
    yield made
    if made.pg_made:
        made.drop()


@pytest.fixture
def vendor() -> str:
    return connection.vendor


@pytest.fixture
def populated_register(db, shared_dir):
    """Everything the file has to carry, made through the services as people and jobs would."""
    from django.contrib.admin.models import ADDITION, LogEntry
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    from ims.accounts.models import Role
    from ims.accounts.services import user_create
    from ims.api.services import token_issue
    from ims.assessment.services import criteria_record, scenarios_load_shipped
    from ims.core.audit import AuditAction, audit
    from ims.ingest.jobs import job_create, job_run
    from ims.ingest.models import ExtractedFact, FactStatus
    from ims.ingest.services import fact_accept, fact_reject
    from ims.register.demo import demo_load
    from ims.register.models import Partner
    from ims.register.reference import reference_load
    from ims.reporting.demo import developments_demo_load

    reference_load()
    scenarios_load_shipped()
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    demo_load(seeds_dir=shared_dir / "seeds")
    developments_demo_load()
    analyst = user_create(username="analist", password="analist-wachtwoord-1", role=Role.ANALYST, clearance=3)
    bia = user_create(username="bia", password="bia-wachtwoord-12", role=Role.BIA_MEMBER, clearance=2)
    user_create(username="raadpleger", password="raadpleger-wachtwoord", role=Role.VIEWER, clearance=0)
    token_issue(user=analyst)  # not in the file (see plan.EXCLUDED), so the round trip must not depend on it

    by_name = {p.name[:3]: p for p in seeds}
    job_run(job_create(paths=[by_name["001"], by_name["004"]], actor=analyst).pk)
    job_run(job_create(paths=[by_name["000"], by_name["003"], by_name["002"]], actor=analyst, bundle=True).pk)
    pending = list(in_db(ExtractedFact).filter(status=FactStatus.PENDING).order_by("confidence", "pk"))
    for fact in pending[-8:]:
        try:
            fact_accept(fact=fact, actor=analyst)
        except Exception:  # a fact the register refuses stays pending, as it would on the review screen
            continue
    fact_reject(fact=pending[0], actor=analyst, note="Geen samenwerking, maar een opsomming.")

    criteria_record(partner=in_db(Partner).get(code="BE"), distance=0.2, culture=0.85, synergy=0.7,
                    reason="Nauwe marinesamenwerking.", actor=bia)
    _finalised_report(actor=analyst)

    readers = Group.objects.create(name="lezers")
    readers.permissions.add(Permission.objects.get(codename="view_initiative"))
    analyst.user_permissions.add(Permission.objects.get(codename="view_partner"))
    LogEntry.objects.create(user=analyst, content_type=ContentType.objects.get_for_model(Partner), object_id="1",
                            object_repr="Andorra", action_flag=ADDITION, change_message="[]")
    audit(action=AuditAction.LOGIN, actor=analyst, ip="2001:db8::7")
    return {"analyst": analyst}


def _finalised_report(*, actor) -> None:
    """A final report version with its four files, made directly: rendering the real files takes some 20 s
    and the file format does not care what the bytes are (these hold every byte value, NUL included)."""
    import hashlib

    from django.utils import timezone

    from ims.reporting.builder.report import data_sha256
    from ims.reporting.models import REPORT_FORMATS, ReportFile, ReportVersion, VersionStatus

    data = {"jaar": 2019, "partners": [{"code": "BE", "aandeel": 0.1 + 0.2}], "é": None, "z": [1, 2.5, "drie"]}
    version = ReportVersion.objects.create(
        year=2019, classification=0, number=1, status=VersionStatus.FINAL, reference="IMS-2019-1",
        finalised_by=actor, finalised_at=timezone.now(), app_version="0.1.0", data=data,
        data_sha256=data_sha256(data))
    for i, fmt in enumerate(REPORT_FORMATS):
        content = bytes(range(256)) * (i + 1)
        ReportFile.objects.create(version=version, format=fmt, content=content, size=len(content),
                                  sha256=hashlib.sha256(content).hexdigest())
