"""Turning a reviewed fact into register records: match what the register already holds, else create.

Matching rules (so that accepting the same fact from two letters does not duplicate it):
- partner ring: the partner's period in force on the statement's date; the same ring only gains a citation;
- agreement: same kind, same parties and the same date (at the coarser of the two precisions);
- defence spending: same partner, year and status (the figure is updated);
- contribution: same year and an operation name at least 85 similar (rapidfuzz);
- procurement: same partner and year and a system name at least 85 similar;
- commitment: same member and the same month;
- initiative: a title at least 85 similar (token-set ratio, so word order and extra words matter less).

A fact is as classified as the document it was read from. Only records the reviewer can see, classified at
least as high as the fact, are matched, and a new record gets the fact's classification: what a classified
letter says never ends up in (or changes) a record that readers of lower clearance see, and nobody changes a
record they cannot see by accepting a fact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db.models import Model, Q, QuerySet
from rapidfuzz import fuzz, utils

from ims.core.services import RegisterError, record_save
from ims.framework.vocab import FactType
from ims.register import services as register
from ims.register.models import (
    Agreement,
    Citation,
    Commitment,
    Contribution,
    DefenceSpending,
    Initiative,
    Participation,
    Procurement,
    RingAssignment,
)
from ims.register.vocab import ParticipantRole
from ims.text.dates import DateError, PartialDate, date_and_precision

SIMILAR = 85
# Words that name the kind of thing rather than the thing: they should not make two names differ.
_FILLER = frozenset({"de", "het", "een", "the", "project", "programma", "initiatief", "samenwerking"})


def _name_key(name: str) -> str:
    return " ".join(w for w in utils.default_process(name).split() if w not in _FILLER)


def _label(obj: Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def _cite(obj: Model, citation: Citation) -> None:
    obj.citations.add(citation)


def _candidates(qs: QuerySet, actor, level: int) -> QuerySet:
    """Records of one kind a fact at ``level`` may be merged into (see the module's docstring)."""
    qs = qs.filter(classification__gte=level)
    return qs if actor is None else qs.visible_to(actor)


def _statement_date(payload: dict, doc_date: dt.date | None) -> dt.date:
    year = payload.get("year")
    if doc_date and (year is None or year == doc_date.year):
        return doc_date
    if year:
        return dt.date(int(year), 1, 1)
    raise RegisterError("Het feit noemt geen jaar en het document heeft geen datum.")


def _partner_ring(p: dict, citation: Citation, doc_date: dt.date | None, actor, level: int) -> Model:
    partner = register.partner_for(p["partner"])
    on = _statement_date(p, doc_date)
    in_force = (RingAssignment.objects.filter(partner=partner, valid_from__lte=on)
                .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on)).first())
    if in_force and in_force.ring == p["ring"] and _candidates(RingAssignment.objects, actor, level).filter(
            pk=in_force.pk).exists():
        _cite(in_force, citation)
        return in_force
    if RingAssignment.objects.filter(partner=partner, valid_from__gt=on).exists():
        raise RegisterError(f"{partner} heeft al een latere schilindeling; leg deze wijziging handmatig vast.")
    if in_force and not _candidates(RingAssignment.objects, actor, level).filter(pk=in_force.pk).exists():
        # Closing the period in force would change a record this fact may not touch.
        raise RegisterError(f"De schilindeling van {partner} is anders gerubriceerd dan dit document; "
                            "leg deze wijziging handmatig vast.")
    return register.ring_assign(partner=partner, ring=p["ring"], valid_from=on, citations=[citation],
                                reason="Vastgelegd uit een ingelezen document.", classification=level, actor=actor)


def _same_date(a: dt.date | None, a_precision: str, b: dt.date | None, b_precision: str) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return PartialDate.from_date(a, a_precision).agrees_with(PartialDate.from_date(b, b_precision))


def _agreement(p: dict, citation: Citation, doc_date: dt.date | None, actor, level: int) -> Model:
    parties = sorted(p.get("parties") or [])
    signed_on, precision = date_and_precision(p.get("date"))
    for candidate in _candidates(Agreement.objects, actor, level).filter(kind=p["kind"]).prefetch_related("parties"):
        if sorted(x.code for x in candidate.parties.all()) == parties and _same_date(
            candidate.signed_on, candidate.signed_precision, signed_on, precision
        ):
            _cite(candidate, citation)
            return candidate
    subject = p.get("subject") or ""
    title = f"{p['kind']} {'–'.join(parties)}" + (f": {subject}" if subject else "")
    return register.agreement_create(kind=p["kind"], title=title[:300], subject=subject, parties=parties,
                                     signed_on=signed_on, signed_precision=precision, citations=[citation],
                                     classification=level, actor=actor)


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _spending(p: dict, citation: Citation, doc_date: dt.date | None, actor, level: int) -> Model:
    # One figure per partner, year and kind: the existing one is updated, so it must be one this fact may change.
    existing = DefenceSpending.objects.filter(partner__code=p["partner"], year=p.get("year"), status=p["status"])
    if existing.exists() and not _candidates(existing, actor, level).exists():
        raise RegisterError("Dit cijfer staat al in het register, anders gerubriceerd dan dit document; "
                            "leg de wijziging handmatig vast.")
    return register.spending_record(partner=p["partner"], year=p.get("year"), status=p["status"],
                                    amount=_decimal(p.get("amount")), currency=p.get("currency") or "",
                                    pct_gdp=_decimal(p.get("pct_gdp")), citations=[citation],
                                    classification=max([level, *existing.values_list("classification", flat=True)]),
                                    actor=actor)


def _contribution(p: dict, citation: Citation, doc_date: dt.date | None, actor, level: int) -> Model:
    year = p.get("year") or (doc_date.year if doc_date else None)
    if year is None:
        raise RegisterError("De bijdrage noemt geen jaar en het document heeft geen datum.")
    for candidate in _candidates(Contribution.objects, actor, level).filter(year=year):
        if fuzz.ratio(candidate.operation.casefold(), p["operation"].casefold()) >= SIMILAR:
            if candidate.personnel is None and p.get("personnel") is not None:
                candidate.personnel = p["personnel"]
                record_save(candidate, actor=actor)
            candidate.partners.add(*register.partners_for(p.get("partners") or []))
            _cite(candidate, citation)
            return candidate
    return register.contribution_create(operation=p["operation"], year=year, location=p.get("location"),
                                        personnel=p.get("personnel"), partners=p.get("partners") or [],
                                        citations=[citation], classification=level, actor=actor)


def _procurement(p: dict, citation: Citation, doc_date: dt.date | None, actor, level: int) -> Model:
    for candidate in _candidates(Procurement.objects, actor, level).filter(partner__code=p["partner"],
                                                                         year=p.get("year")):
        if (fuzz.ratio(candidate.system.casefold(), p["system"].casefold()) >= SIMILAR
                and candidate.quantity == p.get("quantity")):
            _cite(candidate, citation)
            return candidate
    return register.procurement_create(partner=p["partner"], system=p["system"], quantity=p.get("quantity"),
                                       year=p.get("year"), citations=[citation], classification=level, actor=actor)


def _commitment(p: dict, citation: Citation, doc_date: dt.date | None, actor, level: int) -> Model:
    made_on, precision = date_and_precision(p.get("date"))
    made_on = made_on or doc_date
    if made_on is None:
        raise RegisterError("De toezegging heeft geen datum en het document ook niet.")
    member = p.get("member") or ""
    existing = _candidates(Commitment.objects, actor, level).filter(
        member=member, made_on__year=made_on.year, made_on__month=made_on.month).first()
    if existing is not None:
        _cite(existing, citation)
        return existing
    subject = p.get("subject") or "(onderwerp nog invullen)"
    return register.commitment_create(member=member, subject=subject, made_on=made_on, made_on_precision=precision,
                                      citations=[citation], classification=level, actor=actor)


def _initiative(p: dict, citation: Citation, doc_date: dt.date | None, actor, level: int) -> Model:
    name = p["name"]
    partners = p.get("partners") or []
    best, score = None, 0.0
    key = _name_key(name)
    for pk, title in _candidates(Initiative.objects, actor, level).values_list("pk", "title"):
        similarity = fuzz.token_set_ratio(_name_key(title), key)
        if similarity > score:
            best, score = pk, similarity
    if best is not None and score >= SIMILAR:
        initiative = Initiative.objects.get(pk=best)
        known = set(initiative.participations.values_list("partner__code", flat=True))
        for partner in register.partners_for([c for c in partners if c not in known]):
            record_save(Participation(initiative=initiative, partner=partner, role=ParticipantRole.PARTICIPANT),
                        actor=actor)
        _cite(initiative, citation)
        return initiative
    return register.initiative_create(
        title=name, form=p.get("form") or "", status=p.get("status") or "idea",
        participants=[(code, ParticipantRole.PARTICIPANT) for code in partners], citations=[citation],
        classification=level, actor=actor,
    )


APPLY: dict[FactType, Callable[[dict, Citation, dt.date | None, Any, int], Model]] = {
    FactType.partner_ring: _partner_ring,
    FactType.agreement: _agreement,
    FactType.defence_spending: _spending,
    FactType.contribution: _contribution,
    FactType.procurement: _procurement,
    FactType.commitment: _commitment,
    FactType.initiative: _initiative,
}


def apply_fact(fact_type: str, payload: dict, citation: Citation, doc_date: dt.date | None, actor,
               level: int = 0) -> str:
    """Create or update the register record a fact at classification ``level`` describes; returns its label
    ('register.agreement:3')."""
    try:
        handler = APPLY[fact_type]
    except KeyError:
        raise RegisterError(f"Onbekende soort feit '{fact_type}'.") from None
    try:
        return _label(handler(payload, citation, doc_date, actor, level))
    except KeyError as exc:
        raise RegisterError(f"Het feit mist het veld {exc}.") from exc
    except DateError as exc:
        raise RegisterError("De datum van het feit is geen datum: schrijf 2019, 2019-10 of 2019-10-02.") from exc
