"""Export → import into an empty database → export again gives the same bytes, on SQLite, on PostgreSQL and
from one to the other; the audit trail verifies after every import, and the database goes on from there."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.core.management import call_command
from django.db import connection

from ims.core.audit import AuditEntry

from .conftest import ims

pytestmark = pytest.mark.django_db


@pytest.fixture
def postgresql_pass():
    """Listed first, so that the SQLite pass skips before the register is built."""
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL pass, which has both databases")


def export_here(path) -> bytes:
    """Export the test database (the populated register) in this process."""
    call_command("export", str(path))
    return path.read_bytes()


def import_and_export(file, vendor: str, databases, tmp_path) -> tuple[str, bytes]:
    """Import ``file`` into a new, empty database of ``vendor`` and export that database again."""
    url = databases.new(vendor)
    loaded = ims(url, "import", str(file), data_dir=tmp_path)
    assert loaded.returncode == 0, loaded.stderr
    assert "Register ingelezen" in loaded.stdout
    again = tmp_path / f"{vendor}-{file.stem}-again.jsonl"
    exported = ims(url, "export", str(again), data_dir=tmp_path)
    assert exported.returncode == 0, exported.stderr
    return url, again.read_bytes()


def assert_audit_verifies(url: str, tmp_path) -> None:
    verified = ims(url, "audit", "verify", data_dir=tmp_path)
    assert verified.returncode == 0, verified.stderr
    assert "Auditspoor in orde" in verified.stdout


def test_round_trip_on_the_same_database_is_byte_identical(populated_register, databases, tmp_path):
    first = tmp_path / "first.jsonl"
    original = export_here(first)

    lines = original.splitlines()
    header = json.loads(lines[0])
    assert header["format"] == "ims-register" and header["format_version"] == 1
    counts = header["counts"]
    for label in ("register.partner", "register.initiative", "register.historicalinitiative", "register.citation",
                  "register.sourcedocument", "register.initiative_citations", "ingest.ingestjob", "ingest.ingestitem",
                  "ingest.extractedfact", "ingest.bundledreading", "assessment.partnercriteria",
                  "reporting.reportversion", "reporting.reportfile", "core.auditentry", "accounts.user",
                  "auth.group_permissions", "admin.logentry"):
        assert counts[label] > 0, label
    assert "sessions.session" not in counts and "authtoken.token" not in counts
    assert sum(counts.values()) == len(lines) - 1
    rows = [json.loads(line) for line in lines[1:]]
    # References to tables every database makes for itself travel by name, not by id.
    grant = next(r for r in rows if r["model"] == "auth.group_permissions")
    assert grant["fields"]["permission"] == ["view_initiative", "register", "initiative"]
    audit_ids = [r["pk"] for r in rows if r["model"] == "core.auditentry"]
    assert audit_ids == sorted(audit_ids)
    # The export itself is in the audit trail, after the file's last entry.
    logged = AuditEntry.objects.order_by("-id").first()
    assert (logged.action, logged.object_type) == ("export", "register") and logged.id > audit_ids[-1]
    assert logged.changes["sha256"] == header["sha256"] == hashlib.sha256(original.split(b"\n", 1)[1]).hexdigest()

    url, again = import_and_export(first, connection.vendor, databases, tmp_path)
    assert again == original
    # Sequences go on after the imported keys: a new user (and its audit entry) can be written.
    made = ims(url, "createuser", "nieuwkomer", "--role", "viewer", "--clearance", "unclassified",
               "--password", "nieuwkomer-wachtwoord-1", data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    assert_audit_verifies(url, tmp_path)


def test_round_trip_across_databases_is_byte_identical(postgresql_pass, populated_register, databases, tmp_path):
    source = tmp_path / "postgresql.jsonl"
    original = export_here(source)
    # PostgreSQL → SQLite → PostgreSQL → SQLite: each hop in both directions. Every import has verified the
    # audit trail already (it refuses otherwise); the command that says so is asked at the end.
    for hop, target in enumerate(("sqlite", "postgresql", "sqlite"), start=1):
        url, again = import_and_export(source, target, databases, tmp_path)
        assert again == original, f"hop {hop} into {target} changed the file"
        source = tmp_path / f"hop-{hop}.jsonl"
        source.write_bytes(again)
    assert_audit_verifies(url, tmp_path)
