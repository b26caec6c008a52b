"""Turning a reviewed fact into register records: ask the register which record the fact describes
(:mod:`ims.register.matching`), then cite or extend that record, else create one (:mod:`ims.register.services`).

A fact is as classified as the document it was read from, and a new record gets the fact's classification;
the matching rules, and how they keep to clearance, are the register's (see ``ims.register.matching``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db.models import Model

from ims.core.services import RegisterError
from ims.framework.fact_fields import fact_fields
from ims.framework.vocab import FactType
from ims.register import matching
from ims.register import services as register
from ims.register.models import Citation, Initiative
from ims.register.vocab import ParticipantRole, vocab_label
from ims.text.dates import DateError, date_and_precision


def _field_label(fact_type: str, name: str) -> str:
    """The reviewer's label of a fact's field (as the correction form shows it), never its name in the payload."""
    field = next((f for f in fact_fields(fact_type) if f.name == name), None)
    return vocab_label(field) if field is not None else name


def _label(obj: Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def _statement_date(payload: dict, doc_date: dt.date | None) -> dt.date:
    year = payload.get("year")
    if doc_date and (year is None or year == doc_date.year):
        return doc_date
    if year:
        return dt.date(int(year), 1, 1)
    raise RegisterError("Het feit noemt geen jaar en het document heeft geen datum.")


def _partner_ring(p: dict, citation: Citation, doc_date: dt.date | None, actor, level: int) -> Model:
    partner = register.partner_for(p["partner"], actor=actor)
    on = _statement_date(p, doc_date)
    same = matching.ring_period_for_fact(user=actor, partner=partner, on=on, ring=p["ring"], level=level)
    if same is not None:
        return register.record_cite(record=same, citations=[citation], actor=actor)
    return register.ring_assign(partner=partner, ring=p["ring"], valid_from=on, citations=[citation],
                                reason="Vastgelegd uit een ingelezen document.", classification=level, actor=actor)


def _agreement(p: dict, citation: Citation, doc_date: dt.date | None, actor, level: int) -> Model:
    parties = sorted(p.get("parties") or [])
    signed_on, precision = date_and_precision(p.get("date"))
    same = matching.agreement_for_fact(user=actor, kind=p["kind"], parties=parties, signed_on=signed_on,
                                       precision=precision, level=level)
    if same is not None:
        return register.record_cite(record=same, citations=[citation], actor=actor)
    subject = p.get("subject") or ""
    title = f"{p['kind']} {'–'.join(parties)}" + (f": {subject}" if subject else "")
    return register.agreement_create(kind=p["kind"], title=title[:300], subject=subject, parties=parties,
                                     signed_on=signed_on, signed_precision=precision, citations=[citation],
                                     classification=level, actor=actor)


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _spending(p: dict, citation: Citation, doc_date: dt.date | None, actor, level: int) -> Model:
    # One figure per partner, year, kind and classification: the one this fact may change is updated.
    same = matching.spending_for_fact(user=actor, partner=p["partner"], year=p.get("year"), status=p["status"],
                                      level=level)
    return register.spending_record(partner=p["partner"], year=p.get("year"), status=p["status"],
                                    amount=_decimal(p.get("amount")), currency=p.get("currency") or "",
                                    pct_gdp=_decimal(p.get("pct_gdp")), citations=[citation],
                                    classification=level if same is None else same.classification, actor=actor)


def _contribution(p: dict, citation: Citation, doc_date: dt.date | None, actor, level: int) -> Model:
    year = p.get("year") or (doc_date.year if doc_date else None)
    if year is None:
        raise RegisterError("De bijdrage noemt geen jaar en het document heeft geen datum.")
    same = matching.contribution_for_fact(user=actor, operation=p["operation"], year=year, level=level)
    if same is not None:
        return register.contribution_join(contribution=same, partners=p.get("partners") or [],
                                          personnel=p.get("personnel"), citations=[citation], actor=actor)
    return register.contribution_create(operation=p["operation"], year=year, location=p.get("location"),
                                        personnel=p.get("personnel"), partners=p.get("partners") or [],
                                        citations=[citation], classification=level, actor=actor)


def _procurement(p: dict, citation: Citation, doc_date: dt.date | None, actor, level: int) -> Model:
    same = matching.procurement_for_fact(user=actor, partner=p["partner"], system=p["system"],
                                         quantity=p.get("quantity"), year=p.get("year"), level=level)
    if same is not None:
        return register.record_cite(record=same, citations=[citation], actor=actor)
    return register.procurement_create(partner=p["partner"], system=p["system"], quantity=p.get("quantity"),
                                       year=p.get("year"), citations=[citation], classification=level, actor=actor)


def _commitment(p: dict, citation: Citation, doc_date: dt.date | None, actor, level: int) -> Model:
    made_on, precision = date_and_precision(p.get("date"))
    made_on = made_on or doc_date
    if made_on is None:
        raise RegisterError("De toezegging heeft geen datum en het document ook niet.")
    member = p.get("member") or ""
    same = matching.commitment_for_fact(user=actor, member=member, made_on=made_on, level=level)
    if same is not None:
        return register.record_cite(record=same, citations=[citation], actor=actor)
    subject = p.get("subject") or "(onderwerp nog invullen)"
    return register.commitment_create(member=member, subject=subject, made_on=made_on, made_on_precision=precision,
                                      citations=[citation], classification=level, actor=actor)


def _initiative(p: dict, citation: Citation, doc_date: dt.date | None, actor, level: int) -> Model:
    partners = p.get("partners") or []
    same = matching.initiative_for_fact(user=actor, name=p["name"], level=level)
    if same is not None:
        return register.initiative_join(initiative=same, partners=partners, citations=[citation], actor=actor)
    return register.initiative_create(
        title=p["name"], form=p.get("form") or "", status=p.get("status") or "idea",
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


def _corrected_initiative(initiative: Initiative, payload: dict, corrected: frozenset[str], actor) -> None:
    """A reviewer's correction of an initiative's status or form also holds for the initiative it matched:
    the reviewer read the letter and says what the initiative is now."""
    fields = {name: payload[name] for name in ("status", "form")
              if name in corrected and payload.get(name) and payload[name] != getattr(initiative, name)}
    if fields:
        register.initiative_update(initiative=initiative, actor=actor, **fields)


def apply_fact(fact_type: str, payload: dict, citation: Citation, doc_date: dt.date | None, actor,
               level: int = 0, corrected: frozenset[str] = frozenset()) -> str:
    """Create or update the register record a fact at classification ``level`` describes; returns its label
    ('register.agreement:3'). ``corrected``: the fields a reviewer corrected."""
    try:
        handler = APPLY[fact_type]
    except KeyError:
        raise RegisterError(f"Onbekende soort feit '{fact_type}'.") from None
    try:
        record = handler(payload, citation, doc_date, actor, level)
    except KeyError as exc:
        raise RegisterError(f"Vul ‘{_field_label(fact_type, exc.args[0])}’ in via Corrigeren.") from exc
    except DateError as exc:
        raise RegisterError("De datum van het feit is geen datum; corrigeer hem, bijvoorbeeld als 21-05-2019, "
                            "mei 2019 of 2019.") from exc
    if isinstance(record, Initiative):
        _corrected_initiative(record, payload, corrected, actor)
    return _label(record)
