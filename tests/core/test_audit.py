"""The audit trail records every change, login and export, cannot be changed by the application, and
`ims audit verify` names the first entry that was altered, removed or inserted directly in the database.
"""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from ims.core.audit import AppendOnlyError, AuditEntry, audit, verify
from ims.core.services import record_delete
from ims.register import services
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def actions() -> list[tuple[str, str, str]]:
    return list(AuditEntry.objects.order_by("id").values_list("action", "actor_name", "object_type"))


def test_create_update_delete_are_recorded_with_user_and_changes(make_user):
    alice = make_user(username="alice")
    initiative = services.initiative_create(title="Brigade", actor=alice)
    services.initiative_update(initiative=initiative, status="running", actor=alice)
    services.initiative_update(initiative=initiative, status="running", actor=alice)  # no change, no entry
    record_delete(initiative, actor=alice)
    assert actions() == [("create", "alice", "register.initiative"), ("update", "alice", "register.initiative"),
                         ("delete", "alice", "register.initiative")]
    update = AuditEntry.objects.get(action="update")
    assert update.changes == {"status": ["idea", "running"]}


def test_logins_failed_logins_and_logouts_are_recorded(client, make_user):
    make_user(username="bob", password="een-goed-wachtwoord")
    client.post(reverse("login"), {"username": "bob", "password": "fout"}, REMOTE_ADDR="10.1.2.3")
    client.post(reverse("login"), {"username": "bob", "password": "een-goed-wachtwoord"})
    client.post(reverse("logout"))
    rows = list(AuditEntry.objects.order_by("id").values_list("action", "object_repr", "ip"))
    assert [r[0] for r in rows] == ["login_failed", "login", "logout"]
    assert rows[0][1:] == ("bob", "10.1.2.3")
    assert "fout" not in str(AuditEntry.objects.get(action="login_failed").changes), "no password in the trail"


def test_exports_are_recorded_with_their_filters(analyst, login):
    login(analyst).get(reverse("register:initiative-list") + "?status=running&format=csv")
    entry = AuditEntry.objects.get(action="export")
    assert (entry.actor_name, entry.object_type) == ("analist", "initiatieven")
    assert "status=running" in entry.changes["query"]


def test_web_requests_are_attributed_to_the_logged_in_user_and_address(make_user, client):
    admin = make_user(role="administrator", username="beheerder", is_staff=True, is_superuser=True)
    client.force_login(admin)
    partner = PartnerFactory(code="DK")
    client.post(reverse("admin:register_partner_delete", args=[partner.pk]), {"post": "yes"}, REMOTE_ADDR="10.9.9.9")
    entry = AuditEntry.objects.get(action="delete")
    assert (entry.actor_name, entry.ip, entry.object_repr) == ("beheerder", "10.9.9.9", partner.name_nl)


def test_the_application_cannot_change_or_remove_an_entry():
    entry = audit(action="export", object_type="test")
    entry.object_repr = "anders"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(object_repr="anders")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_postgresql_refuses_update_and_delete_in_sql():
    entry = audit(action="export", object_type="test")
    statements = ("UPDATE core_auditentry SET object_repr = 'x' WHERE id = %s",
                  "DELETE FROM core_auditentry WHERE id = %s")
    for sql in statements:
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])


def tamper(sql: str, params: list) -> None:
    """Change the table behind the application's back, as a database administrator could."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")  # switches user triggers off
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")


@pytest.fixture
def chain():
    return [audit(action="export", object_type="test", object_repr=f"regel {n}") for n in range(6)]


def test_an_untouched_chain_verifies(chain, capsys):
    assert verify().ok and verify().checked == 6
    call_command("audit", "verify")
    assert "6 regels" in capsys.readouterr().out


def test_an_altered_entry_is_named(chain):
    tamper("UPDATE core_auditentry SET object_repr = 'vervalst' WHERE id = %s", [chain[3].pk])
    result = verify()
    assert (result.ok, result.entry_id, result.checked) == (False, chain[3].pk, 3)
    assert "gewijzigd" in result.problem
    with pytest.raises(CommandError, match=f"regel {chain[3].pk} is gewijzigd"):
        call_command("audit", "verify")


def test_a_removed_entry_is_named(chain):
    tamper("DELETE FROM core_auditentry WHERE id = %s", [chain[2].pk])
    result = verify()
    assert (result.ok, result.entry_id) == (False, chain[3].pk)
    assert f"regel(s) {chain[2].pk}–{chain[2].pk} ontbreken" in result.problem


def test_an_entry_appended_in_sql_does_not_verify(chain, settings):
    # The forger knows the format but not the key: they hash with a key of their own.
    real_key = settings.IMS_AUDIT_KEY
    settings.IMS_AUDIT_KEY = "de sleutel van de vervalser"
    forged = AuditEntry(action="login", object_type="accounts.user", object_repr="nepgebruiker",
                        prev_hash=chain[5].hash)
    forged.hash = forged.compute_hash()
    settings.IMS_AUDIT_KEY = real_key
    c = forged.content()
    tamper("INSERT INTO core_auditentry (at, actor_name, action, object_type, object_id, object_repr, "
           "classification, changes, prev_hash, hash) VALUES (%s, '', %s, %s, '', %s, 0, '{}', %s, %s)",
           [forged.at, c["action"], c["object_type"], c["object_repr"], forged.prev_hash, forged.hash])
    result = verify()
    assert (result.ok, result.checked) == (False, 6)
    assert "gewijzigd" in result.problem


def test_an_entry_inserted_in_place_of_another_is_named(chain):
    tamper("UPDATE core_auditentry SET prev_hash = %s WHERE id = %s", ["f" * 64, chain[5].pk])
    result = verify()
    assert (result.ok, result.entry_id) == (False, chain[5].pk)
    assert "sluit niet aan" in result.problem
