"""`ims import` refuses, with one Dutch line and exit status 2, and without touching the database: a database
that is not empty, a file of a newer format or schema, a file whose checksum does not match, a malformed file,
and a file whose audit trail does not verify."""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from ims.accounts.models import User
from ims.core.audit import AuditEntry
from ims.transfer.exporting import schema_migrations
from ims.transfer.fileformat import dumps

from .conftest import ims

pytestmark = pytest.mark.django_db

USER = {"model": "accounts.user", "pk": 7, "fields": {
    "username": "overgezet", "password": "!", "role": "viewer", "clearance": 0, "is_active": True,
    "is_staff": False, "is_superuser": False, "first_name": "", "last_name": "", "email": "",
    "date_joined": "2026-03-01T09:30:00.000000+00:00", "last_login": None}}


def write_file(path, rows, *, version=1, migrations=None, counts=None):
    body = b"".join(dumps(row) for row in rows)
    header = {"format": "ims-register", "format_version": version,
              "created": {"by": "ims export", "ims_version": "0.1.0", "as_of": None},
              "migrations": schema_migrations() if migrations is None else migrations,
              "counts": dict(Counter(row["model"] for row in rows)) if counts is None else counts,
              "excluded": [], "sha256": hashlib.sha256(body).hexdigest()}
    path.write_bytes(dumps(header) + body)
    return path


def refusal(path) -> str:
    with pytest.raises(CommandError) as refused:
        call_command("import", str(path))
    assert refused.value.returncode == 2
    assert User.objects.count() == 0, "a refused import left rows behind"
    return str(refused.value)


def test_a_valid_file_goes_into_an_empty_database(tmp_path):
    call_command("import", str(write_file(tmp_path / "ok.jsonl", [USER])))
    user = User.objects.get(pk=7)
    assert user.username == "overgezet" and user.date_joined.isoformat() == "2026-03-01T09:30:00+00:00"


def test_refuses_a_database_that_is_not_empty(tmp_path, make_user):
    make_user(username="aanwezig")
    with pytest.raises(CommandError, match="De database is niet leeg") as refused:
        call_command("import", str(write_file(tmp_path / "ok.jsonl", [USER])))
    assert refused.value.returncode == 2
    assert list(User.objects.values_list("username", flat=True)) == ["aanwezig"]


def test_refuses_a_newer_format_version(tmp_path):
    message = refusal(write_file(tmp_path / "v2.jsonl", [USER], version=2))
    assert "formaatversie 2" in message and "nieuwere versie van IMS" in message


def test_refuses_a_file_from_a_newer_schema(tmp_path):
    message = refusal(write_file(tmp_path / "schema.jsonl", [USER],
                                 migrations={**schema_migrations(), "register": "0099_uit_de_toekomst"}))
    assert "nieuwere versie van IMS" in message and "register.0099_uit_de_toekomst" in message


def test_refuses_a_file_whose_checksum_does_not_match(tmp_path):
    path = write_file(tmp_path / "changed.jsonl", [USER])
    path.write_bytes(path.read_bytes().replace(b"overgezet", b"ingebroken"))
    assert "De controlesom" in refusal(path)


def test_refuses_a_truncated_file(tmp_path):
    path = write_file(tmp_path / "cut.jsonl", [USER, {**USER, "pk": 8, "fields": {**USER["fields"], "username": "b"}}])
    path.write_bytes(path.read_bytes()[:-40])
    assert "De controlesom" in refusal(path)


@pytest.mark.parametrize(("line", "expected"), [
    (b"geen json", "Regel 2 is geen geldige JSON"),
    (b"[1, 2]", "Regel 2 is geen gegevensregel"),
    ({"model": "register.onbekend", "pk": 1, "fields": {}}, "onbekende soort gegevens 'register.onbekend'"),
    ({**USER, "fields": {**USER["fields"], "schoenmaat": 44}}, "accounts.user heeft geen veld 'schoenmaat'"),
    ({**USER, "fields": {**USER["fields"], "clearance": "geheim"}}, "accounts.user.clearance is ongeldig"),
    ({**USER, "fields": {**USER["fields"], "date_joined": "gisteren"}}, "accounts.user.date_joined is ongeldig"),
    ({**USER, "pk": True}, "accounts.user.id is ongeldig"),
    ({**USER, "pk": None}, "accounts.user zonder primaire sleutel"),
    ({**USER, "pk": 2**70}, "De database weigert de gegevens"),
    ({**USER, "fields": {**USER["fields"], "role": "koning"}}, "De database weigert de gegevens"),
])
def test_refuses_a_malformed_file(tmp_path, line, expected):
    body = line + b"\n" if isinstance(line, bytes) else dumps(line)
    header = {"format": "ims-register", "format_version": 1, "created": {}, "migrations": schema_migrations(),
              "counts": {"accounts.user": 1}, "excluded": [], "sha256": hashlib.sha256(body).hexdigest()}
    path = tmp_path / "bad.jsonl"
    path.write_bytes(dumps(header) + body)
    assert expected in refusal(path)


def test_refuses_a_header_that_is_not_one(tmp_path):
    path = tmp_path / "notes.jsonl"
    path.write_text("Dit is geen export.\n", encoding="utf-8")
    assert "geen exportbestand van IMS" in refusal(path)
    assert "kan niet worden geopend" in refusal(tmp_path / "bestaat-niet.jsonl")


def test_refuses_a_header_with_counts_that_are_not_numbers(tmp_path):
    message = refusal(write_file(tmp_path / "counts.jsonl", [USER], counts={"accounts.user": [1]}))
    assert "de kopregel is onvolledig" in message


def test_refuses_counts_that_differ_from_the_header(tmp_path):
    message = refusal(write_file(tmp_path / "counts.jsonl", [USER], counts={"accounts.user": 2}))
    assert "wijkt af van de kopregel" in message


def test_refuses_an_audit_trail_that_does_not_verify(tmp_path):
    entry = {"model": "core.auditentry", "pk": 1, "fields": {
        "action": "login", "actor": 7, "actor_name": "overgezet", "at": "2026-03-01T09:31:00.000000+00:00",
        "changes": {}, "classification": 0, "hash": "f" * 64, "ip": "192.0.2.1", "object_id": "",
        "object_repr": "", "object_type": "", "prev_hash": "0" * 64}}
    message = refusal(write_file(tmp_path / "audit.jsonl", [USER, entry]))
    assert "Het auditspoor klopt na het inlezen niet: regel 1 is gewijzigd" in message
    assert AuditEntry.objects.count() == 0


def test_the_command_line_prints_one_dutch_line_and_exits_2(tmp_path):
    path = write_file(tmp_path / "v9.jsonl", [USER], version=9)
    done = ims(f"sqlite:///{tmp_path / 'leeg.sqlite3'}", "import", str(path), data_dir=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("Fout: ") and "formaatversie 9" in done.stderr
    assert "Traceback" not in done.stderr


def test_export_refuses_a_folder_that_does_not_exist(tmp_path):
    with pytest.raises(CommandError, match="bestaat niet") as refused:
        call_command("export", str(tmp_path / "nergens" / "register.jsonl"))
    assert refused.value.returncode == 2
