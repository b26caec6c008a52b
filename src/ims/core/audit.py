"""The audit trail: append-only, hash-chained, written from one place for admin, web, API and commands.

Each entry stores the hash of the previous entry and its own keyed hash (HMAC) over its content, so that
``ims audit verify`` can name the first entry that was altered, removed or inserted behind the
application's back. The application itself has no way to change or delete an entry: the model refuses,
the queryset refuses, and the database refuses (triggers on PostgreSQL and SQLite).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .classification import Classification

GENESIS = "0" * 64


class AuditAction(models.TextChoices):
    CREATE = "create", _("aangemaakt")
    UPDATE = "update", _("gewijzigd")
    DELETE = "delete", _("verwijderd")
    LOGIN = "login", _("aangemeld")
    LOGIN_FAILED = "login_failed", _("mislukte aanmelding")
    LOGOUT = "logout", _("afgemeld")
    EXPORT = "export", _("export")
    DOWNLOAD = "download", _("download")


class AppendOnlyError(Exception):
    pass


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Het auditspoor kan niet worden gewijzigd.")

    def delete(self):
        raise AppendOnlyError("Het auditspoor kan niet worden verwijderd.")


class AuditEntry(models.Model):
    at = models.DateTimeField(_("tijdstip"), default=timezone.now)
    actor = models.ForeignKey("accounts.User", verbose_name=_("gebruiker"), null=True, blank=True,
                              on_delete=models.SET_NULL, db_constraint=False, related_name="+")
    actor_name = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    ip = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    action = models.CharField(_("handeling"), max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(_("soort gegeven"), max_length=100, blank=True)
    object_id = models.CharField(_("id"), max_length=64, blank=True)
    object_repr = models.CharField(_("omschrijving"), max_length=300, blank=True)
    classification = models.PositiveSmallIntegerField(_("rubricering"), choices=Classification.choices, default=0)
    changes = models.JSONField(_("wijzigingen"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditspoor")
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.get_action_display()} {self.object_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Het auditspoor kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Het auditspoor kan niet worden verwijderd.")

    def content(self) -> dict[str, Any]:
        """The fields the hash covers, in a canonical form that survives a database round trip."""
        return {
            "at": self.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            "actor": self.actor_id,
            "actor_name": self.actor_name,
            "ip": self.ip or "",
            "action": self.action,
            "object_type": self.object_type,
            "object_id": str(self.object_id),
            "object_repr": self.object_repr,
            "classification": int(self.classification),
            "changes": json.loads(json.dumps(self.changes, cls=DjangoJSONEncoder, sort_keys=True)),
        }

    def compute_hash(self) -> str:
        """HMAC over the previous hash and this entry's content.

        Keyed, so that someone with write access to the database but not to the application's key cannot
        append or insert an entry that verifies.
        """
        payload = json.dumps(self.content(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hmac.new(audit_key(), (self.prev_hash + payload).encode("utf-8"), hashlib.sha256).hexdigest()


def audit_key() -> bytes:
    return hashlib.sha256(b"ims-audit:" + settings.IMS_AUDIT_KEY.encode("utf-8")).digest()


def _lock_chain() -> None:
    """Serialise writers so that two entries never claim the same predecessor."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(7243001)")
    # SQLite takes one writer at a time already.


def audit(
    *,
    action: str,
    actor=None,
    ip: str | None = None,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    classification: int | None = None,
    changes: dict | None = None,
) -> AuditEntry:
    """Append one entry to the trail, chained to the last one."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:300]
        if classification is None:
            classification = getattr(obj, "classification", 0)
    if actor is None:
        actor = current_actor()
    if ip is None:
        ip = current_ip()
    with transaction.atomic():
        _lock_chain()
        last = AuditEntry.objects.order_by("-id").values_list("hash", flat=True).first()
        entry = AuditEntry(
            actor=actor if getattr(actor, "pk", None) else None,
            actor_name=getattr(actor, "username", "") or "",
            ip=ip, action=action, object_type=object_type, object_id=str(object_id), object_repr=object_repr[:300],
            classification=classification or 0, changes=changes or {}, prev_hash=last or GENESIS,
        )
        entry.hash = entry.compute_hash()
        entry.save()
    return entry


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    problem: str = ""
    entry_id: int | None = None


def verify() -> Verification:
    """Walk the chain from the start; name the first entry that was altered, removed or inserted."""
    previous = GENESIS
    checked = 0
    previous_id = 0
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        if entry.prev_hash != previous:
            if entry.id != previous_id + 1 and previous_id:
                problem = f"regel(s) {previous_id + 1}–{entry.id - 1} ontbreken vóór regel {entry.id}"
            else:
                problem = f"regel {entry.id} sluit niet aan op de vorige regel (ingevoegd of vervangen)"
            return Verification(False, checked, problem, entry.id)
        if entry.compute_hash() != entry.hash:
            return Verification(False, checked, f"regel {entry.id} is gewijzigd", entry.id)
        previous, previous_id = entry.hash, entry.id
        checked += 1
    return Verification(True, checked)


# --- who is acting ---------------------------------------------------------------------------------------
# The request's user and address, set by AuditContextMiddleware, so that services called from a view
# record them without every service taking a request.

_actor: contextvars.ContextVar = contextvars.ContextVar("ims_audit_actor", default=None)
_ip: contextvars.ContextVar = contextvars.ContextVar("ims_audit_ip", default=None)


def current_actor():
    return _actor.get()


def current_ip() -> str | None:
    return _ip.get()


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        actor_token = _actor.set(user if user is not None and user.is_authenticated else None)
        ip_token = _ip.set(request.META.get("REMOTE_ADDR"))
        try:
            return self.get_response(request)
        finally:
            _actor.reset(actor_token)
            _ip.reset(ip_token)


def audit_mark() -> int:
    """The id of the last entry (0 for none), with the chain locked for the rest of the transaction: every entry
    the transaction writes after this comes directly after the mark, with nobody else's in between."""
    _lock_chain()
    return AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
