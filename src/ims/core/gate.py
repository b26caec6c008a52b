"""The gate to the register: one way in for writes, and reads only with a user or a level.

Writes: ``ims.core.services`` (``record_save``, ``record_link``, ``record_delete``, ``record_bulk_create``)
open the gate for the duration of one write. Outside it, a gated model's queryset refuses ``update()``,
``delete()``, ``bulk_create()`` and ``bulk_update()``, and its many-to-many relations refuse ``add``,
``remove``, ``set`` and ``clear`` (:class:`UngatedWrite`): those bypass the clearance check, the version,
the history and the audit trail that the services keep.

Reads: a gated model's manager hands out querysets that know whether they were scoped — to a user
(``for_user``), a level (``for_level``), a relation from a record already read that way (related managers),
or, for system jobs only, ``unrestricted()``. With ``IMS_GATE_STRICT_READS`` on (development and the tests)
evaluating an unscoped queryset raises :class:`UngatedRead`, so a forgotten filter fails loudly instead of
showing secret records.

A model is gated when it declares ``clearance_through``: ``()`` for a record carrying its own
classification, else the relation paths whose records decide what it shows (a citation by its document, a
participation by its initiative and partner).
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, Greatest
from django.db.models.signals import m2m_changed, pre_save
from django.dispatch import receiver

from .classification import Classification
from .clearance import clearance_of

_open: contextvars.ContextVar[str | None] = contextvars.ContextVar("ims_gate_open", default=None)


class UngatedWrite(Exception):
    """A write to a record past the gate (a raw queryset or many-to-many write)."""


class UngatedRead(Exception):
    """Reading a classified model without saying for whom (``for_user``/``for_level``/``unrestricted``)."""


@contextmanager
def gate_open(reason: str) -> Iterator[None]:
    """Let writes through for the duration of the block; only the write services and system jobs open it."""
    token = _open.set(reason)
    try:
        yield
    finally:
        _open.reset(token)


def gate_is_open() -> bool:
    return _open.get() is not None


def is_gated(model) -> bool:
    return hasattr(model, "clearance_through")


def _refuse_write(model, what: str) -> None:
    if not gate_is_open():
        raise UngatedWrite(
            f"{what} op {model._meta.label} buiten ims.core.services om: gebruik record_save, record_link, "
            "record_delete of record_bulk_create."
        )


TOP_LEVEL = max(Classification.values)

# The column in which a model may keep the level it reaches (``record_level``), so that reading it through the gate
# is one condition on its own row instead of a join per record it reaches: declared by the models that are counted
# in bulk (a milestone, a participation) and kept by the write services, never typed in.
REACH = "reach"


@functools.cache
def stores_reach(model) -> bool:
    return any(f.name == REACH for f in model._meta.concrete_fields)


def _own_level(model) -> bool:
    return any(f.name == "classification" for f in model._meta.concrete_fields)


def level_filter(model, level: int) -> models.Q:
    """What ``model`` rows a reader at ``level`` may see: its own classification, and that of every record it
    reaches through ``clearance_through`` (a missing link hides nothing); for a model that stores the level it
    reaches, that stored level.

    A level the database cannot exceed is left out: a reader cleared for the top level sees every row of a model
    whose check constraint holds its classification at or below that level, so the condition (and the join to the
    record it is read from) would test nothing but cost a lookup per row."""
    if stores_reach(model):
        reached = [_target(model, path) for path in model.clearance_through]
        if sees_all(level, *([model] if _own_level(model) else []), *reached):
            return models.Q()
        return models.Q(**{f"{REACH}__lte": level})
    condition = models.Q()
    if _own_level(model) and not sees_all(level, model):
        condition &= models.Q(classification__lte=level)
    for path in model.clearance_through:
        if sees_all(level, _target(model, path)):
            continue
        reached = models.Q(**{f"{path}__classification__lte": level})
        condition &= (models.Q(**{f"{path}__isnull": True}) | reached) if _nullable(model, path) else reached
    return condition


def sees_all(level: int | None, *targets) -> bool:
    """Whether a reader at ``level`` may see every row of each model in ``targets`` whatever its classification:
    the level is the top one and each model's classification is bounded by a check constraint at that level."""
    return level is not None and int(level) >= TOP_LEVEL and all(_bounded(model) for model in targets)


@functools.cache
def _bounded(model) -> bool:
    """The model's classification column is held to ``TOP_LEVEL`` at most by one of its check constraints."""
    for constraint in model._meta.constraints:
        condition = getattr(constraint, "condition", None)
        if (isinstance(constraint, models.CheckConstraint) and isinstance(condition, models.Q)
                and condition.connector == models.Q.AND and not condition.negated
                and ("classification__lte", TOP_LEVEL) in condition.children):
            return True
    return False


def _target(model, path: str):
    for step in path.split("__"):
        model = model._meta.get_field(step).related_model
    return model


def _nullable(model, path: str) -> bool:
    for step in path.split("__"):
        field = model._meta.get_field(step)
        if field.null:
            return True
        model = field.related_model
    return False


def record_level(obj) -> int:
    """The level an object shows: its own classification, or the highest of the records it reaches."""
    levels = [int(getattr(obj, "classification", 0) or 0)]
    for path in getattr(type(obj), "clearance_through", ()):
        target = obj
        for step in path.split("__"):
            target = getattr(target, step, None) if target is not None else None
        if target is not None:
            levels.append(record_level(target))
    return max(levels)


def reach_expression(model) -> models.Expression:
    """``record_level`` of each row as SQL: the highest of its own classification and those of the records its
    ``clearance_through`` paths reach (a missing one counts as unclassified). Each path is one foreign key to a
    record that carries its own classification (checked by ``tests/core/test_gate_reach.py``)."""
    parts = [models.F("classification")] if _own_level(model) else []
    for path in model.clearance_through:
        target = _target(model, path)
        level = target._base_manager.filter(pk=models.OuterRef(f"{path}_id")).values("classification")[:1]
        parts.append(Coalesce(models.Subquery(level), models.Value(0)))
    if not parts:
        return models.Value(0)
    return parts[0] if len(parts) == 1 else Greatest(*parts)


def reach_dependents(model) -> list[tuple[type[models.Model], str]]:
    """The (model, path) pairs whose stored reach follows the classification of ``model``'s records."""
    return [(dependent, path) for dependent in stored_reach_models() for path in dependent.clearance_through
            if _target(dependent, path) is model]


def refresh_reach(model, **lookup) -> int:
    """Recompute the stored reach of ``model``'s rows matching ``lookup`` (all rows without one), in one UPDATE
    inside the current transaction: the write services call it when a record these rows reach changes level, or
    when rows were written past ``record_save`` (a many-to-many link, a bulk load)."""
    with gate_open("reach"):
        return model._base_manager.filter(**lookup).update(**{REACH: reach_expression(model)})


def reach_mismatches(model) -> int:
    """How many rows of ``model`` store a reach other than the one their records give them (0 is the invariant that
    the tests check after every test that wrote to the database)."""
    return model._base_manager.exclude(**{REACH: reach_expression(model)}).count()


@functools.cache
def stored_reach_models() -> tuple[type[models.Model], ...]:
    """The gated models that store their reach."""
    from django.apps import apps

    return tuple(m for m in apps.get_models(include_auto_created=True) if is_gated(m) and stores_reach(m))


class ClassifiedQuerySet(models.QuerySet):
    """Reads scoped to a user or a level (strict mode: unscoped reads raise); for classified rows that are not
    register records, such as the search index, whose writes are their own app's business."""

    _scope: str | None = None

    # --- reads -------------------------------------------------------------------------------------------
    def _scoped(self, scope: str) -> GatedQuerySet:
        clone = self._chain()
        clone._scope = scope
        return clone

    def for_level(self, level: int) -> GatedQuerySet:
        """The rows a reader cleared for ``level`` may see."""
        return self._scoped("level").filter(level_filter(self.model, int(level)))

    def for_user(self, user) -> GatedQuerySet:
        """The rows ``user`` may see; nothing for anonymous or inactive users."""
        level = clearance_of(user)
        if level is None:
            return self._scoped("user").none()
        return self._scoped("user").for_level(level)

    def for_actor(self, actor) -> GatedQuerySet:
        """What a write by ``actor`` may refer to: ``for_user(actor)``, or every row for a system job (None), as
        ``record_save`` treats them. Lookups in services resolve codes and ids this way, so that a hidden record
        answers exactly as a missing one."""
        return self.unrestricted() if actor is None else self.for_user(actor)

    def among(self, queryset: models.QuerySet) -> GatedQuerySet:
        """The rows of ``queryset``, which was itself read through the gate, as a fresh query on their keys: for
        counts and facets over a filtered list, where the list's joins and ordering would get in the way. It
        keeps that queryset's scope, so the rows of an unscoped one stay unscoped (and raise when read, in strict
        mode)."""
        clone = self.filter(pk__in=queryset.values("pk"))
        clone._scope = getattr(queryset, "_scope", None)
        return clone

    def unrestricted(self) -> GatedQuerySet:
        """Every row, whatever its level: for system jobs only (migrations, audit verify, export, loaders).

        Each caller is listed in ``tests/core/test_gate.py``, so a new one is a conscious change."""
        return self._scoped("system")

    def _clone(self):
        clone = super()._clone()
        clone._scope = self._scope
        return clone

    def _check_read(self) -> None:
        if self._scope is None and not gate_is_open() and getattr(settings, "IMS_GATE_STRICT_READS", False):
            raise UngatedRead(
                f"{self.model._meta.label} gelezen zonder for_user(), for_level() of unrestricted()."
            )

    def _fetch_all(self) -> None:
        if self._result_cache is None:
            self._check_read()
        super()._fetch_all()

    def iterator(self, *args, **kwargs):
        self._check_read()
        return super().iterator(*args, **kwargs)

    def count(self) -> int:
        if self._result_cache is None:
            self._check_read()
        return super().count()

    def exists(self) -> bool:
        if self._result_cache is None:
            self._check_read()
        return super().exists()

    def aggregate(self, *args, **kwargs):
        self._check_read()
        return super().aggregate(*args, **kwargs)



class GatedQuerySet(ClassifiedQuerySet):
    """A record's queryset: scoped reads, and writes only inside the gate."""

    def update(self, **kwargs) -> int:
        _refuse_write(self.model, "update()")
        return super().update(**kwargs)

    def delete(self):
        _refuse_write(self.model, "delete()")
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        _refuse_write(self.model, "bulk_create()")
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, *args, **kwargs):
        _refuse_write(self.model, "bulk_update()")
        return super().bulk_update(objs, *args, **kwargs)

    def update_or_create(self, *args, **kwargs):
        _refuse_write(self.model, "update_or_create()")
        return super().update_or_create(*args, **kwargs)


class GatedManager(models.Manager.from_queryset(GatedQuerySet)):
    def get_queryset(self) -> GatedQuerySet:
        queryset = super().get_queryset()
        if getattr(self, "instance", None) is not None:
            # A related manager: reached from a record that was itself read through the gate.
            queryset._scope = "related"
        return queryset


@receiver(m2m_changed)
def _refuse_raw_links(sender, instance, action: str, model, **kwargs) -> None:
    """Many-to-many writes on a gated record pass through ``record_link`` (clearance, version, audit)."""
    if action.startswith("pre_") and (is_gated(type(instance)) or is_gated(model)):
        _refuse_write(type(instance), f"{action[4:]}() op een relatie")


@receiver(pre_save)
def _keep_reach(sender, instance, raw: bool = False, **kwargs) -> None:
    """A row that stores its reach takes it from the records it reaches whenever it is saved, whoever saves it (the
    write services, a loader, a test fixture); a fixture file loaded as it is (``raw``) keeps its own."""
    if not raw and stores_reach(sender):
        setattr(instance, REACH, record_level(instance))
