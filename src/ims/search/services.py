"""Keeping the search index current: ``index_record`` runs inside every ``record_save`` (see apps.py), so the
index changes in the same transaction as the record; ``rebuild`` makes it anew (after an import, say).

An entry holds the record's own words and, where they help finding it, the names of the partners it links to
— but only of unclassified partners, whom everyone may see, so that an entry never carries words of a record
above its own level.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Model, Q

from ims.core.classification import Classification
from ims.register.models import (
    Agreement,
    Commitment,
    Contribution,
    Initiative,
    Milestone,
    Participation,
    Partner,
    SourceDocument,
)

from . import engine
from .models import Kind, SearchEntry

_PUBLIC = Classification.UNCLASSIFIED


@dataclass(frozen=True)
class Entry:
    kind: str
    object_id: int
    classification: int
    year: int | None
    title: str
    body: str
    anchor: str = ""


def _names(partners: Iterable[Partner]) -> str:
    return " ".join(f"{p.name_nl} {p.name_en}" for p in partners if p.classification == _PUBLIC)


def _year(*dates) -> int | None:
    return next((d.year for d in dates if d is not None), None)


def _partner(p: Partner) -> Entry:
    return Entry(Kind.PARTNER, p.pk, p.classification, None, p.name_nl, f"{p.name_en} {p.code}", anchor=p.code)


def _initiative(i: Initiative) -> Entry:
    partners = [x.partner for x in i.participations.all()]
    body = "\n".join(x for x in (i.summary, i.shortfall, _names(partners)) if x)
    return Entry(Kind.INITIATIVE, i.pk, i.classification, _year(i.actual_start, i.planned_start), i.title, body)


def _agreement(a: Agreement) -> Entry:
    body = "\n".join(x for x in (a.subject, _names(a.parties.all())) if x)
    return Entry(Kind.AGREEMENT, a.pk, a.classification, _year(a.signed_on), a.title, body)


def _contribution(c: Contribution) -> Entry:
    located = [c.location] if c.location_id else []
    body = "\n".join(x for x in (c.role, _names([*located, *c.partners.all()])) if x)
    anchor = c.location.code if c.location_id and c.location.classification == _PUBLIC else ""
    return Entry(Kind.CONTRIBUTION, c.pk, c.classification, c.year, c.operation, body, anchor=anchor)


def _commitment(c: Commitment) -> Entry:
    body = "\n".join(x for x in (c.subject, c.member, c.where_promised) if x)
    return Entry(Kind.COMMITMENT, c.pk, c.classification, _year(c.made_on), c.subject[:300], body)


def _milestone(m: Milestone) -> Entry:
    # It is shown with its initiative and its cooperation plan (either may be absent), so it is found only by
    # those who may see all of them; it links to the initiative's page, else to the plan's.
    parents = [x for x in (m.initiative, m.plan) if x is not None]
    level = max(m.classification, *(x.classification for x in parents))
    anchor = str(m.initiative_id) if m.initiative_id else f"plan:{m.plan_id}"
    return Entry(Kind.MILESTONE, m.pk, level, _year(m.done_on, m.due_on), m.title,
                 " · ".join(x.title for x in parents), anchor=anchor)


def _document(d: SourceDocument) -> Entry:
    head = " ".join(x for x in (d.kamerstuk, d.reference) if x)
    return Entry(Kind.DOCUMENT, d.pk, d.classification, _year(d.date), d.title, d.text, anchor=head[:40])


ENTRIES: dict[type[Model], Callable] = {
    Partner: _partner, Initiative: _initiative, Agreement: _agreement, Contribution: _contribution,
    Commitment: _commitment, Milestone: _milestone, SourceDocument: _document,
}


def _store(entry: Entry) -> None:
    row, _ = SearchEntry.objects.unrestricted().update_or_create(
        kind=entry.kind, object_id=entry.object_id,
        defaults={"classification": entry.classification, "year": entry.year, "title": entry.title[:300],
                  "body": entry.body, "anchor": entry.anchor},
    )
    engine.write(row)


def index_record(instance: Model, created: bool = False) -> None:
    """Bring the index up to date with one saved record (called by ``record_save``; ``created``: the save made
    it, so that no other record refers to it yet)."""
    if isinstance(instance, Participation):
        instance, created = instance.initiative, False  # a new partner of an initiative finds it by name
    build = ENTRIES.get(type(instance))
    if build is None:
        return
    _store(build(instance))
    if created:
        return  # nothing takes part in it or belongs to it yet: the entries below are of records linked to it
    if isinstance(instance, Partner):
        # Its name is in the entries of what it takes part in, and only while it is unclassified.
        # The index holds every record at its own level (readers' searches filter by level), so it is kept
        # up to date from all of them.
        for record in (*Initiative.objects.unrestricted().filter(participations__partner=instance).distinct(),
                       *Agreement.objects.unrestricted().filter(parties=instance).distinct(),
                       *Contribution.objects.unrestricted().filter(Q(partners=instance) | Q(location=instance))
                       .distinct()):
            _store(ENTRIES[type(record)](record))
    if isinstance(instance, Initiative):
        # Its milestones carry its title and level.
        for milestone in Milestone.objects.unrestricted().filter(initiative=instance).select_related("initiative"):
            _store(_milestone(milestone))


def unindex_record(instance: Model) -> None:
    if isinstance(instance, Participation):
        return
    kinds = {Partner: Kind.PARTNER, Initiative: Kind.INITIATIVE, Agreement: Kind.AGREEMENT,
             Contribution: Kind.CONTRIBUTION, Commitment: Kind.COMMITMENT, Milestone: Kind.MILESTONE,
             SourceDocument: Kind.DOCUMENT}
    kind = kinds.get(type(instance))
    if kind is None:
        return
    doomed = SearchEntry.objects.unrestricted().filter(kind=kind, object_id=instance.pk)
    if isinstance(instance, Initiative):
        doomed = doomed | SearchEntry.objects.unrestricted().filter(
            kind=Kind.MILESTONE,
            object_id__in=Milestone.objects.unrestricted().filter(initiative=instance).values("pk"))
    ids = list(doomed.values_list("pk", flat=True))
    engine.forget(ids)
    SearchEntry.objects.unrestricted().filter(pk__in=ids).delete()


@transaction.atomic
def rebuild(batch: int = 1000) -> int:
    """Index the whole register anew, in batches; returns the number of entries."""
    SearchEntry.objects.unrestricted().delete()
    engine.clear()
    count = 0
    prefetch = {Initiative: ["participations__partner"], Agreement: ["parties"], Contribution: ["partners"]}
    related = {Contribution: ["location"], Milestone: ["initiative"]}
    for model, build in ENTRIES.items():
        rows = (model.objects.unrestricted().select_related(*related.get(model, []))
                .prefetch_related(*prefetch.get(model, [])))
        pending: list[Entry] = []
        for record in rows.order_by("pk").iterator(chunk_size=batch):
            pending.append(build(record))
            if len(pending) == batch:
                count += _store_many(pending)
                pending = []
        count += _store_many(pending)
    engine.analyze()
    return count


def _store_many(entries: list[Entry]) -> int:
    rows = SearchEntry.objects.bulk_create([
        SearchEntry(kind=e.kind, object_id=e.object_id, classification=e.classification, year=e.year,
                    title=e.title[:300], body=e.body, anchor=e.anchor) for e in entries
    ])
    engine.write_many(rows, fresh=True)
    return len(rows)


def rebuild_after_import(**_signal) -> None:
    """Receiver of ``register_imported``: the file carries no index, so the imported register is indexed."""
    rebuild()
