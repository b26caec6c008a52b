"""The one write path to the register (the write side of :mod:`ims.core.gate`).

``record_save``, ``record_link`` and ``record_delete`` are the only ways to change a record, whether the call
came from the web, the admin, the API, the review queue or a command. Each checks the actor's clearance
against both the record as stored and as it will be, moves the version on (optimistic locking), lets
simple-history write its row, and appends exactly one audit entry with the before and after of the fields and
relations that changed. A write that changes nothing writes nothing. ``record_bulk_create`` is for system jobs
(synthetic data, demo loads) and leaves one audit entry for the batch.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TypeVar

from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.forms.models import model_to_dict

from .audit import AuditAction, audit, current_actor
from .clearance import require_clearance
from .errors import AboveClearance, RegisterError
from .gate import REACH, gate_open, reach_dependents, record_level, refresh_reach, stores_reach

__all__ = ["AboveClearance", "RegisterError", "StaleEdit", "building", "record_bulk_create", "record_delete",
           "record_link", "record_save", "record_version_step"]

M = TypeVar("M", bound=Model)
Links = Mapping[str, Iterable[Model]]

# Bookkeeping fields every record has; they are not "changes" a reader of the audit trail cares about.
# The stored reach is derived from the records a row reaches (``ims.core.gate.REACH``): kept, never a change.
_UNAUDITED = {"created_at", "updated_at", "created_by", "updated_by", "version", REACH}

# What else must follow every write, in the same transaction (the search index): apps add theirs when they start.
_after_save: list[Callable[[Model, bool], None]] = []
_after_delete: list[Callable[[Model], None]] = []


def on_record_write(*, saved: Callable[[Model, bool], None], deleted: Callable[[Model], None]) -> None:
    """Have ``saved(instance, created)`` run after every ``record_save`` (``created``: the write made the record)
    and ``deleted(instance)`` before every delete."""
    if saved not in _after_save:
        _after_save.append(saved)
    if deleted not in _after_delete:
        _after_delete.append(deleted)


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


def _versioned(instance: Model) -> bool:
    return any(f.name == "version" for f in instance._meta.concrete_fields)


def _fields(instance: Model) -> dict:
    names = [f.name for f in instance._meta.concrete_fields if f.name not in _UNAUDITED and not f.primary_key]
    values = model_to_dict(instance, fields=names)
    if "text" in values and isinstance(values["text"], str) and len(values["text"]) > 200:
        values["text"] = f"<{len(values['text'])} tekens>"  # the full text of a document stays out of the trail
    return values


def _linked(instance: Model, name: str) -> list:
    return sorted(getattr(instance, name).values_list("pk", flat=True))


def _owner(instance: Model) -> Model | None:
    """The record a part (a goal, a participation) belongs to, whose version moves when the part changes."""
    path = getattr(type(instance), "version_owner", "")
    target = instance
    for step in path.split("__") if path else ():
        target = getattr(target, step, None)
    return target if path else None


_building: contextvars.ContextVar[dict | None] = contextvars.ContextVar("ims_gate_building", default=None)


@contextmanager
def building(record: Model) -> Iterator[list]:
    """Parts written inside the block (goals, budgets, participations of ``record``) are one change of it, not
    one each: they leave their own audit entries and history rows, but do not move ``record``'s version. The
    block yields the list of parts written, so that the caller can move the version once
    (``record_version_step``) when the record's own fields did not already."""
    written: list = []
    token = _building.set({**(_building.get() or {}), (record._meta.label, record.pk): written})
    try:
        yield written
    finally:
        _building.reset(token)


def record_version_step(record: Model, *, actor=None) -> None:
    """Move a record's version on for a change to its parts, stamping who made it (see ``StaleEdit``)."""
    actor = actor if actor is not None else current_actor()
    values = {"version": F("version") + 1}
    if getattr(actor, "pk", None) is not None and hasattr(record, "updated_by_id"):
        values["updated_by"] = actor
    type(record)._base_manager.filter(pk=record.pk).update(**values)
    record.version = type(record)._base_manager.values_list("version", flat=True).get(pk=record.pk)


def _bump_owner(instance: Model, actor) -> None:
    owner = _owner(instance)
    if owner is None or owner.pk is None:
        return
    held = (_building.get() or {}).get((owner._meta.label, owner.pk))
    if held is not None:
        held.append(instance)
    else:
        record_version_step(owner, actor=actor)


def _stale(instance: Model, stored: Model) -> StaleEdit:
    return StaleEdit(submitted=instance.version, current=stored.version, current_values=_fields(stored),
                     changed_by=str(stored.updated_by or ""))


def _stored(instance: Model) -> Model:
    """The row as stored, refusing an edit that started from an older version than the stored one."""
    stored = type(instance)._base_manager.get(pk=instance.pk)
    if _versioned(instance) and stored.version != instance.version:
        raise _stale(instance, stored)
    return stored


def _claim_version(instance: Model) -> None:
    """Move the stored version on by one if it is still the one the editor loaded.

    The compare-and-set is one conditional UPDATE, so of two concurrent saves from the same version exactly one
    wins on every database: the loser's UPDATE matches no row once the winner has committed.
    """
    manager = type(instance)._base_manager
    claimed = manager.filter(pk=instance.pk, version=instance.version).update(version=F("version") + 1)
    if not claimed:
        raise _stale(instance, manager.get(pk=instance.pk))
    instance.version += 1


def record_save(instance: M, *, actor=None, version: int | None = None) -> M:
    """Validate and save one record as ``actor`` (else the requesting user; None for system jobs).

    ``version`` is the one the editor started from; without it, the one the instance was loaded with."""
    return _write(instance, actor=actor, version=version)


def record_link(
    record: M, *, add: Links | None = None, remove: Links | None = None, through_defaults: dict | None = None,
    actor=None, version: int | None = None,
) -> M:
    """Link records to ``record`` or unlink them (``{"partners": [...], "citations": [...]}``), together with
    any field changes made on it, as one change: one audit entry, one history row, one version."""
    return _write(record, actor=actor, version=version, add=add or {}, remove=remove or {},
                  through_defaults=through_defaults)


def _write(instance: M, *, actor, version: int | None, add: Links | None = None, remove: Links | None = None,
           through_defaults: dict | None = None) -> M:
    actor = actor if actor is not None else current_actor()
    add = {name: list(objs) for name, objs in (add or {}).items()}
    remove = {name: list(objs) for name, objs in (remove or {}).items()}
    adding = instance._state.adding
    if version is not None and _versioned(instance):
        instance.version = version
    require_clearance(actor, record_level(instance))
    for obj in (o for objs in add.values() for o in objs):
        require_clearance(actor, record_level(obj))
    if hasattr(instance, "created_by_id"):
        if adding and actor is not None:
            instance.created_by = actor
        if actor is not None:
            instance.updated_by = actor
    if actor is not None:
        # simple-history reads this attribute; it covers commands and jobs that have no request.
        instance._history_user = actor
    try:
        with gate_open("record_save"), transaction.atomic():
            instance.full_clean()
            before_links = {} if adding else {name: _linked(instance, name) for name in {*add, *remove}}
            if adding:
                before = {}
            else:
                stored = _stored(instance)
                # A write never alters what the writer cannot see, even to lower it into view.
                require_clearance(actor, record_level(stored))
                before = _fields(stored)
            after = _fields(instance)
            changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
            wanted = {name: sorted({*before_links.get(name, []), *(o.pk for o in add.get(name, []))}
                                   - {o.pk for o in remove.get(name, [])}) for name in {*add, *remove}}
            moved = {name: [before_links.get(name, []), pks] for name, pks in wanted.items()
                     if pks != before_links.get(name, [])}
            if not adding and not changes and not moved:
                return instance
            if not adding and _versioned(instance):
                _claim_version(instance)
            instance.save()
            for name, objs in add.items():
                if objs:
                    manager = getattr(instance, name)
                    # Extra columns belong to a relation with a model of its own (a participation's role).
                    own = not manager.through._meta.auto_created
                    manager.add(*objs, through_defaults=through_defaults if own else None)
            for name, objs in remove.items():
                if objs:
                    getattr(instance, name).remove(*objs)
            _follow_reach(instance, changed_level=not adding and "classification" in changes,
                          linked=[name for name, objs in add.items() if objs])
            _bump_owner(instance, actor)
            entry = {**after, **{n: pks for n, pks in wanted.items() if pks}} if adding else {**changes, **moved}
            audit(action=AuditAction.CREATE if adding else AuditAction.UPDATE, actor=actor, obj=instance,
                  changes=entry, classification=record_level(instance))
            for follow in _after_save:
                follow(instance, adding)
    except IntegrityError as exc:
        raise RegisterError(f"De database weigert dit gegeven: {exc}") from exc
    return instance


def _follow_reach(instance: Model, *, changed_level: bool, linked: list[str]) -> None:
    """Keep the stored reach of the rows that depend on ``instance`` (``ims.core.gate.REACH``): those that reach
    it, when its classification changed, and the link rows of a relation just added to, which the many-to-many
    manager wrote without ``record_save``."""
    if changed_level:
        for dependent, path in reach_dependents(type(instance)):
            refresh_reach(dependent, **{path: instance})
    for name in linked:
        manager = getattr(instance, name)
        if stores_reach(manager.through):
            refresh_reach(manager.through, **{manager.source_field_name: instance})


def record_delete(instance: Model, *, actor=None) -> None:
    """Delete one record and say so in the audit trail, with what it held."""
    actor = actor if actor is not None else current_actor()
    if actor is not None:
        instance._history_user = actor
    with gate_open("record_delete"), transaction.atomic():
        stored = _stored(instance)  # deleting what someone changed after you looked at it is a lost update too
        require_clearance(actor, record_level(stored))
        level = record_level(stored)
        audit(action=AuditAction.DELETE, actor=actor, obj=instance, changes=_fields(stored), classification=level)
        _bump_owner(instance, actor)
        for follow in _after_delete:
            follow(instance)
        instance.delete()


def record_bulk_create(objs: Sequence[M], *, reason: str, batch_size: int = 1000) -> list[M]:
    """Create many rows at once for a system job (synthetic data, a demo load): with history where the model
    keeps it, and one audit entry naming the job, the kind and how many."""
    if not objs:
        return []
    model = type(objs[0])
    if stores_reach(model):
        _set_reach(objs)
    with gate_open(reason), transaction.atomic():
        if hasattr(model, "history"):
            from simple_history.utils import bulk_create_with_history

            created = bulk_create_with_history(list(objs), model, batch_size=batch_size)
        else:
            created = model._default_manager.bulk_create(list(objs), batch_size=batch_size)
        audit(action=AuditAction.CREATE, actor=None, object_type=model._meta.label_lower,
              object_repr=f"{len(created)} × {model._meta.verbose_name_plural}"[:300],
              changes={"reason": reason, "count": len(created)})
    return created


def _set_reach(objs: Sequence[Model]) -> None:
    """The stored reach of rows about to be created in bulk: ``record_level`` of each, with one query per record
    kind they reach instead of one per row."""
    model = type(objs[0])
    levels = {}
    for path in model.clearance_through:
        target = model._meta.get_field(path).related_model
        ids = {getattr(obj, f"{path}_id") for obj in objs} - {None}
        levels[path] = dict(target._base_manager.filter(pk__in=ids).values_list("pk", "classification"))
    for obj in objs:
        reached = [levels[path].get(getattr(obj, f"{path}_id"), 0) for path in model.clearance_through]
        setattr(obj, REACH, max([int(getattr(obj, "classification", 0) or 0), *reached]))
