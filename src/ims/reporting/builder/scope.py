"""The scope of a report year: which of the loaded records belong to the year, and where each stood at its end.

Which initiatives a year's report covers, when the register holds no explicit dates for everything:

* an initiative is *known* from the earliest of its actual or planned start, the date of a document that
  cites it, and its first version in the change history;
* it has *ended* before the year when its actual end lies before the year, when it was completed or
  stopped and nothing happened to it in or after the year (no change, no milestone, no citing document),
  or when it was planned to end before the year and never started;
* its *status* in a year is the one its change history shows at the end of that year; a record entered
  after the fact has no history that old and is taken at its current status.

Agreements belong to the years from their signing on (or, unsigned, from the first letter or history entry
that mentions them); contributions, procurements and developments to their own year, with the earlier
contributions kept for the operations the Netherlands no longer took part in; commitments to every year
from the one they were made in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from ims.register.models import Agreement, Citation, Initiative, Milestone, Partner, RingAssignment
from ims.register.vocab import OPEN_MILESTONE_STATUSES, Ring, Status

from ..text import long_date, sort_key
from .labels import label
from .loading import RegisterAtLevel

HOME = "NL"
ENDED = (Status.COMPLETED, Status.STOPPED)
RING_ORDER = {Ring.STRATEGIC: 0, Ring.AFFILIATED: 1, Ring.OPPORTUNITY: 2}


def _end_of(year: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, 12, 31, 23, 59, 59, 999999))


def _local(value: dt.datetime) -> dt.date:
    return timezone.localtime(value).date()


def _in(date: dt.date | None, year: int) -> bool:
    return date is not None and date.year == year


@dataclass
class InitiativeInYear:
    obj: Initiative
    partners: list[tuple[Partner, str]]  # (partner, role), at the level
    frameworks: list[Partner]
    milestones: list[Milestone]
    citations: list[Citation]
    status: str  # at the end of the year
    status_before: str | None  # at the end of the year before, where the history says so
    known_from: dt.date
    ended_on: dt.date | None  # for completed and stopped initiatives

    @property
    def codes(self) -> set[str]:
        return {p.code for p, _ in self.partners} | {f.code for f in self.frameworks}


class ReportYear:
    """The register as the report for one year sees it: the records of the year, read from one load."""

    def __init__(self, loaded: RegisterAtLevel, year: int) -> None:
        self.loaded, self.year, self.level = loaded, year, loaded.level
        self.start, self.end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        self.partners = loaded.partners
        self.rings_all = [r for r in loaded.rings if r.valid_from <= self.end]
        self.ring_at_end = {r.partner_id: r for r in self.rings_all if r.valid_to is None or r.valid_to > self.end}
        self.initiatives = self._initiatives()
        self.agreements = self._agreements()
        self.contributions_to_date = [c for c in loaded.contributions if c.year <= year]
        self.spending = loaded.spending
        self.procurements = [x for x in loaded.procurements if x.year == year]
        self.commitments = [c for c in loaded.commitments if c.made_on <= self.end]
        self.developments = [d for d in loaded.developments if d.occurred_on.year == year]
        # What the report is about: the initiatives of the year and those that moved in it, the strategic
        # partners at its end, the agreements signed and the contributions made in it.
        self.scope = [i for i in self.initiatives if self.in_scope(i)]
        self.active = {i.obj.pk: parts for i in self.scope if (parts := self.activity(i))}
        self.strategic = sorted(
            [self.partners[pid] for pid, r in self.ring_at_end.items()
             if r.ring == Ring.STRATEGIC and self.partners[pid].code != HOME],
            key=lambda p: (RING_ORDER[Ring.STRATEGIC], sort_key(p.name_nl)))
        self.signed = [(a, d, parties) for a, d, parties in self.agreements if d.year == year]
        self.contributions = [c for c in self.contributions_to_date if c.year == year]

    def ring_run(self, partner_id: int) -> tuple[list[RingAssignment], RingAssignment | None]:
        """The unbroken run of periods in the partner's ring at the year's end, and the period before it."""
        periods = [r for r in self.rings_all if r.partner_id == partner_id]
        run = [self.ring_at_end[partner_id]]
        earlier = [r for r in periods if r.valid_from < run[0].valid_from]
        while earlier and earlier[-1].ring == run[0].ring and earlier[-1].valid_to == run[0].valid_from:
            run.insert(0, earlier.pop())
        return run, (earlier[-1] if earlier else None)

    def name(self, partner_id: int) -> str:
        """The partner's Dutch name."""
        return self.partners[partner_id].name_nl

    # -- initiatives --

    def _initiatives(self) -> list[InitiativeInYear]:
        loaded, year = self.loaded, self.year
        end, end_before = _end_of(year), _end_of(year - 1)
        out = []
        for i in loaded.initiatives:
            versions = loaded.history.get(i.pk, [])
            at_end = [s for when, s in versions if when <= end]
            before = [s for when, s in versions if when <= end_before]
            citations = i.cites_
            cited = [c.document.date for c in citations if c.document.date]
            candidates = [d for d in (i.actual_start, i.planned_start, *cited) if d]
            if versions:
                candidates.append(_local(versions[0][0]))
            known_from = min(candidates) if candidates else self.end
            milestones = loaded.milestones.get(i.pk, [])
            status = at_end[-1] if at_end else i.status
            ended_on = None
            if status in ENDED:
                activity = [d for d in (i.actual_end, *cited, *(m.done_on for m in milestones), known_from) if d]
                activity += [_local(when) for when, _ in versions]
                ended_on = i.actual_end or max(activity)
            out.append(InitiativeInYear(
                obj=i, partners=loaded.participations.get(i.pk, []), frameworks=loaded.frameworks.get(i.pk, []),
                milestones=milestones, citations=citations, status=status,
                status_before=before[-1] if before else None, known_from=known_from, ended_on=ended_on,
            ))
        return out

    def in_scope(self, i: InitiativeInYear) -> bool:
        """Whether the initiative belongs to the year: known by its end and not over before its start."""
        if i.known_from > self.end:
            return False
        if i.obj.actual_end and i.obj.actual_end < self.start:
            return False
        if (i.obj.planned_end and i.obj.planned_end < self.start and not i.obj.actual_start
                and i.status != Status.RUNNING):
            return False  # planned to be over before the year and never started: not part of the year
        return not (i.status in ENDED and i.ended_on and i.ended_on < self.start)

    def activity(self, i: InitiativeInYear) -> list[str]:
        """What happened to an initiative in the year, as phrases; empty when nothing did."""
        year, o = self.year, i.obj
        parts = []
        if _in(o.actual_start, year):
            parts.append(f"gestart op {long_date(o.actual_start)}")
        elif _in(o.planned_start, year) and not o.actual_start:
            parts.append(f"start gepland op {long_date(o.planned_start)}")
        if i.status_before and i.status_before != i.status:
            parts.append(f"status gewijzigd van {label(Status, i.status_before)} naar {label(Status, i.status)}")
        elif i.status in ENDED and i.ended_on and _in(i.ended_on, year):
            parts.append(f"{label(Status, i.status)} in {year}")
        for m in i.milestones:
            if _in(m.done_on, year):
                parts.append(f"mijlpaal ‘{m.title}’ bereikt ({long_date(m.done_on)})")
            elif _in(m.due_on, year) and m.status in OPEN_MILESTONE_STATUSES:
                parts.append(f"mijlpaal ‘{m.title}’, gepland voor {long_date(m.due_on)}, is nog niet gereed")
        if not parts and any(_in(c.document.date, year) for c in i.citations):
            parts.append(f"de samenwerking is in {year} voortgezet")
        return parts

    def next_milestone(self, i: InitiativeInYear) -> Milestone | None:
        """The milestone to watch after the year: the first one overdue, else the first one still to come."""
        open_ = [m for m in i.milestones if m.status in OPEN_MILESTONE_STATUSES
                 and m.due_on > self.end]
        late = [m for m in i.milestones if m.status in OPEN_MILESTONE_STATUSES
                and m.due_on <= self.end]
        return (late or open_ or [None])[0]

    # -- agreements --

    def _agreements(self) -> list[tuple[Agreement, dt.date, list[Partner]]]:
        first_seen = self.loaded.agreement_first_seen
        out = []
        for a in self.loaded.agreements:
            if a.signed_on:
                known = a.signed_on
            else:
                dates = [c.document.date for c in a.cites_ if c.document.date]
                if a.pk in first_seen:
                    dates.append(_local(first_seen[a.pk]))
                known = min(dates) if dates else self.end
            if known <= self.end:
                out.append((a, known, a.parties_))
        return sorted(out, key=lambda t: (t[1], sort_key(t[0].title)))
