"""A record's change history as its page shows it: who changed what, when, in Dutch labels and values.

The audit trail (``ims.core.audit``) says who did what and which values changed; the change history kept by
simple-history says which parts belong to a record, including the ones deleted since (an initiative's
participants, goals, budgets and milestones; a partner's ring periods), and stands in for the trail where a
record predates it. Clearance holds here as everywhere: a change made while the record (or the part) was
classified above the reader's clearance is not listed, the values it had before it came within the reader's
reach are withheld, and a part that names a hidden partner is left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format, number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ims.core.audit import AuditAction, AuditEntry
from ims.core.gate import REACH, is_gated
from ims.core.models import clearance_of

from .models import Citation, Goal, Initiative, InitiativeBudget, Milestone, Participation, Partner, RingAssignment
from .presentation import labels, partner_name

# The parts a record's history includes, with the field that points from the part to the record.
PARTS: dict[type[models.Model], list[tuple[type[models.Model], str]]] = {
    Initiative: [(Participation, "initiative"), (Goal, "initiative"), (InitiativeBudget, "initiative"),
                 (Milestone, "initiative")],
    Partner: [(RingAssignment, "partner")],
}
# Fields not worth a line: the pointer to the record itself, the full text of a document, and the bookkeeping
# every record has (the trail leaves those out too).
SKIPPED = {"initiative", "text", "created_at", "updated_at", "created_by", "updated_by", "version", REACH}


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Entry:
    at: dt.datetime
    who: str
    action: str
    subject: str
    changes: list[Change] = field(default_factory=list)
    withheld: bool = False  # earlier values were above the reader's clearance


def _hidden() -> str:
    return _("niet zichtbaar voor uw screeningsniveau")


class _Names:
    """The names of the records that changed values point to, clearance-filtered, in one query per kind of record
    for every id the page names: ``want`` them all first, then ask ``of``/``label``/``listed`` one at a time."""

    def __init__(self, user) -> None:
        self.user = user
        self.found: dict[type[models.Model], dict] = {}  # per kind, id → name, or _GONE, or None (not visible)
        self.wanted: dict[type[models.Model], set] = {}

    def want(self, model: type[models.Model], pks) -> None:
        known = self.found.get(model, {})
        self.wanted.setdefault(model, set()).update(pk for pk in pks if pk is not None and pk not in known)

    def _look_up(self, model: type[models.Model], pk) -> object:
        known = self.found.setdefault(model, {})
        if pk not in known:
            pks = self.wanted.pop(model, set()) | {pk}
            manager = model._default_manager
            qs = manager.for_user(self.user) if is_gated(model) else manager.all()
            qs = qs.select_related(*_NAMED_THROUGH.get(model, ()))
            known.update(dict.fromkeys(pks))
            known.update((obj.pk, _name(obj)) for obj in qs.filter(pk__in=pks))
            missing = [p for p in pks if known[p] is None]
            if missing:
                known.update(dict.fromkeys(_deleted(model, missing), _GONE))
        return known[pk]

    def of(self, model: type[models.Model], pk) -> str | None:
        """The record's name; None when the reader may not see it or it is gone."""
        name = self._look_up(model, pk)
        return name if isinstance(name, str) else None

    def label(self, model: type[models.Model], pk) -> str:
        """The record's name, or that it is withheld or deleted."""
        name = self._look_up(model, pk)
        return _("verwijderd record") if name is _GONE else _hidden() if name is None else name

    def listed(self, model: type[models.Model], pks: list) -> str:
        """The names of related records in alphabetical order, then how many are deleted and whether any are
        withheld (once, not how many: the number of hidden records is not the reader's to know)."""
        found = [self._look_up(model, pk) for pk in pks]
        shown_names = sorted((n for n in found if isinstance(n, str)), key=str.casefold)
        gone = sum(n is _GONE for n in found)
        if gone:
            shown_names.append(ngettext("%(count)d verwijderd record", "%(count)d verwijderde records", gone)
                               % {"count": gone})
        if None in found:
            shown_names.append(_hidden())
        return ", ".join(shown_names)


# Marks a related record that is not there any more (in ``_Names.found``).
_GONE = object()
# The relations a record's name is made of, read along in the same query (a citation names its document).
_NAMED_THROUGH: dict[type[models.Model], tuple[str, ...]] = {Citation: ("document",)}


def _name(obj: models.Model) -> str:
    return partner_name(obj) if isinstance(obj, Partner) else str(obj)


def _deleted(model: type[models.Model], pks: list) -> set:
    """Which of ``pks`` (not found for the reader) were deleted, by the deletions the change history or, for a
    kind without one, the audit trail kept; the others exist above the reader's clearance."""
    history = getattr(model, "history", None)
    if history is not None:
        return set(history.filter(id__in=pks, history_type="-").values_list("id", flat=True))
    gone = set(AuditEntry.objects.filter(object_type=model._meta.label_lower, object_id__in=[str(p) for p in pks],
                                         action=AuditAction.DELETE).values_list("object_id", flat=True))
    return {p for p in pks if str(p) in gone}


def _related_ids(value) -> list:
    """The ids in a stored value of a relation: one, a before/after pair, a list, or a pair of lists."""
    if isinstance(value, list):
        return [pk for item in value for pk in _related_ids(item)]
    return [] if value is None or value == "" else [value]


def _want_related(model: type[models.Model], changes: dict, names: _Names) -> None:
    """Ask for the names of every record the changes of one entry point to, to look them up with the rest."""
    for name, value in changes.items():
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if name not in SKIPPED and isinstance(model_field, models.ForeignKey | models.ManyToManyField):
            names.want(model_field.related_model, _related_ids(value))


def shown(model_field: models.Field, value, names: _Names) -> str:
    """A stored value (as the audit trail keeps it: codes, ids, ISO dates) as a Dutch reader knows it."""
    if value is None or value == "" or value == []:
        return "–"
    if model_field.choices:
        return str(labels(model_field, lambda: model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return _("ja") if value else _("nee")
    if isinstance(model_field, models.ForeignKey):
        return names.label(model_field.related_model, value)
    if isinstance(model_field, models.ManyToManyField):  # the trail keeps the ids of the linked records
        return names.listed(model_field.related_model, value if isinstance(value, list) else [value])
    if isinstance(model_field, models.DateTimeField):
        moment = value if isinstance(value, dt.datetime) else parse_datetime(str(value))
        return date_format(moment, "DATETIME_FORMAT") if moment else str(value)
    if isinstance(model_field, models.DateField):
        day = value if isinstance(value, dt.date) else parse_date(str(value))
        return date_format(day) if day else str(value)
    if isinstance(model_field, models.DecimalField | models.FloatField):
        try:
            number = Decimal(str(value)).normalize()
        except InvalidOperation:
            return str(value)
        places = max(0, -number.as_tuple().exponent)
        return number_format(number, places, use_l10n=True, force_grouping=True)
    return str(value)


def _describe(model: type[models.Model], row, names: _Names) -> str:
    """What a part is called in the history: the partner of a participation, a goal's statement, and so on."""
    if model is Participation:
        return names.of(Partner, row.partner_id) or ""
    if model is Goal:
        return row.statement[:80]
    if model is InitiativeBudget:
        return str(row.year)
    if model is RingAssignment:
        return f"{shown(model._meta.get_field('ring'), row.ring, names)} ({date_format(row.valid_from)})"
    for name in ("title", "statement", "name"):  # a milestone's, a plan goal's, an official's
        if getattr(row, name, ""):
            return str(getattr(row, name))[:80]
    when = getattr(row, "occurred_on", None)  # an activity
    if when is not None:
        return f"{date_format(when)}: {getattr(row, 'text', '')[:60]}"
    return str(getattr(row, "instance", row))  # not the historical row's own name ("… as of …")


def _hides_partner(model: type[models.Model], changes: dict, names: _Names) -> bool:
    if model is not Participation:
        return False
    values = changes.get("partner")
    ids = values if isinstance(values, list) else [values]
    return any(pk is not None and names.of(Partner, pk) is None for pk in ids)


def _changes(model: type[models.Model], entry: AuditEntry, names: _Names, withhold: bool) -> list[Change]:
    rows = []
    for name, value in entry.changes.items():
        if name in SKIPPED:
            continue
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        pair = value if entry.action == AuditAction.UPDATE and isinstance(value, list) and len(value) == 2 \
            else [None, value] if entry.action == AuditAction.CREATE else [value, None]
        old = _hidden() if withhold and entry.action == AuditAction.UPDATE else shown(model_field, pair[0], names)
        new = shown(model_field, pair[1], names)
        if old != new:  # a field left empty at creation or deletion says nothing
            rows.append(Change(str(capfirst(model_field.verbose_name)), old, new))
    return rows


def _from_simple_history(model: type[models.Model], record: models.Model, level: int, names: _Names) -> list[Entry]:
    """Entries for a record the audit trail does not know (it predates the trail): from its change history,
    each version compared with the one before."""
    entries, before = [], None
    kinds = {"+": AuditAction.CREATE.label, "~": AuditAction.UPDATE.label, "-": AuditAction.DELETE.label}
    versions = list(record.history.order_by("history_date", "history_id").select_related("history_user"))
    for model_field in model._meta.concrete_fields:
        if isinstance(model_field, models.ForeignKey) and model_field.name not in SKIPPED:
            names.want(model_field.related_model, [getattr(v, model_field.attname) for v in versions])
    for version in versions:
        if getattr(version, "classification", 0) <= level:
            withhold = before is not None and getattr(before, "classification", 0) > level
            changed = []
            if before is not None:
                for c in version.diff_against(before).changes:
                    if c.field in SKIPPED:
                        continue
                    model_field = model._meta.get_field(c.field)
                    changed.append(Change(str(capfirst(model_field.verbose_name)),
                                          _hidden() if withhold else shown(model_field, c.old, names),
                                          shown(model_field, c.new, names)))
            entries.append(Entry(at=version.history_date, who=str(version.history_user or _("het systeem")),
                                 action=str(kinds.get(version.history_type, "")),
                                 subject=str(capfirst(model._meta.verbose_name)), changes=changed,
                                 withheld=withhold))
        before = version
    return entries


def record_history(*, user, record: models.Model,
                   parts: list[tuple[type[models.Model], str]] | None = None) -> list[Entry]:
    """The record's changes and its parts', newest first, as far as the user's clearance reaches.

    ``parts`` names the parts of a kind of record outside the register (a cooperation plan's goals and
    milestones), which this module does not import; the register's own are in ``PARTS``."""
    level = clearance_of(user)
    if level is None:
        return []
    names = _Names(user)
    model = type(record)
    sources: list[tuple[type[models.Model], dict[str, object]]] = [(model, {str(record.pk): None})]
    for part, pointer in PARTS.get(model, []) if parts is None else parts:
        latest: dict[str, object] = {}
        for row in part.history.filter(**{f"{pointer}_id": record.pk}).order_by("history_date", "history_id"):
            latest[str(row.id)] = row  # the last version of each part, deleted or not
        sources.append((part, latest))
    trails = []
    for kind, rows in sources:
        trail = list(AuditEntry.objects.filter(
            object_type=kind._meta.label_lower, object_id__in=list(rows),
            action__in=[AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE]).order_by("id"))
        for entry in trail:
            _want_related(kind, entry.changes, names)
        if kind is Participation:
            names.want(Partner, [row.partner_id for row in rows.values()])
        trails.append((kind, rows, trail))
    entries: list[Entry] = []
    for kind, rows, trail in trails:
        found = False
        for entry in trail:
            found = found or kind is model
            if entry.classification > level or _hides_partner(kind, entry.changes, names):
                continue
            old_level = (entry.changes.get("classification") or [0, 0])[0] \
                if entry.action == AuditAction.UPDATE and isinstance(entry.changes.get("classification"), list) else 0
            withhold = old_level > level
            subject = str(capfirst(kind._meta.verbose_name))
            row = rows.get(entry.object_id)
            if kind is not model and row is not None:
                if getattr(row, "classification", 0) > level:
                    continue  # a part (a milestone) classified above the reader now
                subject = f"{subject}: {_describe(kind, row, names)}"
            entries.append(Entry(at=entry.at, who=entry.actor_name or _("het systeem"),
                                 action=str(AuditAction(entry.action).label), subject=subject,
                                 changes=_changes(kind, entry, names, withhold), withheld=withhold))
        if kind is model and not found:
            entries += _from_simple_history(model, record, level, names)
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries
