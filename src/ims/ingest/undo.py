"""Undoing a reviewer's accept or reject, from the audit trail.

An accept writes its changes to the register in one transaction, right after the mark it keeps with the fact
(:func:`ims.core.audit.audit_mark`), and ends with the fact's own entry. Undoing it reverses those entries,
newest first: a record the accept created is deleted, a record it changed gets its former values back, and the
partners, participants and citations it linked are unlinked again (the gate records them in the entries). Every
step goes through ``record_save``/``record_delete``, so the undo is itself in the audit trail.

An undo that would wipe out a later change is refused: if any record the accept touched has an audit entry
after the accept, someone has built on it since, and the reviewer is told to change the register by hand.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.timezone import localtime

from ims.core.audit import AuditAction, AuditEntry
from ims.core.services import RegisterError, record_delete, record_link, record_save

from .models import ExtractedFact, FactStatus

FACT_TYPE = ExtractedFact._meta.label_lower


def _decision_entries(fact: ExtractedFact) -> tuple[AuditEntry, list[AuditEntry]]:
    """The fact's own entry of its decision, and the entries the decision wrote before it (oldest first)."""
    if fact.audit_mark is None:
        raise RegisterError("Dit besluit is genomen voordat IMS besluiten kon terugdraaien; pas het register zelf aan.")
    decision = (AuditEntry.objects.filter(id__gt=fact.audit_mark, object_type=FACT_TYPE, object_id=str(fact.pk))
                .order_by("id").first())
    if decision is None:
        raise RegisterError("Het besluit staat niet in het auditspoor; pas het register zelf aan.")
    entries = list(AuditEntry.objects.filter(id__gt=fact.audit_mark, id__lt=decision.id).order_by("id"))
    return decision, entries


def _refuse_if_changed_since(decision: AuditEntry, entries: list[AuditEntry]) -> None:
    touched = {(e.object_type, e.object_id) for e in entries}
    if not touched:
        return
    later = (AuditEntry.objects.filter(id__gt=decision.id)
             .filter(reduce(or_, (Q(object_type=t, object_id=i) for t, i in touched))).order_by("id").first())
    if later is not None:
        raise RegisterError(
            f"‘{later.object_repr}’ is na dit besluit gewijzigd (door {later.actor_name or 'het systeem'} op "
            f"{date_format(localtime(later.at), 'j F Y H:i')}); terugdraaien zou die wijziging wissen. "
            "Pas het register zelf aan.")


def _refuse_if_built_on(fact: ExtractedFact, entries: list[AuditEntry]) -> None:
    """A record this accept created that a later accepted fact was merged into stays: deleting it would take
    the other fact's part with it."""
    created = {f"{e.object_type}:{e.object_id}" for e in entries if e.action == AuditAction.CREATE}
    # Every fact counts, those the undoer may not see too: deleting the record would take a hidden fact's part
    # with it. Like a database constraint, it answers with the same refusal and shows nothing of the other fact.
    if fact.target in created and ExtractedFact.objects.unrestricted().filter(
            target=fact.target, status=FactStatus.ACCEPTED).exclude(pk=fact.pk).exists():
        raise RegisterError("Een later geaccepteerd feit is in hetzelfde registergegeven vastgelegd; draai dat "
                            "eerst terug.")


def _restore(instance, before: dict) -> None:
    for name, value in before.items():
        field = instance._meta.get_field(name)
        setattr(instance, field.attname, value)


def _reverse(entry: AuditEntry, actor) -> None:
    model = apps.get_model(entry.object_type)
    instance = model._base_manager.filter(pk=entry.object_id).first()
    if instance is None:
        return  # deleted with a record it belonged to, earlier in this undo
    if entry.action == AuditAction.CREATE:
        record_delete(instance, actor=actor)
    elif entry.action == AuditAction.UPDATE:
        fields = {f.name: f for f in model._meta.get_fields()}
        concrete = {f.name for f in model._meta.concrete_fields}
        _restore(instance, {name: change[0] for name, change in entry.changes.items() if name in concrete})
        # Relation changes (partners, citations, participants) are in the entry as [before, after] lists of keys
        # (ims.core.services.record_link), so they are reversed as the fields are.
        add, remove = {}, {}
        for name, (before, after) in entry.changes.items():
            field = fields.get(name)
            if field is None or not field.many_to_many:
                continue
            others = field.related_model._base_manager
            add[name] = list(others.filter(pk__in=set(before) - set(after)))
            remove[name] = list(others.filter(pk__in=set(after) - set(before)))
        record_link(instance, add=add, remove=remove, actor=actor)


@transaction.atomic
def fact_undo(*, fact: ExtractedFact, actor, version: int | None = None) -> ExtractedFact:
    """Put an accepted or rejected fact back in the queue, reversing what accepting it did to the register.

    ``version`` is the fact's version as the reviewer saw it. Refused (``RegisterError``) when a record the
    accept created or changed has been changed since.
    """
    if version is not None:
        fact.version = version
    if fact.status == FactStatus.PENDING:
        raise RegisterError("Dit feit is nog niet beoordeeld; er is niets terug te draaien.")
    decision, entries = _decision_entries(fact)
    _refuse_if_changed_since(decision, entries)
    if fact.status == FactStatus.ACCEPTED:
        _refuse_if_built_on(fact, entries)
        for entry in reversed(entries):
            _reverse(entry, actor)
    concrete = {f.name for f in ExtractedFact._meta.concrete_fields}
    _restore(fact, {name: change[0] for name, change in decision.changes.items() if name in concrete})
    fact.status, fact.target, fact.audit_mark = FactStatus.PENDING, "", None
    fact.reviewed_by, fact.reviewed_at = None, None
    return record_save(fact, actor=actor)
