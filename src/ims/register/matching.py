"""Which register record a fact describes: the register's matching rules (reads, taking the user).

So that accepting the same fact from two letters does not duplicate it:
- partner ring: the partner's period in force on the statement's date; the same ring only gains a citation;
- agreement: same kind, same parties and the same date (at the coarser of the two precisions);
- defence spending: same partner, year and status (the figure is updated);
- contribution: same year and an operation name at least 85 similar (rapidfuzz);
- procurement: same partner and year, the same quantity and a system name at least 85 similar;
- commitment: same member and the same month;
- initiative: a title at least 85 similar (token-set ratio, so word order and extra words matter less).

A fact is as classified as the document it was read from. Only records the user can see, classified at least
as high as the fact (``level``), are matched: what a classified letter says never ends up in (or changes) a
record that readers of lower clearance see. A record the user cannot see is, to them, not there: nothing here
tells a hidden record from a missing one, so that no answer of the review queue confirms one.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Model, Q, QuerySet
from rapidfuzz import fuzz, utils

from ims.core.services import RegisterError
from ims.text.dates import PartialDate

from .models import (
    Agreement,
    Commitment,
    Contribution,
    DefenceSpending,
    Initiative,
    Partner,
    Procurement,
    RingAssignment,
)

SIMILAR = 85
# Words that name the kind of thing rather than the thing: they should not make two names differ.
_FILLER = frozenset({"de", "het", "een", "the", "project", "programma", "initiatief", "samenwerking"})


def _name_key(name: str) -> str:
    return " ".join(w for w in utils.default_process(name).split() if w not in _FILLER)


def _visible(model: type[Model], user) -> QuerySet:
    """The records of a kind the user may see; all of them for a system job (no user)."""
    return model.objects.for_actor(user)


def _candidates(model: type[Model], user, level: int) -> QuerySet:
    """Records of one kind a fact at ``level`` may be merged into (see the module's docstring)."""
    return _visible(model, user).filter(classification__gte=level)


class RingHistoryConflict(RegisterError):
    """A ring fact that does not simply start a new period. The review queue may offer a BIA member to fit it
    into the history (``partner``, ``ring``, ``on``); the message is the same whatever stood in the way."""

    def __init__(self, *, partner: Partner, on: dt.date, ring: str) -> None:
        super().__init__(f"De schilindeling van {partner} op {on:%d-%m-%Y} ligt vóór een later vastgelegde "
                         "schilindeling en past niet zonder meer in de geschiedenis.")
        self.partner, self.on, self.ring = partner, on, ring


def ring_period_for_fact(*, user, partner: Partner, on: dt.date, ring: str, level: int) -> RingAssignment | None:
    """The period a ring fact confirms (in force on ``on``, same ring), or None when a new period is to start.

    Raises RegisterError when the fact cannot start one by itself: when a later period of its layer exists.
    Periods of other classifications are other layers and never stand in the way, so the answer neither
    confirms a hidden period nor narrows its dates.
    """
    # The fact belongs in the layer of the history at its own classification (ims.register.ring_layers): only
    # periods of that layer are matched or closed, so no period of another level is touched, named or dated.
    periods = RingAssignment.objects.for_level(level).filter(partner=partner, classification=level)
    in_force = periods.filter(valid_from__lte=on).filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on)).first()
    if in_force is not None and in_force.ring == ring:
        return in_force
    if periods.filter(valid_from__gt=on).exists():
        raise RingHistoryConflict(partner=partner, on=on, ring=ring)
    return None


def agreement_for_fact(*, user, kind: str, parties: list[str], signed_on: dt.date | None, precision: str,
                       level: int) -> Agreement | None:
    wanted = sorted(parties)
    for candidate in _candidates(Agreement, user, level).filter(kind=kind).prefetch_related("parties"):
        if sorted(p.code for p in candidate.parties.all()) == wanted and _same_date(
            candidate.signed_on, candidate.signed_precision, signed_on, precision
        ):
            return candidate
    return None


def _same_date(a: dt.date | None, a_precision: str, b: dt.date | None, b_precision: str) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return PartialDate.from_date(a, a_precision).agrees_with(PartialDate.from_date(b, b_precision))


def spending_for_fact(*, user, partner: str, year: int | None, status: str, level: int) -> DefenceSpending | None:
    """The figure a spending fact updates, or None when it is a new one.

    Raises RegisterError when the user's figure for it is classified lower than the fact: updating it would
    put a classified figure before readers of lower clearance.
    """
    visible = _visible(DefenceSpending, user).filter(partner__code=partner, year=year, status=status)
    figure = visible.filter(classification__gte=level).order_by("classification").first()
    if figure is None and visible.exists():
        raise RegisterError("Dit cijfer staat al in het register, lager gerubriceerd dan dit document; "
                            "leg de wijziging handmatig vast.")
    return figure


def contribution_for_fact(*, user, operation: str, year: int, level: int) -> Contribution | None:
    for candidate in _candidates(Contribution, user, level).filter(year=year).order_by("pk"):
        if fuzz.ratio(candidate.operation.casefold(), operation.casefold()) >= SIMILAR:
            return candidate
    return None


def procurement_for_fact(*, user, partner: str, system: str, quantity: int | None, year: int | None,
                         level: int) -> Procurement | None:
    for candidate in _candidates(Procurement, user, level).filter(partner__code=partner, year=year).order_by("pk"):
        if fuzz.ratio(candidate.system.casefold(), system.casefold()) >= SIMILAR and candidate.quantity == quantity:
            return candidate
    return None


def commitment_for_fact(*, user, member: str, made_on: dt.date, level: int) -> Commitment | None:
    return (_candidates(Commitment, user, level)
            .filter(member=member, made_on__year=made_on.year, made_on__month=made_on.month).order_by("pk").first())


def initiative_for_fact(*, user, name: str, level: int) -> Initiative | None:
    """The initiative whose title is most like ``name``, if at least :data:`SIMILAR` alike."""
    best, score = None, 0.0
    key = _name_key(name)
    for pk, title in _candidates(Initiative, user, level).order_by("pk").values_list("pk", "title"):
        similarity = fuzz.token_set_ratio(_name_key(title), key)
        if similarity > score:
            best, score = pk, similarity
    return _candidates(Initiative, user, level).get(pk=best) if best is not None and score >= SIMILAR else None
