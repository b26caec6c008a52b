"""Writes of an initiative together with its parts (participants, goals and indicators, milestones, budgets),
as the create and edit forms send them: one transaction, every row through ``record_save`` (clearance,
version, history, audit), and the initiative's own version moved on, so that two people editing the same
initiative's parts at once collide as they do over its plain fields (``StaleEdit``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction

from ims.core.services import RegisterError, building, record_delete, record_save, record_version_step

from .models import Goal, Initiative, InitiativeBudget, Milestone, Participation, Partner
from .services import INITIATIVE_EDITABLE, apply_editable_fields, editor_check
from .vocab import ParticipantRole


@dataclass(frozen=True)
class PartRow:
    """One row of a part as submitted: ``pk`` None for a new one; ``version`` the one its editor loaded (the
    parts that are records of their own, milestones, carry one)."""

    values: dict = field(default_factory=dict)
    pk: int | None = None
    delete: bool = False
    version: int | None = None


@dataclass(frozen=True)
class Parts:
    """The rows of each part; None leaves that part as it is (its form was not sent)."""

    participations: Sequence[PartRow] | None = None
    goals: Sequence[PartRow] | None = None
    milestones: Sequence[PartRow] | None = None
    budgets: Sequence[PartRow] | None = None


# The model and editable fields of each part.
PART_MODELS: dict[str, tuple[type[models.Model], frozenset[str]]] = {
    "participations": (Participation, frozenset({"partner", "role"})),
    "goals": (Goal, frozenset({"category", "statement", "expected_result", "indicator", "unit", "baseline",
                               "target"})),
    "milestones": (Milestone, frozenset({"title", "due_on", "done_on", "status"})),
    "budgets": (InitiativeBudget, frozenset({"year", "amount_eur"})),
}


class PartRefused(RegisterError):
    """A row of a part the register refused; names the part and the row, so the form can put the message
    beside the field it concerns."""

    def __init__(self, *, part: str, index: int, error: ValidationError | RegisterError) -> None:
        self.part, self.index, self.error = part, index, error
        super().__init__(str(error.messages[0] if isinstance(error, ValidationError) else error))


def _leads_last(rows: Sequence[PartRow]) -> list[tuple[int, PartRow]]:
    """Rows in the order that keeps "at most one lead" true after each save: a new lead after the old one
    has stepped down."""
    return sorted(enumerate(rows), key=lambda pair: pair[1].values.get("role") == ParticipantRole.LEAD)


def _save_part(*, name: str, rows: Sequence[PartRow], initiative: Initiative, actor) -> None:
    model, editable = PART_MODELS[name]
    # A part the editor cannot see (a classified milestone, a hidden partner's participation) is not theirs to
    # change; it answers as a missing one.
    existing = model.objects.for_actor(actor).filter(initiative=initiative)
    for index, row in enumerate(rows):
        if row.delete and row.pk is not None:
            try:
                part = existing.get(pk=row.pk)
                if row.version is not None:
                    part.version = row.version
                record_delete(part, actor=actor)
            except model.DoesNotExist:
                raise PartRefused(part=name, index=index, error=RegisterError("Dit onderdeel bestaat niet meer."))\
                    from None
    for index, row in _leads_last(rows) if model is Participation else enumerate(rows):
        if row.delete:
            continue
        unknown = set(row.values) - editable
        if unknown:
            raise RegisterError(f"Onbekende velden: {', '.join(sorted(unknown))}.")
        if row.pk is None:
            part = model(initiative=initiative)
            if isinstance(part, Milestone):
                part.classification = initiative.classification
        else:
            part = existing.filter(pk=row.pk).first()
            if part is None:
                raise PartRefused(part=name, index=index, error=RegisterError("Dit onderdeel bestaat niet meer."))
            if row.version is not None:
                part.version = row.version
            part.initiative = initiative  # the one in hand, whose version a saved part moves on
        for key, value in row.values.items():
            setattr(part, key, value)
        try:
            if isinstance(part, Participation):
                _check_partner(part, actor)
            if isinstance(part, Milestone):
                editor_check(actor=actor, record=part)
            record_save(part, actor=actor)
        except (ValidationError, RegisterError) as error:
            raise PartRefused(part=name, index=index, error=error) from error


def _check_partner(part: Participation, actor) -> None:
    """A partner the actor may not see is, to them, one that does not exist (as in ``services.partner_for``)."""
    if actor is not None and part.partner_id and \
            not Partner.objects.for_user(actor).filter(pk=part.partner_id).exists():
        raise ValidationError({"partner": "Onbekende partner."})


@transaction.atomic
def initiative_save(*, actor, fields: dict, parts: Parts = Parts(), initiative: Initiative | None = None,
                    version: int | None = None) -> Initiative:
    """Create an initiative (``initiative`` None) or change one, with its parts.

    ``version`` is the initiative's version the editor started from; a newer one refuses the whole save.
    """
    if initiative is None:
        initiative = Initiative()
        apply_editable_fields(initiative, fields, editable=INITIATIVE_EDITABLE, version=None)
    else:
        apply_editable_fields(initiative, fields, editable=INITIATIVE_EDITABLE, version=version)
    editor_check(actor=actor, record=initiative)
    # Checks the version even when only its parts change (StaleEdit); one save of the form is one version step,
    # whether its fields, its parts or both changed.
    before, creating = initiative.version, initiative.pk is None
    record_save(initiative, actor=actor)
    with building(initiative) as written:
        for name in PART_MODELS:
            rows = getattr(parts, name)
            if rows is not None:
                _save_part(name=name, rows=rows, initiative=initiative, actor=actor)
    if written and not creating and initiative.version == before:
        record_version_step(initiative, actor=actor)
    return initiative
