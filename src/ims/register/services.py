"""Every write to the register: keyword-only, validated with ``full_clean()``, in a transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from ims.accounts.permissions import Action, may
from ims.core.clearance import require_clearance
from ims.core.models import Record
from ims.core.services import RegisterError, building, record_link, record_save
from ims.text.countries import country_name, is_country_code

from .models import (
    Agreement,
    Citation,
    CitedRecord,
    Commitment,
    Contribution,
    DefenceSpending,
    Goal,
    GoalMeasurement,
    Initiative,
    InitiativeBudget,
    Milestone,
    Participation,
    Partner,
    Procurement,
    RingAssignment,
    SourceDocument,
)
from .vocab import CommitmentStatus, MilestoneStatus, ParticipantRole, PartnerKind


def partner_for(code: str, *, actor=None) -> Partner:
    """The partner with this code as ``actor`` may see it, or a clear error naming the unknown code: a hidden
    partner answers exactly as a missing one (None: a system job, which sees every partner)."""
    try:
        return Partner.objects.for_actor(actor).get(code=code)
    except Partner.DoesNotExist:
        raise RegisterError(f"Onbekende partner '{code}'.") from None


def partners_for(codes: Iterable[str], *, actor=None) -> list[Partner]:
    codes = list(dict.fromkeys(codes))
    found = {p.code: p for p in Partner.objects.for_actor(actor).filter(code__in=codes)}
    missing = [c for c in codes if c not in found]
    if missing:
        raise RegisterError(f"Onbekende partner(s): {', '.join(missing)}.")
    return [found[c] for c in codes]


@transaction.atomic
def partner_upsert(
    *, code: str, kind: str, name_nl: str = "", name_en: str = "", members: Sequence[str] = (), actor=None
) -> Partner:
    """Create or update a partner by its code; for countries the names default to ISO's."""
    if kind == PartnerKind.COUNTRY:
        if not is_country_code(code):
            raise RegisterError(f"Onbekende landcode '{code}' (verwacht ISO 3166-1 alpha-2).")
        name_nl = name_nl or country_name(code, "nl")
        name_en = name_en or country_name(code, "en")
    partner = Partner.objects.for_actor(actor).filter(code=code).first() or Partner(code=code)
    changed = partner._state.adding or (partner.kind, partner.name_nl, partner.name_en) != (kind, name_nl, name_en)
    partner.kind, partner.name_nl, partner.name_en = kind, name_nl, name_en
    if changed or members:
        record_link(partner, add={"members": partners_for(members, actor=actor)}, actor=actor)
    return partner


@transaction.atomic
def document_register(
    *,
    title: str,
    text: str = "",
    content: bytes | None = None,
    date: dt.date | None = None,
    date_precision: str = "day",
    reference: str = "",
    kamerstuk: str = "",
    filename: str = "",
    sha256: str = "",
    classification: int = 0,
    actor=None,
) -> SourceDocument:
    """Register a source document once: the same content (by SHA-256), classified at least as high, returns the
    existing record.

    ``sha256`` is the file's own digest where the caller has it; otherwise it is taken over ``content``
    or the text. Only documents the actor may see count: one they may not see is neither returned nor
    changed, and the same content is stored as a new document at ``classification`` (no higher than the
    actor's clearance), so that the answer reveals nothing about what is hidden.
    """
    digest = sha256 or hashlib.sha256(content if content is not None else text.encode("utf-8")).hexdigest()
    require_clearance(actor, classification)
    candidates = SourceDocument.objects.for_actor(actor).filter(sha256=digest, classification__gte=classification)
    existing = candidates.order_by("classification").first()
    if existing:
        return existing
    document = SourceDocument(
        title=title, text=text, date=date, date_precision=date_precision, reference=reference or "",
        kamerstuk=kamerstuk or "", filename=filename, sha256=digest, classification=classification,
    )
    return record_save(document, actor=actor)


def citation_get_or_create(*, document: SourceDocument, start: int, end: int, page: int | None = None) -> Citation:
    citation = document.citations.filter(start=start, end=end).first()  # reached from the document in hand
    if citation:
        return citation
    return record_save(Citation(document=document, start=start, end=end, page=page))


@transaction.atomic
def ring_assign(
    *,
    partner: Partner,
    ring: str,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
    reason: str = "",
    citations: Sequence[Citation] = (),
    classification: int = 0,
    actor=None,
) -> RingAssignment:
    """Place a partner in a ring from a date; an open period of the same classification that began earlier is
    closed on that date.

    The earlier period keeps its ring and reason, so the history stays complete. Periods of other
    classifications are other layers of the history (:mod:`ims.register.ring_layers`) and stay as they are.
    """
    current = (
        RingAssignment.objects.for_level(classification).select_for_update()
        .filter(partner=partner, classification=classification, valid_to__isnull=True, valid_from__lt=valid_from)
        .first()
    )
    if current is not None:
        current.valid_to = valid_from
        record_save(current, actor=actor)
    return record_link(
        RingAssignment(partner=partner, ring=ring, valid_from=valid_from, valid_to=valid_to, reason=reason,
                       classification=classification),
        add={"citations": citations}, actor=actor,
    )


@dataclass(frozen=True)
class GoalInput:
    category: str
    statement: str
    expected_result: str = ""
    indicator: str = ""
    unit: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    values: dict[str, Decimal] = field(default_factory=dict)


@transaction.atomic
def initiative_create(
    *,
    title: str,
    actor=None,
    summary: str = "",
    kind: str = "general",
    form: str = "",
    origin: str = "",
    status: str = "idea",
    participants: Sequence[tuple[str, str]] = (),
    frameworks: Sequence[str] = (),
    planned_start: dt.date | None = None,
    planned_end: dt.date | None = None,
    actual_start: dt.date | None = None,
    actual_end: dt.date | None = None,
    staff_fte: Decimal | None = None,
    units_committed: int | None = None,
    sovereign_capability: bool = False,
    shortfall: str = "",
    classification: int = 0,
    goals: Sequence[GoalInput] = (),
    budgets: dict[int, Decimal] | None = None,
    citations: Sequence[Citation] = (),
) -> Initiative:
    """Create an initiative with its participants (code, role), frameworks, goals and yearly budgets."""
    roles = dict(participants)
    if sum(1 for role in roles.values() if role == ParticipantRole.LEAD) > 1:
        raise RegisterError("Een initiatief heeft ten hoogste één lead nation.")
    initiative = record_link(
        Initiative(
            title=title, summary=summary, kind=kind, form=form, origin=origin, status=status,
            planned_start=planned_start, planned_end=planned_end, actual_start=actual_start,
            actual_end=actual_end, staff_fte=staff_fte, units_committed=units_committed,
            sovereign_capability=sovereign_capability, shortfall=shortfall, classification=classification,
        ),
        add={"frameworks": partners_for(frameworks, actor=actor), "citations": citations}, actor=actor,
    )
    with building(initiative):
        for partner in partners_for(roles, actor=actor):
            record_save(Participation(initiative=initiative, partner=partner, role=roles[partner.code]), actor=actor)
        for goal in goals:
            saved = record_save(
                Goal(initiative=initiative, category=goal.category, statement=goal.statement,
                     expected_result=goal.expected_result, indicator=goal.indicator, unit=goal.unit,
                     baseline=goal.baseline, target=goal.target),
                actor=actor,
            )
            for period, value in goal.values.items():
                record_save(GoalMeasurement(goal=saved, period=period, value=value), actor=actor)
        for year, amount in (budgets or {}).items():
            record_save(InitiativeBudget(initiative=initiative, year=year, amount_eur=amount), actor=actor)
    return initiative


# What an editor may change on an initiative; who and when, and the version, are the register's own business.
INITIATIVE_EDITABLE = frozenset(
    f.name for f in Initiative._meta.concrete_fields
    if f.editable and f.name not in {"id", "created_at", "created_by", "updated_at", "updated_by"}
)


def editor_check(*, actor, record: Record) -> None:
    """Refuse an edit by someone whose role may not edit, or who could not see the record as it will be saved.

    The second rule stops an editor from raising a record above their own clearance and so losing it from view.
    ``actor`` None is a system job (a command or a seed load), which the permissions matrix does not govern.
    """
    if actor is None:
        return
    if not may(actor, Action.EDIT):
        raise PermissionDenied("Uw rol mag het register niet bewerken.")
    require_clearance(actor, record.classification)


@transaction.atomic
def initiative_update(*, initiative: Initiative, actor=None, version: int | None = None, **fields) -> Initiative:
    """Change plain fields of an initiative; relations have their own services.

    ``version`` is the version the editor started from; a newer stored version refuses the save (``StaleEdit``).
    Without it the instance's own version counts, i.e. the one it was loaded with.
    """
    apply_editable_fields(initiative, fields, editable=INITIATIVE_EDITABLE, version=version)
    editor_check(actor=actor, record=initiative)
    return record_save(initiative, actor=actor)


def apply_editable_fields(record: Record, fields: dict, *, editable: frozenset[str], version: int | None) -> None:
    """Put an editor's changes on ``record`` in memory, refusing any field not in ``editable`` (one message
    naming them all); it saves nothing, the caller checks the editor and calls ``record_save``.

    Every app's update service (initiatives and milestones here, cooperation plans in monitoring) starts with
    it, so that what an editor may change is one frozenset per model. ``version`` is the one the editor
    started from (``record_save`` refuses it when a newer one is stored); without it the version the record
    was loaded with counts.
    """
    unknown = set(fields) - editable
    if unknown:
        raise RegisterError(f"Onbekende velden: {', '.join(sorted(unknown))}.")
    if version is not None:
        record.version = version
    for name, value in fields.items():
        setattr(record, name, value)


def milestone_create(
    *, title: str, due_on: dt.date, initiative: Initiative | None = None, plan=None, owner=None,
    done_on: dt.date | None = None, status: str = "planned", classification: int | None = None, actor=None,
) -> Milestone:
    """A milestone of an initiative, of a cooperation plan (``ims.monitoring``), or of both.

    Without a classification it takes the highest of its initiative's and plan's, so it is never shown to
    someone who may not see what it belongs to.
    """
    if classification is None:
        classification = max([int(x.classification) for x in (initiative, plan) if x is not None] or [0])
    milestone = Milestone(initiative=initiative, plan=plan, owner=owner, title=title, due_on=due_on,
                          done_on=done_on, status=status, classification=classification)
    editor_check(actor=actor, record=milestone)
    return record_save(milestone, actor=actor)


MILESTONE_EDITABLE = frozenset({"title", "due_on", "done_on", "status", "owner"})


@transaction.atomic
def milestone_update(*, milestone: Milestone, actor=None, version: int | None = None, **fields) -> Milestone:
    """Change a milestone's title, planned date, status or completion date (the BIA's monitoring).

    Reporting one done needs no date of its own: without ``done_on`` it is done today. Any other status clears
    the completion date, as the register allows a date only on a done milestone. ``version`` works as in
    ``initiative_update``.
    """
    apply_editable_fields(milestone, fields, editable=MILESTONE_EDITABLE, version=version)
    if "status" in fields:
        if milestone.status == MilestoneStatus.DONE and "done_on" not in fields and milestone.done_on is None:
            milestone.done_on = timezone.localdate()
        elif milestone.status != MilestoneStatus.DONE and "done_on" not in fields:
            milestone.done_on = None
    editor_check(actor=actor, record=milestone)
    return record_save(milestone, actor=actor)


@transaction.atomic
def agreement_create(
    *, kind: str, title: str, parties: Sequence[str], subject: str = "", legally_binding: bool = False,
    signed: bool = True, signed_on: dt.date | None = None, signed_precision: str = "day",
    entry_into_force: dt.date | None = None, ends_on: dt.date | None = None,
    initiative: Initiative | None = None, classification: int = 0, citations: Sequence[Citation] = (),
    actor=None,
) -> Agreement:
    return record_link(
        Agreement(kind=kind, title=title, subject=subject, legally_binding=legally_binding, signed=signed,
                  signed_on=signed_on, signed_precision=signed_precision, entry_into_force=entry_into_force,
                  ends_on=ends_on, initiative=initiative, classification=classification),
        add={"parties": partners_for(parties, actor=actor), "citations": citations}, actor=actor,
    )


@transaction.atomic
def contribution_create(
    *, operation: str, year: int, location: str | None = None, personnel: int | None = None,
    partners: Sequence[str] = (), role: str = "", classification: int = 0,
    citations: Sequence[Citation] = (), actor=None,
) -> Contribution:
    return record_link(
        Contribution(operation=operation, year=year, location=partner_for(location, actor=actor) if location else None,
                     personnel=personnel, role=role, classification=classification),
        add={"partners": partners_for(partners, actor=actor), "citations": citations}, actor=actor,
    )


@transaction.atomic
def spending_record(
    *, partner: str, status: str, year: int | None = None, amount: Decimal | None = None,
    currency: str = "", pct_gdp: Decimal | None = None, classification: int = 0,
    citations: Sequence[Citation] = (), actor=None,
) -> DefenceSpending:
    """Record a defence spending figure; the same (partner, year, status) at the same classification updates the
    existing one. A figure at another classification is another record: a figure from a classified letter never
    changes the one readers of lower clearance see, and a figure hidden from the actor is never touched."""
    owner = partner_for(partner, actor=actor)
    same = DefenceSpending.objects.for_actor(actor).filter(partner=owner, year=year, status=status,
                                                           classification=classification)
    spending = same.first() or DefenceSpending(partner=owner, year=year, status=status, classification=classification)
    spending.amount, spending.currency, spending.pct_gdp = amount, currency or "", pct_gdp
    return record_link(spending, add={"citations": citations}, actor=actor)


@transaction.atomic
def procurement_create(
    *, partner: str, system: str, quantity: int | None = None, year: int | None = None,
    classification: int = 0, citations: Sequence[Citation] = (), actor=None,
) -> Procurement:
    return record_link(
        Procurement(partner=partner_for(partner, actor=actor), system=system, quantity=quantity, year=year,
                    classification=classification),
        add={"citations": citations}, actor=actor,
    )


@transaction.atomic
def commitment_create(
    *, subject: str, made_on: dt.date, made_on_precision: str = "day", member: str = "",
    where_promised: str = "", due_on: dt.date | None = None, answered_in: SourceDocument | None = None,
    classification: int = 0, citations: Sequence[Citation] = (), actor=None,
) -> Commitment:
    return record_link(
        Commitment(
            member=member or "", subject=subject, made_on=made_on, made_on_precision=made_on_precision,
            where_promised=where_promised or "", due_on=due_on, answered_in=answered_in,
            status=CommitmentStatus.ANSWERED if answered_in else CommitmentStatus.OPEN,
            classification=classification,
        ),
        add={"citations": citations}, actor=actor,
    )


# Writes of the review queue on records it matched (see ims.register.matching): citations and partners added,
# each as one change to the record (one audit entry, one history row, one version).


@transaction.atomic
def record_cite(*, record: CitedRecord, citations: Sequence[Citation], actor=None) -> CitedRecord:
    """Cite more places for a record: the fact it holds was read again, in another letter or passage."""
    return record_link(record, add={"citations": citations}, actor=actor)


@transaction.atomic
def contribution_join(*, contribution: Contribution, partners: Sequence[str], personnel: int | None = None,
                      citations: Sequence[Citation] = (), actor=None) -> Contribution:
    """Add what another statement of a contribution says: partners serving alongside, and the number of
    personnel where none was known."""
    if contribution.personnel is None and personnel is not None:
        contribution.personnel = personnel
    return record_link(contribution, add={"partners": partners_for(partners, actor=actor), "citations": citations},
                       actor=actor)


@transaction.atomic
def initiative_join(*, initiative: Initiative, partners: Sequence[str], citations: Sequence[Citation] = (),
                    actor=None) -> Initiative:
    """Add the partners another statement of an initiative names, as participants."""
    known = set(initiative.participations.values_list("partner__code", flat=True))
    joining = partners_for([code for code in partners if code not in known], actor=actor)
    return record_link(initiative, add={"participants": joining, "citations": citations},
                       through_defaults={"role": ParticipantRole.PARTICIPANT}, actor=actor)
