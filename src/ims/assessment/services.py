"""Every write of the assessment app: keyword-only, permission-checked, validated, through ``record_save``.

Criteria and ring suggestions are history: recording criteria adds a row and a fresh suggestion, never
changes an old one. The ring in force is the register's (:func:`ims.register.services.ring_assign`);
setting it is the BIA's decision, so only roles with :data:`Action.SET_RING` may.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from ims import framework as fw
from ims.accounts.permissions import Action, may
from ims.core.clearance import require_clearance
from ims.core.services import RegisterError, record_save
from ims.register.models import Citation, Partner, RingAssignment
from ims.register.services import editor_check, ring_assign
from ims.register.vocab import Ring

from . import ring_change, selectors
from .models import WEIGHT_FIELDS, PartnerCriteria, RingSuggestion, WeightingScenario
from .ring_change import RingChange


def _require(actor, action: Action, what: str) -> None:
    if not may(actor, action):
        raise PermissionDenied(f"U mag geen {what}.")


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def _unit(value: float | Decimal | str, label: str) -> Decimal:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise RegisterError(f"{label}: {value!r} is geen getal.") from None
    if not number.is_finite() or not Decimal(0) <= number <= Decimal(1):
        raise RegisterError(f"{label}: {value} ligt niet tussen 0 en 1.")
    return number.quantize(Decimal("0.001"))


@transaction.atomic
def suggestion_refresh(*, partner: Partner, actor, criteria: PartnerCriteria | None = None,
                       on: dt.date | None = None) -> RingSuggestion:
    """Suggest a ring from the partner's criteria in force and the register as ``actor`` sees it.

    The bottom-up goals are counted from what the actor may see, and the suggestion is classified as
    high as the most classified thing it was built from, so that it tells nobody more than they may know.
    """
    _require(actor, Action.EDIT, "schilvoorstellen maken")
    on = on or timezone.localdate()
    if criteria is None:
        criteria = selectors.criteria_current(user=actor, partners=[partner], on=on).get(partner.pk)
    if criteria is None:
        raise RegisterError(f"Voor {partner.name_nl} zijn nog geen criteria vastgelegd.")
    counted = selectors.bottom_up_goals(user=actor, partners=[partner]).get(partner.pk, selectors.BottomUp())
    shared = selectors.shares_framework(user=actor, partner=partner)
    suggestion = fw.suggest_ring(
        float(criteria.political_distance),
        float(criteria.culture_similarity),
        float(criteria.operational_synergy),
        counted.goals,
        shared_framework=shared,
    )
    return record_save(
        RingSuggestion(
            partner=partner,
            date=on,
            ring=suggestion.ring.value,
            explanation=suggestion.text_nl,
            criteria=criteria,
            bottom_up_goals=counted.goals,
            shared_framework=shared,
            classification=max(criteria.classification, counted.classification),
        ),
        actor=actor,
    )


@transaction.atomic
def criteria_record(
    *,
    partner: Partner,
    distance: float | Decimal,
    culture: float | Decimal,
    synergy: float | Decimal,
    reason: str,
    actor,
    valid_from: dt.date | None = None,
    classification: int = 0,
) -> tuple[PartnerCriteria, RingSuggestion]:
    """Record a partner's criteria from a date (today) and the ring they suggest; both are new rows."""
    _require(actor, Action.EDIT, "partnercriteria vastleggen")
    require_clearance(actor, classification)
    if not (reason or "").strip():
        raise RegisterError("Geef een toelichting bij de criteria.")
    criteria = record_save(
        PartnerCriteria(
            partner=partner,
            valid_from=valid_from or timezone.localdate(),
            political_distance=_unit(distance, "politiek-strategische afstand"),
            culture_similarity=_unit(culture, "vergelijkbaarheid politieke cultuur"),
            operational_synergy=_unit(synergy, "operationele synergie"),
            reason=reason.strip(),
            classification=classification,
        ),
        actor=actor,
    )
    # Suggested as of the criteria's own date, so that back-dated criteria give a back-dated suggestion.
    return criteria, suggestion_refresh(partner=partner, actor=actor, criteria=criteria, on=criteria.valid_from)


class RingNeedsConfirmation(RegisterError):
    """A ring decision that rewrites the past: recorded only with ``confirmed=True``, after the BIA member has
    seen what it changes (``change``)."""

    def __init__(self, change: RingChange) -> None:
        super().__init__("Dit besluit verandert de geschiedenis van de schil; bevestig het eerst.")
        self.change = change


@transaction.atomic
def ring_set(
    *, partner: Partner, ring: str, reason: str, actor, valid_from: dt.date | None = None, confirmed: bool = False,
    classification: int = 0, citations: Sequence[Citation] = (),
) -> RingAssignment:
    """Put a partner in a ring from a date (today): the BIA's decision, which may differ from the suggestion.

    The open period is closed by the register, so the earlier ring and its reason stay in the history. A
    decision dated in an earlier year or before the last ring change rewrites the past: it needs
    ``confirmed=True`` (else :class:`RingNeedsConfirmation`), and it is fitted into the history as
    :mod:`ims.assessment.ring_change` describes. ``classification`` and ``citations``: of the new period, as
    when the decision comes from a letter in the review queue.
    """
    _require(actor, Action.SET_RING, "de schil van een partner vaststellen")
    if ring not in Ring.values:
        raise RegisterError(f"Onbekende schil {ring!r}; kies uit {', '.join(Ring.values)}.")
    if not (reason or "").strip():
        raise RegisterError("Geef de reden voor deze schilindeling.")
    on = valid_from or timezone.localdate()
    # The decision is recorded unclassified, so it is fitted into the unclassified layer of the history only
    # (ims.register.ring_layers): nothing in it depends on, changes or names a classified period.
    periods = list(RingAssignment.objects.for_level(0).select_for_update().filter(partner=partner,
                                                                                  classification=0))
    change = ring_change.plan(periods, ring=ring, valid_from=on, today=timezone.localdate())
    if change.blocked_by is not None:
        raise RegisterError(f"Op {date_format(on)} begint al een schilindeling van {partner.name_nl}; kies een "
                            "andere datum, of laat de beheerder die indeling aanpassen.")
    if change.needs_confirmation and not confirmed:
        raise RingNeedsConfirmation(change)
    try:
        if change.split is not None:
            editor_check(actor=actor, record=change.split)
            # A decision inside a closed period: that period ends at the date, the new one where it ended.
            change.split.valid_to = on
            record_save(change.split, actor=actor)
        return ring_assign(partner=partner, ring=ring, valid_from=on, valid_to=change.valid_to,
                           reason=reason.strip(), classification=classification, citations=citations, actor=actor)
    except ValidationError as error:
        raise RegisterError(_messages(error)) from None


@transaction.atomic
def scenario_create(
    *,
    name: str,
    label_nl: str,
    weights: Mapping[str, float | Decimal],
    actor,
    date: dt.date | None = None,
    classification: int = 0,
) -> WeightingScenario:
    """Add a user's weighting scenario; weights per category code, non-negative and not all zero.

    The framework validates first, so its messages (naming the field) are the ones the user sees.
    """
    _require(actor, Action.EDIT, "wegingsscenario's toevoegen")
    require_clearance(actor, classification)
    date = date or timezone.localdate()
    try:
        scenario = fw.Scenario(name, date, {key: float(value) for key, value in weights.items()}, label_nl)
    except fw.ScenarioError as error:
        raise RegisterError(str(error)) from None
    except (TypeError, ValueError):
        raise RegisterError("ongeldig scenario: de gewichten moeten getallen zijn.") from None
    if name in fw.SCENARIOS:
        raise RegisterError(f"De naam {name!r} is van een meegeleverd scenario; kies een andere.")
    # Only a scenario the actor can see blocks the name: one above their clearance answers as a free name, and
    # the new scenario is stored beside it (names are unique per classification; a reader who sees both gets
    # the more classified one by that name, see ``selectors.scenarios_all``).
    if WeightingScenario.objects.for_actor(actor).filter(name=name).exists():
        raise RegisterError(f"Er is al een scenario met de naam {name!r}.")
    row = WeightingScenario(name=name, label_nl=label_nl, date=date, classification=classification)
    for category, field in WEIGHT_FIELDS.items():
        setattr(row, field, Decimal(str(scenario.weights[category])))
    try:
        return record_save(row, actor=actor)
    except ValidationError as error:
        raise RegisterError(_messages(error)) from None


@transaction.atomic
def scenarios_load_shipped(*, actor=None) -> int:
    """Store the framework's shipped scenarios as rows; idempotent, returns how many were new.

    The pages and the command work without these rows (the shipped scenarios come from code); the rows
    let them appear in the history and keep their names taken.
    """
    created = 0
    for scenario in fw.SCENARIOS.values():
        if WeightingScenario.objects.for_actor(actor).filter(name=scenario.name).exists():
            continue
        row = WeightingScenario(name=scenario.name, label_nl=scenario.label_nl, date=scenario.date)
        for category, field in WEIGHT_FIELDS.items():
            setattr(row, field, Decimal(str(scenario.weights[category])))
        record_save(row, actor=actor)
        created += 1
    return created
