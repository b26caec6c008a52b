"""The report's content, built from the register for one year at one classification level.

Every query of the report is here. The report's chosen level, not a user, decides what goes in: each
queryset is passed through :func:`at_level` (``classification <= level``) before anything else, and so
are the partners, milestones and source documents it reaches through relations. The web view refuses a
level above the requesting user's clearance before it calls this module.

The result is plain data (dataclasses turned into dicts, JSON-serialisable), so that a finalised version
can freeze it, ``diff`` can compare two of them, and every renderer works from it alone. Each statement
built from a fact carries the numbers of its sources (``refs``) into ``sources``, the report's list of
citations in order of first use.

Which initiatives a year's report covers, when the register holds no explicit dates for everything:

* an initiative is *known* from the earliest of its actual or planned start, the date of a document that
  cites it, and its first version in the change history;
* it has *ended* before the year when its actual end lies before the year, when it was completed or
  stopped and nothing happened to it in or after the year (no change, no milestone, no citing document),
  or when it was planned to end before the year and never started;
* its *status* in a year is the one its change history shows at the end of that year; a record entered
  after the fact has no history that old and is taken at its current status.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db.models import Min, QuerySet
from django.urls import reverse
from django.utils import timezone, translation

import ims
from ims.core.classification import Classification
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
from ims.register.vocab import AgreementKind, Form, MilestoneStatus, Ring, SpendingStatus, Status

from .diff import change_lines, diff_snapshots
from .models import DevelopmentKind, PartnerDevelopment, ReportVersion, VersionStatus
from .text import (
    count,
    enumerate_nl,
    is_plural,
    long_date,
    money,
    number,
    percent,
    points,
    sentence,
    sort_key,
    with_article,
)

REPORT_SCHEMA = 1
MIN_YEAR = 1945
HOME = "NL"
NATO_GUIDELINE = 2.0
ENDED = (Status.COMPLETED, Status.STOPPED)
RING_ORDER = {Ring.STRATEGIC: 0, Ring.AFFILIATED: 1, Ring.OPPORTUNITY: 2}
# The organisations the report treats after the partners, and the frameworks that count as theirs.
ORGANISATIONS = (
    ("eu", "Europese Unie", "EU", ("EU", "EDA", "PESCO")),
    ("nato", "NAVO", "NAVO", ("NATO", "NRF", "VJTF", "EFP", "SNMG2")),
    ("un", "Verenigde Naties", "VN", ("UN",)),
)
# The ring chart stays legible; the rest of the partners are counted under it.
RING_CHART_ROWS = 25
FORMS_CHART_ROWS = 20
_ARTICLE = {AgreementKind.MOU: "het", AgreementKind.JVS: "het", AgreementKind.TREATY: "het",
            AgreementKind.ACTION_PLAN: "het"}
LETTERHEAD = {
    "ministry": "Ministerie van Defensie",
    "return_address": "Retouradres Postbus 20701, 2500 ES Den Haag",
    "sender": ["Plein 4", "MPC 58 B", "Postbus 20701", "2500 ES Den Haag", "www.defensie.nl"],
    "addressee": ["de Voorzitter van de Tweede Kamer", "Postbus 20018", "2500 EA Den Haag"],
    "signature": "DE MINISTER VAN DEFENSIE",
}


class ReportInputError(ValueError):
    """A year or level the report cannot be built for; the message is for the user, in Dutch."""


def at_level(qs: QuerySet, level: int) -> QuerySet:
    """Only records at or below the report's level: the report's counterpart of ``visible_to(user)``."""
    return qs.filter(classification__lte=level)


def check_input(year: int, level: int) -> None:
    latest = timezone.localdate().year + 1
    if not MIN_YEAR <= year <= latest:
        raise ReportInputError(f"Het jaar {year} valt buiten het bereik van de rapportage ({MIN_YEAR}–{latest}).")
    if level not in Classification.values:
        raise ReportInputError(f"Onbekende rubricering {level}.")


# --- the data structure -----------------------------------------------------------------------------------

@dataclass
class Statement:
    """One sentence; ``refs`` are numbers into the report's ``sources``."""

    text: str
    refs: list[int] = field(default_factory=list)


@dataclass
class Block:
    kind: str  # "p" (a paragraph of sentences), "ul" (a list; each item a list of sentences), "figure"
    sentences: list[Statement] = field(default_factory=list)
    items: list[list[Statement]] = field(default_factory=list)
    chart: str = ""
    caption: str = ""


@dataclass
class Section:
    key: str
    title: str
    level: int = 1
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass
class Source:
    n: int
    citation: int
    label: str
    page: int | None
    title: str
    date: str
    href: str

    @property
    def text(self) -> str:
        return self.label + (f", p. {self.page}" if self.page else "")


def p(*sentences: Statement) -> Block:
    return Block("p", sentences=list(sentences))


def ul(items: Iterable[list[Statement]]) -> Block:
    return Block("ul", items=list(items))


# --- reading the register ------------------------------------------------------------------------------------

def _end_of(year: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, 12, 31, 23, 59, 59, 999999))


def _local(value: dt.datetime) -> dt.date:
    return timezone.localtime(value).date()


def _in(date: dt.date | None, year: int) -> bool:
    return date is not None and date.year == year


class _Sources:
    """The report's citations, numbered in order of first use; one number per place in a document."""

    def __init__(self) -> None:
        self.by_citation: dict[int, Source] = {}

    def refs(self, citations: Iterable[Citation]) -> list[int]:
        out = []
        for c in citations:
            source = self.by_citation.get(c.pk)
            if source is None:
                doc = c.document
                label = doc.cite_label()
                if label not in (doc.title,) and not doc.kamerstuk:
                    label = f"{doc.title}, kenmerk {label}"
                source = Source(n=len(self.by_citation) + 1, citation=c.pk, label=label, page=c.page,
                                title=doc.title, date=doc.date.isoformat() if doc.date else "",
                                href=reverse("reporting:source", args=[c.pk]) + "#passage")
                self.by_citation[c.pk] = source
            if source.n not in out:
                out.append(source.n)
        return out

    def as_list(self) -> list[dict]:
        return [asdict(s) | {"text": s.text} for s in sorted(self.by_citation.values(), key=lambda s: s.n)]


@dataclass
class _Init:
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


class _Loaded:
    """Everything the report reads from the register at one level, read once and in bulk.

    Relations are read table by table and joined here, not with ``prefetch_related``: with a thousand
    initiatives the per-object querysets of a prefetch cost more than the queries themselves. The same
    load serves the report's year and the year before it (the baseline).
    """

    def __init__(self, level: int) -> None:
        self.level = level
        self.partners = {p.pk: p for p in at_level(Partner.objects.all(), level).only("code", "name_nl", "kind")}
        # A citation has no level of its own: its document's level decides whether the report may cite it.
        self.citations = {c.pk: c for c in Citation.objects.filter(document__classification__lte=level)
                          .select_related("document").order_by("document__date", "start")}
        self.rings = self._cited(at_level(RingAssignment.objects.all(), level).order_by("partner_id", "valid_from"))
        self.rings = [r for r in self.rings if r.partner_id in self.partners]
        self.initiatives = self._cited(at_level(Initiative.objects.all(), level).order_by("pk"))
        self.participations: dict[int, list[tuple[Partner, str]]] = defaultdict(list)
        rows = Participation.objects.filter(initiative__in=at_level(Initiative.objects.all(), level))
        for initiative_id, partner_id, role in rows.values_list("initiative_id", "partner_id", "role"):
            if partner_id in self.partners:
                self.participations[initiative_id].append((self.partners[partner_id], role))
        for members in self.participations.values():
            members.sort(key=lambda pr: sort_key(pr[0].name_nl))
        self.frameworks = {k: [self.partners[x] for x in v if x in self.partners]
                           for k, v in _pairs(Initiative.frameworks).items()}
        self.milestones: dict[int, list[Milestone]] = defaultdict(list)
        for m in at_level(Milestone.objects.all(), level).order_by("due_on", "pk"):
            self.milestones[m.initiative_id].append(m)
        # The change history, oldest first per initiative: where the status stood at each year's end.
        self.history: dict[int, list[tuple[dt.datetime, str]]] = defaultdict(list)
        rows = (Initiative.history.filter(id__in=at_level(Initiative.objects.all(), level).values("pk"))
                .order_by("id", "history_date", "history_id").values_list("id", "history_date", "status"))
        for pk, when, status in rows:
            self.history[pk].append((when, status))
        self.agreements = self._cited(at_level(Agreement.objects.all(), level).order_by("pk"))
        parties = _pairs(Agreement.parties)
        for a in self.agreements:
            a.parties_ = [self.partners[x] for x in parties.get(a.pk, []) if x in self.partners]
        self.agreement_first_seen = dict(Agreement.history.values("id").annotate(first=Min("history_date"))
                                         .values_list("id", "first"))
        self.contributions = self._cited(at_level(Contribution.objects.all(), level).order_by("operation", "-year"))
        together = _pairs(Contribution.partners)
        for c in self.contributions:
            c.partners_ = [self.partners[x] for x in together.get(c.pk, []) if x in self.partners]
        self.spending = self._cited(at_level(DefenceSpending.objects.all(), level)
                                    .order_by("partner_id", "year", "status"))
        self.procurements = self._cited(at_level(Procurement.objects.all(), level).order_by("system"))
        self.commitments = self._cited(at_level(Commitment.objects.all(), level).select_related("answered_in")
                                       .order_by("made_on", "pk"))
        self.developments = self._cited(at_level(PartnerDevelopment.objects.all(), level)
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


class _Register:
    """The register as the report for one year sees it."""

    def __init__(self, loaded: _Loaded, year: int) -> None:
        self.loaded, self.year, self.level = loaded, year, loaded.level
        self.start, self.end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        self.partners = loaded.partners
        self.rings_all = [r for r in loaded.rings if r.valid_from <= self.end]
        self.ring_at_end = {r.partner_id: r for r in self.rings_all if r.valid_to is None or r.valid_to > self.end}
        self.ring_before = {r.partner_id: r for r in self.rings_all
                            if r.valid_from < self.start and (r.valid_to is None or r.valid_to >= self.start)}
        self.initiatives = self._initiatives()
        self.agreements = self._agreements()
        self.contributions = [c for c in loaded.contributions if c.year <= year]
        self.spending = loaded.spending
        self.procurements = [x for x in loaded.procurements if x.year == year]
        self.commitments = [c for c in loaded.commitments if c.made_on <= self.end]
        self.developments = [d for d in loaded.developments if d.occurred_on.year == year]

    def ring_run(self, partner_id: int) -> tuple[list[RingAssignment], RingAssignment | None]:
        """The unbroken run of periods in the partner's ring at the year's end, and the period before it."""
        periods = [r for r in self.rings_all if r.partner_id == partner_id]
        run = [self.ring_at_end[partner_id]]
        earlier = [r for r in periods if r.valid_from < run[0].valid_from]
        while earlier and earlier[-1].ring == run[0].ring and earlier[-1].valid_to == run[0].valid_from:
            run.insert(0, earlier.pop())
        return run, (earlier[-1] if earlier else None)

    def visible(self, partners: Iterable[Partner]) -> list[Partner]:
        return [p for p in partners if p.pk in self.partners]

    def name(self, partner_id: int) -> str:
        return self.partners[partner_id].name_nl

    # -- initiatives --

    def _initiatives(self) -> list[_Init]:
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
            out.append(_Init(
                obj=i, partners=loaded.participations.get(i.pk, []), frameworks=loaded.frameworks.get(i.pk, []),
                milestones=milestones, citations=citations, status=status,
                status_before=before[-1] if before else None, known_from=known_from, ended_on=ended_on,
            ))
        return out

    def in_scope(self, i: _Init) -> bool:
        if i.known_from > self.end:
            return False
        if i.obj.actual_end and i.obj.actual_end < self.start:
            return False
        if (i.obj.planned_end and i.obj.planned_end < self.start and not i.obj.actual_start
                and i.status != Status.RUNNING):
            return False  # planned to be over before the year and never started: not part of the year
        return not (i.status in ENDED and i.ended_on and i.ended_on < self.start)

    def activity(self, i: _Init) -> list[str]:
        """What happened to an initiative in the year, as phrases; empty when nothing did."""
        year, o = self.year, i.obj
        parts = []
        if _in(o.actual_start, year):
            parts.append(f"gestart op {long_date(o.actual_start)}")
        elif _in(o.planned_start, year) and not o.actual_start:
            parts.append(f"start gepland op {long_date(o.planned_start)}")
        if i.status_before and i.status_before != i.status:
            parts.append(f"status gewijzigd van {_label(Status, i.status_before)} naar {_label(Status, i.status)}")
        elif i.status in ENDED and i.ended_on and _in(i.ended_on, year):
            parts.append(f"{_label(Status, i.status)} in {year}")
        for m in i.milestones:
            if _in(m.done_on, year):
                parts.append(f"mijlpaal ‘{m.title}’ bereikt ({long_date(m.done_on)})")
            elif _in(m.due_on, year) and m.status in (MilestoneStatus.PLANNED, MilestoneStatus.DELAYED):
                parts.append(f"mijlpaal ‘{m.title}’, gepland voor {long_date(m.due_on)}, is nog niet gereed")
        if not parts and any(_in(c.document.date, year) for c in i.citations):
            parts.append(f"de samenwerking is in {year} voortgezet")
        return parts

    def next_milestone(self, i: _Init) -> Milestone | None:
        open_ = [m for m in i.milestones if m.status in (MilestoneStatus.PLANNED, MilestoneStatus.DELAYED)
                 and m.due_on > self.end]
        late = [m for m in i.milestones if m.status in (MilestoneStatus.PLANNED, MilestoneStatus.DELAYED)
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


# --- building the sections ---------------------------------------------------------------------------------

def _label(choices: type, value: Any) -> str:
    """A choice's Dutch label as a plain string (the labels are lazy translations)."""
    return str(choices(value).label)



def _date_phrase(date: dt.date, precision: str) -> str:
    return f"{'op' if precision == 'day' else 'in'} {long_date(date, precision)}"


class _Builder:
    def __init__(self, reg: _Register, baseline: dict, baseline_info: dict) -> None:
        self.reg, self.year, self.level = reg, reg.year, reg.level
        self.sources = _Sources()
        self.baseline, self.baseline_info = baseline, baseline_info
        self.scope = [i for i in reg.initiatives if reg.in_scope(i)]
        self.active = {i.obj.pk: parts for i in self.scope if (parts := reg.activity(i))}
        self.strategic = sorted(
            [reg.partners[pid] for pid, r in reg.ring_at_end.items()
             if r.ring == Ring.STRATEGIC and reg.partners[pid].code != HOME],
            key=lambda p: (RING_ORDER[Ring.STRATEGIC], sort_key(p.name_nl)))
        self.signed = [(a, d, parties) for a, d, parties in reg.agreements if d.year == self.year]
        self.contributions = [c for c in reg.contributions if c.year == self.year]

    def st(self, text: str, citations: Iterable[Citation] = ()) -> Statement:
        return Statement(sentence(text), self.sources.refs(citations))

    @staticmethod
    def the(partner: Partner, capital: bool = False) -> str:
        """The partner's name as running text needs it: 'het Verenigd Koninkrijk', 'de NAVO', 'Duitsland'."""
        return with_article(partner.name_nl, partner.kind == "organisation", capital)

    # -- pieces shared by partners and organisations --

    def initiative_item(self, i: _Init) -> list[Statement]:
        o = i.obj
        label = _label(Status, i.status) + (f", {_label(Form, o.form)}" if o.form else "")
        out = [self.st(f"{o.title} ({label}): {'; '.join(self.active[o.pk])}", i.citations)]
        if o.summary:
            out.append(self.st(o.summary))
        return out

    def agreement_item(self, a: Agreement, parties: list[Partner]) -> list[Statement]:
        article = _ARTICLE.get(a.kind, "de")
        verb = "ondertekend" if a.signed else "aangekondigd"
        when = _date_phrase(a.signed_on, a.signed_precision) if a.signed_on else ""
        names = enumerate_nl(self.the(x) for x in sorted((x for x in parties if x.code != HOME),
                                                         key=lambda x: sort_key(x.name_nl)))
        who = f" met {names}" if names else ""
        kind = _label(AgreementKind, a.kind)
        if a.signed_on:
            text = f"{when} is {article} {kind} ‘{a.title}’{who} {verb}"
        else:
            # The register knows the agreement from a letter of this year, not the day it was signed.
            text = f"in {self.year} is melding gemaakt van {article} {kind} ‘{a.title}’{who}"
        out = [self.st(text, a.cites_)]
        if a.subject:
            out.append(self.st(a.subject))
        return out

    def contribution_item(self, c: Contribution) -> list[Statement]:
        where = c.location if c.location_id in self.reg.partners else None
        text = c.operation + (f" ({where.name_nl})" if where else "")
        if c.personnel:
            text += f", met ongeveer {number(c.personnel, 0)} Nederlandse militairen"
        out = [self.st(text, c.cites_)]
        if c.role:
            out.append(self.st(c.role))
        return out

    # -- introduction --

    def introduction(self) -> Section:
        y = self.year
        s = Section("intro", "Inleiding")
        s.blocks.append(p(self.st(f"Met deze brief ontvangt uw Kamer de jaarlijkse rapportage over de internationale "
                                  f"militaire samenwerking (IMS) van Defensie in {y}")))
        if not self.has_data():
            s.blocks.append(p(self.st(f"Over {y} bevat het register geen gegevens over internationale militaire "
                                      "samenwerking: geen strategische partners, geen initiatieven, geen "
                                      "overeenkomsten en geen bijdragen aan operaties"),
                              self.st("Elk onderdeel hieronder meldt dat afzonderlijk")))
        if self.strategic:
            names = enumerate_nl(self.the(p) for p in self.strategic)
            s.blocks.append(p(
                self.st(f"De strategische partners van Defensie waren in {y}: {names}"),
                self.st("Per partner beschrijft de rapportage eerst wat er in dat land zelf gebeurde, zoals de "
                        "defensie-uitgaven, nieuwe beleidsstukken, verkiezingen en regeringswisselingen, en daarna "
                        "wat Nederland en die partner samen deden"),
                self.st("Daarna komt de samenwerking binnen de Europese Unie, de NAVO en de Verenigde Naties aan "
                        "bod, gevolgd door de toezeggingen aan uw Kamer en een overzicht van wat er sinds de vorige "
                        "rapportage is veranderd"),
            ))
        s.blocks.append(p(
            self.st(f"Bijlage 1 somt de Nederlandse bijdragen aan operaties en operationele verbanden in {y} op, "
                    "met daarnaast de operaties waaraan Nederland dat jaar niet (meer) bijdroeg"),
            self.st("Bijlage 2 toont per bi- of multinationaal project met welke partners het loopt, in welke vorm, "
                    "met welke status, wat de volgende mijlpaal is en wat er sinds vorig jaar veranderde"),
        ))
        with_strategic = sum(1 for i in self.scope if {p.pk for p, _ in i.partners} & {p.pk for p in self.strategic})
        s.blocks.append(p(
            self.st(f"Het register telt voor {y} {count(len(self.scope), 'initiatief', 'initiatieven')}, waarvan "
                    f"{with_strategic} met ten minste één strategische partner; in {y} "
                    f"{'is' if len(self.signed) == 1 else 'zijn'} "
                    f"{count(len(self.signed), 'overeenkomst', 'overeenkomsten')} ondertekend of aangekondigd en "
                    f"leverde Nederland {count(len(self.contributions), 'bijdrage', 'bijdragen')} aan operaties en "
                    "operationele verbanden"),
            self.st(f"Deze versie bevat alleen gegevens met de rubricering {_label(Classification, self.level)} "
                    "of lager"),
            self.st("Waar een zin op een feit uit het register steunt, noemt een voetnoot de brief of het Kamerstuk "
                    "waarin dat feit is vastgelegd"),
        ))
        if self.charts.get("spending"):
            s.blocks.append(Block("figure", chart="spending", caption=self.charts["spending"]["caption"]))
        if self.charts.get("forms"):
            s.blocks.append(Block("figure", chart="forms", caption=self.charts["forms"]["caption"]))
        return s

    def has_data(self) -> bool:
        return bool(self.scope or self.signed or self.contributions or self.strategic
                    or any(x.year == self.year for x in self.reg.spending))

    # -- strategic partners --

    def partner_section(self, partner: Partner) -> Section:
        reg, y, name = self.reg, self.year, self.the(partner)
        s = Section(f"partner-{partner.code}", partner.name_nl)
        run, previous = reg.ring_run(partner.pk)
        verb = "zijn" if is_plural(partner.name_nl) else "is"
        text = (f"{self.the(partner, True)} {verb} sinds {long_date(run[0].valid_from)} "
                f"{_label(Ring, run[-1].ring)} van Defensie")
        if previous is not None:
            text += f" (daarvoor {_label(Ring, previous.ring)})"
        s.blocks.append(p(self.st(text, [c for r in run for c in r.cites_])))

        developments = self.developments(partner)
        cooperation = self.cooperation(partner)
        if not developments and not cooperation:
            s.blocks.append(p(self.st(f"Over {name} bevat het register voor {y} geen nieuwe gegevens: geen "
                                      "ontwikkelingen in het land zelf en geen nieuwe samenwerking met Nederland")))
            return s
        s.subsections.append(Section(f"partner-{partner.code}-ontwikkelingen", f"Ontwikkelingen in {name}", 2,
                                     developments or [p(self.st(f"Over ontwikkelingen in {name} zelf zijn voor {y} "
                                                                "geen gegevens vastgelegd"))]))
        s.subsections.append(Section(f"partner-{partner.code}-samenwerking", f"Samenwerking in {y}", 2,
                                     cooperation or [p(self.st(f"Voor {y} is geen nieuwe samenwerking met {name} "
                                                               "vastgelegd"))]))
        return s

    def spending_statements(self, partner: Partner) -> list[Statement]:
        y, name = self.year, self.the(partner)
        rows = [r for r in self.reg.spending if r.partner_id == partner.pk]

        def pick(year: int) -> DefenceSpending | None:
            found = {r.status: r for r in rows if r.year == year}
            return found.get(SpendingStatus.ACTUAL) or found.get(SpendingStatus.PLANNED)

        current, previous = pick(y), pick(y - 1)
        out = []
        if current is not None:
            verb = "bedragen" if current.status == SpendingStatus.ACTUAL else "zijn begroot op"
            if current.amount is not None:
                text = f"De defensie-uitgaven van {name} {verb} in {y} {money(current.amount, current.currency)}"
                if current.pct_gdp is not None:
                    text += f" ({percent(current.pct_gdp)} van het bbp)"
            else:
                text = f"De defensie-uitgaven van {name} {verb} in {y} {percent(current.pct_gdp)} van het bbp"
            out.append(self.st(text, current.cites_))
            if current.pct_gdp is not None:
                pct = float(current.pct_gdp)
                if previous is not None and previous.pct_gdp is not None:
                    delta = round(pct - float(previous.pct_gdp), 3)
                    change = "gelijk aan" if delta == 0 else f"{points(delta)} ten opzichte van"
                    out.append(self.st(f"Dat is {change} {y - 1} ({percent(previous.pct_gdp)})",
                                       previous.cites_))
                else:
                    out.append(self.st(f"Voor {y - 1} is geen percentage vastgelegd, zodat de verandering niet "
                                       "bekend is"))
                position = "boven" if pct > NATO_GUIDELINE else "onder" if pct < NATO_GUIDELINE else "op"
                out.append(self.st(f"Het aandeel ligt daarmee {position} de NAVO-richtlijn van "
                                   f"{percent(NATO_GUIDELINE)}"))
        later = [r for r in rows if r.status == SpendingStatus.PLANNED and r.year and r.year > y
                 and r.pct_gdp is not None]
        if later:
            phrases = [f"{percent(r.pct_gdp)} in {r.year}" for r in later]
            out.append(self.st(f"Voor de jaren daarna is begroot: {enumerate_nl(phrases)}",
                               [c for r in later for c in r.cites_]))
        for r in rows:
            if r.status == SpendingStatus.TARGET and r.pct_gdp is not None and (r.year is None or r.year > y):
                when = f" in {r.year}" if r.year else ""
                out.append(self.st(f"Als doel geldt {percent(r.pct_gdp)} van het bbp{when}", r.cites_))
        return out

    def developments(self, partner: Partner) -> list[Block]:
        blocks = []
        spending = self.spending_statements(partner)
        if spending:
            blocks.append(p(*spending))
        events = [d for d in self.reg.developments if d.partner_id == partner.pk]
        if events:
            items = []
            for d in events:
                when = long_date(d.occurred_on, d.date_precision)
                what = "" if d.kind == DevelopmentKind.OTHER else f"{_label(DevelopmentKind, d.kind)}, "
                items.append([self.st(f"{d.description.strip().rstrip('.')} ({what}{when})", d.cites_)])
            blocks.append(ul(items))
        return blocks

    def cooperation(self, partner: Partner) -> list[Block]:
        y = self.year
        blocks: list[Block] = []
        agreements = [(a, parties) for a, _, parties in self.signed if partner in parties]
        if agreements:
            blocks.append(p(self.st(f"Overeenkomsten in {y}:")))
            blocks.append(ul(self.agreement_item(a, parties) for a, parties in agreements))
        initiatives = [i for i in self.scope if i.obj.pk in self.active and partner.pk in {x.pk for x, _ in i.partners}]
        if initiatives:
            blocks.append(p(self.st(f"Initiatieven die in {y} zijn gestart, gevorderd of afgerond:")))
            blocks.append(ul(self.initiative_item(i) for i in sorted(initiatives, key=lambda i: sort_key(i.obj.title))))
        operations = [c for c in self.contributions if partner in c.partners_]
        if operations:
            blocks.append(p(self.st(f"Samen ingezet bij operaties en oefeningen in {y}:")))
            blocks.append(ul(self.contribution_item(c) for c in operations))
        procured = [x for x in self.reg.procurements if x.partner_id == partner.pk]
        if procured:
            blocks.append(p(self.st(f"Materieel dat Nederland in {y} met of van {self.the(partner)} verwierf:")))
            blocks.append(ul([self.st(f"{x.system}" + (f": {number(x.quantity, 0)} stuks" if x.quantity else ""),
                                      x.cites_)] for x in sorted(procured, key=lambda x: sort_key(x.system))))
        return blocks

    # -- organisations --

    def organisation_section(self, key: str, title: str, short: str, codes: tuple[str, ...]) -> Section:
        y = self.year
        s = Section(key, title)
        family = {p.pk for p in self.reg.partners.values() if p.code in codes}
        names = {p.name_nl.casefold() for p in self.reg.partners.values() if p.code in codes}
        names |= {c.casefold() for c in codes}
        initiatives = [i for i in self.scope if i.obj.pk in self.active and i.codes & set(codes)]
        agreements = [(a, parties) for a, _, parties in self.signed if {p.pk for p in parties} & family]
        operations = [c for c in self.contributions
                      if {p.pk for p in c.partners_} & family or _named_in(c.operation, names, short)]
        if not (initiatives or agreements or operations):
            s.blocks.append(p(self.st(f"Over de samenwerking in {short}-verband bevat het register voor {y} geen "
                                      "nieuwe gegevens")))
            return s
        counts = []
        if initiatives:
            counts.append(count(len(initiatives), "initiatief", "initiatieven") + " dat jaar in beweging")
        if agreements:
            counts.append(count(len(agreements), "nieuwe overeenkomst", "nieuwe overeenkomsten"))
        if operations:
            counts.append(count(len(operations), "operatie of verband", "operaties en verbanden")
                          + " met een Nederlandse bijdrage")
        s.blocks.append(p(self.st(f"In {short}-verband noemt het register voor {y} {enumerate_nl(counts)}")))
        if agreements:
            s.blocks.append(ul(self.agreement_item(a, parties) for a, parties in agreements))
        if initiatives:
            initiatives.sort(key=lambda i: sort_key(i.obj.title))
            s.blocks.append(ul(self.initiative_item(i) for i in initiatives))
        if operations:
            s.blocks.append(ul(self.contribution_item(c) for c in operations))
        return s

    # -- commitments --

    def commitments(self) -> Section:
        y = self.year
        s = Section("commitments", "Toezeggingen aan de Kamer")
        answered, still_open = [], []
        for c in self.reg.commitments:
            doc = c.answered_in
            if doc is not None and doc.date and doc.date.year == y:
                answered.append(c)
            elif doc is None or (doc.date and doc.date.year > y):
                still_open.append(c)

        def item(c: Commitment, answered_in: bool) -> list[Statement]:
            made = _date_phrase(c.made_on, c.made_on_precision)
            text = f"Toegezegd {made}" + (f" ({c.where_promised})" if c.where_promised else "")
            if c.member:
                text += f", op verzoek van het lid {c.member}"
            out = [self.st(c.subject, c.cites_), self.st(text)]
            if answered_in:
                doc = c.answered_in
                shown = doc.classification <= self.level
                where = f" in {doc.cite_label()}" if shown else ""
                out.append(self.st(f"Beantwoord{where} ({long_date(doc.date, doc.date_precision)})"))
            elif c.due_on:
                out.append(self.st(f"Nog niet beantwoord; uiterlijk {long_date(c.due_on)}"))
            else:
                out.append(self.st("Nog niet beantwoord"))
            return out

        if answered:
            s.blocks.append(p(self.st(f"In {y} zijn de volgende toezeggingen aan uw Kamer beantwoord:")))
            s.blocks.append(ul(item(c, True) for c in answered))
        if still_open:
            s.blocks.append(p(self.st(f"Aan het eind van {y} stonden deze toezeggingen nog open:")))
            s.blocks.append(ul(item(c, False) for c in still_open))
        if not s.blocks:
            s.blocks.append(p(self.st(f"In {y} is geen toezegging aan uw Kamer beantwoord en stond er geen open")))
        return s

    # -- year over year --

    def changes(self, snapshot: dict) -> tuple[Section, dict]:
        y = self.year
        facts = diff_snapshots(self.baseline, snapshot)
        s = Section("changes", "Wijzigingen sinds de vorige rapportage")
        info = self.baseline_info
        if info["kind"] == "final":
            against = (f"de definitieve rapportage over {info['year']} (versie {info['version']}, "
                       f"{long_date(info['finalised_at'][:10])})")
        else:
            against = f"het jaar {info['year']} zoals het register dat nu beschrijft"
        s.blocks.append(p(self.st(f"Dit overzicht vergelijkt {y} met {against}")))
        groups = change_lines(facts)
        if not groups:
            s.blocks.append(p(self.st("Sindsdien zijn er geen initiatieven bijgekomen of beëindigd, is geen status "
                                      "of schilindeling gewijzigd en is geen nieuwe overeenkomst vastgelegd")))
        ring_refs = {r["name"]: r["refs"] for r in facts["ring_changes"]}
        for title, lines in groups:
            s.blocks.append(p(self.st(f"{title} ({len(lines)}):")))
            items = []
            for line in lines:
                refs = ring_refs.get(line.split(":", 1)[0], []) if title.startswith("Wijzigingen in de schil") else []
                items.append([Statement(sentence(line), list(refs))])
            s.blocks.append(ul(items))
        if self.charts.get("rings"):
            s.blocks.append(Block("figure", chart="rings", caption=self.charts["rings"]["caption"]))
        return s, facts

    # -- annexes --

    def annex1(self) -> dict:
        y, reg = self.year, self.reg
        rows = []
        for c in sorted(self.contributions, key=lambda c: sort_key(c.operation)):
            if c.personnel == 0:
                continue
            where = c.location if c.location_id in reg.partners else None
            rows.append({
                "operation": c.operation, "location": where.name_nl if where else "–",
                "personnel": number(c.personnel, 0) if c.personnel else "–",
                "partners": ", ".join(sorted((x.name_nl for x in reg.visible(c.partners_)), key=sort_key)) or "–",
                "role": c.role or "–", "refs": self.sources.refs(c.cites_),
            })
        current = {sort_key(c.operation) for c in self.contributions if c.personnel != 0}
        last: dict[str, Contribution] = {}
        for c in reg.contributions:
            k = sort_key(c.operation)
            if k not in current and (k not in last or c.year > last[k].year):
                last[k] = c
        not_rows = [{"operation": c.operation, "last_year": "–" if c.year == y else str(c.year),
                     "location": c.location.name_nl if c.location_id in reg.partners else "–",
                     "refs": self.sources.refs(c.cites_)}
                    for _, c in sorted(last.items())]
        return {
            "title": f"Bijlage 1: bijdragen aan operaties en operationele verbanden in {y}",
            "intro": f"Nederlandse bijdragen in {y}, met de partners die in dezelfde operatie actief waren.",
            "columns": ["Operatie of verband", "Locatie", "Militairen", "Samen met", "Rol", "Bron"],
            "rows": rows,
            "empty": f"Het register vermeldt voor {y} geen Nederlandse bijdragen aan operaties of operationele "
                     "verbanden.",
            "not_title": f"Operaties en verbanden waaraan Nederland in {y} niet bijdroeg",
            "not_columns": ["Operatie of verband", "Laatste bijdrage", "Locatie", "Bron"],
            "not_rows": not_rows,
            "not_empty": f"Het register kent geen eerdere operaties waaraan Nederland in {y} niet meer bijdroeg.",
        }

    def annex2(self, snapshot: dict) -> dict:
        y = self.year
        before = self.baseline.get("initiatives", {})
        rows = []
        for i in sorted(self.projects(), key=lambda i: sort_key(i.obj.title)):
            o = i.obj
            others = [(x, role) for x, role in i.partners if x.code != HOME]
            partners = ", ".join(x.name_nl + (" (lead)" if role == "lead" else "") for x, role in others)
            if not partners:
                partners = ", ".join(f.name_nl for f in i.frameworks)
            m = self.reg.next_milestone(i)
            old = before.get(str(o.pk))
            if old is None:
                change = "nieuw"
            elif old["status"] != i.status:
                change = f"status: {old['status_label']} → {_label(Status, i.status)}"
            else:
                change = "ongewijzigd"
            rows.append({"id": o.pk, "project": o.title, "partners": partners or "–",
                         "form": _label(Form, o.form) if o.form else "–", "status": _label(Status, i.status),
                         "next_milestone": f"{m.title} ({long_date(m.due_on)})" if m else "–", "change": change,
                         "refs": self.sources.refs(i.citations)})
        return {
            "title": f"Bijlage 2: stand van zaken bi- en multinationale projecten ({y})",
            "intro": f"Projecten met ten minste één partner naast Nederland die in {y} liepen, in voorbereiding of "
                     "studie waren, of in dat jaar zijn afgerond of gestopt; ideeën staan er niet in.",
            "columns": ["Project", "Partners", "Vorm", "Status", "Volgende mijlpaal", f"Verandering sinds {y - 1}",
                        "Bron"],
            "rows": rows,
            "empty": f"Het register bevat voor {y} geen bi- of multinationale projecten.",
        }

    def projects(self) -> list[_Init]:
        """The annex's projects: in scope, beyond the idea stage, with at least one partner besides NL."""
        return [i for i in self.scope if i.status != Status.IDEA and any(code != HOME for code in i.codes)]

    # -- snapshot and charts --

    def snapshot(self) -> dict:
        reg = self.reg
        rings = {}
        for pid, r in reg.ring_at_end.items():
            partner = reg.partners[pid]
            rings[partner.code] = {"name": partner.name_nl, "ring": r.ring, "ring_label": _label(Ring, r.ring),
                                   "refs": []}
        initiatives = {
            str(i.obj.pk): {"title": i.obj.title, "status": i.status, "status_label": _label(Status, i.status),
                            "form": i.obj.form,
                            "partners": sorted((x.name_nl for x, _ in i.partners if x.code != HOME), key=sort_key)}
            for i in self.scope
        }
        agreements = {
            str(a.pk): {"title": a.title, "kind": a.kind, "kind_label": _label(AgreementKind, a.kind),
                        "date": known.isoformat(),
                        "partners": sorted((x.name_nl for x in parties if x.code != HOME), key=sort_key)}
            for a, known, parties in reg.agreements
        }
        return {"initiatives": initiatives, "rings": rings, "agreements": agreements}

    def chart_data(self) -> dict:
        reg, y = self.reg, self.year
        charts: dict[str, Any] = {}
        series = []
        for partner in self.strategic:
            points_ = sorted((r.year, float(r.pct_gdp), r.status) for r in reg.spending
                             if r.partner_id == partner.pk and r.year and r.pct_gdp is not None
                             and r.status in (SpendingStatus.ACTUAL, SpendingStatus.PLANNED))
            if points_:
                series.append({"partner": partner.name_nl, "points": [list(x) for x in points_]})
        if series:
            charts["spending"] = {
                "title": "Defensie-uitgaven van de strategische partners (% van het bbp)",
                "caption": "Figuur 1. Defensie-uitgaven als percentage van het bbp per strategische partner, "
                           "tegen de NAVO-richtlijn van 2%; begrote jaren gestippeld.",
                "guideline": NATO_GUIDELINE, "year": y, "series": series,
            }
        forms = [f.value for f in Form] + [""]
        rows_by_partner = {p.pk: dict.fromkeys(forms, 0) for p in self.strategic}
        for i in self.scope:
            for x, _ in i.partners:
                if x.pk in rows_by_partner:
                    rows_by_partner[x.pk][i.obj.form or ""] += 1
        # A legible figure: the partners with the most initiatives, shown in the order of the text.
        busiest = sorted(self.strategic, key=lambda p: -sum(rows_by_partner[p.pk].values()))[:FORMS_CHART_ROWS]
        shown = [p for p in self.strategic if p in busiest and sum(rows_by_partner[p.pk].values())]
        counts = [rows_by_partner[p.pk] for p in shown]
        if shown:
            used = [f for f in forms if any(r[f] for r in counts)]
            left_out = len(self.strategic) - len(shown)
            charts["forms"] = {
                "title": f"Initiatieven per strategische partner en samenwerkingsvorm ({y})",
                "caption": f"Figuur 2. Aantal initiatieven in {y} per strategische partner, naar samenwerkingsvorm"
                           + (f"; {left_out} partners met minder initiatieven zijn niet getoond." if left_out else "."),
                "partners": [p.name_nl for p in shown],
                "forms": [_label(Form, f) if f else "vorm onbekend" for f in used],
                "form_codes": used,
                "counts": [[r[f] for f in used] for r in counts],
            }
        periods = defaultdict(list)
        for r in reg.rings_all:
            periods[r.partner_id].append(r)
        moved = {pid for pid, rs in periods.items() if len({r.ring for r in rs}) > 1}

        def ring_rank(pid: int) -> int:
            return RING_ORDER.get(reg.ring_at_end[pid].ring, 3) if pid in reg.ring_at_end else 3

        # Which partners fit: the inner rings first, then those that moved; shown in ring and name order.
        chosen = sorted(periods, key=lambda pid: (ring_rank(pid), pid not in moved, sort_key(reg.name(pid))))
        rows = []
        for pid in sorted(chosen[:RING_CHART_ROWS], key=lambda pid: (ring_rank(pid), sort_key(reg.name(pid)))):
            spans: list[list] = []
            for r in periods[pid]:
                start = _year_float(r.valid_from)
                end = _year_float(min(r.valid_to or dt.date(y + 1, 1, 1), dt.date(y + 1, 1, 1)))
                if spans and spans[-1][2] == r.ring and abs(spans[-1][1] - start) < 1e-9:
                    spans[-1][1] = end  # one bar for an unbroken stay in the same ring
                else:
                    spans.append([start, end, r.ring])
            rows.append({"partner": reg.name(pid), "periods": spans})
        if rows:
            first = min(span[0] for row in rows for span in row["periods"])
            charts["rings"] = {
                "title": f"Schilindeling door de jaren (tot en met {y})",
                "caption": f"Figuur 3. Schilindeling van partners door de jaren, tot en met {y}"
                           + (f"; {len(chosen) - RING_CHART_ROWS} andere partners zijn niet getoond."
                              if len(chosen) > RING_CHART_ROWS else "."),
                "start": int(first), "end": y + 1, "rows": rows,
                "labels": {r.value: str(r.label) for r in Ring},
            }
        return charts

    # -- the whole report --

    def build(self, meta: dict) -> dict:
        snapshot = self.snapshot()
        self.charts = self.chart_data()
        sections = [self.introduction()]
        sections += [self.partner_section(partner) for partner in self.strategic]
        sections += [self.organisation_section(*org) for org in ORGANISATIONS]
        sections.append(self.commitments())
        changes, facts = self.changes(snapshot)
        sections.append(changes)
        annex1, annex2 = self.annex1(), self.annex2(snapshot)
        return {
            **meta,
            "sections": [asdict(s) for s in sections],
            "annex1": annex1,
            "annex2": annex2,
            "charts": self.charts,
            "sources": self.sources.as_list(),
            "snapshot": snapshot,
            "changes": facts,
            "counts": {"initiatives": len(self.scope), "projects": len(annex2["rows"]),
                       "contributions": len(annex1["rows"]), "agreements_signed": len(self.signed),
                       "strategic_partners": len(self.strategic), "sources": len(self.sources.by_citation)},
        }


def _named_in(operation: str, names: set[str], short: str) -> bool:
    """Whether an operation's name says which organisation it belongs to ('NATO Response Force')."""
    op = operation.casefold()
    if any(op == n or n.startswith(op + " (") or op.startswith(n + " ") for n in names):
        return True
    words = set(op.replace("-", " ").split())
    return short.casefold() in words or ("nato" in words and short == "NAVO") or ("un" in words and short == "VN")


def _year_float(date: dt.date) -> float:
    return date.year + (date.timetuple().tm_yday - 1) / 365.25


# --- entry points ---------------------------------------------------------------------------------------------

def snapshot_for(*, year: int, level: int, loaded: _Loaded | None = None) -> dict:
    """The facts a report for ``year`` covers, without rendering its text (for baselines and diffs)."""
    register = _Register(loaded or _Loaded(level), year)
    return _Builder(register, {}, {"kind": "none", "year": year - 1}).snapshot()


def last_final(*, year: int, level: int) -> ReportVersion | None:
    return (ReportVersion.objects.filter(year=year, classification=level, status=VersionStatus.FINAL)
            .order_by("-number").first())


def report_snapshot(*, year: int, level: int, prefer_final: bool = True,
                    loaded: _Loaded | None = None) -> tuple[dict, dict]:
    """The facts of the report about ``year``: its last finalised version at this level where there is one
    (that is what Parliament received), else that year as the register now describes it."""
    version = last_final(year=year, level=level) if prefer_final else None
    if version is not None:
        return version.data.get("snapshot", {}), {
            "kind": "final", "year": year, "version": version.number,
            "finalised_at": version.finalised_at.isoformat(),
        }
    return snapshot_for(year=year, level=level, loaded=loaded), {"kind": "register", "year": year}


def baseline_for(*, year: int, level: int, prefer_final: bool = True,
                 loaded: _Loaded | None = None) -> tuple[dict, dict]:
    """What the report for ``year`` compares itself with: the report about the year before."""
    return report_snapshot(year=year - 1, level=level, prefer_final=prefer_final, loaded=loaded)


def build_report(
    *,
    year: int,
    level: int,
    reference: str = "",
    on: dt.date | None = None,
    status: str = VersionStatus.DRAFT,
    version: int | None = None,
    prefer_final_baseline: bool = True,
) -> dict[str, Any]:
    """The whole report for ``year`` at classification ``level``, as JSON-serialisable data."""
    check_input(year, level)
    on = on or timezone.localdate()
    loaded = _Loaded(level)
    baseline, info = baseline_for(year=year, level=level, prefer_final=prefer_final_baseline, loaded=loaded)
    label = Classification(level).label
    meta = {
        "schema": REPORT_SCHEMA,
        "year": year,
        "classification": level,
        "classification_code": Classification(level).code,
        "classification_label": str(label),
        "status": status,
        "version": version,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "app_version": ims.__version__,
        "title": f"Rapportage internationale militaire samenwerking {year}",
        "letterhead": {
            **LETTERHEAD,
            "reference": reference or ("concept" if status == VersionStatus.DRAFT else f"IMS-{year}-{version}"),
            "date": long_date(on),
            "subject": f"Rapportage internationale militaire samenwerking {year}",
        },
        "baseline": info,
    }
    # The report is Dutch whatever language the requesting user reads the interface in.
    with translation.override("nl"):
        data = _Builder(_Register(loaded, year), baseline, info).build(meta)
    # A round trip through JSON proves the structure is plain data and makes it identical to what a
    # finalised version stores.
    return json.loads(json.dumps(data, ensure_ascii=False))


def data_sha256(data: dict) -> str:
    """A digest over the canonical JSON of the data: key order and whitespace do not matter."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
