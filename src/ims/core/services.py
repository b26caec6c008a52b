"""The one write path every service uses: stamp who and when, validate fully, save, record history,
and append the change to the audit trail — whether the call came from the web, the admin, the API or a
command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.forms.models import model_to_dict

from .audit import AuditAction, audit, current_actor
from .models import Record

M = TypeVar("M", bound=Model)

# Bookkeeping fields every record has; they are not "changes" a reader of the audit trail cares about.
_UNAUDITED = {"created_at", "updated_at", "created_by", "updated_by", "version"}

# What else must follow every write, in the same transaction (the search index): apps add theirs when they start.
_after_save: list[Callable[[Model], None]] = []
_after_delete: list[Callable[[Model], None]] = []


def on_record_write(*, saved: Callable[[Model], None], deleted: Callable[[Model], None]) -> None:
    """Have ``saved(instance)`` run after every ``record_save`` and ``deleted(instance)`` before every delete."""
    if saved not in _after_save:
        _after_save.append(saved)
    if deleted not in _after_delete:
        _after_delete.append(deleted)


def record_links_changed(instance: Model) -> None:
    """Tell what follows writes that a record's links (its partners, say) changed after it was saved."""
    for follow in _after_save:
        follow(instance)


class RegisterError(Exception):
    """A write the register refuses; the message is for the user, in Dutch."""


class StaleEdit(RegisterError):
    """A save against a version someone else has changed since the editor loaded it.

    Carries both versions and the stored values, so the editor can see what changed before trying again.
    """

    def __init__(self, *, submitted: int, current: int, current_values: dict, changed_by: str = "") -> None:
        self.submitted = submitted
        self.current = current
        self.current_values = current_values
        self.changed_by = changed_by
        by = f" door {changed_by}" if changed_by else ""
        super().__init__(
            f"Dit gegeven is intussen gewijzigd{by}: u bewerkte versie {submitted}, de opgeslagen versie is "
            f"{current}. Uw wijziging is niet opgeslagen; bekijk de huidige gegevens en breng uw wijziging "
            "opnieuw aan."
        )


def _fields(instance: Model) -> dict:
    names = [f.name for f in instance._meta.concrete_fields if f.name not in _UNAUDITED and not f.primary_key]
    values = model_to_dict(instance, fields=names)
    if "text" in values and isinstance(values["text"], str) and len(values["text"]) > 200:
        values["text"] = f"<{len(values['text'])} tekens>"  # the full text of a document stays out of the trail
    return values


def record_save(instance: M, *, actor=None) -> M:
    """Validate and save one record as ``actor`` (else the requesting user; None for system jobs)."""
    actor = actor if actor is not None else current_actor()
    adding = instance._state.adding
    if isinstance(instance, Record):
        if adding and actor is not None:
            instance.created_by = actor
        if actor is not None:
            instance.updated_by = actor
    if actor is not None:
        # simple-history reads this attribute; it covers commands and jobs that have no request.
        instance._history_user = actor
    instance.full_clean()
    try:
        with transaction.atomic():
            before = {} if adding else _fields(_claim_version(instance))
            instance.save()
            after = _fields(instance)
            changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
            if adding or changes:
                audit(action=AuditAction.CREATE if adding else AuditAction.UPDATE, actor=actor, obj=instance,
                      changes=after if adding else changes)
            for follow in _after_save:
                follow(instance)
    except IntegrityError as exc:
        raise RegisterError(f"De database weigert dit gegeven: {exc}") from exc
    return instance


def _claim_version(instance: Model) -> Model:
    """Return the stored row, after moving its version on by one if it is still the one the editor loaded.

    The compare-and-set is one conditional UPDATE, so of two concurrent saves from the same version exactly one
    wins on every database: the loser's UPDATE matches no row once the winner has committed.
    """
    manager = type(instance)._base_manager
    if not isinstance(instance, Record):
        return manager.get(pk=instance.pk)
    claimed = manager.filter(pk=instance.pk, version=instance.version).update(version=F("version") + 1)
    stored = manager.get(pk=instance.pk)
    if not claimed:
        raise StaleEdit(
            submitted=instance.version,
            current=stored.version,
            current_values=_fields(stored),
            changed_by=str(stored.updated_by or ""),
        )
    instance.version = stored.version
    return stored


def record_delete(instance: Model, *, actor=None) -> None:
    """Delete one record and say so in the audit trail, with what it held."""
    actor = actor if actor is not None else current_actor()
    if actor is not None:
        instance._history_user = actor
    with transaction.atomic():
        _claim_version(instance)  # deleting what someone changed after you looked at it is a lost update too
        audit(action=AuditAction.DELETE, actor=actor, obj=instance, changes=_fields(instance))
        for follow in _after_delete:
            follow(instance)
        instance.delete()
