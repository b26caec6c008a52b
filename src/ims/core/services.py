"""The one write path every service uses: stamp who and when, validate fully, save, record history."""

from __future__ import annotations

from typing import TypeVar

from django.db import IntegrityError, transaction
from django.db.models import Model

from .models import Record

M = TypeVar("M", bound=Model)


class RegisterError(Exception):
    """A write the register refuses; the message is for the user, in Dutch."""


def record_save(instance: M, *, actor=None) -> M:
    """Validate and save one record as ``actor`` (None for system jobs such as reference data)."""
    if isinstance(instance, Record):
        if instance._state.adding and actor is not None:
            instance.created_by = actor
        if actor is not None:
            instance.updated_by = actor
    if actor is not None:
        # simple-history reads this attribute; it covers commands and jobs that have no request.
        instance._history_user = actor
    instance.full_clean()
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        raise RegisterError(f"De database weigert dit gegeven: {exc}") from exc
    return instance
