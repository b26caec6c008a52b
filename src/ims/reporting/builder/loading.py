"""Every read the report makes from the database, at the report's classification level, in one place.

The report's chosen level, not a user, decides what goes in: each queryset is read through the gate with
``for_level(level)`` (:mod:`ims.core.gate`), which also applies to the records reached through relations
(partners, milestones, participations, the change history, source documents). The web view refuses a level
above the requesting user's clearance before the builder runs. Nothing else in the builder touches the
database: the other modules work from what is loaded here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Min, QuerySet

from ims.register.models import (
    Agreement,
    Citation,
    Commitment,
    Contribution,
    DefenceSpending,
    Initiative,
    Milestone,
    Participation,
    Partner,
    Procurement,
    RingAssignment,
)
from ims.register.ring_layers import effective_periods
from ims.register.vocab import CommitmentStatus

from ..models import PartnerDevelopment, ReportVersion, VersionStatus
from ..text import sort_key


def _pairs(relation: Any, ids: Iterable[int] | None = None) -> dict[int, list[int]]:
    """A many-to-many relation as {owner id: [target ids]}, read from its table in one query."""
    through = relation.through
    source, target = relation.field.m2m_field_name(), relation.field.m2m_reverse_field_name()
    rows = through.objects.all()
    if ids is not None:
        rows = rows.filter(**{f"{source}__in": ids})
    out: dict[int, list[int]] = defaultdict(list)
    for owner, other in rows.values_list(f"{source}_id", f"{target}_id").order_by("pk"):
        out[owner].append(other)
    return out


class RegisterAtLevel:
    """Everything the report reads from the register at one level, read once and in bulk.

    Relations are read table by table and joined here, not with ``prefetch_related``: with a thousand
    initiatives the per-object querysets of a prefetch cost more than the queries themselves. The same
    load serves the report's year and the year before it (the baseline).
    """

    def __init__(self, level: int) -> None:
        self.level = level
        self.partners = {p.pk: p for p in Partner.objects.for_level(level).only("code", "name_nl", "kind")}
        # A citation has no level of its own: its document's level decides whether the report may cite it.
        self.citations = {c.pk: c for c in Citation.objects.for_level(level)
                          .select_related("document").order_by("document__date", "start")}
        rings = self._cited(RingAssignment.objects.for_level(level).order_by("partner_id", "valid_from"))
        by_partner: dict[int, list[RingAssignment]] = defaultdict(list)
        for r in rings:
            by_partner[r.partner_id].append(r)
        # One history per partner as this level reads it (ims.register.ring_layers).
        self.rings = [r for pk in sorted(by_partner) if pk in self.partners for r in effective_periods(by_partner[pk])]
        self.initiatives = self._cited(Initiative.objects.for_level(level).order_by("pk"))
        self.participations: dict[int, list[tuple[Partner, str]]] = defaultdict(list)
        rows = Participation.objects.for_level(level)
        for initiative_id, partner_id, role in rows.values_list("initiative_id", "partner_id", "role"):
            if partner_id in self.partners:
                self.participations[initiative_id].append((self.partners[partner_id], role))
        for members in self.participations.values():
            members.sort(key=lambda pr: sort_key(pr[0].name_nl))
        self.frameworks = {k: [self.partners[x] for x in v if x in self.partners]
                           for k, v in _pairs(Initiative.frameworks).items()}
        self.milestones: dict[int, list[Milestone]] = defaultdict(list)
        for m in Milestone.objects.for_level(level).order_by("due_on", "pk"):
            self.milestones[m.initiative_id].append(m)
        # The change history, oldest first per initiative: where the status stood at each year's end.
        self.history: dict[int, list[tuple[dt.datetime, str]]] = defaultdict(list)
        rows = (Initiative.history.filter(id__in=Initiative.objects.for_level(level).values("pk"))
                .order_by("id", "history_date", "history_id").values_list("id", "history_date", "status"))
        for pk, when, status in rows:
            self.history[pk].append((when, status))
        self.agreements = self._cited(Agreement.objects.for_level(level).order_by("pk"))
        parties = _pairs(Agreement.parties)
        for a in self.agreements:
            a.parties_ = [self.partners[x] for x in parties.get(a.pk, []) if x in self.partners]
        self.agreement_first_seen = dict(Agreement.history.values("id").annotate(first=Min("history_date"))
                                         .values_list("id", "first"))
        self.contributions = self._cited(Contribution.objects.for_level(level).order_by("operation", "-year"))
        together = _pairs(Contribution.partners)
        for c in self.contributions:
            c.partners_ = [self.partners[x] for x in together.get(c.pk, []) if x in self.partners]
        # Where a figure stands at two classifications, the report shows the most classified one it may.
        figures = self._cited(DefenceSpending.objects.for_level(level)
                              .order_by("partner_id", "year", "status", "classification"))
        self.spending = list({(f.partner_id, f.year, f.status): f for f in figures}.values())
        self.procurements = self._cited(Procurement.objects.for_level(level).order_by("system"))
        self.commitments = self._cited(Commitment.objects.for_level(level).select_related("answered_in")
                                       .order_by("made_on", "pk"))
        for c in self.commitments:
            if c.answered_in is not None and c.answered_in.classification > level:
                # Answered in a letter this level may not see: for this report the commitment is still open.
                c.answered_in, c.status = None, CommitmentStatus.OPEN
        self.developments = self._cited(PartnerDevelopment.objects.for_level(level)
                                        .order_by("occurred_on", "pk"))

    def _cited(self, qs: QuerySet) -> list:
        """The records of a cited model, each with ``cites_``: its citations the level allows, in document order."""
        records = list(qs)
        links = _pairs(qs.model.citations, [r.pk for r in records] if len(records) < 500 else None)
        order = {pk: n for n, pk in enumerate(self.citations)}
        for r in records:
            r.cites_ = sorted((self.citations[c] for c in links.get(r.pk, []) if c in self.citations),
                              key=lambda c: order[c.pk])
        return records


def last_final(*, year: int, level: int) -> ReportVersion | None:
    """The last finalised version of the report about ``year`` at exactly ``level``, if there is one."""
    return (ReportVersion.objects.for_level(level).filter(year=year, classification=level, status=VersionStatus.FINAL)
            .order_by("-number").first())
